package istari

// Upload core (operations.md §3.3, §12.2; core.md §4-§5).
//
// Other domains (AddJob, UpdateJob, AddFunctionAuthSecret, auth integrations) upload through one helper:
//
//	func (c *Client) uploadRevision(ctx context.Context, src uploadSource, salt string, opts *UploadOptions) (*types.FileRevision, error)
//
// src comes from sourceFromPath(path), sourceFromReader(name, r) or sourceFromBytes(name, b); uploadRevision
// always releases it (closes the file, removes a spool), success or not. salt "" means a new random salt; pass
// the current revision.content_token.salt on updates. opts may be nil. The result is the client-built
// FileRevision body (§3.3) to send to the registry; nothing is registered yet. Validate opts with
// c.validateUpload(opts) before building a source from a reader if you want to fail before spooling it.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// maxColumn is the registry's column width for revision metadata (operations.md §2.6).
const maxColumn = 255

// UploadOptions are the optional settings of an upload (Python's sources, description, display_name,
// version_name and external_identifier keyword arguments). Each string is at most 255 characters; a longer one
// fails locally with *ValidationError before any byte is read or sent. (The json tags only name the fields in
// validation errors; UploadOptions is never sent as such.)
type UploadOptions struct {
	// Sources are provenance links to existing revisions (Python's NewSource or bare revision id strings; use
	// types.SourceRevision(id) for the latter).
	Sources            []types.NewSource `json:"sources" validate:"dive"`
	Description        *string           `json:"description" validate:"omitempty,max=255"`
	DisplayName        *string           `json:"display_name" validate:"omitempty,max=255"`
	VersionName        *string           `json:"version_name" validate:"omitempty,max=255"`
	ExternalIdentifier *string           `json:"external_identifier" validate:"omitempty,max=255"`
	// Progress, when set, is called with the content bytes sent so far and the total; calls are serialized and
	// sent only grows, even when parts upload concurrently or an attempt is retried.
	Progress func(sent, total int64) `json:"-"`
}

// filesState is the client's storage machinery: presigned transfers and the filesystem cache.
type filesState struct {
	xfer  *storage.Transfers
	cache *storage.Cache // nil when the cache is disabled
}

func (c *Client) initFiles() {
	c.files.xfer = &storage.Transfers{TR: c.tr, UserAgent: c.userAgent}
	if c.cfg.cacheEnabled() {
		c.files.cache = storage.NewCache(c.cfg.FilesystemCacheRoot)
		if c.cfg.cacheCleanOnExit() {
			c.closers = append(c.closers, c.files.cache.Close)
		}
	}
}

// uploadSource is the content of one upload: a name (with extension), random access to the bytes and their
// size. release frees what the source holds (an open file, a spool file).
type uploadSource struct {
	name    string
	ra      io.ReaderAt
	size    int64
	release func() error
}

func (s uploadSource) close() error {
	if s.release == nil {
		return nil
	}
	return s.release()
}

// sourceFromPath opens a local file.
func sourceFromPath(path string) (uploadSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return uploadSource{}, fmt.Errorf("istari: opening upload: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return uploadSource{}, fmt.Errorf("istari: opening upload: %w", err)
	}
	if !st.Mode().IsRegular() {
		_ = f.Close()
		return uploadSource{}, fmt.Errorf("istari: upload %s is not a regular file", path)
	}
	return uploadSource{name: filepath.Base(path), ra: f, size: st.Size(), release: f.Close}, nil
}

