package istari

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// routesServer is a registry that serves doc (with status) at the OpenAPI locations and answers every other
// request with {}; it records the paths and Authorization headers it saw.
type routesServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
	auth  []string
}

func newRoutesServer(t *testing.T, status int, doc string) *routesServer {
	t.Helper()
	rs := &routesServer{}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.paths = append(rs.paths, r.URL.Path)
		rs.auth = append(rs.auth, r.Header.Get("Authorization"))
		rs.mu.Unlock()
		if strings.HasSuffix(r.URL.Path, "openapi.json") {
			w.WriteHeader(status)
			_, _ = w.Write([]byte(doc))
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(rs.Close)
	return rs
}

func (rs *routesServer) seen() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return append([]string(nil), rs.paths...)
}

// A registry that refuses or garbles its document leaves the built-in routes, with one Debug line.
func TestDiscoveryFailuresKeepBuiltinRoutes(t *testing.T) {
	cases := []struct {
		name   string
		status int
		doc    string
		fetch  []string
		debug  string
	}{
		{"401", 401, `{"detail":"Not authenticated"}`, []string{"/openapi.json"}, "found no OpenAPI document"},
		{"403", 403, `{"detail":"Forbidden"}`, []string{"/openapi.json"}, "found no OpenAPI document"},
		{"404 at both locations", 404, `{"detail":"Not Found"}`, []string{"/openapi.json", "/api/v2/openapi.json"}, "found no OpenAPI document"},
		{"not a document", 200, `<html>docs</html>`, []string{"/openapi.json"}, "does not parse"},
		{"swagger 2", 200, `{"swagger":"2.0"}`, []string{"/openapi.json"}, "does not parse"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := newRoutesServer(t, tc.status, tc.doc)
			logs := &logBuffer{}
			c := secretClient(t, rs.URL, testToken, logs)
			_, err := c.LivenessCheck(context.Background())
			require.NoError(t, err)
			_, err = c.LivenessCheck(context.Background())
			require.NoError(t, err)
			assert.Equal(t, append(tc.fetch, "/api/v2/health/liveness", "/api/v2/health/liveness"), rs.seen(),
				"fetched once, then the built-in route")
			assert.Nil(t, c.Routes())
			assert.Equal(t, 1, strings.Count(logs.String(), "route discovery"), logs.String())
			assert.Contains(t, logs.String(), tc.debug)
			assert.NotContains(t, logs.String(), "level=WARN")
			assert.NotContains(t, logs.String(), testToken)
			assert.Equal(t, "Bearer "+testToken, rs.auth[0], "the registry's own document is fetched with its token")
		})
	}
}

// Why: a document that matches nothing left the client on built-in routes without a word.
func TestDocumentMatchingNothingWarns(t *testing.T) {
	const doc = `{"openapi":"3.1.0","paths":{"/v9/frob":{"get":{"operationId":"frobnicate"}}}}`
	logs := &logBuffer{}
	c := secretClient(t, testBase, testToken, logs, func(cfg *Configuration) { cfg.OpenAPISpec = []byte(doc) })
	assert.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), "warned when the client is built:\n%s", logs.String())
	assert.Contains(t, logs.String(), "0 matched")
	proposed := 0
	for _, o := range ops.Builtin().All() {
		if o.Proposed() {
			proposed++
		}
	}
	assert.Contains(t, logs.String(), fmt.Sprintf("%d missing", ops.Builtin().Len()-proposed))
	require.NotNil(t, c.Routes())
	assert.Equal(t, []string{"frobnicate"}, c.Routes().Extra)

	rs := newRoutesServer(t, 200, doc)
	logs = &logBuffer{}
	c = secretClient(t, rs.URL, testToken, logs)
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), "warned once at discovery:\n%s", logs.String())
	assert.Equal(t, []string{"/openapi.json", "/api/v2/health/liveness"}, rs.seen())
}

