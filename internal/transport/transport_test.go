package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// script answers the i-th request with statuses[i] (the last one repeats) and records bodies.
type script struct {
	mu       sync.Mutex
	statuses []int
	header   http.Header
	bodies   []string
	lengths  []int64
	hits     atomic.Int32
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.bodies = append(s.bodies, string(b))
	s.lengths = append(s.lengths, r.ContentLength)
	s.mu.Unlock()
	i := int(s.hits.Add(1)) - 1
	st := s.statuses[min(i, len(s.statuses)-1)]
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.WriteHeader(st)
	_, _ = io.WriteString(w, `{"ok":true}`)
}

func newTransport(attempts int) *Transport {
	return New(Options{MaxAttempts: attempts, MinInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond})
}

func do(t *testing.T, tr *Transport, method, url string, body []byte) (*http.Response, int, error) {
	t.Helper()
	resp, n, err := tr.Do(context.Background(), &Request{Method: method, URL: url, Body: body, Registry: true})
	if resp != nil {
		t.Cleanup(func() { resp.Body.Close() })
	}
	return resp, n, err
}

func TestRetriesPerStatusAndMethod(t *testing.T) {
	cases := []struct {
		name     string
		method   string
		statuses []int
		attempts int
		final    int
	}{
		{"GET 503 then 200", http.MethodGet, []int{503, 503, 200}, 3, 200},
		{"GET 500 exhausts attempts", http.MethodGet, []int{500}, 3, 500},
		{"GET 502 504 200", http.MethodGet, []int{502, 504, 200}, 3, 200},
		{"GET 429 then 200", http.MethodGet, []int{429, 200}, 2, 200},
		{"DELETE 500 retried", http.MethodDelete, []int{500, 204}, 2, 204},
		{"PUT 500 retried", http.MethodPut, []int{500, 200}, 2, 200},
		{"GET 404 not retried", http.MethodGet, []int{404, 200}, 1, 404},
		{"GET 400 not retried", http.MethodGet, []int{400, 200}, 1, 400},
		{"GET 501 not retried", http.MethodGet, []int{501, 200}, 1, 501},
		{"POST 500 not retried", http.MethodPost, []int{500, 200}, 1, 500},
		{"POST 502 not retried", http.MethodPost, []int{502, 200}, 1, 502},
		{"PATCH 504 not retried", http.MethodPatch, []int{504, 200}, 1, 504},
		{"POST 503 retried", http.MethodPost, []int{503, 201}, 2, 201},
		{"POST 429 retried", http.MethodPost, []int{429, 201}, 2, 201},
		{"PATCH 503 retried", http.MethodPatch, []int{503, 200}, 2, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := &script{statuses: tc.statuses}
			srv := httptest.NewServer(s)
			defer srv.Close()
			resp, n, err := do(t, newTransport(3), tc.method, srv.URL+"/x", []byte(`{"a":1}`))
			require.NoError(t, err)
			assert.Equal(t, tc.final, resp.StatusCode)
			assert.Equal(t, tc.attempts, n)
			assert.Equal(t, int32(tc.attempts), s.hits.Load())
			for _, b := range s.bodies {
				assert.Equal(t, `{"a":1}`, b, "every attempt replays the same body")
			}
		})
	}
}

func TestRetryDisabledMeansOneAttempt(t *testing.T) {
	s := &script{statuses: []int{503, 200}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, n, err := do(t, newTransport(1), http.MethodGet, srv.URL, nil)
	require.NoError(t, err)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, 1, n)
}

func TestStreamedBodyIsReopenedWithContentLength(t *testing.T) {
	s := &script{statuses: []int{503, 200}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	opens := 0
	content := strings.Repeat("x", 4096)
	resp, n, err := newTransport(3).Do(context.Background(), &Request{
		Method: http.MethodPut, URL: srv.URL,
		BodyFunc: func() (io.ReadCloser, error) {
			opens++
			return io.NopCloser(strings.NewReader(content)), nil
		},
		ContentLength: int64(len(content)),
	})
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{content, content}, s.bodies)
	assert.Equal(t, []int64{4096, 4096}, s.lengths)
	assert.GreaterOrEqual(t, opens, 2)
}

