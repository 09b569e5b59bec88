package istaritest

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// snapshotRec is a stored snapshot with the revisions it pins.
type snapshotRec struct {
	snap       types.Snapshot
	systemID   string
	items      []types.SnapshotItem
	subsystems []types.SnapshotSubsystemItem
}

// sysPin is one tracked file resolved to a revision.
type sysPin struct {
	fileID, revisionID, specifier string
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateSnapshot:         handleCreateSnapshot,
		ops.GetSnapshot:            handleGetSnapshot,
		ops.ListSnapshots:          handleListSnapshots,
		ops.ListSnapshotItems:      handleListSnapshotItems,
		ops.ListSnapshotRevisions:  handleListSnapshotRevisions,
		ops.ListSnapshotSubsystems: handleListSnapshotSubsystems,
	})
}

// snapshotForLocked finds a snapshot and checks u's access to its system.
func (s *Server) snapshotForLocked(w http.ResponseWriter, u *User, id, need string) *snapshotRec {
	return lookupAllowed(s, w, s.sys.snaps[id], "Snapshot not found", func(sr *snapshotRec) string { return sr.systemID }, u, need)
}

// resolvePinsLocked resolves every tracked file of a configuration to the revision a snapshot would pin.
func (s *Server) resolvePinsLocked(cr *configRec) []sysPin {
	pins := make([]sysPin, 0, len(cr.files))
	for _, tf := range cr.files {
		if id := s.resolveTrackedLocked(tf); id != "" {
			pins = append(pins, sysPin{fileID: tf.FileID, revisionID: id, specifier: string(tf.SpecifierType)})
		}
	}
	return pins
}

// subsystemPinsLocked resolves the tracked systems of a configuration to the snapshots their tags (or
// baselines) point at.
func (s *Server) subsystemPinsLocked(cr *configRec) []types.SnapshotSubsystemItem {
	var out []types.SnapshotSubsystemItem
	for _, ts := range cr.systems {
		child := s.sys.systems[ts.SystemID]
		if child == nil {
			continue
		}
		item := types.SnapshotSubsystemItem{SystemID: child.ID, SystemName: child.Name, SystemDescription: child.Description}
		t := s.baselineTagLocked(child.ID)
		if ts.TagID != nil {
			t = s.sys.tags[*ts.TagID]
		}
		if t != nil {
			item.TagID, item.TaggedSnapshotID = ptr(t.tag.ID), ptr(t.tag.SnapshotID)
		}
		out = append(out, item)
	}
	return out
}

// snapshotSHA fingerprints the pinned revisions and subsystem snapshots.
func snapshotSHA(pins []sysPin, subs []types.SnapshotSubsystemItem) string {
	parts := make([]string, 0, len(pins)+len(subs))
	for _, p := range pins {
		parts = append(parts, "rev:"+p.revisionID)
	}
	for _, sub := range subs {
		parts = append(parts, "sys:"+sub.SystemID+":"+sysDeref(sub.TaggedSnapshotID))
	}
	return sysSHAOf(parts)
}

// createSnapshotLocked stores a snapshot of cr pinning pins.
func (s *Server) createSnapshotLocked(u *User, cr *configRec, pins []sysPin) *snapshotRec {
	subs := s.subsystemPinsLocked(cr)
	sr := &snapshotRec{systemID: cr.cfg.SystemID, subsystems: subs}
	sr.snap = types.Snapshot{ID: newID(), Created: types.Timestamp{Time: now()}, ConfigurationID: cr.cfg.ID,
		SHA: snapshotSHA(pins, subs), CreatedByID: u.ID}
	for _, p := range pins {
		sr.items = append(sr.items, types.SnapshotItem{ID: newID(), Created: sr.snap.Created, FileRevisionID: p.revisionID,
			Extra: map[string]json.RawMessage{"file_id": sysRawString(p.fileID), "snapshot_id": sysRawString(sr.snap.ID)}})
	}
	s.sys.snaps[sr.snap.ID] = sr
	s.sys.snapOrder = append(s.sys.snapOrder, sr.snap.ID)
	cr.lastSnap = sr.snap.SHA
	return sr
}

func sysRawString(v string) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

func handleCreateSnapshot(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewSnapshot
	if len(strings.TrimSpace(string(c.body))) > 0 && !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cr := s.configForLocked(w, c.user, c.param("configuration_id"), "editor")
	if cr == nil {
		return
	}
	pins := s.resolvePinsLocked(cr)
	sha := snapshotSHA(pins, s.subsystemPinsLocked(cr))
	if body.DryRun != nil && *body.DryRun {
		items := make([]map[string]string, 0, len(pins))
		for _, p := range pins {
			items = append(items, map[string]string{"file_id": p.fileID, "file_revision_id": p.revisionID, "specifier_type": p.specifier})
		}
		writeJSON(w, http.StatusOK, map[string]any{"dry_run": true, "configuration_id": cr.cfg.ID, "sha": sha,
			"created": types.Timestamp{Time: now()}, "created_by_id": c.user.ID, "changed": sha != cr.lastSnap, "items": items})
		return
	}
	if sha == cr.lastSnap {
		// status's value is the fake's choice: the published client only says it is a string
		writeJSON(w, http.StatusOK, map[string]any{"status": "no_op", "message": "No changes since last snapshot"})
		return
	}
	sr := s.createSnapshotLocked(c.user, cr, pins)
	writeJSON(w, http.StatusOK, sr.snap)
}

