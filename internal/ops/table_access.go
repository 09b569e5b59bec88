package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	CreateAccess                       ID = "create_access"
	BulkCreateAccess                   ID = "bulk_create_access"
	UpdateAccess                       ID = "update_access"
	RemoveAccess                       ID = "remove_access"
	ListAccess                         ID = "list_access"
	ListModelAccess                    ID = "list_model_access"
	ListArtifactAccess                 ID = "list_artifact_access"
	ListJobAccess                      ID = "list_job_access"
	CreateAccessByEmailForOtherTenants ID = "create_access_by_email_for_other_tenants"
	ListResourceTypePermissions        ID = "list_resource_type_permissions"
	CreateControlTag                   ID = "create_control_tag"
	GetControlTag                      ID = "get_control_tag"
	ListControlTags                    ID = "list_control_tags"
	UpdateControlTag                   ID = "update_control_tag"
	PatchModelControlTaggings          ID = "patch_model_control_taggings"
	PatchArtifactControlTaggings       ID = "patch_artifact_control_taggings"
	PatchFileControlTaggings           ID = "patch_file_control_taggings"
	PatchUserControlTaggings           ID = "patch_user_control_taggings"
	GetModelControlTaggings            ID = "get_model_control_taggings"
	GetArtifactControlTaggings         ID = "get_artifact_control_taggings"
	GetFileControlTaggings             ID = "get_file_control_taggings"
	GetModelControlTaggingHistory      ID = "get_model_control_tagging_history"
	GetObjectControlTags               ID = "get_object_control_tags"
)

// accessOps holds the wire operations of section 6, Access control (6.1 wire operations).
// Verb, path template and confidence are transcribed exactly from the spec table.
var accessOps = []Operation{
	{ID: string(CreateAccess), GoName: "CreateAccess", Method: "POST", Path: "/api/v2/access", Confidence: Signature, Section: "6.1"},
	{ID: string(BulkCreateAccess), GoName: "BulkCreateAccess", Method: "POST", Path: "/api/v2/bulk/access", Confidence: Attested, Section: "6.1"},
	{ID: string(UpdateAccess), GoName: "UpdateAccess", Method: "PATCH", Path: "/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}", Confidence: Signature, Section: "6.1"},
	{ID: string(RemoveAccess), GoName: "RemoveAccess", Method: "DELETE", Path: "/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}", Confidence: Signature, Section: "6.1"},
	{ID: string(ListAccess), GoName: "ListAccess", Method: "GET", Path: "/api/v2/access/{resource_type}/{resource_id}", Confidence: Signature, Section: "6.1"},
	{ID: string(ListModelAccess), GoName: "ListModelAccess", Method: "GET", Path: "/api/v2/models/{model_id}/access", Confidence: Signature, Section: "6.1"},
	{ID: string(ListArtifactAccess), GoName: "ListArtifactAccess", Method: "GET", Path: "/api/v2/artifacts/{artifact_id}/access", Confidence: Signature, Section: "6.1"},
	{ID: string(ListJobAccess), GoName: "ListJobAccess", Method: "GET", Path: "/api/v2/jobs/{job_id}/access", Confidence: Signature, Section: "6.1"},
	{ID: string(CreateAccessByEmailForOtherTenants), GoName: "CreateAccessByEmailForOtherTenants", Method: "POST", Path: "/api/v2/access/by_email", Confidence: Signature, Section: "6.1"},
	{ID: string(ListResourceTypePermissions), GoName: "ListResourceTypePermissions", Method: "GET", Path: "/api/v2/resource_type_permissions", Confidence: Signature, Section: "6.1"},
	{ID: string(CreateControlTag), GoName: "CreateControlTag", Method: "POST", Path: "/api/v2/control_tags", Confidence: Signature, Section: "6.1"},
	{ID: string(GetControlTag), GoName: "GetControlTag", Method: "GET", Path: "/api/v2/control_tags/{control_tag_id}", Confidence: Signature, Section: "6.1"},
	{ID: string(ListControlTags), GoName: "ListControlTags", Method: "GET", Path: "/api/v2/control_tags", Confidence: Reconstructed, Section: "6.1"},
	{ID: string(UpdateControlTag), GoName: "UpdateControlTag", Method: "PATCH", Path: "/api/v2/control_tags/{control_tag_id}", Confidence: Reconstructed, Section: "6.1"},
	{ID: string(PatchModelControlTaggings), GoName: "PatchModelControlTaggings", Method: "PATCH", Path: "/api/v2/models/{model_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(PatchArtifactControlTaggings), GoName: "PatchArtifactControlTaggings", Method: "PATCH", Path: "/api/v2/artifacts/{artifact_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(PatchFileControlTaggings), GoName: "PatchFileControlTaggings", Method: "PATCH", Path: "/api/v2/files/{file_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(PatchUserControlTaggings), GoName: "PatchUserControlTaggings", Method: "PATCH", Path: "/api/v2/users/{user_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(GetModelControlTaggings), GoName: "GetModelControlTaggings", Method: "GET", Path: "/api/v2/models/{model_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(GetArtifactControlTaggings), GoName: "GetArtifactControlTaggings", Method: "GET", Path: "/api/v2/artifacts/{artifact_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(GetFileControlTaggings), GoName: "GetFileControlTaggings", Method: "GET", Path: "/api/v2/files/{file_id}/control_taggings", Confidence: Signature, Section: "6.1"},
	{ID: string(GetModelControlTaggingHistory), GoName: "GetModelControlTaggingHistory", Method: "GET", Path: "/api/v2/models/{model_id}/control_taggings/history", Confidence: Signature, Section: "6.1"},
	{ID: string(GetObjectControlTags), GoName: "GetObjectControlTags", Method: "GET", Path: "/api/v2/objects/{object_type}/{object_id}/control_tags", Confidence: Signature, Section: "6.1"},
}
