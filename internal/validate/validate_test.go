package validate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

type meta struct {
	Description *string `json:"description,omitempty" validate:"omitempty,max=255"`
}

type item struct {
	Path string `json:"path" validate:"required"`
}

type paging struct {
	Page int `query:"page" validate:"gte=0"`
	Size int `query:"size" validate:"gte=0,lte=100"`
}

type params struct {
	paging
	Term  string `query:"search_term" validate:"required,min=1"`
	Meta  meta   `json:"meta"`
	Items []item `json:"items" validate:"max=10,dive"`
}

func TestStructPassesValidInput(t *testing.T) {
	d := strings.Repeat("é", 255) // 255 runes, 510 bytes: the limit counts characters
	assert.Empty(t, Struct(&params{Term: "x", paging: paging{Size: 100}, Meta: meta{Description: &d}}))
	assert.Empty(t, Struct(nil))
	var p *params
	assert.Empty(t, Struct(p))
}

func TestStructReportsWireNamesRulesAndBounds(t *testing.T) {
	d := strings.Repeat("a", 256)
	got := Struct(&params{paging: paging{Page: -1, Size: 101}, Meta: meta{Description: &d}, Items: []item{{Path: "a"}, {}}})
	assert.Equal(t, []Violation{
		{Field: "page", Rule: "gte", Param: "0", Length: -1},
		{Field: "size", Rule: "lte", Param: "100", Length: -1},
		{Field: "search_term", Rule: "required", Param: "", Length: 0},
		{Field: "meta.description", Rule: "max", Param: "255", Length: 256},
		{Field: "items[1].path", Rule: "required", Param: "", Length: 0},
	}, got)
}
