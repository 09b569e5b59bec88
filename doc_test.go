package istari

import (
	"bufio"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
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

const pythonToGoDoc = "docs/python-to-go.md"

// goOnlyHeading starts the section of Go-only helpers; every table before it maps Python names to Go names.
const goOnlyHeading = "## Go-only helpers"

// tableRow matches a Markdown table row whose first two cells start with backticked names:
// "| `python_name` | `GoName` | ..." in the mapping tables, "| `GoName` | ..." in the Go-only table.
var tableRow = regexp.MustCompile("^\\|\\s*`([A-Za-z_.]+)`[^|]*\\|\\s*(?:`([A-Za-z]+)`)?")

// pythonToGo is the parsed docs/python-to-go.md.
type pythonToGo struct {
	mapped map[string][]string // Go name -> Python names
	goOnly map[string]bool
}

func parsePythonToGo(t *testing.T) pythonToGo {
	t.Helper()
	f, err := os.Open(pythonToGoDoc)
	require.NoError(t, err)
	defer f.Close()
	doc := pythonToGo{mapped: map[string][]string{}, goOnly: map[string]bool{}}
	inGoOnly := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			inGoOnly = strings.HasPrefix(line, goOnlyHeading)
			continue
		}
		m := tableRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if inGoOnly {
			doc.goOnly[m[1]] = true
			continue
		}
		require.NotEmpty(t, m[2], "mapping row without a backticked Go name: %s", line)
		doc.mapped[m[2]] = append(doc.mapped[m[2]], m[1])
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, doc.mapped, "no mapping rows parsed")
	require.NotEmpty(t, doc.goOnly, "no Go-only rows parsed")
	return doc
}

func TestPythonToGoNamesAreClientMethods(t *testing.T) {
	doc := parsePythonToGo(t)
	client := reflect.TypeFor[*Client]()
	check := func(name, where string) {
		if _, ok := client.MethodByName(name); !ok {
			t.Errorf("%s lists %s (%s), which is not a method of *Client", pythonToGoDoc, name, where)
		}
	}
	for goName, py := range doc.mapped {
		check(goName, "Python "+strings.Join(py, ", "))
	}
	for goName := range doc.goOnly {
		check(goName, "Go-only helpers")
		if _, dup := doc.mapped[goName]; dup {
			t.Errorf("%s is both mapped to Python and listed as Go-only", goName)
		}
	}
}

func TestPythonToGoCoversOperationTable(t *testing.T) {
	doc := parsePythonToGo(t)
	n := 0
	for _, op := range ops.Builtin().All() {
		if op.Section == ops.SectionProposed || !isExported(op.GoName) {
			continue
		}
		n++
		py, ok := doc.mapped[op.GoName]
		if !ok {
			t.Errorf("operation %s (%s, §%s) is missing from %s", op.ID, op.GoName, op.Section, pythonToGoDoc)
			continue
		}
		if !slices.Contains(py, op.ID) {
			t.Errorf("%s is mapped from %v in %s, want the operation id %s", op.GoName, py, pythonToGoDoc, op.ID)
		}
	}
	require.Positive(t, n)
}

// formattingMethods are the fmt and slog interface methods that keep a *Client's secrets out of output;
// they are not API of their own.
var formattingMethods = map[string]bool{"String": true, "GoString": true, "Format": true, "LogValue": true}

func TestPythonToGoCoversClientMethods(t *testing.T) {
	doc := parsePythonToGo(t)
	client := reflect.TypeFor[*Client]()
	for i := range client.NumMethod() {
		name := client.Method(i).Name
		if formattingMethods[name] {
			continue
		}
		if _, ok := doc.mapped[name]; !ok && !doc.goOnly[name] {
			t.Errorf("*Client.%s is in neither the Python mapping nor the Go-only helpers of %s", name, pythonToGoDoc)
		}
	}
}

func isExported(name string) bool { return name != "" && name[0] >= 'A' && name[0] <= 'Z' }
