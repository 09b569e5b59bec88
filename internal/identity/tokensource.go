package identity

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/transport"
)

const (
	// AttemptTimeout bounds one HTTP attempt of the identity service.
	AttemptTimeout = 10 * time.Second
	// DefaultLifetime is the token lifetime assumed when the answer has no expires_in.
	DefaultLifetime = 3600 * time.Second
	// RefreshMargin is how long before expiry a token is refreshed.
	RefreshMargin = 60 * time.Second
	// shortLifetime is the lifetime below which the margin is a quarter of the lifetime instead, so that a
	// short-lived token is not fetched again on every call.
	shortLifetime = 4 * time.Minute
)

// Error is a failure of the identity service. Message never contains a response body, a token, an assertion
// or key material.
type Error struct {
	Message    string
	StatusCode int    // HTTP status when the service answered, else 0
	Code       string // the service's error code ("invalid_client", "not_found"...), when it sent one
	Timeout    bool   // the attempt timed out
}

func (e *Error) Error() string { return e.Message }

// Config configures a TokenSource.
type Config struct {
	// TokenURL is the token endpoint: <identity base>/oauth2/token. It is also the assertion's audience.
	TokenURL string
	// Credentials sign the assertions.
	Credentials *Credentials
	// HTTPClient sends the token requests (http.DefaultClient when nil). Redirects are never followed.
	HTTPClient *http.Client
	// Attempts is the total number of attempts per fetch (at least 1); every failure is retried.
	Attempts int
	// MinInterval, MaxInterval and Jitter are the backoff between attempts (transport.Backoff).
	MinInterval, MaxInterval time.Duration
	Jitter                   bool
	// Logger receives a warning per retry and a DEBUG record per token obtained, never the token; nil is silent.
	Logger *slog.Logger
	// Now is the clock (time.Now when nil), for tests.
	Now func() time.Time
	// Telemetry traces each fetch as an "istari.token_fetch" span and counts it; nil records nothing.
	Telemetry *telemetry.Telemetry
	// OnToken, when set, is told every access token obtained, so that the client's scrubber can remove it from
	// server text in errors and logs. It must not log or store the value anywhere else.
	OnToken func(access string)
}

// TokenSource caches the access token and refreshes it ahead of expiry, as the Python client does: the first
// caller to find the token due (inside the refresh margin) starts the one fetch and waits for it (or its
// context), and gets the fetch's error if it fails; callers arriving while that fetch runs keep using the cached
// token as long as it has not expired; callers without an unexpired token wait for the fetch and share its
// result. It is safe for concurrent use.
type TokenSource struct {
	cfg    Config
	client *http.Client

	mu     sync.Mutex
	tok    *token
	flight *flight
}

type token struct {
	access    string
	lifetime  time.Duration
	refreshAt time.Time
	expiresAt time.Time
}

// flight is one running fetch; done is closed when tok or err is set.
type flight struct {
	done chan struct{}
	tok  *token
	err  error
}