func TestDiscoveryFromConfiguredURL(t *testing.T) {
	const doc = `openapi: 3.1.0
servers: [{url: /api/v9}]
paths:
  /health/liveness:
    get: {operationId: liveness_check}
`
	docs := newRoutesServer(t, 200, doc)
	registry := newRoutesServer(t, 404, "")
	c := secretClient(t, registry.URL, testToken, &logBuffer{}, func(cfg *Configuration) { cfg.OpenAPIURL = docs.URL + "/spec/openapi.json" })
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{"/spec/openapi.json"}, docs.seen())
	assert.Equal(t, []string{""}, docs.auth, "no registry token for another origin")
	assert.Equal(t, []string{"/api/v9/health/liveness"}, registry.seen(), "a YAML document with a servers base path")

	rs := newRoutesServer(t, 200, doc)
	c = secretClient(t, rs.URL, testToken, &logBuffer{}, func(cfg *Configuration) { cfg.OpenAPIURL = "/docs/openapi.json" })
	_, err = c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{"/docs/openapi.json", "/api/v9/health/liveness"}, rs.seen())
	assert.Equal(t, "Bearer "+testToken, rs.auth[0])
}

// A local problem fails before discovery sends anything; a waiter whose context ends stops waiting.
func TestDiscoveryWaitsHonourContext(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "openapi.json") {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			w.WriteHeader(404)
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(slow.Close)
	t.Cleanup(func() { close(release) })
	c := secretClient(t, slow.URL, testToken, &logBuffer{})
	_, err := c.GetModel(context.Background(), "")
	var ve *ValidationError
	require.ErrorAs(t, err, &ve, "an empty id fails locally")

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.LivenessCheck(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestDiscoveryBoundsTheDocumentSize(t *testing.T) {
	big := `{"openapi":"3.1.0","x":"` + strings.Repeat("a", maxOpenAPIBytes) + `"}`
	rs := newRoutesServer(t, 200, big)
	logs := &logBuffer{}
	c := secretClient(t, rs.URL, testToken, logs)
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Nil(t, c.Routes())
	assert.Contains(t, logs.String(), "larger than 32 MiB")
}

func TestRouteDiscoveryConfiguration(t *testing.T) {
	c, err := configurationFromLookup(envMap(map[string]string{
		envRegistryURL: testBase, envRegistryAuthToken: testToken,
		envRouteDiscovery: "OFF", envOpenAPIURL: "/docs/openapi.json",
	}))
	require.NoError(t, err)
	assert.Equal(t, RouteDiscoveryOff, c.RouteDiscovery)
	assert.Equal(t, "/docs/openapi.json", c.OpenAPIURL)

	_, err = configurationFromLookup(envMap(map[string]string{envRegistryURL: testBase, envRegistryAuthToken: testToken,
		envRouteDiscovery: "sometimes"}))
	_ = requireOneConfErr(t, err, "RouteDiscovery", envRouteDiscovery)
	err = Configuration{RegistryURL: testBase, RegistryAuthToken: testToken, OpenAPIURL: "ftp://x/openapi.json"}.Validate()
	var ce *ConfigurationError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, "OpenAPIURL", ce.Field)

	yamlDoc := filepath.Join(t.TempDir(), "openapi.yaml")
	require.NoError(t, os.WriteFile(yamlDoc, []byte("openapi: 3.1.0\npaths: {}\n"), 0o600))
	c, err = configurationFromLookup(envMap(map[string]string{envRegistryURL: testBase, envRegistryAuthToken: testToken,
		envOpenAPISpec: yamlDoc}))
	require.NoError(t, err, "a YAML document is accepted")
	client, err := NewClient(c)
	require.NoError(t, err)
	defer func() { _ = client.Close() }()
	assert.NotNil(t, client.Routes())
}

// movedDocument is the built-in table's OpenAPI document with five operations moved the way a real registry
// might have them: a renamed parameter, reordered parameters, a new prefix, a literal route, and a FastAPI id.
func movedDocument(t *testing.T) []byte {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(ops.Builtin().Document("registry", "1"), &doc))
	paths := doc["paths"].(map[string]any)
	move := func(id, to, operationID string, pathParams ...string) {
		row, _ := ops.Builtin().Lookup(id)
		from, method := row.Path, strings.ToLower(row.Method)
		item := paths[from].(map[string]any)
		op := item[method].(map[string]any)
		delete(item, method)
		if operationID != "" {
			op["operationId"] = operationID
		}
		var params []any
		for _, p := range pathParams {
			params = append(params, map[string]any{"name": p, "in": "path", "required": true})
		}
		op["parameters"] = params
		dst, _ := paths[to].(map[string]any)
		if dst == nil {
			dst = map[string]any{}
			paths[to] = dst
		}
		dst[method] = op
	}
	resource, _ := ops.Builtin().Lookup("get_resource")
	typ, id := resource.Params()[0], resource.Params()[1]
	file, _ := ops.Builtin().Lookup("get_file")
	move("get_model", "/api/v2/catalog/models/{id}", "", "id")
	move("get_resource", "/api/v2/resources/{"+id+"}/as/{"+typ+"}", "", id, typ)
	move("get_file", "/api/v2/file/{"+file.Params()[0]+"}", "", file.Params()[0])
	move("get_current_user", "/api/v2/me", "")
	move("liveness_check", "/api/v2/healthz/live", "liveness_check_api_v2_healthz_live_get")
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return b
}

