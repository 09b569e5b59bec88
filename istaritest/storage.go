package istaritest

import (
	"net/http"
	"sync"
)

// storagePrefix is where the fake serves its presigned object-store URLs (not a registry route).
const storagePrefix = "/_storage/"

// storageStore holds stored objects by "sha/salt" key. It has its own lock so that large transfers do
// not hold Server.mu. The files domain implements uploads, downloads and multipart on top of it.
type storageStore struct {
	mu      sync.Mutex
	objects map[string][]byte
}

func newStorageStore() *storageStore { return &storageStore{objects: map[string][]byte{}} }

// putObject stores content under its token (used directly by simulated agents).
func (st *storageStore) putObject(sha, salt string, content []byte) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.objects[sha+"/"+salt] = content
}

// object returns stored content.
func (st *storageStore) object(sha, salt string) ([]byte, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	b, ok := st.objects[sha+"/"+salt]
	return b, ok
}

func (s *Server) serveStorage(w http.ResponseWriter, r *http.Request) {
	writeDetail(w, http.StatusNotImplemented, "istaritest: storage is not implemented yet")
}
