package istaritest

import (
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// filesStore holds every file-backed object: files and their revisions, and the resources that own a
// file (models, artifacts, comments; jobs keep their own record in jobsStore but their file lives here).
// All access happens with Server.mu held. The files domain serves the files operations on top of it; the
// other domains use the accessors below.
type filesStore struct {
	files     map[string]*fileRec
	resources map[string]*resourceRec
	revisions map[string]string // revision id -> file id
	order     []string          // resource ids in creation order
	fileOrder []string          // file ids in creation order
}

// fileRec is one file with its revisions, oldest first.
type fileRec struct {
	ID           string
	Created      time.Time
	OwnerID      string
	ResourceType string // "model", "artifact", "comment", "job", "" for a bare file, ...
	ResourceID   string
	Revisions    []types.FileRevision
	Archive      []types.ArchiveStatusEntry
	Updated      *time.Time
}

// resourceRec is a model, artifact or comment: a resource that owns one file.
type resourceRec struct {
	ID       string
	Type     string // "model", "artifact", "comment"
	FileID   string
	ParentID string // artifact: its model; comment: the commented resource
	Created  time.Time
	OwnerID  string
	Archive  []types.ArchiveStatusEntry
}

func newFilesStore() *filesStore {
	return &filesStore{files: map[string]*fileRec{}, resources: map[string]*resourceRec{}, revisions: map[string]string{}}
}

// fileLocked returns a file by id.
func (s *Server) fileLocked(id string) *fileRec { return s.files.files[id] }

// resourceLocked returns a model, artifact or comment by id.
func (s *Server) resourceLocked(id string) *resourceRec { return s.files.resources[id] }

// revisionLocked returns a revision and its file by revision id.
func (s *Server) revisionLocked(id string) (*types.FileRevision, *fileRec) {
	f := s.files.files[s.files.revisions[id]]
	if f == nil {
		return nil, nil
	}
	for i := range f.Revisions {
		if f.Revisions[i].ID == id {
			return &f.Revisions[i], f
		}
	}
	return nil, nil
}

// currentRevision is the newest revision of f.
func (f *fileRec) currentRevision() *types.FileRevision {
	if len(f.Revisions) == 0 {
		return nil
	}
	return &f.Revisions[len(f.Revisions)-1]
}

// createFileLocked stores a new file owned by owner with rev as its first revision. The revision's
// file_id and created_by_id are filled in, as the registry does. The owner gets the owner relation on
// the file id.
func (s *Server) createFileLocked(owner *User, resourceType, resourceID string, rev types.FileRevision) *fileRec {
	f := &fileRec{ID: newID(), Created: now(), OwnerID: owner.ID, ResourceType: resourceType, ResourceID: resourceID}
	f.Archive = []types.ArchiveStatusEntry{activeEntry(owner.ID, "file", f.ID)}
	s.files.files[f.ID] = f
	s.files.fileOrder = append(s.files.fileOrder, f.ID)
	s.appendRevisionLocked(owner, f, rev)
	s.grantLocked(f.ID, owner.ID, "owner")
	return f
}

// appendRevisionLocked adds rev as f's newest revision.
func (s *Server) appendRevisionLocked(by *User, f *fileRec, rev types.FileRevision) {
	rev.FileID = &f.ID
	rev.CreatedByID = &by.ID
	if rev.Created.IsZero() {
		rev.Created = types.Timestamp{Time: now()}
	}
	if len(rev.ArchiveStatusHistory) == 0 {
		rev.ArchiveStatusHistory = []types.ArchiveStatusEntry{activeEntry(by.ID, "file_revision", rev.ID)}
	}
	f.Revisions = append(f.Revisions, rev)
	s.files.revisions[rev.ID] = f.ID
	t := now()
	f.Updated = &t
}

// createResourceLocked stores a model, artifact or comment with a new file holding rev.
func (s *Server) createResourceLocked(owner *User, typ, parentID string, rev types.FileRevision) *resourceRec {
	r := &resourceRec{ID: newID(), Type: typ, ParentID: parentID, Created: now(), OwnerID: owner.ID}
	r.Archive = []types.ArchiveStatusEntry{activeEntry(owner.ID, "resource", r.ID)}
	f := s.createFileLocked(owner, typ, r.ID, rev)
	r.FileID = f.ID
	s.files.resources[r.ID] = r
	s.files.order = append(s.files.order, r.ID)
	s.grantLocked(r.ID, owner.ID, "owner")
	return r
}

// renderFileLocked is the wire form of f.
func (s *Server) renderFileLocked(f *fileRec) types.File {
	out := types.File{
		ID:                   f.ID,
		Created:              types.Timestamp{Time: f.Created},
		Revisions:            append([]types.FileRevision(nil), f.Revisions...),
		ArchiveStatusHistory: append([]types.ArchiveStatusEntry(nil), f.Archive...),
		CreatedByID:          ptr(f.OwnerID),
	}
	if f.ResourceType != "" {
		out.ResourceType = ptr(f.ResourceType)
		out.ResourceID = ptr(f.ResourceID)
	}
	if f.Updated != nil {
		out.Updated = &types.Timestamp{Time: *f.Updated}
	}
	return out
}

// activeEntry is the first archive-status entry of a new object. kind says which id field it carries:
// "file", "file_revision" or "resource".
func activeEntry(by, kind, id string) types.ArchiveStatusEntry {
	return statusEntry(by, kind, id, enums.ArchiveStatusNameActive, "Initial")
}

// statusEntry is one archive-status history entry.
func statusEntry(by, kind, id string, name enums.ArchiveStatusName, reason string) types.ArchiveStatusEntry {
	e := types.ArchiveStatusEntry{ID: newID(), Created: types.Timestamp{Time: now()}, Name: name, CreatedByID: ptr(by)}
	if reason != "" {
		e.Reason = ptr(reason)
	}
	switch kind {
	case "file":
		e.FileID = ptr(id)
	case "file_revision":
		e.FileRevisionID = ptr(id)
	default:
		e.ResourceID = ptr(id)
	}
	return e
}

// isArchived reports whether the last entry of history says Archived.
func isArchived(history []types.ArchiveStatusEntry) bool {
	return len(history) > 0 && history[len(history)-1].Name == enums.ArchiveStatusNameArchived
}

func ptr[T any](v T) *T { return &v }
