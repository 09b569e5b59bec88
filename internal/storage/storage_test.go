package storage

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha3"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSaltAndUUID(t *testing.T) {
	s1, s2 := checksum.NewSalt(), checksum.NewSalt()
	assert.Len(t, s1, 32)
	assert.NotEqual(t, s1, s2)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, NewUUID())
}

func TestSHAMatchesTokenRule(t *testing.T) {
	data := []byte("hello world")
	want, _, err := types.ComputeSHA(bytes.NewReader(data), "sält")
	require.NoError(t, err)
	got, err := checksum.ReaderAt(bytes.NewReader(data), int64(len(data)), "sält")
	require.NoError(t, err)
	assert.Equal(t, want, got)
	h := checksum.New("sält")
	_, _ = h.Write(data[:5])
	_, _ = h.Write(data[5:])
	assert.NoError(t, Check(h, strings.ToUpper(want)), "hex compared case-insensitively")
	h = checksum.New("other")
	_, _ = h.Write(data)
	err = Check(h, want)
	assert.ErrorIs(t, err, types.ErrChecksumMismatch)
}

func TestKeyIsShake256OfShaAndSalt(t *testing.T) {
	want := hex.EncodeToString(sha3.SumSHAKE256([]byte("abc"+"def"), 32))
	assert.Equal(t, want, Key("abc", "def"))
	assert.Len(t, Key("abc", "def"), 64)
}

func TestProgressMonotonicAcrossRetries(t *testing.T) {
	var got []int64
	p := NewProgress(func(sent, total int64) {
		assert.Equal(t, int64(10), total)
		got = append(got, sent)
	}, 10)
	part := p.Part()
	// First attempt sends 6 bytes and fails; the retry resends from 0.
	_, _ = io.CopyN(io.Discard, part.Reader(strings.NewReader("0123456789")), 6)
	_, _ = io.Copy(io.Discard, part.Reader(strings.NewReader("0123456789")))
	assert.Equal(t, int64(10), p.Sent())
	for i := 1; i < len(got); i++ {
		assert.Greater(t, got[i], got[i-1])
	}
	assert.Nil(t, NewProgress(nil, 1))
	var nilP *Progress
	r := strings.NewReader("x")
	assert.Same(t, io.Reader(r), nilP.Part().Reader(r))
}

func content(salt string, data []byte) (string, func(io.Writer) error) {
	sha, _, _ := types.ComputeSHA(bytes.NewReader(data), salt)
	return sha, func(w io.Writer) error { _, err := w.Write(data); return err }
}

func TestCacheFillHitVerifyAndLayout(t *testing.T) {
	root := t.TempDir()
	c := NewCache(root)
	sha, fill := content("s", []byte("payload"))
	f, err := c.Open(context.Background(), sha, "s", fill)
	require.NoError(t, err)
	b, _ := io.ReadAll(f)
	_ = f.Close()
	assert.Equal(t, "payload", string(b))
	key := Key(sha, "s")
	st, err := os.Stat(filepath.Join(root, key[:4]))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), st.Mode().Perm())
	assert.True(t, c.Contains(sha, "s"))

	f, err = c.Open(context.Background(), sha, "s", func(io.Writer) error { return errors.New("must not fetch") })
	require.NoError(t, err)
	_ = f.Close()
	h, m, p := c.Stats()
	assert.Equal(t, [3]int64{1, 1, 1}, [3]int64{h, m, p})

	// A bad fill leaves nothing.
	badSHA, _ := content("s", []byte("expected"))
	_, err = c.Open(context.Background(), badSHA, "s", func(w io.Writer) error { _, err := w.Write([]byte("other")); return err })
	assert.ErrorIs(t, err, types.ErrChecksumMismatch)
	assert.False(t, c.Contains(badSHA, "s"))
	entries, _ := os.ReadDir(filepath.Join(root, Key(badSHA, "s")[:4]))
	assert.Empty(t, entries)
}

func TestCacheConcurrentSameKeyFetchesOnce(t *testing.T) {
	c := NewCache(t.TempDir())
	sha, fill := content("s", bytes.Repeat([]byte("z"), 1<<16))
	var fills atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := c.Open(context.Background(), sha, "s", func(w io.Writer) error { fills.Add(1); return fill(w) })
			if assert.NoError(t, err) {
				_ = f.Close()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(1), fills.Load())
}

