package ops

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Table is a set of operations keyed by id. It is immutable after construction and safe for concurrent use.
type Table struct {
	ops    []Operation        // sorted by ID
	byID   map[string]int     // id -> index in ops
	routes map[string][]route // method -> routes of that method
}

// route is a parsed row used by Match.
type route struct {
	idx  int
	segs []segment
}

// mustTable builds a table from rows, a later row replacing an earlier one with the same id. It panics on a row
// that fails [Operation.Validate]. An empty Source becomes SourceBuiltin.
func mustTable(rows []Operation) *Table {
	byID := make(map[string]Operation, len(rows))
	for _, o := range rows {
		if err := o.Validate(); err != nil {
			panic(err)
		}
		if o.Source == "" {
			o.Source = SourceBuiltin
		}
		byID[o.ID] = o
	}
	t := &Table{
		ops:    slices.SortedFunc(maps.Values(byID), func(a, b Operation) int { return cmp.Compare(a.ID, b.ID) }),
		byID:   make(map[string]int, len(byID)),
		routes: map[string][]route{},
	}
	for i, o := range t.ops {
		t.byID[o.ID] = i
		segs, _ := parseTemplate(o.Path) // validated above
		t.routes[o.Method] = append(t.routes[o.Method], route{idx: i, segs: segs})
	}
	return t
}

// Lookup returns the operation with the given id.
func (t *Table) Lookup(id string) (Operation, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Operation{}, false
	}
	return t.ops[i], true
}

// All returns a copy of every operation, sorted by ID.
func (t *Table) All() []Operation { return slices.Clone(t.ops) }

// Len returns the number of operations.
func (t *Table) Len() int { return len(t.ops) }

// With returns a copy of t with ops added, an op replacing the row of the same id. t itself is unchanged.
// An op with an empty Source gets SourceBuiltin. With panics if an op fails [Operation.Validate]: rows are
// program data, and a malformed one is a bug.
func (t *Table) With(ops ...Operation) *Table {
	for _, o := range ops {
		if err := o.Validate(); err != nil {
			panic(fmt.Sprintf("ops.Table.With: %v", err))
		}
	}
	return mustTable(slices.Concat(t.ops, ops))
}
