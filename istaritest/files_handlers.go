package istaritest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// Handlers of the files domain: files, revisions, models, artifacts, comments, resources and search.

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateFile:           handleCreateFile,
		ops.UpdateFile:           handleUpdateFile,
		ops.UpdateFileProperties: handleUpdateFileProperties,
		ops.GetFile:              handleGetFile,
		ops.ListFiles:            handleListFiles,
		ops.ArchiveFile:          handleArchiveFile(enums.ArchiveStatusNameArchived),
		ops.RestoreFile:          handleArchiveFile(enums.ArchiveStatusNameActive),
		ops.GetRevision:          handleGetRevision,
		ops.ArchiveFileRevision:  handleArchiveRevision(enums.ArchiveStatusNameArchived),
		ops.RestoreFileRevision:  handleArchiveRevision(enums.ArchiveStatusNameActive),
		ops.CreateModel:          handleCreateResource("model"),
		ops.UpdateModel:          handleUpdateResource("model", "model_id"),
		ops.GetModel:             handleGetResourceByID("model", "model_id"),
		ops.ListModels:           handleListModels,
		ops.ArchiveModel:         handleArchiveResource("model", "model_id", enums.ArchiveStatusNameArchived),
		ops.RestoreModel:         handleArchiveResource("model", "model_id", enums.ArchiveStatusNameActive),
		ops.CreateArtifact:       handleCreateResource("artifact"),
		ops.CreateArtifactsBulk:  handleCreateArtifactsBulk,
		ops.UpdateArtifact:       handleUpdateResource("artifact", "artifact_id"),
		ops.GetArtifact:          handleGetResourceByID("artifact", "artifact_id"),
		ops.ListArtifacts:        handleListArtifacts,
		ops.ListModelArtifacts:   handleListArtifacts,
		ops.ArchiveArtifact:      handleArchiveResource("artifact", "artifact_id", enums.ArchiveStatusNameArchived),
		ops.RestoreArtifact:      handleArchiveResource("artifact", "artifact_id", enums.ArchiveStatusNameActive),
		ops.CreateComment:        handleCreateResource("comment"),
		ops.UpdateComment:        handleUpdateResource("comment", "comment_id"),
		ops.GetComment:           handleGetResourceByID("comment", "comment_id"),
		ops.ListModelComments:    handleListComments("model_id"),
		ops.ListArtifactComments: handleListComments("artifact_id"),
		ops.ArchiveComment:       handleArchiveResource("comment", "comment_id", enums.ArchiveStatusNameArchived),
		ops.RestoreComment:       handleArchiveResource("comment", "comment_id", enums.ArchiveStatusNameActive),
		ops.GetResource:          handleGetResource,
		ops.ListResources:        handleListResources,
		ops.SearchResources:      handleSearchResources,
	})
}

// checkRevisionLocked validates a client-built revision body: ids, tokens, and that both objects were
// uploaded. It answers and returns false on a problem.
func (s *Server) checkRevisionLocked(w http.ResponseWriter, rev *types.FileRevision, loc ...string) bool {
	switch {
	case rev.ID == "":
		writeValidation(w, append(loc, "id"), "Field required", "missing")
	case rev.ContentTok.SHA == "" || rev.PropertiesTok.SHA == "":
		writeValidation(w, append(loc, "content_token"), "content_token and properties_token are required", "missing")
	case s.files.revisions[rev.ID] != "":
		writeDetail(w, http.StatusConflict, "revision "+rev.ID+" already exists")
	case !s.store.has(rev.ContentTok.SHA, rev.ContentTok.Salt):
		writeDetail(w, http.StatusBadRequest, "content token object not found in storage")
	case !s.store.has(rev.PropertiesTok.SHA, rev.PropertiesTok.Salt):
		writeDetail(w, http.StatusBadRequest, "properties token object not found in storage")
	default:
		for _, f := range []*string{rev.Name, rev.Extension, rev.MIME, rev.Description, rev.DisplayName, rev.VersionName, rev.ExternalIdentifier} {
			if f != nil && len([]rune(*f)) > 255 {
				writeDetail(w, http.StatusBadRequest, "value too long for type character varying(255)")
				return false
			}
		}
		return true
	}
	return false
}

