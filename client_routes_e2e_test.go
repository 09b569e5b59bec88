package istari

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
)

// movedDocument is the built-in table's OpenAPI document with five operations moved the way a real registry
// might have them: a renamed parameter, reordered parameters, a new prefix, a literal route, and a FastAPI id.
func movedDocument(t *testing.T) []byte {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(ops.Builtin().Document("registry", "1"), &doc))
	paths := doc["paths"].(map[string]any)
	move := func(method, from, to, operationID string, pathParams ...string) {
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
	move("get", "/api/v2/models/{model_id}", "/api/v2/catalog/models/{id}", "", "id")
	move("get", "/api/v2/resources/{resource_type}/{resource_id}", "/api/v2/resources/{resource_id}/as/{resource_type}", "", "resource_id", "resource_type")
	move("get", "/api/v2/files/{file_id}", "/api/v2/file/{file_id}", "", "file_id")
	move("get", "/api/v2/users/me", "/api/v2/me", "")
	move("get", "/api/v2/health/liveness", "/api/v2/healthz/live", "liveness_check_api_v2_healthz_live_get")
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
