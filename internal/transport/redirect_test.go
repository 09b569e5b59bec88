package transport

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedirectPolicy(t *testing.T) {
	mustReq := func(raw string) *http.Request {
		u, err := url.Parse(raw)
		require.NoError(t, err)
		return &http.Request{URL: u, Header: http.Header{"Authorization": {"Bearer x"}, "Cookie": {"c"}}}
	}
	check := checkRedirect(nil)
	cases := []struct {
		from, to  string
		refused   bool
		keepsAuth bool
	}{
		{"https://h/a", "https://h/b", false, true},
		{"https://h/a", "https://h:443/b", false, true},
		{"https://h/a", "https://H/b", false, true},
		{"https://h/a", "https://h:8443/b", false, false},
		{"https://h/a", "https://other/b", false, false},
		{"http://h/a", "https://h/b", false, false}, // upgrade is fine, but another origin
		{"https://h/a", "http://h/b", true, false},
		{"http://h:1/a", "http://h:2/b", false, false},
	}
	for _, c := range cases {
		req := mustReq(c.to)
		err := check(req, []*http.Request{mustReq(c.from)})
		if c.refused {
			assert.ErrorIs(t, err, ErrRedirectRefused, "%s -> %s", c.from, c.to)
			continue
		}
		require.NoError(t, err, "%s -> %s", c.from, c.to)
		assert.Equal(t, c.keepsAuth, req.Header.Get("Authorization") != "", "%s -> %s", c.from, c.to)
		assert.Equal(t, c.keepsAuth, req.Header.Get("Cookie") != "", "%s -> %s", c.from, c.to)
	}

	// The caller's CheckRedirect still decides after the policy.
	called := false
	withNext := checkRedirect(func(*http.Request, []*http.Request) error { called = true; return http.ErrUseLastResponse })
	assert.ErrorIs(t, withNext(mustReq("https://h/b"), []*http.Request{mustReq("https://h/a")}), http.ErrUseLastResponse)
	assert.True(t, called)
}
