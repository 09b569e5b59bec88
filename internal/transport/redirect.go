package transport

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// MaxRedirects is how many redirects one request follows before it fails.
const MaxRedirects = 5

// ErrRedirectRefused is wrapped by every error of a redirect the policy refused; the message says why.
var ErrRedirectRefused = errors.New("istari: redirect refused")

// checkRedirect is the redirect policy of every request (the http.Client's CheckRedirect):
//   - a redirect from https to http is refused (the token, or the body, would travel in clear text);
//   - after MaxRedirects redirects the request fails;
//   - the Authorization and Cookie headers are kept only when the new URL has the same scheme, host and port
//     as the original request (net/http compares host names only, so it would forward the token to another
//     port of the same host).
//
// then, when the caller's http.Client has a CheckRedirect of its own, that one decides too.
func checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) == 0 {
			return nil
		}
		first, prev := via[0].URL, via[len(via)-1].URL
		if len(via) > MaxRedirects {
			return fmt.Errorf("%w: stopped after %d redirects", ErrRedirectRefused, MaxRedirects)
		}
		if strings.EqualFold(prev.Scheme, "https") && !strings.EqualFold(req.URL.Scheme, "https") {
			return fmt.Errorf("%w: %s redirected to %s, which would downgrade https to %s", ErrRedirectRefused,
				origin(prev), origin(req.URL), req.URL.Scheme)
		}
		if st := stateFrom(req.Context()); st != nil && st.checkURL != nil {
			if err := st.checkURL(req.URL); err != nil {
				return fmt.Errorf("%w: %w", ErrRedirectRefused, err)
			}
		}
		if origin(req.URL) != origin(first) {
			req.Header.Del("Authorization")
			req.Header.Del("Cookie")
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// origin is scheme://host:port with the default port made explicit and no userinfo, path or query.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}
