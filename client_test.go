package istari

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistryHeadersOnTheWire(t *testing.T) {
	c, mt := mockClient(t)
	var got http.Header
	mt.RegisterResponder("GET", testBase+"/api/v2/health/readiness", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	_, err := c.ReadinessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, got.Get("Authorization"))
	assert.Equal(t, "istari-go/"+Version, got.Get("User-Agent"))
	assert.Equal(t, "application/json", got.Get("Accept"))
	assert.Empty(t, got.Get("Content-Type"), "no body, no content type")
	assert.Empty(t, got.Values("X-Istari-Client-Api-Hashes"), "hash header only when hashes are configured")
}

func TestAPIHashesHeaderOnlyWhenConfigured(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) {
		cfg.APIHashes = map[string]string{"Model": "abc", "Agent": "def", "Job": "123"}
		cfg.Tags = []string{"Model", "Agent"}
		cfg.UserAgentSuffix = "my-service/2.1"
	})
	var got http.Header
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Agent=def,Model=abc", got.Get("X-Istari-Client-Api-Hashes"))
	assert.Equal(t, "istari-go/"+Version+" my-service/2.1", got.Get("User-Agent"))
}

func TestJSONBodyAndQueryOnTheWire(t *testing.T) {
	c, mt := mockClient(t)
	var method, rawQuery, body, ctype string
	mt.RegisterResponder("DELETE", testBase+"/api/v2/models/m%2F1", func(r *http.Request) (*http.Response, error) {
		method, rawQuery, ctype = r.Method, r.URL.RawQuery, r.Header.Get("Content-Type")
		body = readAll(r)
		return httpmock.NewStringResponse(200, `{"id":"m/1"}`), nil
	})
	var out map[string]any
	err := c.invoke(context.Background(), request{op: "archive_model", path: []string{"m/1"}, body: archiveBody(Ptr("obsolete")), out: &out})
	require.NoError(t, err)
	assert.Equal(t, "DELETE", method)
	assert.Empty(t, rawQuery)
	assert.Equal(t, "application/json", ctype)
	assert.JSONEq(t, `{"reason":"obsolete"}`, body)
	assert.Equal(t, "m/1", out["id"])
}

func TestArchiveWithoutReasonSendsNoBody(t *testing.T) {
	c, mt := mockClient(t)
	var length int64 = -2
	var ctype string
	mt.RegisterResponder("DELETE", testBase+"/api/v2/models/m1", func(r *http.Request) (*http.Response, error) {
		length, ctype = r.ContentLength, r.Header.Get("Content-Type")
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	require.NoError(t, c.invoke(context.Background(), request{op: "archive_model", path: []string{"m1"}, body: archiveBody(nil)}))
	assert.Equal(t, int64(0), length)
	assert.Empty(t, ctype)
}

func TestPathParametersCannotChangeTheRoute(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", `=~.*`, httpmock.NewStringResponder(200, `{}`))
	for _, id := range []string{"..", ".", ""} {
		err := c.invoke(context.Background(), request{op: "get_model", path: []string{id}})
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "id %q", id)
		assert.Equal(t, "model_id", ve.Field)
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request for an unusable id")
	require.NoError(t, c.invoke(context.Background(), request{op: "get_model", path: []string{"../../users/me"}}))
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET "+testBase+"/api/v2/models/..%2F..%2Fusers%2Fme"], "calls: %v", info)
}

func TestAPIErrorDecoding(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		body     string
		sentinel error
		detail   string
	}{
		{"detail string", 404, `{"detail":"Model not found"}`, ErrNotFound, "Model not found"},
		{"detail list", 422, `{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"},{"loc":["query","size"],"msg":"too big","type":"le"}]}`, ErrUnprocessable, "body.name: Field required; query.size: too big"},
		{"bad request", 400, `{"detail":"Configuration must have at least one tracked file"}`, ErrBadRequest, "Configuration must have at least one tracked file"},
		{"unauthorized", 401, `{"detail":"Not authenticated"}`, ErrUnauthorized, "Not authenticated"},
		{"forbidden", 403, `{"detail":"no"}`, ErrForbidden, "no"},
		{"conflict", 409, `{"detail":"dup"}`, ErrConflict, "dup"},
		{"plain text", 404, "no route", ErrNotFound, "no route"},
		{"html", 502, "<html>bad gateway</html>", ErrServer, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
			mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", func(*http.Request) (*http.Response, error) {
				r := httpmock.NewStringResponse(tc.status, tc.body)
				r.Header.Set("X-Request-Id", "rid-42")
				return r, nil
			})
			err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, "get_model", apiErr.OperationID)
			assert.Equal(t, "GET", apiErr.Method)
			assert.Equal(t, "/api/v2/models/abc", apiErr.Path)
			assert.Equal(t, "rid-42", apiErr.RequestID)
			assert.Equal(t, tc.detail, apiErr.Detail)
			assert.Equal(t, tc.body, string(apiErr.Body))
			assert.Equal(t, 1, apiErr.Attempts)
			assert.Contains(t, err.Error(), "get_model GET /api/v2/models/abc")
			for _, other := range []error{ErrBadRequest, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrConflict, ErrUnprocessable, ErrRateLimited, ErrServer} {
				if !errors.Is(other, tc.sentinel) {
					assert.NotErrorIs(t, err, other)
				}
			}
		})
	}
}

