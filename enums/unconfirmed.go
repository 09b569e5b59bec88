package enums

// UNCONFIRMED WIRE STRINGS
//
// Every constant below has a name that is confirmed by the Python SDK (member or documentation name) but a wire
// string that is inferred, not verified against the registry's OpenAPI document. They are gathered here so that
// one edit fixes them once the OpenAPI document (or a live server) shows the real values. Nothing else in the
// module spells these strings. The types, Values and Valid live in the domain files.
//
// Guesses used:
//   - PatchOp, Permission, PermissionResourceType, PermissionSubjectType, TrackedFileSpecifierType,
//     FunctionAuthType, ToolInclude: the lower-cased Python member name.
//   - UserState: the Python member name verbatim (USER_STATE_*).
//   - InfosecSchema: the documented names verbatim (US_DOD, AUS).
//   - ArchiveStatusName: the Title case of the enum reference (Active, Archived); the casing inside request
//     bodies (the client-built FileRevision's archive_status_history) is unconfirmed.
//   - JobStatusName Unknown and the OS strings for Ubuntu 20.04 and RHEL 9: mentioned by sources, not verified.
const (
	// ArchiveStatusName (type in common.go).
	ArchiveStatusNameActive   ArchiveStatusName = "Active"
	ArchiveStatusNameArchived ArchiveStatusName = "Archived"

	// PatchOp (type in common.go).
	PatchOpSet    PatchOp = "set"    // Python PatchOp.SET
	PatchOpDelete PatchOp = "delete" // Python PatchOp.DELETE

	// JobStatusName (type in jobs.go).
	JobStatusUnknown JobStatusName = "Unknown" // may occur; unconfirmed

	// OS (type in jobs.go).
	OSUbuntu2004 OS = "Ubuntu 20.04" // mentioned by sources; exact string unconfirmed
	OSRHEL9      OS = "RHEL 9"       // mentioned by sources; exact string unconfirmed

	// TrackedFileSpecifierType (type in systems.go).
	TrackedFileSpecifierTypeLatest TrackedFileSpecifierType = "latest" // Python LATEST: follow the newest revision
	TrackedFileSpecifierTypeLocked TrackedFileSpecifierType = "locked" // Python LOCKED: pinned to pinned_file_revision_id

	// Permission (type in access.go).
	PermissionMember             Permission = "member"
	PermissionManage             Permission = "manage"
	PermissionView               Permission = "view"
	PermissionEdit               Permission = "edit"
	PermissionExecute            Permission = "execute"
	PermissionArchive            Permission = "archive"
	PermissionTenantAccess       Permission = "tenant_access"
	PermissionControlTagAccess   Permission = "controltag_access"
	PermissionControlTagManage   Permission = "controltag_manage"
	PermissionAccessManage       Permission = "access_manage"
	PermissionAccessViewManage   Permission = "access_view_manage"
	PermissionUpstreamRemoteSync Permission = "upstream_remote_sync"
	PermissionAccess             Permission = "access"

	// PermissionResourceType (type in access.go).
	PermissionResourceTypeModel              PermissionResourceType = "model"
	PermissionResourceTypeAgent              PermissionResourceType = "agent"
	PermissionResourceTypeAgentPool          PermissionResourceType = "agentpool"
	PermissionResourceTypeArtifact           PermissionResourceType = "artifact"
	PermissionResourceTypeFile               PermissionResourceType = "file"
	PermissionResourceTypeComment            PermissionResourceType = "comment"
	PermissionResourceTypeFileRevision       PermissionResourceType = "filerevision"
	PermissionResourceTypeToken              PermissionResourceType = "token"
	PermissionResourceTypeJob                PermissionResourceType = "job"
	PermissionResourceTypeTool               PermissionResourceType = "tool"
	PermissionResourceTypeFunction           PermissionResourceType = "function"
	PermissionResourceTypeFunctionVersion    PermissionResourceType = "functionversion"
	PermissionResourceTypeSystem             PermissionResourceType = "system"
	PermissionResourceTypeTenant             PermissionResourceType = "tenant"
	PermissionResourceTypeControlTag         PermissionResourceType = "controltag"
	PermissionResourceTypeFunctionAuthSecret PermissionResourceType = "functionauthsecret"
	PermissionResourceTypeUpstreamRemote     PermissionResourceType = "upstreamremote"
	PermissionResourceTypeAuthIntegration    PermissionResourceType = "authintegration"

	// PermissionSubjectType (type in access.go).
	PermissionSubjectTypeUser               PermissionSubjectType = "user"
	PermissionSubjectTypeModel              PermissionSubjectType = "model"
	PermissionSubjectTypeAgent              PermissionSubjectType = "agent"
	PermissionSubjectTypeAgentPool          PermissionSubjectType = "agentpool"
	PermissionSubjectTypeArtifact           PermissionSubjectType = "artifact"
	PermissionSubjectTypeFile               PermissionSubjectType = "file"
	PermissionSubjectTypeComment            PermissionSubjectType = "comment"
	PermissionSubjectTypeFileRevision       PermissionSubjectType = "filerevision"
	PermissionSubjectTypeToken              PermissionSubjectType = "token"
	PermissionSubjectTypeJob                PermissionSubjectType = "job"
	PermissionSubjectTypeTool               PermissionSubjectType = "tool"
	PermissionSubjectTypeFunction           PermissionSubjectType = "function"
	PermissionSubjectTypeFunctionVersion    PermissionSubjectType = "functionversion"
	PermissionSubjectTypeSystem             PermissionSubjectType = "system"
	PermissionSubjectTypeTenant             PermissionSubjectType = "tenant"
	PermissionSubjectTypeControlTag         PermissionSubjectType = "controltag"
	PermissionSubjectTypeFunctionAuthSecret PermissionSubjectType = "functionauthsecret"
	PermissionSubjectTypeUpstreamRemote     PermissionSubjectType = "upstreamremote"
	PermissionSubjectTypeAuthIntegration    PermissionSubjectType = "authintegration"

	// InfosecSchema (type in infosec.go).
	InfosecSchemaUSDoD InfosecSchema = "US_DOD" // UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP_SECRET, TOP_SECRET_SCI
	InfosecSchemaAUS   InfosecSchema = "AUS"    // OFFICIAL, OFFICIAL:SENSITIVE, PROTECTED, SECRET, TOP_SECRET

	// FunctionAuthType (type in agents.go).
	FunctionAuthTypeBasic  FunctionAuthType = "basic"  // Python BASIC
	FunctionAuthTypeOAuth2 FunctionAuthType = "oauth2" // Python OAUTH2

	// ToolInclude (type in agents.go).
	ToolIncludeFunctions ToolInclude = "functions" // Python FUNCTIONS

	// UserState (type in admin.go).
	UserStateActive      UserState = "USER_STATE_ACTIVE"
	UserStateInactive    UserState = "USER_STATE_INACTIVE"
	UserStateDeleted     UserState = "USER_STATE_DELETED"
	UserStateLocked      UserState = "USER_STATE_LOCKED"
	UserStateSuspend     UserState = "USER_STATE_SUSPEND"
	UserStateInitial     UserState = "USER_STATE_INITIAL"
	UserStateUnspecified UserState = "USER_STATE_UNSPECIFIED"
)
