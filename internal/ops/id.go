package ops

// ID is an operation id, the Python generated method name without a leading underscore ("list_files"). Each
// table_*.go file declares the constants of its rows; the client's domain files, the fake registry and the
// rows themselves use those constants, so a misspelt id fails to compile instead of failing at run time.
type ID string
