package ops

import (
	"encoding/json"
	"strings"
)

// Document renders the table as an OpenAPI 3.1 JSON document in the manner of FastAPI: one operation per row
// with its id as operationId, its path parameters (in the order callers pass them), its query parameters and
// its request body properties. A row with Args keeps the document's parameter names. Resolving the result
// against the same table matches every row by operation id, with no finding.
func (t *Table) Document(title, version string) []byte {
	paths := map[string]map[string]any{}
	for _, o := range t.ops {
		item := paths[o.Path]
		if item == nil {
			item = map[string]any{}
			paths[o.Path] = item
		}
		params := []any{}
		for _, name := range o.ArgNames() {
			params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
		for _, q := range o.Query {
			params = append(params, map[string]any{"name": q.Name, "in": "query", "required": q.Required, "schema": map[string]any{}})
		}
		op := map[string]any{
			"operationId": o.ID,
			"parameters":  params,
			"responses":   map[string]any{"200": map[string]any{"description": "Successful Response"}},
		}
		if o.Body != nil {
			props := map[string]any{}
			for _, p := range o.Body {
				props[p] = map[string]any{}
			}
			op["requestBody"] = map[string]any{"content": map[string]any{"application/json": map[string]any{
				"schema": map[string]any{"type": "object", "properties": props}}}}
		}
		item[strings.ToLower(o.Method)] = op
	}
	b, _ := json.Marshal(map[string]any{ // maps of strings, slices and maps always encode
		"openapi": "3.1.0",
		"info":    map[string]any{"title": title, "version": version},
		"paths":   paths,
	})
	return b
}
