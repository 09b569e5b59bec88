package enums

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestEveryEnumTypeListsItsConstants keeps `go doc enums <Type>` useful: every string type of the package has
// its constants declared in a block typed by it (so go/doc groups them under the type), and every constant is
// named <Type><Value> (deprecated aliases excepted). A type whose values no source documents says so in its doc
// ("values are unknown") and has none.
func TestEveryEnumTypeListsItsConstants(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	p := doc.New(pkgs["enums"], "github.com/istari-sdk/istari-go/enums", 0)
	for _, c := range p.Consts {
		t.Errorf("constants %v are not grouped under their type by go doc", c.Names)
	}
	for _, typ := range p.Types {
		ident, ok := typ.Decl.Specs[0].(*ast.TypeSpec).Type.(*ast.Ident)
		if !ok || ident.Name != "string" {
			continue
		}
		if len(typ.Consts) == 0 && !strings.Contains(typ.Doc, "values are unknown") {
			t.Errorf("go doc enums %s lists no constants", typ.Name)
		}
		for _, c := range typ.Consts {
			deprecated := strings.Contains(c.Doc, "Deprecated:")
			for _, name := range c.Names {
				if !strings.HasPrefix(name, typ.Name) && !deprecated && !deprecatedSpec(c.Decl, name) {
					t.Errorf("%s.%s: not named %s<Value> and not marked Deprecated", typ.Name, name, typ.Name)
				}
			}
		}
	}
}

// deprecatedSpec reports whether the spec declaring name carries a "Deprecated:" doc or line comment.
func deprecatedSpec(decl *ast.GenDecl, name string) bool {
	for _, s := range decl.Specs {
		vs := s.(*ast.ValueSpec)
		for _, n := range vs.Names {
			if n.Name == name {
				return strings.Contains(vs.Doc.Text()+vs.Comment.Text(), "Deprecated:")
			}
		}
	}
	return false
}
