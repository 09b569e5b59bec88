// Package ops is the operation table of the istari SDK: the one place where every registry HTTP route lives.
//
// Each row maps an operation id (the Python generated method name, e.g. "list_files", very probably the server's
// OpenAPI operationId) to an HTTP method and a path template such as "/api/v2/files/{file_id}". The built-in rows
// are transcribed from the registry's operation list, one file per domain (table_files.go, table_jobs.go, ...), and
// carry the spec's confidence mark (A attested, S signature confirmed, R reconstructed).
//
// The SDK expands a row with [Operation.Expand] (every value escaped like Python's quote(value, safe=""), so an id can never change
// the route); the fake registry routes requests back to rows with [Table.Match]. [Resolve] replaces rows with the
// routes of a real OpenAPI 3.x document, matched by operationId, and [Diff] reports how the built-in table differs
// from such a document.
package ops
