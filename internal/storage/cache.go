package storage

import (
	"context"
	"crypto/sha3"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/istari-sdk/istari-go/internal/checksum"
)

// Cache is the filesystem cache of verified downloads. Entries are keyed by SHAKE-256(sha ‖ salt):
// <root>/<4 hex>/<64 hex>. The root is created lazily on the first write when none was configured.
//
// An entry only ever holds bytes whose checksum was verified, and a read never trusts a changed entry: when
// an entry is written or verified its size, file identity and modification time are recorded (the time set
// to the nanosecond, so any later write changes it); a read whose entry still has them is a hit without
// reading the bytes again, and any other entry (changed since, or left by an earlier process) is verified in
// full first. A corrupt entry is deleted and refetched.
type Cache struct {
	configured string // root given by the caller ("" = SDK temp dir)

	mu       sync.Mutex // guards root, created, entries, dirs and verified
	root     string
	created  bool                // the SDK created root (a temp dir)
	entries  map[string]struct{} // entry paths this cache wrote
	dirs     map[string]struct{} // shard directories this cache created
	verified map[string]stamp    // entry path -> how it looked when its bytes were last verified

	locks map[string]*keyLock // per-key locking (guarded by mu); an entry lives while someone holds or waits

	hits, misses, puts atomic.Int64
}

// NewCache returns a cache rooted at root, or at a temp dir "istari-client-cache-*" created on first write
// when root is "".
func NewCache(root string) *Cache {
	return &Cache{configured: root, entries: map[string]struct{}{}, dirs: map[string]struct{}{},
		verified: map[string]stamp{}, locks: map[string]*keyLock{}}
}

// Stats returns the hit, miss and put counters.
func (c *Cache) Stats() (hits, misses, puts int64) {
	return c.hits.Load(), c.misses.Load(), c.puts.Load()
}

// Key is the entry name of a token: 64 hex characters of SHAKE-256(UTF-8(sha) ‖ UTF-8(salt)).
func Key(sha, salt string) string {
	return hex.EncodeToString(sha3.SumSHAKE256([]byte(sha+salt), 32))
}

// keyLock serialises read-verify-write of one entry. It is a one-slot channel so a waiter can give up when
// its context ends (a download of another token never waits for this one).
type keyLock struct {
	slot chan struct{}
	refs int
}

// lock takes the lock of key, or returns ctx's error if ctx ends first. The returned func releases it.
func (c *Cache) lock(ctx context.Context, key string) (func(), error) {
	c.mu.Lock()
	l := c.locks[key]
	if l == nil {
		l = &keyLock{slot: make(chan struct{}, 1)}
		c.locks[key] = l
	}
	l.refs++
	c.mu.Unlock()
	unref := func() {
		c.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(c.locks, key)
		}
		c.mu.Unlock()
	}
	select {
	case l.slot <- struct{}{}:
		return func() { <-l.slot; unref() }, nil
	case <-ctx.Done():
		unref()
		return nil, ctx.Err()
	}
}

// currentRoot returns the root, creating the SDK temp dir when create is true and none exists yet.
func (c *Cache) currentRoot(create bool) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.root != "" {
		return c.root, nil
	}
	if c.configured != "" {
		c.root = c.configured
		return c.root, nil
	}
	if !create {
		return "", nil
	}
	dir, err := os.MkdirTemp("", "istari-client-cache-*")
	if err != nil {
		return "", err
	}
	c.root, c.created = dir, true
	return dir, nil
}

func entryPath(root, key string) string { return filepath.Join(root, key[:4], key) }

