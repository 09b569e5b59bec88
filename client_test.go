package istari

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistryHeadersOnTheWire(t *testing.T) {
	c, mt := mockClient(t)
	var got http.Header
	mt.RegisterResponder("GET", testBase+"/api/v2/health/readiness", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	_, err := c.ReadinessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, got.Get("Authorization"))
	assert.Equal(t, "istari-go/"+Version, got.Get("User-Agent"))
	assert.Equal(t, "application/json", got.Get("Accept"))
	assert.Empty(t, got.Get("Content-Type"), "no body, no content type")
	assert.Empty(t, got.Values("X-Istari-Client-Api-Hashes"), "hash header only when hashes are configured")
}

func TestAPIHashesHeaderOnlyWhenConfigured(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) {
		cfg.APIHashes = map[string]string{"Model": "abc", "Agent": "def", "Job": "123"}
		cfg.Tags = []string{"Model", "Agent"}
		cfg.UserAgentSuffix = "my-service/2.1"
	})
	var got http.Header
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Agent=def,Model=abc", got.Get("X-Istari-Client-Api-Hashes"))
	assert.Equal(t, "istari-go/"+Version+" my-service/2.1", got.Get("User-Agent"))
}

func TestJSONBodyAndQueryOnTheWire(t *testing.T) {
	c, mt := mockClient(t)
	var method, rawQuery, body, ctype string
	mt.RegisterResponder("PATCH", testBase+"/api/v2/models/m%2F1/archive", func(r *http.Request) (*http.Response, error) {
		method, rawQuery, ctype = r.Method, r.URL.RawQuery, r.Header.Get("Content-Type")
		body = readAll(r)
		return httpmock.NewStringResponse(200, `{"id":"m/1"}`), nil
	})
	var out map[string]any
	err := c.invoke(context.Background(), request{op: "archive_model", path: []string{"m/1"}, body: archiveBody(Ptr("obsolete")), out: &out})
	require.NoError(t, err)
	assert.Equal(t, "PATCH", method)
	assert.Empty(t, rawQuery)
	assert.Equal(t, "application/json", ctype)
	assert.JSONEq(t, `{"reason":"obsolete"}`, body)
	assert.Equal(t, "m/1", out["id"])
}

func TestArchiveWithoutReasonSendsNoBody(t *testing.T) {
	c, mt := mockClient(t)
	var length int64 = -2
	var ctype string
	mt.RegisterResponder("PATCH", testBase+"/api/v2/models/m1/archive", func(r *http.Request) (*http.Response, error) {
		length, ctype = r.ContentLength, r.Header.Get("Content-Type")
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	require.NoError(t, c.invoke(context.Background(), request{op: "archive_model", path: []string{"m1"}, body: archiveBody(nil)}))
	assert.Equal(t, int64(0), length)
	assert.Empty(t, ctype)
}

func TestPathParametersCannotChangeTheRoute(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", `=~.*`, httpmock.NewStringResponder(200, `{}`))
	for _, id := range []string{"..", ".", ""} {
		err := c.invoke(context.Background(), request{op: "get_model", path: []string{id}})
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "id %q", id)
		assert.Equal(t, "model_id", ve.Field)
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request for an unusable id")
	require.NoError(t, c.invoke(context.Background(), request{op: "get_model", path: []string{"../../users/me"}}))
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET "+testBase+"/api/v2/models/..%2F..%2Fusers%2Fme"], "calls: %v", info)
}

func TestAPIErrorDecoding(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		body     string
		sentinel error
		detail   string
	}{
		{"detail string", 404, `{"detail":"Model not found"}`, ErrNotFound, "Model not found"},
		{"detail list", 422, `{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"},{"loc":["query","size"],"msg":"too big","type":"le"}]}`, ErrUnprocessable, "body.name: Field required; query.size: too big"},
		{"bad request", 400, `{"detail":"Configuration must have at least one tracked file"}`, ErrBadRequest, "Configuration must have at least one tracked file"},
		{"unauthorized", 401, `{"detail":"Not authenticated"}`, ErrUnauthorized, "Not authenticated"},
		{"forbidden", 403, `{"detail":"no"}`, ErrForbidden, "no"},
		{"conflict", 409, `{"detail":"dup"}`, ErrConflict, "dup"},
		{"plain text", 404, "no route", ErrNotFound, "no route"},
		{"html", 502, "<html>bad gateway</html>", ErrServer, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
			mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", func(*http.Request) (*http.Response, error) {
				r := httpmock.NewStringResponse(tc.status, tc.body)
				r.Header.Set("X-Request-Id", "rid-42")
				return r, nil
			})
			err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, "get_model", apiErr.OperationID)
			assert.Equal(t, "GET", apiErr.Method)
			assert.Equal(t, "/api/v2/models/abc", apiErr.Path)
			assert.Equal(t, "rid-42", apiErr.RequestID)
			assert.Equal(t, tc.detail, apiErr.Detail)
			assert.Equal(t, tc.body, string(apiErr.Body))
			assert.Equal(t, 1, apiErr.Attempts)
			assert.Contains(t, err.Error(), "get_model GET /api/v2/models/abc")
			for _, other := range []error{ErrBadRequest, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrConflict, ErrUnprocessable, ErrRateLimited, ErrServer} {
				if !errors.Is(other, tc.sentinel) {
					assert.NotErrorIs(t, err, other)
				}
			}
		})
	}
}

