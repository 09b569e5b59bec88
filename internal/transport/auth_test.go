package transport

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingAuth hands out "tok-<generation>" and moves to the next generation on Invalidate.
type countingAuth struct {
	mu          sync.Mutex
	gen         int
	invalidated []string
	refreshable bool
	err         error
}

func (a *countingAuth) Token(context.Context) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return "", a.err
	}
	return "tok-" + strconv.Itoa(a.gen), nil
}

func (a *countingAuth) Invalidate(token string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.invalidated = append(a.invalidated, token)
	if a.refreshable {
		a.gen++
	}
	return a.refreshable
}

// authServer answers 401 to tokens in reject, 200 otherwise, and records each Authorization header.
type authServer struct {
	mu     sync.Mutex
	seen   []string
	reject map[string]bool
}

func (s *authServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	auth := r.Header.Get("Authorization")
	s.seen = append(s.seen, auth)
	if s.reject[auth] {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func authTransport(a Authorizer) *Transport {
	return New(Options{MaxAttempts: 3, MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Auth: a})
}

func TestRegistry401IsSentOnceMoreWithARefreshedToken(t *testing.T) {
	s := &authServer{reject: map[string]bool{"Bearer tok-0": true}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	a := &countingAuth{refreshable: true}
	resp, attempts, err := do(t, authTransport(a), "POST", srv.URL, []byte(`{}`))
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 2, attempts)
	assert.Equal(t, []string{"Bearer tok-0", "Bearer tok-1"}, s.seen)
	assert.Equal(t, []string{"tok-0"}, a.invalidated)
}

func TestSecond401IsReturned(t *testing.T) {
	s := &authServer{reject: map[string]bool{"Bearer tok-0": true, "Bearer tok-1": true}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	a := &countingAuth{refreshable: true}
	resp, attempts, err := do(t, authTransport(a), "GET", srv.URL, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Equal(t, 2, attempts)
	assert.Equal(t, []string{"tok-0"}, a.invalidated, "exactly one refresh")
}

func TestFixedTokenIsNotSentAgain(t *testing.T) {
	s := &authServer{reject: map[string]bool{"Bearer tok-0": true}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, attempts, err := do(t, authTransport(&countingAuth{}), "GET", srv.URL, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Equal(t, 1, attempts)
}

func TestAuthorizerErrorSendsNothing(t *testing.T) {
	s := &authServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	boom := errors.New("no token")
	_, attempts, err := authTransport(&countingAuth{err: boom}).Do(context.Background(), &Request{Method: "GET", URL: srv.URL, Registry: true})
	require.ErrorIs(t, err, boom)
	assert.Equal(t, 0, attempts)
	assert.Empty(t, s.seen)
}

func TestStorageRequestsNeverGetTheToken(t *testing.T) {
	s := &authServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, _, err := authTransport(&countingAuth{}).Do(context.Background(), &Request{Method: "GET", URL: srv.URL, Header: http.Header{"X-A": {"1"}}})
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, []string{""}, s.seen)
}

func TestRequestAuthOverridesAndAppliesToAnyRequest(t *testing.T) {
	s := &authServer{reject: map[string]bool{"Bearer tok-0": true}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	own := &countingAuth{refreshable: true}
	tr := authTransport(&countingAuth{err: errors.New("the registry's authorizer must not be asked")})
	resp, attempts, err := tr.Do(context.Background(), &Request{Method: "GET", URL: srv.URL, Auth: own})
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 2, attempts)
	assert.Equal(t, []string{"Bearer tok-0", "Bearer tok-1"}, s.seen)
}
