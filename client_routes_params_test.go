package istari

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// TestWireMetadataMatchesWhatIsSent keeps the operation table's query and body metadata (what route resolution
// compares with a registry document) equal to what the domain methods really send: for every call that passes
// a function's *XParams argument with an ops.ID constant, the struct's `query` tags (required when validated
// "required") must be the row's Query; for every request{op, body} whose body is a types struct argument, its
// JSON names must be the row's Body where the row has one.
func TestWireMetadataMatchesWhatIsSent(t *testing.T) {
	structs := map[string]*ast.StructType{}
	aliases := map[string]string{}
	funcs := parseDecls(t, "*.go", "", structs, aliases)
	parseDecls(t, "types/*.go", "types.", structs, aliases)
	bodies := map[string]string{} // operation id constant -> body type
	found := map[string]string{}  // operation id -> params type
	for _, fn := range funcs {
		paramTypes := map[string]string{}
		for _, field := range fn.Type.Params.List {
			typ := field.Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			name := ""
			switch typ := typ.(type) {
			case *ast.Ident:
				name = typ.Name
			case *ast.SelectorExpr:
				if x, ok := typ.X.(*ast.Ident); ok && x.Name == "types" {
					name = "types." + typ.Sel.Name
				}
			}
			for _, n := range field.Names {
				paramTypes[n.Name] = name
			}
		}
		ast.Inspect(fn, func(n ast.Node) bool {
			var op, arg, body string
			switch n := n.(type) {
			case *ast.CallExpr:
				for _, a := range n.Args {
					if sel, ok := a.(*ast.SelectorExpr); ok && isOps(sel) {
						op = sel.Sel.Name
					}
				}
				if len(n.Args) > 0 {
					if id, ok := n.Args[len(n.Args)-1].(*ast.Ident); ok {
						arg = id.Name
					}
				}
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, _ := kv.Key.(*ast.Ident)
					switch {
					case key == nil:
					case key.Name == "op":
						if sel, ok := kv.Value.(*ast.SelectorExpr); ok && isOps(sel) {
							op = sel.Sel.Name
						}
					case key.Name == "query":
						if id, ok := kv.Value.(*ast.Ident); ok {
							arg = id.Name
						}
					case key.Name == "body":
						if id, ok := kv.Value.(*ast.Ident); ok {
							body = id.Name
						}
					}
				}
			}
			if typ := paramTypes[body]; op != "" && strings.HasPrefix(typ, "types.") && structs[typ] != nil {
				bodies[op] = typ
			}
			if typ := paramTypes[arg]; op != "" && typ != "" {
				if a, ok := aliases[typ]; ok {
					typ = a
				}
				if _, ok := structs[typ]; ok {
					found[op] = typ
				}
			}
			return true
		})
	}
	t.Logf("%d operations send a params struct", len(found))
	if len(found) < 40 {
		t.Fatalf("found only %d operations with a params struct: %v", len(found), found)
	}
	ids := map[string]string{} // constant name -> operation id
	for _, o := range ops.Builtin().All() {
		ids[strings.ReplaceAll(strings.ToLower(o.GoName), "_", "")] = o.ID
	}
	for constant, typ := range found {
		id := ids[strings.ToLower(constant)]
		row, ok := ops.Builtin().Lookup(id)
		if !ok {
			t.Errorf("ops.%s: no row", constant)
			continue
		}
		want := queryTags(structs, structs[typ])
		got := slices.Clone(row.Query)
		slices.SortFunc(got, func(a, b ops.QueryParam) int { return strings.Compare(a.Name, b.Name) })
		slices.SortFunc(want, func(a, b ops.QueryParam) int { return strings.Compare(a.Name, b.Name) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s): table query %v, %s sends %v", id, constant, got, typ, want)
		}
	}
	compared := 0
	for constant, typ := range bodies {
		row, _ := ops.Builtin().Lookup(ids[strings.ToLower(constant)])
		if row.Body == nil {
			continue // unknown in the table: not compared with documents
		}
		compared++
		want := jsonTags(structs, structs[typ])
		got := slices.Sorted(slices.Values(row.Body))
		if !slices.Equal(got, want) {
			t.Errorf("%s (%s): table body %v, %s sends %v", row.ID, constant, got, typ, want)
		}
	}
	t.Logf("%d operations send a types struct as their body; %d have body metadata", len(bodies), compared)
	if compared < 15 {
		t.Errorf("only %d body metadata rows compared", compared)
	}
}

// jsonTags lists the sorted JSON names of a struct's fields.
func jsonTags(structs map[string]*ast.StructType, st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) == 0 {
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func isOps(sel *ast.SelectorExpr) bool {
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "ops"
}

// parseDecls parses the non-test files matching glob: it adds their struct types (names prefixed with prefix)
// to structs and their `type A = B` aliases to aliases, and returns their function declarations.
func parseDecls(t *testing.T, glob, prefix string, structs map[string]*ast.StructType, aliases map[string]string) []*ast.FuncDecl {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	var funcs []*ast.FuncDecl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				funcs = append(funcs, fn)
				continue
			}
			for _, s := range d.(*ast.GenDecl).Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				switch typ := ts.Type.(type) {
				case *ast.StructType:
					structs[prefix+ts.Name.Name] = typ
				case *ast.Ident:
					if ts.Assign.IsValid() {
						aliases[prefix+ts.Name.Name] = prefix + typ.Name
					}
				}
			}
		}
	}
	return funcs
}

// queryTags lists the `query` tags of a struct and of the structs it embeds.
func queryTags(structs map[string]*ast.StructType, st *ast.StructType) []ops.QueryParam {
	out := []ops.QueryParam{}
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			if id, ok := f.Type.(*ast.Ident); ok && structs[id.Name] != nil {
				out = append(out, queryTags(structs, structs[id.Name])...)
			}
			continue
		}
		if f.Tag == nil {
			continue
		}
		tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`"))
		name, _, _ := strings.Cut(tag.Get("query"), ",")
		if name == "" || name == "-" {
			continue
		}
		required := slices.Contains(strings.Split(tag.Get("validate"), ","), "required")
		out = append(out, ops.QueryParam{Name: name, Required: required})
	}
	return out
}