func TestAPIErrorBodyIsCapped(t *testing.T) {
	c, mt := mockClient(t)
	big := strings.Repeat("x", 200<<10)
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", httpmock.NewStringResponder(400, big))
	err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Len(t, apiErr.Body, maxErrorBody)
}

func TestRetriedCallsRecordAttempts(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", httpmock.NewStringResponder(503, `{"detail":"down"}`))
	err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 3, apiErr.Attempts)
	assert.Equal(t, 3, mt.GetTotalCallCount())
	assert.Contains(t, err.Error(), "3 attempts")
}

func TestPostServerErrorIsNotRetried(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", testBase+"/api/v2/systems", httpmock.NewStringResponder(500, `{"detail":"boom"}`))
	err := c.invoke(context.Background(), request{op: "create_system", body: map[string]string{"name": "s", "description": "d"}})
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "a create that may have happened is never replayed")
}

func TestPATEndpoint405MapsToPATsDeprecated(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", `=~^`+testBase+`/api/v2/pat`, httpmock.NewStringResponder(405, `{"detail":"Method Not Allowed"}`))
	err := c.invoke(context.Background(), request{op: "create_personal_access_token", query: url.Values{"name": {"ci"}}})
	assert.ErrorIs(t, err, ErrPATsDeprecated)
	assert.ErrorIs(t, err, ErrMethodNotAllowed)
}

func TestTokenNeverInErrorsLogsOrFormatting(t *testing.T) {
	logs := &logBuffer{}
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", func(r *http.Request) (*http.Response, error) {
		return httpmock.NewStringResponse(401, `{"detail":"bad token"}`), nil
	})
	mt.RegisterNoResponder(httpmock.ConnectionFailure)
	err1 := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	err2 := c.invoke(context.Background(), request{op: "get_artifact", path: []string{"x"}})
	require.Error(t, err1)
	require.Error(t, err2)
	var apiErr *APIError
	require.ErrorAs(t, err1, &apiErr)
	for _, s := range []string{
		err1.Error(), err2.Error(), fmt.Sprintf("%+v", err1), fmt.Sprintf("%#v", apiErr), fmt.Sprintf("%+v", *apiErr),
		fmt.Sprintf("%v %+v %#v %s", c.cfg, c.cfg, c.cfg, c.cfg), logs.String(),
	} {
		assert.NotContains(t, s, testToken)
	}
	b, err := json.Marshal(c.cfg)
	require.NoError(t, err)
	assert.NotContains(t, string(b), testToken)
	assert.Contains(t, logs.String(), "istari: http attempt", "debug logging was on")
}

