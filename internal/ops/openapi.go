package ops

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// specOp is one operation of an OpenAPI document.
type specOp struct {
	operationID string
	method      string // upper case
	docPath     string // the path as the document writes it
	path        string // the path the SDK sends after the registry base URL: the server base joined once
	pathParams  []string
	query       []QueryParam // nil when the document declares no parameters at all
	body        []string     // top-level JSON properties; nil when the document gives none
	bodyReq     []string     // required JSON properties
}

// openAPIMethods are the operation keys of an OpenAPI 3.x path item. The SDK uses the first five; an operation
// under HEAD, OPTIONS or TRACE is still read so that a known id found there is reported, not silently ignored.
var openAPIMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

type (
	oaDoc struct {
		OpenAPI    *string                    `json:"openapi"`
		Servers    []oaServer                 `json:"servers"`
		Paths      map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas       map[string]*oaSchema     `json:"schemas"`
			Parameters    map[string]oaParam       `json:"parameters"`
			RequestBodies map[string]oaRequestBody `json:"requestBodies"`
		} `json:"components"`
	}
	oaServer struct {
		URL       string `json:"url"`
		Variables map[string]struct {
			Default string `json:"default"`
		} `json:"variables"`
	}
	oaParam struct {
		Ref      string `json:"$ref"`
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	}
	oaRequestBody struct {
		Ref     string `json:"$ref"`
		Content map[string]struct {
			Schema *oaSchema `json:"schema"`
		} `json:"content"`
	}
	oaSchema struct {
		Ref        string               `json:"$ref"`
		Properties map[string]*oaSchema `json:"properties"`
		Required   []string             `json:"required"`
		AllOf      []*oaSchema          `json:"allOf"`
	}
	oaOperation struct {
		OperationID string         `json:"operationId"`
		Parameters  []oaParam      `json:"parameters"`
		RequestBody *oaRequestBody `json:"requestBody"`
		Servers     []oaServer     `json:"servers"`
	}
)

// ToJSON returns an OpenAPI document as JSON: JSON input unchanged, YAML input converted. A document that is
// neither is an error naming both attempts.
func ToJSON(doc []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(doc)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return trimmed, nil
	}
	var v any
	if err := yaml.Unmarshal(trimmed, &v); err != nil {
		return nil, fmt.Errorf("ops: OpenAPI document is neither JSON nor YAML: %w", err)
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, errors.New("ops: OpenAPI document is not an object (JSON or YAML)")
	}
	out, err := json.Marshal(jsonable(v))
	if err != nil {
		return nil, fmt.Errorf("ops: OpenAPI YAML document: %w", err)
	}
	return out, nil
}

// jsonable turns YAML-decoded values into values encoding/json accepts: maps with non-string keys (YAML
// response codes such as 200 are integers) get their keys formatted.
func jsonable(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = jsonable(e)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = jsonable(e)
		}
		return m
	case []any:
		for i, e := range t {
			t[i] = jsonable(e)
		}
		return t
	}
	return v
}

// parseSpec reads the operations of an OpenAPI 3.x document (JSON or YAML): paths -> path -> method. The route
// of each operation is its path joined once to the base path of the first server (operation, path item, then
// document servers), relative to basePath, the path of the registry base URL the SDK appends routes to (see
// [Options.BasePath]). Operations without an operationId are kept (they can still match by method and path). The
// result is sorted by route, then method.
func parseSpec(spec []byte, basePath string) ([]specOp, error) {
	spec, err := ToJSON(spec)
	if err != nil {
		return nil, err
	}
	var doc oaDoc
	if err := json.Unmarshal(spec, &doc); err != nil {
		return nil, fmt.Errorf("ops: OpenAPI document: %w", err)
	}
	if doc.OpenAPI == nil {
		return nil, errors.New(`ops: not an OpenAPI document: no "openapi" version field`)
	}
	if !strings.HasPrefix(*doc.OpenAPI, "3.") {
		return nil, fmt.Errorf("ops: unsupported OpenAPI version %q (want 3.x)", *doc.OpenAPI)
	}
	var out []specOp
	for path, raw := range doc.Paths {
		var item map[string]json.RawMessage
		if err := decodeObject(raw, &item); err != nil {
			return nil, fmt.Errorf("ops: OpenAPI path %q: %w", path, err)
		}
		var itemLevel struct {
			Parameters []oaParam  `json:"parameters"`
			Servers    []oaServer `json:"servers"`
		}
		_ = json.Unmarshal(raw, &itemLevel) // shape errors leave the item-level lists empty
		for _, m := range openAPIMethods {
			rawOp, ok := item[m]
			if !ok {
				continue
			}
			var op oaOperation
			if err := decodeObject(rawOp, &op); err != nil {
				return nil, fmt.Errorf("ops: OpenAPI %s %s: %w", strings.ToUpper(m), path, err)
			}
			servers := cmp.Or(firstServer(op.Servers), firstServer(itemLevel.Servers), firstServer(doc.Servers))
			so := specOp{operationID: op.OperationID, method: strings.ToUpper(m), docPath: path,
				path: joinBase(serverPath(servers), basePath, path)}
			doc.fillParams(&so, itemLevel.Parameters, op.Parameters)
			doc.fillBody(&so, op.RequestBody)
			out = append(out, so)
		}
	}
	slices.SortFunc(out, func(a, b specOp) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(a.method, b.method), cmp.Compare(a.operationID, b.operationID))
	})
	return out, nil
}

