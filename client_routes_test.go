package istari

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	assert.Contains(t, logs.String(), "168 missing")
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
