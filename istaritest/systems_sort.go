package istaritest

import (
	"net/http"
	"slices"
	"strings"
)

// sysSortItems applies the sort query parameter to items, which are in creation order: "created" keeps the
// order, "-created" reverses it, and the named fields sort by their key ("-" prefix = descending), stably.
// An unknown field answers 422 and returns false.
func sysSortItems[T any](w http.ResponseWriter, r *http.Request, items []T, keys map[string]func(T) string) bool {
	field := r.URL.Query().Get("sort")
	desc := strings.HasPrefix(field, "-")
	field = strings.TrimPrefix(field, "-")
	switch field {
	case "":
		return true
	case "created":
		if desc {
			slices.Reverse(items)
		}
		return true
	}
	key, ok := keys[field]
	if !ok {
		writeValidation(w, []string{"query", "sort"}, "cannot sort by "+field, "value_error")
		return false
	}
	slices.SortStableFunc(items, func(a, b T) int {
		if desc {
			return strings.Compare(key(b), key(a))
		}
		return strings.Compare(key(a), key(b))
	})
	return true
}

// writeSortedPage sorts items as sysSortItems does and answers one page of them (or the 422).
func writeSortedPage[T any](w http.ResponseWriter, r *http.Request, items []T, keys map[string]func(T) string) {
	if sysSortItems(w, r, items, keys) {
		writePage(w, r, items)
	}
}
