// Package transport is the one retrying HTTP transport of the SDK, built on go-retryablehttp.
//
// Every registry call and every presigned storage transfer goes through Transport.Do. The policy:
// exponential backoff from the configured bounds with optional ±10% jitter; transport
// errors, 5xx and 429 retried for idempotent methods; POST and PATCH retried only on 429 and 503 (the
// server refused before acting) or when the failure provably happened before the request was written;
// Retry-After honoured and capped by the maximum interval; every wait stops on the context.
package transport

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/istari-sdk/istari-go/internal/telemetry"
)

// Options configure a Transport. Zero values mean no retries, no waits and no per-attempt timeout.
type Options struct {
	// HTTPClient is the base client; its Transport is wrapped, the client itself is not modified.
	HTTPClient *http.Client
	// MaxAttempts is the total number of attempts per request (at least 1).
	MaxAttempts int
	// MinInterval and MaxInterval bound the exponential backoff.
	MinInterval, MaxInterval time.Duration
	// Jitter multiplies each backoff by a uniform factor in [0.9, 1.1].
	Jitter bool
	// AttemptTimeout bounds each attempt of a registry call (0 = none).
	AttemptTimeout time.Duration
	// Logger receives DEBUG records of attempts and retries; nil is silent.
	Logger *slog.Logger
	// OnResponse is called with every response of a registry request, retried attempts included.
	OnResponse func(*http.Response)
	// Auth supplies the bearer token of registry requests (nil = none is added).
	Auth Authorizer
	// Telemetry traces each attempt and injects trace context into registry requests; nil = none.
	Telemetry *telemetry.Telemetry
}

// Request describes one logical HTTP request, replayed on each attempt.
type Request struct {
	Method string
	URL    string
	Header http.Header
	// Body is a replayable in-memory body (JSON); nil with BodyFunc nil means no body.
	Body []byte
	// BodyFunc re-opens a streamed body for each attempt (file content); ContentLength must be set.
	BodyFunc func() (io.ReadCloser, error)
	// ContentLength is the length of the BodyFunc body.
	ContentLength int64
	// Registry marks a registry call: OnResponse applies and AttemptTimeout is the default timeout.
	// Presigned storage transfers are not registry calls.
	Registry bool
	// AttemptTimeout overrides Options.AttemptTimeout when non-nil (0 = no per-attempt timeout).
	AttemptTimeout *time.Duration
	// RetryUnsafe lets a POST or PATCH be retried like an idempotent request (caller opt-in).
	RetryUnsafe bool
	// Label names the request in log records and spans (operation id or "storage").
	Label string
	// CheckRedirectURL, when set, must accept the target of every redirect (presigned URL policy).
	CheckRedirectURL func(*url.URL) error
	// Auth supplies this request's bearer token, overriding Options.Auth (which applies to registry requests
	// only); the identity service's calls use it.
	Auth Authorizer
	// Template is the operation's path template, the url.template of attempt spans ("" for storage).
	Template string
}

// Transport performs requests with retries. It is safe for concurrent use.
type Transport struct {
	client  *retryablehttp.Client
	opts    Options
	tripper *attemptTripper
}

// New builds a Transport around opts.HTTPClient (http.DefaultClient when nil).
func New(opts Options) *Transport {
	if opts.MaxAttempts < 1 {
		opts.MaxAttempts = 1
	}
	base := opts.HTTPClient
	if base == nil {
		base = &http.Client{}
	}
	hc := *base
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	tripper := &attemptTripper{next: next, logger: opts.Logger, onResponse: opts.OnResponse, tel: opts.Telemetry}
	hc.Transport = tripper
	hc.CheckRedirect = checkRedirect(base.CheckRedirect)
	p := &policy{min: opts.MinInterval, max: opts.MaxInterval, jitter: opts.Jitter, logger: opts.Logger}
	rc := &retryablehttp.Client{
		HTTPClient:     &hc,
		RetryWaitMin:   opts.MinInterval,
		RetryWaitMax:   opts.MaxInterval,
		RetryMax:       opts.MaxAttempts - 1,
		CheckRetry:     p.checkRetry,
		Backoff:        p.backoff,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: countAttempt,
	}
	return &Transport{client: rc, opts: opts, tripper: tripper}
}

