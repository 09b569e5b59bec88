package storage

import (
	"bytes"
	"context"
	"crypto/sha3"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSaltAndUUID(t *testing.T) {
	s1, s2 := checksum.NewSalt(), checksum.NewSalt()
	assert.Len(t, s1, 64)
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