// Open returns the verified entry of (sha, salt), or fetches it with fill (which writes the content) into a
// temp file, verifies it and renames it into place: the bytes are written once, into the cache. The returned
// file is open for reading at offset 0; the caller closes it. A checksum mismatch of the fetched content
// returns a *types.ChecksumError and leaves no entry.
func (c *Cache) Open(ctx context.Context, sha, salt string, fill func(w io.Writer) error) (*os.File, error) {
	key := Key(sha, salt)
	unlock, err := c.lock(ctx, key)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if f := c.intact(key, sha, salt); f != nil {
		c.hits.Add(1)
		return f, nil
	}
	c.misses.Add(1)
	dir, err := c.shard(key)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, key+".*.tmp")
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	h := checksum.New(salt)
	if err := fill(io.MultiWriter(tmp, h)); err != nil {
		return nil, err
	}
	if err := Check(h, sha); err != nil {
		return nil, err
	}
	// No fsync: an entry that a crash left torn is found by the full verification any other process does
	// before it trusts an entry.
	p := filepath.Join(dir, key)
	st, err := markVerified(tmp.Name())
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return nil, err
	}
	ok = true
	c.added(p, st)
	_ = tmp.Close()
	return os.Open(p) // by its entry name, which Unchanged knows
}

// CopyInto writes the verified content of (sha, salt) into dst, an empty file the caller created (the temp
// file of an atomic copy). On a hit the entry is copied by the kernel (copy_file_range: a reflink where the
// filesystem shares blocks, an in-kernel copy elsewhere); it never passes through user space. On a miss fill
// writes the content straight into dst while it is hashed; once verified, dst becomes the entry too, by a hard
// link (or, across filesystems, one kernel copy), so the bytes are written once. A checksum mismatch returns
// a *types.ChecksumError and leaves no entry; dst then holds the unverified bytes and the caller removes it.
// A failure to add the entry (a read-only cache root, say) does not fail the copy: it is only not cached.
//
// Linking makes the caller's file and the entry one inode until the caller's file is replaced or deleted; a
// later write to that file changes the entry's modification time, so the entry is verified before its next use
// (and deleted and refetched when it no longer matches), and a hit whose entry changed while it was copied is
// discarded and fetched afresh. Hits never link: each copy is a file of its own.
func (c *Cache) CopyInto(ctx context.Context, sha, salt string, dst *os.File, fill func(w io.Writer) error) error {
	key := Key(sha, salt)
	unlock, err := c.lock(ctx, key)
	if err != nil {
		return err
	}
	defer unlock()
	if f := c.intact(key, sha, salt); f != nil {
		err := copyAll(dst, f)
		unchanged := c.Unchanged(f)
		_ = f.Close()
		switch {
		case err != nil:
			return fmt.Errorf("copying the cached content: %w", err)
		case unchanged:
			c.hits.Add(1)
			return nil
		}
		// The entry was written during the copy (through a file linked to it): drop both, fetch afresh.
		c.drop(f.Name())
		if err := errors.Join(dst.Truncate(0), seekStart(dst)); err != nil {
			return err
		}
	}
	c.misses.Add(1)
	h := checksum.New(salt)
	if err := fill(io.MultiWriter(dst, h)); err != nil {
		return err
	}
	if err := Check(h, sha); err != nil {
		return err
	}
	c.adopt(key, dst)
	return nil
}

// adopt makes the verified file f the entry of key: a hard link, else one kernel copy. Failures leave no
// entry and are not reported (the download itself succeeded).
func (c *Cache) adopt(key string, f *os.File) {
	dir, err := c.shard(key)
	if err != nil {
		return
	}
	tmp := filepath.Join(dir, key+"."+NewUUID()+".tmp")
	if err := os.Link(f.Name(), tmp); err != nil {
		if err := copyFile(tmp, f); err != nil {
			_ = os.Remove(tmp)
			return
		}
	}
	st, err := markVerified(tmp)
	if err == nil {
		p := filepath.Join(dir, key)
		if err = os.Rename(tmp, p); err == nil {
			c.added(p, st)
			return
		}
	}
	_ = os.Remove(tmp)
}

// copyFile copies all of src into a new file at path through the kernel.
func copyFile(path string, src *os.File) error {
	out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	return errors.Join(copyAll(out, src), out.Close())
}

// copyAll copies all of src (from offset 0) into the empty file dst without passing the bytes through the
// process where the kernel can (kernelCopy), else with *os.File.ReadFrom.
func copyAll(dst, src *os.File) error {
	fi, err := src.Stat()
	if err != nil {
		return err
	}
	if done, err := kernelCopy(dst, src, fi.Size()); done {
		return err
	}
	_, err = dst.ReadFrom(io.NewSectionReader(src, 0, fi.Size()))
	return err
}

