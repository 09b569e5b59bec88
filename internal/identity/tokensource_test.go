package identity

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// tokenServer is a token endpoint that verifies each assertion with the public key of creds.
type tokenServer struct {
	t      *testing.T
	srv    *httptest.Server
	creds  *Credentials
	calls  atomic.Int64
	answer func(n int64, w http.ResponseWriter) // nil = a valid token with expires_in 3600
	delay  time.Duration
	now    func() time.Time // the server's clock for exp and iat (time.Now when nil)

	mu     sync.Mutex
	claims []jwt.MapClaims
	forms  []url.Values
}

func newTokenServer(t *testing.T, creds *Credentials) *tokenServer {
	ts := &tokenServer{t: t, creds: creds}
	ts.srv = httptest.NewServer(http.HandlerFunc(ts.serve))
	t.Cleanup(ts.srv.Close)
	return ts
}

func (ts *tokenServer) url() string { return ts.srv.URL + "/identity/oauth2/token" }

func (ts *tokenServer) serve(w http.ResponseWriter, r *http.Request) {
	n := ts.calls.Add(1)
	if ts.delay > 0 {
		time.Sleep(ts.delay)
	}
	if r.Method != http.MethodPost || r.URL.Path != "/identity/oauth2/token" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		ts.t.Errorf("request %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
	}
	if err := r.ParseForm(); err != nil {
		ts.t.Error(err)
	}
	claims := jwt.MapClaims{}
	clock := ts.now
	if clock == nil {
		clock = time.Now
	}
	_, err := jwt.ParseWithClaims(r.PostForm.Get("client_assertion"), claims, func(tok *jwt.Token) (any, error) {
		if tok.Header["kid"] != ts.creds.KeyID || tok.Header["alg"] != "ES384" {
			return nil, fmt.Errorf("header %v", tok.Header)
		}
		return &ts.creds.Key.PublicKey, nil
	}, jwt.WithValidMethods([]string{"ES384"}), jwt.WithAudience(ts.url()), jwt.WithIssuer(ts.creds.ClientID), jwt.WithSubject(ts.creds.ClientID), jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithTimeFunc(clock))
	if err != nil {
		ts.t.Errorf("assertion: %v", err)
	}
	ts.mu.Lock()
	ts.claims = append(ts.claims, claims)
	ts.forms = append(ts.forms, r.PostForm)
	ts.mu.Unlock()
	if ts.answer != nil {
		ts.answer(n, w)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"access_token": "at-%d", "token_type": "Bearer", "expires_in": 3600}`, n)
}

func newSource(ts *tokenServer, mutate ...func(*Config)) *TokenSource {
	cfg := Config{TokenURL: ts.url(), Credentials: ts.creds, HTTPClient: ts.srv.Client(), Attempts: 3,
		MinInterval: time.Millisecond, MaxInterval: 2 * time.Millisecond}
	for _, m := range mutate {
		m(&cfg)
	}
	return NewTokenSource(cfg)
}

func TestTokenRequestOnTheWire(t *testing.T) {
	ts := newTokenServer(t, mustGenerate(t, "client-abc", "key-xyz"))
	src := newSource(ts)
	before := time.Now().Unix()
	tok, err := src.Token(context.Background())
	if err != nil || tok != "at-1" {
		t.Fatalf("Token = %q, %v", tok, err)
	}
	form, claims := ts.forms[0], ts.claims[0]
	if len(form) != 3 || form.Get("grant_type") != "client_credentials" || form.Get("client_assertion_type") != AssertionType {
		t.Errorf("form %v", form)
	}
	if claims["aud"] != ts.url() { // a string, not a one-element array
		t.Errorf("aud %#v", claims["aud"])
	}
	iat, exp := int64(claims["iat"].(float64)), int64(claims["exp"].(float64))
	if iat < before || exp != iat+300 {
		t.Errorf("iat %d exp %d (before %d)", iat, exp, before)
	}
	jti, _ := claims["jti"].(string)
	if len(jti) != 36 || jti[14] != '4' {
		t.Errorf("jti %q is not a UUID v4", jti)
	}
	// Cached: no second request.
	if tok, _ := src.Token(context.Background()); tok != "at-1" || ts.calls.Load() != 1 {
		t.Errorf("second Token = %q after %d calls", tok, ts.calls.Load())
	}
	// A fresh assertion each time: jti never repeats.
	src.Invalidate("at-1")
	if _, err := src.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ts.claims[1]["jti"] == jti {
		t.Error("jti repeated")
	}
}

func TestConcurrentCallersShareOneFetch(t *testing.T) {
	ts := newTokenServer(t, mustGenerate(t, "c", "k"))
	ts.delay = 100 * time.Millisecond
	src := newSource(ts)
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Go(func() {
			tok, err := src.Token(context.Background())
			if err == nil && tok != "at-1" {
				err = fmt.Errorf("token %q", tok)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := ts.calls.Load(); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
}

func TestRefreshAheadMargins(t *testing.T) {
	for _, tt := range []struct {
		expiresIn string
		lifetime  time.Duration
		refresh   time.Duration // refresh after this long
	}{
		{`3600`, time.Hour, time.Hour - time.Minute},
		{`"240"`, 4 * time.Minute, 3 * time.Minute},
		{`120`, 2 * time.Minute, 90 * time.Second}, // a quarter of the lifetime
		{`2`, 2 * time.Second, 1500 * time.Millisecond},
		{`null`, time.Hour, time.Hour - time.Minute},
	} {
		ts := newTokenServer(t, mustGenerate(t, "c", "k"))
		ts.answer = func(n int64, w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"access_token": "at-%d", "expires_in": %s}`, n, tt.expiresIn)
		}
		var mu sync.Mutex
		clock := time.Unix(1_800_000_000, 0)
		now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
		advance := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
		ts.now = now
		src := newSource(ts, func(c *Config) { c.Now = now })
		ctx := context.Background()
		if tok, err := src.Token(ctx); err != nil || tok != "at-1" {
			t.Fatalf("%s: %q %v", tt.expiresIn, tok, err)
		}
		advance(tt.refresh - time.Millisecond)
		if tok, _ := src.Token(ctx); tok != "at-1" {
			t.Errorf("%s: refreshed %v early", tt.expiresIn, time.Millisecond)
		}
		advance(time.Millisecond)
		if tok, _ := src.Token(ctx); tok != "at-2" {
			t.Errorf("%s: not refreshed at %v (lifetime %v)", tt.expiresIn, tt.refresh, tt.lifetime)
		}
	}
}

