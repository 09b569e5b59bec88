package ops

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Confidence says how sure the table is about a row's verb and path.
type Confidence string

const (
	// Attested marks a verb and path literally attested in public material.
	Attested Confidence = "A"
	// Signature marks a confirmed Python signature whose route was reconstructed from the
	// registry's route conventions.
	Signature Confidence = "S"
	// Reconstructed marks a row whose route, parameters or body are proposals to verify against a real registry.
	Reconstructed Confidence = "R"
)

// Sources of a row, the value of [Operation.Source].
const (
	// SourceBuiltin marks a row from the built-in table.
	SourceBuiltin = "builtin"
	// SourceOpenAPI marks a row whose method and path were taken from an OpenAPI document by [Resolve].
	SourceOpenAPI = "openapi"
)

// ErrPathParams is wrapped by every error of [Operation.Expand] caused by the path parameter values.
var ErrPathParams = errors.New("ops: invalid path parameters")

// Operation is one registry call: an operation id and the HTTP route that serves it.
type Operation struct {
	// ID is the operation id, the Python generated method name without a leading underscore ("list_files").
	ID string
	// GoName is the Go method name: CamelCase when exported ("ListFiles"), lowerCamel for wire calls wrapped by
	// a client-side composite of the same name ("createFile").
	GoName string
	// Method is the HTTP method: GET, POST, PUT, PATCH or DELETE.
	Method string
	// Path is the path template, e.g. "/api/v2/files/{file_id}"; a parameter always fills a whole segment.
	Path string
	// Confidence is the spec's confidence mark for the built-in route.
	Confidence Confidence
	// Section is the section of the registry's operation list that holds the row ("3.1", "5", "9.2", ...).
	Section string
	// Source is SourceBuiltin or SourceOpenAPI.
	Source string
}

// segment is one "/"-separated piece of a path template: a literal, or a parameter filling the whole segment.
type segment struct {
	text  string // the literal, or the parameter name
	param bool
}

var allowedMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true}

// parseTemplate splits a path template into segments. It rejects a path not starting with "/", braces that do
// not enclose a whole segment, empty or repeated parameter names.
func parseTemplate(path string) ([]segment, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	parts := strings.Split(path[1:], "/")
	segs := make([]segment, len(parts))
	seen := map[string]bool{}
	for i, p := range parts {
		if !strings.ContainsAny(p, "{}") {
			segs[i] = segment{text: p}
			continue
		}
		name, ok := strings.CutPrefix(p, "{")
		if ok {
			name, ok = strings.CutSuffix(name, "}")
		}
		if !ok || name == "" || strings.ContainsAny(name, "{}") {
			return nil, fmt.Errorf("path %q: segment %q is not a whole {param}", path, p)
		}
		if seen[name] {
			return nil, fmt.Errorf("path %q: parameter {%s} repeated", path, name)
		}
		seen[name] = true
		segs[i] = segment{text: name, param: true}
	}
	return segs, nil
}

// Validate reports whether the row is usable: a non-empty ID, a method among GET, POST, PUT, PATCH and DELETE,
// and a well-formed path template (starting with "/", every parameter a whole segment, no name repeated).
func (o Operation) Validate() error {
	if o.ID == "" {
		return errors.New("ops: operation without id")
	}
	if !allowedMethods[o.Method] {
		return fmt.Errorf("ops: %s: unsupported method %q", o.ID, o.Method)
	}
	if _, err := parseTemplate(o.Path); err != nil {
		return fmt.Errorf("ops: %s: %w", o.ID, err)
	}
	return nil
}

// Params returns the path parameter names in template order, or nil when the path has none. For a malformed
// template it returns the names of the segments that are whole "{name}" parameters.
func (o Operation) Params() []string {
	var names []string
	for p := range strings.SplitSeq(o.Path, "/") {
		if len(p) > 2 && p[0] == '{' && p[len(p)-1] == '}' {
			names = append(names, p[1:len(p)-1])
		}
	}
	return names
}

// Expand fills the path template with values, given in template order, each escaped with url.PathEscape so a
// value never adds or removes a segment ("../x" becomes "..%2Fx"). It fails, wrapping [ErrPathParams], when the
// number of values differs from the number of parameters or a value is empty, ".", or "..".
func (o Operation) Expand(values ...string) (string, error) {
	segs, err := parseTemplate(o.Path)
	if err != nil {
		return "", fmt.Errorf("ops: %s: %w", o.ID, err)
	}
	return expand(o.ID, segs, values)
}

func expand(id string, segs []segment, values []string) (string, error) {
	want := 0
	for _, s := range segs {
		if s.param {
			want++
		}
	}
	if want != len(values) {
		return "", fmt.Errorf("%w: %s takes %d path parameters, got %d", ErrPathParams, id, want, len(values))
	}
	var b strings.Builder
	n := 0
	for _, s := range segs {
		b.WriteByte('/')
		if !s.param {
			b.WriteString(s.text)
			continue
		}
		v := values[n]
		n++
		if v == "" || v == "." || v == ".." {
			return "", fmt.Errorf("%w: %s: {%s} may not be %q", ErrPathParams, id, s.text, v)
		}
		b.WriteString(url.PathEscape(v))
	}
	return b.String(), nil
}
