package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/istaritest"
)

// testCredentials is one P-384 key pair shared by the tests of this package (generating one per test is slow
// under -race).
var testCredentials = sync.OnceValue(func() *Credentials {
	c, err := GenerateCredentials("client-test", "key-test")
	if err != nil {
		panic(err)
	}
	return c
})

// testInlineSecret is testCredentials in the inline form of IdentityServiceSecret.
func testInlineSecret() Secret {
	s, err := testCredentials().InlineSecret()
	if err != nil {
		panic(err)
	}
	return s
}

func TestValidIdentityConfigurationNeedsNoToken(t *testing.T) {
	c := Configuration{DigitalAPIURL: "https://api.example.com/", IdentityServiceEnabled: true, IdentityServiceSecret: testInlineSecret()}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	// The file wins over the inline secret: a broken file is reported even with a good inline secret.
	c.IdentityServiceSecretFile = t.TempDir()
	requireOneConfErr(t, c.Validate(), "IdentityServiceSecretFile", envIdentitySecretFile)
}

// identityFake starts a fake identity-enabled platform and exchanges its owner's personal access token for an
// access key written to a credentials file; it returns the fake, the file and the key's credentials.
func identityFake(t *testing.T, opts ...istaritest.Option) (*istaritest.Server, string, *Credentials) {
	t.Helper()
	srv := istaritest.NewServer(append([]istaritest.Option{istaritest.WithIdentityService()}, opts...)...)
	t.Cleanup(srv.Close)
	patClient := testClient(t, "", Secret(srv.Token()), gatewayOf(srv))
	res, err := patClient.Keys().GenerateAndExchange(context.Background(), &GenerateAndExchangeOptions{Name: "e2e"})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "identity.json")
	require.NoError(t, res.Credentials.WriteFile(path))
	return srv, path, res.Credentials
}

// identityEnv configures the process environment for identity mode only (every other ISTARI_ variable the
// tests could inherit is cleared) and returns the client ConfigurationFromEnv builds.
func identityEnv(t *testing.T, srv *istaritest.Server, credsFile string, logger *slog.Logger) *Client {
	t.Helper()
	for _, name := range []string{"ISTARI_REGISTRY_URL", "ISTARI_DIGITAL_REGISTRY_URL", "ISTARI_REGISTRY_AUTH_TOKEN",
		"ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN", "ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED", "ISTARI_CLIENT_IDENTITY_SERVICE_SECRET",
		"ISTARI_CLIENT_LOG_LEVEL", "ISTARI_CLIENT_LOG_TO_FILE", "ISTARI_CLIENT_PROXY_URL", "ISTARI_CLIENT_OPENAPI_SPEC"} {
		t.Setenv(name, "")
	}
	t.Setenv("ISTARI_DIGITAL_API_URL", srv.URL)
	t.Setenv("ISTARI_CLIENT_IDENTITY_SERVICE_ENABLED", "true")
	t.Setenv("ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE", credsFile)
	t.Setenv("ISTARI_CLIENT_RETRY_MIN_INTERVAL_MILLIS", "1")
	t.Setenv("ISTARI_CLIENT_RETRY_MAX_INTERVAL_MILLIS", "5")
	cfg, err := ConfigurationFromEnv()
	require.NoError(t, err)
	cfg.Logger = logger // a test observation point, not configuration
	c, err := NewClient(cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func bearerOf(r istaritest.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func TestIdentityModeConfiguredOnlyFromTheEnvironment(t *testing.T) {
	srv, file, creds := identityFake(t)
	c := identityEnv(t, srv, file, nil)
	ctx := context.Background()

	me, err := c.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.Owner().ID, me.ID, "the access token authenticates as the key's user")
	reqs := srv.RequestsFor("get_current_user")
	require.Len(t, reqs, 1)
	assert.True(t, strings.HasPrefix(bearerOf(reqs[0]), "idt-"), "registry call sent an identity access token")
	assert.NotEqual(t, srv.Token(), bearerOf(reqs[0]))
	assert.Nil(t, c.AuthDeprecation(), "no PAT deprecation notice for access-token calls")
	assert.Equal(t, 1, srv.IdentityStats().TokensIssued)
	clientID, err := c.Keys().ClientID()
	require.NoError(t, err)
	assert.Equal(t, creds.ClientID, clientID)

	// The same registry still serves PAT calls, with the deprecation notice.
	pc := testClient(t, "", Secret(srv.Token()), gatewayOf(srv))
	_, err = pc.GetCurrentUser(ctx)
	require.NoError(t, err)
	require.NotNil(t, pc.AuthDeprecation())
	assert.True(t, pc.AuthDeprecation().Detected)
}

func TestShortLivedTokensUnderConcurrentLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("10-second load test")
	}
	srv, file, _ := identityFake(t, istaritest.WithTokenLifetime(2*time.Second))
	// Each token request takes 30 ms, so overlapping fetches would be seen.
	srv.InjectFault(istaritest.Fault{Op: "issue_token", Latency: 30 * time.Millisecond, Times: 1000})
	c := identityEnv(t, srv, file, nil)
	before := srv.IdentityStats().TokensIssued

	const workers = 100
	deadline := time.Now().Add(10 * time.Second)
	var calls, failures atomic.Int64
	var wg sync.WaitGroup
	var firstErr sync.Once
	for range workers {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				_, err := c.GetCurrentUser(ctx)
				cancel()
				calls.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.Do(func() { t.Errorf("call failed: %v", err) })
				}
				time.Sleep(200 * time.Millisecond)
			}
		})
	}
	wg.Wait()
	stats := srv.IdentityStats()
	fetched := stats.TokensIssued - before
	t.Logf("%d calls, %d failures, %d token fetches, at most %d at once", calls.Load(), failures.Load(), fetched, stats.MaxConcurrentTokenRequests)
	assert.Zero(t, failures.Load())
	assert.Equal(t, 1, stats.MaxConcurrentTokenRequests, "never more than one token fetch at a time")
	// A 2 s token is refreshed when a quarter of its life is left: about every 1.5 s, so 6 to 8 fetches in 10 s.
	assert.GreaterOrEqual(t, fetched, 5)
	assert.LessOrEqual(t, fetched, 9)
	assert.Greater(t, calls.Load(), int64(workers*5), "the load really ran")
}

