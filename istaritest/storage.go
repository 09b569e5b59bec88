package istaritest

import "net/http"

// storagePrefix is where the fake serves its presigned object-store URLs (not a registry route).
const storagePrefix = "/_storage/"

// storageStore holds stored objects. The files issue fills it in.
type storageStore struct{}

func newStorageStore() *storageStore { return &storageStore{} }

func (s *Server) serveStorage(w http.ResponseWriter, r *http.Request) {
	writeDetail(w, http.StatusNotImplemented, "istaritest: storage is not implemented yet")
}
