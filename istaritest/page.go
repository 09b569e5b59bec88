package istaritest

import (
	"net/http"
	"strconv"
)

// pageEnvelope is the registry's page shape.
type pageEnvelope[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
	Page  int `json:"page"`
	Size  int `json:"size"`
	Pages int `json:"pages"`
}

// writePage answers one page of items using the request's page and size: page defaults to 1 and
// page=0 yields no items (as the registry does); size defaults to 10 and is capped at 100.
func writePage[T any](w http.ResponseWriter, r *http.Request, items []T) {
	page, size, ok := pageParams(w, r)
	if !ok {
		return
	}
	env := pageEnvelope[T]{Items: []T{}, Total: len(items), Page: page, Size: size}
	if size > 0 {
		env.Pages = (len(items) + size - 1) / size
	}
	if page >= 1 && size > 0 {
		start := (page - 1) * size
		if start < len(items) {
			env.Items = items[start:min(start+size, len(items))]
		}
	}
	writeJSON(w, http.StatusOK, env)
}

func pageParams(w http.ResponseWriter, r *http.Request) (page, size int, ok bool) {
	page, size = 1, 10
	q := r.URL.Query()
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeValidation(w, []string{"query", "page"}, "Input should be greater than or equal to 0", "greater_than_equal")
			return 0, 0, false
		}
		page = n
	}
	if v := q.Get("size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeValidation(w, []string{"query", "size"}, "Input should be greater than or equal to 0", "greater_than_equal")
			return 0, 0, false
		}
		size = min(n, 100)
	}
	return page, size, true
}
