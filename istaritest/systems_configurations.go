package istaritest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// configRec is a configuration with what it tracks and the sha of its last snapshot.
type configRec struct {
	cfg      types.SystemConfiguration
	files    []types.NewTrackedFile
	systems  []types.NewTrackedSystem
	lastSnap string // sha of the newest snapshot, "" before the first
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateConfiguration:         handleCreateConfiguration,
		ops.ListSystemConfigurations:    handleListSystemConfigurations,
		ops.ArchiveConfiguration:        handleArchiveConfiguration(ops.ArchiveConfiguration),
		ops.RestoreConfiguration:        handleArchiveConfiguration(ops.RestoreConfiguration),
		ops.ListTrackedFiles:            handleListTrackedFiles,
		ops.ListConfigurationSubsystems: handleListConfigurationSubsystems,
		ops.ListConfigurationRevisions:  handleListConfigurationRevisions,
	})
}

// configForLocked finds a configuration and checks u's access to its system.
func (s *Server) configForLocked(w http.ResponseWriter, u *User, id, need string) *configRec {
	return lookupAllowed(s, w, s.sys.configs[id], "Configuration not found", func(cr *configRec) string { return cr.cfg.SystemID }, u, need)
}

func handleCreateConfiguration(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewSystemConfiguration
	if !c.decode(w, &body) {
		return
	}
	if strings.TrimSpace(body.Name) == "" {
		writeValidation(w, []string{"body", "name"}, "String should have at least 1 character", "string_too_short")
		return
	}
	if len(body.TrackedFiles) == 0 {
		writeDetail(w, http.StatusBadRequest, "Configuration must have at least one tracked file")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sys := s.systemForLocked(w, c.user, c.param("system_id"), "editor")
	if sys == nil {
		return
	}
	for i := range body.TrackedFiles {
		if msg, status := s.checkTrackedFileLocked(c.user, &body.TrackedFiles[i]); status != 0 {
			if status == http.StatusUnprocessableEntity {
				writeValidation(w, []string{"body", "tracked_files", strconv.Itoa(i), "specifier_type"}, msg, "enum")
			} else {
				writeDetail(w, status, msg)
			}
			return
		}
	}
	for _, ts := range body.TrackedSystems {
		child := s.sys.systems[ts.SystemID]
		if child == nil || !s.canSeeLocked(ts.SystemID, c.user) {
			writeDetail(w, http.StatusNotFound, "System "+ts.SystemID+" not found")
			return
		}
		if ts.TagID != nil {
			if t := s.sys.tags[*ts.TagID]; t == nil || t.systemID != ts.SystemID {
				writeDetail(w, http.StatusBadRequest, "Tag "+*ts.TagID+" does not belong to system "+ts.SystemID)
				return
			}
		}
	}
	cr := &configRec{files: body.TrackedFiles, systems: body.TrackedSystems}
	cr.cfg = types.SystemConfiguration{ID: newID(), Created: types.Timestamp{Time: now()}, CreatedByID: c.user.ID,
		SystemID: sys.ID, Name: body.Name, SHA: configSHA(body), ArchiveStatus: sysStatusActive}
	s.sys.configs[cr.cfg.ID] = cr
	s.sys.cfgOrder = append(s.sys.cfgOrder, cr.cfg.ID)
	// The registry snapshots a new configuration right away.
	s.createSnapshotLocked(c.user, cr, s.resolvePinsLocked(cr))
	writeJSON(w, http.StatusCreated, cr.cfg)
}

// checkTrackedFileLocked validates one tracked file: the file exists and is visible, the specifier is
// known, and a locked file pins one of its own revisions. It returns the error message and status.
func (s *Server) checkTrackedFileLocked(u *User, tf *types.NewTrackedFile) (string, int) {
	f := s.fileLocked(tf.FileID)
	if f == nil || !s.canSeeFileLocked(f, u) {
		return "File " + tf.FileID + " not found", http.StatusNotFound
	}
	switch tf.SpecifierType {
	case enums.TrackedFileSpecifierTypeLatest:
		tf.PinnedFileRevisionID = nil
	case enums.TrackedFileSpecifierTypeLocked:
		if tf.PinnedFileRevisionID == nil {
			return "pinned_file_revision_id is required for a locked tracked file", http.StatusBadRequest
		}
		if _, owner := s.revisionLocked(*tf.PinnedFileRevisionID); owner == nil || owner.ID != f.ID {
			return "Revision " + *tf.PinnedFileRevisionID + " is not a revision of file " + f.ID, http.StatusBadRequest
		}
	default:
		return "Input should be 'latest' or 'locked'", http.StatusUnprocessableEntity
	}
	return "", 0
}

// canSeeFileLocked reports whether u may see a file directly or through its resource.
func (s *Server) canSeeFileLocked(f *fileRec, u *User) bool {
	return s.canSeeLocked(f.ID, u) || (f.ResourceID != "" && s.canSeeLocked(f.ResourceID, u))
}

// configSHA fingerprints what a configuration tracks.
func configSHA(body types.NewSystemConfiguration) string {
	var parts []string
	for _, tf := range body.TrackedFiles {
		pinned := ""
		if tf.PinnedFileRevisionID != nil {
			pinned = *tf.PinnedFileRevisionID
		}
		parts = append(parts, "file:"+tf.FileID+":"+string(tf.SpecifierType)+":"+pinned)
	}
	for _, ts := range body.TrackedSystems {
		tag := ""
		if ts.TagID != nil {
			tag = *ts.TagID
		}
		parts = append(parts, "system:"+ts.SystemID+":"+tag)
	}
	return sysSHAOf(parts)
}

func sysSHAOf(parts []string) string {
	sorted := append([]string(nil), parts...)
	sort.Strings(sorted)
	h := sha256.Sum256([]byte(strings.Join(sorted, "\n")))
	return hex.EncodeToString(h[:])
}

func handleListSystemConfigurations(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	status := r.URL.Query().Get("archive_status")
	s.mu.Lock()
	sys := s.systemForLocked(w, c.user, c.param("system_id"), "viewer")
	if sys == nil {
		s.mu.Unlock()
		return
	}
	items := listFiltered(s.sys.cfgOrder, s.sys.configs, func(cr *configRec) bool {
		return cr.cfg.SystemID == sys.ID && sysArchiveMatches(status, cr.cfg.ArchiveStatus)
	}, func(cr *configRec) types.SystemConfiguration { return cr.cfg })
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.SystemConfiguration) string{
		"name": func(v types.SystemConfiguration) string { return v.Name },
	})
}

