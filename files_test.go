package istari

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArchiveOfTypedNilFailsLocally(t *testing.T) {
	c, mt := mockClient(t)
	var f *types.File
	err := c.Archive(context.Background(), f, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Zero(t, mt.GetTotalCallCount())
}

// fakeClient starts a fake registry and a client for it; the cache lives in a per-test directory.
func fakeClient(t *testing.T, mutate ...func(*Configuration)) (*Client, *istaritest.Server) {
	t.Helper()
	srv := newFake(t)
	return testClient(t, srv.URL, Secret(srv.Token()), mutate...), srv
}

func noCache(cfg *Configuration) { cfg.FilesystemCacheEnabled = Bool(false) }

func smallMultipart(cfg *Configuration) {
	cfg.MultipartThreshold = 5 << 20 // 5 MiB is one PUT, anything larger is multipart (as in Python)
	cfg.MultipartChunkSize = 1 << 20
}

func randomBytes(t testing.TB, n int) []byte {
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

// countFiles counts regular files under dir.
func countFiles(t *testing.T, dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

func storagePuts(srv *istaritest.Server, parts bool) int {
	n := 0
	for _, r := range srv.RequestsFor("storage.put") {
		if strings.Contains(r.RawQuery, "partNumber=") == parts {
			n++
		}
	}
	return n
}

func TestUploadDownloadRoundTrips(t *testing.T) {
	sizes := []struct {
		name string
		size int
	}{{"empty", 0}, {"one byte", 1}, {"5 MiB", 5 << 20}, {"multipart 5.5 MiB", 5<<20 + 512<<10}}
	for _, tc := range sizes {
		t.Run(tc.name, func(t *testing.T) {
			c, srv := fakeClient(t, smallMultipart)
			ctx := context.Background()
			data := randomBytes(t, tc.size)
			path := filepath.Join(t.TempDir(), "model.BIN")
			require.NoError(t, os.WriteFile(path, data, 0o600))

			m, err := c.AddModel(ctx, path, &UploadOptions{Description: Ptr("round trip")})
			require.NoError(t, err)
			rev := m.Revision()
			require.NotNil(t, rev)
			assert.Equal(t, "model.BIN", *rev.Name)
			assert.Equal(t, "bin", *rev.Extension)
			assert.Equal(t, int64(tc.size), *rev.Size)
			assert.Equal(t, "round trip", m.File.Description())

			got, err := c.ReadBytes(ctx, rev.ContentToken())
			require.NoError(t, err)
			assert.True(t, bytes.Equal(data, got), "downloaded bytes differ")

			dst := filepath.Join(t.TempDir(), "out.bin")
			require.NoError(t, c.CopyTo(ctx, rev.ContentToken(), dst))
			onDisk, err := os.ReadFile(dst)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(data, onDisk))

			props, err := c.ReadProperties(ctx, rev.PropertiesToken())
			require.NoError(t, err)
			assert.Equal(t, "model.BIN", props.FileName)
			assert.Equal(t, "round trip", *props.Description)

			if tc.size > 5<<20 {
				assert.Equal(t, 6, storagePuts(srv, true), "5.5 MiB in 1 MiB parts")
				require.Len(t, srv.RequestsFor("finalize_multipart_upload"), 1)
				assert.Contains(t, string(srv.RequestsFor("finalize_multipart_upload")[0].Body), `"action":"complete"`)
			} else {
				assert.Zero(t, storagePuts(srv, true))
			}
		})
	}
}

func TestReaderFormsAndSpooling(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the spool goes to os.TempDir()
	c, _ := fakeClient(t)
	ctx := context.Background()
	data := []byte("a,b\n1,2\n")
	// A reader that cannot seek is spooled to a temp file first, removed afterwards.
	m, err := c.AddModelFromReader(ctx, "table.csv", io.MultiReader(bytes.NewReader(data)), nil)
	require.NoError(t, err)
	spools, _ := filepath.Glob(filepath.Join(tmp, "istari-upload-*"))
	assert.Empty(t, spools, "the spool is removed")
	assert.Equal(t, "csv", *m.Revision().Extension)
	assert.Contains(t, *m.Revision().MIME, "text/csv")
	var buf bytes.Buffer
	var last, total int64
	require.NoError(t, c.ReadContents(ctx, m.Revision().ContentToken(), &buf, &DownloadOptions{
		Progress: func(received, tot int64) { last, total = received, tot },
	}))
	assert.Equal(t, data, buf.Bytes())
	assert.Equal(t, int64(len(data)), last)
	assert.Equal(t, int64(len(data)), total)

	// A seekable reader is used from its current position.
	r := bytes.NewReader([]byte("XXhello"))
	_, _ = r.Seek(2, io.SeekStart)
	f, err := c.AddFileFromReader(ctx, "greeting.txt", r, nil)
	require.NoError(t, err)
	text, err := c.ReadText(ctx, f.Revision().ContentToken())
	require.NoError(t, err)
	assert.Equal(t, "hello", text)
}

func TestUpdateKeepsSaltAndAppendsRevision(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("v1"), nil)
	require.NoError(t, err)
	salt := m.Revision().ContentToken().Salt
	assert.Len(t, salt, 32)

	m2, err := c.UpdateModelFromReader(ctx, m.ID, "m.txt", strings.NewReader("v2"), &UploadOptions{VersionName: Ptr("2")})
	require.NoError(t, err)
	require.Len(t, m2.File.Revisions, 2)
	assert.Equal(t, salt, m2.Revision().ContentToken().Salt)
	assert.NotEqual(t, m.Revision().ContentToken().SHA, m2.Revision().ContentToken().SHA)
	assert.Equal(t, "2", m2.File.VersionName())

	text, err := c.ReadText(ctx, m2.Revision().ContentToken())
	require.NoError(t, err)
	assert.Equal(t, "v2", text)

	a, err := c.AddArtifactFromReader(ctx, m.ID, "a.json", strings.NewReader(`{"k":1}`), nil)
	require.NoError(t, err)
	a2, err := c.UpdateArtifactFromReader(ctx, a.ID, "a.json", strings.NewReader(`{"k":2}`), nil)
	require.NoError(t, err)
	assert.Equal(t, a.Revision().ContentToken().Salt, a2.Revision().ContentToken().Salt)
	var v map[string]int
	require.NoError(t, c.ReadJSON(ctx, a2.Revision().ContentToken(), &v))
	assert.Equal(t, 2, v["k"])

	f, err := c.AddFileFromReader(ctx, "f.txt", strings.NewReader("one"), nil)
	require.NoError(t, err)
	f2, err := c.UpdateFileFromReader(ctx, f.ID, "f.txt", strings.NewReader("two"), nil)
	require.NoError(t, err)
	assert.Equal(t, f.Revision().ContentToken().Salt, f2.Revision().ContentToken().Salt)
	assert.Len(t, f2.Revisions, 2)
}

func TestCorruptDownloadLeavesNothing(t *testing.T) {
	cacheRoot := t.TempDir()
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheRoot = cacheRoot })
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.bin", bytes.NewReader(randomBytes(t, 100<<10)), nil)
	require.NoError(t, err)
	tok := m.Revision().ContentToken()

	srv.CorruptDownloads(1)
	dst := filepath.Join(t.TempDir(), "sub", "..", "out.bin")
	err = c.CopyTo(ctx, tok, dst)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrChecksumMismatch)
	var ce *ChecksumError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, tok.SHA, ce.Expected)
	assert.NotEqual(t, ce.Expected, ce.Actual)
	_, statErr := os.Stat(dst)
	assert.True(t, os.IsNotExist(statErr), "no destination file")
	assert.Zero(t, countFiles(t, filepath.Dir(dst)), "no temp file left")
	assert.Zero(t, countFiles(t, cacheRoot), "no cache entry")

	// Without the cache, ReadContents streams and reports the mismatch at the end.
	c2, srv2 := fakeClient(t, noCache)
	m2, err := c2.AddModelFromReader(ctx, "m.bin", strings.NewReader("some content"), nil)
	require.NoError(t, err)
	srv2.CorruptDownloads(1)
	_, err = c2.ReadBytes(ctx, m2.Revision().ContentToken())
	assert.ErrorIs(t, err, ErrChecksumMismatch)

	// The next read is clean and fills the cache.
	require.NoError(t, c.CopyTo(ctx, tok, dst))
	assert.Equal(t, 1, countFiles(t, cacheRoot))
}