func TestCacheLazyTempRootRemovedOnClose(t *testing.T) {
	c := NewCache("")
	assert.Empty(t, c.Root())
	assert.NoError(t, c.Remove(context.Background(), "a", "b"))
	assert.Empty(t, c.Root(), "no directory until the first write")
	sha, fill := content("s", []byte("x"))
	f, err := c.Open(context.Background(), sha, "s", fill)
	require.NoError(t, err)
	_ = f.Close()
	root := c.Root()
	assert.Contains(t, filepath.Base(root), "istari-client-cache-")
	require.NoError(t, c.Close())
	_, err = os.Stat(root)
	assert.True(t, os.IsNotExist(err))
}

func TestCacheLocksOnlyTheSameKeyAndHonoursContext(t *testing.T) {
	c := NewCache(t.TempDir())
	blocked, release := make(chan struct{}), make(chan struct{})
	go func() {
		f, err := c.Open(context.Background(), "slow", "s", func(w io.Writer) error {
			close(blocked)
			<-release
			return errors.New("fill failed")
		})
		if f != nil {
			_ = f.Close()
		}
		assert.Error(t, err)
	}()
	<-blocked

	// Another key is never held up by the slow fill, whatever its hash.
	sha, fill := content("s", []byte("other"))
	f, err := c.Open(context.Background(), sha, "s", fill)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	// The same key waits, and gives up when its context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Open(ctx, "slow", "s", func(io.Writer) error { return nil })
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	close(release)
	require.Eventually(t, func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		return len(c.locks) == 0
	}, 2*time.Second, 5*time.Millisecond, "lock entries are dropped once nobody holds or waits")
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	_, ino := fileID(fi)
	return ino
}

// copyInto runs CopyInto into a new temp file of dir and returns its path (removed on failure).
func copyInto(t *testing.T, c *Cache, dir, sha, salt string, fill func(io.Writer) error) (string, error) {
	t.Helper()
	dst, err := os.CreateTemp(dir, "dst-*")
	require.NoError(t, err)
	err = c.CopyInto(context.Background(), sha, salt, dst, fill)
	require.NoError(t, dst.Close())
	if err != nil {
		require.NoError(t, os.Remove(dst.Name()))
	}
	return dst.Name(), err
}

func TestCopyIntoWritesOnceLinksTheEntryAndCopiesHits(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	c := NewCache(root)
	data := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB
	sha, fill := content("s", data)
	var fills int
	counted := func(w io.Writer) error { fills++; return fill(w) }

	first, err := copyInto(t, c, out, sha, "s", counted)
	require.NoError(t, err)
	entry := entryPath(root, Key(sha, "s"))
	assert.Equal(t, inode(t, first), inode(t, entry), "the verified download is the entry (a hard link), not a second write")

	second, err := copyInto(t, c, out, sha, "s", counted)
	require.NoError(t, err)
	got, _ := os.ReadFile(second)
	assert.Equal(t, data, got)
	assert.NotEqual(t, inode(t, entry), inode(t, second), "a hit is a copy of its own, never a link")
	assert.Equal(t, 1, fills)
	h, m, p := c.Stats()
	assert.Equal(t, [3]int64{1, 1, 1}, [3]int64{h, m, p})

	// A bad download leaves no entry (the caller removes its temp file).
	bad, _ := content("s", []byte("expected"))
	_, err = copyInto(t, c, out, bad, "s", func(w io.Writer) error { _, err := w.Write([]byte("other")); return err })
	assert.ErrorIs(t, err, types.ErrChecksumMismatch)
	assert.False(t, c.Contains(bad, "s"))
}