// visibleLocked: u can see the object itself, or the resource it hangs under.
func (s *Server) visibleLocked(id string, u *User) bool {
	for depth := 0; id != "" && depth < 16; depth++ {
		if s.canSeeLocked(id, u) {
			return true
		}
		r := s.files.resources[id]
		if r == nil {
			return false
		}
		id = r.ParentID
	}
	return false
}

// fileForLocked finds the file the file_id parameter names and checks the caller's relation on it (or a
// parent) with needLocked, answering 404/403 and returning nil when either fails.
func (s *Server) fileForLocked(w http.ResponseWriter, c *call, need string) *fileRec {
	f := s.fileLocked(c.param("file_id"))
	if f == nil {
		writeDetail(w, http.StatusNotFound, "File not found")
		return nil
	}
	if !s.needLocked(w, f.ID, c.user, need) {
		return nil
	}
	return f
}

// needLocked checks u's relation on id (inherited from parents), answering 404/403 and returning false.
func (s *Server) needLocked(w http.ResponseWriter, id string, u *User, need string) bool {
	status := http.StatusNotFound
	for depth := 0; id != "" && depth < 16; depth++ {
		st := s.allowLocked(id, u, need)
		if st == 0 {
			return true
		}
		if st == http.StatusForbidden {
			status = st
		}
		r := s.files.resources[id]
		if r == nil {
			break
		}
		id = r.ParentID
	}
	return !denyStatus(w, status)
}

// ---- files ----

func handleCreateFile(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var rev types.FileRevision
	if !c.decode(w, &rev) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.checkRevisionLocked(w, &rev, "body") {
		return
	}
	f := s.createFileLocked(c.user, "", "", rev)
	writeJSON(w, http.StatusOK, s.renderFileLocked(f))
}

func handleUpdateFile(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var rev types.FileRevision
	if !c.decode(w, &rev) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.fileForLocked(w, c, "editor")
	if f == nil || !s.checkRevisionLocked(w, &rev, "body") {
		return
	}
	s.appendRevisionLocked(c.user, f, rev)
	writeJSON(w, http.StatusOK, s.renderFileLocked(f))
}

func handleUpdateFileProperties(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var b types.TokenWithProperties
	if !c.decode(w, &b) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.fileForLocked(w, c, "editor")
	if f == nil {
		return
	}
	if b.SHA == "" || !s.store.has(b.SHA, b.Salt) {
		writeDetail(w, http.StatusBadRequest, "properties token object not found in storage")
		return
	}
	cur := f.currentRevision()
	rev := *cur
	rev.ID, rev.Created, rev.ArchiveStatusHistory, rev.Updated = newID(), types.Timestamp{Time: now()}, nil, nil
	rev.PropertiesTok = b.Token
	rev.Name, rev.Extension, rev.Size, rev.MIME = orPtr(b.Name, cur.Name), orPtr(b.Extension, cur.Extension), orPtr(b.Size, cur.Size), orPtr(b.MIME, cur.MIME)
	rev.Description, rev.DisplayName, rev.VersionName, rev.ExternalIdentifier = b.Description, b.DisplayName, b.VersionName, b.ExternalIdentifier
	s.appendRevisionLocked(c.user, f, rev)
	writeJSON(w, http.StatusOK, s.renderFileLocked(f))
}

func orPtr[T any](v, fallback *T) *T {
	if v != nil {
		return v
	}
	return fallback
}

func handleGetFile(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.fileLocked(c.param("file_id"))
	if f == nil || !s.visibleLocked(f.ID, c.user) && !s.visibleLocked(f.ResourceID, c.user) {
		writeDetail(w, http.StatusNotFound, "File not found")
		return
	}
	writeJSON(w, http.StatusOK, s.renderFileLocked(f))
}

func handleListFiles(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rows []listRow
	for _, id := range s.files.fileOrder {
		f := s.files.files[id]
		if s.visibleLocked(f.ID, c.user) || (f.ResourceID != "" && s.visibleLocked(f.ResourceID, c.user)) {
			rows = append(rows, listRow{id: f.ID, owner: f.OwnerID, created: f.Created, rev: f.currentRevision(), archived: isArchived(f.Archive)})
		}
	}
	ids, ok := filterRows(w, r, c.user, rows)
	if !ok {
		return
	}
	out := make([]types.File, len(ids))
	for i, id := range ids {
		out[i] = s.renderFileLocked(s.files.files[id])
	}
	writePage(w, r, out)
}

