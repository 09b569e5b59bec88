package ops

import (
	"fmt"
	"slices"
	"strings"
)

// Rules by which a document operation is taken to serve a table row, in the order they are tried.
const (
	// RuleOperationID: the document's operationId equals the row's id.
	RuleOperationID = "operation_id"
	// RuleFastAPIID: the operationId is the row's id followed by the suffix FastAPI's default unique-id function
	// derives from that operation's own path and method ("list_files_api_v2_files_get").
	RuleFastAPIID = "fastapi_id"
	// RuleMethodPath: no operationId names the row, and exactly one otherwise unclaimed document operation has
	// the row's method and a route of the same shape (the same literal segments, parameters in the same places),
	// as a whole or after the base paths (the document's server base, the built-in "/api/v2").
	RuleMethodPath = "method_path"
)

// Options tune how documents are compared with a table.
type Options struct {
	// BasePath is the path of the registry base URL routes are appended to ("" for a bare host, "/registry"
	// behind the gateway). A document's server base path is joined to its paths once, without the part the base
	// URL already holds.
	BasePath string
	// ExcludeSections lists sections whose rows the documents are not expected to hold (another service's
	// operations): they are matched when present, and reported as ExcludedAbsent, not Missing, when absent.
	ExcludeSections []string
}

// Resolve returns a copy of base whose rows take their method and path from the OpenAPI 3.x documents (JSON or
// YAML; several documents are read as one, e.g. the registry's and the storage API's), and the report of the
// comparison. A row a document operation serves gets Source SourceOpenAPI; a row keeps its built-in route when no
// operation serves it or when the match is refused (listed in Report.Refused). ID, GoName, Confidence, Section,
// Query and Body always come from base.
//
// Path parameters are mapped by name when the document uses the row's names, in any order. A renamed parameter
// is mapped by its position only when the document proves it: it is the only renamed one, or every renamed
// parameter follows the same literal segment in both routes. Otherwise the match is refused: values would land
// in the wrong segments.
func Resolve(base *Table, opts Options, docs ...[]byte) (*Table, *Report, error) {
	rep, applied, err := analyze(base, opts, docs)
	if err != nil {
		return nil, nil, err
	}
	return base.With(applied...), rep, nil
}

// Diff compares base with the OpenAPI 3.x documents, matching operations as [Resolve] does. A document that
// is neither JSON nor YAML, has no "openapi" 3.x version, or has a paths entry that is not an object is an error.
func Diff(base *Table, opts Options, docs ...[]byte) (*Report, error) {
	rep, _, err := analyze(base, opts, docs)
	return rep, err
}

// candidate is a document operation (an index into the parsed operations) that names a table row.
type candidate struct {
	idx  int
	rule string
}

