package istari

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type item struct {
	ID int `json:"id"`
}

// pagedResponder serves total items in pages like the registry; withPages false omits "pages".
func pagedResponder(t *testing.T, total int, withPages bool, queries *[]string) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		*queries = append(*queries, r.URL.RawQuery)
		q := r.URL.Query()
		page, size := 1, 10
		if v := q.Get("page"); v != "" {
			page, _ = strconv.Atoi(v)
		}
		if v := q.Get("size"); v != "" {
			size, _ = strconv.Atoi(v)
		}
		items := []item{}
		for i := (page - 1) * size; i < min(page*size, total); i++ {
			items = append(items, item{ID: i})
		}
		env := map[string]any{"items": items, "total": total, "page": page, "size": size}
		if withPages {
			env["pages"] = (total + size - 1) / size
		}
		b, err := json.Marshal(env)
		require.NoError(t, err)
		return httpmock.NewBytesResponse(200, b), nil
	}
}

type listParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

func (c *Client) listTestItems(ctx context.Context, p *listParams) (*Page[item], error) {
	return listPage[item](ctx, c, "list_models", nil, p)
}

func collect(t *testing.T, seq func(func(item, error) bool)) ([]int, error) {
	t.Helper()
	var ids []int
	for it, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, it.ID)
	}
	return ids, nil
}

func TestAllWalksEveryPageWithTheSameFilters(t *testing.T) {
	for _, withPages := range []bool{true, false} {
		c, mt := mockClient(t)
		var queries []string
		mt.RegisterResponder("GET", testBase+"/api/v2/models", pagedResponder(t, 23, withPages, &queries))
		ids, err := collect(t, All(context.Background(), &listParams{PageOptions: PageOptions{Size: 10}, Sort: Ptr("-created")}, c.listTestItems))
		require.NoError(t, err)
		assert.Len(t, ids, 23)
		assert.Equal(t, 0, ids[0])
		assert.Equal(t, 22, ids[22])
		assert.Equal(t, []string{"size=10&sort=-created", "page=2&size=10&sort=-created", "page=3&size=10&sort=-created"}, queries,
			"pages=%v: three requests, page+1 each time, filters kept", withPages)
	}
}

func TestAllStopsWhenTotalIsZero(t *testing.T) {
	c, mt := mockClient(t)
	var queries []string
	mt.RegisterResponder("GET", testBase+"/api/v2/models", pagedResponder(t, 0, true, &queries))
	ids, err := collect(t, All(context.Background(), &listParams{}, c.listTestItems))
	require.NoError(t, err)
	assert.Empty(t, ids)
	assert.Len(t, queries, 1)
}

func TestAllStopsOnEmptyPageWhenCountsAreMissing(t *testing.T) {
	c, mt := mockClient(t)
	calls := 0
	mt.RegisterResponder("GET", testBase+"/api/v2/models", func(r *http.Request) (*http.Response, error) {
		calls++
		if r.URL.Query().Get("page") == "2" {
			return httpmock.NewStringResponse(200, `{"items":[],"total":null,"page":null,"size":null}`), nil
		}
		return httpmock.NewStringResponse(200, `{"items":[{"id":1},{"id":2}],"total":null,"page":null,"size":null}`), nil
	})
	ids, err := collect(t, All(context.Background(), &listParams{}, c.listTestItems))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, ids)
	assert.Equal(t, 2, calls, "an empty page ends a walk whose counts are null")
}

func TestAllStopsOnBreak(t *testing.T) {
	c, mt := mockClient(t)
	var queries []string
	mt.RegisterResponder("GET", testBase+"/api/v2/models", pagedResponder(t, 100, true, &queries))
	n := 0
	for _, err := range All(context.Background(), &listParams{PageOptions: PageOptions{Size: 5}}, c.listTestItems) {
		require.NoError(t, err)
		if n++; n == 7 {
			break
		}
	}
	assert.Equal(t, 7, n)
	assert.Len(t, queries, 2, "no page is fetched after the loop breaks")
}

func TestAllYieldsTheFirstErrorOnce(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
	var queries []string
	ok := pagedResponder(t, 30, true, &queries)
	mt.RegisterResponder("GET", testBase+"/api/v2/models", func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("page") == "2" {
			return httpmock.NewStringResponse(500, `{"detail":"timeout"}`), nil
		}
		return ok(r)
	})
	var ids []int
	var errs []error
	for it, err := range All(context.Background(), &listParams{}, c.listTestItems) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, it.ID)
	}
	assert.Len(t, ids, 10)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrServer)
}

func TestAllStopsWhenContextIsDone(t *testing.T) {
	c, mt := mockClient(t)
	var queries []string
	mt.RegisterResponder("GET", testBase+"/api/v2/models", pagedResponder(t, 50, true, &queries))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got error
	n := 0
	for _, err := range All(ctx, &listParams{}, c.listTestItems) {
		if err != nil {
			got = err
			break
		}
		if n++; n == 10 {
			cancel()
		}
	}
	assert.Equal(t, 10, n)
	assert.True(t, errors.Is(got, context.Canceled))
	assert.Len(t, queries, 1)
}