func TestDownloadDroppedMidBody(t *testing.T) {
	for _, cached := range []bool{true, false} {
		c, srv := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheEnabled = Bool(cached) })
		ctx := context.Background()
		m, err := c.AddModelFromReader(ctx, "m.bin", bytes.NewReader(randomBytes(t, 1<<20)), nil)
		require.NoError(t, err)
		srv.DropDownloadMidBody(1)
		dst := filepath.Join(t.TempDir(), "out.bin")
		err = c.CopyTo(ctx, m.Revision().ContentToken(), dst)
		require.Error(t, err)
		assert.Zero(t, countFiles(t, filepath.Dir(dst)))
	}
}

func TestCacheHitsStatsAndCleanup(t *testing.T) {
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheRoot = "" })
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("cached"), nil)
	require.NoError(t, err)
	assert.Empty(t, c.files.cache.Root(), "the cache root is created lazily")
	tok := m.Revision().ContentToken()
	for range 3 {
		got, err := c.ReadText(ctx, tok)
		require.NoError(t, err)
		assert.Equal(t, "cached", got)
	}
	assert.Equal(t, CacheStats{Hits: 2, Misses: 1, Puts: 1}, c.CacheStats())
	assert.Len(t, srv.RequestsFor("storage.get"), 1)
	root := c.files.cache.Root()
	assert.Contains(t, filepath.Base(root), "istari-client-cache-")

	require.NoError(t, c.CleanupCache(ctx, tok))
	assert.Zero(t, countFiles(t, root))
	_, err = c.ReadText(ctx, tok)
	require.NoError(t, err)
	assert.Equal(t, int64(2), c.CacheStats().Misses)

	require.NoError(t, c.Close())
	_, err = os.Stat(root)
	assert.True(t, os.IsNotExist(err), "the SDK-created root is removed on Close")
}

