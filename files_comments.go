package istari

import (
	"context"
	"io"
	"net/url"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListCommentsParams are the filters of ListModelComments and ListArtifactComments (page, size, sort,
// archive_status). Python: the keyword arguments of Client.list_model_comments and
// Client.list_artifact_comments.
type ListCommentsParams struct {
	PageOptions
	Sort          *string              `query:"sort"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
}

// createComment registers an uploaded revision as a comment on a resource (operation create_comment).
func (c *Client) createComment(ctx context.Context, resourceID string, rev *types.FileRevision) (*types.Comment, error) {
	// POST /api/v2/comments?resource_id=... as the Python client sends it
	return invokeOne[types.Comment](ctx, c, request{op: ops.CreateComment, query: url.Values{"resource_id": {resourceID}}, body: rev})
}

// updateComment appends an uploaded revision to a comment (operation update_comment).
func (c *Client) updateComment(ctx context.Context, commentID string, rev *types.FileRevision) (*types.Comment, error) {
	return invokeOne[types.Comment](ctx, c, request{op: ops.UpdateComment, path: []string{commentID}, body: rev})
}

// GetComment returns a comment with its threaded replies (Python Client.get_comment, operation get_comment).
func (c *Client) GetComment(ctx context.Context, commentID string) (*types.Comment, error) {
	return invokeOne[types.Comment](ctx, c, request{op: ops.GetComment, path: []string{commentID}})
}

// ListModelComments lists the comments of a model (Python Client.list_model_comments, operation
// list_model_comments).
func (c *Client) ListModelComments(ctx context.Context, modelID string, params *ListCommentsParams) (*Page[types.Comment], error) {
	return listPage[types.Comment](ctx, c, ops.ListModelComments, []string{modelID}, params)
}

// ListArtifactComments lists the comments of an artifact (Python Client.list_artifact_comments, operation
// list_artifact_comments).
func (c *Client) ListArtifactComments(ctx context.Context, artifactID string, params *ListCommentsParams) (*Page[types.Comment], error) {
	return listPage[types.Comment](ctx, c, ops.ListArtifactComments, []string{artifactID}, params)
}

// ArchiveComment archives a comment (Python Client.archive_comment, operation archive_comment).
func (c *Client) ArchiveComment(ctx context.Context, commentID string, reason *string) (*types.Comment, error) {
	return archiveCall[types.Comment](ctx, c, ops.ArchiveComment, commentID, reason)
}

// RestoreComment restores a comment (Python Client.restore_comment, operation restore_comment).
func (c *Client) RestoreComment(ctx context.Context, commentID string, reason *string) (*types.Comment, error) {
	return archiveCall[types.Comment](ctx, c, ops.RestoreComment, commentID, reason)
}

// AddComment uploads the file at path as a comment on a resource (a model, an artifact or another comment)
// (Python Client.add_comment: create_revision with the description only, then create_comment).
func (c *Client) AddComment(ctx context.Context, resourceID, path string, description *string) (*types.Comment, error) {
	return addUnder(ctx, c, "AddComment", "resource_id", resourceID, pathSource(path), &UploadOptions{Description: description}, ops.CreateComment, c.createComment)
}

// AddCommentFromReader is AddComment for content read from r; name is the file name with its extension
// (Go-only: Python Client.add_comment takes a path).
func (c *Client) AddCommentFromReader(ctx context.Context, resourceID, name string, r io.Reader, description *string) (*types.Comment, error) {
	return addUnder(ctx, c, "AddComment", "resource_id", resourceID, readerSource(name, r), &UploadOptions{Description: description}, ops.CreateComment, c.createComment)
}

// UpdateComment uploads new content for a comment (Python Client.update_comment: get_comment, upload with the
// current content salt, update_comment).
func (c *Client) UpdateComment(ctx context.Context, commentID, path string, description *string) (*types.Comment, error) {
	return updateWith(ctx, c, "UpdateComment", "comment_id", commentID, pathSource(path), &UploadOptions{Description: description}, ops.UpdateComment, c.GetComment, c.updateComment)
}

// UpdateCommentFromReader is UpdateComment for content read from r; name is the file name with its extension
// (Go-only: Python Client.update_comment takes a path).
func (c *Client) UpdateCommentFromReader(ctx context.Context, commentID, name string, r io.Reader, description *string) (*types.Comment, error) {
	return updateWith(ctx, c, "UpdateComment", "comment_id", commentID, readerSource(name, r), &UploadOptions{Description: description}, ops.UpdateComment, c.GetComment, c.updateComment)
}
