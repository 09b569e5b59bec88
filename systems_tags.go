package istari

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListTagsParams are the query parameters of ListTags. ArchiveStatus is upper case here (ACTIVE or
// ARCHIVED), unlike every other list; a lower-case value fails locally because the registry would silently
// answer the wrong set.
//
// Python: the keyword arguments of Client.list_tags.
type ListTagsParams struct {
	PageOptions
	SystemID        *string                         `query:"system_id"`
	ConfigurationID *string                         `query:"configuration_id"`
	SnapshotID      *string                         `query:"snapshot_id"`
	ArchiveStatus   *enums.SnapshotTagArchiveStatus `query:"archive_status" validate:"omitempty,oneof=ACTIVE ARCHIVED"`
	Sort            *string                         `query:"sort"`
}

// CreateTag names a snapshot (Python Client.create_tag, operation create_tag). Tag names need not be
// unique, except "baseline": a second active baseline in the same system is rejected with 400 "tag baseline
// already exists in the system" (ErrBadRequest). An empty tag fails locally.
func (c *Client) CreateTag(ctx context.Context, snapshotID string, body *types.NewSnapshotTag) (*types.SnapshotTag, error) {
	if body == nil || body.Tag == "" {
		return nil, newValidationError("tag", "required", "", "is required")
	}
	return invokeOne[types.SnapshotTag](ctx, c, request{op: ops.CreateTag, path: []string{snapshotID}, body: body})
}

// GetTag returns one snapshot tag (Python Client.get_tag, operation get_tag).
func (c *Client) GetTag(ctx context.Context, tagID string) (*types.SnapshotTag, error) {
	return invokeOne[types.SnapshotTag](ctx, c, request{op: ops.GetTag, path: []string{tagID}})
}

// UpdateTag moves a tag to another snapshot (Python Client.update_tag, operation update_tag); the move is
// recorded in the tag's history. An empty snapshot id fails locally.
func (c *Client) UpdateTag(ctx context.Context, tagID string, body *types.UpdateTag) (*types.SnapshotTag, error) {
	if body == nil || body.SnapshotID == "" {
		return nil, newValidationError("snapshot_id", "required", "", "is required")
	}
	return invokeOne[types.SnapshotTag](ctx, c, request{op: ops.UpdateTag, path: []string{tagID}, body: body})
}

// ArchiveTag archives a snapshot tag (Python Client.archive_tag, operation archive_tag). Tags take no
// reason: no body is sent.
func (c *Client) ArchiveTag(ctx context.Context, tagID string) (*types.SnapshotTag, error) {
	return archiveCall[types.SnapshotTag](ctx, c, ops.ArchiveTag, tagID, nil)
}

// RestoreTag restores an archived snapshot tag (Python Client.restore_tag, operation restore_tag). No body
// is sent. Restoring a baseline while another is active in the system answers 400.
func (c *Client) RestoreTag(ctx context.Context, tagID string) (*types.SnapshotTag, error) {
	return archiveCall[types.SnapshotTag](ctx, c, ops.RestoreTag, tagID, nil)
}

// ListTags lists snapshot tags page by page (Python Client.list_tags, operation list_tags).
func (c *Client) ListTags(ctx context.Context, params *ListTagsParams) (*Page[types.SnapshotTag], error) {
	return listPage[types.SnapshotTag](ctx, c, ops.ListTags, nil, params)
}

// GetTagHistory returns the snapshots a tag has pointed at, newest first (Python Client.get_tag_history,
// operation get_tag_history). The answer is not paged.
func (c *Client) GetTagHistory(ctx context.Context, tagID string) ([]types.SnapshotTagRevision, error) {
	return listAll[types.SnapshotTagRevision](ctx, c, request{op: ops.GetTagHistory, path: []string{tagID}})
}
