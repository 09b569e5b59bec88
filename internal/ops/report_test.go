package ops

import (
	"bytes"
	"errors"
	"testing"
)

func TestWriteText(t *testing.T) {
	rep := newReport(7)
	rep.Origin = "registry.json"
	rep.Matched = []Match{{ID: "get_model", Rule: RuleMethodPath, OperationID: "Model-get_model", Method: "GET", Path: "/api/v2/models/{model_id}"},
		{ID: "list_files", Rule: RuleFastAPIID, Method: "GET", Path: "/api/v2/file-list"}}
	rep.Moved = []Move{{ID: "list_files", BuiltinMethod: "GET", BuiltinPath: "/api/v2/files", Method: "GET", Path: "/api/v2/file-list", Rule: RuleFastAPIID}}
	rep.Renamed = []Rename{{ID: "get_file", Builtin: "file_id", Document: "id"}}
	rep.Refused = []Refusal{{ID: "get_tag", Reason: "method HEAD not supported (HEAD /api/v2/tags/{tag_id})"}}
	rep.Differences = []ParamDifference{{ID: "list_jobs", In: "query", Name: "status_name", Detail: "sent by the SDK, not in the document"}}
	rep.Missing = []string{"liveness_check"}
	rep.ProposedAbsent = []string{"zz_proposed"}
	rep.ExcludedAbsent = []string{"get_identity"}
	rep.Extra = []string{"frobnicate"}
	want := `routes from registry.json
matched    get_model: by method and path GET /api/v2/models/{model_id} (document operationId "Model-get_model")
moved      list_files: GET /api/v2/files -> GET /api/v2/file-list (by fastapi_id)
renamed    get_file: {file_id} -> {id}
refused    get_tag: method HEAD not supported (HEAD /api/v2/tags/{tag_id}); built-in route kept
query      list_jobs: "status_name" sent by the SDK, not in the document
missing    liveness_check: built-in route kept
proposed   zz_proposed: absent (a route istari-go proposes; built-in route kept)
excluded   get_identity: absent (not expected in this document)
extra      frobnicate
7 operations: 2 matched (0 by operation id, 1 by FastAPI id, 1 by method+path), 1 moved, 1 renamed parameters, 1 refused, 1 parameter differences, 1 missing, 1 proposed absent, 1 excluded absent; 1 extra in document
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

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteTextReportsWriteError(t *testing.T) {
	if err := newReport(0).WriteText(failingWriter{}); err == nil || err.Error() != "disk full" {
		t.Errorf("WriteText = %v, want disk full", err)
	}
}

func TestOKAndAllMatched(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Report)
		ok, all bool
	}{
		{"clean", func(*Report) {}, true, true},
		{"extra only", func(r *Report) { r.Extra = []string{"x"} }, true, true},
		{"excluded absent", func(r *Report) { r.ExcludedAbsent = []string{"x"} }, true, true},
		{"proposed absent", func(r *Report) { r.ProposedAbsent = []string{"x"} }, true, false},
		{"proposed moved", func(r *Report) { r.Moved = []Move{{ID: "x", Proposed: true}} }, true, false},
		{"missing", func(r *Report) { r.Missing = []string{"x"} }, false, false},
		{"moved", func(r *Report) { r.Moved = []Move{{ID: "x"}} }, false, false},
		{"renamed", func(r *Report) { r.Renamed = []Rename{{ID: "x"}} }, false, false},
		{"refused", func(r *Report) { r.Refused = []Refusal{{ID: "x"}} }, false, false},
		{"differences", func(r *Report) { r.Differences = []ParamDifference{{ID: "x"}} }, false, false},
	}
	for _, tt := range tests {
		r := newReport(1)
		tt.edit(r)
		if r.OK() != tt.ok || r.AllMatched() != tt.all {
			t.Errorf("%s: OK() = %v, AllMatched() = %v; want %v, %v", tt.name, r.OK(), r.AllMatched(), tt.ok, tt.all)
		}
	}
}