// sourceFromReader uses r from its current position. A reader that can seek and read at an offset (*os.File,
// *bytes.Reader, *strings.Reader, io.SectionReader) is used in place; any other reader is spooled to a temp
// file first (bounded memory), because the checksum must be known before the upload URL is requested. The
// spool is removed by close.
func sourceFromReader(name string, r io.Reader) (uploadSource, error) {
	if name == "" {
		return uploadSource{}, newValidationError("name", "required", "", "is required (a file name with its extension)")
	}
	if r == nil {
		return uploadSource{}, newValidationError("reader", "required", "", "is required")
	}
	name = filepath.Base(name)
	if ra, ok := r.(io.ReaderAt); ok {
		if sk, ok := r.(io.Seeker); ok {
			cur, err1 := sk.Seek(0, io.SeekCurrent)
			end, err2 := sk.Seek(0, io.SeekEnd)
			_, err3 := sk.Seek(cur, io.SeekStart)
			if err := errors.Join(err1, err2, err3); err == nil {
				return uploadSource{name: name, ra: io.NewSectionReader(ra, cur, end-cur), size: end - cur}, nil
			}
		}
	}
	spool, err := os.CreateTemp("", "istari-upload-*")
	if err != nil {
		return uploadSource{}, fmt.Errorf("istari: spooling upload: %w", err)
	}
	remove := func() error { _ = spool.Close(); return os.Remove(spool.Name()) }
	n, err := storage.CopyBuffer(spool, r)
	if err != nil {
		_ = remove()
		return uploadSource{}, fmt.Errorf("istari: spooling upload: %w", err)
	}
	return uploadSource{name: name, ra: spool, size: n, release: remove}, nil
}

// sourceFromBytes uploads b (not copied; do not modify it during the upload).
func sourceFromBytes(name string, b []byte) uploadSource {
	return uploadSource{name: filepath.Base(name), ra: bytes.NewReader(b), size: int64(len(b))}
}

// validateUpload checks opts locally (255-character limits, source ids).
func (c *Client) validateUpload(opts *UploadOptions) error {
	if opts == nil {
		return nil
	}
	if err := c.validate(opts); err != nil {
		return err
	}
	for i, s := range opts.Sources {
		if s.RevisionID == "" {
			return &ValidationError{Field: fmt.Sprintf("sources[%d].revision_id", i), Rule: "required", Length: -1}
		}
	}
	return nil
}

// uploadRevision uploads src and its properties blob and returns the client-built revision (see the top of
// this file). src is always released.
func (c *Client) uploadRevision(ctx context.Context, src uploadSource, salt string, opts *UploadOptions) (*types.FileRevision, error) {
	defer func() { _ = src.close() }()
	if opts == nil {
		opts = &UploadOptions{}
	}
	if err := c.validateUpload(opts); err != nil {
		return nil, err
	}
	if err := checkSourceName(src.name); err != nil {
		return nil, err
	}
	name, ext, mimeType := fileFacts(src.name)
	if salt == "" {
		salt = storage.NewSalt()
	}
	sha, err := storage.SHA(src.ra, src.size, salt)
	if err != nil {
		return nil, fmt.Errorf("istari: hashing %s: %w", name, err)
	}
	if err := c.putObject(ctx, sha, salt, src.ra, src.size, storage.NewProgress(opts.Progress, src.size)); err != nil {
		return nil, err
	}
	props := types.Properties{
		FileName: name, Extension: ext, Size: &src.size, MIME: &mimeType,
		Description: opts.Description, VersionName: opts.VersionName,
		ExternalIdentifier: opts.ExternalIdentifier, DisplayName: opts.DisplayName,
	}
	ptok, err := c.uploadProperties(ctx, &props)
	if err != nil {
		return nil, fmt.Errorf("%w (content sha %s already uploaded)", err, sha)
	}
	now := types.Timestamp{Time: time.Now().UTC()}
	id := storage.NewUUID()
	sources := make([]types.Source, 0, len(opts.Sources))
	for _, s := range opts.Sources {
		sources = append(sources, s.ToSource())
	}
	return &types.FileRevision{
		ID:            id,
		Created:       now,
		FileID:        nil,
		ContentTok:    types.Token{ID: storage.NewUUID(), Created: now, SHA: sha, Salt: salt},
		PropertiesTok: ptok,
		ArchiveStatusHistory: []types.ArchiveStatusEntry{{
			ID: storage.NewUUID(), Created: now, Name: enums.ArchiveStatusNameActive, Reason: Ptr("Initial"), FileRevisionID: &id,
		}},
		Name: &name, Extension: &ext, Size: Ptr(src.size), MIME: &mimeType,
		Description: opts.Description, VersionName: opts.VersionName,
		ExternalIdentifier: opts.ExternalIdentifier, DisplayName: opts.DisplayName,
		Sources: sources,
	}, nil
}