func TestFailuresAreRetriedThenTypedWithoutTheBody(t *testing.T) {
	ts := newTokenServer(t, mustGenerate(t, "c", "k"))
	ts.answer = func(_ int64, w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error": "invalid_client", "error_description": "BODY-SECRET key revoked"}`)
	}
	var logs bytes.Buffer
	src := newSource(ts, func(c *Config) {
		c.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	_, err := src.Token(context.Background())
	var ie *Error
	if !errors.As(err, &ie) || ie.StatusCode != 401 || ie.Code != "invalid_client" {
		t.Fatalf("err = %#v", err)
	}
	if err.Error() != "Identity-router authentication failed: HTTP 401 (invalid_client)" {
		t.Errorf("message %q", err.Error())
	}
	if n := ts.calls.Load(); n != 3 {
		t.Errorf("%d attempts, want 3 (every failure is retried)", n)
	}
	if strings.Count(logs.String(), "retrying") != 2 || strings.Contains(logs.String(), "BODY-SECRET") {
		t.Errorf("log:\n%s", logs.String())
	}
	for _, f := range ts.forms {
		if strings.Contains(logs.String(), f.Get("client_assertion")) || strings.Contains(err.Error(), f.Get("client_assertion")) {
			t.Error("the assertion leaked")
		}
	}
}

func TestMalformedAnswers(t *testing.T) {
	for body, want := range map[string]string{
		`{"token_type": "Bearer"}`: "malformed or has no access_token",
		`not json`:                 "malformed or has no access_token",
		`{"access_token": "x", "expires_in": 3.5}`:  "malformed or has no access_token", // oauth2 rejects it
		`{"access_token": "x", "expires_in": "1h"}`: "malformed or has no access_token",
	} {
		ts := newTokenServer(t, mustGenerate(t, "c", "k"))
		ts.answer = func(_ int64, w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, body)
		}
		_, err := newSource(ts, func(c *Config) { c.Attempts = 1 }).Token(context.Background())
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), body) {
			t.Errorf("%s: %v", body, err)
		}
	}
}

func TestRedirectIsNotFollowed(t *testing.T) {
	ts := newTokenServer(t, mustGenerate(t, "c", "k"))
	ts.answer = func(_ int64, w http.ResponseWriter) {
		w.Header().Set("Location", "http://127.0.0.1:1/steal")
		w.WriteHeader(http.StatusTemporaryRedirect)
	}
	_, err := newSource(ts, func(c *Config) { c.Attempts = 1 }).Token(context.Background())
	var ie *Error
	if !errors.As(err, &ie) || ie.StatusCode != http.StatusTemporaryRedirect {
		t.Errorf("err = %v", err)
	}
}

func TestUnreachableAndTimeout(t *testing.T) {
	creds := mustGenerate(t, "c", "k")
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	src := NewTokenSource(Config{TokenURL: closed.URL + "/identity/oauth2/token", Credentials: creds, Attempts: 2, MinInterval: time.Millisecond, MaxInterval: time.Millisecond})
	_, err := src.Token(context.Background())
	if err == nil || !strings.HasPrefix(err.Error(), "Identity-router is unreachable at "+closed.URL+"/identity/oauth2/token: ") {
		t.Errorf("closed port: %v", err)
	}

	ts := newTokenServer(t, creds)
	ts.delay = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := newSource(ts).Token(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiter past its deadline: %v", err)
	}
}

func TestInvalidateDropsOnlyTheRejectedToken(t *testing.T) {
	ts := newTokenServer(t, mustGenerate(t, "c", "k"))
	src := newSource(ts)
	ctx := context.Background()
	first, _ := src.Token(ctx)
	src.Invalidate("some-older-token")
	if tok, _ := src.Token(ctx); tok != first {
		t.Error("an older rejected token dropped the current one")
	}
	src.Invalidate(first)
	if tok, _ := src.Token(ctx); tok == first || ts.calls.Load() != 2 {
		t.Errorf("after Invalidate: %q, %d calls", tok, ts.calls.Load())
	}
	if s := fmt.Sprintf("%v %+v %#v", src, src, src); strings.Contains(s, "at-") {
		t.Errorf("formatted source shows the token: %s", s)
	}
}
