package istari

// Fault-injection suite (issue 8): every fault is injected into the in-process fake registry (loopback only),
// bounded in count (Fault.Times) and in time (short per-attempt timeouts, capped Retry-After waits). Each test
// also checks that no goroutine and no temp file outlives the client and the server.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/istaritest"
)

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

func TestFaultDownloadDroppedMidBody(t *testing.T) {
	e := newRelEnv(t)
	_, tok, _ := e.seed(t, 1<<20)
	e.srv.DropDownloadMidBody(1)
	dst := t.TempDir()
	target := filepath.Join(dst, "out.bin")
	err := e.c.CopyTo(context.Background(), tok, target)
	require.Error(t, err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	_, statErr := os.Stat(target)
	assert.True(t, os.IsNotExist(statErr), "no partial file at the target")
	assert.Empty(t, listFiles(t, dst), "no temp file beside the target")
	assert.Empty(t, listFiles(t, e.cacheDir), "no cache entry for a truncated download")
	_, _, puts := e.c.files.cache.Stats()
	assert.Zero(t, puts)
	assert.Len(t, e.srv.RequestsFor("storage.get"), 1)

	// The object is intact: a second read succeeds and is then cached.
	require.NoError(t, e.c.CopyTo(context.Background(), tok, target))
	assert.Len(t, listFiles(t, e.cacheDir), 1)
}

func TestFaultCorruptDownload(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mut   func(*Configuration)
		cache bool
	}{
		{"cache", func(*Configuration) {}, true},
		{"no cache", noCache, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newRelEnv(t, tc.mut)
			_, tok, data := e.seed(t, 256<<10)
			e.srv.CorruptDownloads(1)
			dst := t.TempDir()
			target := filepath.Join(dst, "out.bin")
			err := e.c.CopyTo(context.Background(), tok, target)
			require.ErrorIs(t, err, ErrChecksumMismatch)
			var ce *ChecksumError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tok.SHA, ce.Expected)
			assert.Empty(t, listFiles(t, dst))
			assert.Empty(t, listFiles(t, e.cacheDir))

			got, err := e.c.ReadBytes(context.Background(), tok)
			require.NoError(t, err)
			assert.Equal(t, data, got)
			if tc.cache {
				assert.Len(t, listFiles(t, e.cacheDir), 1)
			}
		})
	}
}

func TestFaultMultipartPartFailsOnce(t *testing.T) {
	e := newRelEnv(t, smallMultipart)
	data := randomBytes(t, 6<<20)
	// Baseline: the same upload shape without a fault.
	_, err := e.c.AddModelFromReader(context.Background(), "a.bin", bytes.NewReader(data), nil)
	require.NoError(t, err)
	base := len(e.srv.RequestsFor("storage.put"))
	require.Greater(t, base, 6, "6 parts plus the properties blob")
	e.srv.ResetRequests()

	other := append([]byte(nil), data...)
	other[0] ^= 0xff
	e.srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 500})
	m, err := e.c.AddModelFromReader(context.Background(), "b.bin", bytes.NewReader(other), nil)
	require.NoError(t, err)
	assert.Len(t, e.srv.RequestsFor("storage.put"), base+1, "exactly one extra part PUT")
	assert.Len(t, e.srv.RequestsFor("create_model"), 1)
	assert.Zero(t, e.srv.MultipartUploadsInProgress())
	got, err := e.c.ReadBytes(context.Background(), m.File.Revisions[len(m.File.Revisions)-1].ContentToken())
	require.NoError(t, err)
	assert.True(t, bytes.Equal(other, got))
}
