package istaritest

// This file serves the control tags and control taggings. Tags restrict access and
// never grant it: the fake records them but does not filter reads by them. A model's tags propagate to its
// artifacts (the propagated taggings carry propagated_from_resource_id).

import (
	"net/http"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateControlTag:              handleCreateControlTag,
		ops.GetControlTag:                 handleGetControlTag,
		ops.ListControlTags:               handleListControlTags,
		ops.UpdateControlTag:              handleUpdateControlTag,
		ops.PatchModelControlTaggings:     patchTaggingsOf("model", "model_id"),
		ops.PatchArtifactControlTaggings:  patchTaggingsOf("artifact", "artifact_id"),
		ops.PatchFileControlTaggings:      patchTaggingsOf("file", "file_id"),
		ops.PatchUserControlTaggings:      patchTaggingsOf("user", "user_id"),
		ops.GetModelControlTaggings:       getTaggingsOf("model", "model_id", false),
		ops.GetArtifactControlTaggings:    getTaggingsOf("artifact", "artifact_id", false),
		ops.GetFileControlTaggings:        getTaggingsOf("file", "file_id", false),
		ops.GetModelControlTaggingHistory: getTaggingsOf("model", "model_id", true),
		ops.GetObjectControlTags:          handleGetObjectControlTags,
	})
}

type controlTagRec struct {
	ID          string
	Name        string
	Description *string
	Created     time.Time
	CreatedByID string
}

type wireTag struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description *string   `json:"description"`
	Created     time.Time `json:"created"`
	CreatedByID string    `json:"created_by_id"`
	Status      string    `json:"status"` // ControlTagStatus: "active" or "archived"
}

func (t *controlTagRec) wire() wireTag {
	return wireTag{ID: t.ID, Name: t.Name, Description: t.Description, Created: t.Created, CreatedByID: t.CreatedByID, Status: "active"}
}

type taggingRec struct {
	ID             string
	TagID          string
	ObjectType     string // model, artifact, file, user
	ObjectID       string
	Created        time.Time
	CreatedByID    string
	Reason         *string
	Archived       *time.Time
	PropagatedFrom string // model id for a tagging propagated to an artifact
}

type wireTagging struct {
	ID                       string     `json:"id"`
	ControlTagID             string     `json:"control_tag_id"`
	ControlTag               wireTag    `json:"control_tag"`
	ResourceID               string     `json:"resource_id,omitempty"`
	ResourceType             string     `json:"resource_type,omitempty"`
	UserID                   string     `json:"user_id,omitempty"`
	ObjectID                 string     `json:"object_id,omitempty"`
	ObjectType               string     `json:"object_type,omitempty"`
	InheritedFromObjectID    *string    `json:"inherited_from_object_id,omitempty"`
	InheritedFromObjectType  *string    `json:"inherited_from_object_type,omitempty"`
	Status                   string     `json:"status"`
	Created                  time.Time  `json:"created"`
	CreatedByID              string     `json:"created_by_id"`
	Reason                   *string    `json:"reason"`
	ArchiveStatus            string     `json:"archive_status"`
	Archived                 *time.Time `json:"archived,omitempty"`
	PropagatedFromResourceID *string    `json:"propagated_from_resource_id,omitempty"`
}

func (s *Server) wireTaggingLocked(t *taggingRec) wireTagging {
	out := wireTagging{ID: t.ID, ControlTagID: t.TagID, ControlTag: s.admin.tags[t.TagID].wire(), Created: t.Created,
		CreatedByID: t.CreatedByID, Reason: t.Reason, ArchiveStatus: "active", Archived: t.Archived}
	if t.ObjectType == "user" {
		out.UserID = t.ObjectID
	} else {
		out.ResourceID, out.ResourceType = t.ObjectID, t.ObjectType
		out.ObjectID, out.ObjectType = t.ObjectID, t.ObjectType
	}
	if t.Archived != nil {
		out.ArchiveStatus = "archived"
	}
	out.Status = out.ArchiveStatus
	if t.PropagatedFrom != "" {
		out.PropagatedFromResourceID = ptr(t.PropagatedFrom)
		out.InheritedFromObjectID, out.InheritedFromObjectType = ptr(t.PropagatedFrom), ptr("model")
	}
	return out
}

// activeTagsLocked lists the active control tags of an object, in tag creation order (for other domains
// rendering Model.control_tags, User.control_tags, ...).
func (s *Server) activeTagsLocked(objectType, objectID string) []wireTag {
	active := map[string]bool{}
	for _, t := range s.admin.taggings {
		if t.ObjectType == objectType && t.ObjectID == objectID && t.Archived == nil {
			active[t.TagID] = true
		}
	}
	return listFiltered(s.admin.tagOrder, s.admin.tags, func(t *controlTagRec) bool { return active[t.ID] }, (*controlTagRec).wire)
}

