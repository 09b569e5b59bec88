package ops

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// specRow is one operation of a synthetic OpenAPI document.
type specRow struct{ method, path, id string }

// builtinSpec returns the built-in table as spec rows, with edit applied to each (return false to drop it).
func builtinSpec(edit func(r *specRow) bool) []specRow {
	var rows []specRow
	for _, o := range Builtin().All() {
		r := specRow{o.Method, o.Path, o.ID}
		if edit == nil || edit(&r) {
			rows = append(rows, r)
		}
	}
	return rows
}

// specJSON builds an OpenAPI 3.1 document like FastAPI's, with a servers prefix and path-level parameters.
func specJSON(t *testing.T, rows []specRow) []byte {
	t.Helper()
	paths := map[string]map[string]any{}
	for _, r := range rows {
		item := paths[r.path]
		if item == nil {
			item = map[string]any{"parameters": []any{map[string]any{"name": "x", "in": "header"}}, "summary": "s"}
			paths[r.path] = item
		}
		op := map[string]any{"responses": map[string]any{"200": map[string]any{"description": "OK"}}}
		if r.id != "" {
			op["operationId"] = r.id
		}
		item[strings.ToLower(r.method)] = op
	}
	b, err := json.Marshal(map[string]any{
		"openapi": "3.1.0",
		"info":    map[string]any{"title": "registry", "version": "2026.04"},
		"servers": []any{map[string]any{"url": "/registry"}},
		"paths":   paths,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func emptyReport(matched []string) *Report {
	return &Report{Total: Builtin().Len(), Matched: matched, Missing: []string{}, Different: []Difference{},
		ParamMismatch: []ParamMismatch{}, Invalid: []Invalid{}, Extra: []string{}}
}

func allIDsExcept(skip ...string) []string {
	var ids []string
	for _, o := range Builtin().All() {
		if !slices.Contains(skip, o.ID) {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func checkReport(t *testing.T, got, want *Report) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("report:\n got %+v\nwant %+v", got, want)
	}
}

func TestResolveAllMatching(t *testing.T) {
	table, rep, err := Resolve(specJSON(t, builtinSpec(nil)), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, emptyReport(allIDsExcept()))
	if !rep.OK() {
		t.Error("OK() = false")
	}
	for _, o := range table.All() {
		b, _ := Builtin().Lookup(o.ID)
		b.Source = SourceOpenAPI
		if o != b {
			t.Errorf("resolved %+v, want %+v", o, b)
		}
	}
}

func TestResolveFastAPISuffixedIDs(t *testing.T) {
	rows := builtinSpec(func(r *specRow) bool {
		r.id = r.id + fastAPISuffix(r.method, r.path)
		return true
	})
	if !slices.ContainsFunc(rows, func(r specRow) bool { return r.id == "archive_agent_api_v2_agents__agent_id__delete" }) {
		t.Fatalf("no FastAPI-suffixed archive_agent id among %d rows", len(rows))
	}
	rep, err := Diff(specJSON(t, rows), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, emptyReport(allIDsExcept()))
}

func TestResolveMovedRoutes(t *testing.T) {
	rows := builtinSpec(func(r *specRow) bool {
		switch r.id {
		case "list_files":
			r.path, r.id = "/api/v2/file-list", "list_files_api_v2_file_list_get" // suffix of the moved path
		case "get_file":
			r.method = "PUT"
		case "update_file": // would collide with get_file's new route
			return false
		}
		return true
	})
	table, rep, err := Resolve(specJSON(t, rows), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	want := emptyReport(allIDsExcept("get_file", "list_files", "update_file"))
	want.Missing = []string{"update_file"}
	want.Different = []Difference{
		{ID: "get_file", BuiltinMethod: "GET", BuiltinPath: "/api/v2/files/{file_id}", SpecMethod: "PUT", SpecPath: "/api/v2/files/{file_id}"},
		{ID: "list_files", BuiltinMethod: "GET", BuiltinPath: "/api/v2/files", SpecMethod: "GET", SpecPath: "/api/v2/file-list"},
	}
	checkReport(t, rep, want)
	if rep.OK() {
		t.Error("OK() = true")
	}
	if o, _ := table.Lookup("list_files"); o.Path != "/api/v2/file-list" || o.Source != SourceOpenAPI || o.GoName != "ListFiles" {
		t.Errorf("list_files resolved to %+v", o)
	}
	if o, _ := table.Lookup("get_file"); o.Method != "PUT" || o.Source != SourceOpenAPI {
		t.Errorf("get_file resolved to %+v", o)
	}
	if o, _ := table.Lookup("update_file"); o.Method != "PUT" || o.Path != "/api/v2/files/{file_id}" || o.Source != SourceBuiltin {
		t.Errorf("missing update_file kept as %+v", o)
	}
	if o, _, _ := table.Match("PUT", "/api/v2/files/f1"); o.ID != "get_file" {
		t.Errorf("PUT /api/v2/files/f1 routes to %q, want the spec's get_file", o.ID)
	}
}

func TestResolveMissingAndExtra(t *testing.T) {
	rows := builtinSpec(func(r *specRow) bool { return r.id != "liveness_check" })
	rows = append(rows,
		specRow{"GET", "/api/v2/frob", "frobnicate"},
		specRow{"POST", "/api/v2/frob", "frobnicate"},                                           // listed once
		specRow{"GET", "/api/v2/health/liveness", "liveness_check_api_v2_health_liveness_post"}, // wrong suffix
		specRow{"GET", "/api/v2/no-id", ""},                                                     // no operationId: ignored
	)
	table, rep, err := Resolve(specJSON(t, rows), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	want := emptyReport(allIDsExcept("liveness_check"))
	want.Missing = []string{"liveness_check"}
	want.Extra = []string{"frobnicate", "liveness_check_api_v2_health_liveness_post"}
	checkReport(t, rep, want)
	if rep.OK() {
		t.Error("OK() = true with a missing operation")
	}
	if o, _ := table.Lookup("liveness_check"); o.Source != SourceBuiltin || o.Path != "/api/v2/health/liveness" {
		t.Errorf("liveness_check = %+v, want the builtin row", o)
	}
	if _, ok := table.Lookup("frobnicate"); ok {
		t.Error("Resolve added an extra operation")
	}

	onlyExtra := append(builtinSpec(nil), specRow{"GET", "/api/v2/frob", "frobnicate"})
	rep, err = Diff(specJSON(t, onlyExtra), Builtin())
	if err != nil || !rep.OK() || !slices.Equal(rep.Extra, []string{"frobnicate"}) {
		t.Errorf("extra only: OK=%v Extra=%q err=%v; want OK with [frobnicate]", rep.OK(), rep.Extra, err)
	}
}

func TestResolveParamMismatch(t *testing.T) {
	rows := builtinSpec(func(r *specRow) bool {
		switch r.id {
		case "get_resource": // one parameter instead of two
			r.path = "/api/v2/resources/{resource_id}"
		case "get_file": // renamed: positional use is safe
			r.path = "/api/v2/files/{id}"
		case "list_access": // same names, swapped: positional use would swap the values
			r.path = "/api/v2/access/{resource_id}/{resource_type}"
		}
		return true
	})
	table, rep, err := Resolve(specJSON(t, rows), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	want := emptyReport(allIDsExcept("get_file", "get_resource", "list_access"))
	want.Different = []Difference{{ID: "get_resource", BuiltinMethod: "GET",
		BuiltinPath: "/api/v2/resources/{resource_type}/{resource_id}", SpecMethod: "GET", SpecPath: "/api/v2/resources/{resource_id}"}}
	want.ParamMismatch = []ParamMismatch{
		{ID: "get_file", BuiltinParams: []string{"file_id"}, SpecParams: []string{"id"}, Applied: true},
		{ID: "get_resource", BuiltinParams: []string{"resource_type", "resource_id"}, SpecParams: []string{"resource_id"}},
		{ID: "list_access", BuiltinParams: []string{"resource_type", "resource_id"}, SpecParams: []string{"resource_id", "resource_type"}},
	}
	checkReport(t, rep, want)
	wantRows := map[string][2]string{
		"get_file":     {"/api/v2/files/{id}", SourceOpenAPI},
		"get_resource": {"/api/v2/resources/{resource_type}/{resource_id}", SourceBuiltin},
		"list_access":  {"/api/v2/access/{resource_type}/{resource_id}", SourceBuiltin},
	}
	for id, w := range wantRows {
		if o, _ := table.Lookup(id); o.Path != w[0] || o.Source != w[1] {
			t.Errorf("%s resolved to %s (%s), want %s (%s)", id, o.Path, o.Source, w[0], w[1])
		}
	}
}

func TestResolveInvalidRoutes(t *testing.T) {
	rows := builtinSpec(func(r *specRow) bool {
		switch r.id {
		case "get_tag":
			r.method = "HEAD"
		case "get_job":
			r.path = "/api/v2/jobs/{job_id}.json"
		}
		return true
	})
	rows = append(rows,
		specRow{"GET", "/api/v2/users/self", "get_current_user"},                                  // a second exact get_current_user
		specRow{"GET", "/api/v2/models/{model_id}/x", "get_model_api_v2_models__model_id__x_get"}, // loses to the exact id
	)
	table, rep, err := Resolve(specJSON(t, rows), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	want := emptyReport(allIDsExcept("get_current_user", "get_job", "get_tag"))
	want.Invalid = []Invalid{
		{ID: "get_current_user", Reason: "operationId appears 2 times (GET /api/v2/users/me; GET /api/v2/users/self)"},
		{ID: "get_job", Reason: `path "/api/v2/jobs/{job_id}.json": segment "{job_id}.json" is not a whole {param}`},
		{ID: "get_tag", Reason: "method HEAD not supported (HEAD /api/v2/systems/configurations/snapshots/tags/{tag_id})"},
	}
	want.Extra = []string{"get_model_api_v2_models__model_id__x_get"}
	checkReport(t, rep, want)
	for _, id := range []string{"get_current_user", "get_job", "get_tag"} {
		if o, _ := table.Lookup(id); o.Source != SourceBuiltin {
			t.Errorf("%s: Source %q, want builtin", id, o.Source)
		}
	}
}

func TestDiffRejectsBadDocuments(t *testing.T) {
	docs := map[string]string{
		"invalid JSON":           `{"openapi": "3.1.0", "paths": {`,
		"not an object":          `[1, 2]`,
		"no openapi field":       `{"paths": {}}`,
		"swagger 2":              `{"swagger": "2.0", "paths": {}}`,
		"openapi 2":              `{"openapi": "2.0", "paths": {}}`,
		"paths not an object":    `{"openapi": "3.0.3", "paths": []}`,
		"path item not object":   `{"openapi": "3.0.3", "paths": {"/api/v2/files": "x"}}`,
		"operation not object":   `{"openapi": "3.0.3", "paths": {"/api/v2/files": {"get": 1}}}`,
		"operationId not string": `{"openapi": "3.0.3", "paths": {"/api/v2/files": {"get": {"operationId": 7}}}}`,
	}
	for name, doc := range docs {
		if rep, err := Diff([]byte(doc), Builtin()); err == nil {
			t.Errorf("%s: Diff = %+v, want an error", name, rep)
		}
		if table, rep, err := Resolve([]byte(doc), Builtin()); err == nil || table != nil || rep != nil {
			t.Errorf("%s: Resolve = %v, %v, %v; want only an error", name, table, rep, err)
		}
	}
}

func TestDiffEmptyDocument(t *testing.T) {
	rep, err := Diff([]byte(`{"openapi": "3.1.0"}`), Builtin())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Missing) != Builtin().Len() || len(rep.Matched) != 0 || rep.OK() {
		t.Errorf("missing %d, matched %d, OK %v; want every row, 0, false", len(rep.Missing), len(rep.Matched), rep.OK())
	}
}

func TestFastAPISuffix(t *testing.T) {
	// FastAPI's generate_unique_id: name + re.sub(r"\W", "_", path_format) + "_" + method.lower().
	tests := []struct{ method, path, want string }{
		{"GET", "/api/v2/files", "_api_v2_files_get"},
		{"GET", "/api/v2/files/{file_id}", "_api_v2_files__file_id__get"},
		{"PATCH", "/api/v2/agent-pools/{id}/archive", "_api_v2_agent_pools__id__archive_patch"},
	}
	for _, tt := range tests {
		if got := fastAPISuffix(tt.method, tt.path); got != tt.want {
			t.Errorf("fastAPISuffix(%s, %s) = %q, want %q", tt.method, tt.path, got, tt.want)
		}
	}
}
