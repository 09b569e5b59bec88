package istari

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSecretValue = "pat-0123456789abcdef"

func TestSecretFormatting(t *testing.T) {
	s := Secret(testSecretValue)
	tests := []struct {
		format string
		want   string
	}{
		{"%v", "[REDACTED]"},
		{"%+v", "[REDACTED]"},
		{"%#v", `"[REDACTED]"`},
		{"%s", "[REDACTED]"},
		{"%q", `"[REDACTED]"`},
		{"%x", "[REDACTED]"},
		{"%X", "[REDACTED]"},
		{"%d", "[REDACTED]"},
		{"%20s", "[REDACTED]"},
		{"%.3s", "[REDACTED]"},
		{"%T", "types.SecretString"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			if got := fmt.Sprintf(tt.format, s); got != tt.want {
				t.Errorf("Sprintf(%q) = %q, want %q", tt.format, got, tt.want)
			}
			if got := fmt.Sprintf(tt.format, &s); strings.Contains(got, testSecretValue) {
				t.Errorf("Sprintf(%q, &s) leaks the secret: %q", tt.format, got)
			}
		})
	}
	if got := s.String(); got != "[REDACTED]" {
		t.Errorf("String() = %q", got)
	}
	if got := s.GoString(); got != `"[REDACTED]"` {
		t.Errorf("GoString() = %q", got)
	}
	if got := fmt.Sprint(s); got != "[REDACTED]" {
		t.Errorf("Sprint = %q", got)
	}
	if got := fmt.Sprintln(s); got != "[REDACTED]\n" {
		t.Errorf("Sprintln = %q", got)
	}
}

func TestSecretEmptyPrintsEmpty(t *testing.T) {
	var s Secret
	for format, want := range map[string]string{"%v": "", "%+v": "", "%#v": `""`, "%s": "", "%q": `""`} {
		if got := fmt.Sprintf(format, s); got != want {
			t.Errorf("Sprintf(%q, empty) = %q, want %q", format, got, want)
		}
	}
	if s.String() != "" || s.GoString() != `""` {
		t.Errorf("String/GoString of empty = %q/%q", s.String(), s.GoString())
	}
	b, err := json.Marshal(s)
	if err != nil || string(b) != `""` {
		t.Errorf("json.Marshal(empty) = %s, %v", b, err)
	}
	if v := s.LogValue(); v.String() != "" {
		t.Errorf("LogValue(empty) = %q", v.String())
	}
}

func TestSecretReveal(t *testing.T) {
	if got := Secret(testSecretValue).Reveal(); got != testSecretValue {
		t.Fatalf("Reveal() = %q", got)
	}
	if got := Secret("").Reveal(); got != "" {
		t.Fatalf("Reveal() of empty = %q", got)
	}
}

func TestSecretNestedInStruct(t *testing.T) {
	type holder struct {
		Name  string
		Token Secret
		Ptr   *Secret
	}
	s := Secret(testSecretValue)
	h := holder{Name: "n", Token: s, Ptr: &s}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q"} {
		got := fmt.Sprintf(format, h)
		if strings.Contains(got, testSecretValue) {
			t.Errorf("Sprintf(%q, struct) leaks the secret: %s", format, got)
		}
	}
	if got, want := fmt.Sprintf("%+v", h), "{Name:n Token:[REDACTED] Ptr:"; !strings.HasPrefix(got, want) {
		t.Errorf("Sprintf(%%+v) = %q, want prefix %q", got, want)
	}
}

func TestSecretMarshal(t *testing.T) {
	s := Secret(testSecretValue)
	b, err := json.Marshal(s)
	if err != nil || string(b) != `"[REDACTED]"` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	b, err = json.Marshal(struct {
		Token Secret            `json:"token"`
		Map   map[string]Secret `json:"map"`
	}{s, map[string]Secret{"k": s}})
	if err != nil || string(b) != `{"token":"[REDACTED]","map":{"k":"[REDACTED]"}}` {
		t.Fatalf("json.Marshal(struct) = %s, %v", b, err)
	}
	txt, err := s.MarshalText()
	if err != nil || string(txt) != "[REDACTED]" {
		t.Fatalf("MarshalText = %s, %v", txt, err)
	}
}

