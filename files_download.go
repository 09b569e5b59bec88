package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// DownloadOptions are the optional settings of a download (ReadContents). Go-only: Python's read_contents
// has no options.
type DownloadOptions struct {
	// Progress, when set, is called with the bytes written to the destination so far and the total (-1 when
	// unknown).
	Progress func(received, total int64)
}

// ReadContents writes the bytes behind token to w and verifies SHA-384(bytes ‖ salt) against token.SHA
// (Python Readable.read_contents: generate_download_url, then a GET of the presigned URL without the registry
// Authorization header). A mismatch returns an error matching ErrChecksumMismatch (*ChecksumError) and keeps no
// cache entry.
//
// With the filesystem cache enabled (the default) the content streams into the cache while it is hashed and
// reaches w only once verified, so w only ever receives verified bytes; a later read of the same token is
// served from the cache without downloading (an *os.File w gets it by a kernel copy). Without the cache the
// bytes stream straight to w while they are hashed and the mismatch is reported at the end: w may then hold
// unverified bytes (use CopyTo for a file that only appears once verified).
func (c *Client) ReadContents(ctx context.Context, token types.Token, w io.Writer, opts *DownloadOptions) (err error) {
	if validate.IsNil(w) {
		return newValidationError("w", "required", "", "is required (a nil writer)")
	}
	ctx, span := c.tel.StartCall(ctx, "ReadContents")
	defer span.Done(&err)
	if token.SHA == "" {
		return newValidationError("token.sha", "required", "", "is required")
	}
	var progress func(int64, int64)
	if opts != nil {
		progress = opts.Progress
	}
	if c.files.cache == nil {
		return c.download(ctx, token, w, progress, true)
	}
	cctx, cspan := c.tel.StartCache(ctx)
	hit := true
	f, err := c.files.cache.Open(ctx, token.SHA, token.Salt, func(dst io.Writer) error {
		hit = false
		return c.download(cctx, token, dst, nil, false) // the cache verifies
	})
	cspan.EndCache(hit && err == nil, err) // a lookup that failed before any fill is no hit
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	if progress == nil {
		// io.Copy lets an *os.File w take the bytes by copy_file_range and a socket by sendfile.
		_, err = io.Copy(w, f)
	} else {
		total := int64(-1)
		if st, serr := f.Stat(); serr == nil {
			total = st.Size()
		}
		_, err = checksum.Copy(storage.NewProgress(progress, total).Writer(w), f)
	}
	if err != nil {
		return fmt.Errorf("istari: reading cached content: %w", err)
	}
	if !c.files.cache.Unchanged(f) {
		// A file linked to the entry was written while w received it: say so rather than pass it as verified.
		return fmt.Errorf("istari: reading cached content sha %s: the cache entry changed while it was read; read again", token.SHA)
	}
	return nil
}

// download streams the object of token into w in one pass, hashing it on the way and verifying the checksum at
// the end when verify is set.
func (c *Client) download(ctx context.Context, token types.Token, w io.Writer, progress func(int64, int64), verify bool) (err error) {
	u, err := c.GenerateDownloadURL(ctx, &types.UploadURLRequest{SHA: token.SHA, Salt: token.Salt})
	if err != nil {
		return err
	}
	ctx, span := c.tel.StartTransfer(ctx, telemetry.Download, 0, -1)
	var n int64
	defer func() { span.EndTransfer(n, err) }()
	body, size, err := c.files.xfer.Get(ctx, u.URL)
	if err != nil {
		return storageError("storage.get", err)
	}
	defer func() { _ = body.Close() }()
	h := checksum.New(token.Salt)
	if verify {
		w = io.MultiWriter(w, h)
	}
	n, err = checksum.Copy(storage.NewProgress(progress, size).Writer(w), body)
	if err != nil {
		return fmt.Errorf("istari: downloading content sha %s: %w", token.SHA, err)
	}
	if size >= 0 && n != size {
		return fmt.Errorf("istari: downloading content sha %s: got %d of %d bytes: %w", token.SHA, n, size, io.ErrUnexpectedEOF)
	}
	if verify {
		return storage.Check(h, token.SHA)
	}
	return nil
}

// ReadBytes returns the verified bytes behind token (Python Readable.read_bytes).
func (c *Client) ReadBytes(ctx context.Context, token types.Token) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.ReadContents(ctx, token, &buf, nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadText returns the verified content behind token as a string (Python Readable.read_text, UTF-8).
func (c *Client) ReadText(ctx context.Context, token types.Token) (string, error) {
	b, err := c.ReadBytes(ctx, token)
	return string(b), err
}

// ReadJSON decodes the verified JSON content behind token into v (Python Readable.read_json).
func (c *Client) ReadJSON(ctx context.Context, token types.Token, v any) error {
	b, err := c.ReadBytes(ctx, token)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("istari: decoding content sha %s as JSON: %w", token.SHA, err)
	}
	return nil
}

// ReadProperties downloads and decodes a revision's properties blob (Python Readable.read_properties); pass
// the properties token (rev.PropertiesToken()).
func (c *Client) ReadProperties(ctx context.Context, token types.Token) (*types.Properties, error) {
	var p types.Properties
	if err := c.ReadJSON(ctx, token, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// CopyTo writes the verified content behind token to path atomically (Python Readable.copy_to): the bytes go
// to a temp file in the target directory, which is synced and renamed over path only after the checksum
// verified. On any error neither path nor a temp file is left behind (an existing file at path is untouched).
//
// The bytes are written once. On a download they stream into the temp file while they are hashed, and the
// verified file then also becomes the cache entry (a hard link when the cache is on the same filesystem, one
// kernel copy otherwise). On a cache hit the entry is copied into place by the kernel (a reflink where the
// filesystem supports it), without passing through the process.
func (c *Client) CopyTo(ctx context.Context, token types.Token, path string) (err error) {
	if token.SHA == "" {
		return newValidationError("token.sha", "required", "", "is required")
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := storage.CreateTemp(dir, "."+base+".*.tmp", 0o666) // the umask applies, as for os.Create
	if err != nil {
		return fmt.Errorf("istari: copy to %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if c.files.cache == nil {
		err = c.download(ctx, token, tmp, nil, true)
	} else {
		err = c.files.cache.CopyInto(ctx, token.SHA, token.Salt, tmp, func(dst io.Writer) error {
			return c.download(ctx, token, dst, nil, false) // the cache verifies
		})
	}
	if err != nil {
		return err
	}
	if st, statErr := os.Stat(path); statErr == nil { // a replaced file keeps its mode
		if err = tmp.Chmod(st.Mode().Perm()); err != nil {
			return fmt.Errorf("istari: copy to %s: %w", path, err)
		}
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("istari: copy to %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("istari: copy to %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("istari: copy to %s: %w", path, errors.Join(err, os.Remove(tmp.Name())))
	}
	return nil
}
