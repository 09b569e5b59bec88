package istari

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

const (
	identityTokenURL = testBase + "/identity/oauth2/token"
	testAccessToken  = "idt-ACCESS-SECRET-1"
)

// identityMock is an httpmock identity service: a token endpoint that verifies the assertion and one
// scripted answer for every other request, which it records.
type identityMock struct {
	mu       sync.Mutex
	tokens   int
	requests []recorded
	status   int
	resp     string
}

type recorded struct {
	method, path, auth, ctype, accept, body string
}

func identityClient(t *testing.T, mutate ...func(*Configuration)) (*Client, *identityMock) {
	t.Helper()
	m := &identityMock{status: 200}
	c, mt := mockClient(t, append([]func(*Configuration){func(c *Configuration) {
		c.RegistryURL, c.DigitalAPIURL = "", testBase
		c.IdentityServiceEnabled, c.IdentityServiceSecret = true, testInlineSecret()
	}}, mutate...)...)
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		body := readAll(r)
		m.mu.Lock()
		defer m.mu.Unlock()
		if r.URL.String() == identityTokenURL {
			m.tokens++
			checkTokenRequest(t, r, body)
			resp := httpmock.NewStringResponse(200, `{"access_token": "`+testAccessToken+`", "token_type": "Bearer", "expires_in": 3600}`)
			resp.Header.Set("Content-Type", "application/json")
			return resp, nil
		}
		m.requests = append(m.requests, recorded{r.Method, r.URL.EscapedPath(), r.Header.Get("Authorization"),
			r.Header.Get("Content-Type"), r.Header.Get("Accept"), body})
		resp := httpmock.NewStringResponse(m.status, m.resp)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	return c, m
}

// checkTokenRequest asserts the token request on the wire: form fields, and the assertion verified with the
// configured public key.
func checkTokenRequest(t *testing.T, r *http.Request, body string) {
	t.Helper()
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
	assert.Empty(t, r.Header.Get("Authorization"))
	form, err := url.ParseQuery(body)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"grant_type", "client_assertion_type", "client_assertion"}, keysOf(form))
	assert.Equal(t, "client_credentials", form.Get("grant_type"))
	assert.Equal(t, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.Get("client_assertion_type"))
	creds := testCredentials()
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(form.Get("client_assertion"), claims, func(*jwt.Token) (any, error) {
		return &creds.PrivateKey().PublicKey, nil
	}, jwt.WithValidMethods([]string{"ES384"}), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
	require.NoError(t, err)
	assert.Equal(t, creds.KeyID, tok.Header["kid"])
	assert.Equal(t, "JWT", tok.Header["typ"])
	assert.Equal(t, creds.ClientID, claims["iss"])
	assert.Equal(t, creds.ClientID, claims["sub"])
	assert.Equal(t, identityTokenURL, claims["aud"])
	assert.Equal(t, claims["iat"].(float64)+300, claims["exp"])
	assert.Len(t, claims["jti"], 36)
}

func keysOf(v url.Values) []string {
	var out []string
	for k := range v {
		out = append(out, k)
	}
	return out
}

func TestRegistryCallsCarryTheAccessToken(t *testing.T) {
	c, mt := mockClient(t, func(c *Configuration) {
		c.RegistryURL, c.DigitalAPIURL = "", testBase
		c.IdentityServiceEnabled, c.IdentityServiceSecret = true, testInlineSecret()
	})
	var tokenCalls int
	var auths []string
	mt.RegisterResponder("POST", identityTokenURL, func(r *http.Request) (*http.Response, error) {
		tokenCalls++
		checkTokenRequest(t, r, readAll(r))
		return httpmock.NewStringResponse(200, `{"access_token": "`+testAccessToken+`", "expires_in": "3600"}`), nil
	})
	mt.RegisterResponder("GET", testBase+"/registry/api/v2/users/me", func(r *http.Request) (*http.Response, error) {
		auths = append(auths, r.Header.Get("Authorization"))
		return httpmock.NewStringResponse(200, `{"id": "u1"}`), nil
	})
	for range 3 {
		_, err := c.GetCurrentUser(context.Background())
		require.NoError(t, err)
	}
	assert.Equal(t, 1, tokenCalls)
	assert.Equal(t, []string{"Bearer " + testAccessToken, "Bearer " + testAccessToken, "Bearer " + testAccessToken}, auths)
}

