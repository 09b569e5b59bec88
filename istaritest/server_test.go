package istaritest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func get(t *testing.T, s *Server, path, token string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

func TestProbesAnswerWithCompatibilityHeaders(t *testing.T) {
	s := NewServer(WithVersion("9.9.9"), WithCompatibility("deprecation-warning", nil, []string{"Job", "Agent"}))
	defer s.Close()
	resp, body := get(t, s, "/api/v2/health/readiness", "")
	assert.Equal(t, 200, resp.StatusCode)
	assert.JSONEq(t, `{"status":"ready"}`, body)
	assert.Equal(t, "9.9.9", resp.Header.Get("X-Istari-Registry-Version"))
	assert.Equal(t, "deprecation-warning", resp.Header.Get("X-Istari-Compatibility"))
	assert.Equal(t, "Job,Agent", resp.Header.Get("X-Istari-Deprecated-Tags"))
	assert.NotEmpty(t, resp.Header.Get("X-Request-Id"))

	bare := NewServer(WithoutCompatibilityHeaders())
	defer bare.Close()
	resp, _ = get(t, bare, "/api/v2/health/liveness", "")
	assert.Empty(t, resp.Header.Get("X-Istari-Compatibility"))
}

func TestRegistryCallsRequireTheBearerToken(t *testing.T) {
	s := NewServer(WithToken("good"))
	defer s.Close()
	for _, tok := range []string{"", "bad"} {
		resp, body := get(t, s, "/api/v2/models/x", tok)
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		assert.JSONEq(t, `{"detail":"Not authenticated"}`, body)
	}
	resp, _ := get(t, s, "/api/v2/nowhere", "good")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Equal(t, "good", s.Token())
	u := s.AddUser("alice")
	assert.NotEqual(t, u.Token, s.Token())
	assert.False(t, u.Admin)
}

func TestRequestsAreRecordedWithTheirOperation(t *testing.T) {
	s := NewServer()
	defer s.Close()
	get(t, s, "/api/v2/health/liveness?x=1", s.Token())
	reqs := s.RequestsFor("liveness_check")
	require.Len(t, reqs, 1)
	assert.Equal(t, "GET", reqs[0].Method)
	assert.Equal(t, "/api/v2/health/liveness", reqs[0].Path)
	assert.Equal(t, "x=1", reqs[0].RawQuery)
	assert.Equal(t, s.Owner().ID, reqs[0].UserID)
	s.ResetRequests()
	assert.Empty(t, s.Requests())
}

func TestInjectedFaults(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.InjectFault(Fault{Op: "liveness_check", Status: 503, Times: 2, RetryAfter: "1"})
	for range 2 {
		resp, body := get(t, s, "/api/v2/health/liveness", "")
		assert.Equal(t, 503, resp.StatusCode)
		assert.Equal(t, "1", resp.Header.Get("Retry-After"))
		var d map[string]string
		require.NoError(t, json.Unmarshal([]byte(body), &d))
		assert.Contains(t, d["detail"], "injected fault")
	}
	resp, _ := get(t, s, "/api/v2/health/liveness", "")
	assert.Equal(t, 200, resp.StatusCode, "the fault is used up")
	assert.Zero(t, s.PendingFaults())

	s.InjectFault(Fault{Drop: true})
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	_, err := fresh.Get(s.URL + "/api/v2/health/liveness")
	assert.Error(t, err, "a dropped connection gives the client a transport error")

	s.InjectFault(Fault{Op: "readiness_check", Latency: 30 * time.Millisecond})
	start := time.Now()
	resp, _ = get(t, s, "/api/v2/health/readiness", "")
	assert.Equal(t, 200, resp.StatusCode, "latency alone delays, then answers normally")
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
}

func TestUnimplementedOperationAnswers501(t *testing.T) {
	table := ops.Builtin().With(ops.Operation{ID: "zz_not_in_fake", GoName: "ZZ", Method: "GET", Path: "/api/v2/zz", Confidence: ops.Reconstructed, Section: "x"})
	s := NewServer(WithOperationTable(table))
	defer s.Close()
	resp, body := get(t, s, "/api/v2/zz", s.Token())
	assert.Equal(t, http.StatusNotImplemented, resp.StatusCode)
	assert.True(t, strings.Contains(body, "zz_not_in_fake"))
}

func TestWritePagePaginates(t *testing.T) {
	items := make([]int, 25)
	for i := range items {
		items[i] = i
	}
	cases := []struct {
		query string
		want  string
	}{
		{"", `{"items":[0,1,2,3,4,5,6,7,8,9],"total":25,"page":1,"size":10,"pages":3}`},
		{"page=3&size=10", `{"items":[20,21,22,23,24],"total":25,"page":3,"size":10,"pages":3}`},
		{"page=0", `{"items":[],"total":25,"page":0,"size":10,"pages":3}`},
		{"page=9", `{"items":[],"total":25,"page":9,"size":10,"pages":3}`},
		{"size=500", `{"items":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24],"total":25,"page":1,"size":100,"pages":1}`},
	}
	for _, tc := range cases {
		rec := httptest.NewRecorder()
		req, _ := http.NewRequest(http.MethodGet, "/x?"+tc.query, nil)
		writePage(rec, req, items)
		assert.JSONEq(t, tc.want, rec.Body.String(), tc.query)
	}
	rec := httptest.NewRecorder()
	req, _ := http.NewRequest(http.MethodGet, "/x?page=-1", nil)
	writePage(rec, req, items)
	assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
}

func TestServesItsOperationTableAsOpenAPI(t *testing.T) {
	s := NewServer()
	defer s.Close()
	resp, body := get(t, s, "/openapi.json", "")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "served without a token, as FastAPI does")
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	rep, err := ops.Diff(ops.Builtin(), ops.Options{}, []byte(body))
	require.NoError(t, err)
	assert.True(t, rep.AllMatched(), rep.Summary())
	assert.True(t, strings.Contains(body, `"name":"status_name","required":true`), "query parameters are in the document")
	assert.True(t, strings.Contains(body, `"tracked_files"`), "body properties are in the document")
	assert.EqualValues(t, 1, s.OpenAPIRequestCount())
	assert.Empty(t, s.Requests(), "document fetches are not recorded")
}

