package istari

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListSystemsParams are the query parameters of ListSystems (Python Client.list_systems).
type ListSystemsParams struct {
	PageOptions
	// FilterBy selects systems created by the caller (created_by_id) or shared with it (-created_by_id).
	FilterBy *enums.FilterBy `query:"filter_by" validate:"omitempty,oneof=created_by_id -created_by_id"`
	// ArchiveStatus is active (server default), archived or all, lower case. Leave nil unless needed:
	// sending it at all forces a slow server query.
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status" validate:"omitempty,oneof=active archived all"`
	// Sort is a field name, "-" prefixed for descending (e.g. "-created").
	Sort *string `query:"sort"`
}

// CreateSystem creates a system (Python Client.create_system, operation create_system). The registry
// requires both name and description; an empty name fails locally.
func (c *Client) CreateSystem(ctx context.Context, body *types.NewSystem) (*types.System, error) {
	return invokeOne[types.System](ctx, c, request{op: ops.CreateSystem, body: body})
}

// GetSystem returns one system (Python Client.get_system, operation get_system).
func (c *Client) GetSystem(ctx context.Context, systemID string) (*types.System, error) {
	return invokeOne[types.System](ctx, c, request{op: ops.GetSystem, path: []string{systemID}})
}

// ListSystems lists systems page by page (Python Client.list_systems, operation list_systems).
func (c *Client) ListSystems(ctx context.Context, params *ListSystemsParams) (*Page[types.System], error) {
	return listPage[types.System](ctx, c, ops.ListSystems, nil, params)
}

// UpdateSystem renames a system or changes its description (Python Client.update_system, operation
// update_system). The registry requires both fields, so when name or description is nil the current
// value is read first with GetSystem (as Python does). Both nil fails locally with *ValidationError.
func (c *Client) UpdateSystem(ctx context.Context, systemID string, name, description *string) (*types.System, error) {
	if name == nil && description == nil {
		return nil, newValidationError("name", "required_without", "description", "name or description is required")
	}
	body := types.UpdateSystem{}
	if name == nil || description == nil {
		cur, err := c.GetSystem(ctx, systemID)
		if err != nil {
			return nil, err
		}
		body.Name, body.Description = cur.Name, cur.Description
	}
	if name != nil {
		body.Name = *name
	}
	if description != nil {
		body.Description = *description
	}
	return invokeOne[types.System](ctx, c, request{op: ops.UpdateSystem, path: []string{systemID}, body: body})
}

// ArchiveSystem archives (soft-deletes) a system (Python Client.archive_system, operation archive_system).
// A nil reason sends no body.
func (c *Client) ArchiveSystem(ctx context.Context, systemID string, reason *string) (*types.System, error) {
	return archiveCall[types.System](ctx, c, ops.ArchiveSystem, systemID, reason)
}

// RestoreSystem restores an archived system (Python Client.restore_system, operation restore_system).
// A nil reason sends no body.
func (c *Client) RestoreSystem(ctx context.Context, systemID string, reason *string) (*types.System, error) {
	return archiveCall[types.System](ctx, c, ops.RestoreSystem, systemID, reason)
}

// GetSystemBaseline returns the snapshot the system's baseline tag points at (Python
// Client.get_system_baseline, operation get_system_baseline). A system without a baseline answers 404
// (ErrNotFound).
func (c *Client) GetSystemBaseline(ctx context.Context, systemID string) (*types.SystemBaseline, error) {
	return invokeOne[types.SystemBaseline](ctx, c, request{op: ops.GetSystemBaseline, path: []string{systemID}})
}
