package istaritest

import (
	"bytes"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

func tokenOf(content []byte, salt string) string {
	h := sha512.New384()
	h.Write(content)
	h.Write([]byte(salt))
	return hex.EncodeToString(h.Sum(nil))
}

// presignedURL asks for an upload or download URL of sha (kind "upload-url" or "download-url").
func presignedURL(t *testing.T, s *Server, kind, sha string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/api/v2/tokens/"+sha+"/"+kind, nil)
	req.Header.Set("Authorization", "Bearer "+s.Token())
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer func() { _ = resp.Body.Close() }()
	var out types.PresignedURL
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out.URL
}

func do(t *testing.T, method, url string, body []byte, auth string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, url, bytes.NewReader(body))
	if body == nil {
		req.Body = nil
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	return resp
}

func TestPresignedStorage(t *testing.T) {
	s := NewServer()
	content := []byte("stored on disk")
	sha := tokenOf(content, "salt")

	status, _ := presignedURL(t, s, "download-url", sha)
	assert.Equal(t, http.StatusNotFound, status, "nothing stored yet")

	_, put := presignedURL(t, s, "upload-url", sha)
	resp := do(t, http.MethodPut, put, content, "Bearer "+s.Token())
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "Authorization is rejected")
	resp = do(t, http.MethodPut, put, []byte("other bytes"), "")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the storage does not know the salt")
	_, ok := s.store.object(sha, "salt")
	assert.False(t, ok, "checked once the salt is known: SHA-384(other bytes||salt) is not sha")
	_, put = presignedURL(t, s, "upload-url", sha)
	resp = do(t, http.MethodPut, put, content, "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp = do(t, http.MethodPut, put, content, "")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a used upload URL is spent")
	resp = do(t, http.MethodPut, s.URL+storagePrefix+"nope", content, "")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)

	got, ok := s.store.object(sha, "salt")
	require.True(t, ok)
	assert.Equal(t, content, got)
	entries, err := os.ReadDir(s.store.dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "objects live on disk")

	status, get := presignedURL(t, s, "download-url", sha)
	require.Equal(t, http.StatusOK, status)
	resp = do(t, http.MethodGet, get, nil, "")
	b, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	assert.Equal(t, content, b)

	s.CorruptDownloads(1)
	resp = do(t, http.MethodGet, get, nil, "")
	b, _ = io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	assert.NotEqual(t, content, b)
	assert.Len(t, b, len(content))

	s.InjectFault(Fault{Op: "storage.get", Status: http.StatusServiceUnavailable})
	resp = do(t, http.MethodGet, get, nil, "")
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Len(t, s.RequestsFor("storage.get"), 3)

	// Simulated agents store objects directly; the files domain reads them back.
	s.store.putObject("agent-sha", "agent-salt", []byte("from an agent"))
	got, ok = s.store.object("agent-sha", "agent-salt")
	require.True(t, ok)
	assert.Equal(t, "from an agent", string(got))
	s.mu.Lock()
	assert.Nil(t, s.resourceLocked("missing"))
	s.mu.Unlock()

	dir := s.store.dir
	s.Close()
	_, err = os.Stat(dir)
	assert.True(t, os.IsNotExist(err), "Close removes the stored objects")
}

