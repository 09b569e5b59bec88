package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// specFor builds an OpenAPI document holding every built-in operation, with move applied to each path.
func specFor(t *testing.T, move func(id, path string) string) []byte {
	t.Helper()
	return specOf(t, ops.Builtin(), move)
}

// specOf builds an OpenAPI document holding every operation of table, with move applied to each path.
func specOf(t *testing.T, table *ops.Table, move func(id, path string) string) []byte {
	t.Helper()
	paths := map[string]map[string]any{}
	for _, o := range table.All() {
		p := move(o.ID, o.Path)
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(o.Method)] = map[string]any{"operationId": o.ID}
	}
	b, err := json.Marshal(map[string]any{"openapi": "3.1.0", "paths": paths})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func same(_, path string) string { return path }

func moveListFiles(id, path string) string {
	if id == "list_files" {
		return "/api/v2/file-list"
	}
	return path
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

func runCmd(stdin []byte, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestAllMatchExitsZero(t *testing.T) {
	code, out, errOut := runCmd(nil, writeTemp(t, specFor(t, same)))
	want := "172 operations: 172 match, 0 differ, 0 param mismatch, 0 invalid, 0 missing; 0 extra in spec\n"
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, %q, empty", code, out, want, errOut)
	}
}

func TestMismatchFromStdinExitsOne(t *testing.T) {
	code, out, errOut := runCmd(specFor(t, moveListFiles), "-")
	want := "different  list_files: builtin GET /api/v2/files, spec GET /api/v2/file-list\n" +
		"172 operations: 171 match, 1 differ, 0 param mismatch, 0 invalid, 0 missing; 0 extra in spec\n"
	if code != 1 || out != want || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, %q, empty", code, out, want, errOut)
	}
}

func TestJSONOutput(t *testing.T) {
	for _, tt := range []struct {
		move      func(id, path string) string
		code      int
		ok        bool
		matched   int
		different []ops.Difference
	}{
		{same, 0, true, 172, []ops.Difference{}},
		{moveListFiles, 1, false, 171, []ops.Difference{{ID: "list_files", BuiltinMethod: "GET",
			BuiltinPath: "/api/v2/files", SpecMethod: "GET", SpecPath: "/api/v2/file-list"}}},
	} {
		code, out, errOut := runCmd(nil, "-json", writeTemp(t, specFor(t, tt.move)))
		if code != tt.code || errOut != "" {
			t.Errorf("exit %d, stderr %q; want %d, empty", code, errOut, tt.code)
		}
		var got struct {
			OK bool `json:"ok"`
			ops.Report
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, out)
		}
		if got.OK != tt.ok || got.Total != 172 || len(got.Matched) != tt.matched || len(got.Missing) != 0 {
			t.Errorf("ok %v total %d matched %d missing %d; want %v 172 %d 0",
				got.OK, got.Total, len(got.Matched), len(got.Missing), tt.ok, tt.matched)
		}
		if len(got.Different) != len(tt.different) || len(got.Different) == 1 && got.Different[0] != tt.different[0] {
			t.Errorf("different = %+v, want %+v", got.Different, tt.different)
		}
	}
}

func TestErrorsExitTwo(t *testing.T) {
	good := writeTemp(t, specFor(t, same))
	tests := []struct {
		name   string
		stdin  string
		args   []string
		stderr string
	}{
		{"no file", "", nil, "usage: istari-specdiff"},
		{"two files", "", []string{good, good}, "usage: istari-specdiff"},
		{"unknown flag", "", []string{"-yaml", good}, "flag provided but not defined: -yaml"},
		{"unreadable file", "", []string{filepath.Join(t.TempDir(), "absent.json")}, "absent.json"},
		{"invalid JSON", `{"openapi": "3.1.0", "paths": {`, []string{"-"}, "istari-specdiff: -: ops: OpenAPI document"},
		{"not OpenAPI", `{"swagger": "2.0"}`, []string{"-"}, `no "openapi" version field`},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd([]byte(tt.stdin), tt.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2, empty, containing %q", tt.name, code, out, errOut, tt.stderr)
		}
	}
}

func TestHelpExitsZero(t *testing.T) {
	code, out, errOut := runCmd(nil, "-h")
	if code != 0 || out != "" || !strings.Contains(errOut, "usage: istari-specdiff [-json] [-service registry|identity] FILE") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestIdentityServiceIsCheckedOnlyAgainstItsOwnDocument(t *testing.T) {
	identityDoc := writeTemp(t, specOf(t, ops.Identity(), same))
	code, out, errOut := runCmd(nil, "-service", "identity", identityDoc)
	want := "11 operations: 11 match, 0 differ, 0 param mismatch, 0 invalid, 0 missing; 0 extra in spec\n"
	if code != 0 || out != want || errOut != "" {
		t.Errorf("identity: exit %d, stdout %q, stderr %q; want 0, %q", code, out, errOut, want)
	}
	// The registry's document never counts the identity routes as missing.
	code, out, _ = runCmd(nil, writeTemp(t, specFor(t, same)))
	if code != 0 || strings.Contains(out, "issue_token") || !strings.Contains(out, "0 missing") {
		t.Errorf("registry: exit %d, stdout %q", code, out)
	}
	// The identity routes in the registry's document are extra there, not matches.
	code, out, _ = runCmd(nil, identityDoc)
	if code != 1 || !strings.Contains(out, "extra      issue_token") || !strings.Contains(out, "172 missing") {
		t.Errorf("identity document as registry: exit %d, stdout %q", code, out)
	}
	code, _, errOut = runCmd(nil, "-service", "storage", identityDoc)
	if code != 2 || !strings.Contains(errOut, `unknown -service "storage"`) {
		t.Errorf("unknown service: exit %d, stderr %q", code, errOut)
	}
}
