package ops

// infosecOps holds the wire operations of operations.md §7 Infosec levels.
// Verb, path template and confidence are transcribed exactly from the spec table.
var infosecOps = []Operation{
	{ID: "assign_infosec_level", GoName: "AssignInfosecLevel", Method: "PATCH", Path: "/api/v2/infosec_levels/assignments/{subject_type}/{subject_id}", Confidence: Signature, Section: "7"},
	{ID: "list_infosec_levels", GoName: "ListInfosecLevels", Method: "GET", Path: "/api/v2/infosec_levels", Confidence: Signature, Section: "7"},
	{ID: "get_platform_infosec_settings", GoName: "GetPlatformInfosecSettings", Method: "GET", Path: "/api/v2/platform_infosec_settings", Confidence: Signature, Section: "7"},
	{ID: "enable_platform_infosec_settings", GoName: "EnablePlatformInfosecSettings", Method: "PATCH", Path: "/api/v2/platform_infosec_settings", Confidence: Reconstructed, Section: "7"},
}
