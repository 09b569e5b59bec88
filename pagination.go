package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/url"
	"reflect"
	"strconv"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// PageOptions are the paging parameters shared by every paged list call (Python's page and size
// keyword arguments). Zero values are not sent: the registry then uses page 1 and size 10.
//
// Page is 1-based; a negative value, or a size above 100, fails locally with *ValidationError. (The
// registry answers page=0 with an empty list rather than an error, which is why 0 means "not set" here.)
type PageOptions struct {
	Page int `query:"page" validate:"gte=0"`
	Size int `query:"size" validate:"gte=0,lte=100"`
}

// Page is one page of a list call: Python's Page<Thing> classes (PageFile, PageSystem, ...).
//
// It decodes both the registry's envelope {items, total, page, size, pages} and a bare JSON array (some
// list calls answer either way depending on the registry version). A Page returned by a List method
// remembers the call, so All and AllPages walk the following pages lazily with the same filters.
type Page[T any] struct {
	Items []T  `json:"items"`
	Total *int `json:"total"`
	Page  *int `json:"page"`
	Size  *int `json:"size"`
	Pages *int `json:"pages,omitempty"`

	requested int
	fetch     func(ctx context.Context, page int) (*Page[T], error)
}

// UnmarshalJSON accepts a page envelope or a bare array of items.
func (p *Page[T]) UnmarshalJSON(data []byte) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var items []T
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return err
		}
		n, one := len(items), 1
		*p = Page[T]{Items: items, Total: &n, Page: &one, Pages: &one}
		return nil
	}
	type envelope Page[T]
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return err
	}
	*p = Page[T](env)
	return nil
}

// number is the page's 1-based number: the one this SDK asked for, else (a page built by hand, or the
// first page asked without a number) the server's, else 1. The server's own `page` never drives the walk,
// so a server that ignores ?page= cannot keep it on the same page.
func (p *Page[T]) number() int {
	if p.requested > 0 {
		return p.requested
	}
	if p.Page != nil && *p.Page > 0 {
		return *p.Page
	}
	return 1
}

// HasNext reports whether another page may follow: none when the list is empty, when the page is the last by
// `pages`, or when `total` items have been reached. When the server sends `pages` together with `total` and
// `size`, the smaller bound wins, so an absurd `pages` cannot stretch the walk past the items that exist.
func (p *Page[T]) HasNext() bool {
	if len(p.Items) == 0 || (p.Total != nil && *p.Total == 0) {
		return false
	}
	n := p.number()
	bySize := p.Total != nil && p.Size != nil && *p.Size > 0
	if bySize && int64(n)*int64(*p.Size) >= int64(*p.Total) {
		return false
	}
	if p.Pages != nil {
		return n < *p.Pages
	}
	return true
}

// errDetachedPage is returned when a hand-built Page is asked for more pages.
var errDetachedPage = errors.New("istari: this page was not returned by a list call, so the next page cannot be fetched")

// Next fetches the following page with the same filters: the page after the one this page asked for. It
// returns (nil, nil) when there is none, including when the server answers with no items or with the very
// items of this page again (a server that ignores the page number).
func (p *Page[T]) Next(ctx context.Context) (*Page[T], error) {
	if !p.HasNext() {
		return nil, nil
	}
	if p.fetch == nil {
		return nil, errDetachedPage
	}
	next, err := p.fetch(ctx, p.number()+1)
	if err != nil {
		return nil, err
	}
	if (next.Total != nil && *next.Total == 0) || (next.Pages != nil && next.number() > *next.Pages) {
		return nil, nil
	}
	if len(next.Items) == 0 || reflect.DeepEqual(next.Items, p.Items) {
		return nil, nil
	}
	return next, nil
}

// AllPages walks this page and the ones after it, lazily (Python iter_pages). The walk stops at the last page, on the first
// error (yielded once), when the loop breaks, or when ctx is done. Offset paging can skip or repeat
// items when others write to the list during the walk.
func (p *Page[T]) AllPages(ctx context.Context) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		if p.Total != nil && *p.Total == 0 {
			return
		}
		for cur := p; cur != nil; {
			if !yield(cur, nil) {
				return
			}
			if !cur.HasNext() {
				return
			}
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			next, err := cur.Next(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			cur = next
		}
	}
}

// All walks every item of this page and the following ones (Python iter_items), with the stop rules of AllPages.
func (p *Page[T]) All(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range p.AllPages(ctx) {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// All calls list with params and walks every item of every page lazily:
//
//	for m, err := range istari.All(ctx, &istari.ListModelsParams{}, client.ListModels) {
//		if err != nil { return err }
//		fmt.Println(m.ID)
//	}
//
// The first error (including ctx's) is yielded once and ends the walk.
func All[T any, P any](ctx context.Context, params P, list func(context.Context, P) (*Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		page, err := list(ctx, params)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		for item, err := range page.All(ctx) {
			if !yield(item, err) || err != nil {
				return
			}
		}
	}
}

// AllOf is All for list methods that take the id of a parent resource first (ListModelArtifacts,
// ListSnapshotRevisions, ListTrackedFiles, ...): it binds id, so the walk stays one expression with no
// generic types spelled out:
//
//	for a, err := range istari.AllOf(ctx, modelID, &istari.ListArtifactsParams{}, client.ListModelArtifacts) {
//		if err != nil { return err }
//		fmt.Println(a.ID)
//	}
//
// Python walks these lists with the same page loop; AllOf has no Python equivalent of its own.
func AllOf[T any, P any](ctx context.Context, id string, params P, list func(context.Context, string, P) (*Page[T], error)) iter.Seq2[T, error] {
	return All(ctx, params, func(ctx context.Context, p P) (*Page[T], error) { return list(ctx, id, p) })
}

// listPage performs a paged list operation and records how to fetch the following pages.
func listPage[T any](ctx context.Context, c *Client, op ops.ID, path []string, params any) (*Page[T], error) {
	if err := c.validate(params); err != nil {
		return nil, err
	}
	q, err := encodeQuery(params)
	if err != nil {
		return nil, err
	}
	return fetchPage[T](ctx, c, op, path, q, 0)
}

func fetchPage[T any](ctx context.Context, c *Client, op ops.ID, path []string, q url.Values, page int) (*Page[T], error) {
	if page > 0 {
		q = cloneValues(q)
		q.Set("page", strconv.Itoa(page))
		if q.Get("size") == "" {
			q.Set("size", "10")
		}
	}
	var out Page[T]
	if err := c.invoke(ctx, request{op: op, path: path, query: q, out: &out}); err != nil {
		return nil, err
	}
	out.requested = page
	if out.requested == 0 {
		if n, err := strconv.Atoi(q.Get("page")); err == nil {
			out.requested = n
		}
	}
	out.fetch = func(ctx context.Context, n int) (*Page[T], error) {
		return fetchPage[T](ctx, c, op, path, q, n)
	}
	return &out, nil
}

// listAll performs a non-paged list call whose answer may be a bare array or a page envelope.
func listAll[T any](ctx context.Context, c *Client, r request) ([]T, error) {
	var page Page[T]
	r.out = &page
	if err := c.invoke(ctx, r); err != nil {
		return nil, err
	}
	if page.Items == nil {
		return []T{}, nil
	}
	return page.Items, nil
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}
