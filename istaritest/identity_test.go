package istaritest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/identity"
)

// post sends a body to the fake and returns the status and the decoded JSON answer.
func post(t *testing.T, s *Server, path, token, ctype, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

// registered exchanges the owner's PAT for a new key and returns its credentials.
func registered(t *testing.T, s *Server) *identity.Credentials {
	t.Helper()
	creds, err := identity.Generate("", "")
	require.NoError(t, err)
	pub, err := creds.PublicKeyPEM()
	require.NoError(t, err)
	body, _ := json.Marshal(map[string]string{"key_id": creds.KeyID, "public_key_pem": pub})
	status, out := post(t, s, "/identity/api/v1/users/exchange-pat", s.Token(), "application/json", string(body))
	require.Equal(t, 200, status, out)
	creds.ClientID = out["client_id"].(string)
	return creds
}

func tokenRequest(t *testing.T, s *Server, assertion string) (int, map[string]any) {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "client_assertion_type": {identity.AssertionType}, "client_assertion": {assertion}}
	return post(t, s, "/identity/oauth2/token", "", "application/x-www-form-urlencoded", form.Encode())
}

// sign makes an assertion with claims changed by mutate.
func sign(t *testing.T, creds *identity.Credentials, aud string, mutate func(jwt.MapClaims, map[string]any)) string {
	t.Helper()
	now := time.Now().Unix()
	claims := jwt.MapClaims{"iss": creds.ClientID, "sub": creds.ClientID, "aud": aud, "iat": now, "exp": now + 300, "jti": "jti-" + time.Now().Format(time.RFC3339Nano)}
	tok := jwt.NewWithClaims(jwt.SigningMethodES384, claims)
	tok.Header["kid"] = creds.KeyID
	if mutate != nil {
		mutate(claims, tok.Header)
	}
	signed, err := tok.SignedString(creds.Key)
	require.NoError(t, err)
	return signed
}

func TestTokenEndpointChecksTheAssertion(t *testing.T) {
	s := NewServer(WithTokenLifetime(90 * time.Second))
	defer s.Close()
	creds := registered(t, s)
	other, err := identity.Generate(creds.ClientID, creds.KeyID) // same ids, another key
	require.NoError(t, err)
	aud := s.URL + "/identity/oauth2/token"

	good := sign(t, creds, aud, nil)
	status, out := tokenRequest(t, s, good)
	require.Equal(t, 200, status, out)
	assert.EqualValues(t, 90, out["expires_in"])
	token := out["access_token"].(string)
	resp, _ := get(t, s, "/registry/api/v2/users/me", token)
	assert.Equal(t, 200, resp.StatusCode, "the registry accepts the access token")
	assert.Empty(t, resp.Header.Get("X-Istari-Auth-Deprecation"))

	for name, assertion := range map[string]string{
		"replayed jti":    good,
		"unknown kid":     sign(t, creds, aud, func(_ jwt.MapClaims, h map[string]any) { h["kid"] = "key-nope" }),
		"wrong signature": sign(t, other, aud, nil),
		"wrong audience":  sign(t, creds, "http://elsewhere/identity/oauth2/token", nil),
		"expired":         sign(t, creds, aud, func(c jwt.MapClaims, _ map[string]any) { c["exp"] = time.Now().Unix() - 10 }),
		"no exp":          sign(t, creds, aud, func(c jwt.MapClaims, _ map[string]any) { delete(c, "exp") }),
		"iss is not sub":  sign(t, creds, aud, func(c jwt.MapClaims, _ map[string]any) { c["sub"] = "someone-else" }),
		"no jti":          sign(t, creds, aud, func(c jwt.MapClaims, _ map[string]any) { delete(c, "jti") }),
		"not a JWT":       "garbage",
	} {
		status, out := tokenRequest(t, s, assertion)
		assert.Equal(t, 401, status, name)
		assert.Equal(t, "invalid_client", out["error"], name)
	}
	assert.Equal(t, IdentityStats{TokensIssued: 1, MaxConcurrentTokenRequests: 1}, s.IdentityStats())

	// Expired access tokens are refused by the registry.
	s.ExpireAccessTokens()
	resp, _ = get(t, s, "/registry/api/v2/users/me", token)
	assert.Equal(t, 401, resp.StatusCode)
}

func TestPATCallsAreDeprecatedInIdentityMode(t *testing.T) {
	s := NewServer(WithIdentityService())
	defer s.Close()
	resp, _ := get(t, s, "/registry/api/v2/users/me", s.Token())
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, PATDeprecatedDetail, resp.Header.Get("X-Istari-Auth-Deprecation"))
	status, _ := post(t, s, "/registry/api/v2/pat?name=x", s.Token(), "application/json", "")
	assert.Equal(t, 405, status)

	// Without identity mode there is no notice.
	plain := NewServer()
	defer plain.Close()
	resp, _ = get(t, plain, "/api/v2/users/me", plain.Token())
	assert.Empty(t, resp.Header.Get("X-Istari-Auth-Deprecation"))
}

func TestExchangeAndKeyRouteErrors(t *testing.T) {
	s := NewServer()
	defer s.Close()
	creds := registered(t, s)
	pub, _ := creds.PublicKeyPEM()
	dup, _ := json.Marshal(map[string]string{"key_id": creds.KeyID, "public_key_pem": pub})
	status, out := post(t, s, "/identity/api/v1/users/exchange-pat", s.Token(), "application/json", string(dup))
	assert.Equal(t, 409, status)
	assert.Equal(t, "duplicate_key_id", out["error"])
	status, out = post(t, s, "/identity/api/v1/users/exchange-pat", "not-a-pat", "application/json", string(dup))
	assert.Equal(t, 401, status)
	assert.Equal(t, "invalid_pat", out["error"])
	status, out = post(t, s, "/identity/api/v1/users/me/keys", s.Token(), "application/json", string(dup))
	assert.Equal(t, 401, status, "key routes take access tokens, not PATs")
	assert.Equal(t, "invalid_token", out["error"])
	bad, _ := json.Marshal(map[string]string{"key_id": "k2", "public_key_pem": "nope"})
	status, out = post(t, s, "/identity/api/v1/users/exchange-pat", s.Token(), "application/json", string(bad))
	assert.Equal(t, 400, status)
	assert.Equal(t, "invalid_public_key", out["error"])
}
