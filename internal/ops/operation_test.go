package ops

import (
	"errors"
	"slices"
	"testing"
)

func TestParams(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"/api/v2/files", nil},
		{"/api/v2/files/{file_id}", []string{"file_id"}},
		{"/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}",
			[]string{"subject_type", "subject_id", "resource_type", "resource_id"}},
		{"/api/v2/files/{file_id}.json", nil},                    // not a whole segment
		{"/api/v2/files/{file_id}:restore", []string{"file_id"}}, // a custom-method suffix
	}
	for _, tt := range tests {
		if got := (Operation{Path: tt.path}).Params(); !slices.Equal(got, tt.want) {
			t.Errorf("Params(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestExpand(t *testing.T) {
	getFile := Operation{ID: "get_file", Method: "GET", Path: "/api/v2/files/{file_id}"}
	access := Operation{ID: "list_access", Method: "GET", Path: "/api/v2/access/{resource_type}/{resource_id}"}
	list := Operation{ID: "list_files", Method: "GET", Path: "/api/v2/files"}
	tests := []struct {
		op     Operation
		values []string
		want   string
	}{
		{list, nil, "/api/v2/files"},
		{getFile, []string{"0f9c"}, "/api/v2/files/0f9c"},
		{getFile, []string{"../x"}, "/api/v2/files/..%2Fx"},
		{getFile, []string{"a/b?c=d#e"}, "/api/v2/files/a%2Fb%3Fc%3Dd%23e"},
		{getFile, []string{"%2e%2e"}, "/api/v2/files/%252e%252e"},
		{getFile, []string{"a b"}, "/api/v2/files/a%20b"},
		{getFile, []string{"..."}, "/api/v2/files/..."},
		{access, []string{"model", "m/1"}, "/api/v2/access/model/m%2F1"},
	}
	for _, tt := range tests {
		got, err := tt.op.Expand(tt.values...)
		if err != nil || got != tt.want {
			t.Errorf("%s.Expand(%q) = %q, %v; want %q", tt.op.ID, tt.values, got, err, tt.want)
		}
	}
}

func TestExpandRejects(t *testing.T) {
	getFile := Operation{ID: "get_file", Method: "GET", Path: "/api/v2/files/{file_id}"}
	access := Operation{ID: "list_access", Method: "GET", Path: "/api/v2/access/{resource_type}/{resource_id}"}
	tests := []struct {
		op     Operation
		values []string
	}{
		{getFile, nil},
		{getFile, []string{"a", "b"}},
		{getFile, []string{""}},
		{getFile, []string{"."}},
		{getFile, []string{".."}},
		{access, []string{"model"}},
		{access, []string{"model", ""}},
		{Operation{ID: "list_files", Path: "/api/v2/files"}, []string{"x"}},
	}
	for _, tt := range tests {
		got, err := tt.op.Expand(tt.values...)
		if !errors.Is(err, ErrPathParams) || got != "" {
			t.Errorf("%s.Expand(%q) = %q, %v; want ErrPathParams", tt.op.ID, tt.values, got, err)
		}
	}
	bad := Operation{ID: "bad", Method: "GET", Path: "/api/v2/files/{file_id"}
	if got, err := bad.Expand("x"); err == nil || errors.Is(err, ErrPathParams) {
		t.Errorf("Expand on a malformed template = %q, %v; want a template error", got, err)
	}
}

func TestValidate(t *testing.T) {
	ok := Operation{ID: "get_file", Method: "GET", Path: "/api/v2/files/{file_id}"}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", ok, err)
	}
	bad := []Operation{
		{ID: "", Method: "GET", Path: "/api/v2/files"},
		{ID: "x", Method: "HEAD", Path: "/api/v2/files"},
		{ID: "x", Method: "get", Path: "/api/v2/files"},
		{ID: "x", Method: "GET", Path: "api/v2/files"},
		{ID: "x", Method: "GET", Path: "/api/v2/files/{file_id"},
		{ID: "x", Method: "GET", Path: "/api/v2/files/{}"},
		{ID: "x", Method: "GET", Path: "/api/v2/files/{id}.json"},
		{ID: "x", Method: "GET", Path: "/api/v2/{id}/files/{id}"},
	}
	for _, o := range bad {
		if err := o.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want an error", o)
		}
	}
}

func TestExpandStrictEscapesLikePythonQuote(t *testing.T) {
	op, ok := Identity().Lookup("get_user_key")
	if !ok {
		t.Fatal("get_user_key missing")
	}
	got, err := op.ExpandStrict("a/b c", "k$&+,:;=@~_.-é")
	if err != nil {
		t.Fatal(err)
	}
	want := "/api/v1/users/a%2Fb%20c/keys/k%24%26%2B%2C%3A%3B%3D%40~_.-%C3%A9"
	if got != want {
		t.Errorf("ExpandStrict = %q, want %q", got, want)
	}
	// The fake routes it back to the same values.
	m, params, ok := Identity().Match("GET", got)
	if !ok || m.ID != "get_user_key" || params["principal_id"] != "a/b c" || params["key_id"] != "k$&+,:;=@~_.-é" {
		t.Errorf("Match = %v %v %v", m.ID, params, ok)
	}
	if _, err := op.ExpandStrict("me", ".."); err == nil {
		t.Error("a dot segment was accepted")
	}
}

func TestIdentityTableIsSeparate(t *testing.T) {
	for _, o := range Identity().All() {
		if _, ok := Builtin().Lookup(o.ID); ok {
			t.Errorf("%s is in both tables", o.ID)
		}
		if o.Section != SectionIdentity || o.Source != SourceBuiltin {
			t.Errorf("%s: section %q source %q", o.ID, o.Section, o.Source)
		}
	}
	if Identity().Len() != 11 {
		t.Errorf("identity table has %d rows, want 11", Identity().Len())
	}
}