func TestAPIErrorBodyIsCapped(t *testing.T) {
	c, mt := mockClient(t)
	big := strings.Repeat("x", 200<<10)
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", httpmock.NewStringResponder(400, big))
	err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Len(t, apiErr.Body, maxErrorBody)
}

func TestRetriedCallsRecordAttempts(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", httpmock.NewStringResponder(503, `{"detail":"down"}`))
	err := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 3, apiErr.Attempts)
	assert.Equal(t, 3, mt.GetTotalCallCount())
	assert.Contains(t, err.Error(), "3 attempts")
}

func TestPostServerErrorIsNotRetried(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", testBase+"/api/v2/systems", httpmock.NewStringResponder(500, `{"detail":"boom"}`))
	err := c.invoke(context.Background(), request{op: "create_system", body: map[string]string{"name": "s", "description": "d"}})
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "a create that may have happened is never replayed")
}

func TestPATEndpoint405MapsToPATsDeprecated(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", `=~^`+testBase+`/api/v2/personal_access_tokens`, httpmock.NewStringResponder(405, `{"detail":"Method Not Allowed"}`))
	err := c.invoke(context.Background(), request{op: "create_personal_access_token", query: url.Values{"name": {"ci"}}})
	assert.ErrorIs(t, err, ErrPATsDeprecated)
	assert.ErrorIs(t, err, ErrMethodNotAllowed)
}

func TestTokenNeverInErrorsLogsOrFormatting(t *testing.T) {
	logs := &logBuffer{}
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	mt.RegisterResponder("GET", testBase+"/api/v2/models/abc", func(r *http.Request) (*http.Response, error) {
		return httpmock.NewStringResponse(401, `{"detail":"bad token"}`), nil
	})
	mt.RegisterNoResponder(httpmock.ConnectionFailure)
	err1 := c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}})
	err2 := c.invoke(context.Background(), request{op: "get_artifact", path: []string{"x"}})
	require.Error(t, err1)
	require.Error(t, err2)
	var apiErr *APIError
	require.ErrorAs(t, err1, &apiErr)
	for _, s := range []string{
		err1.Error(), err2.Error(), fmt.Sprintf("%+v", err1), fmt.Sprintf("%#v", apiErr), fmt.Sprintf("%+v", *apiErr),
		fmt.Sprintf("%v %+v %#v %s", c.cfg, c.cfg, c.cfg, c.cfg), logs.String(),
	} {
		assert.NotContains(t, s, testToken)
	}
	b, err := json.Marshal(c.cfg)
	require.NoError(t, err)
	assert.NotContains(t, string(b), testToken)
	assert.Contains(t, logs.String(), "istari: http attempt", "debug logging was on")
}

