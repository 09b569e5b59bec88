package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// invokeRaw calls an operation with no parameters at all (to see the server's own validation).
func (c *Client) invokeRaw(ctx context.Context, op string) (json.RawMessage, error) {
	var out json.RawMessage
	err := c.invoke(ctx, request{op: ops.ID(op), query: url.Values{}, out: &out})
	return out, err
}

func TestFaultGETStatusBursts(t *testing.T) {
	for _, tc := range []struct {
		status, times int
		wantErr       error // nil = success after retries
		attempts      int
	}{
		{500, 2, nil, 3},
		{502, 2, nil, 3},
		{503, 2, nil, 3},
		{504, 2, nil, 3},
		{502, 1, nil, 2},
		{500, 3, ErrServer, 3}, // the burst outlasts the 3-attempt budget
		{503, 5, ErrServer, 3},
	} {
		t.Run(strconv.Itoa(tc.status)+"x"+strconv.Itoa(tc.times), func(t *testing.T) {
			e := newRelEnv(t)
			id, _, _ := e.seed(t, 64)
			e.srv.ResetRequests()
			e.srv.InjectFault(istaritest.Fault{Op: "get_model", Status: tc.status, Times: tc.times})
			m, err := e.c.GetModel(context.Background(), id)
			assert.Len(t, e.srv.RequestsFor("get_model"), tc.attempts)
			if tc.wantErr == nil {
				require.NoError(t, err)
				assert.Equal(t, id, m.ID)
				return
			}
			require.ErrorIs(t, err, tc.wantErr)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.attempts, apiErr.Attempts)
			e.srv.ClearFaults()
		})
	}
}

func TestFaultPOSTCreateStatus(t *testing.T) {
	for _, tc := range []struct {
		name     string
		status   int
		creates  int  // create_model requests the fake saw
		ok       bool // the call succeeds
		wantSent error
	}{
		{"500 not retried", 500, 1, false, ErrServer},
		{"502 not retried", 502, 1, false, ErrServer},
		{"503 retried", 503, 2, true, nil},
		{"429 retried", 429, 2, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newRelEnv(t)
			e.srv.InjectFault(istaritest.Fault{Op: "create_model", Status: tc.status})
			m, err := e.c.AddModelFromReader(context.Background(), "wing.json", bytes.NewReader([]byte(`{"span":12}`)), nil)
			assert.Len(t, e.srv.RequestsFor("create_model"), tc.creates)
			if !tc.ok {
				require.ErrorIs(t, err, tc.wantSent)
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, 1, apiErr.Attempts)
				assert.Equal(t, 0, e.modelCount(t), "a failed create must not leave a resource")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 1, e.modelCount(t), "a retried create must leave exactly one resource")
			got, err := e.c.GetModel(context.Background(), m.ID)
			require.NoError(t, err)
			assert.Equal(t, m.ID, got.ID)
		})
	}
}

func TestFaultRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name  string
		value func() string
	}{
		{"seconds", func() string { return "2" }},
		{"http date", func() string { return time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const maxInterval = 150 * time.Millisecond
			e := newRelEnv(t, func(cfg *Configuration) { cfg.RetryMaxInterval = maxInterval })
			id, _, _ := e.seed(t, 64)
			e.srv.ResetRequests()
			e.srv.InjectFault(istaritest.Fault{Op: "get_model", Status: http.StatusTooManyRequests, RetryAfter: tc.value()})
			start := time.Now()
			m, err := e.c.GetModel(context.Background(), id)
			elapsed := time.Since(start)
			require.NoError(t, err)
			assert.Equal(t, id, m.ID)
			assert.Len(t, e.srv.RequestsFor("get_model"), 2)
			assert.GreaterOrEqual(t, elapsed, maxInterval-10*time.Millisecond, "the Retry-After wait was not honoured")
			assert.Less(t, elapsed, time.Second, "RetryMaxInterval must cap the Retry-After wait")
		})
	}
}

func TestFaultRetryAfterBeyondDeadline(t *testing.T) {
	e := newRelEnv(t, func(cfg *Configuration) { cfg.RetryMaxInterval = 5 * time.Second })
	id, _, _ := e.seed(t, 64)
	e.srv.ResetRequests()
	e.srv.InjectFault(istaritest.Fault{Op: "get_model", Status: http.StatusTooManyRequests, RetryAfter: "3"})
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.c.GetModel(ctx, id)
	require.ErrorIs(t, err, ErrRateLimited)
	assert.Less(t, time.Since(start), 400*time.Millisecond, "a wait beyond the deadline must fail at once")
	assert.Len(t, e.srv.RequestsFor("get_model"), 1)
}