func TestCacheCleanupKeepsUserRoot(t *testing.T) {
	root := t.TempDir()
	other := filepath.Join(root, "keep.txt")
	require.NoError(t, os.WriteFile(other, []byte("mine"), 0o600))
	c, _ := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheRoot = root })
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("x"), nil)
	require.NoError(t, err)
	_, err = c.ReadBytes(ctx, m.Revision().ContentToken())
	require.NoError(t, err)
	assert.Equal(t, 2, countFiles(t, root))
	require.NoError(t, c.Close())
	assert.Equal(t, 1, countFiles(t, root))
	_, err = os.Stat(other)
	assert.NoError(t, err)
}

func TestCorruptCacheEntryIsRefetched(t *testing.T) {
	root := t.TempDir()
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.FilesystemCacheRoot = root })
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("original"), nil)
	require.NoError(t, err)
	tok := m.Revision().ContentToken()
	_, err = c.ReadBytes(ctx, tok)
	require.NoError(t, err)
	var entry string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			entry = p
		}
		return nil
	})
	require.NotEmpty(t, entry)
	assert.Len(t, filepath.Base(entry), 64)
	assert.Equal(t, filepath.Base(entry)[:4], filepath.Base(filepath.Dir(entry)))
	require.NoError(t, os.WriteFile(entry, []byte("tampered"), 0o600))
	got, err := c.ReadText(ctx, tok)
	require.NoError(t, err)
	assert.Equal(t, "original", got)
	assert.Len(t, srv.RequestsFor("storage.get"), 2)
}

func TestPartRetriedAlone(t *testing.T) {
	c, srv := fakeClient(t, smallMultipart)
	data := randomBytes(t, 5<<20+1)
	srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 503})
	var mu sync.Mutex
	var reports []int64
	m, err := c.AddModelFromReader(context.Background(), "big.bin", bytes.NewReader(data), &UploadOptions{
		Progress: func(sent, total int64) {
			mu.Lock()
			reports = append(reports, sent)
			mu.Unlock()
			assert.Equal(t, int64(len(data)), total)
		},
	})
	require.NoError(t, err)
	assert.Equal(t, 7, storagePuts(srv, true), "6 parts, one of them retried once")
	got, err := c.ReadBytes(context.Background(), m.Revision().ContentToken())
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, got))
	mu.Lock()
	defer mu.Unlock()
	require.NotEmpty(t, reports)
	for i := 1; i < len(reports); i++ {
		assert.GreaterOrEqual(t, reports[i], reports[i-1], "progress is monotonic")
	}
	assert.Equal(t, int64(len(data)), reports[len(reports)-1])
}

