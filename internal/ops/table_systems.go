package ops

// systemsOps holds the wire operations of operations.md §5 Systems & snapshots.
// Verb, path template and confidence are transcribed exactly from the spec table.
var systemsOps = []Operation{
	{ID: "create_system", GoName: "CreateSystem", Method: "POST", Path: "/api/v2/systems", Confidence: Signature, Section: "5"},
	{ID: "get_system", GoName: "GetSystem", Method: "GET", Path: "/api/v2/systems/{system_id}", Confidence: Signature, Section: "5"},
	{ID: "list_systems", GoName: "ListSystems", Method: "GET", Path: "/api/v2/systems", Confidence: Signature, Section: "5"},
	{ID: "update_system", GoName: "UpdateSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}", Confidence: Signature, Section: "5"},
	{ID: "archive_system", GoName: "ArchiveSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}/archive", Confidence: Signature, Section: "5"},
	{ID: "restore_system", GoName: "RestoreSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}/restore", Confidence: Signature, Section: "5"},
	{ID: "get_system_baseline", GoName: "GetSystemBaseline", Method: "GET", Path: "/api/v2/systems/{system_id}/baseline", Confidence: Signature, Section: "5"},
	{ID: "create_configuration", GoName: "CreateConfiguration", Method: "POST", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Signature, Section: "5"},
	{ID: "list_system_configurations", GoName: "ListSystemConfigurations", Method: "GET", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Signature, Section: "5"},
	{ID: "archive_configuration", GoName: "ArchiveConfiguration", Method: "PATCH", Path: "/api/v2/configurations/{configuration_id}/archive", Confidence: Signature, Section: "5"},
	{ID: "restore_configuration", GoName: "RestoreConfiguration", Method: "PATCH", Path: "/api/v2/configurations/{configuration_id}/restore", Confidence: Signature, Section: "5"},
	{ID: "list_tracked_files", GoName: "ListTrackedFiles", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/tracked_files", Confidence: Signature, Section: "5"},
	{ID: "list_configuration_subsystems", GoName: "ListConfigurationSubsystems", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/subsystems", Confidence: Signature, Section: "5"},
	{ID: "list_configuration_revisions", GoName: "ListConfigurationRevisions", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/revisions", Confidence: Reconstructed, Section: "5"},
	{ID: "create_snapshot", GoName: "CreateSnapshot", Method: "POST", Path: "/api/v2/configurations/{configuration_id}/snapshots", Confidence: Signature, Section: "5"},
	{ID: "get_snapshot", GoName: "GetSnapshot", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}", Confidence: Signature, Section: "5"},
	{ID: "list_snapshots", GoName: "ListSnapshots", Method: "GET", Path: "/api/v2/snapshots", Confidence: Signature, Section: "5"},
	{ID: "list_snapshot_items", GoName: "ListSnapshotItems", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/items", Confidence: Signature, Section: "5"},
	{ID: "list_snapshot_revisions", GoName: "ListSnapshotRevisions", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/revisions", Confidence: Signature, Section: "5"},
	{ID: "list_snapshot_subsystems", GoName: "ListSnapshotSubsystems", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/subsystems", Confidence: Signature, Section: "5"},
	{ID: "create_tag", GoName: "CreateTag", Method: "POST", Path: "/api/v2/snapshots/{snapshot_id}/tags", Confidence: Signature, Section: "5"},
	{ID: "get_tag", GoName: "GetTag", Method: "GET", Path: "/api/v2/tags/{tag_id}", Confidence: Signature, Section: "5"},
	{ID: "update_tag", GoName: "UpdateTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}", Confidence: Signature, Section: "5"},
	{ID: "archive_tag", GoName: "ArchiveTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}/archive", Confidence: Signature, Section: "5"},
	{ID: "restore_tag", GoName: "RestoreTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}/restore", Confidence: Signature, Section: "5"},
	{ID: "list_tags", GoName: "ListTags", Method: "GET", Path: "/api/v2/tags", Confidence: Signature, Section: "5"},
	{ID: "get_tag_history", GoName: "GetTagHistory", Method: "GET", Path: "/api/v2/tags/{tag_id}/history", Confidence: Signature, Section: "5"},
}