func handleGetSnapshot(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sr := s.snapshotForLocked(w, c.user, c.param("snapshot_id"), "viewer"); sr != nil {
		writeJSON(w, http.StatusOK, sr.snap)
	}
}

func handleListSnapshots(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	sysID, cfgID, tag := q.Get("system_id"), q.Get("configuration_id"), q.Get("tag")
	s.mu.Lock()
	items := listFiltered(s.sys.snapOrder, s.sys.snaps, func(sr *snapshotRec) bool {
		return s.canSeeLocked(sr.systemID, c.user) && (sysID == "" || sr.systemID == sysID) &&
			(cfgID == "" || sr.snap.ConfigurationID == cfgID) && (tag == "" || s.snapshotTaggedLocked(sr.snap.ID, tag))
	}, func(sr *snapshotRec) types.Snapshot { return sr.snap })
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.Snapshot) string{})
}

// snapshotTaggedLocked reports whether an active tag named tag points at the snapshot.
func (s *Server) snapshotTaggedLocked(snapshotID, tag string) bool {
	for _, t := range s.sys.tags {
		if t.tag.SnapshotID == snapshotID && t.tag.Tag == tag && !t.tag.IsArchived() {
			return true
		}
	}
	return false
}

func handleListSnapshotItems(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	sr := s.snapshotForLocked(w, c.user, c.param("snapshot_id"), "viewer")
	if sr == nil {
		s.mu.Unlock()
		return
	}
	items := append([]types.SnapshotItem{}, sr.items...)
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.SnapshotItem) string{
		"file_revision_id": func(v types.SnapshotItem) string { return v.FileRevisionID },
	})
}

func handleListSnapshotRevisions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	names, exts := q["name"], q["extension"]
	s.mu.Lock()
	sr := s.snapshotForLocked(w, c.user, c.param("snapshot_id"), "viewer")
	if sr == nil {
		s.mu.Unlock()
		return
	}
	var items []types.SnapshotRevisionSearchItem
	for _, it := range sr.items {
		item, ok := s.revisionSearchItemLocked(it.FileRevisionID)
		if ok && sysNameMatches(names, item) && sysExtensionMatches(exts, item) {
			items = append(items, item)
		}
	}
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.SnapshotRevisionSearchItem) string{
		"name": func(v types.SnapshotRevisionSearchItem) string { return sysDeref(v.Name) },
	})
}

func handleListSnapshotSubsystems(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	sr := s.snapshotForLocked(w, c.user, c.param("snapshot_id"), "viewer")
	if sr == nil {
		s.mu.Unlock()
		return
	}
	items := append([]types.SnapshotSubsystemItem{}, sr.subsystems...)
	s.mu.Unlock()
	writePage(w, r, items)
}

// revisionSearchItemLocked flattens a file revision into a search item. resource_type is Title case
// ("Model"), as the registry answers here.
func (s *Server) revisionSearchItemLocked(revisionID string) (types.SnapshotRevisionSearchItem, bool) {
	rev, f := s.revisionLocked(revisionID)
	if rev == nil {
		return types.SnapshotRevisionSearchItem{}, false
	}
	item := types.SnapshotRevisionSearchItem{
		RevisionID: rev.ID, FileID: ptr(f.ID), ContentTok: rev.ContentTok, PropertiesTok: rev.PropertiesTok,
		Created: rev.Created, Name: rev.Name, Extension: rev.Extension, Description: rev.Description, MIME: rev.MIME,
		VersionName: rev.VersionName, ExternalIdentifier: rev.ExternalIdentifier, DisplayName: rev.DisplayName,
		CreatedByID: rev.CreatedByID, Size: rev.Size, IsArchived: ptr(isArchived(rev.ArchiveStatusHistory)),
		HasArtifacts: ptr(s.hasArtifactsLocked(f.ResourceID)),
	}
	if f.ResourceType != "" {
		item.ResourceType = ptr(strings.ToUpper(f.ResourceType[:1]) + f.ResourceType[1:])
		item.ResourceID = ptr(f.ResourceID)
	}
	if u := s.userByID[f.OwnerID]; u != nil {
		item.TenantID = ptr(u.TenantID)
	}
	return item, true
}

func (s *Server) hasArtifactsLocked(resourceID string) bool {
	if resourceID == "" {
		return false
	}
	for _, r := range s.files.resources {
		if r.Type == "artifact" && r.ParentID == resourceID {
			return true
		}
	}
	return false
}

// sysNameMatches: no filter, or the revision's name (with or without its extension) equals one of names.
func sysNameMatches(names []string, item types.SnapshotRevisionSearchItem) bool {
	if len(names) == 0 {
		return true
	}
	full := sysDeref(item.Name)
	if ext := sysDeref(item.Extension); ext != "" && !strings.HasSuffix(strings.ToLower(full), "."+strings.ToLower(ext)) {
		full += "." + ext
	}
	for _, n := range names {
		if strings.EqualFold(n, sysDeref(item.Name)) || strings.EqualFold(n, full) {
			return true
		}
	}
	return false
}

// sysExtensionMatches: no filter, or the extension equals one of exts (".json" or "json", any case).
func sysExtensionMatches(exts []string, item types.SnapshotRevisionSearchItem) bool {
	if len(exts) == 0 {
		return true
	}
	ext := strings.TrimPrefix(strings.ToLower(sysDeref(item.Extension)), ".")
	for _, e := range exts {
		if strings.TrimPrefix(strings.ToLower(e), ".") == ext {
			return true
		}
	}
	return false
}
