package enums

import (
	"encoding/json"
	"slices"
	"testing"
)

// enumSet checks the shared contract of one enum type: exact wire values in order, Valid true for each and
// false for unknowns, String equal to the wire value, Values returning a fresh copy.
func enumSet[T ~string](t *testing.T, name string, values func() []T, want []string) {
	t.Helper()
	got := values()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values %v, want %d %v", name, len(got), got, len(want), want)
	}
	for i, v := range got {
		if string(v) != want[i] {
			t.Errorf("%s[%d] = %q, want %q", name, i, v, want[i])
		}
		if !callValid(v) {
			t.Errorf("%s: %q.Valid() = false", name, v)
		}
		if s := callString(v); s != want[i] {
			t.Errorf("%s: String() = %q, want %q", name, s, want[i])
		}
	}
	if callValid(T("no-such-value")) {
		t.Errorf("%s: unknown value reported valid", name)
	}
	if len(got) > 0 {
		got[0] = "mutated"
		if string(values()[0]) != want[0] {
			t.Errorf("%s: Values does not return a copy", name)
		}
	}
}

func callValid[T ~string](v T) bool {
	return any(v).(interface{ Valid() bool }).Valid()
}

func callString[T ~string](v T) string {
	return any(v).(interface{ String() string }).String()
}

func TestEnumWireValues(t *testing.T) {
	enumSet(t, "ArchiveStatus", ArchiveStatusValues, []string{"active", "archived", "all"})
	enumSet(t, "PrincipalKind", PrincipalKindValues, []string{"user", "agent"})
	enumSet(t, "ArchiveStatusName", ArchiveStatusNameValues, []string{"Active", "Archived"})
	enumSet(t, "FilterBy", FilterByValues, []string{"created_by_id", "-created_by_id"})
	enumSet(t, "PatchOp", PatchOpValues, []string{"set", "delete"})
	enumSet(t, "SnapshotTagArchiveStatus", SnapshotTagArchiveStatusValues, []string{"ACTIVE", "ARCHIVED"})
	enumSet(t, "ResourceTypeDTO", ResourceTypeDTOValues, []string{"model", "artifact", "file"})
	enumSet(t, "JobStatusName", JobStatusNameValues, []string{"Created", "Pending", "Claimed", "Validating",
		"Running", "Uploading", "Completed", "Failed", "Canceled", "Unknown"})
	enumSet(t, "OS", OSValues, []string{"Windows 10", "Windows 11", "Windows Server 2022", "Ubuntu 22.04",
		"Ubuntu 24.04", "RHEL 8", "Ubuntu 20.04", "RHEL 9", "Windows Server 2019", "RHEL 10", "macOS 14", "macOS 15",
		"macOS 26"})
	enumSet(t, "TrackedFileSpecifierType", TrackedFileSpecifierTypeValues, []string{"Latest", "Locked"})
	enumSet(t, "DocumentExportFormat", DocumentExportFormatValues, []string{"json", "markdown", "docx", "pdf"})
	enumSet(t, "AccessRelation", AccessRelationValues, []string{"viewer", "editor", "owner", "administrator",
		"executor", "upstreamremoteowner", "upstreamremoteeditowner"})
	enumSet(t, "AccessResourceType", AccessResourceTypeValues, []string{"model", "artifact", "job", "file",
		"filerevision", "tool", "function", "functionversion", "tenant", "system", "functionauthsecret",
		"authintegration", "document", "resource"})
	enumSet(t, "AccessSubjectType", AccessSubjectTypeValues, []string{"user"})
	enumSet(t, "BulkSharingAccessRelation", BulkSharingAccessRelationValues, []string{"viewer", "editor"})
	enumSet(t, "ControlTaggingObjectType", ControlTaggingObjectTypeValues, []string{"model", "artifact", "file",
		"user", "system", "resource", "unknown"})
	enumSet(t, "Permission", PermissionValues, []string{"member", "manage", "view", "edit", "execute", "archive",
		"tenant_access", "controltag_access", "controltag_manage", "access_manage", "access_view_manage",
		"upstream_remote_sync", "access", "catalog_view", "infoseclevel_access", "infoseclevel_manage",
		"access_own_manage", "access_administrate_manage", "access_edit_manage"})
	resourceKinds := []string{"model", "agent", "agentpool", "artifact", "file", "comment", "filerevision", "token",
		"job", "tool", "function", "functionversion", "system", "tenant", "controltag", "functionauthsecret",
		"upstreamremote", "authintegration"}
	enumSet(t, "PermissionResourceType", PermissionResourceTypeValues, append(slices.Clone(resourceKinds),
		"infoseclevel", "storedcredential", "resource", "workflow_output", "connectedsource"))
	enumSet(t, "PermissionSubjectType", PermissionSubjectTypeValues, append(append([]string{"user"}, resourceKinds...),
		"infoseclevel", "resource", "workflow_output", "connectedsource"))
	enumSet(t, "InfosecLevelObjectType", InfosecLevelObjectTypeValues, []string{"model", "artifact", "system", "user"})
	enumSet(t, "InfosecSchema", InfosecSchemaValues, []string{"US_DOD", "AUS"})
	enumSet(t, "AgentStatusName", AgentStatusNameValues, []string{"Idle", "ClaimingJob", "ValidatingJob",
		"ExecutingJob", "UploadingJob", "ExecutionFailed", "ExecutionSuccess", "UpdatingAgent",
		"SuccessfulAgentUpdate", "FailedAgentUpdate", "UpdatingModule", "SuccessfulModuleUpdate",
		"FailedModuleUpdate", "Paused", "Unknown"})
	enumSet(t, "FunctionAuthType", FunctionAuthTypeValues, []string{"basic", "oauth2", "jwt", "token", "oauth1", "cas_delegated_3dx"})
	enumSet(t, "ToolInclude", ToolIncludeValues, []string{"functions", "function_versions"})
	enumSet(t, "UserModelInputs", UserModelInputsValues, nil)
	enumSet(t, "UsabilityStatusParams", UsabilityStatusParamsValues, nil)
	enumSet(t, "AuthIntegrationType", AuthIntegrationTypeValues, []string{"google_accounts", "windchill",
		"teamwork_cloud", "dassault_3d_passport", "ping_id", "microsoft_entra"})
	enumSet(t, "UserType", UserTypeValues, []string{"human", "agent", "all"})
	enumSet(t, "UserStateOption", UserStateOptionValues, []string{"active", "all"})
	enumSet(t, "UserState", UserStateValues, []string{"USER_STATE_ACTIVE", "USER_STATE_INACTIVE",
		"USER_STATE_DELETED", "USER_STATE_LOCKED", "USER_STATE_SUSPEND", "USER_STATE_INITIAL",
		"USER_STATE_UNSPECIFIED"})
	enumSet(t, "CompatibilityStatus", CompatibilityStatusValues, []string{"compatible", "incompatible",
		"revision-mismatch", "deprecation-warning"})
}

