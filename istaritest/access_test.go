package istaritest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// send performs one raw request on the fake and returns the answer and its body.
func send(t *testing.T, s *Server, method, path, token, body string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

func TestListAccessIsABareArrayWithSubjectInfo(t *testing.T) {
	s := NewServer()
	defer s.Close()
	alice, bob := s.AddUser("alice"), s.AddUser("bob")
	model := s.SeedResource(alice, "model")
	resp, body := send(t, s, "POST", "/api/v2/access", alice.Token,
		`{"subject_type":"user","subject_id":"`+bob.ID+`","relation":"viewer","resource_type":"model","resource_id":"`+model+`"}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)

	resp, body = send(t, s, "GET", "/api/v2/models/"+model+"/access", bob.Token, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var rels []map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &rels), "a bare JSON array")
	require.Len(t, rels, 2)
	assert.Equal(t, "owner", rels[0]["relation"])
	assert.Equal(t, map[string]any{"username": "alice", "email": "alice@example.test", "display_name": "Alice"}, rels[0]["subject_info"])
	assert.Equal(t, "viewer", rels[1]["relation"])

	resp, _ = send(t, s, "GET", "/api/v2/access/model/"+model, s.AddUser("carol").Token, "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestBulkAccessWithExecutorAnswers500(t *testing.T) {
	s := NewServer()
	defer s.Close()
	alice, bob := s.AddUser("alice"), s.AddUser("bob")
	model := s.SeedResource(alice, "model")
	resp, body := send(t, s, "POST", "/api/v2/bulk/access", alice.Token,
		`[{"subject_type":"user","subject_id":"`+bob.ID+`","relation":"executor","resource_type":"model","resource_id":"`+model+`"}]`)
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.JSONEq(t, `{"detail":"Internal Server Error"}`, body)
}

func TestIdentityModeRefusesPersonalAccessTokens(t *testing.T) {
	s := NewServer(WithIdentityService())
	defer s.Close()
	for _, c := range []struct{ method, path string }{
		{"POST", "/api/v2/pat?name=x"},
		{"POST", "/api/v2/pat/agent?name=x"},
		{"GET", "/api/v2/pat"},
		{"DELETE", "/api/v2/pat/p1"},
		{"DELETE", "/api/v2/pat"},
	} {
		resp, body := send(t, s, c.method, c.path, s.Token(), "")
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, c.path)
		assert.JSONEq(t, `{"detail":"`+PATDeprecatedDetail+`"}`, body)
		assert.Equal(t, PATDeprecatedDetail, resp.Header.Get("X-Istari-Auth-Deprecation"))
	}
	resp, _ := send(t, s, "GET", "/api/v2/users/me", s.Token(), "")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "other operations still work")
	assert.NotEmpty(t, resp.Header.Get("X-Istari-Auth-Deprecation"))

	plain := NewServer()
	defer plain.Close()
	resp, _ = send(t, plain, "GET", "/api/v2/users/me", plain.Token(), "")
	assert.Empty(t, resp.Header.Get("X-Istari-Auth-Deprecation"))
}

func TestListShapesOfTheAdminDomain(t *testing.T) {
	s := NewServer()
	defer s.Close()
	_, body := send(t, s, "GET", "/api/v2/users", s.Token(), "")
	assert.True(t, strings.HasPrefix(strings.TrimSpace(body), "["), "list_users is a bare array: %s", body)
	_, body = send(t, s, "GET", "/api/v2/infosec/", s.Token(), "")
	assert.True(t, strings.HasPrefix(strings.TrimSpace(body), "["), "list_infosec_levels is a bare array")
	_, body = send(t, s, "GET", "/api/v2/controls/tags/", s.Token(), "")
	assert.True(t, strings.HasPrefix(strings.TrimSpace(body), "["), "list_control_tags is a bare array (List[ControlTag])")
}

func TestControlTagDescriptionLimit(t *testing.T) {
	s := NewServer()
	defer s.Close()
	ok := strings.Repeat("é", 255)
	resp, body := send(t, s, "POST", "/api/v2/controls/tags", s.Token(), `{"name":"a","description":"`+ok+`"}`)
	assert.Equal(t, http.StatusOK, resp.StatusCode, body)
	resp, body = send(t, s, "POST", "/api/v2/controls/tags", s.Token(), `{"name":"b","description":"`+ok+`é"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.Contains(t, body, "string_too_long")
}
