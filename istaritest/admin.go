package istaritest

// adminStore holds control tags, infosec levels, tokens and integrations. The access issue fills it in.
type adminStore struct{}

func newAdminStore() *adminStore { return &adminStore{} }
