package istaritest

// filesStore holds files, models, artifacts, comments and revisions. The files issue fills it in.
type filesStore struct{}

func newFilesStore() *filesStore { return &filesStore{} }
