package upload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/validate"
)

// Source is the content of one upload: a name (with extension), random access to the bytes and their size.
// Close frees what the source holds (an open file, a spool file).
type Source struct {
	Name    string
	RA      io.ReaderAt
	Size    int64
	release func() error
	hashed  *checksum.Hasher // the content already hashed (a spooled reader), its salt still to come
}

// Checksum returns the checksum of the content with salt: from the hash taken while a reader was spooled, or
// by one read of the content.
func (s *Source) Checksum(salt string) (string, error) {
	if s.hashed != nil {
		return s.hashed.SumWith(salt), nil
	}
	return checksum.ReaderAt(s.RA, s.Size, salt)
}

// Close releases the source; a nil release is a no-op.
func (s *Source) Close() error {
	if s == nil || s.release == nil {
		return nil
	}
	return s.release()
}

// Opener opens a source when the upload starts (after its options validated); spooling a reader stops when ctx
// ends (a Read already blocked inside the caller's reader can only be ended by the caller).
type Opener func(ctx context.Context) (*Source, error)

// Path opens a local regular file.
func Path(path string) Opener {
	return func(ctx context.Context) (*Source, error) {
		if path == "" {
			return nil, &validate.Violation{Field: "path", Rule: "required", Length: -1, Msg: "is required (a local file to upload)"}
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, pathViolation(err)
		}
		st, err := f.Stat()
		if err != nil {
			_ = f.Close()
			return nil, pathViolation(err)
		}
		if !st.Mode().IsRegular() {
			_ = f.Close()
			return nil, &validate.Violation{Field: "path", Rule: "file", Length: -1, Msg: path + " is not a regular file"}
		}
		return &Source{Name: filepath.Base(path), RA: f, Size: st.Size(), release: f.Close}, nil
	}
}

// pathViolation reports a local file that cannot be opened as a violation of the path argument; it wraps err,
// so a missing file still matches fs.ErrNotExist.
func pathViolation(err error) error {
	return &validate.Violation{Field: "path", Rule: "file", Length: -1, Msg: "cannot be opened: " + err.Error(), Err: err}
}

// Reader uses r from its current position. A reader that can seek and read at an offset (*os.File,
// *bytes.Reader, *strings.Reader, io.SectionReader) is used in place; any other reader is spooled to a temp
// file first (bounded memory), because the checksum must be known before the upload URL is requested; the
// content is hashed while it is spooled, so it is read back only once, to be sent. The spool is removed by
// Close.
func Reader(name string, r io.Reader) Opener {
	return func(ctx context.Context) (*Source, error) {
		if name == "" {
			return nil, &validate.Violation{Field: "name", Rule: "required", Length: -1, Msg: "is required (a file name with its extension)"}
		}
		if validate.IsNil(r) { // nil, or a typed nil such as (*bytes.Reader)(nil)
			return nil, &validate.Violation{Field: "reader", Rule: "required", Length: -1, Msg: "is required"}
		}
		name := filepath.Base(name)
		if ra, ok := r.(io.ReaderAt); ok {
			if sk, ok := r.(io.Seeker); ok {
				cur, err1 := sk.Seek(0, io.SeekCurrent)
				end, err2 := sk.Seek(0, io.SeekEnd)
				_, err3 := sk.Seek(cur, io.SeekStart)
				if err := errors.Join(err1, err2, err3); err == nil {
					return &Source{Name: name, RA: io.NewSectionReader(ra, cur, end-cur), Size: end - cur}, nil
				}
			}
		}
		spool, err := os.CreateTemp("", "istari-upload-*")
		if err != nil {
			return nil, fmt.Errorf("istari: spooling upload: %w", err)
		}
		remove := func() error { _ = spool.Close(); return os.Remove(spool.Name()) }
		h := checksum.New("") // the salt is appended when it is known (an update reuses the current one)
		n, err := checksum.Copy(io.MultiWriter(spool, h), ctxReader{ctx: ctx, r: r})
		if err != nil {
			_ = remove()
			return nil, fmt.Errorf("istari: spooling upload: %w", err)
		}
		return &Source{Name: name, RA: spool, Size: n, release: remove, hashed: h}, nil
	}
}

// Named opens the source of open under another name (the temp file of generated content, for example).
func Named(open Opener, name string) Opener {
	return func(ctx context.Context) (*Source, error) {
		src, err := open(ctx)
		if err == nil {
			src.Name = name
		}
		return src, err
	}
}

// ctxReader fails its next Read once ctx has ended, so spooling a slow reader honours the caller's context.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
