package istaritest

// jobsStore holds jobs, agents, pools, modules, functions and tools. The jobs issue fills it in.
type jobsStore struct{}

func newJobsStore() *jobsStore { return &jobsStore{} }