func TestStartsFromAnOpenAPIDocument(t *testing.T) {
	resource, _ := ops.Builtin().Lookup(string(ops.GetResource))
	me, _ := ops.Builtin().Lookup(string(ops.GetCurrentUser))
	typ, id := resource.Params()[0], resource.Params()[1]
	moved := "/resources/{" + id + "}/{" + typ + "}"
	doc := `{"openapi":"3.1.0","servers":[{"url":"/api/v3"}],"paths":{
		"` + moved + `":{"get":{"operationId":"get_resource"}},
		"` + strings.TrimPrefix(me.Path, "/api/v2") + `":{"get":{"operationId":"Users-get_current_user"}}}}`
	s := NewServer(WithOpenAPISpec([]byte(doc)))
	defer s.Close()
	resp, _ := get(t, s, "/api/v3"+strings.TrimPrefix(me.Path, "/api/v2"), s.Token())
	assert.Equal(t, http.StatusOK, resp.StatusCode, "matched by method and path after the base despite the tag-prefixed id")
	modelID := s.SeedModel(s.Owner(), "m.json", []byte("{}")).ModelID
	resp, body := get(t, s, "/api/v3/resources/"+modelID+"/model", s.Token())
	assert.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.True(t, strings.Contains(body, modelID), "the handler read each parameter from its place in the document's route")
	resp, _ = get(t, s, me.Path, s.Token())
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "the built-in route moved")
	_, served := get(t, s, "/openapi.json", "")
	assert.True(t, strings.Contains(served, `"/api/v3`+moved+`"`), "the document serves the routes in use")
	assert.Panics(t, func() { NewServer(WithOpenAPISpec([]byte("{nope"))) })
}
