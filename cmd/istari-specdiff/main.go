// Command istari-specdiff compares the SDK's built-in operation table (internal/ops, transcribed from the
// registry's operation list) with a registry's OpenAPI 3.x documents, offline.
//
// Usage:
//
//	istari-specdiff [-json] [-strict] [-service registry|identity] [-base-path PATH] [-exclude-section S] FILE [FILE...]
//
// -service identity checks the identity service's own document against the access-key routes instead of the
// registry's documents against the registry routes; each table is only ever compared with its own service.
//
// Each FILE is an OpenAPI document in JSON or YAML (e.g. saved from <registry>/openapi.json), or "-" for
// standard input; several documents (the registry's and the storage API's) are read as one. Operations are
// matched as the client matches them: by exact operationId, by FastAPI's default operationId, then by method and
// path shape. The report lists the operations matched by method and path, moved routes, renamed path
// parameters, refused matches, query parameter and body property differences, operations the documents lack,
// absent proposed operations (rows istari-go adds beyond the registry's; the built-in table has none) and absent
// excluded ones, and the documents' operations the table does not know; -json prints the same report as JSON with "ok" and "strict" fields.
//
// -base-path is the path of the registry URL the client uses ("/registry" behind the gateway), so that a
// document's server base path is joined as the client joins it. -exclude-section (repeatable) names a table
// section the documents are not expected to hold (another service's operations).
//
// Exit status: 0 when every operation the documents are expected to hold matches exactly (extra operations and
// absent proposed ones are fine; with -strict the proposed ones must match too), 1 otherwise, 2 on a usage error
// or a document that cannot be read or parsed.
//
// Client.VerifyRoutes does the same check online against a live registry; Client.Routes reports what the client
// resolved.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("istari-specdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	service := fs.String("service", "registry", "the service the documents describe: registry or identity")
	strict := fs.Bool("strict", false, "fail also when a proposed operation is absent or differs")
	basePath := fs.String("base-path", "", `path of the client's registry URL ("/registry" behind the gateway)`)
	var exclude listFlag
	fs.Var(&exclude, "exclude-section", "a table section the documents are not expected to hold (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: istari-specdiff [-json] [-strict] [-service registry|identity] [-base-path PATH] [-exclude-section S] FILE [FILE...]")
		fmt.Fprintln(fs.Output(), "  each FILE is an OpenAPI document, JSON or YAML; - reads standard input")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	table := ops.Builtin()
	switch *service {
	case "registry":
	case "identity":
		table = ops.Identity()
	default:
		fmt.Fprintf(stderr, "istari-specdiff: unknown -service %q: want registry or identity\n", *service)
		return 2
	}
	docs := make([][]byte, 0, fs.NArg())
	for _, name := range fs.Args() {
		doc, err := readSpec(name, stdin)
		if err == nil {
			_, err = ops.Diff(table, ops.Options{}, doc) // names the document that does not parse
		}
		if err != nil {
			fmt.Fprintf(stderr, "istari-specdiff: %s: %v\n", name, err)
			return 2
		}
		docs = append(docs, doc)
	}
	rep, err := ops.Diff(table, ops.Options{BasePath: *basePath, ExcludeSections: exclude}, docs...)
	if err != nil {
		fmt.Fprintf(stderr, "istari-specdiff: %v\n", err)
		return 2
	}
	rep.Origin = strings.Join(fs.Args(), ", ")
	ok := rep.OK() && (!*strict || rep.AllMatched())
	if err := writeReport(stdout, rep, ok, *strict, *asJSON); err != nil {
		fmt.Fprintf(stderr, "istari-specdiff: %v\n", err)
		return 2
	}
	if !ok {
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

// writeReport prints the report as text, or as indented JSON with "ok" and "strict" fields.
func writeReport(w io.Writer, rep *ops.Report, ok, strict, asJSON bool) error {
	if !asJSON {
		return rep.WriteText(w)
	}
	out := struct {
		OK     bool `json:"ok"`
		Strict bool `json:"strict"`
		*ops.Report
	}{ok, strict, rep}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
