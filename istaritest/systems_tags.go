package istaritest

import (
	"net/http"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// baselineTag is the reserved tag name of a system's baseline.
const baselineTag = "baseline"

// tagRec is a snapshot tag with its move history, oldest first.
type tagRec struct {
	tag        types.SnapshotTag
	systemID   string
	baselineID string          // id of the SystemBaseline record when the tag is a baseline
	moved      types.Timestamp // when the tag last moved
	history    []tagHistoryEntry
}

// tagHistoryEntry is the wire form of a SnapshotTagRevision.
type tagHistoryEntry struct {
	ID          string          `json:"id"`
	TagID       string          `json:"tag_id"`
	Tag         string          `json:"tag"`
	SnapshotID  string          `json:"snapshot_id"`
	Created     types.Timestamp `json:"created"`
	CreatedByID string          `json:"created_by_id"`
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateTag:     handleCreateTag,
		ops.GetTag:        handleGetTag,
		ops.UpdateTag:     handleUpdateTag,
		ops.ArchiveTag:    handleArchiveTag(enums.SnapshotTagArchiveStatusArchived),
		ops.RestoreTag:    handleArchiveTag(enums.SnapshotTagArchiveStatusActive),
		ops.ListTags:      handleListTags,
		ops.GetTagHistory: handleGetTagHistory,
	})
}

// tagForLocked finds a tag and checks u's access to its system.
func (s *Server) tagForLocked(w http.ResponseWriter, u *User, id, need string) *tagRec {
	return lookupAllowed(s, w, s.sys.tags[id], "Tag not found", func(t *tagRec) string { return t.systemID }, u, need)
}

// baselineTagLocked is the active baseline tag of a system, or nil.
func (s *Server) baselineTagLocked(systemID string) *tagRec {
	for _, id := range s.sys.tagOrder {
		t := s.sys.tags[id]
		if t.systemID == systemID && t.tag.IsBaseline && !t.tag.IsArchived() {
			return t
		}
	}
	return nil
}

// baselineConflictLocked answers 400 and returns true when another active baseline exists in the system.
func (s *Server) baselineConflictLocked(w http.ResponseWriter, systemID, exceptTagID string) bool {
	if t := s.baselineTagLocked(systemID); t != nil && t.tag.ID != exceptTagID {
		writeDetail(w, http.StatusBadRequest, "tag baseline already exists in the system")
		return true
	}
	return false
}

func (t *tagRec) move(by *User, snapshotID string) {
	t.tag.SnapshotID = snapshotID
	t.moved = types.Timestamp{Time: now()}
	t.history = append(t.history, tagHistoryEntry{ID: newID(), TagID: t.tag.ID, Tag: t.tag.Tag, SnapshotID: snapshotID,
		Created: t.moved, CreatedByID: by.ID})
}

func handleCreateTag(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewSnapshotTag
	if !c.decode(w, &body) {
		return
	}
	if strings.TrimSpace(body.Tag) == "" {
		writeValidation(w, []string{"body", "tag"}, "String should have at least 1 character", "string_too_short")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sr := s.snapshotForLocked(w, c.user, c.param("snapshot_id"), "editor")
	if sr == nil {
		return
	}
	isBaseline := body.Tag == baselineTag
	if isBaseline && s.baselineConflictLocked(w, sr.systemID, "") {
		return
	}
	t := &tagRec{systemID: sr.systemID}
	t.tag = types.SnapshotTag{ID: newID(), Tag: body.Tag, IsBaseline: isBaseline, Created: types.Timestamp{Time: now()},
		ArchiveStatus: enums.SnapshotTagArchiveStatusActive}
	if isBaseline {
		t.baselineID = newID()
	}
	t.move(c.user, sr.snap.ID)
	s.sys.tags[t.tag.ID] = t
	s.sys.tagOrder = append(s.sys.tagOrder, t.tag.ID)
	writeJSON(w, http.StatusCreated, t.tag)
}

func handleGetTag(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.tagForLocked(w, c.user, c.param("tag_id"), "viewer"); t != nil {
		writeJSON(w, http.StatusOK, t.tag)
	}
}

func handleUpdateTag(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.UpdateTag
	if !c.decode(w, &body) {
		return
	}
	if body.SnapshotID == "" {
		writeValidation(w, []string{"body", "snapshot_id"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tagForLocked(w, c.user, c.param("tag_id"), "editor")
	if t == nil {
		return
	}
	sr := s.snapshotForLocked(w, c.user, body.SnapshotID, "viewer")
	if sr == nil {
		return
	}
	if sr.systemID != t.systemID {
		writeDetail(w, http.StatusBadRequest, "Snapshot "+sr.snap.ID+" belongs to another system")
		return
	}
	if sr.snap.ID != t.tag.SnapshotID {
		t.move(c.user, sr.snap.ID)
	}
	writeJSON(w, http.StatusOK, t.tag)
}

// handleArchiveTag archives or restores a tag; tags take no body.
func handleArchiveTag(target enums.SnapshotTagArchiveStatus) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		s.mu.Lock()
		defer s.mu.Unlock()
		t := s.tagForLocked(w, c.user, c.param("tag_id"), "editor")
		if t == nil {
			return
		}
		if target == enums.SnapshotTagArchiveStatusActive && t.tag.IsBaseline && t.tag.IsArchived() &&
			s.baselineConflictLocked(w, t.systemID, t.tag.ID) {
			return
		}
		t.tag.ArchiveStatus = target
		writeJSON(w, http.StatusOK, t.tag)
	}
}

func handleListTags(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	sysID, cfgID, snapID := q.Get("system_id"), q.Get("configuration_id"), q.Get("snapshot_id")
	status := q.Get("archive_status")
	if status == "" {
		status = string(enums.SnapshotTagArchiveStatusActive)
	}
	s.mu.Lock()
	items := listFiltered(s.sys.tagOrder, s.sys.tags, func(t *tagRec) bool {
		sr := s.sys.snaps[t.tag.SnapshotID]
		// Upper case only: like the registry, "active" silently matches nothing.
		return s.canSeeLocked(t.systemID, c.user) && string(t.tag.ArchiveStatus) == status &&
			(sysID == "" || t.systemID == sysID) && (snapID == "" || t.tag.SnapshotID == snapID) &&
			(cfgID == "" || (sr != nil && sr.snap.ConfigurationID == cfgID))
	}, func(t *tagRec) types.SnapshotTag { return t.tag })
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.SnapshotTag) string{
		"tag": func(v types.SnapshotTag) string { return v.Tag },
	})
}

func handleGetTagHistory(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tagForLocked(w, c.user, c.param("tag_id"), "viewer")
	if t == nil {
		return
	}
	out := make([]tagHistoryEntry, 0, len(t.history))
	for i := len(t.history) - 1; i >= 0; i-- {
		out = append(out, t.history[i])
	}
	writeJSON(w, http.StatusOK, out)
}