// firstServer returns the URL of the first server, its {variables} replaced by their defaults.
func firstServer(servers []oaServer) string {
	if len(servers) == 0 {
		return ""
	}
	s := servers[0]
	u := s.URL
	for name, v := range s.Variables {
		u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
	}
	return u
}

// serverPath returns the base path of a server URL, absolute ("https://host/api/v2") or relative ("/api/v2"),
// without a trailing slash; "" for none.
func serverPath(server string) string {
	if server == "" {
		return ""
	}
	p := server
	if u, err := url.Parse(server); err == nil {
		p = u.Path
	}
	return strings.TrimRight(p, "/")
}

// joinBase returns the route the SDK appends to its registry base URL for a document path under a server base
// path. The base is joined once: a part of it the registry base URL already ends with (gateway "/registry") or
// starts with is not repeated, and a document path that already begins with the base is taken as it is.
func joinBase(server, basePath, docPath string) string {
	basePath = strings.TrimRight(basePath, "/")
	prefix := server
	switch {
	case server == "":
		return docPath
	case basePath != "" && (server == basePath || strings.HasPrefix(server, basePath+"/")):
		prefix = server[len(basePath):]
	case basePath != "" && strings.HasSuffix(basePath, server) && strings.HasPrefix(server, "/"):
		prefix = ""
	}
	if prefix == "" || docPath == prefix || strings.HasPrefix(docPath, prefix+"/") {
		return docPath
	}
	return prefix + docPath
}

var refName = regexp.MustCompile(`^#/components/[A-Za-z]+/(.+)$`)

func refKey(ref string) string {
	if m := refName.FindStringSubmatch(ref); m != nil {
		return m[1]
	}
	return ""
}

// fillParams records the path parameter declarations and the query parameters, the operation's list
// overriding the path item's by name and location.
func (d *oaDoc) fillParams(so *specOp, itemLevel, opLevel []oaParam) {
	if itemLevel == nil && opLevel == nil {
		return
	}
	type key struct{ name, in string }
	var order []key
	byKey := map[key]oaParam{}
	for _, p := range slices.Concat(itemLevel, opLevel) {
		if p.Ref != "" {
			if r, ok := d.Components.Parameters[refKey(p.Ref)]; ok {
				p = r
			}
		}
		k := key{p.Name, p.In}
		if _, seen := byKey[k]; !seen {
			order = append(order, k)
		}
		byKey[k] = p
	}
	so.query = []QueryParam{}
	for _, k := range order {
		p := byKey[k]
		switch p.In {
		case "path":
			so.pathParams = append(so.pathParams, p.Name)
		case "query":
			so.query = append(so.query, QueryParam{Name: p.Name, Required: p.Required})
		}
	}
}

// fillBody records the top-level properties of the JSON request body schema, following $ref and allOf.
func (d *oaDoc) fillBody(so *specOp, rb *oaRequestBody) {
	if rb == nil {
		return
	}
	if rb.Ref != "" {
		r, ok := d.Components.RequestBodies[refKey(rb.Ref)]
		if !ok {
			return
		}
		rb = &r
	}
	var schema *oaSchema
	for ct, c := range rb.Content {
		if strings.Contains(ct, "json") {
			schema = c.Schema
		}
	}
	props, required, ok := d.properties(schema, 0)
	if ok {
		so.body, so.bodyReq = props, required
	}
}

func (d *oaDoc) properties(s *oaSchema, depth int) (props, required []string, ok bool) {
	if s == nil || depth > 8 {
		return nil, nil, false
	}
	if s.Ref != "" {
		return d.properties(d.Components.Schemas[refKey(s.Ref)], depth+1)
	}
	for name := range s.Properties {
		props = append(props, name)
	}
	required = append(required, s.Required...)
	ok = s.Properties != nil
	for _, sub := range s.AllOf {
		p, r, subOK := d.properties(sub, depth+1)
		props, required, ok = append(props, p...), append(required, r...), ok || subOK
	}
	slices.Sort(props)
	slices.Sort(required)
	return slices.Compact(props), slices.Compact(required), ok
}

// decodeObject decodes raw into v, requiring a JSON object (null included, as an empty object).
func decodeObject(raw json.RawMessage, v any) error {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || (trimmed[0] != '{' && !bytes.Equal(trimmed, []byte("null"))) {
		return errors.New("not a JSON object")
	}
	return json.Unmarshal(trimmed, v)
}

// fastAPISuffix returns the suffix FastAPI's default generate_unique_id appends to a route's function name:
// operationId = name + re.sub(r"\W", "_", path) + "_" + lower(method), e.g. list_files at GET /api/v2/files
// becomes "list_files_api_v2_files_get". The suffix is derived from the path and method under which the
// operationId appears in the document, so only that exact suffix is ever stripped.
func fastAPISuffix(method, path string) string {
	var b strings.Builder
	for _, r := range path {
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) { // Python's Unicode \w
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String() + "_" + strings.ToLower(method)
}
