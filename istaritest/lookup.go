package istaritest

import "net/http"

// lookupAllowed is the fake's usual lookup step: it answers 404 with notFound when rec is nil, or the
// access denial when u lacks need on the resource aclID(rec) names, and otherwise returns rec. The
// caller holds s.mu.
func lookupAllowed[T any](s *Server, w http.ResponseWriter, rec *T, notFound string, aclID func(*T) string, u *User, need string) *T {
	if rec == nil {
		writeDetail(w, http.StatusNotFound, notFound)
		return nil
	}
	if denyStatus(w, s.allowLocked(aclID(rec), u, need)) {
		return nil
	}
	return rec
}

// writeFound answers 200 with render(rec), or 404 with notFound when rec is nil.
func writeFound[T, R any](w http.ResponseWriter, rec *T, notFound string, render func(*T) R) {
	if rec == nil {
		writeDetail(w, http.StatusNotFound, notFound)
		return
	}
	writeJSON(w, http.StatusOK, render(rec))
}

// renderInOrder renders the records of m in the order ids lists them (an empty, non-nil slice when
// there are none).
func renderInOrder[V, R any](ids []string, m map[string]V, render func(V) R) []R {
	return listFiltered(ids, m, nil, render)
}

// listFiltered renders, in the order ids lists them, the records of m that keep accepts (a nil keep
// accepts all); the result is an empty, non-nil slice when none is kept.
func listFiltered[V, R any](ids []string, m map[string]V, keep func(V) bool, render func(V) R) []R {
	out := make([]R, 0, len(ids))
	for _, id := range ids {
		if v := m[id]; keep == nil || keep(v) {
			out = append(out, render(v))
		}
	}
	return out
}
