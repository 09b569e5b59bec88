package query

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type status string

type paging struct {
	Page int `query:"page"`
	Size int `query:"size"`
}

type stamp struct{ time.Time }

type params struct {
	paging
	Sort    *string    `query:"sort"`
	Archive *status    `query:"archive_status"`
	All     *bool      `query:"all_users"`
	Names   []string   `query:"name"`
	Since   *time.Time `query:"updated_since"`
	Stamp   *stamp     `query:"stamp"`
	Ignored string
	Skip    string `query:"-"`
	Count   int64  `query:"count"`
}

func TestEncodeSkipsUnsetValues(t *testing.T) {
	q, err := Encode(&params{})
	require.NoError(t, err)
	assert.Empty(t, q)
	q, err = Encode(nil)
	require.NoError(t, err)
	assert.Empty(t, q)
	var p *params
	q, err = Encode(p)
	require.NoError(t, err)
	assert.Empty(t, q)
}

func TestEncodeEveryKind(t *testing.T) {
	sort, st, all := "-created", status("archived"), false
	since := time.Date(2026, 4, 1, 12, 0, 0, 5000, time.UTC)
	q, err := Encode(&params{
		paging:  paging{Page: 2, Size: 50},
		Sort:    &sort,
		Archive: &st,
		All:     &all,
		Names:   []string{".json", ".csv"},
		Since:   &since,
		Stamp:   &stamp{since},
		Ignored: "x",
		Skip:    "y",
		Count:   7,
	})
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"page":           {"2"},
		"size":           {"50"},
		"sort":           {"-created"},
		"archive_status": {"archived"},
		"all_users":      {"false"},
		"name":           {".json", ".csv"},
		"updated_since":  {"2026-04-01T12:00:00.000005Z"},
		"stamp":          {"2026-04-01T12:00:00.000005Z"},
		"count":          {"7"},
	}, q)
	assert.Equal(t, "all_users=false&archive_status=archived&count=7&name=.json&name=.csv&page=2&size=50&sort=-created&stamp=2026-04-01T12%3A00%3A00.000005Z&updated_since=2026-04-01T12%3A00%3A00.000005Z", q.Encode())
}

func TestEncodeCopiesURLValues(t *testing.T) {
	in := url.Values{"a": {"1"}}
	q, err := Encode(in)
	require.NoError(t, err)
	q.Add("a", "2")
	assert.Equal(t, []string{"1"}, in["a"])
}

func TestEncodeRejectsNonStruct(t *testing.T) {
	_, err := Encode(42)
	assert.Error(t, err)
}