func TestChangedEntryIsVerifiedAndRefetched(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	c := NewCache(root)
	data := bytes.Repeat([]byte("z"), 1<<16)
	sha, fill := content("s", data)
	var fills int
	counted := func(w io.Writer) error { fills++; return fill(w) }
	first, err := copyInto(t, c, out, sha, "s", counted)
	require.NoError(t, err)

	// The caller writes its copy in place right away (same size, same clock tick): the linked entry changed.
	f, err := os.OpenFile(first, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteAt([]byte("Z"), 100)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	second, err := copyInto(t, c, out, sha, "s", counted)
	require.NoError(t, err)
	got, _ := os.ReadFile(second)
	assert.Equal(t, data, got, "the changed entry was not served")
	assert.Equal(t, 2, fills, "it was refetched")

	// Flipping a byte of the entry itself, in the same tick as its fill, is also caught.
	entry := entryPath(root, Key(sha, "s"))
	g, err := os.OpenFile(entry, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = g.WriteAt([]byte{'y'}, 7)
	require.NoError(t, err)
	require.NoError(t, g.Close())
	rc, err := c.Open(context.Background(), sha, "s", counted)
	require.NoError(t, err)
	got, _ = io.ReadAll(rc)
	_ = rc.Close()
	assert.Equal(t, data, got)
	assert.Equal(t, 3, fills)
}

func TestEntryOfAnEarlierProcessIsVerifiedOnce(t *testing.T) {
	root := t.TempDir()
	sha, fill := content("s", []byte("kept between runs"))
	f, err := NewCache(root).Open(context.Background(), sha, "s", fill)
	require.NoError(t, err)
	_ = f.Close()

	// A new cache over the same root (another process) does not know the entry: it verifies it in full once.
	c := NewCache(root)
	never := func(io.Writer) error { return errors.New("must not fetch") }
	for range 2 {
		f, err := c.Open(context.Background(), sha, "s", never)
		require.NoError(t, err)
		_ = f.Close()
	}
	assert.Contains(t, c.verified, entryPath(root, Key(sha, "s")))

	// A corrupt entry of an earlier process is deleted and refetched.
	c2 := NewCache(root)
	require.NoError(t, os.WriteFile(entryPath(root, Key(sha, "s")), []byte("kept between ruNs"), 0o600))
	var fetched bool
	f, err = c2.Open(context.Background(), sha, "s", func(w io.Writer) error { fetched = true; return fill(w) })
	require.NoError(t, err)
	b, _ := io.ReadAll(f)
	_ = f.Close()
	assert.True(t, fetched)
	assert.Equal(t, "kept between runs", string(b))
}

// countingConn counts the writes that reach the socket.
type countingConn struct {
	net.Conn
	writes *atomic.Int64
}

func (c countingConn) Write(b []byte) (int, error) { c.writes.Add(1); return c.Conn.Write(b) }

// countingReaderAt counts the reads of an upload's content.
type countingReaderAt struct {
	r     io.ReaderAt
	reads atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	c.reads.Add(1)
	return c.r.ReadAt(p, off)
}

func TestUploadBodyReachesTheSocketInLargeWrites(t *testing.T) {
	const size = 8 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
	}))
	defer srv.Close()
	put := func(large bool) (writes, reads int64) {
		var n atomic.Int64
		dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return countingConn{c, &n}, nil
		}
		tr := &http.Transport{DialContext: dial}
		if large {
			tr.DialContext = LargeWrites(dial)
		}
		defer tr.CloseIdleConnections()
		x := &Transfers{TR: transport.New(transport.Options{HTTPClient: &http.Client{Transport: tr}})}
		ra := &countingReaderAt{r: bytes.NewReader(make([]byte, size))}
		_, err := x.Put(context.Background(), srv.URL, ra, 0, size, nil)
		require.NoError(t, err)
		return n.Load(), ra.reads.Load()
	}
	writes, reads := put(true)
	assert.LessOrEqual(t, writes, int64(size/checksum.BufSize+4), "writes of BufSize")
	assert.LessOrEqual(t, reads, int64(size/checksum.BufSize+4), "reads of BufSize")
	plainWrites, plainReads := put(false)
	assert.GreaterOrEqual(t, plainWrites, int64(size/(32<<10)), "net/http alone copies in 32 KiB chunks")
	assert.GreaterOrEqual(t, plainReads, int64(size/(32<<10)))
}

func TestCopyAllAcrossFilesystemsAndSizes(t *testing.T) {
	dirs := []string{t.TempDir()}
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		d, err := os.MkdirTemp("/dev/shm", "istari-copy-*")
		require.NoError(t, err)
		t.Cleanup(func() { _ = os.RemoveAll(d) })
		dirs = append(dirs, d) // tmpfs to the test's filesystem: copy_file_range may refuse, sendfile copies
	}
	for _, size := range []int{0, 1, 64<<20 + 3} {
		data := make([]byte, size)
		_, _ = rand.Read(data)
		src := filepath.Join(dirs[0], "src")
		require.NoError(t, os.WriteFile(src, data, 0o600))
		in, err := os.Open(src)
		require.NoError(t, err)
		for _, d := range dirs {
			out := filepath.Join(d, "out")
			require.NoError(t, copyFile(out, in))
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(data, got), "size %d into %s", size, d)
			require.NoError(t, os.Remove(out))
		}
		require.NoError(t, in.Close())
	}
}

func TestUnchangedTellsWhetherAReadWasOfVerifiedBytes(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	c := NewCache(root)
	sha, fill := content("s", []byte("verified bytes"))
	linked, err := copyInto(t, c, out, sha, "s", fill)
	require.NoError(t, err)
	f, err := c.Open(context.Background(), sha, "s", fill)
	require.NoError(t, err)
	defer func() { _ = f.Close() }()
	assert.True(t, c.Unchanged(f))
	require.NoError(t, os.WriteFile(linked, []byte("verified bytez"), 0o600)) // the caller's linked copy
	assert.False(t, c.Unchanged(f), "a write through the linked file shows")
}