func handleArchiveFile(to enums.ArchiveStatusName) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		reason := archiveReason(c)
		s.mu.Lock()
		defer s.mu.Unlock()
		f := s.fileForLocked(w, c, "owner")
		if f == nil {
			return
		}
		f.Archive = append(f.Archive, statusEntry(c.user.ID, "file", f.ID, to, reason))
		writeJSON(w, http.StatusOK, s.renderFileLocked(f))
	}
}

// archiveReason reads the optional {"reason": ...} body.
func archiveReason(c *call) string {
	var b struct {
		Reason *string `json:"reason"`
	}
	if len(strings.TrimSpace(string(c.body))) > 0 && json.Unmarshal(c.body, &b) == nil && b.Reason != nil {
		return *b.Reason
	}
	return ""
}

func handleGetRevision(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rev, f := s.revisionLocked(c.param("revision_id"))
	if rev == nil || !s.visibleLocked(f.ID, c.user) && !s.visibleLocked(f.ResourceID, c.user) {
		writeDetail(w, http.StatusNotFound, "File revision not found")
		return
	}
	writeJSON(w, http.StatusOK, rev)
}

func handleArchiveRevision(to enums.ArchiveStatusName) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		reason := archiveReason(c)
		s.mu.Lock()
		defer s.mu.Unlock()
		rev, f := s.revisionLocked(c.param("revision_id"))
		if rev == nil {
			writeDetail(w, http.StatusNotFound, "File revision not found")
			return
		}
		if !s.needLocked(w, f.ID, c.user, "owner") {
			return
		}
		rev.ArchiveStatusHistory = append(rev.ArchiveStatusHistory, statusEntry(c.user.ID, "file_revision", rev.ID, to, reason))
		writeJSON(w, http.StatusOK, rev)
	}
}

// ---- models, artifacts, comments ----

// renderResourceLocked renders a model, artifact or comment with its nested artifacts and comments.
func (s *Server) renderResourceLocked(r *resourceRec, depth int) any {
	f := s.files.files[r.FileID]
	file := s.renderFileLocked(f)
	comments := []types.Comment{}
	artifacts := []types.Artifact{}
	if depth < 8 {
		for _, id := range s.files.order {
			child := s.files.resources[id]
			if child.ParentID != r.ID {
				continue
			}
			switch child.Type {
			case "comment":
				comments = append(comments, s.renderResourceLocked(child, depth+1).(types.Comment))
			case "artifact":
				if r.Type == "model" {
					artifacts = append(artifacts, s.renderResourceLocked(child, depth+1).(types.Artifact))
				}
			}
		}
	}
	history := append([]types.ArchiveStatusEntry(nil), r.Archive...)
	switch r.Type {
	case "model":
		return types.Model{ID: r.ID, Created: types.Timestamp{Time: r.Created}, File: file, Comments: comments, ArchiveStatusHistory: history, CreatedByID: r.OwnerID, Artifacts: artifacts}
	case "artifact":
		return types.Artifact{ID: r.ID, Created: types.Timestamp{Time: r.Created}, File: file, Comments: comments, ArchiveStatusHistory: history, CreatedByID: r.OwnerID, ModelID: ptr(r.ParentID)}
	default:
		c := types.Comment{ID: r.ID, Created: types.Timestamp{Time: r.Created}, File: file, Comments: comments, ArchiveStatusHistory: history, CreatedByID: r.OwnerID, ResourceID: ptr(r.ParentID)}
		if p := s.files.resources[r.ParentID]; p != nil {
			c.ResourceType = ptr(p.Type)
		}
		return c
	}
}

func handleCreateResource(typ string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		var rev types.FileRevision
		if !c.decode(w, &rev) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		parentID := ""
		switch typ {
		case "artifact":
			parentID = c.param("model_id")
			if p := s.files.resources[parentID]; p == nil || p.Type != "model" {
				writeDetail(w, http.StatusNotFound, "Model not found")
				return
			}
			if !s.needLocked(w, parentID, c.user, "editor") {
				return
			}
		case "comment":
			parentID = r.URL.Query().Get("resource_id")
			if s.files.resources[parentID] == nil {
				writeDetail(w, http.StatusNotFound, "Resource not found")
				return
			}
			if !s.needLocked(w, parentID, c.user, "viewer") {
				return
			}
		}
		if !s.checkRevisionLocked(w, &rev, "body") {
			return
		}
		res := s.createResourceLocked(c.user, typ, parentID, rev)
		writeJSON(w, http.StatusOK, s.renderResourceLocked(res, 0))
	}
}