// added records a new entry at p.
func (c *Cache) added(p string, st stamp) {
	c.mu.Lock()
	c.entries[p] = struct{}{}
	c.verified[p] = st
	c.mu.Unlock()
	c.puts.Add(1)
}

// intact returns the entry of key open for reading at offset 0 when it is intact: unchanged since this cache
// verified it, or verified in full now. A corrupt entry is deleted. nil means no usable entry.
func (c *Cache) intact(key, sha, salt string) *os.File {
	root, _ := c.currentRoot(false)
	if root == "" {
		return nil
	}
	p := entryPath(root, key)
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil
	}
	c.mu.Lock()
	want, known := c.verified[p]
	c.mu.Unlock()
	if known && want == stampOf(fi) {
		return f
	}
	if verifyFile(f, sha, salt) == nil {
		if st, err := markVerified(p); err == nil {
			c.mu.Lock()
			c.verified[p] = st
			c.mu.Unlock()
		}
		return f
	}
	_ = f.Close()
	c.drop(p) // corrupt or unreadable: delete and refetch
	return nil
}

// Unchanged reports whether the entry open as f still looks as it did when its bytes were verified: true
// after a copy out of it means the copy holds verified bytes.
func (c *Cache) Unchanged(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	c.mu.Lock()
	want, known := c.verified[f.Name()]
	c.mu.Unlock()
	return known && want == stampOf(fi)
}

// drop deletes the entry at p as corrupt.
func (c *Cache) drop(p string) {
	c.mu.Lock()
	delete(c.verified, p)
	c.mu.Unlock()
	_ = os.Remove(p)
}

func seekStart(f *os.File) error {
	_, err := f.Seek(0, io.SeekStart)
	return err
}

// shard returns the shard directory of key, creating the root and the directory when missing.
func (c *Cache) shard(key string) (string, error) {
	root, err := c.currentRoot(true)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, key[:4])
	return dir, c.mkdir(dir)
}

func (c *Cache) mkdir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	c.mu.Lock()
	c.dirs[dir] = struct{}{}
	c.mu.Unlock()
	return nil
}

// verifyFile checks f's checksum and rewinds it.
func verifyFile(f *os.File, sha, salt string) error {
	h := checksum.New(salt)
	if _, err := checksum.Copy(h, f); err != nil {
		return err
	}
	if err := Check(h, sha); err != nil {
		return err
	}
	_, err := f.Seek(0, io.SeekStart)
	return err
}

// Contains reports whether an entry file exists for (sha, salt) (not verified).
func (c *Cache) Contains(sha, salt string) bool {
	root, _ := c.currentRoot(false)
	if root == "" {
		return false
	}
	_, err := os.Stat(entryPath(root, Key(sha, salt)))
	return err == nil
}

// Remove deletes the entry of (sha, salt); a missing entry is not an error (Python cleanup_cache).
func (c *Cache) Remove(ctx context.Context, sha, salt string) error {
	key := Key(sha, salt)
	unlock, err := c.lock(ctx, key)
	if err != nil {
		return err
	}
	defer unlock()
	root, _ := c.currentRoot(false)
	if root == "" {
		return nil
	}
	p := entryPath(root, key)
	c.mu.Lock()
	delete(c.entries, p)
	delete(c.verified, p)
	c.mu.Unlock()
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Close cleans up: the whole root when the SDK created it, otherwise only the entries and
// the (then empty) shard directories this cache created.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.root == "" {
		return nil
	}
	if c.created {
		err := os.RemoveAll(c.root)
		c.root, c.created = "", false
		c.entries, c.dirs, c.verified = map[string]struct{}{}, map[string]struct{}{}, map[string]stamp{}
		return err
	}
	var errs []error
	for p := range c.entries {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	for d := range c.dirs {
		_ = os.Remove(d) // only succeeds when empty: never removes what others put there
	}
	c.entries, c.dirs, c.verified = map[string]struct{}{}, map[string]struct{}{}, map[string]stamp{}
	return errors.Join(errs...)
}

// Root is the cache root, "" while the SDK temp dir has not been created.
func (c *Cache) Root() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.root
}