func TestMultipartFailureAborts(t *testing.T) {
	c, srv := fakeClient(t, smallMultipart, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
	srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 500, Times: 100})
	_, err := c.AddModelFromReader(context.Background(), "big.bin", bytes.NewReader(randomBytes(t, 6<<20)), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrServer)
	finals := srv.RequestsFor("finalize_multipart_upload")
	require.Len(t, finals, 1)
	var cancel types.FinalizeMultipartUpload
	require.NoError(t, json.Unmarshal(finals[0].Body, &cancel))
	assert.Equal(t, types.MultipartCancel, cancel.Action)
	assert.Nil(t, cancel.CompletedParts)
	assert.Contains(t, err.Error(), cancel.UploadID)
	assert.Zero(t, srv.MultipartUploadsInProgress())
	assert.Empty(t, srv.RequestsFor("create_model"))
}

// clientGoroutines returns the stacks of running goroutines that are not part of the in-process fake server
// (its handlers may still be sleeping on an injected latency) nor of the test framework.
func clientGoroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if strings.Contains(g, "clientGoroutines") || strings.Contains(g, "net/http.(*conn).serve") || strings.Contains(g, "istaritest") ||
			strings.Contains(g, "net/http.(*Server).Serve") || strings.Contains(g, "testing.tRunner") ||
			strings.Contains(g, "testing.(*T).Run") || strings.Contains(g, "testing.(*M)") {
			continue
		}
		id := strings.Fields(header)
		if len(id) > 1 {
			out[id[1]] = g
		}
	}
	return out
}

// noGoroutineLeak waits until every client goroutine started since base has ended.
// The client must use pool as its HTTP transport: its idle keep-alive connections are closed first (they are
// not leaks; Client.Close would close them too, but the test checks while the client is still open).
func noGoroutineLeak(t *testing.T, pool *http.Transport, base map[string]string) {
	t.Helper()
	var mu sync.Mutex
	var leaked []string
	ok := assert.Eventually(t, func() bool {
		pool.CloseIdleConnections()
		mu.Lock()
		defer mu.Unlock()
		leaked = leaked[:0]
		for id, g := range clientGoroutines() {
			if _, old := base[id]; !old {
				leaked = append(leaked, g)
			}
		}
		return len(leaked) == 0
	}, 5*time.Second, 20*time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if !ok {
		t.Logf("leaked goroutines:\n%s", strings.Join(leaked, "\n\n"))
	}
}

func TestCancelMidUpload(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
	}{{"single PUT", 2 << 20}, {"multipart", 6 << 20}} {
		t.Run(tc.name, func(t *testing.T) {
			pool := &http.Transport{}
			c, srv := fakeClient(t, smallMultipart, func(cfg *Configuration) { cfg.HTTPClient = &http.Client{Transport: pool} })
			data := randomBytes(t, tc.size)
			srv.InjectFault(istaritest.Fault{Op: "storage.put", Latency: 2 * time.Second, Times: 10})
			base := clientGoroutines()
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			start := time.Now()
			_, err := c.AddModelFromReader(ctx, "big.bin", bytes.NewReader(data), nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, context.Canceled)
			assert.Less(t, time.Since(start), 3*time.Second, "returns promptly")
			noGoroutineLeak(t, pool, base)
			srv.ClearFaults()
		})
	}
}

func TestLongDescriptionFailsLocally(t *testing.T) {
	c, srv := fakeClient(t)
	long := strings.Repeat("é", 256)
	_, err := c.AddModelFromReader(context.Background(), "m.txt", strings.NewReader("x"), &UploadOptions{Description: &long})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "description", ve.Field)
	assert.Equal(t, "max", ve.Rule)
	assert.Equal(t, 256, ve.Length)
	_, err = c.UpdateModelFromReader(context.Background(), "some-id", "m.txt", strings.NewReader("x"), &UploadOptions{DisplayName: &long})
	require.ErrorAs(t, err, &ve)
	_, err = c.AddComment(context.Background(), "r", "/nonexistent", &long)
	require.ErrorAs(t, err, &ve)
	assert.Empty(t, srv.Requests(), "no request sent")
	ok := strings.Repeat("é", 255)
	_, err = c.AddModelFromReader(context.Background(), "m.txt", strings.NewReader("x"), &UploadOptions{Description: &ok})
	assert.NoError(t, err)
}

