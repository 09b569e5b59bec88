package ops

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// docOf returns the document of the built-in table with edit applied to the decoded JSON before re-encoding.
func docOf(t *testing.T, edit func(doc map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(Builtin().Document("registry", "2026.04"), &doc); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(doc)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pathsOf(doc map[string]any) map[string]any { return doc["paths"].(map[string]any) }

// moveOp moves the operation method of path to newMethod at newPath, returning the operation object.
func moveOp(doc map[string]any, method, path, newMethod, newPath string) map[string]any {
	paths := pathsOf(doc)
	item := paths[path].(map[string]any)
	op := item[method].(map[string]any)
	delete(item, method)
	if len(item) == 0 {
		delete(paths, path)
	}
	dst, _ := paths[newPath].(map[string]any)
	if dst == nil {
		dst = map[string]any{}
		paths[newPath] = dst
	}
	dst[newMethod] = op
	return op
}

// row returns the built-in row of id (the tests follow the table as it is corrected).
func row(id string) Operation {
	o, ok := Builtin().Lookup(id)
	if !ok {
		panic("no row " + id)
	}
	return o
}

// opOf returns the document operation of the built-in row id.
func opOf(doc map[string]any, id string) map[string]any {
	o := row(id)
	return pathsOf(doc)[o.Path].(map[string]any)[strings.ToLower(o.Method)].(map[string]any)
}

// moveID moves the document operation of the built-in row id to newMethod at newPath.
func moveID(doc map[string]any, id, newMethod, newPath string) map[string]any {
	o := row(id)
	return moveOp(doc, strings.ToLower(o.Method), o.Path, newMethod, newPath)
}

func setPathParams(op map[string]any, names ...string) {
	var params []any
	for _, n := range names {
		params = append(params, map[string]any{"name": n, "in": "path", "required": true})
	}
	for _, p := range op["parameters"].([]any) {
		if p.(map[string]any)["in"] != "path" {
			params = append(params, p)
		}
	}
	op["parameters"] = params
}

func mustResolve(t *testing.T, opts Options, docs ...[]byte) (*Table, *Report) {
	t.Helper()
	return mustResolveTable(t, Builtin(), opts, docs...)
}

func mustResolveTable(t *testing.T, base *Table, opts Options, docs ...[]byte) (*Table, *Report) {
	t.Helper()
	table, rep, err := Resolve(base, opts, docs...)
	if err != nil {
		t.Fatal(err)
	}
	return table, rep
}

func expandOf(t *testing.T, table *Table, id string, values ...string) string {
	t.Helper()
	o, _ := table.Lookup(id)
	p, err := o.Expand(values...)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return p
}

func TestResolveOwnDocumentMatchesEverything(t *testing.T) {
	table, rep := mustResolve(t, Options{}, Builtin().Document("registry", "1"))
	if !rep.AllMatched() || len(rep.Matched) != Builtin().Len() {
		var b strings.Builder
		_ = rep.WriteText(&b)
		t.Fatalf("own document: %s", b.String())
	}
	for _, m := range rep.Matched {
		if m.Rule != RuleOperationID {
			t.Errorf("%s matched by %s", m.ID, m.Rule)
		}
	}
	for _, o := range table.All() {
		b, _ := Builtin().Lookup(o.ID)
		if o.Source != SourceOpenAPI || o.Method != b.Method || o.Path != b.Path || o.Args != nil {
			t.Errorf("resolved %+v, want %+v from openapi", o, b)
		}
	}
}

// Why: `servers: [{"url": "/api/v2"}]` with relative paths lost the prefix.
func TestResolveServersBasePath(t *testing.T) {
	relative := func(server string) func(map[string]any) {
		return func(doc map[string]any) {
			doc["servers"] = []any{map[string]any{"url": server}, map[string]any{"url": "/ignored"}}
			paths := pathsOf(doc)
			for p, item := range paths {
				delete(paths, p)
				paths[strings.TrimPrefix(p, "/api/v2")] = item
			}
		}
	}
	cases := map[string]struct {
		doc  []byte
		opts Options
	}{
		"relative server": {docOf(t, relative("/api/v2")), Options{}},
		"absolute server": {docOf(t, relative("https://registry.example.test/api/v2/")), Options{}},
		"server with a variable": {docOf(t, func(d map[string]any) {
			relative("/{base}")(d)
			d["servers"].([]any)[0].(map[string]any)["variables"] = map[string]any{"base": map[string]any{"default": "api/v2"}}
		}), Options{}},
		"gateway base already holds":  {docOf(t, relative("/registry/api/v2")), Options{BasePath: "/registry"}},
		"server already in the paths": {docOf(t, func(d map[string]any) { d["servers"] = []any{map[string]any{"url": "/api/v2"}} }), Options{}},
		"gateway server, full paths":  {docOf(t, func(d map[string]any) { d["servers"] = []any{map[string]any{"url": "/registry"}} }), Options{BasePath: "/registry/"}},
	}
	for name, tc := range cases {
		_, rep := mustResolve(t, tc.opts, tc.doc)
		if !rep.AllMatched() || len(rep.Matched) != Builtin().Len() {
			t.Errorf("%s: %s", name, rep.Summary())
		}
	}
	// A server base path the registry URL does not hold moves every route under it.
	table, rep := mustResolve(t, Options{}, docOf(t, func(d map[string]any) { d["servers"] = []any{map[string]any{"url": "/registry"}} }))
	if len(rep.Moved) != Builtin().Len() || expandOf(t, table, "get_file", "f1") != "/registry/api/v2/files/f1" {
		t.Errorf("unheld server base: %s; get_file %s", rep.Summary(), expandOf(t, table, "get_file", "f1"))
	}
}

// Why: ids that are neither the Python name nor FastAPI's default matched nothing.
func TestResolveByMethodAndPath(t *testing.T) {
	doc := docOf(t, func(d map[string]any) {
		opOf(d, "get_model")["operationId"] = "Model-get_model"
		opOf(d, "list_jobs")["operationId"] = "fetch_jobs"
		opOf(d, "list_files")["operationId"] = "list_files" + fastAPISuffix(row("list_files").Method, row("list_files").Path)
		delete(opOf(d, "list_systems"), "operationId")
	})
	table, rep := mustResolve(t, Options{}, doc)
	if !rep.AllMatched() {
		t.Errorf("report: %s", rep.Summary())
	}
	rules := map[string]string{}
	for _, m := range rep.Matched {
		rules[m.ID] = m.Rule
	}
	want := map[string]string{"get_model": RuleMethodPath, "list_jobs": RuleMethodPath, "list_systems": RuleMethodPath,
		"list_files": RuleFastAPIID, "get_file": RuleOperationID}
	for id, rule := range want {
		if rules[id] != rule {
			t.Errorf("%s matched by %q, want %q", id, rules[id], rule)
		}
	}
	if o, _ := table.Lookup("get_model"); o.Source != SourceOpenAPI {
		t.Errorf("get_model not resolved: %+v", o)
	}
	var b strings.Builder
	_ = rep.WriteText(&b)
	if !strings.Contains(b.String(), `matched    get_model: by method and path GET `+row("get_model").Path+` (document operationId "Model-get_model")`) {
		t.Errorf("text report:\n%s", b.String())
	}
}

// An operation moved AND renamed cannot be matched: the row keeps its route and is missing, and the document
// operation is extra.
func TestResolveMovedAndRenamedIsMissing(t *testing.T) {
	doc := docOf(t, func(d map[string]any) {
		op := moveID(d, "get_model", "get", "/elsewhere"+row("get_model").Path)
		op["operationId"] = "Model-get_model"
	})
	table, rep := mustResolve(t, Options{}, doc)
	if !slices.Equal(rep.Missing, []string{"get_model"}) || !slices.Equal(rep.Extra, []string{"Model-get_model"}) || rep.OK() {
		t.Errorf("missing %v extra %v ok %v", rep.Missing, rep.Extra, rep.OK())
	}
	if o, _ := table.Lookup("get_model"); o.Source != SourceBuiltin || o.Path != row("get_model").Path {
		t.Errorf("get_model = %+v", o)
	}
}

func TestResolveMovedRoutes(t *testing.T) {
	doc := docOf(t, func(d map[string]any) {
		moveID(d, "list_files", "get", "/api/v2/file-list")["operationId"] = "list_files_api_v2_file_list_get"
		moveID(d, "get_file", "post", "/api/v2/files/{file_id}/fetch")
	})
	table, rep := mustResolve(t, Options{}, doc)
	getFile, listFiles := row("get_file"), row("list_files")
	want := []Move{
		{ID: "get_file", BuiltinMethod: getFile.Method, BuiltinPath: getFile.Path, Method: "POST", Path: "/api/v2/files/{file_id}/fetch", Rule: RuleOperationID},
		{ID: "list_files", BuiltinMethod: listFiles.Method, BuiltinPath: listFiles.Path, Method: "GET", Path: "/api/v2/file-list", Rule: RuleFastAPIID},
	}
	if !slices.Equal(rep.Moved, want) || rep.OK() {
		t.Errorf("moved %+v, OK %v", rep.Moved, rep.OK())
	}
	if p := expandOf(t, table, "get_file", "f1"); p != "/api/v2/files/f1/fetch" {
		t.Errorf("get_file expands to %s", p)
	}
	if o, _, _ := table.Match("POST", "/api/v2/files/f1/fetch"); o.ID != "get_file" {
		t.Errorf("the fake would route the moved call to %q", o.ID)
	}
}

// Why: path parameters were applied by position even when every name and the order changed.
func TestResolvePathParameters(t *testing.T) {
	doc := docOf(t, func(d map[string]any) {
		// Same names, reordered: mapped by name.
		rp := row("get_resource").Params()
		setPathParams(moveID(d, "get_resource", "get", "/api/v2/resources/{"+rp[1]+"}/{"+rp[0]+"}"), rp[1], rp[0])
		// One name changed: the only renamed parameter, mapped by elimination.
		setPathParams(moveID(d, "get_file", "get", "/api/v2/files/{id}"), "id")
		// Every name changed and the order too: nothing proves which value goes where.
		setPathParams(moveID(d, "list_access", "get", "/api/v2/access/{rid}/{rtype}"), "rid", "rtype")
		// Declared parameters disagree with the route.
		setPathParams(opOf(d, "get_job"), "id")
	})
	table, rep := mustResolve(t, Options{}, doc)
	if got := expandOf(t, table, "get_resource", "model", "m1"); got != "/api/v2/resources/m1/model" {
		t.Errorf("get_resource expands to %s, want the id in the document's first slot", got)
	}
	if got := expandOf(t, table, "get_file", "f1"); got != "/api/v2/files/f1" {
		t.Errorf("get_file expands to %s", got)
	}
	for _, id := range []string{"list_access", "get_job"} {
		if o, _ := table.Lookup(id); o.Source != SourceBuiltin {
			t.Errorf("%s resolved to %+v, want the built-in row kept", id, o)
		}
	}
	if !slices.Equal(rep.Renamed, []Rename{{ID: "get_file", Builtin: row("get_file").Params()[0], Document: "id"}}) {
		t.Errorf("renamed %+v", rep.Renamed)
	}
	var refused []string
	for _, r := range rep.Refused {
		refused = append(refused, r.ID+": "+r.Reason)
	}
	job, access := row("get_job"), row("list_access")
	want := []string{
		"get_job: the document declares path parameters [id] but its route " + job.Path + " has [" + strings.Join(job.Params(), ", ") + "]",
		"list_access: path parameters [" + strings.Join(access.Params(), ", ") + "] are renamed [rid, rtype] and the document does not prove which is which (document route GET /api/v2/access/{rid}/{rtype})",
	}
	if !slices.Equal(refused, want) {
		t.Errorf("refused:\n%s", strings.Join(refused, "\n"))
	}
	if !slices.ContainsFunc(rep.Moved, func(m Move) bool { return m.ID == "get_resource" }) ||
		slices.ContainsFunc(rep.Moved, func(m Move) bool { return m.ID == "get_file" }) {
		t.Errorf("moved %+v: want get_resource (reordered), not get_file (renamed only)", rep.Moved)
	}
}

func TestResolveRenamedParametersProvenByLiterals(t *testing.T) {
	base := mustTable([]Operation{{ID: "get_job_of_model", Method: "GET", Path: "/m/{model_id}/j/{job_id}"}})
	doc := []byte(`{"openapi":"3.1.0","paths":{"/j/{jid}/m/{mid}":{"get":{"operationId":"get_job_of_model"}}}}`)
	table, rep, err := Resolve(base, Options{}, doc)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := table.Lookup("get_job_of_model")
	if p, _ := o.Expand("M1", "J1"); p != "/j/J1/m/M1" || len(rep.Renamed) != 2 {
		t.Errorf("expand = %s, renamed %+v", p, rep.Renamed)
	}
}

// Why: a renamed query parameter still counted as a match.
func TestResolveQueryAndBodyDifferences(t *testing.T) {
	doc := docOf(t, func(d map[string]any) {
		op := opOf(d, "list_jobs")
		for _, p := range op["parameters"].([]any) {
			if p := p.(map[string]any); p["name"] == "status_name" {
				p["name"] = "status"
			}
		}
		tokens := opOf(d, "create_personal_access_token")
		tokens["parameters"] = []any{map[string]any{"name": "name", "in": "query", "required": false},
			map[string]any{"name": "expires", "in": "query", "required": true}}
		sys := opOf(d, "create_system")
		sys["requestBody"] = map[string]any{"$ref": "#/components/requestBodies/NewSystem"}
		d["components"] = map[string]any{
			"requestBodies": map[string]any{"NewSystem": map[string]any{"content": map[string]any{"application/json": map[string]any{
				"schema": map[string]any{"$ref": "#/components/schemas/NewSystem"}}}}},
			"schemas": map[string]any{"NewSystem": map[string]any{"allOf": []any{map[string]any{
				"properties": map[string]any{"title": map[string]any{}, "description": map[string]any{}}, "required": []any{"title"}}}}},
		}
	})
	_, rep := mustResolve(t, Options{}, doc)
	var got []string
	for _, d := range rep.Differences {
		got = append(got, d.ID+" "+d.In+" "+d.Name+": "+d.Detail)
	}
	want := []string{
		"create_personal_access_token query name: optional in the document, required by the SDK",
		"create_personal_access_token query expires: required by the document, not sent by the SDK",
		"create_system body name: sent by the SDK, not in the document's request body",
		"create_system body title: required by the document, not sent by the SDK",
		"list_jobs query status_name: sent by the SDK, not in the document (the document also has: status)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("differences:\n%s", strings.Join(got, "\n"))
	}
	if rep.OK() {
		t.Error("OK() with parameter differences")
	}
}

// proposedTable is the built-in table with one row istari-go proposes beyond the registry's list (the built-in
// table has none since the multipart calls became the published client's routes).
func proposedTable() *Table {
	return Builtin().With(Operation{ID: "zz_proposed", GoName: "zzProposed", Method: "POST",
		Path: "/api/v2/zz/proposed", Confidence: Reconstructed, Section: SectionProposed})
}

func TestResolveProposedAndExcluded(t *testing.T) {
	var health []string
	doc := docOf(t, func(d map[string]any) {
		for _, o := range Builtin().All() {
			if o.Section == "11" {
				health = append(health, o.ID)
				delete(pathsOf(d)[o.Path].(map[string]any), strings.ToLower(o.Method))
			}
		}
	})
	_, rep := mustResolveTable(t, proposedTable(), Options{ExcludeSections: []string{"11"}}, doc)
	if !slices.Equal(rep.ProposedAbsent, []string{"zz_proposed"}) || !slices.Equal(rep.ExcludedAbsent, health) ||
		len(rep.Missing) != 0 || !rep.OK() || rep.AllMatched() {
		t.Errorf("proposed %v excluded %v missing %v ok %v all %v", rep.ProposedAbsent, rep.ExcludedAbsent, rep.Missing, rep.OK(), rep.AllMatched())
	}
}

func TestResolveSeveralDocuments(t *testing.T) {
	var registry, storage map[string]any
	_ = json.Unmarshal(Builtin().Document("registry", "1"), &registry)
	_ = json.Unmarshal(Builtin().Document("storage", "1"), &storage)
	storageRows := 0
	for _, o := range Builtin().All() {
		without := storage // each operation is left in one document: the storage calls in the storage one
		if o.Section == "12" || o.Proposed() {
			without = registry
			storageRows++
		}
		delete(pathsOf(without)[o.Path].(map[string]any), strings.ToLower(o.Method))
	}
	r, _ := json.Marshal(registry)
	s, _ := json.Marshal(storage)
	_, rep := mustResolve(t, Options{}, r, s)
	if !rep.AllMatched() {
		t.Errorf("two documents: %s", rep.Summary())
	}
	if _, rep := mustResolve(t, Options{}, r); rep.OK() || len(rep.Missing)+len(rep.ProposedAbsent) != storageRows {
		t.Errorf("registry alone: %s", rep.Summary())
	}
}

func TestResolveYAML(t *testing.T) {
	doc := []byte(`openapi: 3.1.0
servers:
  - url: /api/v2
paths:
  /files/{file_id}:
    get:
      operationId: get_file
      parameters:
        - {name: file_id, in: path, required: true}
      responses:
        200: {description: OK}
  /jobs:
    get:
      operationId: list_jobs
      parameters:
        - name: status
          in: query
`)
	table, rep := mustResolve(t, Options{}, doc)
	if len(rep.Matched) != 2 || len(rep.Differences) == 0 || expandOf(t, table, "get_file", "f1") != "/api/v2/files/f1" {
		t.Errorf("YAML: %s", rep.Summary())
	}
}

func TestResolveInvalidRoutes(t *testing.T) {
	tag, job, me := row("get_tag"), row("get_job"), row("get_current_user")
	doc := docOf(t, func(d map[string]any) {
		moveID(d, "get_tag", "head", tag.Path)
		moveID(d, "get_job", "get", job.Path+".json")
		pathsOf(d)["/zzz/users/self"] = map[string]any{"get": map[string]any{"operationId": "get_current_user"}}
		pathsOf(d)["/api/v2/models/{model_id}/x"] = map[string]any{"get": map[string]any{"operationId": "get_model_api_v2_models__model_id__x_get"}}
	})
	table, rep := mustResolve(t, Options{}, doc)
	last := job.Params()[len(job.Params())-1]
	want := []Refusal{
		{ID: "get_current_user", Reason: "operationId appears 2 times (" + me.Method + " " + me.Path + "; GET /zzz/users/self)"},
		{ID: "get_job", Reason: `path "` + job.Path + `.json": segment "{` + last + `}.json" is not a whole {param}`},
		{ID: "get_tag", Reason: "method HEAD not supported (HEAD " + tag.Path + ")"},
	}
	if !slices.Equal(rep.Refused, want) || !slices.Equal(rep.Extra, []string{"get_model_api_v2_models__model_id__x_get"}) {
		t.Errorf("refused %+v extra %v", rep.Refused, rep.Extra)
	}
	for _, r := range want {
		if o, _ := table.Lookup(r.ID); o.Source != SourceBuiltin {
			t.Errorf("%s: Source %q, want builtin", r.ID, o.Source)
		}
	}
}

func TestDiffRejectsBadDocuments(t *testing.T) {
	docs := map[string]string{
		"invalid JSON":           `{"openapi": "3.1.0", "paths": {`,
		"not an object":          `[1, 2]`,
		"not YAML either":        "openapi: [3.1\n  : x",
		"no openapi field":       `{"paths": {}}`,
		"swagger 2":              `{"swagger": "2.0", "paths": {}}`,
		"openapi 2":              `{"openapi": "2.0", "paths": {}}`,
		"paths not an object":    `{"openapi": "3.0.3", "paths": []}`,
		"path item not object":   `{"openapi": "3.0.3", "paths": {"/api/v2/files": "x"}}`,
		"operation not object":   `{"openapi": "3.0.3", "paths": {"/api/v2/files": {"get": 1}}}`,
		"operationId not string": `{"openapi": "3.0.3", "paths": {"/api/v2/files": {"get": {"operationId": 7}}}}`,
	}
	for name, doc := range docs {
		if rep, err := Diff(Builtin(), Options{}, []byte(doc)); err == nil {
			t.Errorf("%s: Diff = %+v, want an error", name, rep)
		}
		if table, rep, err := Resolve(Builtin(), Options{}, []byte(doc)); err == nil || table != nil || rep != nil {
			t.Errorf("%s: Resolve = %v, %v, %v; want only an error", name, table, rep, err)
		}
	}
}

func TestDiffEmptyDocument(t *testing.T) {
	rep, err := Diff(proposedTable(), Options{}, []byte(`{"openapi": "3.1.0"}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Missing)+len(rep.ProposedAbsent) != proposedTable().Len() || len(rep.ProposedAbsent) == 0 || len(rep.Matched) != 0 || rep.OK() {
		t.Errorf("missing %d, proposed %d, matched %d, OK %v", len(rep.Missing), len(rep.ProposedAbsent), len(rep.Matched), rep.OK())
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

// A tag-prefixed id under a new server base matches by the shape of the path after the base.
func TestResolveByMethodAndPathAfterTheBase(t *testing.T) {
	me, user := row("get_current_user"), row("get_user_by_id")
	relMe, relUser := strings.TrimPrefix(me.Path, "/api/v2"), strings.TrimPrefix(strings.ReplaceAll(user.Path, "{"+user.Params()[0]+"}", "{id}"), "/api/v2")
	doc := []byte(`{"openapi":"3.1.0","servers":[{"url":"/api/v3"}],"paths":{"` + relMe + `":{"get":{"operationId":"Users-get_current_user"}},
		"` + relUser + `":{"get":{"operationId":"Users-get_user"}}}}`)
	table, rep := mustResolve(t, Options{}, doc)
	want := []Match{
		{ID: "get_current_user", Rule: RuleMethodPath, OperationID: "Users-get_current_user", Method: "GET", Path: "/api/v3" + relMe},
		{ID: "get_user_by_id", Rule: RuleMethodPath, OperationID: "Users-get_user", Method: "GET", Path: "/api/v3" + relUser},
	}
	if !slices.Equal(rep.Matched, want) {
		t.Errorf("matched %+v", rep.Matched)
	}
	if p := expandOf(t, table, "get_user_by_id", "u1"); p != "/api/v3"+strings.ReplaceAll(relUser, "{id}", "u1") {
		t.Errorf("get_user_by_id expands to %s", p)
	}
}