func TestValidationFailsBeforeAnyRequest(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"items":[]}`))
	type params struct {
		PageOptions
		Description *string `query:"description" validate:"omitempty,max=255"`
	}
	for _, tc := range []struct {
		p     *params
		field string
		rule  string
	}{
		{&params{PageOptions: PageOptions{Page: -1}}, "page", "gte"},
		{&params{PageOptions: PageOptions{Size: 101}}, "size", "lte"},
		{&params{Description: Ptr(strings.Repeat("d", 256))}, "description", "max"},
	} {
		_, err := listPage[map[string]any](context.Background(), c, "list_models", nil, tc.p)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, tc.field, ve.Field)
		assert.Equal(t, tc.rule, ve.Rule)
		assert.Contains(t, err.Error(), tc.field)
		assert.NotContains(t, err.Error(), strings.Repeat("d", 20), "the value itself is never echoed")
	}
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestRoutesResolvedFromOpenAPIDocument(t *testing.T) {
	spec := `{"openapi":"3.1.0","paths":{
		"/v9/ready":{"get":{"operationId":"readiness_check"}},
		"/v9/models/{id}":{"get":{"operationId":"get_model"}}}}`
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.OpenAPISpec = []byte(spec) })
	mt.RegisterResponder("GET", testBase+"/v9/ready", httpmock.NewStringResponder(200, `{}`))
	mt.RegisterResponder("GET", testBase+"/v9/models/abc", httpmock.NewStringResponder(200, `{}`))
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", httpmock.NewStringResponder(200, `{}`))
	_, err := c.ReadinessCheck(context.Background())
	require.NoError(t, err)
	require.NoError(t, c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}}))
	_, err = c.LivenessCheck(context.Background())
	require.NoError(t, err, "operations missing from the document keep the built-in route")
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET "+testBase+"/v9/ready"])
	assert.Equal(t, 1, info["GET "+testBase+"/v9/models/abc"])
	assert.Equal(t, 1, info["GET "+testBase+"/api/v2/health/liveness"])
	require.NotNil(t, c.Routes())
	assert.Contains(t, c.Routes().Missing, "liveness_check")
	assert.Equal(t, "Configuration.OpenAPISpec", c.Routes().Origin)
}

func TestInvalidOpenAPIDocumentIsAConfigurationError(t *testing.T) {
	_, err := NewClient(Configuration{RegistryURL: testBase, RegistryAuthToken: testToken, OpenAPISpec: []byte("{nope")})
	var ce *ConfigurationError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "OpenAPISpec", ce.Field)
}

func TestVerifyRoutesReportsDifferences(t *testing.T) {
	c, mt := mockClient(t)
	var auth string
	mt.RegisterResponder("GET", testBase+"/openapi.json", func(r *http.Request) (*http.Response, error) {
		auth = r.Header.Get("Authorization")
		return httpmock.NewStringResponse(200, `{"openapi":"3.1.0","paths":{
			"/api/v2/health/liveness":{"get":{"operationId":"liveness_check"}},
			"/api/v2/health/ready":{"get":{"operationId":"readiness_check"}}}}`), nil
	})
	rep, err := c.VerifyRoutes(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, auth)
	assert.False(t, rep.OK())
	require.Len(t, rep.Matched, 2)
	assert.Equal(t, "liveness_check", rep.Matched[0].ID)
	require.Len(t, rep.Moved, 1)
	assert.Equal(t, "/api/v2/health/ready", rep.Moved[0].Path)
	assert.Len(t, rep.Missing, ops.Builtin().Len()-2, "every other row is missing")
	assert.Empty(t, rep.ProposedAbsent, "no built-in row is a proposal: the multipart calls are the published client's")
	assert.Equal(t, testBase+"/openapi.json", rep.Origin)
	assert.Nil(t, c.Routes(), "VerifyRoutes does not change the routes in use")
}

func TestGatewayModeJoinsRegistryPrefix(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.DigitalAPIURL = "https://api.example.test/" })
	mt.RegisterResponder("GET", "https://api.example.test/registry/api/v2/health/liveness", httpmock.NewStringResponder(200, `{}`))
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "https://api.example.test/registry", c.RegistryURL())
}

func TestTransportErrorsWrapContext(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.invoke(ctx, request{op: "get_model", path: []string{"a"}})
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
}

// checkNoLeaks snapshots the running goroutines and, at cleanup, waits up to 5 s for every goroutine started
// since then to end (runtime, testing and in-process fake-server goroutines are ignored, see clientGoroutines).
// Register it first so that its cleanup runs last, after the client and the server have been closed.
func checkNoLeaks(t *testing.T) {
	t.Helper()
	base := clientGoroutines()
	t.Cleanup(func() {
		var leaked []string
		ok := assert.Eventually(t, func() bool {
			leaked = leaked[:0]
			for id, g := range clientGoroutines() {
				if _, old := base[id]; !old {
					leaked = append(leaked, g)
				}
			}
			return len(leaked) == 0
		}, 5*time.Second, 10*time.Millisecond, "goroutines left running after the client and server closed")
		if !ok {
			t.Logf("leaked goroutines:\n%s", strings.Join(leaked, "\n\n"))
		}
	})
}

// checkNoTempFiles points TMPDIR at a fresh directory and asserts at cleanup that nothing was left in it.
func checkNoTempFiles(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Cleanup(func() { assert.Empty(t, listFiles(t, dir), "temp files left in TMPDIR") })
}

// listFiles returns every regular file under dir (relative paths).
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// relEnv is one fault test's world: leak and temp-file checks, a fake registry and a client on it with
// fast retries and its own cache root.
type relEnv struct {
	c        *Client
	srv      *istaritest.Server
	cacheDir string
}

func newRelEnv(t *testing.T, mutate ...func(*Configuration)) relEnv {
	t.Helper()
	checkNoLeaks(t)
	checkNoTempFiles(t)
	c, srv := fakeClient(t, mutate...)
	return relEnv{c: c, srv: srv, cacheDir: c.cfg.FilesystemCacheRoot}
}

// seed stores a model with random content of size bytes and returns its id and content token.
func (e relEnv) seed(t *testing.T, size int) (string, types.Token, []byte) {
	t.Helper()
	data := make([]byte, size)
	_, _ = rand.Read(data)
	s := e.srv.SeedModel(e.srv.Owner(), "part.bin", data)
	rev, err := e.c.GetRevision(context.Background(), s.RevisionID)
	require.NoError(t, err)
	return s.ModelID, rev.ContentToken(), data
}

// modelCount is the number of models the owner can list.
func (e relEnv) modelCount(t *testing.T) int {
	t.Helper()
	n := 0
	for _, err := range All(context.Background(), &ListModelsParams{PageOptions: PageOptions{Size: 100}}, e.c.ListModels) {
		require.NoError(t, err)
		n++
	}
	return n
}

const (
	testToken = "tok-SUPER-SECRET-123"
	testBase  = "https://registry.example.test"
)

// testClient is the one helper that builds a client for a test: fast retries, a per-test cache directory, the
// given registry URL and token, then mutate. The other helpers (mockClient, fakeClient, ...) build on it.
func testClient(t *testing.T, url string, token Secret, mutate ...func(*Configuration)) *Client {
	t.Helper()
	cfg := Configuration{
		RegistryURL:         url,
		RegistryAuthToken:   token,
		RetryMinInterval:    time.Millisecond,
		RetryMaxInterval:    5 * time.Millisecond,
		FilesystemCacheRoot: t.TempDir(),
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := NewClient(cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// mockClient is a client whose transport is an httpmock responder (wire tests).
func mockClient(t *testing.T, mutate ...func(*Configuration)) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	transport := func(cfg *Configuration) {
		cfg.HTTPClient = &http.Client{Transport: wireRecorder{mt}}
		cfg.RouteDiscovery = RouteDiscoveryOff // wire tests register exact responders; discovery has its own tests
	}
	return testClient(t, testBase+"/", testToken, append([]func(*Configuration){transport}, mutate...)...), mt
}

// logBuffer is a concurrency-safe buffer behind a DEBUG text logger.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func readAll(r *http.Request) string {
	if r.Body == nil {
		return ""
	}
	b := new(bytes.Buffer)
	_, _ = b.ReadFrom(r.Body)
	return b.String()
}

func TestFakeRegistryCompatibilityEndToEnd(t *testing.T) {
	c, _ := fakeClient(t, noCache)
	res, err := c.CheckCompatibility(context.Background())
	require.NoError(t, err)
	require.NotNil(t, res)
	assert.Equal(t, istaritest.DefaultVersion, *res.ServerVersion)
	assert.Equal(t, "compatible", string(*res.Status))
}

func TestRetryAfterFromTheFakeIsHonouredWithinTheCap(t *testing.T) {
	c, srv := fakeClient(t, noCache)
	srv.InjectFault(istaritest.Fault{Op: "liveness_check", Status: 429, RetryAfter: "1", Times: 2})
	h, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 200, h.StatusCode)
	assert.Len(t, srv.RequestsFor("liveness_check"), 3, "two 429s then success")
}

func TestRateLimitOutlastingRetriesIsErrRateLimited(t *testing.T) {
	c, srv := fakeClient(t, noCache)
	srv.InjectFault(istaritest.Fault{Op: "readiness_check", Status: 429, Times: 5})
	_, err := c.ReadinessCheck(context.Background())
	require.ErrorIs(t, err, ErrRateLimited)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 3, apiErr.Attempts)
}

func TestDroppedConnectionOnGetIsRetried(t *testing.T) {
	c, srv := fakeClient(t, noCache)
	srv.InjectFault(istaritest.Fault{Op: "liveness_check", Drop: true})
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
}

func TestOneClientSharedByManyGoroutinesReusesConnections(t *testing.T) {
	c, srv := fakeClient(t, noCache)
	const workers, calls = 100, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*calls)
	for range workers {
		wg.Go(func() {
			for range calls {
				if _, err := c.LivenessCheck(context.Background()); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Len(t, srv.RequestsFor("liveness_check"), workers*calls)
	assert.Less(t, srv.ConnectionCount(), int64(workers*calls/4), "connections are pooled, not one per call")
}

// No method panics on nil or typed-nil arguments: every exported method of *Client is called with the zero
// value of each parameter, and again with typed nils for interface parameters (readers, writers), against a
// loopback registry that answers {} to everything. Errors are fine; panics are not.
func TestNilArgumentsNeverPanic(t *testing.T) {
	reg, _ := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(`{}`)) })
	c := hostileClient(t, reg.URL, nil, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond) // WaitForJob and friends
	defer cancel()
	typedNils := map[reflect.Type]reflect.Value{
		reflect.TypeFor[io.Reader](): reflect.ValueOf((*bytes.Reader)(nil)),
		reflect.TypeFor[io.Writer](): reflect.ValueOf((*bytes.Buffer)(nil)),
	}
	cv := reflect.ValueOf(c)
	calls, typedCalls := 0, 0
	defer func() {
		assert.Greater(t, calls, 150, "every method was called")
		assert.GreaterOrEqual(t, typedCalls, 13, "every reader/writer method was called with a typed nil")
	}()
	for i := range cv.NumMethod() {
		m := cv.Type().Method(i)
		if m.Name == "Close" || m.Name == "Format" { // Format is fmt's, called with a live fmt.State
			continue
		}
		fn := cv.Method(i)
		for _, typed := range []bool{false, true} {
			args := make([]reflect.Value, fn.Type().NumIn())
			hasTyped := false
			for j := range args {
				in := fn.Type().In(j)
				switch {
				case in == reflect.TypeFor[context.Context]():
					args[j] = reflect.ValueOf(ctx)
				case typed && typedNils[in].IsValid():
					args[j] = typedNils[in]
					hasTyped = true
				default:
					args[j] = reflect.Zero(in)
				}
			}
			if typed && !hasTyped || fn.Type().IsVariadic() {
				continue
			}
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s (typed nils %v) panicked: %v", m.Name, typed, p)
					}
				}()
				calls++
				if typed {
					typedCalls++
				}
				out := fn.Call(args)
				if typed { // a typed-nil reader or writer is a *ValidationError
					if err, _ := out[len(out)-1].Interface().(error); err != nil {
						var ve *ValidationError
						assert.ErrorAs(t, err, &ve, m.Name)
					} else {
						t.Errorf("%s accepted a typed-nil argument", m.Name)
					}
				}
			}()
		}
	}
}