// checkTagDescription answers 422 for a description above 255 characters.
func checkTagDescription(w http.ResponseWriter, d *string) bool {
	if d != nil && utf8.RuneCountInString(*d) > 255 {
		writeValidation(w, []string{"body", "description"}, "String should have at most 255 characters", "string_too_long")
		return false
	}
	return true
}

// handleCreateControlTag needs a customer administrator.
func handleCreateControlTag(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct {
		Name        string  `json:"name"`
		Description *string `json:"description"`
	}
	if !c.decode(w, &body) {
		return
	}
	if body.Name == "" {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	if !checkTagDescription(w, body.Description) {
		return
	}
	if !c.user.Admin {
		writeDetail(w, http.StatusForbidden, "Forbidden: managing control tags needs a customer administrator")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &controlTagRec{ID: newID(), Name: body.Name, Description: body.Description, Created: now(), CreatedByID: c.user.ID}
	s.admin.tags[t.ID] = t
	s.admin.tagOrder = append(s.admin.tagOrder, t.ID)
	writeJSON(w, http.StatusOK, t.wire())
}

func handleGetControlTag(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.admin.tags[c.param("control_tag_id")], "Control tag not found", (*controlTagRec).wire)
}

func handleListControlTags(s *Server, w http.ResponseWriter, r *http.Request, _ *call) {
	s.mu.Lock()
	items := renderInOrder(s.admin.tagOrder, s.admin.tags, (*controlTagRec).wire)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, items) // a plain list, as the registry answers (no paging)
}