func TestOrphanErrorNamesSHA(t *testing.T) {
	logs := &logBuffer{}
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	srv.InjectFault(istaritest.Fault{Op: "create_model", Status: 500})
	_, err := c.AddModelFromReader(context.Background(), "m.txt", strings.NewReader("orphan"), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrServer)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "create_model", apiErr.OperationID)
	puts := srv.RequestsFor("generate_upload_url")
	require.NotEmpty(t, puts)
	sha := strings.Split(puts[0].Path, "/")[4] // /api/v2/tokens/{sha}/upload-url
	require.Len(t, sha, 96)
	assert.Contains(t, err.Error(), sha)
	assert.Contains(t, logs.String(), "level=WARN")
	assert.Contains(t, logs.String(), sha)
}

func TestCommentsThreadsAndArchive(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("model"), nil)
	require.NoError(t, err)
	cm, err := c.AddCommentFromReader(ctx, m.ID, "c.txt", strings.NewReader("first!"), Ptr("a comment"))
	require.NoError(t, err)
	reply, err := c.AddCommentFromReader(ctx, cm.ID, "r.txt", strings.NewReader("reply"), nil)
	require.NoError(t, err)
	assert.Equal(t, cm.ID, *reply.ResourceID)

	got, err := c.GetComment(ctx, cm.ID)
	require.NoError(t, err)
	require.Len(t, got.Comments, 1)
	assert.Equal(t, reply.ID, got.Comments[0].ID)

	model, err := c.GetModel(ctx, m.ID)
	require.NoError(t, err)
	require.Len(t, model.Comments, 1)
	assert.Len(t, model.Comments[0].Comments, 1)

	page, err := c.ListModelComments(ctx, m.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, 1, *page.Total)

	upd, err := c.UpdateCommentFromReader(ctx, cm.ID, "c.txt", strings.NewReader("edited"), Ptr("edited"))
	require.NoError(t, err)
	assert.Equal(t, cm.Revision().ContentToken().Salt, upd.Revision().ContentToken().Salt)

	archived, err := c.ArchiveComment(ctx, cm.ID, Ptr("spam"))
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameArchived, archived.ArchiveStatus().Name)
	assert.Equal(t, "spam", *archived.ArchiveStatus().Reason)
	page, err = c.ListModelComments(ctx, m.ID, nil)
	require.NoError(t, err)
	assert.Zero(t, *page.Total)
	page, err = c.ListModelComments(ctx, m.ID, &ListCommentsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})
	require.NoError(t, err)
	assert.Equal(t, 1, *page.Total)
	require.NoError(t, c.Restore(ctx, archived, nil))
	got, err = c.GetComment(ctx, cm.ID)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameActive, got.ArchiveStatus().Name)
}