// fileFacts derives the revision's name, extension (lower case, no dot) and MIME type from a file name.
func fileFacts(name string) (base, ext, mimeType string) {
	base = filepath.Base(name)
	dotExt := filepath.Ext(base)
	ext = strings.ToLower(strings.TrimPrefix(dotExt, "."))
	mimeType = "application/octet-stream"
	if dotExt != "" {
		if t := mime.TypeByExtension(strings.ToLower(dotExt)); t != "" {
			mimeType = t
		}
	}
	return base, ext, mimeType
}

// uploadProperties serializes props as JSON, uploads it with its own new salt and returns its token.
func (c *Client) uploadProperties(ctx context.Context, props *types.Properties) (types.Token, error) {
	blob, err := json.Marshal(props)
	if err != nil {
		return types.Token{}, fmt.Errorf("istari: encoding properties: %w", err)
	}
	salt := storage.NewSalt()
	r := bytes.NewReader(blob)
	sha, err := storage.SHA(r, int64(len(blob)), salt)
	if err != nil {
		return types.Token{}, err
	}
	if err := c.putObject(ctx, sha, salt, r, int64(len(blob)), nil); err != nil {
		return types.Token{}, err
	}
	return types.Token{ID: storage.NewUUID(), Created: types.Timestamp{Time: time.Now().UTC()}, SHA: sha, Salt: salt}, nil
}

// putObject stores size bytes of ra under (sha, salt): one presigned PUT, or a multipart upload from
// MultipartThreshold bytes on.
func (c *Client) putObject(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	if size >= c.cfg.multipartThreshold() {
		return c.putMultipart(ctx, sha, salt, ra, size, prog)
	}
	u, err := c.GenerateUploadURL(ctx, &types.UploadURLRequest{SHA: sha, Salt: salt})
	if err != nil {
		return err
	}
	tctx, span := c.tel.StartTransfer(ctx, telemetry.Upload, 0, size)
	_, err = c.files.xfer.Put(tctx, u.URL, ra, 0, size, prog.Part())
	span.EndTransfer(size, err)
	return storageError("storage.put", err)
}

// storageError turns an object-store status into an *APIError (so errors.Is(err, ErrForbidden) etc. work).
func storageError(op string, err error) error {
	var se *storage.StatusError
	if errors.As(err, &se) {
		return newAPIError(op, se.Method, se.URL, se.StatusCode, se.Header, se.Body, se.Attempts)
	}
	return err
}

// afterUpload wraps the failure of the registry call that follows an upload: the blobs stay in storage
// (orphans), so their sha is logged at WARN and named in the error, which still wraps the *APIError.
func (c *Client) afterUpload(ctx context.Context, op string, rev *types.FileRevision, err error) error {
	if err == nil {
		return nil
	}
	c.logger.WarnContext(ctx, "istari: registry call failed after upload; the uploaded objects stay in storage",
		"op", op, "sha", rev.ContentTok.SHA, "properties_sha", rev.PropertiesTok.SHA)
	return fmt.Errorf("istari: %s failed after uploading content sha %s: %w", op, rev.ContentTok.SHA, err)
}

// CacheStats are the filesystem cache counters (Python get_cache_stats()).
type CacheStats struct {
	Hits, Misses, Puts int64
}

// CacheStats returns the filesystem cache counters; all zero when the cache is disabled (Python
// Readable.get_cache_stats(), which Go offers once per client rather than per object).
func (c *Client) CacheStats() CacheStats {
	if c.files.cache == nil {
		return CacheStats{}
	}
	h, m, p := c.files.cache.Stats()
	return CacheStats{Hits: h, Misses: m, Puts: p}
}

// CleanupCache removes the cache entry of token, if any (Python Readable.cleanup_cache).
func (c *Client) CleanupCache(ctx context.Context, token types.Token) error {
	if c.files.cache == nil {
		return ctx.Err()
	}
	return c.files.cache.Remove(ctx, token.SHA, token.Salt)
}

// checkSourceName rejects a file name or extension longer than the registry's 255-character columns.
func checkSourceName(fileName string) error {
	name, ext, _ := fileFacts(fileName)
	for _, f := range []struct{ field, v string }{{"name", name}, {"extension", ext}} {
		if n := utf8.RuneCountInString(f.v); n > maxColumn {
			return &ValidationError{Field: f.field, Rule: "max", Param: "255", Length: n}
		}
	}
	return nil
}
