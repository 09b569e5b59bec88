package ops

import (
	"maps"
	"strings"
	"sync"
	"testing"
)

// sampleValues returns a value per parameter that is no literal segment of any row.
func sampleValues(o Operation) []string {
	var vs []string
	for _, p := range o.Params() {
		vs = append(vs, "v-"+p+"/é")
	}
	return vs
}

func TestMatchFindsEveryRow(t *testing.T) {
	table := Builtin()
	for _, o := range table.All() {
		vs := sampleValues(o)
		path, err := o.Expand(vs...)
		if err != nil {
			t.Fatalf("%s: Expand: %v", o.ID, err)
		}
		got, params, ok := table.Match(o.Method, path)
		if !ok || got.ID != o.ID {
			t.Errorf("Match(%s %s) = %q, %v; want %q", o.Method, path, got.ID, ok, o.ID)
			continue
		}
		want := map[string]string{}
		for i, p := range o.Params() {
			want[p] = vs[i]
		}
		if !maps.Equal(params, want) {
			t.Errorf("Match(%s %s) params = %q, want %q", o.Method, path, params, want)
		}
	}
}

func TestMatchLiteralWins(t *testing.T) {
	tests := []struct {
		method, path, want string
		params             map[string]string
	}{
		{"GET", "/api/v2/users/me", "get_current_user", map[string]string{}},
		{"GET", "/api/v2/users/m%65", "get_current_user", map[string]string{}},
		{"GET", "/api/v2/users/u1", "get_user_by_id", map[string]string{"user_id": "u1"}},
		{"POST", "/api/v2/resources/search", "search_resources", map[string]string{}},
		{"POST", "/api/v2/models/m1:restore", "restore_model", map[string]string{"model_id": "m1"}},
		{"GET", "/api/v2/infosec/", "list_infosec_levels", map[string]string{}},
		{"GET", "/api/v2/resources/model/r1", "get_resource", map[string]string{"resource_type": "model", "resource_id": "r1"}},
		{"GET", "/api/v2/documents/revisions/r1", "get_document_by_revision_id", map[string]string{"revision_id": "r1"}},
		{"GET", "/api/v2/documents/revisions/export", "get_document_by_revision_id", map[string]string{"revision_id": "export"}},
		{"GET", "/api/v2/documents/d1/export", "export_document", map[string]string{"document_id": "d1"}},
		{"GET", "/api/v2/documents/d1", "get_document", map[string]string{"document_id": "d1"}},
		{"GET", "/api/v2/access/by_email/x", "list_access", map[string]string{"resource_type": "by_email", "resource_id": "x"}},
		{"POST", "/api/v2/pat/agent", "create_agent_personal_access_token", map[string]string{}},
		{"DELETE", "/api/v2/pat/agent", "delete_personal_access_token", map[string]string{"pat_id": "agent"}},
		{"GET", "/api/v2/files/..%2Fx", "get_file", map[string]string{"file_id": "../x"}},
	}
	for _, tt := range tests {
		got, params, ok := Builtin().Match(tt.method, tt.path)
		if !ok || got.ID != tt.want || !maps.Equal(params, tt.params) {
			t.Errorf("Match(%s %s) = %q %q %v; want %q %q", tt.method, tt.path, got.ID, params, ok, tt.want, tt.params)
		}
	}
}

func TestMatchRejects(t *testing.T) {
	tests := []struct{ method, path string }{
		{"PUT", "/api/v2/users/me"},       // method mismatch
		{"get", "/api/v2/files"},          // methods are case-sensitive
		{"GET", "/api/v2/files/"},         // empty parameter segment
		{"GET", "/api/v2/files/a/b"},      // extra segment
		{"GET", "/api/v2/files/%zz"},      // bad escape
		{"GET", "api/v2/files"},           // not absolute
		{"GET", "/registry/api/v2/files"}, // a prefix is the caller's to strip
		{"GET", "/api/v2"},
	}
	for _, tt := range tests {
		if got, _, ok := Builtin().Match(tt.method, tt.path); ok {
			t.Errorf("Match(%s %s) = %q, want no match", tt.method, tt.path, got.ID)
		}
	}
}

func TestMatchPrefersOpenAPIRowOnEqualTemplates(t *testing.T) {
	table := Builtin().With(Operation{ID: "zz_moved_here", Method: "GET", Path: "/api/v2/files/{id}", Source: SourceOpenAPI})
	if got, params, ok := table.Match("GET", "/api/v2/files/f1"); !ok || got.ID != "zz_moved_here" || params["id"] != "f1" {
		t.Errorf("Match = %q %q %v; want zz_moved_here", got.ID, params, ok)
	}
}

func TestTableConcurrentUse(t *testing.T) {
	table := Builtin()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for _, o := range table.All() {
				path, _ := o.Expand(sampleValues(o)...)
				if got, _, ok := table.Match(o.Method, path); !ok || got.ID != o.ID {
					t.Errorf("goroutine %d: Match(%s) = %q", i, path, got.ID)
				}
				if _, ok := table.Lookup(o.ID); !ok {
					t.Errorf("goroutine %d: Lookup(%s) failed", i, o.ID)
				}
			}
			_ = table.With(Operation{ID: "x" + strings.Repeat("y", i), Method: "GET", Path: "/api/v2/x"})
		})
	}
	wg.Wait()
}
