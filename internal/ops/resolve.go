package ops

import (
	"fmt"
	"slices"
	"strings"
)

// Resolve returns a copy of base whose rows take their method and path from the OpenAPI 3.x JSON document spec
// (Source SourceOpenAPI), and the report of [Diff]. A row keeps its built-in route (Source SourceBuiltin) when
// the document lacks its id, lists it as Invalid, or gives it path parameters that cannot be passed positionally
// in the built-in order (a ParamMismatch with Applied false). ID, GoName, Confidence and Section always come from
// base.
//
// A document operation names a row when its operationId equals the row's id, or, failing that, equals the id
// followed by the suffix FastAPI's default unique-id function derives from that operation's own path and method
// ("list_files_api_v2_files_get" for GET /api/v2/files). No other suffix or prefix is ever stripped.
// An exact operationId wins over a suffixed one; the suffixed one is then reported as Extra.
func Resolve(spec []byte, base *Table) (*Table, *Report, error) {
	rep, applied, err := analyze(spec, base)
	if err != nil {
		return nil, nil, err
	}
	return base.With(applied...), rep, nil
}

// Diff compares base with the OpenAPI 3.x JSON document spec, matching operations as [Resolve] does.
// Malformed JSON, a document without an "openapi" 3.x version, or a paths entry that is not an object is an
// error.
func Diff(spec []byte, base *Table) (*Report, error) {
	rep, _, err := analyze(spec, base)
	return rep, err
}

// candidate is a document operation that names a table row.
type candidate struct {
	op    specOp
	exact bool
}

// analyze builds the report and the rows Resolve applies.
func analyze(spec []byte, base *Table) (*Report, []Operation, error) {
	specOps, err := parseSpec(spec)
	if err != nil {
		return nil, nil, err
	}
	rep := &Report{
		Total: base.Len(), Matched: []string{}, Missing: []string{}, Different: []Difference{},
		ParamMismatch: []ParamMismatch{}, Invalid: []Invalid{}, Extra: []string{},
	}
	byID := map[string][]candidate{}
	for _, so := range specOps {
		if id, exact, ok := nameOf(so, base); ok {
			byID[id] = append(byID[id], candidate{so, exact})
		} else {
			rep.Extra = append(rep.Extra, so.operationID)
		}
	}
	var applied []Operation
	for _, bop := range base.All() {
		cands := byID[bop.ID]
		if len(cands) == 0 {
			rep.Missing = append(rep.Missing, bop.ID)
			continue
		}
		chosen, extra := choose(cands)
		rep.Extra = append(rep.Extra, extra...)
		if len(chosen) > 1 {
			var where []string
			for _, c := range chosen {
				where = append(where, c.op.method+" "+c.op.path)
			}
			rep.Invalid = append(rep.Invalid, Invalid{ID: bop.ID,
				Reason: fmt.Sprintf("operationId appears %d times (%s)", len(chosen), strings.Join(where, "; "))})
			continue
		}
		if op, ok := compare(rep, bop, chosen[0].op); ok {
			applied = append(applied, op)
		}
	}
	slices.Sort(rep.Extra)
	rep.Extra = slices.Compact(rep.Extra)
	return rep, applied, nil
}

// nameOf returns the table id a document operation names: its exact operationId, or the operationId without the
// FastAPI suffix of its own path and method.
func nameOf(so specOp, base *Table) (id string, exact, ok bool) {
	if _, ok := base.Lookup(so.operationID); ok {
		return so.operationID, true, true
	}
	suffix := fastAPISuffix(so.method, so.path)
	if prefix, found := strings.CutSuffix(so.operationID, suffix); found && prefix != "" {
		if _, ok := base.Lookup(prefix); ok {
			return prefix, false, true
		}
	}
	return "", false, false
}

// choose keeps the exact candidates when there are any, else the suffixed ones; it returns the operationIds of
// the suffixed candidates it drops.
func choose(cands []candidate) (chosen []candidate, dropped []string) {
	hasExact := slices.ContainsFunc(cands, func(c candidate) bool { return c.exact })
	for _, c := range cands {
		if c.exact == hasExact {
			chosen = append(chosen, c)
		} else {
			dropped = append(dropped, c.op.operationID)
		}
	}
	return chosen, dropped
}

// compare records how the document route so of bop differs and returns the row Resolve applies, if any.
func compare(rep *Report, bop Operation, so specOp) (Operation, bool) {
	if !allowedMethods[so.method] {
		rep.Invalid = append(rep.Invalid, Invalid{ID: bop.ID,
			Reason: fmt.Sprintf("method %s not supported (%s %s)", so.method, so.method, so.path)})
		return Operation{}, false
	}
	specSegs, err := parseTemplate(so.path)
	if err != nil {
		rep.Invalid = append(rep.Invalid, Invalid{ID: bop.ID, Reason: err.Error()})
		return Operation{}, false
	}
	builtinSegs, _ := parseTemplate(bop.Path) // base rows are validated
	if bop.Method != so.method || shape(builtinSegs) != shape(specSegs) {
		rep.Different = append(rep.Different, Difference{ID: bop.ID,
			BuiltinMethod: bop.Method, BuiltinPath: bop.Path, SpecMethod: so.method, SpecPath: so.path})
	}
	sop := Operation{ID: bop.ID, Method: so.method, Path: so.path}
	bParams, sParams := nonNil(bop.Params()), nonNil(sop.Params())
	positional := positionalCompatible(bParams, sParams)
	if !slices.Equal(bParams, sParams) {
		rep.ParamMismatch = append(rep.ParamMismatch, ParamMismatch{ID: bop.ID,
			BuiltinParams: bParams, SpecParams: sParams, Applied: positional})
	} else if bop.Method == so.method && bop.Path == so.path {
		rep.Matched = append(rep.Matched, bop.ID)
	}
	if !positional {
		return Operation{}, false
	}
	out := bop
	out.Method, out.Path, out.Source = so.method, so.path, SourceOpenAPI
	return out, true
}

// shape renders a template with every parameter name removed, so routes compare regardless of names.
func shape(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if s.param {
			b.WriteString("{}")
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// positionalCompatible reports whether values given in the order of builtin fill spec correctly: the counts
// are equal and no name present in both lists is at a different position.
func positionalCompatible(builtin, spec []string) bool {
	if len(builtin) != len(spec) {
		return false
	}
	for i, name := range builtin {
		if j := slices.Index(spec, name); j >= 0 && j != i {
			return false
		}
	}
	return true
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
