package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/istari-sdk/istari-go/types"
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

// presigningRegistry answers generate_download_url and generate_upload_url with url; other calls get 404.
func presigningRegistry(url string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v2/tokens/") &&
			(strings.HasSuffix(r.URL.Path, "/download-url") || strings.HasSuffix(r.URL.Path, "/upload-url")) {
			_ = json.NewEncoder(w).Encode(types.PresignedURL{URL: url})
			return
		}
		http.NotFound(w, r)
	}
}

var someToken = types.Token{SHA: "abc", Salt: "def"}

// Hostile row 7: the registry hands out a presigned URL that does not parse and carries user:pw@. The error
// names neither the userinfo nor the query.
func TestHostileUnparsablePresignedURL(t *testing.T) {
	reg := httptest.NewServer(presigningRegistry("http://user:pw-LEAK@127.0.0.1:1/%zz?X-Amz-Signature=sig-LEAK"))
	t.Cleanup(reg.Close)
	c := hostileClient(t, reg.URL, nil)
	err := c.ReadContents(context.Background(), someToken, &bytes.Buffer{}, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrPresignedURLRefused)
	noSecretIn(t, everyForm(err), "pw-LEAK", "sig-LEAK", "user:")
}

// Hostile row 11: presigned URLs the SDK refuses, before any byte is sent: http while the registry is https,
// a link-local host (cloud metadata), and a loopback host from a registry that is not on loopback.
func TestHostilePresignedURLPolicy(t *testing.T) {
	t.Run("http from an https registry", func(t *testing.T) {
		store, storeHits := recordingServer(t, func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("x")) })
		reg := httptest.NewTLSServer(presigningRegistry(store.URL + "/obj?sig=s"))
		t.Cleanup(reg.Close)
		c := hostileClient(t, reg.URL, reg.Client())
		err := c.ReadContents(context.Background(), someToken, &bytes.Buffer{}, nil)
		require.ErrorIs(t, err, ErrPresignedURLRefused)
		assert.Contains(t, err.Error(), "is not https while the registry is")
		assert.Zero(t, storeHits.count())

		_, err = c.AddModelFromReader(context.Background(), "m.bin", bytes.NewReader([]byte("data")), nil)
		require.ErrorIs(t, err, ErrPresignedURLRefused)
		assert.Zero(t, storeHits.count())

		// Relaxed explicitly for a test setup: the same URL is used.
		relaxed := hostileClient(t, reg.URL, reg.Client(), func(cfg *Configuration) { cfg.RelaxPresignedURLPolicy = true })
		err = relaxed.ReadContents(context.Background(), someToken, &bytes.Buffer{}, nil)
		require.ErrorIs(t, err, ErrChecksumMismatch, "the download happened (and the fake bytes do not verify)")
		assert.Equal(t, 1, storeHits.count())
	})
	for name, presigned := range map[string]string{
		"link-local":                         "https://169.254.169.254/latest/meta-data?sig=s",
		"link-local v6":                      "https://[fe80::1]/x?sig=s",
		"loopback from a non-loopback host":  "https://127.0.0.1:9/x?sig=s",
		"localhost from a non-loopback host": "https://localhost:9/x?sig=s",
	} {
		t.Run(name, func(t *testing.T) {
			reg := httptest.NewTLSServer(presigningRegistry(presigned))
			t.Cleanup(reg.Close)
			// The registry is https://example.com (a name of the httptest certificate), dialled at reg; any
			// other address is recorded and refused by the test's dialer, never dialled.
			hc, dialed := pinnedClient(t, reg, "example.com")
			c := hostileClient(t, "https://example.com", hc)
			err := c.ReadContents(context.Background(), someToken, &bytes.Buffer{}, nil)
			require.ErrorIs(t, err, ErrPresignedURLRefused)
			assert.Empty(t, dialed(), "no connection to the presigned host was attempted")
		})
	}
}

// Hostile row 8: CopyTo creates its file with 0666 and lets the umask decide, like os.Create (it used to be
// 0644 whatever the umask).
func TestHostileCopyToHonoursUmask(t *testing.T) {
	env := newRelEnv(t)
	_, tok, data := env.seed(t, 1000)
	dir := t.TempDir()
	for _, c := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o027, 0o640}, {0o022, 0o644}} {
		old := syscall.Umask(c.umask)
		path := filepath.Join(dir, "out.bin")
		_ = os.Remove(path)
		err := env.c.CopyTo(context.Background(), tok, path)
		syscall.Umask(old)
		require.NoError(t, err)
		st, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, c.want, st.Mode().Perm(), "umask %03o", c.umask)
		got, _ := os.ReadFile(path)
		assert.Equal(t, data, got)
	}
	// A replaced file keeps its own mode.
	path := filepath.Join(dir, "kept.bin")
	require.NoError(t, os.WriteFile(path, nil, 0o600))
	require.NoError(t, os.Chmod(path, 0o604))
	require.NoError(t, env.c.CopyTo(context.Background(), tok, path))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o604), st.Mode().Perm())
}

// Hostile row 9 (downloads): a nil or typed-nil writer is a *ValidationError before any request, not a panic.
func TestHostileNilWriter(t *testing.T) {
	reg, regHits := recordingServer(t, presigningRegistry("http://127.0.0.1:1/x"))
	c := hostileClient(t, reg.URL, nil)
	for name, w := range map[string]func() error{
		"nil":                  func() error { return c.ReadContents(context.Background(), someToken, nil, nil) },
		"(*bytes.Buffer)(nil)": func() error { return c.ReadContents(context.Background(), someToken, (*bytes.Buffer)(nil), nil) },
		"(*os.File)(nil)":      func() error { return c.ReadContents(context.Background(), someToken, (*os.File)(nil), nil) },
		"export typed nil": func() error {
			return c.ExportDocument(context.Background(), "d", "pdf", (*bytes.Buffer)(nil))
		},
	} {
		var ve *ValidationError
		require.ErrorAs(t, w(), &ve, name)
		assert.Equal(t, "w", ve.Field, name)
	}
	assert.Zero(t, regHits.count())
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
