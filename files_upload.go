package istari

// This file connects the client to internal/upload, where the upload pipeline lives (sources, checksum,
// single and multipart transfers, the client-built revision, the add/update and bulk steps): the client
// implements upload.Registry with its storage operations, and reports the package's local problems as
// *ValidationError and object-store answers as *APIError. The domain files call addWith, updateWith and
// revisionWith in one line.

import (
	"context"
	"errors"
	"io"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/upload"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// UploadOptions are the optional settings of an upload (Python's sources, description, display_name,
// version_name and external_identifier keyword arguments). Each string is at most 255 characters (the
// registry's column width: a longer value is not storable); a longer one fails locally with *ValidationError
// before any byte is read or sent, as does a source without a revision id.
type UploadOptions struct {
	// Sources are provenance links to existing revisions (Python's NewSource or bare revision id strings; use
	// types.SourceRevision(id) for the latter).
	Sources            []types.NewSource
	Description        *string
	DisplayName        *string
	VersionName        *string
	ExternalIdentifier *string
	// Progress, when set, is called with the content bytes sent so far and the total; calls are serialized and
	// sent only grows, even when parts upload concurrently or an attempt is retried.
	Progress func(sent, total int64)
}

// internal converts o to the upload package's options (nil stays nil).
func (o *UploadOptions) internal() *upload.Options {
	if o == nil {
		return nil
	}
	return &upload.Options{Sources: o.Sources, Description: o.Description, DisplayName: o.DisplayName,
		VersionName: o.VersionName, ExternalIdentifier: o.ExternalIdentifier, Progress: o.Progress}
}

// filesState is the client's storage machinery: the uploader, presigned transfers and the filesystem cache.
type filesState struct {
	xfer  *storage.Transfers
	up    *upload.Uploader
	cache *storage.Cache // nil when the cache is disabled
}

func (c *Client) initFiles() {
	c.files.xfer = &storage.Transfers{TR: c.tr, UserAgent: c.userAgent, Policy: c.presignedPolicy(), Scrub: c.scrub}
	c.files.up = &upload.Uploader{
		Registry: uploadRegistry{c}, Transfers: c.files.xfer, Logger: c.logger, StorageError: storageError, Telemetry: c.tel,
		Threshold: c.cfg.multipartThreshold(), ChunkSize: c.cfg.multipartChunkSize(), Concurrency: c.cfg.uploadConcurrency(),
	}
	if c.cfg.cacheEnabled() {
		c.files.cache = storage.NewCache(c.cfg.FilesystemCacheRoot)
		if c.cfg.cacheCleanOnExit() {
			c.closers = append(c.closers, c.files.cache.Close)
		}
	}
}

// pathSource and readerSource open the content of an upload: a local file, or a reader used in place or
// spooled.
func pathSource(path string) upload.Opener { return upload.Path(path) }

func readerSource(name string, r io.Reader) upload.Opener { return upload.Reader(name, r) }

// uploadErr reports a local problem of the upload package as *ValidationError (the package returns violations
// unwrapped, before any request); other errors pass unchanged.
func uploadErr(err error) error {
	var v *validate.Violation
	if errors.As(err, &v) {
		return violationError(v)
	}
	return err
}

// revisionWith uploads content with salt ("" = new) and returns the client-built revision, not registered. It is
// traced as CreateRevision, or UpdateRevisionContent with a salt.
func (c *Client) revisionWith(ctx context.Context, open upload.Opener, salt string, opts *UploadOptions) (_ *types.FileRevision, err error) {
	name := "CreateRevision"
	if salt != "" {
		name = "UpdateRevisionContent"
	}
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	rev, err := c.files.up.Revision(ctx, open, salt, opts.internal())
	return rev, uploadErr(err)
}

// addWith is every add_* composite, traced as name (the method, "AddModel"): validate, upload, register with op
// (orphan-aware).
func addWith[T any](ctx context.Context, c *Client, name string, open upload.Opener, opts *UploadOptions, op ops.ID,
	register upload.Register[T]) (_ *T, err error) {
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	out, err := upload.Add(ctx, c.files.up, open, opts.internal(), string(op), register)
	return out, uploadErr(err)
}

// addUnder is addWith for an object created under a parent (an artifact of a model, a comment on a resource),
// traced as name: an empty parent id fails as "<idField> is required" before any request.
func addUnder[T any](ctx context.Context, c *Client, name, idField, id string, open upload.Opener, opts *UploadOptions, op ops.ID,
	register func(context.Context, string, *types.FileRevision) (*T, error)) (*T, error) {
	if id == "" {
		return nil, newValidationError(idField, "required", "", "is required")
	}
	return addWith(ctx, c, name, open, opts, op, func(ctx context.Context, rev *types.FileRevision) (*T, error) {
		return register(ctx, id, rev)
	})
}

// updateWith is every update_* composite, traced as name (the method, "UpdateModel"): validate, open, get the
// object for its current content salt (get), upload with that salt, register with op. An empty id fails as
// "<idField> is required" before any request.
func updateWith[T any, R interface{ Revision() *types.FileRevision }](ctx context.Context, c *Client, name, idField, id string,
	open upload.Opener, opts *UploadOptions, op ops.ID,
	get func(context.Context, string) (R, error),
	register func(context.Context, string, *types.FileRevision) (*T, error)) (_ *T, err error) {
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	if id == "" {
		return nil, newValidationError(idField, "required", "", "is required")
	}
	out, err := upload.Update(ctx, c.files.up, open, opts.internal(), string(op),
		func(ctx context.Context) (*types.FileRevision, error) {
			obj, err := get(ctx, id)
			if err != nil {
				return nil, err
			}
			return obj.Revision(), nil
		},
		func(ctx context.Context, rev *types.FileRevision) (*T, error) { return register(ctx, id, rev) })
	return out, uploadErr(err)
}

// afterUpload wraps the failure of the registry call op that follows an upload (see upload.Uploader.Orphaned).
func (c *Client) afterUpload(ctx context.Context, op ops.ID, rev *types.FileRevision, err error) error {
	return c.files.up.Orphaned(ctx, string(op), rev, err)
}

// storageError turns an object-store status into an *APIError (so errors.Is(err, ErrForbidden) etc. work).
func storageError(op string, err error) error {
	var se *storage.StatusError
	if errors.As(err, &se) {
		return newAPIError(op, se.Method, se.URL, se.StatusCode, se.Header, se.Body, se.Attempts)
	}
	return err
}

// uploadRegistry is the client as the upload package's Registry.
type uploadRegistry struct{ c *Client }

func (r uploadRegistry) UploadURL(ctx context.Context, sha, salt string) (string, error) {
	u, err := r.c.GenerateUploadURL(ctx, &types.UploadURLRequest{SHA: sha, Salt: salt})
	if err != nil {
		return "", err
	}
	return u.URL, nil
}

func (r uploadRegistry) UploadURLs(ctx context.Context, reqs []types.UploadURLRequest) ([]string, error) {
	got, err := r.c.GenerateUploadURLsBulk(ctx, reqs)
	if err != nil {
		return nil, err
	}
	urls := make([]string, len(got))
	for i, u := range got {
		urls[i] = u.URL
	}
	return urls, nil
}

func (r uploadRegistry) CreateMultipart(ctx context.Context, body *types.NewMultipartUpload) (*types.MultipartUpload, error) {
	return r.c.createMultipartUpload(ctx, body)
}

func (r uploadRegistry) FinalizeMultipart(ctx context.Context, body *types.FinalizeMultipartUpload) error {
	return r.c.finalizeMultipartUpload(ctx, body)
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