// NewTokenSource returns a TokenSource; it makes no request until the first Token call.
func NewTokenSource(cfg Config) *TokenSource {
	if cfg.Attempts < 1 {
		cfg.Attempts = 1
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	base := cfg.HTTPClient
	if base == nil {
		base = http.DefaultClient
	}
	hc := *base
	// A redirect would carry the assertion elsewhere: answer with the 3xx instead.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &TokenSource{cfg: cfg, client: &hc}
}

// String never shows the token or the key.
func (ts *TokenSource) String() string { return "identity.TokenSource{" + ts.cfg.TokenURL + "}" }

// GoString is String.
func (ts *TokenSource) GoString() string { return ts.String() }

// Token returns a valid access token, fetching one when none is cached or the cached one is due for refresh.
func (ts *TokenSource) Token(ctx context.Context) (string, error) {
	ts.mu.Lock()
	now := ts.cfg.Now()
	if t := ts.tok; t != nil && now.Before(t.refreshAt) {
		ts.mu.Unlock()
		return t.access, nil
	}
	f := ts.flight
	if f != nil {
		if t := ts.tok; t != nil && now.Before(t.expiresAt) {
			// Another caller is refreshing; this token is still good.
			ts.mu.Unlock()
			return t.access, nil
		}
	} else {
		f = &flight{done: make(chan struct{})}
		ts.flight = f
		// The fetch outlives a caller that gives up, so the callers waiting for it still get its result; it is
		// bounded by the attempts and their timeouts.
		go ts.run(context.WithoutCancel(ctx), f)
	}
	ts.mu.Unlock()
	select {
	case <-f.done:
		if f.err != nil {
			return "", f.err
		}
		return f.tok.access, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func (ts *TokenSource) run(ctx context.Context, f *flight) {
	ctx, span := ts.cfg.Telemetry.StartTokenFetch(ctx)
	f.tok, f.err = ts.fetch(ctx)
	span.EndTokenFetch(f.err)
	if f.err == nil && ts.cfg.OnToken != nil {
		ts.cfg.OnToken(f.tok.access)
	}
	ts.mu.Lock()
	if f.err == nil {
		ts.tok = f.tok
	}
	ts.flight = nil
	ts.mu.Unlock()
	close(f.done)
}

// Invalidate drops the cached token if it is still rejected, the one the registry answered 401 to. It reports
// whether a different token may now be obtained; concurrent callers rejected with the same token cause one
// refresh between them.
func (ts *TokenSource) Invalidate(rejected string) bool {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.tok != nil && ts.tok.access == rejected {
		ts.tok = nil
	}
	return true
}

// fetch obtains a new token, retrying every failure up to the configured attempts.
func (ts *TokenSource) fetch(ctx context.Context) (*token, error) {
	var err error
	for attempt := range ts.cfg.Attempts {
		if attempt > 0 {
			wait := transport.Backoff(ts.cfg.MinInterval, ts.cfg.MaxInterval, attempt-1, ts.cfg.Jitter)
			if ts.cfg.Logger != nil {
				ts.cfg.Logger.Warn("istari: identity token request failed; retrying",
					"attempt", fmt.Sprintf("%d/%d", attempt, ts.cfg.Attempts), "error", err.Error(), "delay", wait)
			}
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return nil, err
			}
		}
		var tok *token
		if tok, err = ts.once(ctx); err == nil {
			if ts.cfg.Logger != nil {
				ts.cfg.Logger.Debug("istari: identity access token obtained", "lifetime", tok.lifetime, "refresh_in", tok.refreshAt.Sub(ts.cfg.Now()).Round(time.Millisecond))
			}
			return tok, nil
		}
	}
	return nil, err
}

// once is one token request.
func (ts *TokenSource) once(ctx context.Context) (*token, error) {
	start := ts.cfg.Now()
	assertion, err := ts.cfg.Credentials.Assertion(ts.cfg.TokenURL, start)
	if err != nil {
		return nil, &Error{Message: "Identity-router authentication failed: " + err.Error()}
	}
	cc := clientcredentials.Config{
		TokenURL:  ts.cfg.TokenURL,
		AuthStyle: oauth2.AuthStyleInParams, // no client_id/secret: the assertion authenticates
		EndpointParams: url.Values{
			"client_assertion_type": {AssertionType},
			"client_assertion":      {assertion},
		},
	}
	actx, cancel := context.WithTimeout(context.WithValue(ctx, oauth2.HTTPClient, ts.client), AttemptTimeout)
	defer cancel()
	ot, err := cc.Token(actx)
	if err != nil {
		return nil, ts.describe(err)
	}
	lifetime, ok := lifetimeOf(ot)
	if !ok {
		return nil, &Error{Message: "Identity-router token response has a non-integer expires_in"}
	}
	expiresAt := start.Add(lifetime)
	return &token{access: ot.AccessToken, lifetime: lifetime, expiresAt: expiresAt, refreshAt: expiresAt.Add(-margin(lifetime))}, nil
}

// margin is how long before expiry a token of this lifetime is refreshed.
func margin(lifetime time.Duration) time.Duration {
	if lifetime < shortLifetime {
		return lifetime / 4
	}
	return RefreshMargin
}

// lifetimeOf reads expires_in (an integer, a numeric string, or absent for the default).
func lifetimeOf(t *oauth2.Token) (time.Duration, bool) {
	var secs float64
	switch v := t.Extra("expires_in").(type) {
	case nil:
		return DefaultLifetime, true
	case float64:
		secs = v
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, false
		}
		secs = float64(n)
	default:
		return 0, false
	}
	if secs != math.Trunc(secs) || secs > float64(math.MaxInt32) {
		return 0, false
	}
	return time.Duration(max(secs, 0)) * time.Second, true
}

var errorCode = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// describe turns an oauth2 or transport error into an *Error without the response body.
func (ts *TokenSource) describe(err error) *Error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		e := &Error{Message: "Identity-router authentication failed: HTTP " + strconv.Itoa(re.Response.StatusCode)}
		e.StatusCode = re.Response.StatusCode
		if errorCode.MatchString(re.ErrorCode) {
			e.Code = re.ErrorCode
			e.Message += " (" + re.ErrorCode + ")"
		}
		return e
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		var nerr net.Error
		if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &nerr) && nerr.Timeout()) {
			return &Error{Message: "Identity-router request timed out: " + transport.StripQuery(uerr.URL), Timeout: true}
		}
		return &Error{Message: "Identity-router is unreachable at " + transport.StripQuery(ts.cfg.TokenURL) + ": " + describeNetError(uerr.Err)}
	}
	return &Error{Message: "Identity-router token response is malformed or has no access_token"}
}

// describeNetError keeps the kind of a connection failure (refused, DNS, TLS) without anything the server sent.
func describeNetError(err error) string {
	var op *net.OpError
	if errors.As(err, &op) {
		return op.Error()
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.Error()
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}