func TestKeyRoutesOnTheWire(t *testing.T) {
	creds := testCredentials()
	pub, err := creds.PublicKeyPEM()
	require.NoError(t, err)
	pubJSON, _ := json.Marshal(pub)
	expires := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)
	meta := `{"key_id": "key-9", "name": "laptop", "algorithm": "ES384", "created_at": "2026-01-02T03:04:05Z", "expires_at": "2027-01-02T03:04:05Z"}`
	keys := `{"client_id": "alice", "user_uuid": "u-1", "tenant_id": "t-1", "enabled": true, "keys": [` + meta + `]}`
	exchange := `{"client_id": "alice", "key_id": "srv-key", "tenant_id": "t-1", "user_uuid": "u-1", "name": "laptop"}`

	cases := []struct {
		name, method, path, auth, body string
		status                         int
		resp                           string
		call                           func(ctx context.Context, k *KeyManager) (any, error)
		check                          func(t *testing.T, got any)
	}{
		{"exchange user", "POST", "/identity/api/v1/users/exchange-pat", "Bearer " + testToken,
			`{"key_id": "key-test", "public_key_pem": ` + string(pubJSON) + `, "name": "laptop"}`, 200, exchange,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.ExchangePAT(ctx, creds, &ExchangePATOptions{Name: " laptop "})
			},
			func(t *testing.T, got any) {
				r := got.(*ExchangePATResult)
				assert.Equal(t, "t-1", r.TenantID)
				assert.Equal(t, "alice", r.Credentials.ClientID)
				assert.Equal(t, "srv-key", r.Credentials.KeyID)
				assert.True(t, r.Credentials.PrivateKey().Equal(creds.PrivateKey()))
			}},
		{"exchange agent", "POST", "/identity/api/v1/agents/exchange-pat", "Bearer agent-pat",
			`{"key_id": "key-test", "public_key_pem": ` + string(pubJSON) + `}`, 200, exchange,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.ExchangePAT(ctx, creds, &ExchangePATOptions{PAT: "agent-pat", Kind: enums.PrincipalKindAgent})
			}, nil},
		{"register me", "POST", "/identity/api/v1/users/me/keys", "Bearer " + testAccessToken,
			`{"key_id": "key-test", "public_key_pem": ` + string(pubJSON) + `, "name": "laptop", "expires_at": "` + expires.Format(time.RFC3339) + `"}`, 201, meta,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.Register(ctx, creds, &RegisterKeyOptions{Name: "laptop", ExpiresAt: &expires})
			},
			func(t *testing.T, got any) {
				m := got.(*types.KeyMetadata)
				assert.Equal(t, "key-9", m.KeyID)
				assert.Equal(t, 2027, m.ExpiresAt.Year())
			}},
		{"register agent", "POST", "/identity/api/v1/agents/ag%2F1/keys", "Bearer " + testAccessToken,
			`{"key_id": "key-test", "public_key_pem": ` + string(pubJSON) + `, "username": "bot", "display_name": "The Bot"}`, 201, meta,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.Register(ctx, creds, &RegisterKeyOptions{Target: KeyTarget{PrincipalID: "ag/1", Kind: enums.PrincipalKindAgent},
					Username: "bot", DisplayName: "The Bot"})
			}, nil},
		{"list me", "GET", "/identity/api/v1/users/me/keys", "Bearer " + testAccessToken, "", 200, keys,
			func(ctx context.Context, k *KeyManager) (any, error) { return k.List(ctx, KeyTarget{}) },
			func(t *testing.T, got any) {
				p := got.(*types.PrincipalKeys)
				assert.True(t, p.Enabled)
				require.Len(t, p.Keys, 1)
				assert.Equal(t, "ES384", p.Keys[0].Algorithm)
			}},
		{"list agent null keys", "GET", "/identity/api/v1/agents/ag-1/keys", "Bearer " + testAccessToken, "", 200,
			`{"client_id": "ag-1", "user_uuid": "ag-1", "tenant_id": "t-1", "enabled": false, "keys": null}`,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.List(ctx, KeyTarget{PrincipalID: "ag-1", Kind: "AGENT"})
			},
			func(t *testing.T, got any) { assert.NotNil(t, got.(*types.PrincipalKeys).Keys) }},
		{"get user key strictly escaped", "GET", "/identity/api/v1/users/u%40x/keys/k%3A1%2B2", "Bearer " + testAccessToken, "", 200, meta,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.Get(ctx, "k:1+2", KeyTarget{PrincipalID: "u@x"})
			}, nil},
		{"get agent key", "GET", "/identity/api/v1/agents/ag-1/keys/key-9", "Bearer " + testAccessToken, "", 200, meta,
			func(ctx context.Context, k *KeyManager) (any, error) {
				return k.Get(ctx, "key-9", KeyTarget{PrincipalID: "ag-1", Kind: enums.PrincipalKindAgent})
			}, nil},
		{"revoke user key", "DELETE", "/identity/api/v1/users/me/keys/key-9", "Bearer " + testAccessToken, "", 204, "",
			func(ctx context.Context, k *KeyManager) (any, error) {
				return nil, k.Revoke(ctx, "key-9", KeyTarget{PrincipalID: "me"})
			}, nil},
		{"revoke agent key", "DELETE", "/identity/api/v1/agents/ag-1/keys/key-9", "Bearer " + testAccessToken, "", 204, "",
			func(ctx context.Context, k *KeyManager) (any, error) {
				return nil, k.Revoke(ctx, "key-9", KeyTarget{PrincipalID: "ag-1", Kind: enums.PrincipalKindAgent})
			}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := identityClient(t)
			m.status, m.resp = tc.status, tc.resp
			got, err := tc.call(context.Background(), c.Keys())
			require.NoError(t, err)
			require.Len(t, m.requests, 1)
			r := m.requests[0]
			assert.Equal(t, tc.method, r.method)
			assert.Equal(t, tc.path, r.path)
			assert.Equal(t, tc.auth, r.auth)
			assert.Equal(t, "application/json", r.accept)
			if tc.body == "" {
				assert.Empty(t, r.body)
				assert.Empty(t, r.ctype)
			} else {
				assert.JSONEq(t, tc.body, r.body)
				assert.Equal(t, "application/json", r.ctype)
			}
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

func TestKeyErrorsAreTyped(t *testing.T) {
	for _, tt := range []struct {
		status   int
		body     string
		sentinel error
		code     string
		msg      string
	}{
		{404, `{"error": "not_found", "error_description": "no such key"}`, ErrNotFound, "not_found",
			"istari: identity service: get_user_key: Identity-router request failed: HTTP 404 (not_found): no such key"},
		{409, `{"error": "duplicate_key_id"}`, ErrConflict, "duplicate_key_id",
			"istari: identity service: get_user_key: Identity-router request failed: HTTP 409 (duplicate_key_id)"},
		{403, `<html>nope</html>`, ErrForbidden, "", "istari: identity service: get_user_key: Identity-router request failed: HTTP 403"},
	} {
		c, m := identityClient(t)
		m.status, m.resp = tt.status, tt.body
		_, err := c.Keys().Get(context.Background(), "k", KeyTarget{})
		var ie *IdentityServiceError
		require.ErrorAs(t, err, &ie)
		assert.ErrorIs(t, err, tt.sentinel)
		assert.ErrorIs(t, err, ErrIdentityService)
		assert.Equal(t, tt.code, ie.Code)
		assert.Equal(t, tt.status, ie.StatusCode)
		assert.Equal(t, tt.msg, err.Error())
		assert.Len(t, m.requests, 1, "4xx is terminal")
	}
}

func TestKeyCall401RefreshesOnceButPAT401IsTerminal(t *testing.T) {
	c, m := identityClient(t)
	m.status, m.resp = 401, `{"error": "invalid_token"}`
	_, err := c.Keys().List(context.Background(), KeyTarget{})
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.Len(t, m.requests, 2)
	assert.Equal(t, 2, m.tokens, "one refresh after the 401")

	c, m = identityClient(t)
	m.status, m.resp = 401, `{"error": "invalid_pat"}`
	_, err = c.Keys().GenerateAndExchange(context.Background(), nil)
	var ie *IdentityServiceError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "invalid_pat", ie.Code)
	assert.Len(t, m.requests, 1)
	assert.Zero(t, m.tokens, "an exchange needs no access token")
}