func TestModelsListFiltersAndArchive(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	names := []string{"b.txt", "a.txt", "c.txt"}
	var ids []string
	for _, n := range names {
		m, err := c.AddModelFromReader(ctx, n, strings.NewReader(n), &UploadOptions{DisplayName: Ptr("display " + n)})
		require.NoError(t, err)
		ids = append(ids, m.ID)
	}
	page, err := c.ListModels(ctx, &ListModelsParams{PageOptions: PageOptions{Size: 2}, Sort: Ptr("name")})
	require.NoError(t, err)
	assert.Equal(t, 3, *page.Total)
	assert.Equal(t, 2, *page.Pages)
	require.Len(t, page.Items, 2)
	assert.Equal(t, "a.txt", page.Items[0].File.Name())
	var all []string
	for it, err := range page.All(ctx) {
		require.NoError(t, err)
		all = append(all, it.ID)
	}
	assert.Len(t, all, 3)

	// Another user sees nothing of ours; "shared with me" is empty for the owner.
	shared, err := c.ListModels(ctx, &ListModelsParams{FilterBy: Ptr(enums.FilterByShared)})
	require.NoError(t, err)
	assert.Zero(t, *shared.Total)
	bob := srv.AddUser("bob")
	cb, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(bob.Token), FilesystemCacheEnabled: Bool(false)})
	require.NoError(t, err)
	defer cb.Close()
	bobs, err := cb.ListModels(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, *bobs.Total)
	_, err = cb.GetModel(ctx, ids[0])
	assert.ErrorIs(t, err, ErrNotFound)

	m0, err := c.GetModel(ctx, ids[0])
	require.NoError(t, err)
	require.NoError(t, c.Archive(ctx, m0, Ptr("old")))
	page, err = c.ListModels(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, *page.Total)
	page, err = c.ListModels(ctx, &ListModelsParams{ArchiveStatus: Ptr(enums.ArchiveStatusAll)})
	require.NoError(t, err)
	assert.Equal(t, 3, *page.Total)
	restored, err := c.RestoreModel(ctx, ids[0], nil)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameActive, restored.ArchiveStatus().Name)

	// Artifacts belong to their model.
	a, err := c.AddArtifactFromReader(ctx, ids[1], "out.json", strings.NewReader("{}"), nil)
	require.NoError(t, err)
	assert.Equal(t, ids[1], *a.ModelID)
	arts, err := c.ListModelArtifacts(ctx, ids[1], nil)
	require.NoError(t, err)
	assert.Equal(t, 1, *arts.Total)
	mm, err := c.GetModel(ctx, ids[1])
	require.NoError(t, err)
	require.Len(t, mm.Artifacts, 1)
	res, err := c.GetResource(ctx, "artifact", a.ID)
	require.NoError(t, err)
	assert.Equal(t, a.ID, res.(*types.Artifact).ID)
	archivedArt, err := c.ArchiveArtifact(ctx, a.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameArchived, archivedArt.ArchiveStatus().Name)
}

func TestSearchResources(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	_, err := c.AddModelFromReader(ctx, "rocket.step", strings.NewReader("x"), &UploadOptions{Description: Ptr("Saturn V stage")})
	require.NoError(t, err)
	_, err = c.AddModelFromReader(ctx, "wing.step", strings.NewReader("y"), &UploadOptions{DisplayName: Ptr("Wing")})
	require.NoError(t, err)
	page, err := c.SearchResources(ctx, &SearchResourcesParams{SearchTerm: "saturn"})
	require.NoError(t, err)
	require.Equal(t, 1, *page.Total)
	require.NotNil(t, page.Items[0].Name)
	assert.Equal(t, "rocket.step", *page.Items[0].Name)
	all, err := c.ListResources(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, *all.Total)

	srv.ResetRequests()
	_, err = c.SearchResources(ctx, &SearchResourcesParams{})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "search_term", ve.Field)
	assert.Empty(t, srv.Requests())
	// The fake answers 422 itself when the term is empty.
	_, err = c.invokeRaw(ctx, "search_resources")
	assert.ErrorIs(t, err, ErrUnprocessable)
}

func TestFilesPropertiesRevisionsAndGenericArchive(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	f, err := c.AddFileFromReader(ctx, "notes.md", strings.NewReader("# notes"), &UploadOptions{
		Description: Ptr("d1"), DisplayName: Ptr("Notes"), Sources: []types.NewSource{types.SourceRevision("rev-src")},
	})
	require.NoError(t, err)
	rev := f.Revision()
	require.Len(t, rev.Sources, 1)
	assert.Equal(t, "rev-src", rev.Sources[0].RevisionID)

	f2, err := c.UpdateFileProperties(ctx, f, types.RevisionMeta{Description: Ptr("d2")})
	require.NoError(t, err)
	require.Len(t, f2.Revisions, 2)
	assert.Equal(t, "d2", f2.Description())
	assert.Equal(t, "Notes", f2.DisplayName(), "unset fields keep their value")
	assert.Equal(t, rev.ContentToken().SHA, f2.Revision().ContentToken().SHA, "same content")
	props, err := c.ReadProperties(ctx, f2.Revision().PropertiesToken())
	require.NoError(t, err)
	assert.Equal(t, "d2", *props.Description)
	assert.Equal(t, "Notes", *props.DisplayName)

	got, err := c.GetRevision(ctx, rev.ID)
	require.NoError(t, err)
	assert.Equal(t, rev.ContentToken().SHA, got.ContentToken().SHA)
	ar, err := c.ArchiveFileRevision(ctx, rev.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameArchived, ar.ArchiveStatus().Name)
	_, err = c.RestoreFileRevision(ctx, rev.ID, nil)
	require.NoError(t, err)

	require.NoError(t, c.Archive(ctx, f2, nil))
	files, err := c.ListFiles(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, *files.Total)
	rf, err := c.RestoreFile(ctx, f.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameActive, rf.ArchiveStatus().Name)
	files, err = c.ListFiles(ctx, &ListFilesParams{FilterBy: Ptr(enums.FilterByOwned), Sort: Ptr("-created")})
	require.NoError(t, err)
	assert.Equal(t, 1, *files.Total)

	// A revision built by CreateRevision is registered by the caller.
	r, err := c.CreateRevisionFromReader(ctx, "x.txt", strings.NewReader("x"), nil)
	require.NoError(t, err)
	assert.Nil(t, r.FileID)
	r2, err := c.UpdateRevisionContentFromReader(ctx, "x.txt", strings.NewReader("x"), r.ContentToken().Salt, nil)
	require.NoError(t, err)
	assert.Equal(t, r.ContentToken().SHA, r2.ContentToken().SHA, "same bytes and salt give the same sha")
}

