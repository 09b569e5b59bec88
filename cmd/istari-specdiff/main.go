// Command istari-specdiff compares the SDK's built-in operation table (internal/ops, transcribed from the
// registry's operation list) with a registry's OpenAPI 3.x JSON document, offline.
//
// Usage:
//
//	istari-specdiff [-json] FILE
//
// FILE is the OpenAPI document (e.g. saved from <registry>/openapi.json), or "-" to read standard input.
// Operations are matched by operationId (the exact id, or the id with FastAPI's default path+method suffix).
// The report lists every operation whose method or path differs, whose path parameters differ, that the
// document lacks or lists unusably, and the document's operationIds the table does not know; -json prints the
// same report as JSON with an "ok" field.
//
// Exit status: 0 when the document agrees with the table (extra operations are fine), 1 on any mismatch, 2 on a
// usage error or a document that cannot be read or parsed.
//
// Client.VerifyRoutes does the same check online against a live registry's /openapi.json.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("istari-specdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: istari-specdiff [-json] FILE   (FILE is an OpenAPI JSON document, - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	spec, err := readSpec(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "istari-specdiff: %v\n", err)
		return 2
	}
	rep, err := ops.Diff(spec, ops.Builtin())
	if err != nil {
		fmt.Fprintf(stderr, "istari-specdiff: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	if err := writeReport(stdout, rep, *asJSON); err != nil {
		fmt.Fprintf(stderr, "istari-specdiff: %v\n", err)
		return 2
	}
	if !rep.OK() {
		return 1
	}
	return 0
}

// readSpec reads the document at name, or stdin when name is "-".
func readSpec(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

// writeReport prints the report as text, or as indented JSON with an "ok" field.
func writeReport(w io.Writer, rep *ops.Report, asJSON bool) error {
	if !asJSON {
		return rep.WriteText(w)
	}
	out := struct {
		OK bool `json:"ok"`
		*ops.Report
	}{rep.OK(), rep}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
