package istari

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
)

// identityClientFor connects in identity mode with creds.
func identityClientFor(t *testing.T, srv *istaritest.Server, creds *Credentials) *Client {
	t.Helper()
	secret, err := creds.InlineSecret()
	require.NoError(t, err)
	return testClient(t, "", "", gatewayOf(srv), func(c *Configuration) {
		c.IdentityServiceEnabled, c.IdentityServiceSecret = true, secret
	})
}

// gatewayOf reaches the fake through its gateway (DigitalAPIURL) instead of directly.
func gatewayOf(srv *istaritest.Server) func(*Configuration) {
	return func(c *Configuration) { c.RegistryURL, c.DigitalAPIURL = "", srv.URL }
}

// exchangeFor exchanges a user's personal access token for an access key.
func exchangeFor(t *testing.T, srv *istaritest.Server, pat string, kind enums.PrincipalKind) *ExchangePATResult {
	t.Helper()
	c := testClient(t, "", Secret(pat), gatewayOf(srv))
	res, err := c.Keys().GenerateAndExchange(context.Background(), &GenerateAndExchangeOptions{Kind: kind})
	require.NoError(t, err)
	return res
}

func TestKeyLifecycleAgainstTheFake(t *testing.T) {
	srv := istaritest.NewServer(istaritest.WithIdentityService())
	t.Cleanup(srv.Close)
	ctx := context.Background()
	first := exchangeFor(t, srv, srv.Token(), "")
	assert.Equal(t, srv.ClientID(srv.Owner()), first.ClientID)
	assert.Equal(t, srv.Owner().ID, first.UserUUID)
	assert.Equal(t, first.KeyID, *first.Name, "a blank name becomes the key id")
	c := identityClientFor(t, srv, first.Credentials)
	keys := c.Keys()

	gen, err := keys.GenerateAndRegister(ctx, &GenerateAndRegisterOptions{KeyID: "key-second", Name: "second"})
	require.NoError(t, err)
	assert.Equal(t, "key-second", gen.Credentials.KeyID)
	assert.Equal(t, first.ClientID, gen.Credentials.ClientID, "bound to the caller's own client id")
	// The new key works on its own.
	other := identityClientFor(t, srv, gen.Credentials)
	me, err := other.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.Owner().ID, me.ID)

	list, err := keys.List(ctx, KeyTarget{})
	require.NoError(t, err)
	assert.Equal(t, first.ClientID, list.ClientID)
	assert.Len(t, list.Keys, 2)
	got, err := keys.Get(ctx, "key-second", KeyTarget{})
	require.NoError(t, err)
	assert.Equal(t, "second", *got.Name)
	assert.Equal(t, "ES384", got.Algorithm)

	_, err = keys.Register(ctx, gen.Credentials, nil)
	var ie *IdentityServiceError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrConflict)
	assert.Equal(t, "duplicate_key_id", ie.Code)

	require.NoError(t, keys.Revoke(ctx, "key-second", KeyTarget{}))
	_, err = keys.Get(ctx, "key-second", KeyTarget{})
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, "not_found", ie.Code)
	assert.Equal(t, []string{first.KeyID}, srv.AccessKeys(srv.Owner()))
}

func TestKeyPrincipalRules(t *testing.T) {
	srv := istaritest.NewServer(istaritest.WithIdentityService())
	t.Cleanup(srv.Close)
	ctx := context.Background()
	bob := srv.AddUser("bob")
	admin := identityClientFor(t, srv, exchangeFor(t, srv, srv.Token(), "").Credentials)
	user := identityClientFor(t, srv, exchangeFor(t, srv, bob.Token, "").Credentials)

	// A regular user cannot touch another principal's keys; an administrator of the tenant can.
	_, err := user.Keys().List(ctx, KeyTarget{PrincipalID: srv.Owner().ID})
	assert.ErrorIs(t, err, ErrForbidden)
	bobKeys, err := admin.Keys().List(ctx, KeyTarget{PrincipalID: bob.ID})
	require.NoError(t, err)
	assert.Equal(t, "bob", bobKeys.ClientID)
	assert.Len(t, bobKeys.Keys, 1)

	// The administrator creates an agent with its first key; the agent then authenticates with it.
	creds, err := GenerateCredentials("agent-7", "agent-key-1")
	require.NoError(t, err)
	target := KeyTarget{PrincipalID: "agent-7", Kind: enums.PrincipalKindAgent}
	_, err = admin.Keys().Register(ctx, creds, &RegisterKeyOptions{Target: target, Username: "builder", DisplayName: "Builder"})
	require.NoError(t, err)
	agent := identityClientFor(t, srv, creds)
	me, err := agent.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, "agent-7", me.ID)
	agentKeys, err := admin.Keys().List(ctx, target)
	require.NoError(t, err)
	assert.Len(t, agentKeys.Keys, 1)
	// An agent cannot manage keys, its own included; a user cannot manage an agent's.
	_, err = agent.Keys().List(ctx, target)
	assert.ErrorIs(t, err, ErrForbidden)
	_, err = user.Keys().List(ctx, target)
	assert.ErrorIs(t, err, ErrForbidden)
	// Agent routes take no "me".
	var ve *ValidationError
	_, err = agent.Keys().List(ctx, KeyTarget{Kind: enums.PrincipalKindAgent})
	require.ErrorAs(t, err, &ve)
}

// The identity service's error text may echo the PAT being exchanged: it is scrubbed from the error, in every
// printed form, although the client never saw that PAT before the call.
func TestHostileIdentityErrorEchoingThePATScrubbed(t *testing.T) {
	srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"error":"invalid_token","error_description":"token ` + hostileToken + ` is revoked"}`))
	})
	c := hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.DigitalAPIURL = srv.URL; cfg.RetryMaxAttempts = 1 })
	_, err := c.Keys().GenerateAndExchange(context.Background(), nil)
	var ie *IdentityServiceError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "invalid_token", ie.Code)
	noSecretIn(t, everyForm(err), hostileToken)
}

// An identity-service answer is bounded like a registry answer (MaxResponseBytes).
func TestHostileIdentityAnswerBounded(t *testing.T) {
	big := strings.Repeat("x", 8<<20)
	srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"client_id":"c","key_id":"k","name":"` + big + `"}`))
	})
	c := hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.DigitalAPIURL = srv.URL; cfg.MaxResponseBytes = 1 << 10 })
	_, err := c.Keys().GenerateAndExchange(context.Background(), nil)
	var ie *IdentityServiceError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrResponseTooLarge)
}