func handleUpdateControlTag(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct { // the registry's UpdateControlTag: the tag's id travels in the body
		ID          string  `json:"id"`
		Name        *string `json:"name"`
		Description *string `json:"description"`
	}
	if !c.decode(w, &body) || !checkTagDescription(w, body.Description) {
		return
	}
	if body.ID == "" {
		writeValidation(w, []string{"body", "id"}, "Field required", "missing")
		return
	}
	if body.Name != nil && *body.Name == "" {
		writeValidation(w, []string{"body", "name"}, "String should have at least 1 character", "string_too_short")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.admin.tags[body.ID]
	if t == nil {
		writeDetail(w, http.StatusNotFound, "Control tag not found")
		return
	}
	if !c.user.Admin {
		writeDetail(w, http.StatusForbidden, "Forbidden: managing control tags needs a customer administrator")
		return
	}
	if body.Name != nil {
		t.Name = *body.Name
	}
	if body.Description != nil {
		t.Description = body.Description
	}
	writeJSON(w, http.StatusOK, t.wire())
}

// taggingStatusLocked decides whether u may tag (need=owner) or read the taggings of (need=viewer) an
// object: 0, 403 or 404. Artifacts are tagged with owner rights on their model; users by administrators of
// their tenant.
func (s *Server) taggingStatusLocked(objectType, id string, u *User, need string) int {
	switch objectType {
	case "user":
		target := s.userByID[id]
		if target == nil || target.TenantID != u.TenantID {
			return http.StatusNotFound
		}
		if need == "owner" && !u.Admin {
			return http.StatusForbidden
		}
		return 0
	case "artifact":
		if st := s.accessStatusLocked("artifact", id, u, "viewer"); st != 0 || need == "viewer" {
			return st
		}
		if parent := s.resourceLocked(id).ParentID; parent != "" {
			return s.allowLocked(parent, u, need)
		}
		return s.allowLocked(id, u, need)
	case "model", "file":
		return s.accessStatusLocked(objectType, id, u, need)
	}
	return s.accessStatusLocked(objectType, id, u, need)
}

func patchTaggingsOf(objectType, param string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		q := r.URL.Query()
		op := q.Get("patch_op")
		if op != "set" && op != "delete" {
			writeValidation(w, []string{"query", "patch_op"}, "Input should be 'set' or 'delete'", "enum")
			return
		}
		var ids []string
		if !c.decode(w, &ids) {
			return
		}
		var reason *string
		if q.Has("reason") {
			reason = ptr(q.Get("reason"))
		}
		id := c.param(param)
		s.mu.Lock()
		defer s.mu.Unlock()
		if denyStatus(w, s.taggingStatusLocked(objectType, id, c.user, "owner")) {
			return
		}
		for _, tagID := range ids {
			if s.admin.tags[tagID] == nil {
				writeDetail(w, http.StatusNotFound, "Control tag "+tagID+" not found")
				return
			}
		}
		var changed []*taggingRec
		for _, tagID := range ids {
			if op == "set" {
				changed = append(changed, s.setTaggingLocked(c.user, objectType, id, tagID, reason, ""))
			} else {
				changed = append(changed, s.deleteTaggingLocked(objectType, id, tagID, "")...)
			}
			if objectType != "model" {
				continue
			}
			for _, art := range s.artifactsOfLocked(id) {
				if op == "set" {
					changed = append(changed, s.setTaggingLocked(c.user, "artifact", art, tagID, reason, id))
				} else {
					changed = append(changed, s.deleteTaggingLocked("artifact", art, tagID, id)...)
				}
			}
		}
		out := make([]wireTagging, 0, len(changed))
		for _, t := range changed {
			out = append(out, s.wireTaggingLocked(t))
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// setTaggingLocked returns the active tagging of tag on the object, creating it when there is none.
func (s *Server) setTaggingLocked(by *User, objectType, id, tagID string, reason *string, from string) *taggingRec {
	for _, t := range s.admin.taggings {
		if t.ObjectType == objectType && t.ObjectID == id && t.TagID == tagID && t.Archived == nil && t.PropagatedFrom == from {
			return t
		}
	}
	t := &taggingRec{ID: newID(), TagID: tagID, ObjectType: objectType, ObjectID: id, Created: now(),
		CreatedByID: by.ID, Reason: reason, PropagatedFrom: from}
	s.admin.taggings = append(s.admin.taggings, t)
	return t
}

// deleteTaggingLocked archives the active taggings of tag on the object that came from `from` ("" = direct).
func (s *Server) deleteTaggingLocked(objectType, id, tagID, from string) []*taggingRec {
	var out []*taggingRec
	for _, t := range s.admin.taggings {
		if t.ObjectType == objectType && t.ObjectID == id && t.TagID == tagID && t.Archived == nil && t.PropagatedFrom == from {
			at := now()
			t.Archived = &at
			out = append(out, t)
		}
	}
	return out
}

// artifactsOfLocked lists the artifacts whose model is modelID, in creation order.
func (s *Server) artifactsOfLocked(modelID string) []string {
	var out []string
	for _, id := range s.files.order {
		if r := s.files.resources[id]; r.Type == "artifact" && r.ParentID == modelID {
			out = append(out, id)
		}
	}
	return out
}

func getTaggingsOf(objectType, param string, history bool) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		id := c.param(param)
		s.mu.Lock()
		defer s.mu.Unlock()
		if denyStatus(w, s.taggingStatusLocked(objectType, id, c.user, "viewer")) {
			return
		}
		out := []wireTagging{}
		for _, t := range s.admin.taggings {
			if t.ObjectType == objectType && t.ObjectID == id && (history || t.Archived == nil) {
				out = append(out, s.wireTaggingLocked(t))
			}
		}
		writeJSON(w, http.StatusOK, out)
	}
}

var taggingObjectTypes = []string{"model", "artifact", "file", "user", "system", "resource", "unknown"}

func handleGetObjectControlTags(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	typ, id := c.param("object_type"), c.param("object_id")
	if !slices.Contains(taggingObjectTypes, typ) {
		writeValidation(w, []string{"path", "object_type"}, "unknown object_type", "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.resourceLocked(id); typ == "resource" && r != nil {
		typ = r.Type
	}
	if typ == "resource" || typ == "unknown" {
		if !s.canSeeLocked(id, c.user) {
			denyStatus(w, http.StatusNotFound)
			return
		}
	} else if denyStatus(w, s.taggingStatusLocked(typ, id, c.user, "viewer")) {
		return
	}
	writeJSON(w, http.StatusOK, s.activeTagsLocked(typ, id))
}

// inheritModelTagsLocked gives a new artifact the active tags of its model, as propagated taggings. The
// files domain calls it when it creates an artifact; SeedResourceWithParent does too.
func (s *Server) inheritModelTagsLocked(by *User, artifactID string) {
	r := s.resourceLocked(artifactID)
	if r == nil || r.Type != "artifact" || r.ParentID == "" {
		return
	}
	for _, t := range slices.Clone(s.admin.taggings) {
		if t.ObjectType == "model" && t.ObjectID == r.ParentID && t.Archived == nil && t.PropagatedFrom == "" {
			s.setTaggingLocked(by, "artifact", artifactID, t.TagID, t.Reason, r.ParentID)
		}
	}
}