func TestFaultSlowResponse(t *testing.T) {
	const timeout = 200 * time.Millisecond
	slow := func(cfg *Configuration) { cfg.HTTPRequestTimeout = timeout }

	t.Run("GET retried after the per-attempt timeout", func(t *testing.T) {
		e := newRelEnv(t, slow)
		id, _, _ := e.seed(t, 64)
		e.srv.ResetRequests()
		e.srv.InjectFault(istaritest.Fault{Op: "get_model", Latency: 2 * time.Second})
		start := time.Now()
		m, err := e.c.GetModel(context.Background(), id)
		require.NoError(t, err)
		assert.Equal(t, id, m.ID)
		assert.Len(t, e.srv.RequestsFor("get_model"), 2)
		assert.Less(t, time.Since(start), time.Second)
	})

	t.Run("POST create times out after being written: not retried", func(t *testing.T) {
		e := newRelEnv(t, slow)
		e.srv.InjectFault(istaritest.Fault{Op: "create_model", Latency: 2 * time.Second})
		start := time.Now()
		_, err := e.c.AddModelFromReader(context.Background(), "wing.json", bytes.NewReader([]byte(`{"span":12}`)), nil)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), time.Second)
		assert.Len(t, e.srv.RequestsFor("create_model"), 1, "a written POST must not be retried")
		// The fake abandons a delayed request when the client goes away, so nothing was created. A real
		// server may have acted on it: the caller must treat a timed-out create as "unknown outcome".
		assert.Equal(t, 0, e.modelCount(t))
	})
}

func TestFaultDroppedConnection(t *testing.T) {
	t.Run("GET retried", func(t *testing.T) {
		e := newRelEnv(t)
		id, _, _ := e.seed(t, 64)
		e.srv.ResetRequests()
		e.srv.InjectFault(istaritest.Fault{Op: "get_model", Drop: true, Times: 2})
		m, err := e.c.GetModel(context.Background(), id)
		require.NoError(t, err)
		assert.Equal(t, id, m.ID)
		assert.Len(t, e.srv.RequestsFor("get_model"), 3)
	})
	t.Run("POST not retried", func(t *testing.T) {
		e := newRelEnv(t)
		e.srv.InjectFault(istaritest.Fault{Op: "create_model", Drop: true})
		_, err := e.c.AddModelFromReader(context.Background(), "wing.json", bytes.NewReader([]byte(`{"span":12}`)), nil)
		require.Error(t, err)
		var apiErr *APIError
		assert.False(t, errors.As(err, &apiErr), "a dropped connection is a transport error, not an API error")
		assert.Len(t, e.srv.RequestsFor("create_model"), 1)
		assert.Equal(t, 0, e.modelCount(t))
	})
}

// wireSeen records every operation that a mockClient test sent on the wire (method and path matched
// against the operation table).
var wireSeen sync.Map

// wireRecorder wraps the httpmock transport of mockClient and records the operation of each request.
type wireRecorder struct{ next http.RoundTripper }

func (w wireRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	if op, _, ok := ops.Builtin().Match(r.Method, r.URL.EscapedPath()); ok {
		wireSeen.Store(op.ID, true)
	}
	if rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/identity/"); ok {
		if op, _, ok := ops.Identity().Match(r.Method, "/"+rest); ok {
			wireSeen.Store(op.ID, true)
		}
	}
	return w.next.RoundTrip(r)
}