func TestValidationFailsBeforeAnyRequest(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"items":[]}`))
	type params struct {
		PageOptions
		Description *string `query:"description" validate:"omitempty,max=255"`
	}
	for _, tc := range []struct {
		p     *params
		field string
		rule  string
	}{
		{&params{PageOptions: PageOptions{Page: -1}}, "page", "gte"},
		{&params{PageOptions: PageOptions{Size: 101}}, "size", "lte"},
		{&params{Description: Ptr(strings.Repeat("d", 256))}, "description", "max"},
	} {
		_, err := listPage[map[string]any](context.Background(), c, "list_models", nil, tc.p)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, tc.field, ve.Field)
		assert.Equal(t, tc.rule, ve.Rule)
		assert.Contains(t, err.Error(), tc.field)
		assert.NotContains(t, err.Error(), strings.Repeat("d", 20), "the value itself is never echoed")
	}
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestRoutesResolvedFromOpenAPIDocument(t *testing.T) {
	spec := `{"openapi":"3.1.0","paths":{
		"/v9/ready":{"get":{"operationId":"readiness_check"}},
		"/v9/models/{id}":{"get":{"operationId":"get_model"}}}}`
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.OpenAPISpec = []byte(spec) })
	mt.RegisterResponder("GET", testBase+"/v9/ready", httpmock.NewStringResponder(200, `{}`))
	mt.RegisterResponder("GET", testBase+"/v9/models/abc", httpmock.NewStringResponder(200, `{}`))
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", httpmock.NewStringResponder(200, `{}`))
	_, err := c.ReadinessCheck(context.Background())
	require.NoError(t, err)
	require.NoError(t, c.invoke(context.Background(), request{op: "get_model", path: []string{"abc"}}))
	_, err = c.LivenessCheck(context.Background())
	require.NoError(t, err, "operations missing from the document keep the built-in route")
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET "+testBase+"/v9/ready"])
	assert.Equal(t, 1, info["GET "+testBase+"/v9/models/abc"])
	assert.Equal(t, 1, info["GET "+testBase+"/api/v2/health/liveness"])
	require.NotNil(t, c.Routes())
	assert.Contains(t, c.Routes().Missing, "liveness_check")
	assert.Equal(t, "Configuration.OpenAPISpec", c.Routes().Origin)
}

func TestInvalidOpenAPIDocumentIsAConfigurationError(t *testing.T) {
	_, err := NewClient(Configuration{RegistryURL: testBase, RegistryAuthToken: testToken, OpenAPISpec: []byte("{nope")})
	var ce *ConfigurationError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "OpenAPISpec", ce.Field)
}

func TestVerifyRoutesReportsDifferences(t *testing.T) {
	c, mt := mockClient(t)
	var auth string
	mt.RegisterResponder("GET", testBase+"/openapi.json", func(r *http.Request) (*http.Response, error) {
		auth = r.Header.Get("Authorization")
		return httpmock.NewStringResponse(200, `{"openapi":"3.1.0","paths":{
			"/api/v2/health/liveness":{"get":{"operationId":"liveness_check"}},
			"/api/v2/health/ready":{"get":{"operationId":"readiness_check"}}}}`), nil
	})
	rep, err := c.VerifyRoutes(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, auth)
	assert.False(t, rep.OK())
	require.Len(t, rep.Matched, 2)
	assert.Equal(t, "liveness_check", rep.Matched[0].ID)
	require.Len(t, rep.Moved, 1)
	assert.Equal(t, "/api/v2/health/ready", rep.Moved[0].Path)
	assert.Len(t, rep.Missing, 166)
	assert.Len(t, rep.ProposedAbsent, 4)
	assert.Equal(t, testBase+"/openapi.json", rep.Origin)
	assert.Nil(t, c.Routes(), "VerifyRoutes does not change the routes in use")
}

func TestGatewayModeJoinsRegistryPrefix(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.DigitalAPIURL = "https://api.example.test/" })
	mt.RegisterResponder("GET", "https://api.example.test/registry/api/v2/health/liveness", httpmock.NewStringResponder(200, `{}`))
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "https://api.example.test/registry", c.RegistryURL())
}

func TestRedirectToAnotherHostDropsAuthorization(t *testing.T) {
	var leaked, followed string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		followed = r.URL.Path
		leaked = r.Header.Get("Authorization")
		_, _ = w.Write([]byte(`{}`))
	}))
	defer other.Close()
	// 127.0.0.1 and localhost are different hosts to net/http's redirect rules.
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/moved", http.StatusTemporaryRedirect)
	}))
	defer origin.Close()
	c, err := NewClient(Configuration{RegistryURL: origin.URL, RegistryAuthToken: testToken})
	require.NoError(t, err)
	defer func() { require.NoError(t, c.Close()) }()
	_, err = c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "/moved", followed)
	assert.Empty(t, leaked, "the registry token must not follow a redirect to another host")
}

func TestTransportErrorsWrapContext(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.invoke(ctx, request{op: "get_model", path: []string{"a"}})
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
}
