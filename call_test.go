package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

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
	return w.next.RoundTrip(r)
}

// TestMain runs the tests and then, when the whole package ran (no -run filter), checks that every wire
// operation of the operation table was exercised by at least one httpmock wire test: method, path, query
// and body are asserted there, so an operation missing from this list has no wire test.
func TestMain(m *testing.M) {
	code := m.Run()
	if f := flag.Lookup("test.run"); code == 0 && f != nil && f.Value.String() == "" {
		var missing []string
		for _, op := range ops.Builtin().All() {
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
