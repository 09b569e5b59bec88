package ops

import (
	"fmt"
	"io"
	"strings"
)

// Report compares a table with an OpenAPI document. Every list is sorted by ID (Extra by operationId) and is
// empty, not nil, when nothing falls in it. An id can be both in Different and in ParamMismatch.
type Report struct {
	// Total is the number of operations in the compared table.
	Total int `json:"total"`
	// Matched lists the ids whose spec method and path equal the table's exactly.
	Matched []string `json:"matched"`
	// Missing lists the ids of the table that no operationId of the spec names.
	Missing []string `json:"missing"`
	// Different lists the ids whose spec route differs in method, or in path ignoring parameter names.
	Different []Difference `json:"different"`
	// ParamMismatch lists the ids whose spec path parameters differ in count or names from the table's.
	ParamMismatch []ParamMismatch `json:"param_mismatch"`
	// Invalid lists the ids found in the spec whose route cannot be used (see [Invalid]).
	Invalid []Invalid `json:"invalid"`
	// Extra lists the operationIds of the spec that name no operation of the table.
	Extra []string `json:"extra"`
}

// Difference is an operation whose route in the spec differs from the table's.
type Difference struct {
	ID            string `json:"id"`
	BuiltinMethod string `json:"builtin_method"`
	BuiltinPath   string `json:"builtin_path"`
	SpecMethod    string `json:"spec_method"`
	SpecPath      string `json:"spec_path"`
}

// ParamMismatch is an operation whose spec path parameters differ from the table's, in count or in names.
// Callers pass path parameters positionally, so [Resolve] applies the spec route (Applied true) only when the
// counts are equal and no name present in both lists sits at a different position.
type ParamMismatch struct {
	ID            string   `json:"id"`
	BuiltinParams []string `json:"builtin_params"`
	SpecParams    []string `json:"spec_params"`
	Applied       bool     `json:"applied"`
}

// Invalid is an operation found in the spec whose route is not applied: its operationId appears more than once,
// its method is not one of GET, POST, PUT, PATCH, DELETE, or its path template has a parameter that is not a
// whole segment.
type Invalid struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
}

// OK reports whether the spec agrees with the table: nothing Missing, Different, ParamMismatch or Invalid.
// Extra operations alone are fine.
func (r *Report) OK() bool {
	return len(r.Missing) == 0 && len(r.Different) == 0 && len(r.ParamMismatch) == 0 && len(r.Invalid) == 0
}

// WriteText writes the report for humans: one line per finding, grouped and in a stable order, then a summary
// line "N operations: M match, D differ, P param mismatch, I invalid, X missing; E extra in spec".
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Different {
		fmt.Fprintf(&b, "different  %s: builtin %s %s, spec %s %s\n", d.ID, d.BuiltinMethod, d.BuiltinPath, d.SpecMethod, d.SpecPath)
	}
	for _, p := range r.ParamMismatch {
		applied := "spec route applied"
		if !p.Applied {
			applied = "spec route NOT applied"
		}
		fmt.Fprintf(&b, "params     %s: builtin [%s], spec [%s] (%s)\n", p.ID,
			strings.Join(p.BuiltinParams, ", "), strings.Join(p.SpecParams, ", "), applied)
	}
	for _, i := range r.Invalid {
		fmt.Fprintf(&b, "invalid    %s: %s\n", i.ID, i.Reason)
	}
	for _, id := range r.Missing {
		fmt.Fprintf(&b, "missing    %s\n", id)
	}
	for _, id := range r.Extra {
		fmt.Fprintf(&b, "extra      %s\n", id)
	}
	fmt.Fprintf(&b, "%d operations: %d match, %d differ, %d param mismatch, %d invalid, %d missing; %d extra in spec\n",
		r.Total, len(r.Matched), len(r.Different), len(r.ParamMismatch), len(r.Invalid), len(r.Missing), len(r.Extra))
	_, err := io.WriteString(w, b.String())
	return err
}
