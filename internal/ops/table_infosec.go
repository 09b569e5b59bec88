package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	AssignInfosecLevel            ID = "assign_infosec_level"
	ListInfosecLevels             ID = "list_infosec_levels"
	GetPlatformInfosecSettings    ID = "get_platform_infosec_settings"
	EnablePlatformInfosecSettings ID = "enable_platform_infosec_settings"
)

// infosecOps holds the wire operations of section 7, Infosec levels.
// Verb, path template and confidence are transcribed exactly from the spec table.
var infosecOps = []Operation{
	{ID: string(AssignInfosecLevel), GoName: "AssignInfosecLevel", Method: "PATCH", Path: "/api/v2/infosec_levels/assignments/{subject_type}/{subject_id}", Confidence: Signature, Section: "7"},
	{ID: string(ListInfosecLevels), GoName: "ListInfosecLevels", Method: "GET", Path: "/api/v2/infosec_levels", Confidence: Signature, Section: "7"},
	{ID: string(GetPlatformInfosecSettings), GoName: "GetPlatformInfosecSettings", Method: "GET", Path: "/api/v2/platform_infosec_settings", Confidence: Signature, Section: "7"},
	{ID: string(EnablePlatformInfosecSettings), GoName: "EnablePlatformInfosecSettings", Method: "PATCH", Path: "/api/v2/platform_infosec_settings", Confidence: Reconstructed, Section: "7"},
}