func handleCreateArtifactsBulk(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var revs []types.FileRevision
	if !c.decode(w, &revs) {
		return
	}
	if len(revs) == 0 || len(revs) > 10 {
		writeDetail(w, http.StatusBadRequest, "Passed list of revisions to bulk artifact endpoint with size >10")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	modelID := c.param("model_id")
	if p := s.files.resources[modelID]; p == nil || p.Type != "model" {
		writeDetail(w, http.StatusNotFound, "Model not found")
		return
	}
	if !s.needLocked(w, modelID, c.user, "editor") {
		return
	}
	for i := range revs {
		if !s.checkRevisionLocked(w, &revs[i], "body", "item") {
			return
		}
	}
	out := make([]types.Artifact, len(revs))
	for i, rev := range revs {
		out[i] = s.renderResourceLocked(s.createResourceLocked(c.user, "artifact", modelID, rev), 0).(types.Artifact)
	}
	writeJSON(w, http.StatusOK, out)
}

// resourceOfLocked returns the resource of type typ named by the path parameter, answering 404 when it is
// missing or invisible.
func (s *Server) resourceOfLocked(w http.ResponseWriter, c *call, typ, param string) *resourceRec {
	r := s.files.resources[c.param(param)]
	if r == nil || r.Type != typ || !s.visibleLocked(r.ID, c.user) {
		writeDetail(w, http.StatusNotFound, strings.ToUpper(typ[:1])+typ[1:]+" not found")
		return nil
	}
	return r
}

func handleUpdateResource(typ, param string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		var rev types.FileRevision
		if !c.decode(w, &rev) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		r := s.resourceOfLocked(w, c, typ, param)
		if r == nil || !s.needLocked(w, r.ID, c.user, "editor") || !s.checkRevisionLocked(w, &rev, "body") {
			return
		}
		s.appendRevisionLocked(c.user, s.files.files[r.FileID], rev)
		writeJSON(w, http.StatusOK, s.renderResourceLocked(r, 0))
	}
}

func handleGetResourceByID(typ, param string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r := s.resourceOfLocked(w, c, typ, param); r != nil {
			writeJSON(w, http.StatusOK, s.renderResourceLocked(r, 0))
		}
	}
}

func handleArchiveResource(typ, param string, to enums.ArchiveStatusName) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		reason := archiveReason(c)
		s.mu.Lock()
		defer s.mu.Unlock()
		r := s.resourceOfLocked(w, c, typ, param)
		if r == nil || !s.needLocked(w, r.ID, c.user, "owner") {
			return
		}
		r.Archive = append(r.Archive, statusEntry(c.user.ID, "resource", r.ID, to, reason))
		writeJSON(w, http.StatusOK, s.renderResourceLocked(r, 0))
	}
}

