package ops

// infosecOps holds the wire operations of operations.md §7 Infosec levels.
// Verb, path template and confidence are transcribed exactly from the spec table.
var infosecOps = []Operation{
	{ID: "assign_infosec_level", GoName: "AssignInfosecLevel", Method: "POST", Path: "/api/v2/infosec/{subject_type}/{subject_id}", Confidence: Published, Section: "7"},
	{ID: "list_infosec_levels", GoName: "ListInfosecLevels", Method: "GET", Path: "/api/v2/infosec/", Confidence: Published, Section: "7"},
	{ID: "get_platform_infosec_settings", GoName: "GetPlatformInfosecSettings", Method: "GET", Path: "/api/v2/infosec/settings", Confidence: Published, Section: "7"},
	{ID: "enable_platform_infosec_settings", GoName: "EnablePlatformInfosecSettings", Method: "POST", Path: "/api/v2/infosec/settings", Confidence: Published, Section: "7"},
}
