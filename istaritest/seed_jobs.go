package istaritest

import "github.com/istari-sdk/istari-go/types"

// SeedJobModel stores content as a new model named name ("part.step"), owned by the default user, and returns
// the model's resource id: a target for jobs in tests that do not upload through the SDK.
func (s *Server) SeedJobModel(name string, content []byte) string {
	rev := s.jobsStoreContent(name, content)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.createResourceLocked(s.owner, "model", "", rev).ID
}

// SeedJobParameters stores content (the JSON parameters of a job) in the object store and returns the
// revision to send as NewJob.Revision, as the SDK does after uploading a parameters file.
func (s *Server) SeedJobParameters(content []byte) types.FileRevision {
	return s.jobsStoreContent("parameters.json", content)
}