// A client with no route configuration discovers the moved routes from the fake on its first call.
func TestDiscoveryFollowsMovedRoutesFromTheRegistry(t *testing.T) {
	srv := istaritest.NewServer(istaritest.WithOpenAPISpec(movedDocument(t)))
	t.Cleanup(srv.Close)
	seeded := srv.SeedModel(srv.Owner(), "wing.json", []byte(`{"span": 12}`))
	logs := &logBuffer{}
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token()),
		Logger: logs.logger(), FilesystemCacheEnabled: Bool(false)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	assert.Nil(t, c.Routes(), "nothing is fetched before the first call")
	assert.Zero(t, srv.OpenAPIRequestCount())

	ctx := context.Background()
	m, err := c.GetModel(ctx, seeded.ModelID)
	require.NoError(t, err, "the first call follows the moved route")
	assert.Equal(t, seeded.ModelID, m.ID)
	res, err := c.GetResource(ctx, "model", seeded.ModelID)
	require.NoError(t, err)
	assert.NotNil(t, res)
	f, err := c.GetFile(ctx, seeded.FileID)
	require.NoError(t, err)
	assert.Equal(t, seeded.FileID, f.ID)
	u, err := c.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.Owner().ID, u.ID)
	_, err = c.LivenessCheck(ctx)
	require.NoError(t, err)

	want := map[string]string{
		"get_model":        "/api/v2/catalog/models/" + seeded.ModelID,
		"get_resource":     "/api/v2/resources/" + seeded.ModelID + "/as/model",
		"get_file":         "/api/v2/file/" + seeded.FileID,
		"get_current_user": "/api/v2/me",
		"liveness_check":   "/api/v2/healthz/live",
	}
	for op, path := range want {
		reqs := srv.RequestsFor(op)
		if assert.Len(t, reqs, 1, op) {
			assert.Equal(t, path, reqs[0].Path, op)
		}
	}
	assert.EqualValues(t, 1, srv.OpenAPIRequestCount(), "the document is fetched once")

	rep := c.Routes()
	require.NotNil(t, rep)
	assert.Equal(t, srv.URL+"/openapi.json", rep.Origin)
	assert.Len(t, rep.Moved, 5)
	require.Len(t, rep.Renamed, 1)
	assert.Equal(t, ops.Rename{ID: "get_model", Builtin: "model_id", Document: "id"}, rep.Renamed[0])
	assert.Empty(t, rep.Missing)
	assert.Empty(t, rep.Refused)
	assert.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), "one Warn for a document that moves routes:\n%s", logs.String())
	assert.Contains(t, logs.String(), "5 moved")
}

// The default fake serves its own table: discovery matches everything and says nothing; concurrent first calls
// fetch the document once.
func TestDiscoveryAgainstTheDefaultFakeIsSilentAndHappensOnce(t *testing.T) {
	logs := &logBuffer{}
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := c.GetCurrentUser(context.Background())
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, srv.OpenAPIRequestCount())
	require.NotNil(t, c.Routes())
	assert.True(t, c.Routes().AllMatched())
	assert.Len(t, c.Routes().Matched, ops.Builtin().Len())
	assert.NotContains(t, logs.String(), "level=WARN")
}

// RefreshRoutes follows a registry whose document changed; discovery "off" never fetches.
func TestRefreshRoutesAndDiscoveryOff(t *testing.T) {
	srv := istaritest.NewServer(istaritest.WithOpenAPISpec(movedDocument(t)))
	t.Cleanup(srv.Close)
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token()),
		RouteDiscovery: RouteDiscoveryOff, RetryMinInterval: time.Millisecond, RetryMaxInterval: time.Millisecond})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	_, err = c.GetCurrentUser(context.Background())
	require.ErrorIs(t, err, ErrNotFound, "off: the built-in route, which this registry moved")
	assert.Zero(t, srv.OpenAPIRequestCount())
	assert.Nil(t, c.Routes())

	rep, err := c.RefreshRoutes(context.Background())
	require.NoError(t, err)
	assert.Len(t, rep.Moved, 5)
	assert.Same(t, rep, c.Routes())
	_, err = c.GetCurrentUser(context.Background())
	require.NoError(t, err, "refreshed routes are followed")
}

