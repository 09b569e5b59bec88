package istari

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzErrorDetail: any error body decodes to a detail without panicking and never grows beyond it.
func FuzzErrorDetail(f *testing.F) {
	f.Add([]byte(`{"detail":"Model not found"}`))
	f.Add([]byte(`{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"}]}`))
	f.Add([]byte(`{"detail":{"nested":true}}`))
	f.Add([]byte(`no route`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := newAPIError("get_model", "GET", "/api/v2/models/x", 400, http.Header{}, body, 1)
		_ = e.Error()
	})
}

// everyForm renders err with Error and each fmt verb that prints fields.
func everyForm(err error) []string {
	return []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), fmt.Sprintf("%s", err)}
}

// Hostile row 3a: the registry echoes the Authorization header (and a presigned-looking URL with userinfo)
// in its error body and headers. The token is "[REDACTED]" in Detail, Body, Header and every printed form.
func TestHostileErrorEchoesTokenScrubbed(t *testing.T) {
	reg, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		w.Header().Set("X-Echo-Authorization", auth)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = fmt.Fprintf(w, `{"detail":"invalid header %s; raw %s; see https://u:pw-LEAK@store.test/o?X-Amz-Signature=sig-LEAK"}`,
			auth, auth[len("Bearer "):])
	})
	c := hostileClient(t, reg.URL, nil)

	_, err := c.GetModel(context.Background(), "m")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrBadRequest)
	forms := append(everyForm(err), apiErr.Detail, string(apiErr.Body), fmt.Sprint(apiErr.Header))
	noSecretIn(t, forms, hostileToken, "pw-LEAK", "sig-LEAK")
	assert.Contains(t, apiErr.Detail, "Bearer [REDACTED]")
	assert.Contains(t, apiErr.Detail, "X-Amz-Signature=[REDACTED]")
	assert.Equal(t, "Bearer [REDACTED]", apiErr.Header.Get("X-Echo-Authorization"))
}

// Hostile row 3b: a proxy answers 407 and echoes Proxy-Authorization (base64 user:password) and the password.
func TestHostileProxy407EchoScrubbed(t *testing.T) {
	const user, pass = "proxyuser", "proxy-PASS-42"
	proxy, proxyHits := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("Proxy-Authorization")
		w.Header().Set("X-Echo", got)
		w.WriteHeader(http.StatusProxyAuthRequired)
		_, _ = fmt.Fprintf(w, "proxy refused %s (%s:%s)", got, user, pass)
	})
	// A non-loopback registry name so the request goes through the proxy; the proxy (loopback) answers it
	// itself, so nothing leaves the machine.
	c := hostileClient(t, "http://registry.example.test", nil, func(cfg *Configuration) {
		cfg.ProxyURL = Secret("http://" + user + ":" + pass + "@" + proxy.Listener.Addr().String())
		cfg.TrustEnv = Bool(false)
		cfg.RetryEnabled = Bool(false)
	})

	_, err := c.GetModel(context.Background(), "m")
	require.Equal(t, 1, proxyHits.count(), "the proxy answered the request")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusProxyAuthRequired, apiErr.StatusCode)
	basic := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	forms := append(everyForm(err), apiErr.Detail, string(apiErr.Body), fmt.Sprint(apiErr.Header))
	noSecretIn(t, forms, pass, basic)
}

// Logs carry server text too (compatibility messages): the SDK's logger scrubs every record.
func TestHostileLogScrubbed(t *testing.T) {
	reg, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Istari-Auth-Deprecation", "your "+r.Header.Get("Authorization")+" is old")
		_, _ = w.Write([]byte(`{"id":"m"}`))
	})
	var buf bytes.Buffer
	c := hostileClient(t, reg.URL, nil, func(cfg *Configuration) {
		cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	_, err := c.GetModel(context.Background(), "m")
	require.NoError(t, err)
	require.Contains(t, buf.String(), "your Bearer [REDACTED] is old")
	c.logger.Warn("echo", "err", errors.New("server said "+hostileToken), "group", slog.GroupValue(slog.String("k", "Bearer "+hostileToken)))
	noSecretIn(t, []string{buf.String()}, hostileToken)
	assert.Contains(t, buf.String(), "[REDACTED]")
}

// An identity token source registers each token it obtains; from then on the token is scrubbed like the
// registry token.
func TestScrubberRemembersRotatingToken(t *testing.T) {
	const identityTok = "identity-ACCESS-TOKEN-987"
	reg, _ := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"detail":"expired token ` + identityTok + `"}`))
	})
	c := hostileClient(t, reg.URL, nil)
	c.scrub.Remember(identityTok)
	_, err := c.GetModel(context.Background(), "m")
	require.ErrorIs(t, err, ErrUnauthorized)
	noSecretIn(t, everyForm(err), identityTok)
}

func TestAPIErrorStatesTheServerDetailOnce(t *testing.T) {
	for detail, want := range map[string]string{
		"Forbidden: insufficient permissions": "istari: update_model PUT /api/v2/models/m1: 403 Forbidden: insufficient permissions",
		"forbidden:insufficient permissions":  "istari: update_model PUT /api/v2/models/m1: 403 Forbidden: insufficient permissions",
		"Forbidden":                           "istari: update_model PUT /api/v2/models/m1: 403 Forbidden",
		"Forbidden zone":                      "istari: update_model PUT /api/v2/models/m1: 403 Forbidden: Forbidden zone",
		"":                                    "istari: update_model PUT /api/v2/models/m1: 403 Forbidden",
	} {
		e := &APIError{OperationID: "update_model", Method: "PUT", Path: "/api/v2/models/m1", StatusCode: 403, Detail: detail}
		assert.Equal(t, want, e.Error(), "detail %q", detail)
		assert.Equal(t, detail, e.Detail, "the Detail field keeps what the server sent")
	}
}

func TestEmptyOrMissingUploadPathIsAValidationError(t *testing.T) {
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token())})
	require.NoError(t, err)
	ctx := context.Background()
	before := len(srv.Requests())

	_, err = c.AddModel(ctx, "", nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "path", ve.Field)
	assert.Equal(t, "required", ve.Rule)

	missing := filepath.Join(t.TempDir(), "absent.csv")
	_, err = c.AddModel(ctx, missing, nil)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "path", ve.Field)
	require.ErrorIs(t, err, fs.ErrNotExist, "a missing file still matches fs.ErrNotExist")
	assert.Equal(t, 1, strings.Count(err.Error(), "istari:"))
	assert.Len(t, srv.Requests(), before, "nothing is sent for a local problem")
}
