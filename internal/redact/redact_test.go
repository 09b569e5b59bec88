package redact

import (
	"bytes"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStringScrubsKnownSecretsAndPatterns(t *testing.T) {
	s := New("registry-TOKEN-1", "", "abc") // empty and too-short values are ignored
	s.AddProxy("http://puser:proxy-PW-2@proxy:3128")
	pair := base64.StdEncoding.EncodeToString([]byte("puser:proxy-PW-2"))
	cases := map[string]string{
		"token registry-TOKEN-1 echoed":                      "token [REDACTED] echoed",
		"Authorization: Bearer eyJhbGciOi.x-y_z":             "Authorization: Bearer [REDACTED]",
		"bearer unknown-identity-token":                      "bearer [REDACTED]",
		"Proxy-Authorization: Basic " + pair:                 "Proxy-Authorization: Basic [REDACTED]",
		"Basic authentication failed":                        "Basic authentication failed",
		"pw proxy-PW-2":                                      "pw [REDACTED]",
		"see https://u:p@host/o?X-Amz-Signature=abc&x=1":     "see https://host/o?X-Amz-Signature=[REDACTED]&x=1",
		"sig=AbC%2F&se=2026&X-Goog-Credential=me%40x":        "sig=[REDACTED]&se=2026&X-Goog-Credential=[REDACTED]",
		"?access_token=a1&api_key=k2&password=p3&secret=s4":  "?access_token=[REDACTED]&api_key=[REDACTED]&password=[REDACTED]&secret=[REDACTED]",
		"plain text stays":                                   "plain text stays",
		"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-x_y": "token [REDACTED]",
		"abc is too short to be a secret":                    "abc is too short to be a secret",
	}
	for in, want := range cases {
		assert.Equal(t, want, s.String(in), in)
	}
	assert.Equal(t, "Bearer [REDACTED]", (*Scrubber)(nil).String("Bearer x-y-z-1"), "nil applies the patterns")
}

func TestRememberAndSource(t *testing.T) {
	s := New()
	s.Remember("rotating-1")
	s.Remember("rotating-2")
	current := "current-3"
	var mu sync.Mutex
	s.Source(func() []string { mu.Lock(); defer mu.Unlock(); return []string{current} })
	assert.Equal(t, "[REDACTED] [REDACTED] [REDACTED]", s.String("rotating-1 rotating-2 current-3"))
	mu.Lock()
	current = "current-4"
	mu.Unlock()
	assert.Equal(t, "[REDACTED]", s.String("current-4"))
	for i := range 2 * maxRemembered {
		s.Remember(strings.Repeat("x", 5) + string(rune('a'+i%26)) + strings.Repeat("y", i))
	}
	assert.Len(t, s.remembered, maxRemembered, "bounded")
	w := s.With("query-value-9")
	assert.Equal(t, "[REDACTED] [REDACTED]", w.String("query-value-9 current-4"))
}

func TestLongerSecretReplacedWhole(t *testing.T) {
	s := New("abcd", "abcdefgh")
	assert.Equal(t, "[REDACTED]", s.String("abcdefgh"))
}

func TestHeaderCopies(t *testing.T) {
	s := New("secret-value")
	h := http.Header{"X-Echo": {"secret-value", "ok"}}
	out := s.Header(h)
	assert.Equal(t, []string{"[REDACTED]", "ok"}, out["X-Echo"])
	assert.Equal(t, "secret-value", h.Get("X-Echo"), "the original is not modified")
	assert.Nil(t, s.Header(nil))
}

func TestHandlerScrubsRecords(t *testing.T) {
	var buf bytes.Buffer
	s := New("log-SECRET-1")
	log := slog.New(s.Handler(slog.NewTextHandler(&buf, nil))).With("pre", "log-SECRET-1").WithGroup("g")
	log.Info("msg log-SECRET-1", "a", "Bearer zzzz-1", "err", errors.New("log-SECRET-1"),
		"grp", slog.GroupValue(slog.String("k", "log-SECRET-1")), "n", 3)
	out := buf.String()
	assert.NotContains(t, out, "log-SECRET-1")
	assert.NotContains(t, out, "zzzz-1")
	assert.Contains(t, out, "g.n=3")
}