// TestWireMetadataMatchesWhatIsSent keeps the operation table's query and body metadata (what route resolution
// compares with a registry document) equal to what the domain methods really send: for every call that passes
// a function's *XParams argument with an ops.ID constant, the struct's `query` tags (required when validated
// "required") must be the row's Query; for every request{op, body} whose body is a types struct argument, its
// JSON names must be the row's Body where the row has one.
func TestWireMetadataMatchesWhatIsSent(t *testing.T) {
	structs := map[string]*ast.StructType{}
	aliases := map[string]string{}
	funcs := parseDecls(t, "*.go", "", structs, aliases)
	parseDecls(t, "types/*.go", "types.", structs, aliases)
	bodies := map[string]string{} // operation id constant -> body type
	found := map[string]string{}  // operation id -> params type
	for _, fn := range funcs {
		paramTypes := map[string]string{}
		for _, field := range fn.Type.Params.List {
			typ := field.Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			name := ""
			switch typ := typ.(type) {
			case *ast.Ident:
				name = typ.Name
			case *ast.SelectorExpr:
				if x, ok := typ.X.(*ast.Ident); ok && x.Name == "types" {
					name = "types." + typ.Sel.Name
				}
			}
			for _, n := range field.Names {
				paramTypes[n.Name] = name
			}
		}
		ast.Inspect(fn, func(n ast.Node) bool {
			var op, arg, body string
			switch n := n.(type) {
			case *ast.CallExpr:
				for _, a := range n.Args {
					if sel, ok := a.(*ast.SelectorExpr); ok && isOps(sel) {
						op = sel.Sel.Name
					}
				}
				if len(n.Args) > 0 {
					if id, ok := n.Args[len(n.Args)-1].(*ast.Ident); ok {
						arg = id.Name
					}
				}
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, _ := kv.Key.(*ast.Ident)
					switch {
					case key == nil:
					case key.Name == "op":
						if sel, ok := kv.Value.(*ast.SelectorExpr); ok && isOps(sel) {
							op = sel.Sel.Name
						}
					case key.Name == "query":
						if id, ok := kv.Value.(*ast.Ident); ok {
							arg = id.Name
						}
					case key.Name == "body":
						if id, ok := kv.Value.(*ast.Ident); ok {
							body = id.Name
						}
					}
				}
			}
			if typ := paramTypes[body]; op != "" && strings.HasPrefix(typ, "types.") && structs[typ] != nil {
				bodies[op] = typ
			}
			if typ := paramTypes[arg]; op != "" && typ != "" {
				if a, ok := aliases[typ]; ok {
					typ = a
				}
				if _, ok := structs[typ]; ok {
					found[op] = typ
				}
			}
			return true
		})
	}
	t.Logf("%d operations send a params struct", len(found))
	if len(found) < 40 {
		t.Fatalf("found only %d operations with a params struct: %v", len(found), found)
	}
	ids := map[string]string{} // constant name -> operation id
	for _, o := range ops.Builtin().All() {
		ids[strings.ReplaceAll(strings.ToLower(o.GoName), "_", "")] = o.ID
	}
	for constant, typ := range found {
		id := ids[strings.ToLower(constant)]
		row, ok := ops.Builtin().Lookup(id)
		if !ok {
			t.Errorf("ops.%s: no row", constant)
			continue
		}
		want := queryTags(structs, structs[typ])
		got := slices.Clone(row.Query)
		slices.SortFunc(got, func(a, b ops.QueryParam) int { return strings.Compare(a.Name, b.Name) })
		slices.SortFunc(want, func(a, b ops.QueryParam) int { return strings.Compare(a.Name, b.Name) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s): table query %v, %s sends %v", id, constant, got, typ, want)
		}
	}
	compared := 0
	for constant, typ := range bodies {
		row, _ := ops.Builtin().Lookup(ids[strings.ToLower(constant)])
		if row.Body == nil {
			continue // unknown in the table: not compared with documents
		}
		compared++
		want := jsonTags(structs, structs[typ])
		got := slices.Sorted(slices.Values(row.Body))
		if !slices.Equal(got, want) {
			t.Errorf("%s (%s): table body %v, %s sends %v", row.ID, constant, got, typ, want)
		}
	}
	t.Logf("%d operations send a types struct as their body; %d have body metadata", len(bodies), compared)
	if compared < 15 {
		t.Errorf("only %d body metadata rows compared", compared)
	}
}

