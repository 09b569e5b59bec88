package enums

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// stringsOf converts enum values to their wire strings.
func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// goOnly lists values the SDK keeps although the published Python client does not list them; each one's doc
// comment says it is unconfirmed. A value leaving this list must leave the SDK or appear in the client.
var goOnly = map[string][]string{
	"AccessResourceType": {"document"},
	"Permission":         {"access_manage", "upstream_remote_sync"},
}

// TestEnumsMatchPythonClient holds every enum type the published Python client also has to its wire values:
// each client value is known to the SDK, and each SDK value is the client's or listed in goOnly.
func TestEnumsMatchPythonClient(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "internal", "ops", "testdata", "python-client-13.3.4.json"))
	if err != nil {
		t.Fatal(err)
	}
	var facts struct {
		Enums map[string]map[string][]string `json:"enums"`
	}
	if err := json.Unmarshal(raw, &facts); err != nil {
		t.Fatal(err)
	}
	py := facts.Enums["v2"]
	ours := map[string][]string{
		"ArchiveStatus": stringsOf(ArchiveStatusValues()), "ArchiveStatusName": stringsOf(ArchiveStatusNameValues()),
		"FilterBy": stringsOf(FilterByValues()), "PatchOp": stringsOf(PatchOpValues()),
		"JobStatusName": stringsOf(JobStatusNameValues()), "OS": stringsOf(OSValues()),
		"TrackedFileSpecifierType": stringsOf(TrackedFileSpecifierTypeValues()),
		"AccessRelation":           stringsOf(AccessRelationValues()), "AccessResourceType": stringsOf(AccessResourceTypeValues()),
		"AccessSubjectType":         stringsOf(AccessSubjectTypeValues()),
		"BulkSharingAccessRelation": stringsOf(BulkSharingAccessRelationValues()),
		"Permission":                stringsOf(PermissionValues()),
		"PermissionResourceType":    stringsOf(PermissionResourceTypeValues()),
		"PermissionSubjectType":     stringsOf(PermissionSubjectTypeValues()),
		"InfosecSchemaTypes":        stringsOf(InfosecSchemaValues()),
		"AgentStatusName":           stringsOf(AgentStatusNameValues()),
		"FunctionAuthType":          stringsOf(FunctionAuthTypeValues()), "ToolInclude": stringsOf(ToolIncludeValues()),
		"UserType": stringsOf(UserTypeValues()), "UserStateOption": stringsOf(UserStateOptionValues()),
		"UserState": stringsOf(UserStateValues()),
	}
	for name, values := range ours {
		want, ok := py[name]
		if !ok {
			t.Errorf("%s: no such enum in the Python client", name)
			continue
		}
		for _, v := range want {
			if !slices.Contains(values, v) {
				t.Errorf("%s: the Python client's %q is missing", name, v)
			}
		}
		for _, v := range values {
			if !slices.Contains(want, v) && !slices.Contains(goOnly[name], v) {
				t.Errorf("%s: %q is not the Python client's (%v)", name, v, want)
			}
		}
	}
}