func handleArchiveConfiguration(op ops.ID) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		if !sysDecodeReason(w, c) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		cr := s.configForLocked(w, c.user, c.param("configuration_id"), "editor")
		if cr == nil {
			return
		}
		cr.cfg.ArchiveStatus = sysArchiveTarget(op)
		writeJSON(w, http.StatusOK, cr.cfg)
	}
}

func handleListTrackedFiles(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	cr := s.configForLocked(w, c.user, c.param("configuration_id"), "viewer")
	if cr == nil {
		s.mu.Unlock()
		return
	}
	items := make([]types.TrackedFile, 0, len(cr.files))
	for _, tf := range cr.files {
		out := types.TrackedFile{SpecifierType: tf.SpecifierType, FileID: tf.FileID, PinnedFileRevisionID: tf.PinnedFileRevisionID}
		if f := s.fileLocked(tf.FileID); f != nil {
			out.CurrentFileRevisionID = s.resolveTrackedLocked(tf)
			if f.ResourceID != "" {
				out.ResourceID = ptr(f.ResourceID)
			}
		}
		items = append(items, out)
	}
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.TrackedFile) string{
		"file_id": func(v types.TrackedFile) string { return v.FileID },
	})
}

func handleListConfigurationSubsystems(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	cr := s.configForLocked(w, c.user, c.param("configuration_id"), "viewer")
	if cr == nil {
		s.mu.Unlock()
		return
	}
	items := make([]types.Subsystem, 0, len(cr.systems))
	for _, ts := range cr.systems {
		items = append(items, types.Subsystem{ID: ts.SystemID, TagID: ts.TagID})
	}
	s.mu.Unlock()
	writePage(w, r, items)
}

func handleListConfigurationRevisions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	cr := s.configForLocked(w, c.user, c.param("configuration_id"), "viewer")
	if cr == nil {
		s.mu.Unlock()
		return
	}
	var items []types.ConfigurationRevisionSearchItem
	for _, p := range s.resolvePinsLocked(cr) {
		if item, ok := s.revisionSearchItemLocked(p.revisionID); ok {
			items = append(items, types.ConfigurationRevisionSearchItem{SnapshotRevisionSearchItem: item})
		}
	}
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(types.ConfigurationRevisionSearchItem) string{
		"name": func(v types.ConfigurationRevisionSearchItem) string { return sysDeref(v.Name) },
	})
}

// resolveTrackedLocked is the revision a tracked file resolves to now: the file's current revision for
// LATEST, the pinned one for LOCKED.
func (s *Server) resolveTrackedLocked(tf types.NewTrackedFile) string {
	if tf.SpecifierType == enums.TrackedFileSpecifierTypeLocked && tf.PinnedFileRevisionID != nil {
		return *tf.PinnedFileRevisionID
	}
	if f := s.fileLocked(tf.FileID); f != nil {
		if rev := f.currentRevision(); rev != nil {
			return rev.ID
		}
	}
	return ""
}

func sysDeref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
