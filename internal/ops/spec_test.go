package ops

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestBuiltinMatchesOperationsMD re-reads the wire operation tables of operations.md and compares every cell the
// table transcribes. The spec is not part of the module: set ISTARI_SPEC_DIR to the directory holding
// operations.md to run it (e.g. ISTARI_SPEC_DIR=/work/shared/spec go test ./internal/ops).
func TestBuiltinMatchesOperationsMD(t *testing.T) {
	dir := os.Getenv("ISTARI_SPEC_DIR")
	if dir == "" {
		t.Skip("ISTARI_SPEC_DIR not set")
	}
	md, err := os.ReadFile(filepath.Join(dir, "operations.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := parseOperationsMD(string(md))
	if len(want) != 168 {
		t.Errorf("operations.md has %d wire operation rows, want 168", len(want))
	}
	table := Builtin()
	for _, w := range want {
		got, ok := table.Lookup(w.ID)
		w.Source = SourceBuiltin
		got.Query, got.Body = nil, nil
		if !ok || !reflect.DeepEqual(got, w) {
			t.Errorf("%s: table %+v, operations.md %+v", w.ID, got, w)
		}
	}
	if table.Len() != len(want)+len(multipartOps) {
		t.Errorf("table has %d rows, operations.md %d plus %d proposed", table.Len(), len(want), len(multipartOps))
	}
}

var (
	mdHeading = regexp.MustCompile(`^#{2,3} (\d+(?:\.\d+)?)\.? `)
	mdCellSep = regexp.MustCompile(`(^|[^\\])\|`)
)

// parseOperationsMD returns the rows of every table whose header starts with "| operation_id |".
func parseOperationsMD(md string) []Operation {
	var rows []Operation
	section, inTable := "", false
	for line := range strings.SplitSeq(md, "\n") {
		if m := mdHeading.FindStringSubmatch(line); m != nil {
			section, inTable = m[1], false
			continue
		}
		if strings.HasPrefix(line, "| operation_id |") {
			inTable = true
			continue
		}
		if !inTable || strings.HasPrefix(line, "|---") {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		cells := strings.Split(mdCellSep.ReplaceAllString(strings.Trim(line, "| "), "$1\x00"), "\x00")
		clean := func(i int) string { return strings.Trim(strings.TrimSpace(cells[i]), "`*") }
		rows = append(rows, Operation{ID: clean(0), GoName: clean(1), Method: clean(2), Path: clean(3),
			Confidence: Confidence(clean(8)), Section: section})
	}
	return rows
}