func TestAllReportsValidationErrorWithoutRequest(t *testing.T) {
	c, mt := mockClient(t)
	var got error
	for _, err := range All(context.Background(), &listParams{PageOptions: PageOptions{Page: -3}}, c.listTestItems) {
		got = err
	}
	var ve *ValidationError
	require.ErrorAs(t, got, &ve)
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestPageDecodesEnvelopeAndBareArray(t *testing.T) {
	var p Page[item]
	require.NoError(t, json.Unmarshal([]byte(`[{"id":1},{"id":2}]`), &p))
	assert.Equal(t, []item{{1}, {2}}, p.Items)
	require.NotNil(t, p.Total)
	assert.Equal(t, 2, *p.Total)
	assert.False(t, p.HasNext())

	require.NoError(t, json.Unmarshal([]byte(`{"items":[{"id":3}],"total":7,"page":2,"size":1}`), &p))
	assert.Equal(t, []item{{3}}, p.Items)
	assert.Equal(t, 7, *p.Total)
	assert.Equal(t, 2, *p.Page)
	assert.Nil(t, p.Pages)
	assert.True(t, p.HasNext())

	assert.Error(t, json.Unmarshal([]byte(`"nope"`), &p))
}

func TestHandBuiltPageCannotFetchMore(t *testing.T) {
	total, pages, page := 20, 2, 1
	p := &Page[item]{Items: []item{{1}}, Total: &total, Pages: &pages, Page: &page}
	ids, err := collect(t, p.All(context.Background()))
	assert.Equal(t, []int{1}, ids)
	assert.ErrorIs(t, err, errDetachedPage)
}

// FuzzPageEnvelope: any body decodes or fails cleanly, and the walk rules never panic.
func FuzzPageEnvelope(f *testing.F) {
	f.Add([]byte(`{"items":[{"id":1}],"total":5,"page":1,"size":1,"pages":5}`))
	f.Add([]byte(`[{"id":1},{"id":2}]`))
	f.Add([]byte(`{"items":[],"total":null,"page":null,"size":null}`))
	f.Add([]byte(`{"items":[1],"total":-3,"page":0,"size":0,"pages":-1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Page[json.RawMessage]
		if json.Unmarshal(data, &p) != nil {
			return
		}
		_ = p.HasNext()
		_ = p.number()
	})
}

// Hostile row 5: list pages that never advance (the server ignores ?page=) or that claim pages: 1e9 cannot
// keep istari.All looping: each request asks for the page after the one it asked for, a repeated or empty page
// ends the walk, and total/size cap the number of pages.
func TestHostilePagesCannotSpin(t *testing.T) {
	walk := func(t *testing.T, handler func(page int) string) (items []string, asked []string) {
		t.Helper()
		var mu sync.Mutex
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			asked = append(asked, r.URL.Query().Get("page"))
			n := len(asked)
			mu.Unlock()
			if n > 50 {
				http.Error(w, "the client is spinning", http.StatusTeapot)
				return
			}
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			_, _ = w.Write([]byte(handler(page)))
		}))
		t.Cleanup(srv.Close)
		c := hostileClient(t, srv.URL, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for m, err := range All(ctx, &ListModelsParams{}, c.ListModels) {
			require.NoError(t, err)
			items = append(items, m.ID)
		}
		mu.Lock()
		defer mu.Unlock()
		return items, append([]string(nil), asked...)
	}

	t.Run("page ignored and pages 1e9", func(t *testing.T) {
		items, asked := walk(t, func(int) string {
			return `{"items":[{"id":"a"},{"id":"b"}],"page":1,"size":2,"pages":1000000000}`
		})
		assert.Equal(t, []string{"a", "b"}, items)
		assert.Equal(t, []string{"", "2"}, asked, "page 2 repeats page 1: the walk ends")
	})
	t.Run("server page number never advances, items do", func(t *testing.T) {
		items, asked := walk(t, func(page int) string {
			if page >= 4 {
				return `{"items":[],"page":1,"size":1}`
			}
			return fmt.Sprintf(`{"items":[{"id":"m%d"}],"page":1,"size":1}`, max(page, 1))
		})
		assert.Equal(t, []string{"m1", "m2", "m3"}, items)
		assert.Equal(t, []string{"", "2", "3", "4"}, asked, "each request asks for the page after the one it asked for")
	})
	t.Run("pages 1e9 capped by total and size", func(t *testing.T) {
		items, asked := walk(t, func(page int) string {
			return fmt.Sprintf(`{"items":[{"id":"m%d"}],"page":%d,"size":1,"total":3,"pages":1000000000}`, max(page, 1), max(page, 1))
		})
		assert.Equal(t, []string{"m1", "m2", "m3"}, items)
		assert.Equal(t, []string{"", "2", "3"}, asked)
	})
}
