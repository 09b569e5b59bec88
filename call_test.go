package istari

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