// resourceRowsLocked lists the visible resources of the given types (and parent, when not "").
func (s *Server) resourceRowsLocked(u *User, parent string, typs ...string) []listRow {
	var rows []listRow
	for _, id := range s.files.order {
		r := s.files.resources[id]
		if !contains(typs, r.Type) || (parent != "" && r.ParentID != parent) || !s.visibleLocked(r.ID, u) {
			continue
		}
		f := s.files.files[r.FileID]
		rows = append(rows, listRow{id: r.ID, typ: r.Type, owner: r.OwnerID, created: r.Created, rev: f.currentRevision(), archived: isArchived(r.Archive)})
	}
	return rows
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func handleListModels(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids, ok := filterRows(w, r, c.user, s.resourceRowsLocked(c.user, "", "model"))
	if !ok {
		return
	}
	// Only the rows of the requested page are rendered (the others stay nil and writePage slices them away):
	// rendering a model scans every resource for its children, so rendering all rows made each page O(n²).
	out := make([]map[string]any, len(ids))
	lo, hi := pageWindow(r, len(ids))
	for i := lo; i < hi; i++ {
		id := ids[i]
		m := s.renderResourceLocked(s.files.resources[id], 0).(types.Model)
		rev := m.Revision()
		_ = rev
		item := map[string]any{ // the published client's ModelListItem
			"id": m.ID, "created": m.Created, "created_by_id": m.CreatedByID, "file": m.File,
			"archive_status": m.ArchiveStatus().Name, "artifact_ids": idsOf(m.Artifacts), "comment_ids": commentIDs(m.Comments),
			"job_ids": []string{},
		}
		out[i] = item
	}
	writePage(w, r, out)
}

// pageWindow is the [lo, hi) range of n rows that writePage will serve for r's page and size (empty when the
// parameters are invalid: writePage then answers 422 itself).
func pageWindow(r *http.Request, n int) (lo, hi int) {
	page, size, ok := pageParams(httptest.NewRecorder(), r)
	if !ok || page < 1 || size <= 0 {
		return 0, 0
	}
	lo = min((page-1)*size, n)
	return lo, min(lo+size, n)
}

func idsOf(as []types.Artifact) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func commentIDs(cs []types.Comment) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func handleListArtifacts(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := c.param("model_id")
	if ops.ID(c.op.ID) == ops.ListModelArtifacts {
		if m := s.files.resources[parent]; m == nil || m.Type != "model" || !s.visibleLocked(parent, c.user) {
			writeDetail(w, http.StatusNotFound, "Model not found")
			return
		}
	}
	ids, ok := filterRows(w, r, c.user, s.resourceRowsLocked(c.user, parent, "artifact"))
	if !ok {
		return
	}
	out := make([]types.Artifact, len(ids))
	for i, id := range ids {
		out[i] = s.renderResourceLocked(s.files.resources[id], 0).(types.Artifact)
	}
	writePage(w, r, out)
}

func handleListComments(param string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		s.mu.Lock()
		defer s.mu.Unlock()
		typ := strings.TrimSuffix(param, "_id")
		if s.resourceOfLocked(w, c, typ, param) == nil {
			return
		}
		if r.URL.Query().Has("filter_by") {
			writeValidation(w, []string{"query", "filter_by"}, "unexpected parameter", "extra_forbidden")
			return
		}
		ids, ok := filterRows(w, r, c.user, s.resourceRowsLocked(c.user, c.param(param), "comment"))
		if !ok {
			return
		}
		out := make([]types.Comment, len(ids))
		for i, id := range ids {
			out[i] = s.renderResourceLocked(s.files.resources[id], 0).(types.Comment)
		}
		writePage(w, r, out)
	}
}

// ---- resources and search ----

func handleGetResource(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	typ := strings.ToLower(c.param("resource_type"))
	r := s.files.resources[c.param("resource_id")]
	if r == nil || r.Type != typ || !s.visibleLocked(r.ID, c.user) {
		writeDetail(w, http.StatusNotFound, "Resource not found")
		return
	}
	writeJSON(w, http.StatusOK, s.renderResourceLocked(r, 0))
}

// searchItem is the registry's ResourceSearchItem (resource_type is the fake's older spelling of type_name).
type searchItem struct {
	ID             string                  `json:"id"`
	TypeName       string                  `json:"type_name"`
	ResourceType   string                  `json:"resource_type"`
	Name           string                  `json:"name"`
	DisplayName    *string                 `json:"display_name"`
	Description    *string                 `json:"description"`
	Created        types.Timestamp         `json:"created"`
	Updated        types.Timestamp         `json:"updated"`
	CreatedByID    string                  `json:"created_by_id"`
	FileID         string                  `json:"file_id"`
	FileRevisionID string                  `json:"file_revision_id"`
	ArchiveStatus  enums.ArchiveStatusName `json:"archive_status"`
}

func (s *Server) searchItemsLocked(ids []string) []searchItem {
	out := make([]searchItem, len(ids))
	for i, id := range ids {
		r := s.files.resources[id]
		rev := s.files.files[r.FileID].currentRevision()
		status := enums.ArchiveStatusNameActive
		if n := len(r.Archive); n > 0 {
			status = r.Archive[n-1].Name
		}
		out[i] = searchItem{ID: r.ID, TypeName: r.Type, ResourceType: r.Type, Name: rev.FullName(), DisplayName: rev.DisplayName,
			Description: rev.Description, Created: types.Timestamp{Time: r.Created}, Updated: rev.Created,
			CreatedByID: r.OwnerID, FileID: r.FileID, FileRevisionID: rev.ID, ArchiveStatus: status}
	}
	return out
}

