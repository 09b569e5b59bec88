package istari

import (
	"context"
	"io"
	"net/http"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListSnapshotsParams are the query parameters of ListSnapshots. The newest snapshot of a configuration is
// ConfigurationID=id, Size=1, Sort="-created".
//
// Python: the keyword arguments of Client.list_snapshots.
type ListSnapshotsParams struct {
	PageOptions
	SystemID        *string `query:"system_id"`
	ConfigurationID *string `query:"configuration_id"`
	Tag             *string `query:"tag"` // tag name
	Sort            *string `query:"sort"`
}

// ListSnapshotItemsParams are the query parameters of ListSnapshotItems.
//
// Python: the keyword arguments of Client.list_snapshot_items.
type ListSnapshotItemsParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListSnapshotRevisionsParams are the query parameters of ListSnapshotRevisions. Name and Extension are
// sent as repeated keys; extensions carry their dot (".json").
//
// Python: the keyword arguments of Client.list_snapshot_revisions.
type ListSnapshotRevisionsParams struct {
	PageOptions
	Name      []string `query:"name"`
	Extension []string `query:"extension"`
	Sort      *string  `query:"sort"`
}

// ListSnapshotSubsystemsParams are the query parameters of ListSnapshotSubsystems.
//
// Python: the keyword arguments of Client.list_snapshot_subsystems.
type ListSnapshotSubsystemsParams struct {
	PageOptions
}

// CreateSnapshot snapshots a configuration (Python Client.create_snapshot, operation create_snapshot). A
// nil body sends {}. The answer is one of: a Snapshot; a DryRunSnapshot when body.DryRun is true (nothing is
// stored); or a NoOpResponse, without snapshot id, when nothing changed since the configuration's last
// snapshot (for example right after CreateConfiguration). To find the newest snapshot after a NoOp, call
// ListSnapshots with ConfigurationID, Size 1 and Sort "-created".
func (c *Client) CreateSnapshot(ctx context.Context, configurationID string, body *types.NewSnapshot) (*types.CreateSnapshotResult, error) {
	if body == nil {
		body = &types.NewSnapshot{}
	}
	dryRun := body.DryRun != nil && *body.DryRun
	var result types.CreateSnapshotResult
	err := c.invoke(ctx, request{op: ops.CreateSnapshot, path: []string{configurationID}, body: body,
		stream: func(resp *http.Response) error {
			raw, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			result, err = types.DecodeCreateSnapshotResult(raw, dryRun)
			return err
		}})
	if err != nil {
		return nil, err
	}
	return &result, nil
}

// GetSnapshot returns one snapshot (Python Client.get_snapshot, operation get_snapshot).
func (c *Client) GetSnapshot(ctx context.Context, snapshotID string) (*types.Snapshot, error) {
	return invokeOne[types.Snapshot](ctx, c, request{op: ops.GetSnapshot, path: []string{snapshotID}})
}

// ListSnapshots lists snapshots, filtered by system, configuration or tag name (Python
// Client.list_snapshots, operation list_snapshots).
func (c *Client) ListSnapshots(ctx context.Context, params *ListSnapshotsParams) (*Page[types.Snapshot], error) {
	return listPage[types.Snapshot](ctx, c, ops.ListSnapshots, nil, params)
}

// ListSnapshotItems lists the items of a snapshot; each carries only its file_revision_id (Python
// Client.list_snapshot_items, operation list_snapshot_items).
func (c *Client) ListSnapshotItems(ctx context.Context, snapshotID string, params *ListSnapshotItemsParams) (*Page[types.SnapshotItem], error) {
	return listPage[types.SnapshotItem](ctx, c, ops.ListSnapshotItems, []string{snapshotID}, params)
}

// ListSnapshotRevisions lists the file revisions a snapshot pins, with their metadata (Python
// Client.list_snapshot_revisions, operation list_snapshot_revisions). ResourceType comes back capitalised
// ("Model"); compare it case-insensitively.
func (c *Client) ListSnapshotRevisions(ctx context.Context, snapshotID string, params *ListSnapshotRevisionsParams) (*Page[types.SnapshotRevisionSearchItem], error) {
	return listPage[types.SnapshotRevisionSearchItem](ctx, c, ops.ListSnapshotRevisions, []string{snapshotID}, params)
}

// ListSnapshotSubsystems lists the child systems captured by a snapshot (Python
// Client.list_snapshot_subsystems, operation list_snapshot_subsystems).
func (c *Client) ListSnapshotSubsystems(ctx context.Context, snapshotID string, params *ListSnapshotSubsystemsParams) (*Page[types.SnapshotSubsystemItem], error) {
	return listPage[types.SnapshotSubsystemItem](ctx, c, ops.ListSnapshotSubsystems, []string{snapshotID}, params)
}
