package istaritest

import (
	"net/http"
	"strings"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// systemsStore holds systems, configurations, snapshots, tags and documents. All access happens with
// Server.mu held. Configurations, snapshots and tags inherit the access of their system.
type systemsStore struct {
	systems   map[string]*types.System
	sysOrder  []string
	configs   map[string]*configRec
	cfgOrder  []string
	snaps     map[string]*snapshotRec
	snapOrder []string
	tags      map[string]*tagRec
	tagOrder  []string
	docs      map[string]*docRec
	docOrder  []string
	docRevs   map[string]*docRec // document revision id -> document
}

func newSystemsStore() *systemsStore {
	return &systemsStore{
		systems: map[string]*types.System{}, configs: map[string]*configRec{}, snaps: map[string]*snapshotRec{},
		tags: map[string]*tagRec{}, docs: map[string]*docRec{}, docRevs: map[string]*docRec{},
	}
}

const (
	sysStatusActive   = "active"
	sysStatusArchived = "archived"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateSystem:      handleCreateSystem,
		ops.GetSystem:         handleGetSystem,
		ops.ListSystems:       handleListSystems,
		ops.UpdateSystem:      handleUpdateSystem,
		ops.ArchiveSystem:     handleArchiveSystem(ops.ArchiveSystem),
		ops.RestoreSystem:     handleArchiveSystem(ops.RestoreSystem),
		ops.GetSystemBaseline: handleGetSystemBaseline,
	})
}

// allowAnyLocked is allowLocked over several resources: allowed when any grants need, else 403 when any
// is visible, else 404.
func (s *Server) allowAnyLocked(u *User, need string, ids ...string) int {
	worst := http.StatusNotFound
	for _, id := range ids {
		switch s.allowLocked(id, u, need) {
		case 0:
			return 0
		case http.StatusForbidden:
			worst = http.StatusForbidden
		}
	}
	return worst
}

// systemForLocked finds a system and checks u's access to it, writing the error answer when it fails.
func (s *Server) systemForLocked(w http.ResponseWriter, u *User, id, need string) *types.System {
	return lookupAllowed(s, w, s.sys.systems[id], "System not found", func(*types.System) string { return id }, u, need)
}

// renderSystemLocked is the wire form of a system with its current baseline.
func (s *Server) renderSystemLocked(sys *types.System) types.System {
	out := *sys
	if t := s.baselineTagLocked(sys.ID); t != nil {
		out.BaselineTaggedSnapshotID = ptr(t.tag.SnapshotID)
	}
	return out
}

func handleCreateSystem(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewSystem
	if !c.decode(w, &body) {
		return
	}
	if strings.TrimSpace(body.Name) == "" {
		writeValidation(w, []string{"body", "name"}, "String should have at least 1 character", "string_too_short")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sys := &types.System{ID: newID(), Created: types.Timestamp{Time: now()}, CreatedByID: c.user.ID,
		Name: body.Name, Description: body.Description, ArchiveStatus: sysStatusActive}
	s.sys.systems[sys.ID] = sys
	s.sys.sysOrder = append(s.sys.sysOrder, sys.ID)
	s.grantLocked(sys.ID, c.user.ID, "owner")
	writeJSON(w, http.StatusCreated, s.renderSystemLocked(sys))
}

func handleGetSystem(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sys := s.systemForLocked(w, c.user, c.param("system_id"), "viewer"); sys != nil {
		writeJSON(w, http.StatusOK, s.renderSystemLocked(sys))
	}
}

func handleListSystems(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	s.mu.Lock()
	items := listFiltered(s.sys.sysOrder, s.sys.systems, func(sys *types.System) bool {
		return s.canSeeLocked(sys.ID, c.user) && sysArchiveMatches(q.Get("archive_status"), sys.ArchiveStatus) &&
			sysOwnerMatches(q.Get("filter_by"), sys.CreatedByID, c.user.ID)
	}, s.renderSystemLocked)
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.System) string{
		"name": func(v types.System) string { return v.Name },
	})
}

func handleUpdateSystem(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body struct {
		Name        *string `json:"name"`
		Description *string `json:"description"`
	}
	if !c.decode(w, &body) {
		return
	}
	// The registry requires both fields (Python fills the missing one before calling).
	if body.Name == nil {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	if body.Description == nil {
		writeValidation(w, []string{"body", "description"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sys := s.systemForLocked(w, c.user, c.param("system_id"), "editor")
	if sys == nil {
		return
	}
	sys.Name, sys.Description = *body.Name, *body.Description
	writeJSON(w, http.StatusOK, s.renderSystemLocked(sys))
}

func handleArchiveSystem(op ops.ID) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		if !sysDecodeReason(w, c) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		sys := s.systemForLocked(w, c.user, c.param("system_id"), "owner")
		if sys == nil {
			return
		}
		sys.ArchiveStatus = sysArchiveTarget(op)
		writeJSON(w, http.StatusOK, s.renderSystemLocked(sys))
	}
}

func handleGetSystemBaseline(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sys := s.systemForLocked(w, c.user, c.param("system_id"), "viewer")
	if sys == nil {
		return
	}
	t := s.baselineTagLocked(sys.ID)
	if t == nil {
		writeDetail(w, http.StatusNotFound, "System has no baseline")
		return
	}
	writeJSON(w, http.StatusOK, types.SystemBaseline{ID: t.baselineID, Created: t.moved, SystemID: sys.ID,
		TagID: t.tag.ID, SnapshotID: t.tag.SnapshotID})
}

// sysDecodeReason accepts no body or {"reason": ...}.
func sysDecodeReason(w http.ResponseWriter, c *call) bool {
	if len(strings.TrimSpace(string(c.body))) == 0 {
		return true
	}
	var body types.Archive
	return c.decode(w, &body)
}

// sysArchiveTarget is the status an archive_* or restore_* operation sets.
func sysArchiveTarget(op ops.ID) string {
	if strings.HasPrefix(string(op), "archive_") {
		return sysStatusArchived
	}
	return sysStatusActive
}

// sysArchiveMatches applies the lower-case archive_status filter (default active). Like the registry, an
// unknown value is not an error: it silently matches nothing.
func sysArchiveMatches(filter, status string) bool {
	switch filter {
	case "", "active":
		return strings.EqualFold(status, sysStatusActive)
	case "archived":
		return strings.EqualFold(status, sysStatusArchived)
	case "all":
		return true
	}
	return false
}

// sysOwnerMatches applies filter_by: created_by_id = the caller's own, -created_by_id = shared with it.
func sysOwnerMatches(filter, createdBy, caller string) bool {
	switch filter {
	case "created_by_id":
		return createdBy == caller
	case "-created_by_id":
		return createdBy != caller
	}
	return true
}
