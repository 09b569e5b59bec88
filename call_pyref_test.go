package istari

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// queryStructs returns, for every struct type of the root package with `query:"..."` tags, its query names
// (an embedded PageOptions contributes page and size).
func queryStructs(files []*ast.File) map[string][]string {
	raw := map[string]*ast.StructType{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok {
					raw[ts.Name.Name] = st
				}
			}
			return true
		})
	}
	var names func(string) []string
	names = func(typ string) []string {
		st := raw[typ]
		if st == nil {
			return nil
		}
		var out []string
		for _, fld := range st.Fields.List {
			if fld.Tag != nil {
				tag, _ := strconv.Unquote(fld.Tag.Value)
				if q, ok := reflect.StructTag(tag).Lookup("query"); ok {
					out = append(out, strings.Split(q, ",")[0])
					continue
				}
			}
			if id, ok := fld.Type.(*ast.Ident); ok && len(fld.Names) == 0 {
				out = append(out, names(id.Name)...)
			}
		}
		return out
	}
	out := map[string][]string{}
	for typ := range raw {
		if n := names(typ); len(n) > 0 {
			out[typ] = n
		}
	}
	return out
}

// knownQueryDifferences are operations whose Go method sends query parameters the published client does not.
var knownQueryDifferences = map[ops.ID]string{
	ops.ListControlTags:             "the registry answers a bare list and takes no paging; ListControlTags still sends page and size",
	ops.ListResourceTypePermissions: "the registry answers a bare List[Permissionship]; the SDK still pages with page and size",
}

// TestQueryNamesMatchPythonClient: every query parameter an SDK method sends for a Published operation is one
// the published Python client sends for it. Methods are matched to operations statically: a function taking
// a *T whose struct has query tags, and naming ops.X in its body.
func TestQueryNamesMatchPythonClient(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	paths, _ := filepath.Glob("*.go")
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	structs := queryStructs(files)

	raw, err := os.ReadFile(filepath.Join("internal", "ops", "testdata", "python-client-"+ops.PythonClientVersion+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var facts struct {
		Groups map[string]struct {
			Operations map[string]struct {
				QueryParams []struct{ Name string } `json:"query_params"`
			} `json:"operations"`
		} `json:"groups"`
	}
	if err := json.Unmarshal(raw, &facts); err != nil {
		t.Fatal(err)
	}
	byGoConst := map[string]ops.Operation{} // ops constant name -> row (constant names are the exported Go names)
	for _, o := range ops.Builtin().All() {
		byGoConst[strings.ToUpper(o.GoName[:1])+o.GoName[1:]] = o
	}
	checked := 0
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			var sent []string
			for _, p := range fn.Type.Params.List {
				if star, ok := p.Type.(*ast.StarExpr); ok {
					if id, ok := star.X.(*ast.Ident); ok {
						sent = append(sent, structs[id.Name]...)
					}
				}
			}
			if len(sent) == 0 {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "ops" {
					return true
				}
				row, ok := byGoConst[sel.Sel.Name]
				if !ok || row.Confidence != ops.Published {
					return true
				}
				var py []string
				for _, g := range []string{"v2", "storage"} {
					for _, q := range facts.Groups[g].Operations[row.ID].QueryParams {
						py = append(py, q.Name)
					}
				}
				checked++
				if reason, ok := knownQueryDifferences[ops.ID(row.ID)]; ok {
					t.Logf("%s: known difference (%s)", row.ID, reason)
					return true
				}
				for _, name := range sent {
					if !slices.Contains(py, name) {
						t.Errorf("%s (%s): sends query %q, the Python client's are %v", fn.Name.Name, row.ID, name, py)
					}
				}
				return true
			})
		}
	}
	if checked < 30 {
		t.Errorf("only %d method/operation pairs checked", checked)
	}
	t.Logf("%d method/operation pairs: query names checked against istari-digital-client %s", checked, ops.PythonClientVersion)
}