func TestSecretLogValue(t *testing.T) {
	s := Secret(testSecretValue)
	if got := s.LogValue(); got.Kind() != slog.KindString || got.String() != "[REDACTED]" {
		t.Fatalf("LogValue() = %v (%v)", got, got.Kind())
	}
	for name, newHandler := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			l := slog.New(newHandler(&buf))
			l.Info("msg", "token", s, slog.Any("any", s), slog.Group("g", "inner", s))
			out := buf.String()
			if strings.Contains(out, testSecretValue) {
				t.Fatalf("log output leaks the secret: %s", out)
			}
			if n := strings.Count(out, "[REDACTED]"); n != 3 {
				t.Fatalf("want 3 redactions, got %d: %s", n, out)
			}
		})
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"http://proxy.corp:3128", "http://proxy.corp:3128"},
		{"http://alice:s3cret@proxy.corp:3128", "http://[REDACTED]@proxy.corp:3128"},
		{"https://alice:s3cret@proxy.corp/path?x=1", "https://[REDACTED]@proxy.corp/path?x=1"},
		{"http://al%40ice:p%3Ass@proxy.corp:8080", "http://[REDACTED]@proxy.corp:8080"},
		{"http://alice:@proxy.corp", "http://[REDACTED]@proxy.corp"},
		{"http://alice@proxy.corp", "http://[REDACTED]@proxy.corp"}, // a bare user name may be an API key
		{"proxy.corp:3128", "proxy.corp:3128"},
		{"alice:s3cret@proxy.corp:3128", "[REDACTED]"},
		{"//alice:s3cret@proxy.corp", "[REDACTED]"},
		{"http://alice:s3cret@proxy corp:80", "[REDACTED]"},
		{"http://a b:s3cret@%zz", "[REDACTED]"},
		{"https://registry.example.com/", "https://registry.example.com/"},
	}
	for _, tt := range tests {
		if got := redactURL(tt.in); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Contains(redactURL(tt.in), "s3cret") {
			t.Errorf("redactURL(%q) leaks the password", tt.in)
		}
	}
}

const (
	suiteToken     = "tok-SECRET-SUITE-9f3c"
	suiteWrongTok  = "tok-WRONG-SECRET-51e7"
	suiteProxyURL  = "http://user:PROXY-PW-77@127.0.0.1:9" // loopback targets are never proxied
	suiteProxyPass = "PROXY-PW-77"
)

var suiteSecrets = []string{suiteToken, suiteWrongTok, suiteProxyPass}

// assertNoSecret fails when any suite secret appears in s.
func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range suiteSecrets {
		assert.NotContains(t, s, secret, "%s leaks a secret", what)
	}
}

// formatted renders v with every fmt verb that could expose fields.
func formatted(v any) string {
	return fmt.Sprintf("%v\n%+v\n%#v\n%s", v, v, v, v)
}

// secretClient is a client with the suite's token and proxy secrets, logging into logs.
func secretClient(t *testing.T, url, token string, logs *logBuffer, mutate ...func(*Configuration)) *Client {
	t.Helper()
	secrets := func(cfg *Configuration) { cfg.ProxyURL = Secret(suiteProxyURL); cfg.Logger = logs.logger() }
	return testClient(t, url, Secret(token), append([]func(*Configuration){secrets}, mutate...)...)
}