// send sends r, retrying per the policy (Do adds the registry's bearer token first).
func (t *Transport) send(ctx context.Context, r *Request) (resp *http.Response, attempts int, err error) {
	st := &attemptState{
		method:     r.Method,
		idempotent: isIdempotent(r.Method) || r.RetryUnsafe,
		registry:   r.Registry,
		label:      r.Label,
		checkURL:   r.CheckRedirectURL,
		template:   r.Template,
	}
	switch {
	case r.AttemptTimeout != nil:
		st.timeout = *r.AttemptTimeout
	case r.Registry:
		st.timeout = t.opts.AttemptTimeout
	}
	ctx = context.WithValue(ctx, stateKey{}, st)

	var body any
	switch {
	case r.BodyFunc != nil && r.ContentLength > 0:
		open := r.BodyFunc
		body = retryablehttp.ReaderFunc(func() (io.Reader, error) { return open() })
	case r.Body != nil:
		body = r.Body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.Method, r.URL, body)
	if err != nil {
		return nil, 0, redactURLError(err)
	}
	if r.BodyFunc != nil {
		// A streamed body reports no length of its own; presigned PUTs need Content-Length.
		req.ContentLength = r.ContentLength
	}
	for k, vs := range r.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	resp, err = t.client.Do(req)
	if err != nil {
		if resp != nil {
			// retryablehttp hands back the last response with the context's error when ctx ended just
			// after it arrived; nobody else would close it.
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			_ = resp.Body.Close()
			resp = nil
		}
		err = redactURLError(err)
	}
	return resp, max(st.attempts, 1), err
}

// redactURLError removes the query string (presigned signatures) from the URL a *url.Error carries, so it
// never reaches an error string, including when the URL could not even be parsed.
func redactURLError(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		if uerr.Op == "parse" && uerr.Err != nil && strings.Contains(uerr.Err.Error(), "@") {
			// The parser's own message quotes a piece of the URL that holds userinfo.
			uerr.Err = errors.New("invalid URL")
		}
		uerr.URL = StripQuery(uerr.URL)
	}
	return err
}

// CloseIdleConnections releases pooled connections. Only Client.Close calls it: the round tripper ignores
// the calls go-retryablehttp makes after every failed request, which would otherwise flush the pool (the
// process-wide one when the caller's http.Client has no Transport of its own).
func (t *Transport) CloseIdleConnections() { t.tripper.closeIdle() }

// StripQuery drops the query string, the fragment and any userinfo of a URL, for logs and errors. A URL that
// does not parse is cut at its first '?' or '#', and whatever precedes an '@' in its authority is removed.
func StripQuery(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.IndexAny(raw, "?#"); i >= 0 {
			raw = raw[:i]
		}
		return stripUserinfo(raw)
	}
	u.RawQuery, u.ForceQuery, u.User, u.Fragment = "", false, nil, ""
	return u.String()
}

// stripUserinfo removes "user:pass@" from a URL that url.Parse refused: everything up to the last '@' of the
// authority (which ends at the first '/' after "//").
func stripUserinfo(raw string) string {
	start := 0
	if i := strings.Index(raw, "//"); i >= 0 {
		start = i + 2
	}
	end := len(raw)
	if j := strings.IndexByte(raw[start:], '/'); j >= 0 {
		end = start + j
	}
	if at := strings.LastIndexByte(raw[start:end], '@'); at >= 0 {
		return raw[:start] + raw[start+at+1:]
	}
	return raw
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func countAttempt(_ retryablehttp.Logger, req *http.Request, i int) {
	if st := stateFrom(req.Context()); st != nil {
		st.attempts = i + 1
	}
}
