package ops

import (
	"slices"
	"sync"
)

// builtinRows combines the per-section tables (table_*.go) into the built-in row list.
func builtinRows() []Operation {
	rows := slices.Concat(
		filesOps,     // §3
		jobsOps,      // §4
		systemsOps,   // §5
		accessOps,    // §6
		infosecOps,   // §7
		documentsOps, // §8
		agentsOps,    // §9
		adminOps,     // §10
		healthOps,    // §11
		storageOps,   // §12
		multipartOps, // §12, the multipart storage calls
	)
	for i := range rows {
		if w, ok := wireParams[ID(rows[i].ID)]; ok {
			rows[i].Query, rows[i].Body = w.Query, w.Body
		}
	}
	return rows
}

var builtin = sync.OnceValue(func() *Table { return mustTable(builtinRows()) })

// Builtin returns the built-in table of every registry operation (built once; every call returns the same table).
func Builtin() *Table { return builtin() }
