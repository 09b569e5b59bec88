package ops

import (
	"bytes"
	"errors"
	"testing"
)

func TestWriteText(t *testing.T) {
	rep := &Report{
		Total:   6,
		Matched: []string{"get_model"},
		Missing: []string{"liveness_check"},
		Different: []Difference{{ID: "list_files", BuiltinMethod: "GET", BuiltinPath: "/api/v2/files",
			SpecMethod: "GET", SpecPath: "/api/v2/file-list"}},
		ParamMismatch: []ParamMismatch{
			{ID: "get_file", BuiltinParams: []string{"file_id"}, SpecParams: []string{"id"}, Applied: true},
			{ID: "get_resource", BuiltinParams: []string{"resource_type", "resource_id"}, SpecParams: []string{"resource_id"}},
		},
		Invalid: []Invalid{{ID: "get_tag", Reason: "method HEAD not supported (HEAD /api/v2/tags/{tag_id})"}},
		Extra:   []string{"frobnicate"},
	}
	want := `different  list_files: builtin GET /api/v2/files, spec GET /api/v2/file-list
params     get_file: builtin [file_id], spec [id] (spec route applied)
params     get_resource: builtin [resource_type, resource_id], spec [resource_id] (spec route NOT applied)
invalid    get_tag: method HEAD not supported (HEAD /api/v2/tags/{tag_id})
missing    liveness_check
extra      frobnicate
6 operations: 1 match, 1 differ, 2 param mismatch, 1 invalid, 1 missing; 1 extra in spec
`
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", buf.String(), want)
	}
	if rep.OK() {
		t.Error("OK() = true")
	}
}

func TestWriteTextAllMatching(t *testing.T) {
	var buf bytes.Buffer
	if err := emptyReport(allIDsExcept()).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "171 operations: 171 match, 0 differ, 0 param mismatch, 0 invalid, 0 missing; 0 extra in spec\n"; buf.String() != want {
		t.Errorf("WriteText = %q, want %q", buf.String(), want)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteTextReportsWriteError(t *testing.T) {
	if err := emptyReport(nil).WriteText(failingWriter{}); err == nil || err.Error() != "disk full" {
		t.Errorf("WriteText = %v, want disk full", err)
	}
}

func TestOK(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Report)
		want bool
	}{
		{"clean", func(*Report) {}, true},
		{"extra only", func(r *Report) { r.Extra = []string{"x"} }, true},
		{"missing", func(r *Report) { r.Missing = []string{"x"} }, false},
		{"different", func(r *Report) { r.Different = []Difference{{ID: "x"}} }, false},
		{"param mismatch", func(r *Report) { r.ParamMismatch = []ParamMismatch{{ID: "x", Applied: true}} }, false},
		{"invalid", func(r *Report) { r.Invalid = []Invalid{{ID: "x"}} }, false},
	}
	for _, tt := range tests {
		r := emptyReport(nil)
		tt.edit(r)
		if got := r.OK(); got != tt.want {
			t.Errorf("%s: OK() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
