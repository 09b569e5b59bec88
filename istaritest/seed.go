package istaritest

import (
	"bytes"
	"encoding/json"
	"mime"
	"path"
	"strings"

	"github.com/istari-sdk/istari-go/types"
)

// SeededFile names what SeedModel created.
type SeededFile struct {
	ModelID    string // the model (resource) id
	FileID     string // the model's file id
	RevisionID string // the first revision id
}

// SeedModel stores content as a new model named name (e.g. "wing.json") owned by owner, without going
// through the upload operations, so that tests and examples can build configurations over real files. The
// bytes are kept in the fake's object store under their content token; the revision carries the name, the
// extension (lower case, no dot), the size, a MIME type and a properties token.
func (s *Server) SeedModel(owner User, name string, content []byte) SeededFile {
	u, rev := s.seedRevision(owner, name, content)
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.createResourceLocked(u, "model", "", rev)
	return SeededFile{ModelID: r.ID, FileID: r.FileID, RevisionID: rev.ID}
}

// SeedRevision appends a new revision holding content (named name) to an existing file and returns the
// revision id; it becomes the file's current revision. It panics when the file does not exist.
func (s *Server) SeedRevision(owner User, fileID, name string, content []byte) string {
	u, rev := s.seedRevision(owner, name, content)
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.fileLocked(fileID)
	if f == nil {
		panic("istaritest: SeedRevision: no file " + fileID)
	}
	s.appendRevisionLocked(u, f, rev)
	return rev.ID
}

// seedUserLocked maps a User value back to the server's record (the owner when unknown).
func (s *Server) seedUserLocked(owner User) *User {
	if u := s.userByID[owner.ID]; u != nil {
		return u
	}
	return s.owner
}

// seedRevision maps owner to the server's user (under Server.mu), stores content and its properties blob
// (outside Server.mu) and builds the revision.
func (s *Server) seedRevision(owner User, name string, content []byte) (*User, types.FileRevision) {
	s.mu.Lock()
	u := s.seedUserLocked(owner)
	s.mu.Unlock()
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	size := int64(len(content))
	rev := types.FileRevision{ID: newID(), Created: types.Timestamp{Time: now()}, Name: ptr(name), Size: &size,
		ContentTok: s.storeSeedObject(u, content)}
	if ext != "" {
		rev.Extension = ptr(ext)
		if m := mime.TypeByExtension("." + ext); m != "" {
			rev.MIME = ptr(m)
		}
	}
	props, _ := json.Marshal(map[string]any{"name": name, "extension": ext, "size": size, "mime": sysDeref(rev.MIME)})
	rev.PropertiesTok = s.storeSeedObject(u, props)
	return u, rev
}

// storeSeedObject puts content in the object store under a fresh salt and returns its token:
// sha = lowercase hex SHA-384(content ‖ salt).
func (s *Server) storeSeedObject(u *User, content []byte) types.Token {
	salt := randomHex(16)
	sha, _, _ := types.ComputeSHA(bytes.NewReader(content), salt)
	s.store.putObject(sha, salt, append([]byte(nil), content...))
	return types.Token{ID: newID(), Created: types.Timestamp{Time: now()}, SHA: sha, Salt: salt, CreatedByID: ptr(u.ID)}
}
