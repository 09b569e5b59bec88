package istari

import (
	"context"
	"io"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListModelsParams are the filters of ListModels (page, size, filter_by, sort, archive_status); unset filters
// are not sent.
//
// Python: the keyword arguments of Client.list_models.
type ListModelsParams struct {
	PageOptions
	FilterBy      *enums.FilterBy      `query:"filter_by"`
	Sort          *string              `query:"sort"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
}

// createModel registers a model whose first revision was uploaded (operation create_model).
func (c *Client) createModel(ctx context.Context, rev *types.FileRevision) (*types.Model, error) {
	return invokeOne[types.Model](ctx, c, request{op: ops.CreateModel, body: rev})
}

// updateModel appends an uploaded revision to a model's file (operation update_model).
func (c *Client) updateModel(ctx context.Context, modelID string, rev *types.FileRevision) (*types.Model, error) {
	return invokeOne[types.Model](ctx, c, request{op: ops.UpdateModel, path: []string{modelID}, body: rev})
}

// GetModel returns a model with its file, artifacts and comments (Python Client.get_model, operation
// get_model).
func (c *Client) GetModel(ctx context.Context, modelID string) (*types.Model, error) {
	return invokeOne[types.Model](ctx, c, request{op: ops.GetModel, path: []string{modelID}})
}

// ListModels lists models page by page (Python Client.list_models, operation list_models). Items are summary
// rows (ids, not nested objects).
func (c *Client) ListModels(ctx context.Context, params *ListModelsParams) (*Page[types.ModelListItem], error) {
	return listPage[types.ModelListItem](ctx, c, ops.ListModels, nil, params)
}

// ArchiveModel archives a model (Python Client.archive_model, operation archive_model).
func (c *Client) ArchiveModel(ctx context.Context, modelID string, reason *string) (*types.Model, error) {
	return archiveCall[types.Model](ctx, c, ops.ArchiveModel, modelID, reason)
}

// RestoreModel restores an archived model (Python Client.restore_model, operation restore_model).
func (c *Client) RestoreModel(ctx context.Context, modelID string, reason *string) (*types.Model, error) {
	return archiveCall[types.Model](ctx, c, ops.RestoreModel, modelID, reason)
}

// AddModel uploads the file at path and registers it as a new model (Python Client.add_model: create_revision,
// then create_model). The model's name and extension come from the file's base name; opts (nil for none) sets
// the revision's sources, description, display name, version name and external identifier.
//
// Errors worth knowing: an option over 255 characters fails locally with *ValidationError and sends nothing; a
// missing file fails before any request (errors.Is(err, fs.ErrNotExist)); when create_model fails after the
// upload, the error names the content sha of the orphaned blob. Use AddModelFromReader for content that is not
// in a file.
func (c *Client) AddModel(ctx context.Context, path string, opts *UploadOptions) (*types.Model, error) {
	return addWith(ctx, c, "AddModel", pathSource(path), opts, ops.CreateModel, c.createModel)
}

// AddModelFromReader is AddModel for content read from r; name is the file name with its extension, from
// which the revision's extension and MIME type are derived (Go-only: Python Client.add_model takes a path).
func (c *Client) AddModelFromReader(ctx context.Context, name string, r io.Reader, opts *UploadOptions) (*types.Model, error) {
	return addWith(ctx, c, "AddModel", readerSource(name, r), opts, ops.CreateModel, c.createModel)
}

// UpdateModel uploads new content for a model (Python Client.update_model: get_model, upload with the current
// content salt, update_model).
func (c *Client) UpdateModel(ctx context.Context, modelID, path string, opts *UploadOptions) (*types.Model, error) {
	return updateWith(ctx, c, "UpdateModel", "model_id", modelID, pathSource(path), opts, ops.UpdateModel, c.GetModel, c.updateModel)
}

// UpdateModelFromReader is UpdateModel for content read from r; name is the file name with its extension
// (Go-only: Python Client.update_model takes a path).
func (c *Client) UpdateModelFromReader(ctx context.Context, modelID, name string, r io.Reader, opts *UploadOptions) (*types.Model, error) {
	return updateWith(ctx, c, "UpdateModel", "model_id", modelID, readerSource(name, r), opts, ops.UpdateModel, c.GetModel, c.updateModel)
}