func TestRetryAfterBeyondDeadlineFailsAtOnce(t *testing.T) {
	s := &script{statuses: []int{429, 200}, header: http.Header{"Retry-After": {"30"}}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tr := New(Options{MaxAttempts: 3, MinInterval: time.Millisecond, MaxInterval: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	resp, n, err := tr.Do(ctx, &Request{Method: http.MethodGet, URL: srv.URL})
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, 429, resp.StatusCode)
	assert.Equal(t, 1, n)
	assert.NoError(t, ctx.Err(), "returned before the deadline instead of sleeping")
}

func TestRetryAfterIsHonouredAndCapped(t *testing.T) {
	p := &policy{min: 200 * time.Millisecond, max: 10 * time.Second}
	mk := func(status int, v string) *http.Response {
		return &http.Response{StatusCode: status, Header: http.Header{"Retry-After": {v}}}
	}
	assert.Equal(t, 3*time.Second, p.backoff(0, 0, 0, mk(429, "3")))
	assert.Equal(t, 10*time.Second, p.backoff(0, 0, 0, mk(503, "120")), "capped by the max interval")
	date := time.Now().Add(5 * time.Second).UTC().Format(http.TimeFormat)
	d := p.backoff(0, 0, 0, mk(429, date))
	assert.True(t, d > 3*time.Second && d <= 5*time.Second, "HTTP date honoured, got %s", d)
	assert.Equal(t, 200*time.Millisecond, p.backoff(0, 0, 0, mk(500, "3")), "only 429/503 carry Retry-After")
	assert.Equal(t, 400*time.Millisecond, p.backoff(0, 0, 1, mk(429, "soon")), "unparsable header falls back")
}

func TestBackoffSchedule(t *testing.T) {
	minW, maxW := 200*time.Millisecond, 10*time.Second
	want := []time.Duration{200, 400, 800, 1600, 3200, 6400, 10000, 10000}
	for n, w := range want {
		assert.Equal(t, w*time.Millisecond, Backoff(minW, maxW, n, false), "retry %d", n)
	}
	assert.Equal(t, maxW, Backoff(minW, maxW, 80, false), "no overflow on large n")
	for range 200 {
		d := Backoff(minW, maxW, 1, true)
		assert.True(t, d >= 360*time.Millisecond && d <= 440*time.Millisecond, "jitter ±10%%, got %s", d)
	}
	assert.Zero(t, Backoff(0, maxW, 3, true))
}

func TestCancellationStopsBackoffWait(t *testing.T) {
	s := &script{statuses: []int{503}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tr := New(Options{MaxAttempts: 5, MinInterval: time.Hour, MaxInterval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		resp, _, err := tr.Do(ctx, &Request{Method: http.MethodGet, URL: srv.URL})
		if resp != nil {
			resp.Body.Close()
		}
		done <- err
	}()
	require.Eventually(t, func() bool { return s.hits.Load() == 1 }, 5*time.Second, time.Millisecond)
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(5 * time.Second):
		t.Fatal("backoff wait ignored the cancelled context")
	}
	assert.Equal(t, int32(1), s.hits.Load())
}

// dropAfterRead reads the request then closes the connection without answering.
func dropAfterRead(hits *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}
}

func TestDroppedConnectionRetriesOnlySafeMethods(t *testing.T) {
	for _, tc := range []struct {
		method   string
		attempts int32
	}{{http.MethodGet, 3}, {http.MethodPut, 3}, {http.MethodPost, 1}, {http.MethodPatch, 1}} {
		t.Run(tc.method, func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(dropAfterRead(&hits))
			defer srv.Close()
			_, n, err := do(t, newTransport(3), tc.method, srv.URL, []byte(`{}`))
			require.Error(t, err)
			assert.Equal(t, tc.attempts, hits.Load(), "a POST that reached the server is never replayed")
			assert.Equal(t, int(tc.attempts), n)
		})
	}
}

func TestPostRetriedWhenNeverWritten(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nothing listens: every dial fails before the request is written
	_, n, err := do(t, newTransport(3), http.MethodPost, "http://"+addr+"/x", []byte(`{}`))
	require.Error(t, err)
	assert.Equal(t, 3, n)
}

func TestAttemptTimeoutRetriesSlowAttempt(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		w.WriteHeader(200)
	}))
	defer srv.Close()
	tr := New(Options{MaxAttempts: 2, MinInterval: time.Millisecond, MaxInterval: time.Millisecond, AttemptTimeout: 100 * time.Millisecond})
	resp, n, err := do(t, tr, http.MethodGet, srv.URL, nil)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, 2, n)
}

func TestOnResponseSeesEveryRegistryAttemptOnly(t *testing.T) {
	s := &script{statuses: []int{503, 200}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var seen []int
	tr := New(Options{MaxAttempts: 3, MinInterval: time.Millisecond, MaxInterval: time.Millisecond,
		OnResponse: func(r *http.Response) { seen = append(seen, r.StatusCode) }})
	resp, _, err := tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL, Registry: true})
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, []int{503, 200}, seen)
	resp, _, err = tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, []int{503, 200}, seen, "storage transfers are not registry responses")
}

