package istari

import (
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
