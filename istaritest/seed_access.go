package istaritest

import "github.com/istari-sdk/istari-go/types"

// SeedResource creates a model or artifact (resourceType "model" or "artifact") owned by owner, backed by a
// file with one minimal revision (no stored content), and returns its id. It is meant for tests of sharing,
// tagging and infosec, which need resources but not their bytes.
func (s *Server) SeedResource(owner User, resourceType string) string {
	return s.SeedResourceWithParent(owner, resourceType, "")
}

// SeedResourceWithParent is SeedResource with a parent: an artifact's model. The artifact inherits the
// model's active control tags, and tags added to the model later propagate to it.
func (s *Server) SeedResourceWithParent(owner User, resourceType, parentID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByID[owner.ID]
	if u == nil {
		panic("istaritest: SeedResource: unknown user " + owner.ID)
	}
	rev := types.FileRevision{ID: newID(), Name: ptr("seed-" + resourceType), Extension: ptr("txt"), Size: ptr(int64(0))}
	r := s.createResourceLocked(u, resourceType, parentID, rev)
	s.inheritModelTagsLocked(u, r.ID)
	return r.ID
}

// FileIDOf returns the id of the file backing a model, artifact or comment ("" when unknown).
func (s *Server) FileIDOf(resourceID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.resourceLocked(resourceID); r != nil {
		return r.FileID
	}
	return ""
}