func TestSecretsNeverLeak(t *testing.T) {
	checkNoLeaks(t)
	checkNoTempFiles(t)
	srv := istaritest.NewServer(istaritest.WithToken(suiteToken))
	t.Cleanup(srv.Close)
	logs := &logBuffer{}
	c := secretClient(t, srv.URL, suiteToken, logs)
	ctx := context.Background()

	var errs []error
	record := func(err error) {
		t.Helper()
		require.Error(t, err)
		errs = append(errs, err)
	}

	// Successful flows: presigned upload and download (cache and no cache).
	m, err := c.AddModelFromReader(ctx, "wing.json", bytes.NewReader([]byte(`{"span":12}`)), nil)
	require.NoError(t, err)
	tok := m.File.Revisions[0].ContentToken()
	b, err := c.ReadBytes(ctx, tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"span":12}`, string(b))
	noCacheClient := secretClient(t, srv.URL, suiteToken, logs, noCache)
	_, err = noCacheClient.ReadBytes(ctx, tok)
	require.NoError(t, err)
	u, err := c.GenerateUploadURL(ctx, &types.UploadURLRequest{SHA: tok.SHA, Salt: tok.Salt})
	require.NoError(t, err)
	pat, err := c.CreatePersonalAccessToken(ctx, "ci")
	require.NoError(t, err)
	require.NotEmpty(t, pat.Token.Reveal())

	// Error paths.
	wrong := secretClient(t, srv.URL, suiteWrongTok, logs)
	_, err = wrong.GetModel(ctx, m.ID)
	record(err)
	assert.ErrorIs(t, err, ErrUnauthorized)
	_, err = c.GetModel(ctx, "")
	record(err)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
	_, err = c.GetModel(ctx, "no-such-model")
	record(err)
	assert.ErrorIs(t, err, ErrNotFound)
	srv.InjectFault(istaritest.Fault{Op: "get_model", Status: 500, Times: 3})
	_, err = c.GetModel(ctx, m.ID)
	record(err)
	assert.ErrorIs(t, err, ErrServer)
	srv.InjectFault(istaritest.Fault{Op: "create_model", Status: 500})
	_, err = c.AddModelFromReader(ctx, "tail.json", bytes.NewReader([]byte(`{"span":3}`)), nil)
	record(err)
	srv.CorruptDownloads(1)
	_, err = noCacheClient.ReadBytes(ctx, tok)
	record(err)
	assert.ErrorIs(t, err, ErrChecksumMismatch)
	srv.InjectFault(istaritest.Fault{Op: "storage.get", Status: 403})
	_, err = noCacheClient.ReadBytes(ctx, tok)
	record(err)
	before := len(srv.RequestsFor("storage.get"))
	srv.InjectFault(istaritest.Fault{Op: "storage.get", Drop: true, Times: 20})
	_, err = noCacheClient.ReadBytes(ctx, tok)
	t.Logf("drop: %d storage.get requests, err %v", len(srv.RequestsFor("storage.get"))-before, err)
	record(err)
	srv.ClearFaults()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closedURL := "http://" + l.Addr().String()
	require.NoError(t, l.Close())
	closed := secretClient(t, closedURL, suiteToken, logs)
	_, err = closed.GetModel(ctx, m.ID)
	record(err)
	assert.Contains(t, err.Error(), "connect")

	for i, err := range errs {
		assertNoSecret(t, fmt.Sprintf("error %d (%v)", i, err), err.Error()+"\n"+fmt.Sprintf("%+v %#v", err, err))
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			assertNoSecret(t, "APIError", formatted(*apiErr))
		}
	}

	// Formatted values.
	fixed := types.PersonalAccessToken{ID: "p1", Token: types.SecretString(suiteToken)}
	for what, v := range map[string]any{
		"Configuration": c.cfg, "*Client": c, "wrong *Client": wrong, "closed *Client": closed, "client files state": &c.files,
		"PersonalAccessToken": fixed, "*PersonalAccessToken": &fixed, "created PAT": *pat,
		"Model": *m, "PresignedURL": *u,
	} {
		assertNoSecret(t, what, formatted(v))
	}
	assert.NotContains(t, formatted(*pat), pat.Token.Reveal(), "a created PAT prints its token")
	for what, v := range map[string]any{"Configuration": c.cfg, "PersonalAccessToken": fixed, "created PAT": *pat} {
		j, err := json.Marshal(v)
		require.NoError(t, err)
		assertNoSecret(t, what+" as JSON", string(j))
		assert.NotContains(t, string(j), pat.Token.Reveal())
	}

	// Logs: DEBUG was on and recorded the traffic, without secrets or presigned signatures.
	out := logs.String()
	assert.Contains(t, out, "level=DEBUG")
	assert.Contains(t, out, "istari: http attempt")
	assertNoSecret(t, "log", out)
	assert.NotContains(t, out, pat.Token.Reveal())
	assert.Contains(t, out, "retrying request", "the retry paths were logged")

	// Presigned storage requests carry no registry credentials.
	var storageReqs int
	for _, r := range srv.Requests() {
		if r.Op != "storage.put" && r.Op != "storage.get" {
			continue
		}
		storageReqs++
		assert.Empty(t, r.Header.Get("Authorization"), "%s %s carried Authorization", r.Method, r.Path)
		assert.Empty(t, r.Header.Get("Proxy-Authorization"))
		assert.Empty(t, r.Header.Get("X-Istari-Client-Api-Hashes"))
		for k, vs := range r.Header {
			for _, v := range vs {
				assertNoSecret(t, "storage header "+k, v)
			}
		}
		assertNoSecret(t, "storage query", r.RawQuery)
		assertNoSecret(t, "storage path", r.Path)
	}
	assert.GreaterOrEqual(t, storageReqs, 6, "uploads and downloads went through presigned URLs")
	// Registry requests did carry the token (the check above is not vacuous).
	assert.Equal(t, "Bearer "+suiteToken, srv.RequestsFor("create_model")[0].Header.Get("Authorization"))
}

// TestPresignedSignatureNeverLogged: a retried presigned transfer must not log its signed query string.
// KNOWN BUG (found by this suite, not fixed here because internal/transport is the lead's): policy.checkRetry
// logs err.Error() of the *url.Error, which carries the full presigned URL with its signature, at DEBUG
// (`istari: retrying request ... error="Get \"http://host/_storage/<id>?X-Fake-Signature=...\": EOF"`). Transport.Do
// strips the query from the returned error, but only after the retry records were written. Remove the Skip
// once checkRetry logs a query-stripped error.
func TestPresignedSignatureNeverLogged(t *testing.T) {
	checkNoLeaks(t)
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	logs := &logBuffer{}
	c := secretClient(t, srv.URL, srv.Token(), logs, noCache)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "wing.json", bytes.NewReader([]byte(`{"span":12}`)), nil)
	require.NoError(t, err)
	srv.InjectFault(istaritest.Fault{Op: "storage.get", Drop: true})
	srv.InjectFault(istaritest.Fault{Op: "storage.put", Drop: true})
	_, err = c.ReadBytes(ctx, m.File.Revisions[0].ContentToken())
	require.NoError(t, err)
	_, err = c.AddModelFromReader(ctx, "tail.json", bytes.NewReader([]byte(`{"span":3}`)), nil)
	require.NoError(t, err)
	out := logs.String()
	assert.Contains(t, out, "retrying request")
	assert.NotContains(t, out, "X-Fake-Signature")
}

func TestNoInsecureTLSSwitch(t *testing.T) {
	typ := reflect.TypeOf(Configuration{})
	for i := range typ.NumField() {
		name := strings.ToLower(typ.Field(i).Name)
		for _, bad := range []string{"insecure", "skipverify", "noverify", "verifyssl", "verify"} {
			assert.NotContains(t, name, bad, "Configuration.%s looks like a TLS verification switch", typ.Field(i).Name)
		}
	}
}

func TestTLSVerification(t *testing.T) {
	checkNoLeaks(t)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+suiteToken {
			http.Error(w, `{"detail":"Not authenticated"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"m1"}`))
	}))
	t.Cleanup(srv.Close)
	newClient := func(caBundle string) *Client {
		c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(suiteToken), CABundle: caBundle,
			TrustEnv: Bool(false), RetryMinInterval: time.Millisecond, RetryMaxInterval: time.Millisecond})
		require.NoError(t, err)
		t.Cleanup(func() { _ = c.Close() })
		return c
	}

	_, err := newClient("").GetModel(context.Background(), "m1")
	require.Error(t, err)
	var unknown x509.UnknownAuthorityError
	var verify *tls.CertificateVerificationError
	assert.True(t, errors.As(err, &unknown) || errors.As(err, &verify), "want a certificate error, got %v", err)
	assert.Contains(t, err.Error(), "certificate")
	assert.Contains(t, err.Error(), "1 attempt", "a certificate error is not retried")

	pemPath := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(pemPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600))
	m, err := newClient(pemPath).GetModel(context.Background(), "m1")
	require.NoError(t, err)
	assert.Equal(t, "m1", m.ID)
}

func TestRegistryRedirectToAnotherHostDropsAuthorization(t *testing.T) {
	checkNoLeaks(t)
	type seen struct{ path, auth string }
	got := make(chan seen, 4)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- seen{r.URL.Path, r.Header.Get("Authorization")}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"m1"}`))
	}))
	t.Cleanup(other.Close)
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) // another host for net/http's redirect rules
	var originAuth string
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		originAuth = r.Header.Get("Authorization")
		http.Redirect(w, r, otherURL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	t.Cleanup(origin.Close)
	logs := &logBuffer{}
	c := secretClient(t, origin.URL, suiteToken, logs)
	m, err := c.GetModel(context.Background(), "m1")
	require.NoError(t, err)
	assert.Equal(t, "m1", m.ID)
	assert.Equal(t, "Bearer "+suiteToken, originAuth, "the origin got the token")
	s := <-got
	assert.Equal(t, "/api/v2/models/m1", s.path)
	assert.Empty(t, s.auth, "the registry token must not follow a redirect to another host")
	assertNoSecret(t, "log", logs.String())
}
