package istari

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// ListFilesParams are the filters of ListFiles (page, size, sort, filter_by, archive_status). Unset filters are
// not sent: sending archive_status at all forces a slow server query.
//
// Python: the keyword arguments of Client.list_files.
type ListFilesParams struct {
	PageOptions
	Sort          *string              `query:"sort"`
	FilterBy      *enums.FilterBy      `query:"filter_by"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
}

// ListResourcesParams are the filters of ListResources (Python: the keyword arguments of Client.list_resources).
type ListResourcesParams = ListFilesParams

// SearchResourcesParams are the parameters of SearchResources: search_term is required (at least 1 character);
// size, when set, is 1..100.
//
// Python: the keyword arguments of Client.search_resources.
type SearchResourcesParams struct {
	PageOptions
	SearchTerm string `query:"search_term" validate:"required,min=1"`
}

// createFile registers a file whose first revision was uploaded (operation create_file).
func (c *Client) createFile(ctx context.Context, rev *types.FileRevision) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: "create_file", body: rev})
}

// updateFile appends an uploaded revision to a file (operation update_file).
func (c *Client) updateFile(ctx context.Context, fileID string, rev *types.FileRevision) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: "update_file", path: []string{fileID}, body: rev})
}

// updateFileProperties sets a file's new properties token (operation update_file_properties).
func (c *Client) updateFileProperties(ctx context.Context, fileID string, body *types.TokenWithProperties) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: "update_file_properties", path: []string{fileID}, body: body})
}

// GetFile returns a file with its revisions, oldest first (Python Client.get_file, operation get_file).
func (c *Client) GetFile(ctx context.Context, fileID string) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: "get_file", path: []string{fileID}})
}

// ListFiles lists files page by page (Python Client.list_files, operation list_files). Very large tenants can
// answer 500 after about 30 s; narrow the filters then.
func (c *Client) ListFiles(ctx context.Context, params *ListFilesParams) (*Page[types.File], error) {
	return listPage[types.File](ctx, c, "list_files", nil, params)
}

// ArchiveFile archives a file, a soft delete (Python Client.archive_file, operation archive_file). With a nil
// reason no body is sent.
func (c *Client) ArchiveFile(ctx context.Context, fileID string, reason *string) (*types.File, error) {
	return archiveCall[types.File](ctx, c, "archive_file", fileID, reason)
}

// RestoreFile restores an archived file (Python Client.restore_file, operation restore_file).
func (c *Client) RestoreFile(ctx context.Context, fileID string, reason *string) (*types.File, error) {
	return archiveCall[types.File](ctx, c, "restore_file", fileID, reason)
}

// GetRevision returns one file revision (Python Client.get_revision, operation get_revision).
func (c *Client) GetRevision(ctx context.Context, revisionID string) (*types.FileRevision, error) {
	return invokeOne[types.FileRevision](ctx, c, request{op: "get_revision", path: []string{revisionID}})
}

// ArchiveFileRevision archives one revision (Python Client.archive_file_revision, operation
// archive_file_revision).
func (c *Client) ArchiveFileRevision(ctx context.Context, fileRevisionID string, reason *string) (*types.FileRevision, error) {
	return archiveCall[types.FileRevision](ctx, c, "archive_file_revision", fileRevisionID, reason)
}

// RestoreFileRevision restores one revision (Python Client.restore_file_revision, operation
// restore_file_revision).
func (c *Client) RestoreFileRevision(ctx context.Context, fileRevisionID string, reason *string) (*types.FileRevision, error) {
	return archiveCall[types.FileRevision](ctx, c, "restore_file_revision", fileRevisionID, reason)
}

// GetResource returns a resource by type and id (Python Client.get_resource, operation get_resource):
// *types.Model for "model", *types.Artifact for "artifact", else *types.RawResource.
func (c *Client) GetResource(ctx context.Context, resourceType, resourceID string) (types.Resource, error) {
	var raw json.RawMessage
	if err := c.invoke(ctx, request{op: "get_resource", path: []string{resourceType, resourceID}, out: &raw}); err != nil {
		return nil, err
	}
	res, err := types.DecodeResource(resourceType, raw)
	if err != nil {
		return nil, fmt.Errorf("istari: get_resource: decoding response: %w", err)
	}
	return res, nil
}

// ListResources lists resources of every type page by page (Python Client.list_resources, operation
// list_resources). Very large tenants can answer 500 after about 30 s.
func (c *Client) ListResources(ctx context.Context, params *ListResourcesParams) (*Page[types.ResourceSearchItem], error) {
	return listPage[types.ResourceSearchItem](ctx, c, "list_resources", nil, params)
}

// SearchResources runs a full-text search over resources (Python Client.search_resources, operation
// search_resources). An empty search term fails locally with *ValidationError.
func (c *Client) SearchResources(ctx context.Context, params *SearchResourcesParams) (*Page[types.CustomizedResourceSearchItem], error) {
	if params == nil {
		return nil, newValidationError("search_term", "required", "", "is required")
	}
	return listPage[types.CustomizedResourceSearchItem](ctx, c, "search_resources", nil, params)
}

// archiveCall performs an archive_*/restore_* operation that answers the updated object.
func archiveCall[T any](ctx context.Context, c *Client, op, id string, reason *string) (*T, error) {
	return invokeOne[T](ctx, c, request{op: op, path: []string{id}, body: archiveBody(reason)})
}

// Archive archives any archivable object by dispatching on its ArchiveKind to archive_<kind> (Python
// obj.archive(reason)): file, file_revision, model, artifact, comment, job or system (any kind whose
// archive_<kind> operation exists). The updated object is not decoded; fetch it again when needed. With a nil
// reason no body is sent.
func (c *Client) Archive(ctx context.Context, a types.Archivable, reason *string) error {
	return c.archiveDispatch(ctx, "archive_", a, reason)
}

// Restore restores any archivable object by dispatching on its ArchiveKind to restore_<kind> (Python
// obj.restore(reason)).
func (c *Client) Restore(ctx context.Context, a types.Archivable, reason *string) error {
	return c.archiveDispatch(ctx, "restore_", a, reason)
}

func (c *Client) archiveDispatch(ctx context.Context, prefix string, a types.Archivable, reason *string) error {
	if v := reflect.ValueOf(a); a == nil || (v.Kind() == reflect.Pointer && v.IsNil()) {
		return newValidationError("object", "required", "", "is required")
	}
	kind := a.ArchiveKind()
	if _, ok := c.ops.Lookup(prefix + kind); !ok || kind == "" {
		return newValidationError("object", "oneof", "file file_revision model artifact comment job system",
			"cannot be archived or restored: no operation "+prefix+kind)
	}
	return c.invoke(ctx, request{op: prefix + kind, path: []string{a.GetID()}, body: archiveBody(reason)})
}

// AddFile uploads the file at path and registers it as a new file (Python Client.add_file: create_revision,
// then create_file). Options over 255 characters fail locally. When the registration fails after the upload,
// the error names the content sha of the orphaned blob.
func (c *Client) AddFile(ctx context.Context, path string, opts *UploadOptions) (*types.File, error) {
	return addWith(ctx, c, "AddFile", pathSource(path), opts, "create_file", c.createFile)
}

// AddFileFromReader is AddFile for content read from r; name is the file name with its extension
// (Go-only: Python Client.add_file takes a path).
func (c *Client) AddFileFromReader(ctx context.Context, name string, r io.Reader, opts *UploadOptions) (*types.File, error) {
	return addWith(ctx, c, "AddFile", readerSource(name, r), opts, "create_file", c.createFile)
}

// UpdateFile uploads new content for a file and appends it as a revision (Python Client.update_file: get_file,
// upload with the current content salt, update_file).
func (c *Client) UpdateFile(ctx context.Context, fileID string, path string, opts *UploadOptions) (*types.File, error) {
	return c.updateFileWith(ctx, fileID, pathSource(path), opts)
}

// UpdateFileFromReader is UpdateFile for content read from r; name is the file name with its extension
// (Go-only: Python Client.update_file takes a path).
func (c *Client) UpdateFileFromReader(ctx context.Context, fileID, name string, r io.Reader, opts *UploadOptions) (*types.File, error) {
	return c.updateFileWith(ctx, fileID, readerSource(name, r), opts)
}

func (c *Client) updateFileWith(ctx context.Context, fileID string, open func() (uploadSource, error), opts *UploadOptions) (*types.File, error) {
	if fileID == "" {
		return nil, newValidationError("file_id", "required", "", "is required")
	}
	return updateWith(ctx, c, "UpdateFile", open, opts, "update_file",
		func(ctx context.Context) (*types.FileRevision, error) {
			f, err := c.GetFile(ctx, fileID)
			if err != nil {
				return nil, err
			}
			return f.Revision(), nil
		},
		func(ctx context.Context, rev *types.FileRevision) (*types.File, error) {
			return c.updateFile(ctx, fileID, rev)
		})
}

// UpdateFileProperties changes a file's metadata without new content (Python Client.update_file_properties):
// a new properties blob is uploaded, then update_file_properties sends the token with the metadata. Fields of
// meta left nil keep the current revision's values.
func (c *Client) UpdateFileProperties(ctx context.Context, file *types.File, meta types.RevisionMeta) (_ *types.File, err error) {
	ctx, span := c.tel.StartCall(ctx, "UpdateFileProperties")
	defer span.Done(&err)
	if file == nil || file.ID == "" {
		return nil, newValidationError("file", "required", "", "is required")
	}
	rev := file.Revision()
	if rev == nil {
		return nil, newValidationError("file.revisions", "required", "", "the file has no revision")
	}
	twp, err := c.UpdateRevisionProperties(ctx, rev, meta)
	if err != nil {
		return nil, err
	}
	return c.updateFileProperties(ctx, file.ID, twp)
}

// UpdateRevisionProperties uploads a new properties blob for rev (Python Client.update_revision_properties)
// and returns the TokenWithProperties to register. Fields of meta left nil keep rev's values.
func (c *Client) UpdateRevisionProperties(ctx context.Context, rev *types.FileRevision, meta types.RevisionMeta) (_ *types.TokenWithProperties, err error) {
	ctx, span := c.tel.StartCall(ctx, "UpdateRevisionProperties")
	defer span.Done(&err)
	if rev == nil {
		return nil, newValidationError("file_revision", "required", "", "is required")
	}
	pick := func(v, cur *string) *string {
		if v != nil {
			return v
		}
		return cur
	}
	merged := UploadOptions{
		Description:        pick(meta.Description, rev.Description),
		DisplayName:        pick(meta.DisplayName, rev.DisplayName),
		VersionName:        pick(meta.VersionName, rev.VersionName),
		ExternalIdentifier: pick(meta.ExternalIdentifier, rev.ExternalIdentifier),
	}
	if err := c.validateUpload(&merged); err != nil {
		return nil, err
	}
	props := types.Properties{
		FileName: deref(rev.Name), Extension: deref(rev.Extension), Size: rev.Size, MIME: rev.MIME,
		Description: merged.Description, VersionName: merged.VersionName,
		ExternalIdentifier: merged.ExternalIdentifier, DisplayName: merged.DisplayName,
	}
	tok, err := c.uploadProperties(ctx, &props)
	if err != nil {
		return nil, err
	}
	return &types.TokenWithProperties{
		Token: tok, Name: rev.Name, Extension: rev.Extension, Size: rev.Size, MIME: rev.MIME,
		Description: merged.Description, VersionName: merged.VersionName,
		ExternalIdentifier: merged.ExternalIdentifier, DisplayName: merged.DisplayName,
	}, nil
}

// CreateRevision uploads the file at path and its properties with a new salt and returns the client-built
// revision, not yet registered (Python Client.create_revision).
func (c *Client) CreateRevision(ctx context.Context, path string, opts *UploadOptions) (*types.FileRevision, error) {
	return c.revisionWith(ctx, pathSource(path), "", opts)
}

// CreateRevisionFromReader is CreateRevision for content read from r; name is the file name with extension
// (Go-only: Python Client.create_revision takes a path).
func (c *Client) CreateRevisionFromReader(ctx context.Context, name string, r io.Reader, opts *UploadOptions) (*types.FileRevision, error) {
	return c.revisionWith(ctx, readerSource(name, r), "", opts)
}

// UpdateRevisionContent is CreateRevision with a given salt (Python Client.update_revision_content): pass the
// current revision's content_token.salt so identical bytes give the identical sha.
func (c *Client) UpdateRevisionContent(ctx context.Context, path, salt string, opts *UploadOptions) (*types.FileRevision, error) {
	if salt == "" {
		return nil, newValidationError("salt", "required", "", "is required")
	}
	return c.revisionWith(ctx, pathSource(path), salt, opts)
}

// UpdateRevisionContentFromReader is UpdateRevisionContent for content read from r; name is the file name with
// its extension (Go-only: Python Client.update_revision_content takes a path).
func (c *Client) UpdateRevisionContentFromReader(ctx context.Context, name string, r io.Reader, salt string, opts *UploadOptions) (*types.FileRevision, error) {
	if salt == "" {
		return nil, newValidationError("salt", "required", "", "is required")
	}
	return c.revisionWith(ctx, readerSource(name, r), salt, opts)
}

func (c *Client) revisionWith(ctx context.Context, open func() (uploadSource, error), salt string, opts *UploadOptions) (_ *types.FileRevision, err error) {
	name := "CreateRevision"
	if salt != "" {
		name = "UpdateRevisionContent"
	}
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	if err := c.validateUpload(opts); err != nil {
		return nil, err
	}
	src, err := open()
	if err != nil {
		return nil, err
	}
	return c.uploadRevision(ctx, src, salt, opts)
}

func pathSource(path string) func() (uploadSource, error) {
	return func() (uploadSource, error) { return sourceFromPath(path) }
}

func readerSource(name string, r io.Reader) func() (uploadSource, error) {
	return func() (uploadSource, error) { return sourceFromReader(name, r) }
}

// addWith is the shape of every add_* composite: validate, upload, register (orphan-aware).
func addWith[T any](ctx context.Context, c *Client, name string, open func() (uploadSource, error), opts *UploadOptions, op string,
	register func(context.Context, *types.FileRevision) (*T, error)) (_ *T, err error) {
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	rev, err := c.revisionWith(ctx, open, "", opts)
	if err != nil {
		return nil, err
	}
	out, err := register(ctx, rev)
	if err != nil {
		return nil, c.afterUpload(ctx, op, rev, err)
	}
	return out, nil
}

// updateWith is the shape of every update_* composite: validate, GET the object for its current content salt,
// upload with that salt, register the new revision.
func updateWith[T any](ctx context.Context, c *Client, name string, open func() (uploadSource, error), opts *UploadOptions, op string,
	current func(context.Context) (*types.FileRevision, error),
	register func(context.Context, *types.FileRevision) (*T, error)) (_ *T, err error) {
	ctx, span := c.tel.StartCall(ctx, name)
	defer span.Done(&err)
	if err := c.validateUpload(opts); err != nil {
		return nil, err
	}
	// Open the content first: a missing file or an over-long name fails before any request.
	src, err := open()
	if err != nil {
		return nil, err
	}
	if err := checkSourceName(src.name); err != nil {
		_ = src.close()
		return nil, err
	}
	cur, err := current(ctx)
	if err != nil {
		_ = src.close()
		return nil, err
	}
	salt := cur.ContentToken().Salt // "" (new salt) when the object has no revision
	rev, err := c.uploadRevision(ctx, src, salt, opts)
	if err != nil {
		return nil, err
	}
	out, err := register(ctx, rev)
	if err != nil {
		return nil, c.afterUpload(ctx, op, rev, err)
	}
	return out, nil
}

// CreateRevisionsBulk uploads up to 10 items with presigned URLs issued in bulk and returns their client-built
// revisions, in order (Python Client.create_revisions_bulk). More than 10 items, or an item at or above the
// multipart threshold, fails before any upload.
func (c *Client) CreateRevisionsBulk(ctx context.Context, items []types.UploadItem) (_ []types.FileRevision, err error) {
	ctx, span := c.tel.StartCall(ctx, "CreateRevisionsBulk")
	defer span.Done(&err)
	if err := c.checkBulk(items); err != nil {
		return nil, err
	}
	type prepared struct {
		item       types.UploadItem
		name, ext  string
		mime, salt string
		sha        string
	}
	preps := make([]prepared, len(items))
	reqs := make([]types.UploadURLRequest, len(items))
	for i, it := range items {
		name, ext, mimeType := fileFacts(it.Name)
		salt := storage.NewSalt()
		sha, err := hashOpen(it.Open, salt)
		if err != nil {
			return nil, fmt.Errorf("istari: hashing items[%d]: %w", i, err)
		}
		preps[i] = prepared{item: it, name: name, ext: ext, mime: mimeType, salt: salt, sha: sha}
		reqs[i] = types.UploadURLRequest{SHA: sha, Salt: salt}
	}
	urls, err := c.GenerateUploadURLsBulk(ctx, reqs)
	if err != nil {
		return nil, err
	}
	for i, p := range preps {
		if err := c.putOpen(ctx, urls[i].URL, p.item.Open, p.item.Size); err != nil {
			return nil, fmt.Errorf("istari: uploading items[%d]: %w", i, err)
		}
	}
	// Properties blobs, also issued in bulk.
	blobs := make([][]byte, len(items))
	for i, p := range preps {
		size := p.item.Size
		props := types.Properties{FileName: p.name, Extension: p.ext, Size: &size, MIME: &p.mime,
			Description: p.item.Meta.Description, VersionName: p.item.Meta.VersionName,
			ExternalIdentifier: p.item.Meta.ExternalIdentifier, DisplayName: p.item.Meta.DisplayName}
		if blobs[i], err = json.Marshal(&props); err != nil {
			return nil, err
		}
		salt := storage.NewSalt()
		sha, _ := storage.SHA(strings.NewReader(string(blobs[i])), int64(len(blobs[i])), salt)
		reqs[i] = types.UploadURLRequest{SHA: sha, Salt: salt}
	}
	purls, err := c.GenerateUploadURLsBulk(ctx, reqs)
	if err != nil {
		return nil, err
	}
	now := types.Timestamp{Time: time.Now().UTC()}
	revs := make([]types.FileRevision, len(items))
	for i, p := range preps {
		b := blobs[i]
		if _, err := c.files.xfer.Put(ctx, purls[i].URL, strings.NewReader(string(b)), 0, int64(len(b)), nil); err != nil {
			return nil, fmt.Errorf("istari: uploading properties of items[%d]: %w", i, storageError("storage.put", err))
		}
		id := storage.NewUUID()
		sources := make([]types.Source, 0, len(p.item.Sources))
		for _, s := range p.item.Sources {
			sources = append(sources, s.ToSource())
		}
		name, ext, mimeType, size := p.name, p.ext, p.mime, p.item.Size
		revs[i] = types.FileRevision{
			ID: id, Created: now,
			ContentTok:    types.Token{ID: storage.NewUUID(), Created: now, SHA: p.sha, Salt: p.salt},
			PropertiesTok: types.Token{ID: storage.NewUUID(), Created: now, SHA: reqs[i].SHA, Salt: reqs[i].Salt},
			ArchiveStatusHistory: []types.ArchiveStatusEntry{{
				ID: storage.NewUUID(), Created: now, Name: enums.ArchiveStatusNameActive, Reason: Ptr("Initial"), FileRevisionID: &id,
			}},
			Name: &name, Extension: &ext, Size: &size, MIME: &mimeType,
			Description: p.item.Meta.Description, VersionName: p.item.Meta.VersionName,
			ExternalIdentifier: p.item.Meta.ExternalIdentifier, DisplayName: p.item.Meta.DisplayName,
			Sources: sources,
		}
	}
	return revs, nil
}

func (c *Client) checkBulk(items []types.UploadItem) error {
	if len(items) > maxBulk {
		return &ValidationError{Field: "items", Rule: "max", Param: "10", Length: len(items), Msg: "Passed list of revisions to bulk artifact endpoint with size >10"}
	}
	if len(items) == 0 {
		return &ValidationError{Field: "items", Rule: "min", Param: "1", Length: 0}
	}
	for i, it := range items {
		switch {
		case it.Name == "":
			return &ValidationError{Field: fmt.Sprintf("items[%d].name", i), Rule: "required", Length: -1}
		case it.Open == nil:
			return &ValidationError{Field: fmt.Sprintf("items[%d].open", i), Rule: "required", Length: -1}
		case it.Size < 0 || it.Size >= c.cfg.multipartThreshold():
			return &ValidationError{Field: fmt.Sprintf("items[%d].size", i), Rule: "lt", Param: fmt.Sprint(c.cfg.multipartThreshold()), Length: -1,
				Msg: "bulk uploads only take files below the multipart threshold"}
		}
		for field, v := range map[string]*string{"description": it.Meta.Description, "display_name": it.Meta.DisplayName,
			"version_name": it.Meta.VersionName, "external_identifier": it.Meta.ExternalIdentifier} {
			if v != nil && utf8.RuneCountInString(*v) > maxColumn {
				return &ValidationError{Field: fmt.Sprintf("items[%d].%s", i, field), Rule: "max", Param: "255", Length: utf8.RuneCountInString(*v)}
			}
		}
	}
	return nil
}

// hashOpen computes the checksum of an UploadItem's content.
func hashOpen(open func() (io.ReadCloser, error), salt string) (string, error) {
	rc, err := open()
	if err != nil {
		return "", err
	}
	defer func() { _ = rc.Close() }()
	h := storage.NewHasher(salt)
	if _, err := storage.CopyBuffer(h, rc); err != nil {
		return "", err
	}
	return h.Sum(), nil
}

// putOpen uploads an UploadItem: each attempt re-opens it.
func (c *Client) putOpen(ctx context.Context, rawURL string, open func() (io.ReadCloser, error), size int64) error {
	ctx, span := c.tel.StartTransfer(ctx, telemetry.Upload, 0, size)
	_, err := c.files.xfer.PutFunc(ctx, rawURL, open, size)
	span.EndTransfer(size, err)
	return storageError("storage.put", err)
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
