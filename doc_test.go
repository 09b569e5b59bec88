package istari

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// parseRootPackage parses the non-test files of the root package with comments, as go doc sees them.
func parseRootPackage(t *testing.T) *doc.Package { return parsePackage(t, ".", "istari") }

// parsePackage parses the non-test files of package name in dir with comments, as go doc sees them.
func parsePackage(t *testing.T, dir, name string) *doc.Package {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	require.NoError(t, err)
	p, ok := pkgs[name]
	require.True(t, ok, "package %s not found in %s", name, dir)
	files := make([]*ast.File, 0, len(p.Files))
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range p.Files {
			if !yield(n) {
				return
			}
		}
	}) {
		files = append(files, p.Files[name])
	}
	dp, err := doc.NewFromFiles(fset, files, "github.com/istari-sdk/istari-go/"+dir)
	require.NoError(t, err)
	return dp
}

// TestClientMethodsNamePython fails for an exported *Client method without a doc comment, or whose comment does
// not mention its Python equivalent (or say it is Go-only with the word "Python").
func TestClientMethodsNamePython(t *testing.T) {
	dp := parseRootPackage(t)
	var client *doc.Type
	for _, ty := range dp.Types {
		if ty.Name == "Client" {
			client = ty
		}
	}
	require.NotNil(t, client, "type Client not found")
	require.NotEmpty(t, client.Methods)
	for _, m := range client.Methods {
		if !ast.IsExported(m.Name) || formattingMethods[m.Name] {
			continue
		}
		switch {
		case strings.TrimSpace(m.Doc) == "":
			t.Errorf("Client.%s has no doc comment", m.Name)
		case !strings.HasPrefix(m.Doc, m.Name+" "):
			t.Errorf("Client.%s: doc comment does not start with the method name: %q", m.Name, firstLine(m.Doc))
		case !strings.Contains(m.Doc, "Python"):
			t.Errorf("Client.%s: doc comment does not name the Python equivalent: %q", m.Name, firstLine(m.Doc))
		}
	}
}

// TestExportedNamesDocumented fails for any exported top-level name, or method of an exported type, of the root
// package, types, enums and istaritest without a doc comment (a const/var block documented as a whole counts).
func TestExportedNamesDocumented(t *testing.T) {
	for _, pkg := range []struct{ dir, name string }{
		{".", "istari"}, {"types", "types"}, {"enums", "enums"}, {"istaritest", "istaritest"},
	} {
		t.Run(pkg.name, func(t *testing.T) { checkDocumented(t, parsePackage(t, pkg.dir, pkg.name)) })
	}
}

func checkDocumented(t *testing.T, dp *doc.Package) {
	require.NotEmpty(t, dp.Doc, "package comment")
	check := func(kind, name, text string) {
		if ast.IsExported(name) && strings.TrimSpace(text) == "" {
			t.Errorf("%s.%s: %s has no doc comment", dp.Name, name, kind)
		}
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, n := range v.Names {
				check("value", n, v.Doc)
			}
		}
	}
	values(dp.Consts)
	values(dp.Vars)
	for _, f := range dp.Funcs {
		check("func", f.Name, f.Doc)
	}
	for _, ty := range dp.Types {
		check("type", ty.Name, ty.Doc)
		values(ty.Consts)
		values(ty.Vars)
		for _, f := range ty.Funcs {
			check("func", f.Name, f.Doc)
		}
		for _, m := range ty.Methods {
			check("method", ty.Name+"."+m.Name, m.Doc)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
