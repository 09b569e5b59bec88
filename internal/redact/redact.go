// Package redact removes credentials from text that came from a server or from a URL before it reaches an
// error, a log record or a header kept on an error.
//
// A Scrubber knows the client's own secrets (the registry token, proxy credentials, identity-service secrets)
// and replaces every occurrence with "[REDACTED]". It also applies patterns that need no knowledge of the value:
// "Bearer <anything>" and "Basic <anything>" credentials, JSON Web Tokens, the signature and credential parameters of presigned
// query strings, and the userinfo of URLs.
//
// Token sources whose value changes (an identity-service access token that is refreshed) register each new
// value with [Scrubber.Remember], or register a function with [Scrubber.Source] that returns the current
// values when text is scrubbed. Both are safe for concurrent use.
package redact

import (
	"context"
	"encoding/base64"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Marker replaces every credential.
const Marker = "[REDACTED]"

// minSecret is the shortest value scrubbed by exact match: shorter ones would erase ordinary words.
const minSecret = 4

// maxRemembered bounds Remember's list: the newest values win.
const maxRemembered = 32

// Scrubber replaces known secrets and credential-shaped text. The zero value applies only the patterns.
type Scrubber struct {
	mu         sync.RWMutex
	secrets    []string // static values (token, proxy credentials)
	remembered []string // rotating values, newest last
	sources    []func() []string
}

// New returns a Scrubber that knows secrets (empty and very short values are ignored).
func New(secrets ...string) *Scrubber {
	s := &Scrubber{}
	for _, v := range secrets {
		s.add(v)
	}
	return s
}

func (s *Scrubber) add(v string) {
	if len(v) < minSecret {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secrets = appendNew(s.secrets, v)
}

// appendNew appends v to list unless it is there already.
func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// With returns a new Scrubber that knows s's secrets (its sources included) and extra.
func (s *Scrubber) With(extra ...string) *Scrubber {
	out := New(extra...)
	if s == nil {
		return out
	}
	out.Source(func() []string { return s.values() })
	return out
}

// AddProxy registers the credentials of a proxy URL: the user name, the password, "user:password" and its
// base64 form (what a Proxy-Authorization: Basic header carries, and what a 407 page may echo).
func (s *Scrubber) AddProxy(raw string) {
	if raw == "" {
		return
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return
	}
	user := u.User.Username()
	pass, _ := u.User.Password()
	pair := user + ":" + pass
	s.add(pass)
	s.add(user)
	s.add(pair)
	s.add(base64.StdEncoding.EncodeToString([]byte(pair)))
	s.add(u.User.String())
}

// Remember registers a secret that may change over time, such as a refreshed identity token. The most recent
// values are kept (an error may echo the previous token).
func (s *Scrubber) Remember(v string) {
	if s == nil || len(v) < minSecret {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.remembered = appendNew(s.remembered, v)
	if len(s.remembered) > maxRemembered {
		s.remembered = s.remembered[len(s.remembered)-maxRemembered:]
	}
}

// Source registers a function returning the current values of a secret; it is called on every scrub, so it
// must be cheap and must not block.
func (s *Scrubber) Source(f func() []string) {
	if s == nil || f == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sources = append(s.sources, f)
}

var (
	// authScheme matches an Authorization-style credential: "Bearer x", "Basic x".
	authScheme = regexp.MustCompile(`(?i)\b(bearer|basic)(\s+)([A-Za-z0-9\-._~+/=]{4,})`)
	// plainWord is a capitalised or lower-case English word ("Basic authentication"), not a credential.
	plainWord = regexp.MustCompile(`^[A-Za-z][a-z]+$`)
	// signedParam matches the signature and credential parameters of S3, GCS and Azure presigned URLs, and
	// query parameters named like credentials.
	signedParam = regexp.MustCompile(`(?i)\b((?:x-amz-|x-goog-)?(?:signature|credential|security-token)|sig|signedtoken|token|access_token|api_key|apikey|key|password|secret)=([^&\s"'<>]+)`)
	// jwt matches a JSON Web Token (an identity-service access token echoed without its "Bearer").
	jwt = regexp.MustCompile(`\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*`)
	// urlUserinfo matches the userinfo of a URL written in text: scheme://user[:pass]@.
	urlUserinfo = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.\-]*://)[^/?#\s@"'<>]+@`)
)

// String returns text with every known secret and credential pattern replaced by [Marker], and the userinfo
// of every URL removed.
func (s *Scrubber) String(text string) string {
	if text == "" {
		return text
	}
	var secrets []string
	if s != nil {
		secrets = s.values()
	}
	text = replaceAll(text, secrets)
	text = authScheme.ReplaceAllStringFunc(text, func(m string) string {
		sub := authScheme.FindStringSubmatch(m)
		if plainWord.MatchString(sub[3]) {
			return m
		}
		return sub[1] + sub[2] + Marker
	})
	text = signedParam.ReplaceAllString(text, "${1}="+Marker)
	text = jwt.ReplaceAllString(text, Marker)
	text = urlUserinfo.ReplaceAllString(text, "${1}")
	// Removing userinfo joins text, and a marker next to text may spell a secret again: repeat until nothing
	// is left, and give up on a text that keeps producing one.
	for range 3 {
		if !containsAny(text, secrets) {
			return text
		}
		text = replaceAll(text, secrets)
	}
	if containsAny(text, secrets) {
		return Marker
	}
	return text
}

func replaceAll(text string, secrets []string) string {
	for _, v := range secrets {
		if strings.Contains(text, v) {
			text = strings.ReplaceAll(text, v, Marker)
		}
	}
	return text
}

func containsAny(text string, secrets []string) bool {
	for _, v := range secrets {
		if strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// Bytes is String for a byte slice; it returns b itself when nothing changed.
func (s *Scrubber) Bytes(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	out := s.String(string(b))
	if out == string(b) {
		return b
	}
	return []byte(out)
}

// Header returns a copy of h with every value scrubbed (nil stays nil).
func (s *Scrubber) Header(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		c := make([]string, len(vs))
		for i, v := range vs {
			c[i] = s.String(v)
		}
		out[k] = c
	}
	return out
}

// values returns every known secret, longest first so that a secret containing another is replaced whole.
func (s *Scrubber) values() []string {
	s.mu.RLock()
	out := make([]string, 0, len(s.secrets)+len(s.remembered))
	out = append(out, s.secrets...)
	out = append(out, s.remembered...)
	sources := s.sources
	s.mu.RUnlock()
	for _, f := range sources {
		for _, v := range f() {
			if len(v) >= minSecret {
				out = append(out, v)
			}
		}
	}
	sortLongestFirst(out)
	return out
}

func sortLongestFirst(v []string) {
	slices.SortStableFunc(v, func(a, b string) int { return len(b) - len(a) })
}

// Handler wraps a slog.Handler so that the message and every string attribute (groups included) of each
// record are scrubbed before inner sees them.
func (s *Scrubber) Handler(inner slog.Handler) slog.Handler {
	return &handler{inner: inner, s: s}
}

type handler struct {
	inner slog.Handler
	s     *Scrubber
}

func (h *handler) Enabled(ctx context.Context, l slog.Level) bool { return h.inner.Enabled(ctx, l) }

func (h *handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.s.String(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h *handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	scrubbed := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		scrubbed[i] = h.attr(a)
	}
	return &handler{inner: h.inner.WithAttrs(scrubbed), s: h.s}
}

func (h *handler) WithGroup(name string) slog.Handler {
	return &handler{inner: h.inner.WithGroup(name), s: h.s}
}

func (h *handler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.s.String(v.String()))
	case slog.KindGroup:
		group := v.Group()
		out := make([]slog.Attr, len(group))
		for i, g := range group {
			out[i] = h.attr(g)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(out...)}
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, h.s.String(err.Error()))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
