package istari

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// checkNoLeaks snapshots the running goroutines and, at cleanup, waits up to 5 s for every goroutine started
// since then to end (runtime, testing and in-process fake-server goroutines are ignored, see clientGoroutines).
// Register it first so that its cleanup runs last, after the client and the server have been closed.
func checkNoLeaks(t *testing.T) {
	t.Helper()
	base := clientGoroutines()
	t.Cleanup(func() {
		var leaked []string
		ok := assert.Eventually(t, func() bool {
			leaked = leaked[:0]
			for id, g := range clientGoroutines() {
				if _, old := base[id]; !old {
					leaked = append(leaked, g)
				}
			}
			return len(leaked) == 0
		}, 5*time.Second, 10*time.Millisecond, "goroutines left running after the client and server closed")
		if !ok {
			t.Logf("leaked goroutines:\n%s", strings.Join(leaked, "\n\n"))
		}
	})
}

// checkNoTempFiles points TMPDIR at a fresh directory and asserts at cleanup that nothing was left in it.
func checkNoTempFiles(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Cleanup(func() { assert.Empty(t, listFiles(t, dir), "temp files left in TMPDIR") })
}

// listFiles returns every regular file under dir (relative paths).
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

// relEnv is one fault test's world: leak and temp-file checks, a fake registry and a client on it with
// fast retries and its own cache root.
type relEnv struct {
	c        *Client
	srv      *istaritest.Server
	cacheDir string
}

func newRelEnv(t *testing.T, mutate ...func(*Configuration)) relEnv {
	t.Helper()
	checkNoLeaks(t)
	checkNoTempFiles(t)
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	cacheDir := t.TempDir()
	cfg := Configuration{
		RegistryURL:         srv.URL,
		RegistryAuthToken:   Secret(srv.Token()),
		RetryMinInterval:    time.Millisecond,
		RetryMaxInterval:    5 * time.Millisecond,
		FilesystemCacheRoot: cacheDir,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := NewClient(cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return relEnv{c: c, srv: srv, cacheDir: cacheDir}
}

// seed stores a model with random content of size bytes and returns its id and content token.
func (e relEnv) seed(t *testing.T, size int) (string, types.Token, []byte) {
	t.Helper()
	data := make([]byte, size)
	_, _ = rand.Read(data)
	s := e.srv.SeedModel(e.srv.Owner(), "part.bin", data)
	rev, err := e.c.GetRevision(context.Background(), s.RevisionID)
	require.NoError(t, err)
	return s.ModelID, rev.ContentToken(), data
}

// modelCount is the number of models the owner can list.
func (e relEnv) modelCount(t *testing.T) int {
	t.Helper()
	n := 0
	for _, err := range All(context.Background(), &ListModelsParams{PageOptions: PageOptions{Size: 100}}, e.c.ListModels) {
		require.NoError(t, err)
		n++
	}
	return n
}