func TestRevokedKeyFailsTheNextRefresh(t *testing.T) {
	srv, file, creds := identityFake(t, istaritest.WithTokenLifetime(2*time.Second))
	c := identityEnv(t, srv, file, nil)
	ctx := context.Background()
	_, err := c.GetCurrentUser(ctx)
	require.NoError(t, err)
	require.NoError(t, c.Keys().Revoke(ctx, creds.KeyID, KeyTarget{}))

	// The cached token still works until its refresh is due (1.5 s into its 2 s life).
	_, err = c.GetCurrentUser(ctx)
	require.NoError(t, err)
	time.Sleep(1600 * time.Millisecond)
	srv.ResetRequests()
	start := time.Now()
	_, err = c.GetCurrentUser(ctx)
	var ie *IdentityServiceError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrIdentityService)
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.Equal(t, "issue_token", ie.Op)
	assert.Equal(t, 401, ie.StatusCode)
	assert.Equal(t, "invalid_client", ie.Code)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Len(t, srv.RequestsFor("issue_token"), 3, "the token request is retried RetryMaxAttempts times, no more")
	assert.Empty(t, srv.RequestsFor("get_current_user"), "no registry call without a token")

	// The next call tries once more, just as boundedly.
	_, err = c.GetCurrentUser(ctx)
	require.ErrorAs(t, err, &ie)
	assert.Len(t, srv.RequestsFor("issue_token"), 6)
}

func TestRegistry401RefreshesExactlyOnce(t *testing.T) {
	srv, file, _ := identityFake(t)
	c := identityEnv(t, srv, file, nil)
	ctx := context.Background()
	_, err := c.GetCurrentUser(ctx)
	require.NoError(t, err)
	issued := srv.IdentityStats().TokensIssued

	// The registry stops accepting the cached token: one refresh, then the call succeeds.
	srv.ExpireAccessTokens()
	srv.ResetRequests()
	_, err = c.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, issued+1, srv.IdentityStats().TokensIssued)
	reqs := srv.RequestsFor("get_current_user")
	require.Len(t, reqs, 2)
	assert.NotEqual(t, bearerOf(reqs[0]), bearerOf(reqs[1]))

	// The registry keeps answering 401: still exactly one refresh, then the 401 is the caller's.
	srv.InjectFault(istaritest.Fault{Op: "get_current_user", Status: 401, Times: 5})
	srv.ResetRequests()
	_, err = c.GetCurrentUser(ctx)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 401, ae.StatusCode)
	assert.Equal(t, issued+2, srv.IdentityStats().TokensIssued)
	assert.Len(t, srv.RequestsFor("get_current_user"), 2)
	assert.Len(t, srv.RequestsFor("issue_token"), 1)
}

