package istaritest

import (
	"bytes"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sysDo sends one JSON request to the fake and returns the status and body.
func sysDo(t *testing.T, s *Server, method, path, token, body string) (int, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func TestSeedModelStoresContentUnderItsToken(t *testing.T) {
	s := NewServer()
	defer s.Close()
	content := []byte(`{"span": 30}`)
	f := s.SeedModel(s.Owner(), "Wing.JSON", content)
	s.mu.Lock()
	rev, file := s.revisionLocked(f.RevisionID)
	res := s.resourceLocked(f.ModelID)
	s.mu.Unlock()
	require.NotNil(t, rev)
	assert.Equal(t, f.FileID, file.ID)
	assert.Equal(t, "model", res.Type)
	assert.Equal(t, f.FileID, res.FileID)
	assert.Equal(t, "Wing.JSON", *rev.Name)
	assert.Equal(t, "json", *rev.Extension)
	assert.Equal(t, int64(len(content)), *rev.Size)
	tok := rev.ContentTok
	sum := sha512.Sum384(append(append([]byte(nil), content...), tok.Salt...))
	assert.Equal(t, hex.EncodeToString(sum[:]), tok.SHA)
	stored, ok := s.store.object(tok.SHA, tok.Salt)
	require.True(t, ok)
	assert.Equal(t, content, stored)
	props, ok := s.store.object(rev.PropertiesTok.SHA, rev.PropertiesTok.Salt)
	require.True(t, ok)
	assert.Contains(t, string(props), `"extension":"json"`)

	second := s.SeedRevision(s.Owner(), f.FileID, "Wing.JSON", []byte(`{"span": 31}`))
	s.mu.Lock()
	cur := s.fileLocked(f.FileID).currentRevision().ID
	s.mu.Unlock()
	assert.Equal(t, second, cur)
}

func TestViewersReadSystemsButDoNotWrite(t *testing.T) {
	s := NewServer()
	defer s.Close()
	f := s.SeedModel(s.Owner(), "a.json", []byte(`{}`))
	status, body := sysDo(t, s, "POST", "/api/v2/systems", s.Token(), `{"name":"S","description":"d"}`)
	require.Equal(t, http.StatusOK, status, body)
	var sys struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &sys))
	bob := s.AddUser("bob")

	status, _ = sysDo(t, s, "GET", "/api/v2/systems/"+sys.ID, bob.Token, "")
	assert.Equal(t, http.StatusNotFound, status, "invisible before sharing")

	s.mu.Lock()
	s.grantLocked(sys.ID, bob.ID, "viewer")
	s.mu.Unlock()
	status, _ = sysDo(t, s, "GET", "/api/v2/systems/"+sys.ID, bob.Token, "")
	assert.Equal(t, http.StatusOK, status)
	status, body = sysDo(t, s, "GET", "/api/v2/systems", bob.Token, "")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, sys.ID)
	status, _ = sysDo(t, s, "PUT", "/api/v2/systems/"+sys.ID, bob.Token, `{"name":"x","description":"y"}`)
	assert.Equal(t, http.StatusForbidden, status)
	cfgBody := `{"name":"c","tracked_files":[{"specifier_type":"Latest","file_id":"` + f.FileID + `"}]}`
	status, _ = sysDo(t, s, "POST", "/api/v2/systems/"+sys.ID+"/configurations", bob.Token, cfgBody)
	assert.Equal(t, http.StatusForbidden, status)
	status, _ = sysDo(t, s, "DELETE", "/api/v2/systems/"+sys.ID, bob.Token, "")
	assert.Equal(t, http.StatusForbidden, status)

	// The owner's configuration is readable by the viewer through the system.
	status, body = sysDo(t, s, "POST", "/api/v2/systems/"+sys.ID+"/configurations", s.Token(), cfgBody)
	require.Equal(t, http.StatusOK, status, body)
	var cfg struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &cfg))
	status, body = sysDo(t, s, "GET", "/api/v2/systems/configurations/"+cfg.ID+"/tracked-files", bob.Token, "")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, f.FileID)

	// A configuration over a file the caller cannot see is refused.
	carol := s.AddUser("carol")
	status, body = sysDo(t, s, "POST", "/api/v2/systems", carol.Token, `{"name":"C","description":""}`)
	require.Equal(t, http.StatusOK, status)
	var csys struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &csys))
	status, _ = sysDo(t, s, "POST", "/api/v2/systems/"+csys.ID+"/configurations", carol.Token, cfgBody)
	assert.Equal(t, http.StatusNotFound, status)
}

func TestUpdateSystemRequiresBothFields(t *testing.T) {
	s := NewServer()
	defer s.Close()
	_, body := sysDo(t, s, "POST", "/api/v2/systems", s.Token(), `{"name":"S","description":"d"}`)
	var sys struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &sys))
	status, body := sysDo(t, s, "PUT", "/api/v2/systems/"+sys.ID, s.Token(), `{"name":"only"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, status)
	assert.Contains(t, body, "description")
}

func TestMarkdownRendering(t *testing.T) {
	doc := `{"type":"doc","content":[
	 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Loads"}]},
	 {"type":"paragraph","content":[{"type":"text","text":"a"},{"type":"hard_break"},{"type":"text","marks":[{"type":"em"}],"text":"b"}]},
	 {"type":"orderedList","attrs":{"start":3},"content":[
	   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"three"}]},
	     {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","marks":[{"type":"code"}],"text":"x"}]}]}]}]},
	   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"four"}]}]}]},
	 {"type":"code_block","content":[{"type":"text","text":"go test"}]},
	 {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
	 {"type":"horizontal_rule"}]}`
	out, err := renderMarkdown("t", json.RawMessage(doc))
	require.NoError(t, err)
	assert.Equal(t, "## Loads\n\na  \n*b*\n\n3. three\n  - `x`\n4. four\n\n```\ngo test\n```\n\n> quoted\n\n---\n", string(out))
}

func TestPDFWrapAndPagination(t *testing.T) {
	assert.Equal(t, []string{"aaaa bbbb", "cccc"}, pdfWrap("aaaa bbbb cccc", 10))
	assert.Equal(t, []string{"abcdefghij", "klm"}, pdfWrap("abcdefghijklm", 10))
	assert.Equal(t, []string{""}, pdfWrap("   ", 20))
	lines := make([]pdfLine, 100)
	for i := range lines {
		lines[i] = pdfLine{leading: 15}
	}
	pages := pdfPaginate(lines)
	// (792 - 2*72) / 15 = 43 lines per page.
	require.Len(t, pages, 3)
	assert.Len(t, pages[0], 43)
	assert.Len(t, pages[2], 100-86)
	assert.Equal(t, `a\(b\)\\ \225 \374 ?`, pdfString("a(b)\\ • ü ✓"))

	out, err := renderPDF("Empty", json.RawMessage(`{"type":"doc","content":[]}`))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(out, []byte("%PDF-1.4\n")))
	assert.Contains(t, string(out), "/Count 1")
}
