package istaritest

// systemsStore holds systems, configurations, snapshots, tags and documents. The systems issue fills it in.
type systemsStore struct{}

func newSystemsStore() *systemsStore { return &systemsStore{} }
