package ops

import (
	"io"
	"strings"
	"testing"
)

// FuzzExpandCannotChangeTheRoute checks that no id, whatever its bytes, makes a path that leaves
// /api/v2, adds segments, or routes to another operation.
func FuzzExpandCannotChangeTheRoute(f *testing.F) {
	for _, s := range []string{"abc", "../x", "..", ".", "a/b", "%2e%2e", "?q=1", "#frag", "me", "search", " ", "ü/..", "a%2Fb", "\x00"} {
		f.Add(s)
	}
	table := Builtin()
	var oneParam []Operation
	for _, op := range table.All() {
		if len(op.Params()) == 1 {
			oneParam = append(oneParam, op)
		}
	}
	f.Fuzz(func(t *testing.T, id string) {
		for _, op := range oneParam {
			path, err := op.Expand(id)
			if err != nil {
				continue
			}
			if !strings.HasPrefix(path, "/api/v2/") {
				t.Fatalf("%s: %q escaped /api/v2: %s", op.ID, id, path)
			}
			if strings.ContainsAny(path, "?#") {
				t.Fatalf("%s: %q put a query or fragment in the path: %s", op.ID, id, path)
			}
			if got, want := strings.Count(path, "/"), strings.Count(op.Path, "/"); got != want {
				t.Fatalf("%s: %q changed the segment count: %s", op.ID, id, path)
			}
			m, params, ok := table.Match(op.Method, path)
			if !ok {
				t.Fatalf("%s: %q gives %s, which routes nowhere", op.ID, id, path)
			}
			// A literal route may win for ids such as "me" or "search" (documented); the value still round-trips.
			if m.ID == op.ID && params[op.Params()[0]] != id {
				t.Fatalf("%s: %q came back as %q", op.ID, id, params[op.Params()[0]])
			}
		}
	})
}

// FuzzResolve feeds arbitrary documents to the OpenAPI resolution: it may reject them but never
// panics, and every route it accepts is a valid row.
func FuzzResolve(f *testing.F) {
	f.Add([]byte(`{"openapi":"3.1.0","paths":{"/api/v2/files/{id}":{"get":{"operationId":"get_file"}}}}`))
	f.Add([]byte(`{"openapi":"3.0.0","paths":{"/x/{a}/{b}":{"parameters":[],"patch":{"operationId":"update_access"}},"/y":{"trace":{"operationId":"z"}}}}`))
	f.Add([]byte(`{"paths":{"/api/v2/files":{"get":{"operationId":"list_files_api_v2_files_get"}}}}`))
	f.Add([]byte(`{"openapi":"3.1.0","paths":{"/{a}.json":{"get":{"operationId":"get_model"}}}}`))
	f.Add([]byte(`not json`))
	f.Add([]byte("openapi: 3.1.0\nservers: [{url: /api/v2}]\npaths:\n  /files/{id}:\n    get: {operationId: get_file}\n"))
	base := Builtin()
	f.Fuzz(func(t *testing.T, spec []byte) {
		table, rep, err := Resolve(base, Options{BasePath: "/registry"}, spec)
		if err != nil {
			return
		}
		if table.Len() != base.Len() {
			t.Fatalf("resolution changed the number of operations: %d", table.Len())
		}
		for _, op := range table.All() {
			if err := op.Validate(); err != nil {
				t.Fatalf("resolved row %s is invalid: %v", op.ID, err)
			}
		}
		_ = rep.OK()
		_ = rep.WriteText(io.Discard)
	})
}