func TestSearchResourcesValidation(t *testing.T) {
	s := NewServer()
	defer s.Close()
	for _, b := range []string{`{}`, `{"search_term":""}`, `{"search_term":"x","size":0}`, `{"search_term":"x","size":101}`, `{"search_term":"x","page":0}`} {
		resp, _ := send(t, s, "POST", "/api/v2/resources/search", s.Token(), b)
		assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, b)
	}
	resp, body := send(t, s, "POST", "/api/v2/resources/search", s.Token(), `{"search_term":"x","size":100}`)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"items":[],"total":0,"page":1,"size":100,"pages":0}`, body)
}

// callOp sends a JSON registry request of the operation id with the given path parameter values.
func callOp(t *testing.T, s *Server, id ops.ID, body any, params ...string) *http.Response {
	t.Helper()
	op, ok := ops.Builtin().Lookup(string(id))
	require.True(t, ok)
	path := op.Path
	for i := 0; i+1 < len(params); i += 2 {
		path = strings.ReplaceAll(path, "{"+params[i]+"}", params[i+1])
	}
	b, _ := json.Marshal(body)
	return do(t, op.Method, s.URL+path, b, "Bearer "+s.Token())
}

// createMultipart starts a multipart upload of n parts on s and returns it with its part URLs in order.
func createMultipart(t *testing.T, s *Server, sha string, n int) (types.MultipartUpload, []string) {
	t.Helper()
	resp := callOp(t, s, ops.CreateMultipartUpload, types.NewMultipartUpload{SHA: sha, NumParts: n})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var created types.MultipartUpload
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&created))
	require.Len(t, created.UploadURLs, n, "every part's URL comes with the create answer")
	urls := make([]string, n)
	for i := range urls {
		urls[i] = created.UploadURLs[strconv.Itoa(i+1)].URL
		require.NotEmpty(t, urls[i])
	}
	return created, urls
}

func TestMultipartHashesPartsAsTheyArrive(t *testing.T) {
	s := NewServer()
	defer s.Close()
	const partSize = 64 << 10
	content := bytes.Repeat([]byte("0123456789abcdef"), (3*partSize-100)/16)
	sha := tokenOf(content, "salt")
	created, urls := createMultipart(t, s, sha, 3)
	part := func(n int) []byte { return content[(n-1)*partSize : min(len(content), n*partSize)] }
	etags := map[int]string{}
	for _, n := range []int{3, 1, 2, 1} { // out of order, and part 1 sent again after it may have been hashed
		resp := do(t, http.MethodPut, urls[n-1], part(n), "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		etags[n] = strings.Trim(resp.Header.Get("ETag"), `"`)
	}

	s.store.mu.Lock()
	up := s.store.uploads[created.UploadID]
	s.store.mu.Unlock()
	require.Eventually(t, func() bool {
		up.mu.Lock()
		defer up.mu.Unlock()
		return up.hashed == 3
	}, 5*time.Second, time.Millisecond, "the object is assembled and hashed while the parts arrive, before completion")

	parts := []types.CompletedPart{{PartNumber: 1, ETag: etags[1]}, {PartNumber: 2, ETag: etags[2]}, {PartNumber: 3, ETag: etags[3]}}
	resp := callOp(t, s, ops.FinalizeMultipartUpload, types.FinalizeMultipartUpload{Action: types.MultipartComplete, SHA: sha,
		UploadID: created.UploadID, CompletedParts: parts})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Zero(t, s.MultipartUploadsInProgress())
	// Stored under the sha alone (the protocol carries no salt); the salt is checked from the kept hash state.
	_, ok := s.store.object(sha, "other salt")
	assert.False(t, ok, "a wrong salt names the object")
	got, ok := s.store.object(sha, "salt")
	require.True(t, ok)
	assert.Equal(t, content, got)

	// The same sha again: the registry already holds it.
	resp = callOp(t, s, ops.CreateMultipartUpload, types.NewMultipartUpload{SHA: sha, NumParts: 3})
	assert.Equal(t, http.StatusConflict, resp.StatusCode)
	msg, _ := io.ReadAll(resp.Body)
	assert.Contains(t, string(msg), "Sha already exists")
}

func TestMultipartCompletionChecksParts(t *testing.T) {
	s := NewServer()
	defer s.Close()
	sha := tokenOf([]byte("abcdef"), "salt")
	created, urls := createMultipart(t, s, sha, 2)
	resp := do(t, http.MethodPut, urls[0], []byte("abc"), "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	e1 := strings.Trim(resp.Header.Get("ETag"), `"`)
	finalize := func(parts ...types.CompletedPart) int {
		return callOp(t, s, ops.FinalizeMultipartUpload, types.FinalizeMultipartUpload{Action: types.MultipartComplete, SHA: sha,
			UploadID: created.UploadID, CompletedParts: parts}).StatusCode
	}
	assert.Equal(t, http.StatusBadRequest, finalize(types.CompletedPart{PartNumber: 1, ETag: e1}), "a part missing")
	resp = do(t, http.MethodPut, urls[1], []byte("def"), "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	e2 := strings.Trim(resp.Header.Get("ETag"), `"`)
	assert.Equal(t, http.StatusBadRequest, finalize(types.CompletedPart{PartNumber: 1, ETag: e1}, types.CompletedPart{PartNumber: 2, ETag: "x"}), "a wrong ETag")
	assert.Equal(t, 1, s.MultipartUploadsInProgress())

	// Cancel discards the upload; a second finalize does not find it.
	resp = callOp(t, s, ops.FinalizeMultipartUpload, types.FinalizeMultipartUpload{Action: types.MultipartCancel, SHA: sha, UploadID: created.UploadID})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Zero(t, s.MultipartUploadsInProgress())
	assert.Equal(t, http.StatusNotFound, finalize(types.CompletedPart{PartNumber: 1, ETag: e1}, types.CompletedPart{PartNumber: 2, ETag: e2}))
	_, ok := s.store.object(sha, "salt")
	assert.False(t, ok)

	resp = callOp(t, s, ops.FinalizeMultipartUpload, map[string]any{"action": "abort", "sha": sha, "upload_id": "u"})
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
}
