package istari

import (
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// CompatibilityResult is the registry's verdict on this SDK, read from response headers (Python
// CompatibilityResult): server version, status and the incompatible or deprecated API tags.
type CompatibilityResult = types.CompatibilityResult

// AuthDeprecationResult says whether the registry reported that personal access tokens are deprecated
// (Python AuthDeprecationResult, header X-Istari-Auth-Deprecation).
type AuthDeprecationResult = types.AuthDeprecationResult

// Compatibility response headers: the registry's version, its verdict on this client's API hashes, and the
// incompatible and deprecated API tags.
const (
	headerRegistryVersion  = "X-Istari-Registry-Version"
	headerCompatibility    = "X-Istari-Compatibility"
	headerIncompatibleTags = "X-Istari-Incompatible-Tags"
	headerDeprecatedTags   = "X-Istari-Deprecated-Tags"
	headerAuthDeprecation  = "X-Istari-Auth-Deprecation"
)

// compatTracker keeps the last verdict seen on any response and warns once per client and verdict.
type compatTracker struct {
	logger *slog.Logger
	hook   func(CompatibilityResult)

	mu         sync.Mutex
	last       *CompatibilityResult
	auth       *AuthDeprecationResult
	announced  map[string]bool
	authWarned bool
}

// parseCompatibility reads the headers; ok is false when neither the version nor the verdict is present.
func parseCompatibility(h http.Header) (CompatibilityResult, bool) {
	version, verdict := h.Get(headerRegistryVersion), h.Get(headerCompatibility)
	if version == "" && verdict == "" {
		return CompatibilityResult{}, false
	}
	r := CompatibilityResult{
		IncompatibleTags: splitTags(h.Get(headerIncompatibleTags)),
		DeprecatedTags:   splitTags(h.Get(headerDeprecatedTags)),
	}
	if version != "" {
		r.ServerVersion = &version
	}
	if verdict != "" {
		s := enums.CompatibilityStatus(strings.TrimSpace(verdict))
		r.Status = &s
	}
	return r, true
}

// splitTags splits a comma-separated header, trimming items and dropping empties.
func splitTags(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// observe is called with every registry response.
func (t *compatTracker) observe(resp *http.Response) {
	r, ok := parseCompatibility(resp.Header)
	authMsg, authSeen := resp.Header.Get(headerAuthDeprecation), resp.Header.Get(headerAuthDeprecation) != ""
	if !ok && !authSeen {
		return
	}
	t.mu.Lock()
	announce, warnAuth := false, false
	if ok {
		t.last = cloneResult(&r)
		key := ""
		if r.Status != nil {
			key = string(*r.Status)
		}
		if !t.announced[key] {
			if t.announced == nil {
				t.announced = map[string]bool{}
			}
			t.announced[key] = true
			announce = true
		}
	}
	if authSeen {
		t.auth = &AuthDeprecationResult{Detected: true, Message: &authMsg}
		warnAuth = !t.authWarned
		t.authWarned = true
	}
	t.mu.Unlock()
	if announce {
		t.announce(r)
	}
	if warnAuth && t.logger != nil {
		t.logger.Warn("istari: the registry reports that personal access tokens are deprecated; use access keys", "message", authMsg)
	}
}

func (t *compatTracker) announce(r CompatibilityResult) {
	if t.hook != nil {
		t.hook(*cloneResult(&r))
	}
	if t.logger == nil || r.Status == nil {
		return
	}
	version := ""
	if r.ServerVersion != nil {
		version = *r.ServerVersion
	}
	switch *r.Status {
	case enums.CompatibilityStatusCompatible:
		t.logger.Info("istari: connected to Istari Registry; SDK is up to date", "server_version", version)
	case enums.CompatibilityStatusIncompatible:
		t.logger.Warn("istari: the registry reports this SDK is incompatible; update istari-go", "server_version", version, "incompatible_tags", r.IncompatibleTags)
	case enums.CompatibilityStatusRevisionMismatch:
		t.logger.Info("istari: the registry reports a minor version difference with this SDK", "server_version", version)
	case enums.CompatibilityStatusDeprecationWarning:
		t.logger.Warn("istari: the registry reports deprecated APIs used by this SDK", "server_version", version, "deprecated_tags", r.DeprecatedTags)
	}
}

func (t *compatTracker) lastResult() *CompatibilityResult {
	t.mu.Lock()
	defer t.mu.Unlock()
	return cloneResult(t.last)
}

func (t *compatTracker) authDeprecation() *AuthDeprecationResult {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.auth == nil {
		return nil
	}
	a := *t.auth
	return &a
}

func cloneResult(r *CompatibilityResult) *CompatibilityResult {
	if r == nil {
		return nil
	}
	c := *r
	c.IncompatibleTags = append([]string(nil), r.IncompatibleTags...)
	c.DeprecatedTags = append([]string(nil), r.DeprecatedTags...)
	return &c
}