func TestNamedConstants(t *testing.T) {
	// Spot-check the constant names the rest of the module relies on.
	checks := map[string]string{
		string(JobStatusNameCompleted):              "Completed",
		string(ArchiveStatusActive):                 "active",
		string(ArchiveStatusNameActive):             "Active",
		string(AccessRelationViewer):                "viewer",
		string(AccessResourceTypeFileRevision):      "filerevision",
		string(OSWindows10):                         "Windows 10",
		string(OSWindowsServer2022):                 "Windows Server 2022",
		string(PatchOpSet):                          "set",
		string(PatchOpDelete):                       "delete",
		string(FilterByOwned):                       "created_by_id",
		string(FilterByShared):                      "-created_by_id",
		string(CompatibilityStatusRevisionMismatch): "revision-mismatch",
		string(SnapshotTagArchiveStatusArchived):    "ARCHIVED",
	}
	for got, want := range checks {
		if got != want {
			t.Errorf("constant = %q, want %q", got, want)
		}
	}
}

func TestJobStatusIsTerminal(t *testing.T) {
	terminal := []JobStatusName{JobStatusNameCompleted, JobStatusNameFailed, JobStatusNameCanceled}
	for _, s := range JobStatusNameValues() {
		if got, want := s.IsTerminal(), slices.Contains(terminal, s); got != want {
			t.Errorf("%s.IsTerminal() = %v, want %v", s, got, want)
		}
	}
	if JobStatusName("completed").IsTerminal() {
		t.Error("IsTerminal must be case-sensitive (wire is Title case)")
	}
}

func TestUnknownValuesDecode(t *testing.T) {
	var v struct {
		Status   JobStatusName  `json:"status"`
		Relation AccessRelation `json:"relation"`
		OS       OS             `json:"os"`
	}
	data := []byte(`{"status":"Paused","relation":"superuser","os":"Plan 9"}`)
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("unknown values must decode: %v", err)
	}
	if v.Status != "Paused" || v.Relation != "superuser" || v.OS != "Plan 9" {
		t.Fatalf("decoded %+v", v)
	}
	if v.Status.Valid() || v.Relation.Valid() || v.OS.Valid() {
		t.Fatal("unknown values must not be Valid")
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(data) {
		t.Fatalf("re-encoded %s, want %s", out, data)
	}
}