// analyze builds the report and the rows Resolve applies.
func analyze(base *Table, opts Options, docs [][]byte) (*Report, []Operation, error) {
	var specOps []specOp
	for i, d := range docs {
		parsed, err := parseSpec(d, opts.BasePath)
		if err != nil {
			if len(docs) > 1 {
				err = fmt.Errorf("document %d: %w", i+1, err)
			}
			return nil, nil, err
		}
		specOps = append(specOps, parsed...)
	}
	rep := newReport(base.Len())
	byID := map[string][]candidate{}
	claimed := make([]bool, len(specOps))
	for i, so := range specOps {
		if id, rule, ok := nameOf(so, base); ok {
			byID[id] = append(byID[id], candidate{i, rule})
			claimed[i] = true
		}
	}
	// Rule 3: method and route shape, among the operations no id claimed and the rows no id names.
	byShape := map[string][]int{}
	for i, so := range specOps {
		if !claimed[i] {
			for _, k := range opShapes(so) {
				byShape[k] = append(byShape[k], i)
			}
		}
	}
	rowsByShape := map[string]int{}
	for _, bop := range base.All() {
		if len(byID[bop.ID]) == 0 {
			for _, k := range rowShapes(bop) {
				rowsByShape[k]++
			}
		}
	}
	excluded := map[string]bool{}
	for _, s := range opts.ExcludeSections {
		excluded[s] = true
	}
	var applied []Operation
	for _, bop := range base.All() {
		cands := byID[bop.ID]
		if len(cands) == 0 {
			var idx []int
			rows := 0
			for _, k := range rowShapes(bop) {
				if len(byShape[k]) > 0 {
					idx = append(idx, byShape[k]...)
					rows = max(rows, rowsByShape[k])
				}
			}
			slices.Sort(idx)
			switch idx = slices.Compact(idx); {
			case len(idx) == 1 && rows == 1:
				cands = []candidate{{idx[0], RuleMethodPath}}
				claimed[idx[0]] = true
			case len(idx) > 0:
				rep.refuse(bop, fmt.Sprintf("no operationId names it and %d document operations share its method and route shape with %d rows (%s)",
					len(idx), rows, where(specOps, idx)))
				continue
			}
		}
		if len(cands) == 0 {
			switch {
			case bop.Proposed():
				rep.ProposedAbsent = append(rep.ProposedAbsent, bop.ID)
			case excluded[bop.Section]:
				rep.ExcludedAbsent = append(rep.ExcludedAbsent, bop.ID)
			default:
				rep.Missing = append(rep.Missing, bop.ID)
			}
			continue
		}
		chosen, dropped := choose(cands)
		for _, c := range dropped {
			claimed[c.idx] = false // reported as extra
		}
		if len(chosen) > 1 {
			idx := make([]int, len(chosen))
			for i, c := range chosen {
				idx[i] = c.idx
			}
			rep.refuse(bop, fmt.Sprintf("operationId appears %d times (%s)", len(chosen), where(specOps, idx)))
			continue
		}
		if op, ok := rep.compare(bop, specOps[chosen[0].idx], chosen[0].rule); ok {
			applied = append(applied, op)
		}
	}
	for i, so := range specOps {
		if !claimed[i] {
			rep.Extra = append(rep.Extra, orElse(so.operationID, so.method+" "+so.path))
		}
	}
	rep.sort()
	return rep, applied, nil
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func where(specOps []specOp, idx []int) string {
	var w []string
	for _, i := range idx {
		w = append(w, specOps[i].method+" "+specOps[i].path)
	}
	return strings.Join(w, "; ")
}

// nameOf returns the table id a document operation names and the rule: its exact operationId, or the
// operationId without the FastAPI suffix of its own path (as written, or as joined to the server base) and method.
func nameOf(so specOp, base *Table) (id, rule string, ok bool) {
	if so.operationID == "" {
		return "", "", false
	}
	if _, ok := base.Lookup(so.operationID); ok {
		return so.operationID, RuleOperationID, true
	}
	for _, p := range []string{so.docPath, so.path} {
		if prefix, found := strings.CutSuffix(so.operationID, fastAPISuffix(so.method, p)); found && prefix != "" {
			if _, ok := base.Lookup(prefix); ok {
				return prefix, RuleFastAPIID, true
			}
		}
	}
	return "", "", false
}

// choose keeps the candidates of the strongest rule present and returns the others.
func choose(cands []candidate) (chosen, dropped []candidate) {
	best := RuleMethodPath
	for _, c := range cands {
		if rank(c.rule) < rank(best) {
			best = c.rule
		}
	}
	for _, c := range cands {
		if c.rule == best {
			chosen = append(chosen, c)
		} else {
			dropped = append(dropped, c)
		}
	}
	return chosen, dropped
}

func rank(rule string) int {
	return slices.Index([]string{RuleOperationID, RuleFastAPIID, RuleMethodPath}, rule)
}

// builtinBase is the base path every built-in route starts with.
const builtinBase = "/api/v2"

// rowShapes are the shape keys of a row: its whole route, and its route after the built-in base (compared with
// the paths of a document that has a server base path).
func rowShapes(bop Operation) []string {
	keys := []string{shapeKey(bop.Method, bop.Path)}
	if rest, ok := strings.CutPrefix(bop.Path, builtinBase); ok && strings.HasPrefix(rest, "/") {
		keys = append(keys, "after base "+shapeKey(bop.Method, rest))
	}
	return keys
}

// opShapes are the shape keys of a document operation: its whole route, and, when the document has a server
// base path, its path as written (after that base).
func opShapes(so specOp) []string {
	if _, err := parseTemplate(so.path); err != nil {
		return nil
	}
	keys := []string{shapeKey(so.method, so.path)}
	if so.docPath != so.path {
		keys = append(keys, "after base "+shapeKey(so.method, so.docPath))
	}
	return keys
}

// shapeKey is the method and the route with every parameter name removed ("" for a malformed route).
func shapeKey(method, path string) string {
	segs, err := parseTemplate(path)
	if err != nil {
		return ""
	}
	return method + " " + shape(segs)
}

// compare records how the document operation so serving bop differs and returns the row Resolve applies, if any.
func (rep *Report) compare(bop Operation, so specOp, rule string) (Operation, bool) {
	if !allowedMethods[so.method] {
		rep.refuse(bop, fmt.Sprintf("method %s not supported (%s %s)", so.method, so.method, so.path))
		return Operation{}, false
	}
	specSegs, err := parseTemplate(so.path)
	if err != nil {
		rep.refuse(bop, err.Error())
		return Operation{}, false
	}
	builtinSegs, _ := parseTemplate(bop.Path) // base rows are validated
	sop := Operation{ID: bop.ID, Method: so.method, Path: so.path}
	sParams := sop.Params()
	if so.pathParams != nil && !sameSet(so.pathParams, sParams) {
		rep.refuse(bop, fmt.Sprintf("the document declares path parameters [%s] but its route %s has [%s]",
			strings.Join(so.pathParams, ", "), so.path, strings.Join(sParams, ", ")))
		return Operation{}, false
	}
	args, reason := mapParams(bop.ArgNames(), sParams, builtinSegs, specSegs)
	if reason != "" {
		rep.refuse(bop, fmt.Sprintf("%s (document route %s %s)", reason, so.method, so.path))
		return Operation{}, false
	}
	names := bop.ArgNames()
	back := map[string]string{} // document name -> built-in name
	for i, a := range args {
		back[a] = names[i]
		if a != names[i] {
			rep.Renamed = append(rep.Renamed, Rename{ID: bop.ID, Builtin: names[i], Document: a, Proposed: bop.Proposed()})
		}
	}
	if so.method != bop.Method || renameParams(specSegs, back) != bop.Path {
		rep.Moved = append(rep.Moved, Move{ID: bop.ID, BuiltinMethod: bop.Method, BuiltinPath: bop.Path,
			Method: so.method, Path: so.path, Rule: rule, Proposed: bop.Proposed()})
	}
	rep.compareQuery(bop, so)
	rep.compareBody(bop, so)
	rep.Matched = append(rep.Matched, Match{ID: bop.ID, Rule: rule, OperationID: so.operationID, Method: so.method, Path: so.path})
	out := bop
	out.Method, out.Path, out.Source, out.Args = so.method, so.path, SourceOpenAPI, nil
	if !slices.Equal(args, sParams) {
		out.Args = args
	}
	return out, true
}

// mapParams returns, for each built-in parameter name (in call order), the document parameter that receives
// its value, or the reason no mapping is proven.
func mapParams(builtin, spec []string, bSegs, sSegs []segment) (args []string, reason string) {
	if len(builtin) != len(spec) {
		return nil, fmt.Sprintf("the document route has %d path parameters, the SDK passes %d", len(spec), len(builtin))
	}
	args = make([]string, len(builtin))
	var leftB []int
	for i, n := range builtin {
		if slices.Contains(spec, n) {
			args[i] = n
		} else {
			leftB = append(leftB, i)
		}
	}
	var leftS []string
	for _, n := range spec {
		if !slices.Contains(builtin, n) {
			leftS = append(leftS, n)
		}
	}
	switch {
	case len(leftB) == 0:
		return args, ""
	case len(leftB) == 1:
		args[leftB[0]] = leftS[0]
		return args, ""
	}
	// Several renamed: each must follow the same literal segment in both routes, a different one for each.
	byAnchor := map[string]string{}
	for _, n := range leftS {
		a := anchor(sSegs, n)
		if a == "" || byAnchor[a] != "" {
			return nil, renamedReason(builtin, leftB, leftS)
		}
		byAnchor[a] = n
	}
	for _, i := range leftB {
		n, ok := byAnchor[anchor(bSegs, builtin[i])]
		if !ok {
			return nil, renamedReason(builtin, leftB, leftS)
		}
		args[i] = n
		delete(byAnchor, anchor(bSegs, builtin[i]))
	}
	return args, ""
}

func renamedReason(builtin []string, leftB []int, leftS []string) string {
	var b []string
	for _, i := range leftB {
		b = append(b, builtin[i])
	}
	return fmt.Sprintf("path parameters [%s] are renamed [%s] and the document does not prove which is which",
		strings.Join(b, ", "), strings.Join(leftS, ", "))
}

// anchor returns the literal segment right before parameter name, or "" when there is none.
func anchor(segs []segment, name string) string {
	for i, s := range segs {
		if s.param && s.text == name {
			if i > 0 && !segs[i-1].param {
				return segs[i-1].text
			}
			return ""
		}
	}
	return ""
}

// renameParams renders segs with each parameter renamed through back (names not in back are kept).
func renameParams(segs []segment, back map[string]string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if !s.param {
			b.WriteString(s.text)
			continue
		}
		b.WriteString("{" + orElse(back[s.text], s.text) + "}" + s.suffix)
	}
	return b.String()
}