func TestErrorsNeverCarryTheQueryString(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	_, _, err = newTransport(1).Do(context.Background(), &Request{Method: http.MethodGet, URL: "http://" + addr + "/obj?X-Amz-Signature=s3cr3t"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cr3t")
	assert.Equal(t, "https://h/p", StripQuery("https://u:pw@h/p?sig=abc#f"))
}

func TestDebugLogOmitsQuery(t *testing.T) {
	s := &script{statuses: []int{200}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var buf bytes.Buffer
	var mu sync.Mutex
	tr := New(Options{MaxAttempts: 1, Logger: newTestLogger(&buf, &mu)})
	resp, _, err := tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL + "/obj?sig=s3cr3t", Label: "storage"})
	require.NoError(t, err)
	resp.Body.Close()
	mu.Lock()
	defer mu.Unlock()
	assert.Contains(t, buf.String(), "istari: http attempt")
	assert.Contains(t, buf.String(), "path=/obj")
	assert.NotContains(t, buf.String(), "s3cr3t")
}

func TestCertificateErrorsAreNotRetried(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, n, err := do(t, newTransport(3), http.MethodGet, srv.URL, nil)
	require.Error(t, err)
	assert.Equal(t, 1, n, "an untrusted certificate will not become trusted by retrying")
	assert.False(t, errors.Is(err, context.Canceled))
}

func TestRetryLogOmitsQuery(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	var buf bytes.Buffer
	var mu sync.Mutex
	tr := New(Options{MaxAttempts: 2, MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Logger: newTestLogger(&buf, &mu)})
	_, _, err = tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: "http://" + addr + "/obj?X-Amz-Signature=s3cr3t", Label: "storage"})
	require.Error(t, err)
	mu.Lock()
	defer mu.Unlock()
	assert.Contains(t, buf.String(), "istari: retrying request")
	assert.NotContains(t, buf.String(), "s3cr3t")
}

func TestUnparsableURLNeverLeaksItsQuery(t *testing.T) {
	_, n, err := newTransport(3).Do(context.Background(), &Request{Method: http.MethodPut, URL: "https://bucket.example/obj?X-Amz-Signature=TOPSECRET\n"})
	require.Error(t, err)
	assert.Zero(t, n)
	assert.NotContains(t, err.Error(), "TOPSECRET")
}

func TestFailedCallsDoNotFlushThePool(t *testing.T) {
	var conns atomic.Int32
	s := &script{statuses: []int{503, 503, 503, 200}}
	srv := httptest.NewUnstartedServer(s)
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr := newTransport(3)
	resp, _, err := tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	require.NoError(t, err)
	_, _ = io.ReadAll(resp.Body)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 503, resp.StatusCode, "retries exhausted")
	resp, _, err = tr.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	require.NoError(t, err)
	_, _ = io.ReadAll(resp.Body)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, int32(1), conns.Load(), "the connection survives a call that ran out of retries")
}

// Hostile row 6: Retry-After: 9223372037 seconds overflowed time.Duration into a negative wait, so the retry
// fired at once. The arithmetic saturates: the wait is the maximum interval.
func TestHostileRetryAfterOverflowWaitsTheMaximum(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		n := len(at)
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "9223372037")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, "{}")
	}))
	defer srv.Close()
	const maxWait = 300 * time.Millisecond
	tr := New(Options{MaxAttempts: 2, MinInterval: time.Millisecond, MaxInterval: maxWait})
	resp, n, err := do(t, tr, http.MethodGet, srv.URL, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 2, n)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, at, 2)
	assert.GreaterOrEqual(t, at[1].Sub(at[0]), maxWait-20*time.Millisecond, "the retry waited the maximum interval")
}

func TestDurationArithmeticSaturates(t *testing.T) {
	mk := func(v string) *http.Response {
		return &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {v}}}
	}
	for _, v := range []string{"9223372037", "9223372036854775807", "18446744073709551615000"} {
		d, ok := RetryAfter(mk(v))
		if v == "18446744073709551615000" {
			assert.False(t, ok, "not an int64: ignored")
			continue
		}
		assert.True(t, ok)
		assert.Equal(t, time.Duration(math.MaxInt64), d, "Retry-After %s", v)
	}
	huge := time.Duration(math.MaxInt64)
	for n := range 70 {
		for _, jitter := range []bool{false, true} {
			d := Backoff(time.Hour, huge, n, jitter)
			assert.Positive(t, d, "n=%d jitter=%v", n, jitter)
			assert.GreaterOrEqual(t, d, time.Duration(float64(time.Hour)*0.9))
		}
	}
	assert.Equal(t, huge, Backoff(3<<40, huge, 23, false), "3<<63 would wrap")
	assert.Equal(t, 5*time.Second, Backoff(5*time.Second, time.Second, 2, false), "max below min: min")
}

// Hostile row 7: a presigned URL that does not parse and carries user:password@ never shows the userinfo
// (nor the query) in the error.
func TestHostileUnparsableURLNeverLeaksUserinfo(t *testing.T) {
	for _, raw := range []string{
		"http://user:pw-LEAK@127.0.0.1:1/%zz?sig=sig-LEAK",
		"http://user:pw-LEAK@127.0.0.1:bad port/o?sig=sig-LEAK",
		"http://user:pw-LEAK@127.0.0.1:1/o\n?sig=sig-LEAK",
	} {
		_, _, err := newTransport(1).Do(context.Background(), &Request{Method: http.MethodGet, URL: raw})
		require.Error(t, err)
		assert.NotContains(t, err.Error(), "pw-LEAK", raw)
		assert.NotContains(t, err.Error(), "sig-LEAK", raw)
		assert.NotContains(t, StripQuery(raw), "pw-LEAK", raw)
	}
}
