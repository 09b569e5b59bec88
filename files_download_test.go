package istari

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCopyToCreatesAnOrdinaryFile(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "a.txt", strings.NewReader("hello"), nil)
	require.NoError(t, err)
	dst := filepath.Join(t.TempDir(), "copy.txt")
	require.NoError(t, c.CopyTo(ctx, m.Revision().ContentToken(), dst))
	st, err := os.Stat(dst)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "not the 0600 of a temp file")

	require.NoError(t, os.Chmod(dst, 0o640))
	require.NoError(t, c.CopyTo(ctx, m.Revision().ContentToken(), dst))
	st, err = os.Stat(dst)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "a replaced file keeps its mode")
}

func TestFaultDownloadDroppedMidBody(t *testing.T) {
	e := newRelEnv(t)
	_, tok, _ := e.seed(t, 1<<20)
	e.srv.DropDownloadMidBody(1)
	dst := t.TempDir()
	target := filepath.Join(dst, "out.bin")
	err := e.c.CopyTo(context.Background(), tok, target)
	require.Error(t, err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	_, statErr := os.Stat(target)
	assert.True(t, os.IsNotExist(statErr), "no partial file at the target")
	assert.Empty(t, listFiles(t, dst), "no temp file beside the target")
	assert.Empty(t, listFiles(t, e.cacheDir), "no cache entry for a truncated download")
	_, _, puts := e.c.files.cache.Stats()
	assert.Zero(t, puts)
	assert.Len(t, e.srv.RequestsFor("storage.get"), 1)

	// The object is intact: a second read succeeds and is then cached.
	require.NoError(t, e.c.CopyTo(context.Background(), tok, target))
	assert.Len(t, listFiles(t, e.cacheDir), 1)
}

func TestFaultCorruptDownload(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mut   func(*Configuration)
		cache bool
	}{
		{"cache", func(*Configuration) {}, true},
		{"no cache", noCache, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newRelEnv(t, tc.mut)
			_, tok, data := e.seed(t, 256<<10)
			e.srv.CorruptDownloads(1)
			dst := t.TempDir()
			target := filepath.Join(dst, "out.bin")
			err := e.c.CopyTo(context.Background(), tok, target)
			require.ErrorIs(t, err, ErrChecksumMismatch)
			var ce *ChecksumError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tok.SHA, ce.Expected)
			assert.Empty(t, listFiles(t, dst))
			assert.Empty(t, listFiles(t, e.cacheDir))

			got, err := e.c.ReadBytes(context.Background(), tok)
			require.NoError(t, err)
			assert.Equal(t, data, got)
			if tc.cache {
				assert.Len(t, listFiles(t, e.cacheDir), 1)
			}
		})
	}
}

// cacheEntry is the one regular file under root.
func cacheEntry(t *testing.T, root string) string {
	t.Helper()
	var entry string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			require.Empty(t, entry, "one entry")
			entry = p
		}
		return nil
	})
	require.NotEmpty(t, entry)
	return entry
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	sa, err := os.Stat(a)
	require.NoError(t, err)
	sb, err := os.Stat(b)
	require.NoError(t, err)
	return os.SameFile(sa, sb)
}

func TestCopyToWritesOnceAndHitsAreCopies(t *testing.T) {
	root := t.TempDir()
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheRoot = root })
	ctx := context.Background()
	data := randomBytes(t, 1<<20)
	m, err := c.AddModelFromReader(ctx, "m.bin", bytes.NewReader(data), nil)
	require.NoError(t, err)
	tok := m.Revision().ContentToken()
	out := t.TempDir()

	first := filepath.Join(out, "first.bin")
	require.NoError(t, c.CopyTo(ctx, tok, first))
	entry := cacheEntry(t, root)
	assert.True(t, sameFile(t, first, entry), "the verified download became the cache entry without a second write")

	second := filepath.Join(out, "second.bin")
	require.NoError(t, c.CopyTo(ctx, tok, second))
	assert.Len(t, srv.RequestsFor("storage.get"), 1, "the second copy is a cache hit")
	assert.False(t, sameFile(t, second, entry), "a hit is a file of its own")
	got, err := os.ReadFile(second)
	require.NoError(t, err)
	assert.Equal(t, data, got)
	assert.Equal(t, CacheStats{Hits: 1, Misses: 1, Puts: 1}, c.CacheStats())

	// The caller edits its first copy in place: the entry it shares changed, so the next copy refetches and
	// the caller's edit never reaches another copy.
	f, err := os.OpenFile(first, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteAt([]byte("edited"), 0)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	third := filepath.Join(out, "third.bin")
	require.NoError(t, c.CopyTo(ctx, tok, third))
	got, err = os.ReadFile(third)
	require.NoError(t, err)
	assert.Equal(t, data, got)
	assert.Len(t, srv.RequestsFor("storage.get"), 2, "the changed entry was refetched")
	got, err = os.ReadFile(second)
	require.NoError(t, err)
	assert.Equal(t, data, got, "earlier copies are untouched")
	edited, err := os.ReadFile(first)
	require.NoError(t, err)
	assert.Equal(t, "edited", string(edited[:6]), "the caller's file keeps the caller's edit")

	// ReadContents is served from the cache and verified bytes only.
	var buf bytes.Buffer
	require.NoError(t, c.ReadContents(ctx, tok, &buf, nil))
	assert.Equal(t, data, buf.Bytes())
	assert.Len(t, srv.RequestsFor("storage.get"), 2)
}
