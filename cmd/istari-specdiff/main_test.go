package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// registryDoc is the document of every built-in operation except the proposed ones, with edit applied.
func registryDoc(t *testing.T, edit func(paths map[string]any)) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(ops.Builtin().Document("registry", "1"), &doc); err != nil {
		t.Fatal(err)
	}
	paths := doc["paths"].(map[string]any)
	for _, o := range ops.Builtin().All() {
		if o.Proposed() {
			delete(paths[o.Path].(map[string]any), strings.ToLower(o.Method))
		}
	}
	if edit != nil {
		edit(paths)
	}
	return doc
}

// listFiles is the built-in list_files row (the tests follow the table as it is corrected).
func listFiles() ops.Operation {
	o, _ := ops.Builtin().Lookup("list_files")
	return o
}

func moveListFiles(paths map[string]any) {
	o := listFiles()
	item := paths[o.Path].(map[string]any)
	paths["/api/v2/file-list"] = map[string]any{strings.ToLower(o.Method): item[strings.ToLower(o.Method)]}
	delete(item, strings.ToLower(o.Method))
}

func writeTemp(t *testing.T, name string, doc any) string {
	t.Helper()
	var data []byte
	var err error
	if strings.HasSuffix(name, ".yaml") {
		data, err = yaml.Marshal(doc)
	} else {
		data, err = json.Marshal(doc)
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCmd(stdin []byte, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// allMatch is the summary of a document holding every row except the proposed ones.
func allMatch() string {
	total, proposed := ops.Builtin().Len(), 0
	for _, o := range ops.Builtin().All() {
		if o.Proposed() {
			proposed++
		}
	}
	return fmt.Sprintf("%d operations: %d matched (%d by operation id, 0 by FastAPI id, 0 by method+path), 0 moved, "+
		"0 renamed parameters, 0 refused, 0 parameter differences, 0 missing, %d proposed absent, 0 excluded absent; "+
		"0 extra in document\n", total, total-proposed, total-proposed, proposed)
}

func TestAllRowsExactlyExitsZero(t *testing.T) {
	for _, name := range []string{"openapi.json", "openapi.yaml"} {
		file := writeTemp(t, name, registryDoc(t, nil))
		code, out, errOut := runCmd(nil, file)
		if code != 0 || !strings.HasSuffix(out, allMatch()) || errOut != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 0", name, code, out, errOut)
		}
		// The built-in table proposes no row (the multipart calls are the published client's), so -strict
		// passes too; the proposed-row report is tested in internal/ops.
		if code, _, _ := runCmd(nil, "-strict", file); code != 0 {
			t.Errorf("%s: -strict with every row present exits %d, want 0", name, code)
		}
	}
}

func TestOneMovedRowExitsOne(t *testing.T) {
	data, _ := json.Marshal(registryDoc(t, moveListFiles))
	code, out, errOut := runCmd(data, "-")
	o := listFiles()
	if code != 1 || errOut != "" || !strings.Contains(out, "moved      list_files: "+o.Method+" "+o.Path+" -> "+o.Method+" /api/v2/file-list (by operation_id)\n") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and the move", code, out, errOut)
	}
}

func TestSeveralDocumentsAndExclusions(t *testing.T) {
	storage := map[string]any{"openapi": "3.1.0", "paths": map[string]any{}}
	registry := registryDoc(t, func(paths map[string]any) {
		for _, o := range ops.Builtin().All() {
			method := strings.ToLower(o.Method)
			switch o.Section {
			case "12": // the storage calls: in the storage document only
				item, _ := storage["paths"].(map[string]any)[o.Path].(map[string]any)
				if item == nil {
					item = map[string]any{}
					storage["paths"].(map[string]any)[o.Path] = item
				}
				item[method] = paths[o.Path].(map[string]any)[method]
			case "11": // the health probes: in neither
			default:
				continue
			}
			delete(paths[o.Path].(map[string]any), method)
		}
	})
	reg, sto := writeTemp(t, "registry.json", registry), writeTemp(t, "storage.yaml", storage)
	if code, out, _ := runCmd(nil, reg); code != 1 || !strings.Contains(out, "missing    generate_upload_url") {
		t.Errorf("registry alone: exit %d\n%s", code, out)
	}
	code, out, errOut := runCmd(nil, "-exclude-section", "11", reg, sto)
	if code != 0 || !strings.Contains(out, "excluded   liveness_check: absent") || errOut != "" {
		t.Errorf("both documents, health excluded: exit %d, stderr %q\n%s", code, errOut, out)
	}
}

func TestJSONOutput(t *testing.T) {
	for _, tt := range []struct {
		edit  func(map[string]any)
		code  int
		moved int
	}{{nil, 0, 0}, {moveListFiles, 1, 1}} {
		code, out, errOut := runCmd(nil, "-json", writeTemp(t, "openapi.json", registryDoc(t, tt.edit)))
		if code != tt.code || errOut != "" {
			t.Errorf("exit %d, stderr %q; want %d, empty", code, errOut, tt.code)
		}
		var got struct {
			OK     bool `json:"ok"`
			Strict bool `json:"strict"`
			ops.Report
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, out)
		}
		total := ops.Builtin().Len()
		if got.OK != (tt.code == 0) || got.Total != total || len(got.Matched)+len(got.ProposedAbsent) != total || len(got.Moved) != tt.moved {
			t.Errorf("ok %v total %d matched %d moved %d proposed %d", got.OK, got.Total, len(got.Matched), len(got.Moved), len(got.ProposedAbsent))
		}
	}
}

func TestErrorsExitTwo(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		stderr string
	}{
		{"no file", "", nil, "usage: istari-specdiff"},
		{"unknown flag", "", []string{"-yaml", "x"}, "flag provided but not defined: -yaml"},
		{"unreadable file", "", []string{filepath.Join(t.TempDir(), "absent.json")}, "absent.json"},
		{"invalid JSON", `{"openapi": "3.1.0", "paths": {`, []string{"-"}, "istari-specdiff: -: ops: OpenAPI document"},
		{"not OpenAPI", `{"swagger": "2.0"}`, []string{"-"}, `no "openapi" version field`},
		{"not JSON or YAML", "openapi: [3\n  : x", []string{"-"}, "neither JSON nor YAML"},
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
	if code != 0 || out != "" || !strings.Contains(errOut, "usage: istari-specdiff [-json]") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