// compareQuery reports the query parameters the SDK sends that the document lacks, those whose required-ness
// differs, and those the document requires that the SDK does not send. It needs both lists.
func (rep *Report) compareQuery(bop Operation, so specOp) {
	if bop.Query == nil || so.query == nil {
		return
	}
	diff := func(name, detail string) {
		rep.Differences = append(rep.Differences, ParamDifference{ID: bop.ID, In: "query", Name: name, Detail: detail, Proposed: bop.Proposed()})
	}
	for _, q := range bop.Query {
		i := slices.IndexFunc(so.query, func(d QueryParam) bool { return d.Name == q.Name })
		switch {
		case i < 0:
			diff(q.Name, "sent by the SDK, not in the document"+candidates(so.query, bop.Query))
		case so.query[i].Required && !q.Required:
			diff(q.Name, "required by the document, optional in the SDK")
		case !so.query[i].Required && q.Required:
			diff(q.Name, "optional in the document, required by the SDK")
		}
	}
	for _, d := range so.query {
		if d.Required && !slices.ContainsFunc(bop.Query, func(q QueryParam) bool { return q.Name == d.Name }) {
			diff(d.Name, "required by the document, not sent by the SDK")
		}
	}
}

// candidates names the document's query parameters the SDK does not know, as a hint for a rename.
func candidates(doc, sdk []QueryParam) string {
	var unknown []string
	for _, d := range doc {
		if !slices.ContainsFunc(sdk, func(q QueryParam) bool { return q.Name == d.Name }) {
			unknown = append(unknown, d.Name)
		}
	}
	if len(unknown) == 0 {
		return ""
	}
	return " (the document also has: " + strings.Join(unknown, ", ") + ")"
}

// compareBody reports the body properties the SDK sends that the document's schema lacks, and the properties
// the document requires that the SDK does not send. It needs both lists.
func (rep *Report) compareBody(bop Operation, so specOp) {
	if bop.Body == nil || so.body == nil {
		return
	}
	for _, p := range bop.Body {
		if !slices.Contains(so.body, p) {
			rep.Differences = append(rep.Differences, ParamDifference{ID: bop.ID, In: "body", Name: p,
				Detail: "sent by the SDK, not in the document's request body", Proposed: bop.Proposed()})
		}
	}
	for _, p := range so.bodyReq {
		if !slices.Contains(bop.Body, p) {
			rep.Differences = append(rep.Differences, ParamDifference{ID: bop.ID, In: "body", Name: p,
				Detail: "required by the document, not sent by the SDK", Proposed: bop.Proposed()})
		}
	}
}

// shape renders a template with every parameter name removed, so routes compare regardless of names.
func shape(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if s.param {
			b.WriteString("{}" + s.suffix)
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
