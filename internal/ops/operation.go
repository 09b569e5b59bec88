package ops

import (
	"errors"
	"fmt"
	"slices"
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
	// Published marks a row whose method, path and path parameters are those of the published Python client,
	// version [PythonClientVersion]: generated from the registry's own OpenAPI document, so a fact, not a guess.
	Published Confidence = "P"
)

// PythonClientVersion is the istari-digital-client release the Published rows were checked against
// (testdata/python-client-<version>.json, made by `make pyref`).
const PythonClientVersion = "13.3.4"

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
	// Path is the path template, e.g. "/api/v2/files/{file_id}"; a parameter starts a segment and fills it, or is
	// followed by a literal suffix such as ":restore" ("/api/v2/models/{model_id}:restore").
	Path string
	// Confidence is the spec's confidence mark for the built-in route.
	Confidence Confidence
	// Section is the section of the registry's operation list that holds the row ("3.1", "5", "9.2", ...).
	Section string
	// Source is SourceBuiltin or SourceOpenAPI.
	Source string
	// Args names the path parameters of Path in the order callers pass their values (the built-in template's
	// order). Nil means template order. [Resolve] sets it when a document renames or reorders parameters.
	Args []string
	// Query lists the query parameters the SDK sends for this operation; nil when unknown.
	Query []QueryParam
	// Body lists the top-level JSON properties of the request body the SDK sends; nil when unknown or none.
	Body []string
}

// QueryParam is one query parameter of an operation.
type QueryParam struct {
	Name     string `json:"name"`
	Required bool   `json:"required,omitempty"`
}

// Proposed reports whether the row is a route istari-go proposes beyond the registry's operation list (the
// built-in table has none since the multipart calls became the published client's): a registry document is not
// expected to have it.
func (o Operation) Proposed() bool { return o.Section == SectionProposed }

// segment is one "/"-separated piece of a path template: a literal, or a parameter filling the whole segment.
type segment struct {
	text   string // the literal, or the parameter name
	param  bool
	suffix string // the literal after a parameter in the same segment (":restore"), or ""
}

var allowedMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true}

// parseTemplate splits a path template into segments. It rejects a path not starting with "/", a parameter that
// does not start its segment, text after a parameter other than a ":name" suffix, empty or repeated names.
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
		suffix := ""
		if ok {
			name, suffix, ok = strings.Cut(name, "}")
		}
		if !ok || name == "" || strings.ContainsAny(name, "{}") || !validSuffix(suffix) {
			return nil, fmt.Errorf("path %q: segment %q is not a whole {param}", path, p)
		}
		if seen[name] {
			return nil, fmt.Errorf("path %q: parameter {%s} repeated", path, name)
		}
		seen[name] = true
		segs[i] = segment{text: name, param: true, suffix: suffix}
	}
	return segs, nil
}

// validSuffix reports whether text after a parameter is "" or a custom-method literal such as ":restore".
func validSuffix(s string) bool {
	return s == "" || len(s) > 1 && s[0] == ':' && !strings.ContainsAny(s, "{}")
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
	if o.Args != nil {
		params := o.Params()
		sorted := slices.Sorted(slices.Values(o.Args))
		if !slices.Equal(sorted, slices.Sorted(slices.Values(params))) {
			return fmt.Errorf("ops: %s: Args %v do not name the path parameters %v", o.ID, o.Args, params)
		}
	}
	return nil
}

// ArgNames returns the path parameter names in the order callers pass their values: Args, or the template
// order when Args is nil.
func (o Operation) ArgNames() []string {
	if o.Args != nil {
		return slices.Clone(o.Args)
	}
	return o.Params()
}

// Params returns the path parameter names in template order, or nil when the path has none. For a malformed
// template it returns the names of the segments that are whole "{name}" parameters.
func (o Operation) Params() []string {
	var names []string
	for p := range strings.SplitSeq(o.Path, "/") {
		if name, ok := strings.CutPrefix(p, "{"); ok {
			var suffix string
			if name, suffix, ok = strings.Cut(name, "}"); ok && name != "" && validSuffix(suffix) {
				names = append(names, name)
			}
		}
	}
	return names
}

// Expand fills the path template with values, given in the order of Args (template order when Args is nil), each
// escaped as the Python client's quote(value, safe="") does: every byte outside A-Z a-z 0-9 "_.-~" is
// percent-encoded ("bob@x" becomes "bob%40x"), so a value never adds or removes a segment ("../x" becomes
// "..%2Fx"). It fails, wrapping [ErrPathParams], when the
// number of values differs from the number of parameters or a value is empty, ".", or "..".
func (o Operation) Expand(values ...string) (string, error) {
	segs, err := parseTemplate(o.Path)
	if err != nil {
		return "", fmt.Errorf("ops: %s: %w", o.ID, err)
	}
	if len(o.Args) > 0 && len(o.Args) == len(values) {
		values = reorder(segs, o.Args, values)
	}
	return expand(o.ID, segs, values, escapeStrict)
}

// reorder returns values, given in the order of args, in the template order of segs.
func reorder(segs []segment, args, values []string) []string {
	out := make([]string, 0, len(values))
	for _, s := range segs {
		if s.param {
			if i := slices.Index(args, s.text); i >= 0 {
				out = append(out, values[i])
			}
		}
	}
	return out
}

// ExpandStrict is [Operation.Expand] without the Args reordering: values in template order, escaped the same
// way (Python's quote(value, safe="")), as the identity service's routes are called.
func (o Operation) ExpandStrict(values ...string) (string, error) {
	segs, err := parseTemplate(o.Path)
	if err != nil {
		return "", fmt.Errorf("ops: %s: %w", o.ID, err)
	}
	return expand(o.ID, segs, values, escapeStrict)
}

func escapeStrict(v string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func expand(id string, segs []segment, values []string, escape func(string) string) (string, error) {
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
		b.WriteString(escape(v))
		b.WriteString(s.suffix)
	}
	return b.String(), nil
}