func handleListResources(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids, ok := filterRows(w, r, c.user, s.resourceRowsLocked(c.user, "", "model", "artifact"))
	if ok {
		writePage(w, r, s.searchItemsLocked(ids))
	}
}

// handleSearchResources serves POST /api/v2/resources/search with the registry's FullTextSearch body
// {"search_term", "page", "size"}.
func handleSearchResources(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body struct {
		SearchTerm string `json:"search_term"`
		Page       *int   `json:"page"`
		Size       *int   `json:"size"`
	}
	if !c.decode(w, &body) {
		return
	}
	term := strings.ToLower(strings.TrimSpace(body.SearchTerm))
	if term == "" {
		writeValidation(w, []string{"body", "search_term"}, "String should have at least 1 character", "string_too_short")
		return
	}
	q := url.Values{}
	if body.Size != nil {
		if *body.Size < 1 || *body.Size > 100 {
			writeValidation(w, []string{"body", "size"}, "Input should be between 1 and 100", "value_error")
			return
		}
		q.Set("size", strconv.Itoa(*body.Size))
	}
	if body.Page != nil {
		if *body.Page < 1 {
			writeValidation(w, []string{"body", "page"}, "Input should be greater than or equal to 1", "greater_than_equal")
			return
		}
		q.Set("page", strconv.Itoa(*body.Page))
	}
	r.URL.RawQuery = q.Encode() // writePage reads the paging of the request

	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, row := range s.resourceRowsLocked(c.user, "", "model", "artifact", "comment") {
		if row.archived {
			continue
		}
		hay := strings.ToLower(row.rev.FullName() + "\n" + deref(row.rev.Description) + "\n" + deref(row.rev.DisplayName))
		if strings.Contains(hay, term) {
			ids = append(ids, row.id)
		}
	}
	writePage(w, r, s.searchItemsLocked(ids))
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// ---- list filters ----

// listRow is what the shared list filters look at.
type listRow struct {
	id, typ  string
	owner    string
	created  time.Time
	rev      *types.FileRevision
	archived bool
}

// filterRows applies filter_by, archive_status (default active) and sort (created, -created, name, -name;
// default creation order) and returns the ids. It answers 422 for an unknown value and returns false.
func filterRows(w http.ResponseWriter, r *http.Request, u *User, rows []listRow) ([]string, bool) {
	q := r.URL.Query()
	status := q.Get("archive_status")
	if status == "" {
		status = "active"
	}
	if status != "active" && status != "archived" && status != "all" {
		writeValidation(w, []string{"query", "archive_status"}, "Input should be 'active', 'archived' or 'all'", "enum")
		return nil, false
	}
	filterBy := q.Get("filter_by")
	if filterBy != "" && filterBy != "created_by_id" && filterBy != "-created_by_id" {
		writeValidation(w, []string{"query", "filter_by"}, "Input should be 'created_by_id' or '-created_by_id'", "enum")
		return nil, false
	}
	kept := rows[:0:0]
	for _, row := range rows {
		switch {
		case status == "active" && row.archived, status == "archived" && !row.archived:
			continue
		case filterBy == "created_by_id" && row.owner != u.ID, filterBy == "-created_by_id" && row.owner == u.ID:
			continue
		}
		kept = append(kept, row)
	}
	sortBy := q.Get("sort")
	desc := strings.HasPrefix(sortBy, "-")
	switch strings.TrimPrefix(sortBy, "-") {
	case "":
	case "created":
		sort.SliceStable(kept, func(i, j int) bool {
			return kept[i].created.Before(kept[j].created) != desc && !kept[i].created.Equal(kept[j].created)
		})
	case "name":
		sort.SliceStable(kept, func(i, j int) bool {
			a, b := kept[i].rev.FullName(), kept[j].rev.FullName()
			if desc {
				return a > b
			}
			return a < b
		})
	default:
		writeValidation(w, []string{"query", "sort"}, "unknown sort field", "value_error")
		return nil, false
	}
	ids := make([]string, len(kept))
	for i, row := range kept {
		ids[i] = row.id
	}
	return ids, true
}
