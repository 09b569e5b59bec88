package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	CreateSystem                ID = "create_system"
	GetSystem                   ID = "get_system"
	ListSystems                 ID = "list_systems"
	UpdateSystem                ID = "update_system"
	ArchiveSystem               ID = "archive_system"
	RestoreSystem               ID = "restore_system"
	GetSystemBaseline           ID = "get_system_baseline"
	CreateConfiguration         ID = "create_configuration"
	ListSystemConfigurations    ID = "list_system_configurations"
	ArchiveConfiguration        ID = "archive_configuration"
	RestoreConfiguration        ID = "restore_configuration"
	ListTrackedFiles            ID = "list_tracked_files"
	ListConfigurationSubsystems ID = "list_configuration_subsystems"
	ListConfigurationRevisions  ID = "list_configuration_revisions"
	CreateSnapshot              ID = "create_snapshot"
	GetSnapshot                 ID = "get_snapshot"
	ListSnapshots               ID = "list_snapshots"
	ListSnapshotItems           ID = "list_snapshot_items"
	ListSnapshotRevisions       ID = "list_snapshot_revisions"
	ListSnapshotSubsystems      ID = "list_snapshot_subsystems"
	CreateTag                   ID = "create_tag"
	GetTag                      ID = "get_tag"
	UpdateTag                   ID = "update_tag"
	ArchiveTag                  ID = "archive_tag"
	RestoreTag                  ID = "restore_tag"
	ListTags                    ID = "list_tags"
	GetTagHistory               ID = "get_tag_history"
)

// systemsOps holds the wire operations of section 5, Systems & snapshots.
// Verb, path template and confidence are transcribed exactly from the spec table.
var systemsOps = []Operation{
	{ID: string(CreateSystem), GoName: "CreateSystem", Method: "POST", Path: "/api/v2/systems", Confidence: Signature, Section: "5"},
	{ID: string(GetSystem), GoName: "GetSystem", Method: "GET", Path: "/api/v2/systems/{system_id}", Confidence: Signature, Section: "5"},
	{ID: string(ListSystems), GoName: "ListSystems", Method: "GET", Path: "/api/v2/systems", Confidence: Signature, Section: "5"},
	{ID: string(UpdateSystem), GoName: "UpdateSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}", Confidence: Signature, Section: "5"},
	{ID: string(ArchiveSystem), GoName: "ArchiveSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}/archive", Confidence: Signature, Section: "5"},
	{ID: string(RestoreSystem), GoName: "RestoreSystem", Method: "PATCH", Path: "/api/v2/systems/{system_id}/restore", Confidence: Signature, Section: "5"},
	{ID: string(GetSystemBaseline), GoName: "GetSystemBaseline", Method: "GET", Path: "/api/v2/systems/{system_id}/baseline", Confidence: Signature, Section: "5"},
	{ID: string(CreateConfiguration), GoName: "CreateConfiguration", Method: "POST", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Signature, Section: "5"},
	{ID: string(ListSystemConfigurations), GoName: "ListSystemConfigurations", Method: "GET", Path: "/api/v2/systems/{system_id}/configurations", Confidence: Signature, Section: "5"},
	{ID: string(ArchiveConfiguration), GoName: "ArchiveConfiguration", Method: "PATCH", Path: "/api/v2/configurations/{configuration_id}/archive", Confidence: Signature, Section: "5"},
	{ID: string(RestoreConfiguration), GoName: "RestoreConfiguration", Method: "PATCH", Path: "/api/v2/configurations/{configuration_id}/restore", Confidence: Signature, Section: "5"},
	{ID: string(ListTrackedFiles), GoName: "ListTrackedFiles", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/tracked_files", Confidence: Signature, Section: "5"},
	{ID: string(ListConfigurationSubsystems), GoName: "ListConfigurationSubsystems", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/subsystems", Confidence: Signature, Section: "5"},
	{ID: string(ListConfigurationRevisions), GoName: "ListConfigurationRevisions", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/revisions", Confidence: Reconstructed, Section: "5"},
	{ID: string(CreateSnapshot), GoName: "CreateSnapshot", Method: "POST", Path: "/api/v2/configurations/{configuration_id}/snapshots", Confidence: Signature, Section: "5"},
	{ID: string(GetSnapshot), GoName: "GetSnapshot", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}", Confidence: Signature, Section: "5"},
	{ID: string(ListSnapshots), GoName: "ListSnapshots", Method: "GET", Path: "/api/v2/snapshots", Confidence: Signature, Section: "5"},
	{ID: string(ListSnapshotItems), GoName: "ListSnapshotItems", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/items", Confidence: Signature, Section: "5"},
	{ID: string(ListSnapshotRevisions), GoName: "ListSnapshotRevisions", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/revisions", Confidence: Signature, Section: "5"},
	{ID: string(ListSnapshotSubsystems), GoName: "ListSnapshotSubsystems", Method: "GET", Path: "/api/v2/snapshots/{snapshot_id}/subsystems", Confidence: Signature, Section: "5"},
	{ID: string(CreateTag), GoName: "CreateTag", Method: "POST", Path: "/api/v2/snapshots/{snapshot_id}/tags", Confidence: Signature, Section: "5"},
	{ID: string(GetTag), GoName: "GetTag", Method: "GET", Path: "/api/v2/tags/{tag_id}", Confidence: Signature, Section: "5"},
	{ID: string(UpdateTag), GoName: "UpdateTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}", Confidence: Signature, Section: "5"},
	{ID: string(ArchiveTag), GoName: "ArchiveTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}/archive", Confidence: Signature, Section: "5"},
	{ID: string(RestoreTag), GoName: "RestoreTag", Method: "PATCH", Path: "/api/v2/tags/{tag_id}/restore", Confidence: Signature, Section: "5"},
	{ID: string(ListTags), GoName: "ListTags", Method: "GET", Path: "/api/v2/tags", Confidence: Signature, Section: "5"},
	{ID: string(GetTagHistory), GoName: "GetTagHistory", Method: "GET", Path: "/api/v2/tags/{tag_id}/history", Confidence: Signature, Section: "5"},
}
