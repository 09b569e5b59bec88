package ops

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestBuiltinMatchesOperationsMD re-reads the wire operation tables of the registry's operation list (a
// Markdown document) and compares every cell the table transcribes. The document is not part of the module:
// set ISTARI_SPEC_TABLE to its path to run the test (`make test` does when the document is checked out beside
// the module).
func TestBuiltinMatchesOperationsMD(t *testing.T) {
	path := os.Getenv("ISTARI_SPEC_TABLE")
	if path == "" {
		t.Skip("ISTARI_SPEC_TABLE not set")
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := parseOperationsMD(string(md))
	if len(want) != 168 {
		t.Errorf("the operation list has %d wire operation rows, want 168", len(want))
	}
	table := Builtin()
	for _, w := range want {
		got, ok := table.Lookup(w.ID)
		w.Source = SourceBuiltin
		if !ok || got != w {
			t.Errorf("%s: table %+v, operation list %+v", w.ID, got, w)
		}
	}
	if table.Len() != len(want)+len(multipartOps) {
		t.Errorf("table has %d rows, the operation list %d plus %d proposed", table.Len(), len(want), len(multipartOps))
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
