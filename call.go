package istari

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/query"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/internal/validate"
)

// request is one registry operation as the domain files describe it; invoke does the rest.
type request struct {
	op     ops.ID                     // operation id, e.g. ops.ListFiles
	path   []string                   // path parameter values in template order
	query  any                        // nil, url.Values, or a params struct (validated, then encoded)
	body   any                        // nil = no body; otherwise JSON (json.RawMessage passes through)
	out    any                        // JSON target; nil = discard
	stream func(*http.Response) error // consumes a 2xx body instead of out (exports)
	accept string                     // Accept header; default application/json
}

// invoke performs one registry operation: route from the operation table, escaped path parameters,
// query, JSON body, bearer token, retries, compatibility capture, error decoding, and its span and metrics.
func (c *Client) invoke(ctx context.Context, r request) (err error) {
	ctx, span := c.tel.StartCall(ctx, string(r.op))
	defer span.Done(&err)
	if _, isValues := r.query.(url.Values); !isValues {
		if err := c.validate(r.query); err != nil {
			return err
		}
	}
	if err := c.validate(r.body); err != nil {
		return err
	}
	op, path, err := c.route(ctx, string(r.op), r.path)
	if err != nil {
		return err
	}
	q, err := encodeQuery(r.query)
	if err != nil {
		return err
	}
	target := c.baseURL + path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	header := c.registryHeader()
	accept := r.accept
	if accept == "" {
		accept = "application/json"
	}
	header.Set("Accept", accept)
	var body []byte
	if r.body != nil {
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("istari: %s: encoding request body: %w", op.ID, err)
		}
		header.Set("Content-Type", "application/json")
	}
	resp, attempts, err := c.tr.Do(ctx, &transport.Request{ //nolint:bodyclose // drainAndClose below
		Method: op.Method, URL: target, Header: header, Body: body, Registry: true, Label: op.ID, Template: op.Path,
	})
	if err != nil {
		return fmt.Errorf("istari: %s %s %s failed after %d attempt(s): %w", op.ID, op.Method, path, attempts, err)
	}
	defer drainAndClose(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return c.apiError(op.ID, op.Method, path, resp.StatusCode, resp.Header, raw, attempts)
	}
	switch {
	case r.stream != nil:
		return r.stream(resp)
	case r.out != nil:
		limit := c.cfg.maxResponseBytes()
		if err := json.NewDecoder(&limitedBody{r: resp.Body, left: limit}).Decode(r.out); err != nil {
			switch {
			case errors.Is(err, ErrResponseTooLarge):
				return fmt.Errorf("istari: %s: %w: more than %d bytes (Configuration.MaxResponseBytes)", op.ID, ErrResponseTooLarge, limit)
			case errors.Is(err, io.EOF):
				return fmt.Errorf("istari: %s: empty response body", op.ID)
			}
			return fmt.Errorf("istari: %s: decoding response: %w", op.ID, err)
		}
	}
	return nil
}

// limitedBody reads at most left bytes of r, then fails with ErrResponseTooLarge (instead of io.LimitReader's
// silent EOF, which would turn an oversized answer into a confusing decoding error).
type limitedBody struct {
	r    io.Reader
	left int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One more byte tells a body of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			return 0, ErrResponseTooLarge
		}
		return l.r.Read(p)
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// pathError turns an unusable path parameter into a *ValidationError naming the parameter.
func (c *Client) pathError(names, values []string, cause error) error {
	for i, name := range names {
		if i >= len(values) || values[i] == "" {
			return &ValidationError{Field: name, Rule: "required", Length: -1, Msg: "is required"}
		}
		if values[i] == "." || values[i] == ".." {
			return &ValidationError{Field: name, Rule: "path_segment", Length: len(values[i]), Msg: "must not be a dot segment"}
		}
	}
	return &ValidationError{Rule: "path", Length: -1, Msg: cause.Error()}
}

// registryHeader is the header set of every registry call: user agent, API hashes. The transport adds the
// bearer token (config_identity.go supplies it).
func (c *Client) registryHeader() http.Header {
	h := make(http.Header, 6)
	h.Set("User-Agent", c.userAgent)
	if c.apiHashes != "" {
		h.Set("X-Istari-Client-Api-Hashes", c.apiHashes)
	}
	return h
}

// validate checks a parameter struct or request body with its validate tags and returns the first violation. A
// nil pointer to a struct is checked as the struct's zero value, so nil breaks the rules of its required fields.
func (c *Client) validate(v any) error {
	if vs := validate.Body(v); len(vs) > 0 {
		return violationError(&vs[0])
	}
	return nil
}

// violationError is the *ValidationError of one violation found by internal/validate or internal/upload.
func violationError(v *validate.Violation) *ValidationError {
	return &ValidationError{Field: v.Field, Rule: v.Rule, Param: v.Param, Length: v.Length, Msg: v.Msg, Err: v.Err}
}

func encodeQuery(v any) (url.Values, error) {
	q, err := query.Encode(v)
	if err != nil {
		return nil, fmt.Errorf("istari: %w", err)
	}
	return q, nil
}

// drainAndClose reads a little of what is left so the connection can be reused, then closes.
func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}

// archiveCall performs an archive_*/restore_* operation that answers the updated object: every resource's
// Archive*/Restore* method is this one line.
func archiveCall[T any](ctx context.Context, c *Client, op ops.ID, id string, reason *string) (*T, error) {
	return invokeOne[T](ctx, c, request{op: op, path: []string{id}, body: archiveBody(reason)})
}

// archiveBody is the optional Archive/Restore body: none at all when no reason is given.
func archiveBody(reason *string) any {
	if reason == nil {
		return nil
	}
	return map[string]string{"reason": *reason}
}

// Ptr returns a pointer to v, for the optional fields of parameter structs: Ptr("-created").
func Ptr[T any](v T) *T { return &v }

// invokeOne performs r and decodes its answer into a new T.
func invokeOne[T any](ctx context.Context, c *Client, r request) (*T, error) {
	var out T
	r.out = &out
	if err := c.invoke(ctx, r); err != nil {
		return nil, err
	}
	return &out, nil
}
