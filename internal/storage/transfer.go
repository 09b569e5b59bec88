package storage

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/internal/redact"
	"github.com/istari-sdk/istari-go/internal/transport"
)

// noTimeout disables the per-attempt timeout: storage transfers are bounded by the caller's ctx only, never by
// HTTPRequestTimeout (a 1 GiB PUT must not be cut after the registry call timeout).
var noTimeout time.Duration

// StatusError is a non-2xx answer of the object store.
type StatusError struct {
	Method     string
	URL        string // without query (presigned signatures never appear in errors)
	StatusCode int
	Header     http.Header
	Body       []byte
	Attempts   int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("istari: storage %s %s: %d %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
}

// Transfers moves bytes to and from presigned URLs through the client's transport. It never sends the registry
// Authorization header.
type Transfers struct {
	TR        *transport.Transport
	UserAgent string
	// Policy, when set, is checked before every transfer and on every redirect of one.
	Policy *URLPolicy
	// Scrub removes the client's secrets from the object store's answers kept on a StatusError (nil: the
	// credential patterns only). The presigned URL's own query values are always removed.
	Scrub *redact.Scrubber
}

// check applies the URL policy.
func (t *Transfers) check(rawURL string) error {
	if t.Policy == nil {
		return nil
	}
	return t.Policy.Check(rawURL)
}

// redirectCheck is the policy applied to redirects (nil when there is none).
func (t *Transfers) redirectCheck() func(*url.URL) error {
	if t.Policy == nil {
		return nil
	}
	return t.Policy.CheckURL
}

func (t *Transfers) header(rawURL string) http.Header {
	h := http.Header{}
	h.Set("User-Agent", t.UserAgent)
	if IsAzure(rawURL) {
		h.Set("X-Ms-Blob-Type", "BlockBlob") // Azure SAS URLs require it
	}
	return h
}

// IsAzure reports whether rawURL is an Azure Blob Storage URL (host *.blob.core.windows.net). Azure stages a
// multipart part as a block and answers 201 without an ETag.
func IsAzure(rawURL string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && strings.HasSuffix(u.Hostname(), ".blob.core.windows.net")
}

// Put uploads n bytes of ra starting at off to rawURL. Each attempt re-opens an io.SectionReader, so nothing
// is buffered whole and retries resend from the start of the section. It returns the ETag header, if any. The
// body reaches a plain-HTTP connection in checksum.BufSize reads and writes when the connection comes from a
// LargeWrites dialer.
func (t *Transfers) Put(ctx context.Context, rawURL string, ra io.ReaderAt, off, n int64, part *Part) (string, error) {
	return t.PutFunc(ctx, rawURL, func() (io.ReadCloser, error) {
		return io.NopCloser(part.Reader(io.NewSectionReader(ra, off, n))), nil
	}, n)
}

// PutFunc uploads n bytes re-opened by open for each attempt.
func (t *Transfers) PutFunc(ctx context.Context, rawURL string, open func() (io.ReadCloser, error), n int64) (string, error) {
	if err := t.check(rawURL); err != nil {
		return "", err
	}
	h := t.header(rawURL)
	h.Set("Content-Type", "application/octet-stream")
	resp, attempts, err := t.TR.Do(ctx, &transport.Request{ //nolint:bodyclose // drained and closed by drain below
		Method: http.MethodPut, URL: rawURL, Header: h, Label: "storage",
		BodyFunc: open, ContentLength: n, AttemptTimeout: &noTimeout, CheckRedirectURL: t.redirectCheck(),
	})
	if err != nil {
		return "", fmt.Errorf("istari: storage PUT %s failed after %d attempt(s): %w", transport.StripQuery(rawURL), attempts, err)
	}
	defer drain(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", t.statusError(http.MethodPut, rawURL, resp, attempts)
	}
	return resp.Header.Get("ETag"), nil
}

// Get starts a download of rawURL; the caller reads and closes the body of the 2xx response. size is the
// Content-Length, -1 when unknown.
func (t *Transfers) Get(ctx context.Context, rawURL string) (body io.ReadCloser, size int64, err error) {
	if err := t.check(rawURL); err != nil {
		return nil, -1, err
	}
	resp, attempts, err := t.TR.Do(ctx, &transport.Request{ //nolint:bodyclose // the caller closes the returned body
		Method: http.MethodGet, URL: rawURL, Header: t.header(rawURL), Label: "storage", AttemptTimeout: &noTimeout,
		CheckRedirectURL: t.redirectCheck(),
	})
	if err != nil {
		return nil, -1, fmt.Errorf("istari: storage GET %s failed after %d attempt(s): %w", transport.StripQuery(rawURL), attempts, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer drain(resp.Body)
		return nil, -1, t.statusError(http.MethodGet, rawURL, resp, attempts)
	}
	return resp.Body, resp.ContentLength, nil
}

// statusError keeps the object store's answer with the presigned query values (an S3 error body echoes the
// signature and credential) and the client's secrets replaced by "[REDACTED]".
func (t *Transfers) statusError(method, rawURL string, resp *http.Response, attempts int) *StatusError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	scrub := redact.New(queryValues(rawURL)...)
	if t.Scrub != nil {
		scrub = t.Scrub.With(queryValues(rawURL)...)
	}
	return &StatusError{Method: method, URL: transport.StripQuery(rawURL), StatusCode: resp.StatusCode,
		Header: scrub.Header(resp.Header), Body: scrub.Bytes(body), Attempts: attempts}
}

// queryValues returns the raw query of rawURL and each of its values, decoded and as written.
func queryValues(rawURL string) []string {
	u, err := url.Parse(rawURL)
	if err != nil || u.RawQuery == "" {
		return nil
	}
	out := []string{u.RawQuery}
	for _, part := range strings.Split(u.RawQuery, "&") {
		_, v, _ := strings.Cut(part, "=")
		out = append(out, v)
		if dec, err := url.QueryUnescape(v); err == nil && dec != v {
			out = append(out, dec)
		}
	}
	return out
}

func drain(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}
