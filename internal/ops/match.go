package ops

import (
	"net/url"
	"strings"
)

// Match finds the operation serving a request: method must equal the row's method, and escapedPath (as from
// r.URL.EscapedPath()) must match the template segment by segment. A parameter matches any non-empty segment
// and its value is unescaped; a path with an invalid %-escape matches nothing. When several rows match, the
// one with a literal at the first segment where they differ wins, so GET /api/v2/users/me is get_current_user,
// not get_user_by_id; between equal templates an openapi row beats a builtin one, then the lower ID wins.
// The returned map holds the parameter values by name (empty, not nil, for a route without parameters).
func (t *Table) Match(method, escapedPath string) (Operation, map[string]string, bool) {
	if !strings.HasPrefix(escapedPath, "/") {
		return Operation{}, nil, false
	}
	raw := strings.Split(escapedPath[1:], "/")
	parts := make([]string, len(raw))
	for i, p := range raw {
		u, err := url.PathUnescape(p)
		if err != nil {
			return Operation{}, nil, false
		}
		parts[i] = u
	}
	var best *route
	for i := range t.routes[method] {
		r := &t.routes[method][i]
		if r.matches(parts) && (best == nil || t.better(r, best)) {
			best = r
		}
	}
	if best == nil {
		return Operation{}, nil, false
	}
	params := map[string]string{}
	for i, s := range best.segs {
		if s.param {
			params[s.text] = strings.TrimSuffix(parts[i], s.suffix)
		}
	}
	return t.ops[best.idx], params, true
}

func (r *route) matches(parts []string) bool {
	if len(parts) != len(r.segs) {
		return false
	}
	for i, s := range r.segs {
		if !s.param {
			if parts[i] != s.text {
				return false
			}
			continue
		}
		if v, ok := strings.CutSuffix(parts[i], s.suffix); !ok || v == "" {
			return false
		}
	}
	return true
}

// better reports whether a should win over b; both match the same path, so they have the same length.
func (t *Table) better(a, b *route) bool {
	for i := range a.segs {
		if a.segs[i].param != b.segs[i].param {
			return !a.segs[i].param
		}
		if len(a.segs[i].suffix) != len(b.segs[i].suffix) {
			return len(a.segs[i].suffix) > len(b.segs[i].suffix) // "{id}:restore" is more specific than "{id}"
		}
	}
	oa, ob := t.ops[a.idx], t.ops[b.idx]
	if oa.Source != ob.Source {
		return oa.Source == SourceOpenAPI
	}
	return oa.ID < ob.ID
}
