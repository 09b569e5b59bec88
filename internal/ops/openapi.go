package ops

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// specOp is one operation of an OpenAPI document.
type specOp struct {
	operationID string
	method      string // upper case
	path        string
}

// openAPIMethods are the operation keys of an OpenAPI 3.x path item. The SDK uses the first five; an operation
// under HEAD, OPTIONS or TRACE is still read so that a known id found there is reported, not silently ignored.
var openAPIMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// parseSpec reads the operations of an OpenAPI 3.x JSON document: paths -> path -> method -> operationId.
// Other path item keys (parameters, summary, servers, ...) and the top-level servers are ignored; the paths are
// taken as written. Operations without an operationId are skipped. The result is in document-independent order
// (sorted by path, then method).
func parseSpec(spec []byte) ([]specOp, error) {
	var doc struct {
		OpenAPI *string                    `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}
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
		for _, m := range openAPIMethods {
			rawOp, ok := item[m]
			if !ok {
				continue
			}
			var op struct {
				OperationID string `json:"operationId"`
			}
			if err := decodeObject(rawOp, &op); err != nil {
				return nil, fmt.Errorf("ops: OpenAPI %s %s: %w", strings.ToUpper(m), path, err)
			}
			if op.OperationID != "" {
				out = append(out, specOp{operationID: op.OperationID, method: strings.ToUpper(m), path: path})
			}
		}
	}
	slices.SortFunc(out, func(a, b specOp) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(a.method, b.method))
	})
	return out, nil
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
