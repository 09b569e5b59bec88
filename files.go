package istari

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/upload"
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
	SearchTerm string `json:"search_term" validate:"required,min=1"`
}

// createFile registers a file whose first revision was uploaded (operation create_file).
func (c *Client) createFile(ctx context.Context, rev *types.FileRevision) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: ops.CreateFile, body: rev})
}

// updateFile appends an uploaded revision to a file (operation update_file).
func (c *Client) updateFile(ctx context.Context, fileID string, rev *types.FileRevision) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: ops.UpdateFile, path: []string{fileID}, body: rev})
}

// updateFileProperties sets a file's new properties token (operation update_file_properties).
func (c *Client) updateFileProperties(ctx context.Context, fileID string, body *types.TokenWithProperties) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: ops.UpdateFileProperties, path: []string{fileID}, body: body})
}

// GetFile returns a file with its revisions, oldest first (Python Client.get_file, operation get_file).
func (c *Client) GetFile(ctx context.Context, fileID string) (*types.File, error) {
	return invokeOne[types.File](ctx, c, request{op: ops.GetFile, path: []string{fileID}})
}

// ListFiles lists files page by page (Python Client.list_files, operation list_files). Very large tenants can
// answer 500 after about 30 s; narrow the filters then.
func (c *Client) ListFiles(ctx context.Context, params *ListFilesParams) (*Page[types.File], error) {
	return listPage[types.File](ctx, c, ops.ListFiles, nil, params)
}

// ArchiveFile archives a file, a soft delete (Python Client.archive_file, operation archive_file). With a nil
// reason no body is sent.
func (c *Client) ArchiveFile(ctx context.Context, fileID string, reason *string) (*types.File, error) {
	return archiveCall[types.File](ctx, c, ops.ArchiveFile, fileID, reason)
}

// RestoreFile restores an archived file (Python Client.restore_file, operation restore_file).
func (c *Client) RestoreFile(ctx context.Context, fileID string, reason *string) (*types.File, error) {
	return archiveCall[types.File](ctx, c, ops.RestoreFile, fileID, reason)
}

// GetRevision returns one file revision (Python Client.get_revision, operation get_revision).
func (c *Client) GetRevision(ctx context.Context, revisionID string) (*types.FileRevision, error) {
	return invokeOne[types.FileRevision](ctx, c, request{op: ops.GetRevision, path: []string{revisionID}})
}

// ArchiveFileRevision archives one revision (Python Client.archive_file_revision, operation
// archive_file_revision).
func (c *Client) ArchiveFileRevision(ctx context.Context, fileRevisionID string, reason *string) (*types.FileRevision, error) {
	return archiveCall[types.FileRevision](ctx, c, ops.ArchiveFileRevision, fileRevisionID, reason)
}

// RestoreFileRevision restores one revision (Python Client.restore_file_revision, operation
// restore_file_revision).
func (c *Client) RestoreFileRevision(ctx context.Context, fileRevisionID string, reason *string) (*types.FileRevision, error) {
	return archiveCall[types.FileRevision](ctx, c, ops.RestoreFileRevision, fileRevisionID, reason)
}

