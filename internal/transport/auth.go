package transport

import (
	"context"
	"io"
	"net/http"
)

// Authorizer supplies the bearer token of registry requests: a fixed personal access token, or an
// identity-service access token that is refreshed ahead of expiry.
type Authorizer interface {
	// Token returns the bearer token to send. Its error is returned by Do as is, without any attempt.
	Token(ctx context.Context) (string, error)
	// Invalidate is told that the registry answered 401 to token. It reports whether a different token may
	// now be obtained, in which case Do sends the request once more.
	Invalidate(token string) bool
}

// Do sends r, retrying per the policy. It returns the final response (any status) with the number of
// attempts made; the caller closes the body. err is non-nil only when no response was obtained.
//
// A registry request carries "Authorization: Bearer <token>" from Options.Auth, when set, and any request the
// token of its own Request.Auth. When the server answers 401 and the Authorizer can refresh, the request is sent
// once more with the new token, outside the retry budget; a second 401 is returned to the caller. Requests with
// neither (presigned storage transfers) never get a token.
func (t *Transport) Do(ctx context.Context, r *Request) (resp *http.Response, attempts int, err error) {
	auth := r.Auth
	if auth == nil && r.Registry {
		auth = t.opts.Auth
	}
	if auth == nil {
		return t.send(ctx, r)
	}
	token, err := auth.Token(ctx)
	if err != nil {
		return nil, 0, err
	}
	resp, attempts, err = t.send(ctx, withBearer(r, token))
	if err != nil || resp.StatusCode != http.StatusUnauthorized || !auth.Invalidate(token) {
		return resp, attempts, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	if token, err = auth.Token(ctx); err != nil {
		return nil, attempts, err
	}
	resp, more, err := t.send(ctx, withBearer(r, token))
	return resp, attempts + more, err
}

// withBearer is a copy of r whose header carries the token.
func withBearer(r *Request, token string) *Request {
	c := *r
	c.Header = r.Header.Clone()
	if c.Header == nil {
		c.Header = http.Header{}
	}
	c.Header.Set("Authorization", "Bearer "+token)
	return &c
}
