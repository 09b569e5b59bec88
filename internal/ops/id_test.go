package ops

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOperationIDsAreConstants fails when the client or the fake names an operation with a string literal
// instead of its ID constant: a literal escapes the compile-time check the constants give.
func TestOperationIDsAreConstants(t *testing.T) {
	ids := map[string]bool{}
	for _, o := range Builtin().All() {
		ids[o.ID] = true
	}
	for _, dir := range []string{"../..", "../../istaritest"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				if s, err := strconv.Unquote(lit.Value); err == nil && ids[s] {
					t.Errorf("%s: operation id %q written as a string literal; use its ops constant", name, s)
				}
				return true
			})
		}
	}
}