// GetResource returns a resource by type and id (Python Client.get_resource, operation get_resource):
// *types.Model for "model", *types.Artifact for "artifact", else *types.RawResource.
func (c *Client) GetResource(ctx context.Context, resourceType, resourceID string) (types.Resource, error) {
	var raw json.RawMessage
	if err := c.invoke(ctx, request{op: ops.GetResource, path: []string{resourceType, resourceID}, out: &raw}); err != nil {
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
	return listPage[types.ResourceSearchItem](ctx, c, ops.ListResources, nil, params)
}

// SearchResources runs a full-text search over resources (Python Client.search_resources, operation
// search_resources: POST /api/v2/resources/search with the body {"search_term", "page", "size"}). An empty
// search term fails locally with *ValidationError. Next pages post the same body with the next page number.
func (c *Client) SearchResources(ctx context.Context, params *SearchResourcesParams) (*Page[types.CustomizedResourceSearchItem], error) {
	if params == nil {
		return nil, newValidationError("search_term", "required", "", "is required")
	}
	if err := c.validate(params); err != nil {
		return nil, err
	}
	return c.searchPage(ctx, *params, 0)
}

// searchPage posts one FullTextSearch body; page 0 sends the caller's page (or none).
func (c *Client) searchPage(ctx context.Context, p SearchResourcesParams, page int) (*Page[types.CustomizedResourceSearchItem], error) {
	body := map[string]any{"search_term": p.SearchTerm} // the registry's FullTextSearch
	if page == 0 {
		page = p.Page
	} else if p.Size == 0 {
		p.Size = 10
	}
	if page > 0 {
		body["page"] = page
	}
	if p.Size > 0 {
		body["size"] = p.Size
	}
	var out Page[types.CustomizedResourceSearchItem]
	if err := c.invoke(ctx, request{op: ops.SearchResources, body: body, out: &out}); err != nil {
		return nil, err
	}
	out.requested = page
	out.fetch = func(ctx context.Context, n int) (*Page[types.CustomizedResourceSearchItem], error) {
		return c.searchPage(ctx, p, n)
	}
	return &out, nil
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
	if _, ok := c.routes.Load().table.Lookup(prefix + kind); !ok || kind == "" {
		return newValidationError("object", "oneof", "file file_revision model artifact comment job system",
			"cannot be archived or restored: no operation "+prefix+kind)
	}
	return c.invoke(ctx, request{op: ops.ID(prefix + kind), path: []string{a.GetID()}, body: archiveBody(reason)})
}

// AddFile uploads the file at path and registers it as a new file (Python Client.add_file: create_revision,
// then create_file). Options over 255 characters fail locally. When the registration fails after the upload,
// the error names the content sha of the orphaned blob.
func (c *Client) AddFile(ctx context.Context, path string, opts *UploadOptions) (*types.File, error) {
	return addWith(ctx, c, "AddFile", pathSource(path), opts, ops.CreateFile, c.createFile)
}

// AddFileFromReader is AddFile for content read from r; name is the file name with its extension
// (Go-only: Python Client.add_file takes a path).
func (c *Client) AddFileFromReader(ctx context.Context, name string, r io.Reader, opts *UploadOptions) (*types.File, error) {
	return addWith(ctx, c, "AddFile", readerSource(name, r), opts, ops.CreateFile, c.createFile)
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

func (c *Client) updateFileWith(ctx context.Context, fileID string, open upload.Opener, opts *UploadOptions) (*types.File, error) {
	return updateWith(ctx, c, "UpdateFile", "file_id", fileID, open, opts, ops.UpdateFile, c.GetFile, c.updateFile)
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
	if err := merged.internal().Validate(); err != nil {
		return nil, uploadErr(err)
	}
	props := types.Properties{
		FileName: deref(rev.Name), Extension: deref(rev.Extension), Size: rev.Size, MIME: rev.MIME,
		Description: merged.Description, VersionName: merged.VersionName,
		ExternalIdentifier: merged.ExternalIdentifier, DisplayName: merged.DisplayName,
	}
	tok, err := c.files.up.Properties(ctx, &props)
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

// CreateRevisionsBulk uploads up to 10 items with presigned URLs issued in bulk and returns their client-built
// revisions, in order (Python Client.create_revisions_bulk). More than 10 items, or an item above the multipart
// threshold, fails before any upload.
func (c *Client) CreateRevisionsBulk(ctx context.Context, items []types.UploadItem) (_ []types.FileRevision, err error) {
	ctx, span := c.tel.StartCall(ctx, "CreateRevisionsBulk")
	defer span.Done(&err)
	revs, err := c.files.up.Bulk(ctx, items)
	return revs, uploadErr(err)
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