func TestBulkArtifacts(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.txt", strings.NewReader("m"), nil)
	require.NoError(t, err)
	item := func(name, content string) types.UploadItem {
		return types.UploadItem{Name: name, Size: int64(len(content)), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(content)), nil
		}}
	}
	arts, err := c.AddArtifactsBulk(ctx, m.ID, []types.UploadItem{item("a.txt", "alpha"), item("b.txt", "beta")})
	require.NoError(t, err)
	require.Len(t, arts, 2)
	text, err := c.ReadText(ctx, arts[1].Revision().ContentToken())
	require.NoError(t, err)
	assert.Equal(t, "beta", text)
	assert.Len(t, srv.RequestsFor("generate_upload_urls_bulk"), 2)

	srv.ResetRequests()
	eleven := make([]types.UploadItem, 11)
	for i := range eleven {
		eleven[i] = item("x.txt", "x")
	}
	_, err = c.AddArtifactsBulk(ctx, m.ID, eleven)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, err.Error(), "size >10")
	assert.Empty(t, srv.Requests())
}

func TestStorageNeverSendsAuthorization(t *testing.T) {
	c, srv := fakeClient(t, smallMultipart)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "m.bin", bytes.NewReader(randomBytes(t, 6<<20)), nil)
	require.NoError(t, err)
	_, err = c.ReadBytes(ctx, m.Revision().ContentToken())
	require.NoError(t, err)
	n := 0
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Op, "storage.") {
			n++
			assert.Empty(t, r.Header.Get("Authorization"))
		} else {
			assert.NotEmpty(t, r.Header.Get("Authorization"))
		}
	}
	assert.Greater(t, n, 6)
}

func TestStorageIgnoresHTTPRequestTimeout(t *testing.T) {
	c, srv := fakeClient(t, func(cfg *Configuration) {
		cfg.HTTPRequestTimeout = time.Second
		cfg.RetryEnabled = Bool(false)
	})
	ctx := context.Background()
	srv.InjectFault(istaritest.Fault{Op: "storage.put", Latency: 1300 * time.Millisecond})
	m, err := c.AddModelFromReader(ctx, "slow.txt", strings.NewReader("slow storage"), nil)
	require.NoError(t, err, "a slow presigned PUT is not cut by the registry call timeout")
	srv.InjectFault(istaritest.Fault{Op: "get_model", Latency: 1300 * time.Millisecond})
	_, err = c.GetModel(ctx, m.ID)
	require.Error(t, err, "registry calls keep their per-attempt timeout")
}

func TestPresignedQueryNeverLogged(t *testing.T) {
	logs := &logBuffer{}
	c, srv := fakeClient(t, smallMultipart, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	ctx := context.Background()
	srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 503})
	m, err := c.AddModelFromReader(ctx, "m.bin", bytes.NewReader(randomBytes(t, 6<<20)), nil)
	require.NoError(t, err)
	_, err = c.ReadBytes(ctx, m.Revision().ContentToken())
	require.NoError(t, err)
	assert.Contains(t, logs.String(), "op=storage")
	assert.NotContains(t, logs.String(), "X-Fake-Signature")
	assert.NotContains(t, logs.String(), srv.Token())
}
