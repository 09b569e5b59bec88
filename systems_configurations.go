package istari

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListSystemConfigurationsParams are the query parameters of ListSystemConfigurations.
//
// Python: the keyword arguments of Client.list_system_configurations.
type ListSystemConfigurationsParams struct {
	PageOptions
	// ArchiveStatus is active (server default), archived or all, lower case; nil = not sent.
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status" validate:"omitempty,oneof=active archived all"`
	Sort          *string              `query:"sort"` // e.g. "-created"
}

// ListTrackedFilesParams are the query parameters of ListTrackedFiles.
//
// Python: the keyword arguments of Client.list_tracked_files.
type ListTrackedFilesParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListConfigurationSubsystemsParams are the query parameters of ListConfigurationSubsystems.
//
// Python: the keyword arguments of Client.list_configuration_subsystems.
type ListConfigurationSubsystemsParams struct {
	PageOptions
}

// ListConfigurationRevisionsParams are the query parameters of ListConfigurationRevisions (proposed by the
// spec: paging and sort only).
//
// Python: the keyword arguments of Client.list_configuration_revisions.
type ListConfigurationRevisionsParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// CreateConfiguration creates a configuration of a system (Python Client.create_configuration, operation
// create_configuration). The registry also takes the configuration's first snapshot, so an immediate
// CreateSnapshot answers NoOp; LatestSnapshot(ctx, cfg.ID) returns that snapshot. An empty TrackedFiles list is rejected by the registry with 400
// "Configuration must have at least one tracked file" (ErrBadRequest). A missing name, file id or specifier
// type fails locally.
func (c *Client) CreateConfiguration(ctx context.Context, systemID string, body *types.NewSystemConfiguration) (*types.SystemConfiguration, error) {
	return invokeOne[types.SystemConfiguration](ctx, c, request{op: ops.CreateConfiguration, path: []string{systemID}, body: body})
}

// ListSystemConfigurations lists the configurations of a system page by page (Python
// Client.list_system_configurations, operation list_system_configurations).
func (c *Client) ListSystemConfigurations(ctx context.Context, systemID string, params *ListSystemConfigurationsParams) (*Page[types.SystemConfiguration], error) {
	return listPage[types.SystemConfiguration](ctx, c, ops.ListSystemConfigurations, []string{systemID}, params)
}

// ArchiveConfiguration archives a configuration (Python Client.archive_configuration, operation
// archive_configuration). A nil reason sends no body.
func (c *Client) ArchiveConfiguration(ctx context.Context, configurationID string, reason *string) (*types.SystemConfiguration, error) {
	return archiveCall[types.SystemConfiguration](ctx, c, ops.ArchiveConfiguration, configurationID, reason)
}

// RestoreConfiguration restores an archived configuration (Python Client.restore_configuration, operation
// restore_configuration). A nil reason sends no body.
func (c *Client) RestoreConfiguration(ctx context.Context, configurationID string, reason *string) (*types.SystemConfiguration, error) {
	return archiveCall[types.SystemConfiguration](ctx, c, ops.RestoreConfiguration, configurationID, reason)
}

// ListTrackedFiles lists the files a configuration tracks (Python Client.list_tracked_files, operation
// list_tracked_files).
func (c *Client) ListTrackedFiles(ctx context.Context, configurationID string, params *ListTrackedFilesParams) (*Page[types.TrackedFile], error) {
	return listPage[types.TrackedFile](ctx, c, ops.ListTrackedFiles, []string{configurationID}, params)
}

// ListConfigurationSubsystems lists the child systems a configuration tracks (Python
// Client.list_configuration_subsystems, operation list_configuration_subsystems).
func (c *Client) ListConfigurationSubsystems(ctx context.Context, configurationID string, params *ListConfigurationSubsystemsParams) (*Page[types.Subsystem], error) {
	return listPage[types.Subsystem](ctx, c, ops.ListConfigurationSubsystems, []string{configurationID}, params)
}

// ListConfigurationRevisions lists the file revisions a configuration currently tracks (Python
// Client.list_configuration_revisions, operation list_configuration_revisions; route reconstructed).
func (c *Client) ListConfigurationRevisions(ctx context.Context, configurationID string, params *ListConfigurationRevisionsParams) (*Page[types.ConfigurationRevisionSearchItem], error) {
	return listPage[types.ConfigurationRevisionSearchItem](ctx, c, ops.ListConfigurationRevisions, []string{configurationID}, params)
}