// TestMain runs the tests and then, when the whole package ran (no -run filter), checks that every wire
// operation of the operation table was exercised by at least one httpmock wire test: method, path, query
// and body are asserted there, so an operation missing from this list has no wire test.
func TestMain(m *testing.M) {
	code := m.Run()
	ran := func(name string) string {
		if f := flag.Lookup(name); f != nil {
			return f.Value.String()
		}
		return ""
	}
	// Only a full run proves coverage: not a -run selection, nor -list (which runs nothing).
	if code == 0 && ran("test.run") == "" && ran("test.list") == "" {
		var missing []string
		for _, op := range append(ops.Builtin().All(), ops.Identity().All()...) {
			if _, ok := wireSeen.Load(op.ID); !ok {
				missing = append(missing, op.ID)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: %d operations have no httpmock wire test: %s\n", len(missing), strings.Join(missing, ", "))
			code = 1
		}
	}
	os.Exit(code)
}

// Hostile row 1: a registry on https redirects a GET to http on the same host. The redirect is refused and
// says why; the token never travels in clear text.
func TestHostileRedirectHTTPSToHTTPRefused(t *testing.T) {
	plain, plainHits := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"m"}`))
	})
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(tlsSrv.Close)
	c := hostileClient(t, tlsSrv.URL, tlsSrv.Client())

	_, err := c.GetModel(context.Background(), "m")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrRedirectRefused)
	assert.Contains(t, err.Error(), "downgrade https to http")
	assert.Zero(t, plainHits.count(), "the http server must not be asked at all")
	noSecretIn(t, []string{err.Error()}, hostileToken)
}

// Hostile row 2: a registry redirects to the same host on another port. The redirect is followed without the
// Authorization header (net/http compares host names only and would forward it).
func TestHostileRedirectOtherPortDropsToken(t *testing.T) {
	other, otherHits := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"m"}`))
	})
	reg, regHits := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("hop") == "" {
			http.Redirect(w, r, r.URL.Path+"?hop=1", http.StatusFound) // same origin: the token stays
			return
		}
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	c := hostileClient(t, reg.URL, nil)

	m, err := c.GetModel(context.Background(), "m")
	require.NoError(t, err)
	assert.Equal(t, "m", m.ID)
	assert.Equal(t, []string{"Bearer " + hostileToken, "Bearer " + hostileToken}, regHits.authorizations(),
		"a same-origin redirect keeps the token")
	assert.Equal(t, []string{""}, otherHits.authorizations(), "another port must not receive the token")
}

// The number of redirects is bounded, and the error says so.
func TestHostileRedirectLoopBounded(t *testing.T) {
	var n atomic.Int64
	reg := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, fmt.Sprintf("%s?n=%d", r.URL.Path, n.Add(1)), http.StatusFound)
	}))
	t.Cleanup(reg.Close)
	c := hostileClient(t, reg.URL, nil, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })

	_, err := c.GetModel(context.Background(), "m")
	require.ErrorIs(t, err, ErrRedirectRefused)
	assert.Contains(t, err.Error(), "stopped after 5 redirects")
	assert.EqualValues(t, 6, n.Load(), "the first request and 5 redirects")
}

// endlessJSON answers every request with a JSON string that never ends (until limit bytes, as a safety net
// for the test itself) and counts the bytes written.
func endlessJSON(t *testing.T, limit int64) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var written atomic.Int64
	chunk := []byte(strings.Repeat("a", 32<<10))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"`))
		for written.Load() < limit {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil || r.Context().Err() != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &written
}

// Hostile row 4: a small call answered with an endless JSON body stops at MaxResponseBytes (64 MiB by default)
// with ErrResponseTooLarge, instead of growing the heap until the context ends. CreateSnapshot, which used to
// read its whole body, is bounded the same way.
func TestHostileEndlessBodyBounded(t *testing.T) {
	t.Run("configured limit", func(t *testing.T) {
		srv, written := endlessJSON(t, 256<<20)
		c := hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.MaxResponseBytes = 1 << 20 })
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		for name, call := range map[string]func() error{
			"GetModel":       func() error { _, err := c.GetModel(ctx, "m"); return err },
			"CreateSnapshot": func() error { _, err := c.CreateSnapshot(ctx, "cfg", nil); return err },
		} {
			err := call()
			require.ErrorIs(t, err, ErrResponseTooLarge, name)
			assert.Contains(t, err.Error(), "MaxResponseBytes", name)
		}
		require.NoError(t, ctx.Err(), "the limit, not the context, must stop the read")
		assert.Less(t, written.Load(), int64(64<<20), "the client stopped reading long before the server's cap")
	})
	t.Run("default limit", func(t *testing.T) {
		// Reading 64 MiB under -race is slow; the default is checked where it is applied.
		assert.EqualValues(t, 64<<20, Configuration{}.maxResponseBytes())
		assert.EqualValues(t, 5, Configuration{MaxResponseBytes: 5}.maxResponseBytes())
	})
}

// A body of exactly the limit is still decoded.
func TestResponseExactlyAtLimit(t *testing.T) {
	body := `{"id":"m"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }))
	t.Cleanup(srv.Close)
	c := hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.MaxResponseBytes = int64(len(body)) })
	m, err := c.GetModel(context.Background(), "m")
	require.NoError(t, err)
	assert.Equal(t, "m", m.ID)

	c = hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.MaxResponseBytes = int64(len(body)) - 1 })
	_, err = c.GetModel(context.Background(), "m")
	assert.True(t, errors.Is(err, ErrResponseTooLarge), "got %v", err)
}
