package ops

// systemsOps holds the wire operations of operations.md §5 Systems & snapshots.
// Verb, path template and confidence are transcribed exactly from the spec table.
var systemsOps = []Operation{
	{ID: "create_system", GoName: "CreateSystem", Method: "POST", Path: "/api/v2/systems", Confidence: Published, Section: "5"},
	{ID: "get_system", GoName: "GetSystem", Method: "GET", Path: "/api/v2/systems/{system_id}", Confidence: Published, Section: "5"},
	{ID: "list_systems", GoName: "ListSystems", Method: "GET", Path: "/api/v2/systems", Confidence: Published, Section: "5"},
	{ID: "update_system", GoName: "UpdateSystem", Method: "PUT", Path: "/api/v2/systems/{system_id}", Confidence: Published, Section: "5"},
	{ID: "archive_system", GoName: "ArchiveSystem", Method: "DELETE", Path: "/api/v2/systems/{system_id}", Confidence: Published, Section: "5"},
	{ID: "restore_system", GoName: "RestoreSystem", Method: "POST", Path: "/api/v2/systems/{system_id}:restore", Confidence: Published, Section: "5"},
	{ID: "get_system_baseline", GoName: "GetSystemBaseline", Method: "GET", Path: "/api/v2/systems/{system_id}/baseline", Confidence: Published, Section: "5"},
	{ID: "create_configuration", GoName: "CreateConfiguration", Method: "POST", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Published, Section: "5"},
	{ID: "list_system_configurations", GoName: "ListSystemConfigurations", Method: "GET", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Published, Section: "5"},
	{ID: "archive_configuration", GoName: "ArchiveConfiguration", Method: "DELETE", Path: "/api/v2/systems/configurations/{configuration_id}", Confidence: Published, Section: "5"},
	{ID: "restore_configuration", GoName: "RestoreConfiguration", Method: "POST", Path: "/api/v2/systems/configurations/{configuration_id}:restore", Confidence: Published, Section: "5"},
	{ID: "list_tracked_files", GoName: "ListTrackedFiles", Method: "GET", Path: "/api/v2/systems/configurations/{configuration_id}/tracked-files", Confidence: Published, Section: "5"},
	{ID: "list_configuration_subsystems", GoName: "ListConfigurationSubsystems", Method: "GET", Path: "/api/v2/systems/configurations/{configuration_id}/subsystems", Confidence: Published, Section: "5"},
	{ID: "list_configuration_revisions", GoName: "ListConfigurationRevisions", Method: "GET", Path: "/api/v2/systems/configurations/{configuration_id}/revisions", Confidence: Published, Section: "5"},
	{ID: "create_snapshot", GoName: "CreateSnapshot", Method: "POST", Path: "/api/v2/systems/configurations/{configuration_id}/snapshots", Confidence: Published, Section: "5"},
	{ID: "get_snapshot", GoName: "GetSnapshot", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/{snapshot_id}", Confidence: Published, Section: "5"},
	{ID: "list_snapshots", GoName: "ListSnapshots", Method: "GET", Path: "/api/v2/systems/configurations/snapshots", Confidence: Published, Section: "5"},
	{ID: "list_snapshot_items", GoName: "ListSnapshotItems", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/{snapshot_id}/snapshot-items", Confidence: Published, Section: "5"},
	{ID: "list_snapshot_revisions", GoName: "ListSnapshotRevisions", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/{snapshot_id}/revisions", Confidence: Published, Section: "5"},
	{ID: "list_snapshot_subsystems", GoName: "ListSnapshotSubsystems", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/{snapshot_id}/subsystems", Confidence: Published, Section: "5"},
	{ID: "create_tag", GoName: "CreateTag", Method: "POST", Path: "/api/v2/systems/configurations/snapshots/{snapshot_id}/tags", Confidence: Published, Section: "5"},
	{ID: "get_tag", GoName: "GetTag", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/tags/{tag_id}", Confidence: Published, Section: "5"},
	{ID: "update_tag", GoName: "UpdateTag", Method: "PUT", Path: "/api/v2/systems/configurations/snapshots/tags/{tag_id}", Confidence: Published, Section: "5"},
	{ID: "archive_tag", GoName: "ArchiveTag", Method: "DELETE", Path: "/api/v2/systems/configurations/snapshots/tags/{tag_id}", Confidence: Published, Section: "5"},
	{ID: "restore_tag", GoName: "RestoreTag", Method: "POST", Path: "/api/v2/systems/configurations/snapshots/tags/{tag_id}:restore", Confidence: Published, Section: "5"},
	{ID: "list_tags", GoName: "ListTags", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/tags", Confidence: Published, Section: "5"},
	{ID: "get_tag_history", GoName: "GetTagHistory", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/tags/{tag_id}/history", Confidence: Published, Section: "5"},
}