// jsonTags lists the sorted JSON names of a struct's fields.
func jsonTags(structs map[string]*ast.StructType, st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) == 0 {
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func isOps(sel *ast.SelectorExpr) bool {
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "ops"
}

// parseDecls parses the non-test files matching glob: it adds their struct types (names prefixed with prefix)
// to structs and their `type A = B` aliases to aliases, and returns their function declarations.
func parseDecls(t *testing.T, glob, prefix string, structs map[string]*ast.StructType, aliases map[string]string) []*ast.FuncDecl {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	var funcs []*ast.FuncDecl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				funcs = append(funcs, fn)
				continue
			}
			for _, s := range d.(*ast.GenDecl).Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				switch typ := ts.Type.(type) {
				case *ast.StructType:
					structs[prefix+ts.Name.Name] = typ
				case *ast.Ident:
					if ts.Assign.IsValid() {
						aliases[prefix+ts.Name.Name] = prefix + typ.Name
					}
				}
			}
		}
	}
	return funcs
}

// queryTags lists the `query` tags of a struct and of the structs it embeds.
func queryTags(structs map[string]*ast.StructType, st *ast.StructType) []ops.QueryParam {
	out := []ops.QueryParam{}
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			if id, ok := f.Type.(*ast.Ident); ok && structs[id.Name] != nil {
				out = append(out, queryTags(structs, structs[id.Name])...)
			}
			continue
		}
		if f.Tag == nil {
			continue
		}
		tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`"))
		name, _, _ := strings.Cut(tag.Get("query"), ",")
		if name == "" || name == "-" {
			continue
		}
		required := slices.Contains(strings.Split(tag.Get("validate"), ","), "required")
		out = append(out, ops.QueryParam{Name: name, Required: required})
	}
	return out
}

// Behind the gateway the registry URL ends in /registry and FastAPI's root_path puts the same /registry in the
// document's servers: the base path is joined once.
func TestDiscoveryBehindTheGatewayJoinsTheBaseOnce(t *testing.T) {
	const doc = `{"openapi":"3.1.0","servers":[{"url":"/registry"}],"paths":{
		"/api/v2/health/live":{"get":{"operationId":"liveness_check"}}}}`
	rs := newRoutesServer(t, 200, doc)
	c := secretClient(t, "", testToken, &logBuffer{}, func(cfg *Configuration) { cfg.DigitalAPIURL = rs.URL })
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{"/registry/openapi.json", "/registry/api/v2/health/live"}, rs.seen())
}

// A registry answer to the OpenAPI fetch is server text like any other: an echoed token is scrubbed from the
// error VerifyRoutes returns, in every printed form.
func TestHostileOpenAPIErrorScrubbed(t *testing.T) {
	srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"detail":"bad token ` + hostileToken + `"}`))
	})
	c := hostileClient(t, srv.URL, nil, func(cfg *Configuration) { cfg.RetryMaxAttempts = 1 })
	_, err := c.VerifyRoutes(context.Background())
	require.Error(t, err)
	noSecretIn(t, everyForm(err), hostileToken)
}

// An OpenAPI document on another origin is not the registry: no token, no trace context, and its headers do not
// count as the registry's compatibility signals.
func TestForeignOpenAPIOriginIsNotTheRegistry(t *testing.T) {
	var mu sync.Mutex
	var gotTP, gotAuth string
	foreign, hits := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotTP, gotAuth = r.Header.Get("Traceparent"), r.Header.Get("Authorization")
		mu.Unlock()
		w.Header().Set("X-Istari-Auth-Deprecation", "true")
		w.WriteHeader(http.StatusNotFound)
	})
	reg, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) })
	c := hostileClient(t, reg.URL, nil, func(cfg *Configuration) {
		cfg.OpenAPIURL = foreign.URL + "/openapi.json"
		cfg.TracerProvider = sdktrace.NewTracerProvider()
		cfg.Propagator = propagation.TraceContext{}
	})
	_, _ = c.VerifyRoutes(context.Background())
	require.Equal(t, 1, hits.count())
	mu.Lock()
	defer mu.Unlock()
	assert.Empty(t, gotTP, "no trace context to a foreign origin")
	assert.Empty(t, gotAuth, "no registry token to a foreign origin")
	assert.Nil(t, c.AuthDeprecation(), "a foreign origin's header is not the registry's")
}
