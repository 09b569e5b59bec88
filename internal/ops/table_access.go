package ops

// accessOps holds the wire operations of operations.md §6 Access control (6.1 wire operations).
// Verb, path template and confidence are transcribed exactly from the spec table.
var accessOps = []Operation{
	{ID: "create_access", GoName: "CreateAccess", Method: "POST", Path: "/api/v2/access", Confidence: Published, Section: "6.1"},
	{ID: "bulk_create_access", GoName: "BulkCreateAccess", Method: "POST", Path: "/api/v2/bulk/access", Confidence: Published, Section: "6.1"},
	{ID: "update_access", GoName: "UpdateAccess", Method: "PUT", Path: "/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}", Confidence: Published, Section: "6.1"},
	{ID: "remove_access", GoName: "RemoveAccess", Method: "DELETE", Path: "/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}", Confidence: Published, Section: "6.1"},
	{ID: "list_access", GoName: "ListAccess", Method: "GET", Path: "/api/v2/access/{resource_type}/{resource_id}", Confidence: Published, Section: "6.1"},
	{ID: "list_model_access", GoName: "ListModelAccess", Method: "GET", Path: "/api/v2/models/{model_id}/access", Confidence: Published, Section: "6.1"},
	{ID: "list_artifact_access", GoName: "ListArtifactAccess", Method: "GET", Path: "/api/v2/artifacts/{artifact_id}/access", Confidence: Published, Section: "6.1"},
	{ID: "list_job_access", GoName: "ListJobAccess", Method: "GET", Path: "/api/v2/jobs/{job_id}/access", Confidence: Published, Section: "6.1"},
	{ID: "create_access_by_email_for_other_tenants", GoName: "CreateAccessByEmailForOtherTenants", Method: "POST", Path: "/api/v2/access/by_email", Confidence: Signature, Section: "6.1"},
	{ID: "list_resource_type_permissions", GoName: "ListResourceTypePermissions", Method: "GET", Path: "/api/v2/resource_type_permissions", Confidence: Signature, Section: "6.1"},
	{ID: "create_control_tag", GoName: "CreateControlTag", Method: "POST", Path: "/api/v2/controls/tags", Confidence: Published, Section: "6.1"},
	{ID: "get_control_tag", GoName: "GetControlTag", Method: "GET", Path: "/api/v2/controls/tags/{control_tag_id}", Confidence: Published, Section: "6.1"},
	{ID: "list_control_tags", GoName: "ListControlTags", Method: "GET", Path: "/api/v2/controls/tags/", Confidence: Published, Section: "6.1"},
	{ID: "update_control_tag", GoName: "UpdateControlTag", Method: "PATCH", Path: "/api/v2/control_tags/{control_tag_id}", Confidence: Reconstructed, Section: "6.1"},
	{ID: "patch_model_control_taggings", GoName: "PatchModelControlTaggings", Method: "PATCH", Path: "/api/v2/controls/taggings/model/{model_id}", Confidence: Published, Section: "6.1"},
	{ID: "patch_artifact_control_taggings", GoName: "PatchArtifactControlTaggings", Method: "PATCH", Path: "/api/v2/controls/taggings/artifact/{artifact_id}", Confidence: Published, Section: "6.1"},
	{ID: "patch_file_control_taggings", GoName: "PatchFileControlTaggings", Method: "PATCH", Path: "/api/v2/controls/taggings/file/{file_id}", Confidence: Published, Section: "6.1"},
	{ID: "patch_user_control_taggings", GoName: "PatchUserControlTaggings", Method: "PATCH", Path: "/api/v2/controls/taggings/user/{user_id}", Confidence: Published, Section: "6.1"},
	{ID: "get_model_control_taggings", GoName: "GetModelControlTaggings", Method: "GET", Path: "/api/v2/controls/taggings/model/{model_id}", Confidence: Published, Section: "6.1"},
	{ID: "get_artifact_control_taggings", GoName: "GetArtifactControlTaggings", Method: "GET", Path: "/api/v2/controls/taggings/artifact/{artifact_id}", Confidence: Published, Section: "6.1"},
	{ID: "get_file_control_taggings", GoName: "GetFileControlTaggings", Method: "GET", Path: "/api/v2/controls/taggings/file/{file_id}", Confidence: Published, Section: "6.1"},
	{ID: "get_model_control_tagging_history", GoName: "GetModelControlTaggingHistory", Method: "GET", Path: "/api/v2/controls/taggings/model/{model_id}/history", Confidence: Published, Section: "6.1"},
	{ID: "get_object_control_tags", GoName: "GetObjectControlTags", Method: "GET", Path: "/api/v2/controls/tags/object/{object_type}/{object_id}", Confidence: Published, Section: "6.1"},
}