func TestKeyPrerequisitesFailBeforeAnyRequest(t *testing.T) {
	ctx := context.Background()
	// Agent routes need an explicit principal: checked first.
	c, m := identityClient(t)
	_, err := c.Keys().List(ctx, KeyTarget{Kind: enums.PrincipalKindAgent})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "principal_id", ve.Field)
	assert.Contains(t, err.Error(), `"me" is not valid on agent key routes, and an agent cannot manage its own keys`)
	_, err = c.Keys().List(ctx, KeyTarget{Kind: "robot"})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "kind", ve.Field)
	_, err = c.Keys().Register(ctx, testCredentials(), &RegisterKeyOptions{ExpiresAt: Ptr(time.Now().Add(-time.Hour))})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "expires_at", ve.Field)
	_, err = c.Keys().Register(ctx, &Credentials{ClientID: "x", KeyID: "y"}, nil)
	require.ErrorAs(t, err, &ve)
	err = c.Keys().Revoke(ctx, "", KeyTarget{})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "key_id", ve.Field)
	assert.Empty(t, m.requests)
	assert.Zero(t, m.tokens)

	// Without identity mode: key management is refused, the exchange works.
	pc, mt := mockClient(t, func(c *Configuration) { c.DigitalAPIURL = testBase })
	_, err = pc.Keys().List(ctx, KeyTarget{})
	var ce *ConfigurationError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "IdentityServiceEnabled", ce.Field)
	assert.Contains(t, ce.Msg, "Identity Service mode is not enabled; key management requires it.")
	_, err = pc.Keys().ClientID()
	require.ErrorAs(t, err, &ce)

	// Without a gateway URL: neither.
	dc, _ := mockClient(t)
	_, err = dc.Keys().GenerateAndExchange(ctx, nil)
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "DigitalAPIURL", ce.Field)
	assert.Contains(t, ce.Msg, "Identity Service URL could not be derived")

	// Identity mode without a PAT: the exchange has nothing to exchange.
	nc, nm := identityClient(t, func(c *Configuration) { c.RegistryAuthToken = "" })
	_, err = nc.Keys().GenerateAndExchange(ctx, nil)
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "RegistryAuthToken", ce.Field)
	assert.Contains(t, ce.Msg, "No PAT provided and no registry auth token is configured")
	assert.Empty(t, nm.requests)
	assert.Zero(t, mt.GetTotalCallCount())
}