func TestTokenEndpointFaultsAreRetried(t *testing.T) {
	srv, file, _ := identityFake(t)
	srv.InjectFault(istaritest.Fault{Op: "issue_token", Status: 503})
	srv.InjectFault(istaritest.Fault{Op: "issue_token", Drop: true})
	c := identityEnv(t, srv, file, nil)
	_, err := c.GetCurrentUser(context.Background())
	require.NoError(t, err)
	assert.Len(t, srv.RequestsFor("issue_token"), 3)
	assert.Zero(t, srv.PendingFaults())
}

func TestIdentitySecretsNeverLeak(t *testing.T) {
	srv, file, creds := identityFake(t, istaritest.WithTokenLifetime(2*time.Second))
	var logs logBuffer
	logger := logs.logger()
	c := identityEnv(t, srv, file, logger)
	ctx := context.Background()

	var texts []string
	record := func(v ...any) {
		for _, x := range v {
			texts = append(texts, fmt.Sprintf("%v|%+v|%#v|%s|%q", x, x, x, x, x))
		}
	}
	_, err := c.GetCurrentUser(ctx)
	require.NoError(t, err)
	gen, err := c.Keys().GenerateAndRegister(ctx, &GenerateAndRegisterOptions{Name: "second"})
	require.NoError(t, err)
	list, err := c.Keys().List(ctx, KeyTarget{})
	require.NoError(t, err)
	srv.InjectFault(istaritest.Fault{Op: "issue_token", Status: 500, Times: 3})
	srv.ExpireAccessTokens()
	_, err = c.GetCurrentUser(ctx) // a failed refresh
	require.Error(t, err)
	texts = append(texts, err.Error())
	require.NoError(t, c.Keys().Revoke(ctx, creds.KeyID, KeyTarget{}))
	time.Sleep(1600 * time.Millisecond)
	_, err = c.GetCurrentUser(ctx) // the revoked key
	require.Error(t, err)
	texts = append(texts, err.Error())
	cfg, _ := ConfigurationFromEnv()
	record(c, cfg, creds, gen, gen.Credentials, list)

	texts = append(texts, logs.String())
	all := strings.Join(texts, "\n")

	var secrets []string
	for _, r := range srv.Requests() {
		if tok := bearerOf(r); tok != "" {
			secrets = append(secrets, tok)
		}
		if r.Op == "issue_token" {
			form, err := url.ParseQuery(string(r.Body))
			require.NoError(t, err)
			secrets = append(secrets, form.Get("client_assertion"))
		}
	}
	for _, cr := range []*Credentials{creds, gen.Credentials} {
		secret, err := cr.InlineSecret()
		require.NoError(t, err)
		secrets = append(secrets, secret.Reveal())
		pemKey := pemBody(t, cr)
		secrets = append(secrets, pemKey)
	}
	require.Greater(t, len(secrets), 8)
	for _, s := range secrets {
		require.NotEmpty(t, s)
		if strings.Contains(all, s) {
			t.Errorf("a secret (%d chars) appears in logs, errors or formatted values", len(s))
		}
	}
	assert.Contains(t, all, "[REDACTED]")
	assert.Contains(t, logs.String(), "istari: identity access token obtained")
}

// pemBody is the base64 body of the credentials' private key PEM, as WriteFile writes it.
func pemBody(t *testing.T, c *Credentials) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "k.json")
	require.NoError(t, c.WriteFile(path))
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var file map[string]string
	require.NoError(t, json.Unmarshal(raw, &file))
	lines := strings.Split(strings.TrimSpace(file["key"]), "\n")
	require.Greater(t, len(lines), 2)
	return strings.Join(lines[1:len(lines)-1], "\n")
}

func TestIdentityModeMovesContentWithoutSendingTheTokenToStorage(t *testing.T) {
	srv, file, _ := identityFake(t)
	c := identityEnv(t, srv, file, nil)
	ctx := context.Background()
	data := []byte("x,y\n1,2\n")
	model, err := c.AddModelFromReader(ctx, "m.csv", bytes.NewReader(data), nil)
	require.NoError(t, err)
	got, err := c.ReadBytes(ctx, model.Revision().ContentToken())
	require.NoError(t, err)
	assert.Equal(t, data, got)
	storage := 0
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Op, "storage.") {
			storage++
			assert.Empty(t, r.Header.Get("Authorization"), "%s carried a token", r.Op)
		}
	}
	assert.Positive(t, storage)
}
