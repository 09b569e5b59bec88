package ops

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	o, ok := Builtin().Lookup("get_current_user")
	if !ok || o.Method != "GET" || o.Path != "/api/v2/users/me" || o.Source != SourceBuiltin {
		t.Errorf("Lookup(get_current_user) = %+v, %v", o, ok)
	}
	if o, ok := Builtin().Lookup("add_file"); ok { // a composite, not a wire operation
		t.Errorf("Lookup(add_file) = %+v, want not found", o)
	}
}

func TestAllSortedCopy(t *testing.T) {
	all := Builtin().All()
	if len(all) != 169 {
		t.Fatalf("All() has %d rows, want 169", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b Operation) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("All() is not sorted by ID")
	}
	all[0].Path = "/changed"
	if again := Builtin().All(); again[0].Path == "/changed" {
		t.Error("All() exposes the table's storage")
	}
}

func TestWith(t *testing.T) {
	base := Builtin()
	moved := Operation{ID: "list_files", GoName: "ListFiles", Method: "GET", Path: "/api/v2/file-list",
		Confidence: Reconstructed, Section: "3.1"}
	added := Operation{ID: "zz_new_operation", GoName: "ZZNewOperation", Method: "POST",
		Path: "/api/v2/storage/multipart", Confidence: Reconstructed, Section: "12", Source: SourceOpenAPI}
	got := base.With(moved, added)
	if got.Len() != 170 || base.Len() != 169 {
		t.Errorf("Len: with %d, base %d; want 170, 169", got.Len(), base.Len())
	}
	if o, _ := got.Lookup("list_files"); o.Path != "/api/v2/file-list" || o.Source != SourceBuiltin {
		t.Errorf("replaced row = %+v", o)
	}
	if o, _ := base.Lookup("list_files"); o.Path != "/api/v2/files" {
		t.Errorf("With changed the base table: %+v", o)
	}
	if o, _ := got.Lookup("zz_new_operation"); !reflect.DeepEqual(o, added) {
		t.Errorf("added row = %+v, want %+v", o, added)
	}
	if o, _, ok := got.Match("GET", "/api/v2/file-list"); !ok || o.ID != "list_files" {
		t.Errorf("Match on the new route = %+v, %v", o, ok)
	}
	if o, _, ok := got.Match("GET", "/api/v2/files"); ok {
		t.Errorf("Match on the replaced route = %+v, want no match", o)
	}
}

func TestWithPanicsOnInvalidRow(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "bad_row") {
			t.Errorf("recover() = %v, want a panic naming bad_row", r)
		}
	}()
	Builtin().With(Operation{ID: "bad_row", Method: "GET", Path: "/api/v2/{x"})
}
