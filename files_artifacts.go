package istari

import (
	"context"
	"io"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListArtifactsParams are the filters of ListArtifacts and ListModelArtifacts (Python: the keyword arguments of
// Client.list_artifacts and Client.list_model_artifacts).
type ListArtifactsParams = ListFilesParams

// createArtifact registers an uploaded revision as an artifact of a model (operation create_artifact).
func (c *Client) createArtifact(ctx context.Context, modelID string, rev *types.FileRevision) (*types.Artifact, error) {
	return invokeOne[types.Artifact](ctx, c, request{op: ops.CreateArtifact, path: []string{modelID}, body: rev})
}

// createArtifactsBulk registers 1..10 uploaded revisions as artifacts (operation create_artifacts_bulk).
func (c *Client) createArtifactsBulk(ctx context.Context, modelID string, revs []types.FileRevision) ([]types.Artifact, error) {
	var out []types.Artifact
	if err := c.invoke(ctx, request{op: ops.CreateArtifactsBulk, path: []string{modelID}, body: revs, out: &out}); err != nil {
		return nil, err
	}
	return out, nil
}

// updateArtifact appends an uploaded revision to an artifact's file (operation update_artifact).
func (c *Client) updateArtifact(ctx context.Context, artifactID string, rev *types.FileRevision) (*types.Artifact, error) {
	return invokeOne[types.Artifact](ctx, c, request{op: ops.UpdateArtifact, path: []string{artifactID}, body: rev})
}

// GetArtifact returns an artifact (Python Client.get_artifact, operation get_artifact).
func (c *Client) GetArtifact(ctx context.Context, artifactID string) (*types.Artifact, error) {
	return invokeOne[types.Artifact](ctx, c, request{op: ops.GetArtifact, path: []string{artifactID}})
}

// ListArtifacts lists artifacts page by page (Python Client.list_artifacts, operation list_artifacts).
func (c *Client) ListArtifacts(ctx context.Context, params *ListArtifactsParams) (*Page[types.Artifact], error) {
	return listPage[types.Artifact](ctx, c, ops.ListArtifacts, nil, params)
}

// ListModelArtifacts lists the artifacts of one model (Python Client.list_model_artifacts, operation
// list_model_artifacts).
func (c *Client) ListModelArtifacts(ctx context.Context, modelID string, params *ListArtifactsParams) (*Page[types.Artifact], error) {
	return listPage[types.Artifact](ctx, c, ops.ListModelArtifacts, []string{modelID}, params)
}

// ArchiveArtifact archives an artifact (Python Client.archive_artifact, operation archive_artifact).
func (c *Client) ArchiveArtifact(ctx context.Context, artifactID string, reason *string) (*types.Artifact, error) {
	return archiveCall[types.Artifact](ctx, c, ops.ArchiveArtifact, artifactID, reason)
}

// RestoreArtifact restores an artifact (Python Client.restore_artifact, operation restore_artifact).
func (c *Client) RestoreArtifact(ctx context.Context, artifactID string, reason *string) (*types.Artifact, error) {
	return archiveCall[types.Artifact](ctx, c, ops.RestoreArtifact, artifactID, reason)
}

// AddArtifact uploads the file at path as a new artifact of a model (Python Client.add_artifact:
// create_revision, then create_artifact).
func (c *Client) AddArtifact(ctx context.Context, modelID, path string, opts *UploadOptions) (*types.Artifact, error) {
	return addUnder(ctx, c, "AddArtifact", "model_id", modelID, pathSource(path), opts, ops.CreateArtifact, c.createArtifact)
}

// AddArtifactFromReader is AddArtifact for content read from r; name is the file name with its extension
// (Go-only: Python Client.add_artifact takes a path). The content is streamed and hashed once.
func (c *Client) AddArtifactFromReader(ctx context.Context, modelID, name string, r io.Reader, opts *UploadOptions) (*types.Artifact, error) {
	return addUnder(ctx, c, "AddArtifact", "model_id", modelID, readerSource(name, r), opts, ops.CreateArtifact, c.createArtifact)
}

// AddArtifactsBulk uploads up to 10 items and registers them as artifacts of a model in one call (Python
// Client.add_artifacts_bulk: create_revisions_bulk, then create_artifacts_bulk). More than 10 items or an item
// above the multipart threshold fails before any upload.
//
// Deprecated: add_artifacts_bulk is deprecated in the 2026.04 docs; call AddArtifact per file.
func (c *Client) AddArtifactsBulk(ctx context.Context, modelID string, items []types.UploadItem) (_ []types.Artifact, err error) {
	ctx, span := c.tel.StartCall(ctx, "AddArtifactsBulk")
	defer span.Done(&err)
	if modelID == "" {
		return nil, newValidationError("model_id", "required", "", "is required")
	}
	revs, err := c.CreateRevisionsBulk(ctx, items)
	if err != nil {
		return nil, err
	}
	out, err := c.createArtifactsBulk(ctx, modelID, revs)
	if err != nil {
		return nil, c.afterUpload(ctx, ops.CreateArtifactsBulk, &revs[0], err)
	}
	return out, nil
}

// UpdateArtifact uploads new content for an artifact (Python Client.update_artifact: get_artifact, upload with
// the current content salt, update_artifact).
func (c *Client) UpdateArtifact(ctx context.Context, artifactID, path string, opts *UploadOptions) (*types.Artifact, error) {
	return updateWith(ctx, c, "UpdateArtifact", "artifact_id", artifactID, pathSource(path), opts, ops.UpdateArtifact, c.GetArtifact, c.updateArtifact)
}

// UpdateArtifactFromReader is UpdateArtifact for content read from r; name is the file name with its extension
// (Go-only: Python Client.update_artifact takes a path).
func (c *Client) UpdateArtifactFromReader(ctx context.Context, artifactID, name string, r io.Reader, opts *UploadOptions) (*types.Artifact, error) {
	return updateWith(ctx, c, "UpdateArtifact", "artifact_id", artifactID, readerSource(name, r), opts, ops.UpdateArtifact, c.GetArtifact, c.updateArtifact)
}
