package ops

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Report is the comparison of a table with OpenAPI documents. Every list is sorted by ID (Extra by
// operationId) and is empty, not nil, when nothing falls in it.
//
// Reading it: Matched lists every row a document operation serves, with the rule that matched it, and those
// routes are used. Moved, Renamed and Differences say how the used routes differ from the built-in table;
// Refused rows were found but keep their built-in route; Missing rows are absent from the documents and keep
// their built-in route. Rows proposed by istari-go (Section SectionProposed) and rows of excluded sections
// are never Missing: their absence is listed in ProposedAbsent and ExcludedAbsent.
type Report struct {
	// Origin says where the documents came from (a URL, "Configuration.OpenAPISpec", a file name); set by callers.
	Origin string `json:"origin,omitempty"`
	// Total is the number of operations in the compared table.
	Total int `json:"total"`
	// Matched lists the rows whose route is taken from a document, with the rule that matched each.
	Matched []Match `json:"matched"`
	// Moved lists the matched rows whose document method or path differs from the built-in one.
	Moved []Move `json:"moved"`
	// Renamed lists the path parameters a matched row's document route names differently.
	Renamed []Rename `json:"renamed"`
	// Refused lists the rows a document operation was found for but whose route is not used.
	Refused []Refusal `json:"refused"`
	// Differences lists query parameters and request body properties on which a matched row and its document
	// operation disagree.
	Differences []ParamDifference `json:"differences"`
	// Missing lists the rows no document operation serves.
	Missing []string `json:"missing"`
	// ProposedAbsent lists the rows proposed by istari-go that no document operation serves.
	ProposedAbsent []string `json:"proposed_absent"`
	// ExcludedAbsent lists the rows of excluded sections that no document operation serves.
	ExcludedAbsent []string `json:"excluded_absent"`
	// Extra lists the document operations that serve no row: their operationId, or "METHOD path" without one.
	Extra []string `json:"extra"`
}

// Match is a row whose route is taken from a document operation.
type Match struct {
	ID          string `json:"id"`
	Rule        string `json:"rule"` // RuleOperationID, RuleFastAPIID or RuleMethodPath
	OperationID string `json:"operation_id,omitempty"`
	Method      string `json:"method"`
	Path        string `json:"path"`
}

// Move is a matched row whose document route differs from the built-in one.
type Move struct {
	ID            string `json:"id"`
	BuiltinMethod string `json:"builtin_method"`
	BuiltinPath   string `json:"builtin_path"`
	Method        string `json:"method"`
	Path          string `json:"path"`
	Rule          string `json:"rule"`
	Proposed      bool   `json:"proposed,omitempty"`
}

// Rename is a path parameter a document names differently; the SDK's value goes to the document's name.
type Rename struct {
	ID       string `json:"id"`
	Builtin  string `json:"builtin"`
	Document string `json:"document"`
	Proposed bool   `json:"proposed,omitempty"`
}

// Refusal is a row found in a document whose route is not used, and why.
type Refusal struct {
	ID       string `json:"id"`
	Reason   string `json:"reason"`
	Proposed bool   `json:"proposed,omitempty"`
}

// ParamDifference is a query parameter (In "query") or request body property (In "body") on which a row and
// its document operation disagree.
type ParamDifference struct {
	ID       string `json:"id"`
	In       string `json:"in"`
	Name     string `json:"name"`
	Detail   string `json:"detail"`
	Proposed bool   `json:"proposed,omitempty"`
}

func newReport(total int) *Report {
	return &Report{Total: total, Matched: []Match{}, Moved: []Move{}, Renamed: []Rename{}, Refused: []Refusal{},
		Differences: []ParamDifference{}, Missing: []string{}, ProposedAbsent: []string{}, ExcludedAbsent: []string{},
		Extra: []string{}}
}

func (r *Report) refuse(bop Operation, reason string) {
	r.Refused = append(r.Refused, Refusal{ID: bop.ID, Reason: reason, Proposed: bop.Proposed()})
}

func (r *Report) sort() {
	slices.SortFunc(r.Matched, func(a, b Match) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(r.Moved, func(a, b Move) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(r.Renamed, func(a, b Rename) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(r.Refused, func(a, b Refusal) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(r.Differences, func(a, b ParamDifference) int { return cmp.Compare(a.ID, b.ID) })
	slices.Sort(r.Extra)
	r.Extra = slices.Compact(r.Extra)
}

// OK reports whether the documents agree with the table on every row they are expected to hold: nothing
// Missing, and nothing Moved, Renamed, Refused or Different except for proposed rows. Extra operations and
// absent proposed or excluded rows are fine.
func (r *Report) OK() bool {
	return len(r.Missing) == 0 && r.findings(false) == 0
}

// AllMatched is OK, with the proposed rows held to the same standard: present, and with no finding.
func (r *Report) AllMatched() bool {
	return r.OK() && len(r.ProposedAbsent) == 0 && r.findings(true) == 0
}

// findings counts the Moved, Renamed, Refused and Differences entries of proposed rows (or of the others).
func (r *Report) findings(proposed bool) int {
	n := 0
	for _, m := range r.Moved {
		n += b2i(m.Proposed == proposed)
	}
	for _, m := range r.Renamed {
		n += b2i(m.Proposed == proposed)
	}
	for _, m := range r.Refused {
		n += b2i(m.Proposed == proposed)
	}
	for _, m := range r.Differences {
		n += b2i(m.Proposed == proposed)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Summary is the one-line count of the report, as WriteText ends with it.
func (r *Report) Summary() string {
	byRule := map[string]int{}
	for _, m := range r.Matched {
		byRule[m.Rule]++
	}
	return fmt.Sprintf("%d operations: %d matched (%d by operation id, %d by FastAPI id, %d by method+path), "+
		"%d moved, %d renamed parameters, %d refused, %d parameter differences, %d missing, %d proposed absent, "+
		"%d excluded absent; %d extra in document",
		r.Total, len(r.Matched), byRule[RuleOperationID], byRule[RuleFastAPIID], byRule[RuleMethodPath],
		len(r.Moved), len(r.Renamed), len(r.Refused), len(r.Differences), len(r.Missing), len(r.ProposedAbsent),
		len(r.ExcludedAbsent), len(r.Extra))
}

// WriteText writes the report for humans: one line per finding, grouped and in a stable order (rows matched
// by method and path, moved, renamed, refused, query and body differences, missing, proposed and excluded
// absent, extra), then the Summary line. A finding on a proposed row ends with "(proposed)".
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	mark := func(proposed bool) string {
		if proposed {
			return " (proposed)"
		}
		return ""
	}
	if r.Origin != "" {
		fmt.Fprintf(&b, "routes from %s\n", r.Origin)
	}
	for _, m := range r.Matched {
		if m.Rule == RuleMethodPath {
			fmt.Fprintf(&b, "matched    %s: by method and path %s %s (document operationId %q)\n", m.ID, m.Method, m.Path, m.OperationID)
		}
	}
	for _, m := range r.Moved {
		fmt.Fprintf(&b, "moved      %s: %s %s -> %s %s (by %s)%s\n", m.ID, m.BuiltinMethod, m.BuiltinPath, m.Method, m.Path, m.Rule, mark(m.Proposed))
	}
	for _, m := range r.Renamed {
		fmt.Fprintf(&b, "renamed    %s: {%s} -> {%s}%s\n", m.ID, m.Builtin, m.Document, mark(m.Proposed))
	}
	for _, m := range r.Refused {
		fmt.Fprintf(&b, "refused    %s: %s; built-in route kept%s\n", m.ID, m.Reason, mark(m.Proposed))
	}
	for _, d := range r.Differences {
		fmt.Fprintf(&b, "%-10s %s: %q %s%s\n", d.In, d.ID, d.Name, d.Detail, mark(d.Proposed))
	}
	for _, id := range r.Missing {
		fmt.Fprintf(&b, "missing    %s: built-in route kept\n", id)
	}
	for _, id := range r.ProposedAbsent {
		fmt.Fprintf(&b, "proposed   %s: absent (a route istari-go proposes; built-in route kept)\n", id)
	}
	for _, id := range r.ExcludedAbsent {
		fmt.Fprintf(&b, "excluded   %s: absent (not expected in this document)\n", id)
	}
	for _, id := range r.Extra {
		fmt.Fprintf(&b, "extra      %s\n", id)
	}
	b.WriteString(r.Summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
