package enums

// This file holds the enums of sharing, control tags and permissions.

import "slices"

// AccessRelation is Python's istari_digital_client.v2.models.AccessRelation: the relation a subject has to a resource.
type AccessRelation string

// Known AccessRelation values.
const (
	AccessRelationViewer              AccessRelation = "viewer"
	AccessRelationEditor              AccessRelation = "editor"
	AccessRelationOwner               AccessRelation = "owner"
	AccessRelationAdministrator       AccessRelation = "administrator"
	AccessRelationExecutor            AccessRelation = "executor"
	AccessRelationUpstreamRemoteOwner AccessRelation = "upstreamremoteowner"
	// AccessRelationUpstreamRemoteEditOwner is a relation the published Python client lists beside
	// upstreamremoteowner.
	AccessRelationUpstreamRemoteEditOwner AccessRelation = "upstreamremoteeditowner"
)

var accessRelationValues = []AccessRelation{
	AccessRelationViewer,
	AccessRelationEditor,
	AccessRelationOwner,
	AccessRelationAdministrator,
	AccessRelationExecutor,
	AccessRelationUpstreamRemoteOwner,
	AccessRelationUpstreamRemoteEditOwner,
}

// AccessRelationValues returns every known AccessRelation value, in documentation order. The slice is a fresh copy.
func AccessRelationValues() []AccessRelation { return slices.Clone(accessRelationValues) }

// Valid reports whether v is a known AccessRelation value. Unknown values still decode and encode unchanged.
func (v AccessRelation) Valid() bool { return slices.Contains(accessRelationValues, v) }

// String returns the wire value.
func (v AccessRelation) String() string { return string(v) }

// AccessResourceType is Python's istari_digital_client.v2.models.AccessResourceType: the kind of resource an
// access relationship is about. For Shareable objects it is the lower-cased Python class name.
type AccessResourceType string

// Known AccessResourceType values.
const (
	AccessResourceTypeModel              AccessResourceType = "model"
	AccessResourceTypeArtifact           AccessResourceType = "artifact"
	AccessResourceTypeJob                AccessResourceType = "job"
	AccessResourceTypeFile               AccessResourceType = "file"
	AccessResourceTypeFileRevision       AccessResourceType = "filerevision"
	AccessResourceTypeTool               AccessResourceType = "tool"
	AccessResourceTypeFunction           AccessResourceType = "function"
	AccessResourceTypeFunctionVersion    AccessResourceType = "functionversion"
	AccessResourceTypeTenant             AccessResourceType = "tenant"
	AccessResourceTypeSystem             AccessResourceType = "system"
	AccessResourceTypeFunctionAuthSecret AccessResourceType = "functionauthsecret"
	AccessResourceTypeAuthIntegration    AccessResourceType = "authintegration"
	// AccessResourceTypeDocument is unconfirmed: the published Python client 13.3.4 does not list "document".
	AccessResourceTypeDocument AccessResourceType = "document"
	// AccessResourceTypeResource is the generic resource kind the published Python client lists.
	AccessResourceTypeResource AccessResourceType = "resource"
)

var accessResourceTypeValues = []AccessResourceType{
	AccessResourceTypeModel,
	AccessResourceTypeArtifact,
	AccessResourceTypeJob,
	AccessResourceTypeFile,
	AccessResourceTypeFileRevision,
	AccessResourceTypeTool,
	AccessResourceTypeFunction,
	AccessResourceTypeFunctionVersion,
	AccessResourceTypeTenant,
	AccessResourceTypeSystem,
	AccessResourceTypeFunctionAuthSecret,
	AccessResourceTypeAuthIntegration,
	AccessResourceTypeDocument,
	AccessResourceTypeResource,
}

// AccessResourceTypeValues returns every known AccessResourceType value, in documentation order. The slice is a fresh copy.
func AccessResourceTypeValues() []AccessResourceType { return slices.Clone(accessResourceTypeValues) }

// Valid reports whether v is a known AccessResourceType value. Unknown values still decode and encode unchanged.
func (v AccessResourceType) Valid() bool { return slices.Contains(accessResourceTypeValues, v) }

// String returns the wire value.
func (v AccessResourceType) String() string { return string(v) }

// AccessSubjectType is Python's istari_digital_client.v2.models.AccessSubjectType: the kind of subject that is granted access.
type AccessSubjectType string

// Known AccessSubjectType values.
const (
	AccessSubjectTypeUser AccessSubjectType = "user"
)

var accessSubjectTypeValues = []AccessSubjectType{
	AccessSubjectTypeUser,
}

// AccessSubjectTypeValues returns every known AccessSubjectType value, in documentation order. The slice is a fresh copy.
func AccessSubjectTypeValues() []AccessSubjectType { return slices.Clone(accessSubjectTypeValues) }

// Valid reports whether v is a known AccessSubjectType value. Unknown values still decode and encode unchanged.
func (v AccessSubjectType) Valid() bool { return slices.Contains(accessSubjectTypeValues, v) }

// String returns the wire value.
func (v AccessSubjectType) String() string { return string(v) }

// BulkSharingAccessRelation is Python's istari_digital_client.v2.models.BulkSharingAccessRelation: the relations
// bulk sharing accepts (executor answers 500 in bulk).
type BulkSharingAccessRelation string

// Known BulkSharingAccessRelation values.
const (
	BulkSharingAccessRelationViewer BulkSharingAccessRelation = "viewer"
	BulkSharingAccessRelationEditor BulkSharingAccessRelation = "editor"
)

var bulkSharingAccessRelationValues = []BulkSharingAccessRelation{
	BulkSharingAccessRelationViewer,
	BulkSharingAccessRelationEditor,
}

// BulkSharingAccessRelationValues returns every known BulkSharingAccessRelation value, in documentation order. The slice is a fresh copy.
func BulkSharingAccessRelationValues() []BulkSharingAccessRelation {
	return slices.Clone(bulkSharingAccessRelationValues)
}

// Valid reports whether v is a known BulkSharingAccessRelation value. Unknown values still decode and encode unchanged.
func (v BulkSharingAccessRelation) Valid() bool {
	return slices.Contains(bulkSharingAccessRelationValues, v)
}

// String returns the wire value.
func (v BulkSharingAccessRelation) String() string { return string(v) }

// ControlTaggingObjectType is Python's istari_digital_client.v2.models.ControlTaggingObjectType: the object_type of
// control-tag lookups by object.
type ControlTaggingObjectType string

// Known ControlTaggingObjectType values.
const (
	ControlTaggingObjectTypeModel    ControlTaggingObjectType = "model"
	ControlTaggingObjectTypeArtifact ControlTaggingObjectType = "artifact"
	ControlTaggingObjectTypeFile     ControlTaggingObjectType = "file"
	ControlTaggingObjectTypeUser     ControlTaggingObjectType = "user"
	ControlTaggingObjectTypeSystem   ControlTaggingObjectType = "system"
	ControlTaggingObjectTypeResource ControlTaggingObjectType = "resource"
	ControlTaggingObjectTypeUnknown  ControlTaggingObjectType = "unknown"
)

var controlTaggingObjectTypeValues = []ControlTaggingObjectType{
	ControlTaggingObjectTypeModel,
	ControlTaggingObjectTypeArtifact,
	ControlTaggingObjectTypeFile,
	ControlTaggingObjectTypeUser,
	ControlTaggingObjectTypeSystem,
	ControlTaggingObjectTypeResource,
	ControlTaggingObjectTypeUnknown,
}

// ControlTaggingObjectTypeValues returns every known ControlTaggingObjectType value, in documentation order. The slice is a fresh copy.
func ControlTaggingObjectTypeValues() []ControlTaggingObjectType {
	return slices.Clone(controlTaggingObjectTypeValues)
}

// Valid reports whether v is a known ControlTaggingObjectType value. Unknown values still decode and encode unchanged.
func (v ControlTaggingObjectType) Valid() bool {
	return slices.Contains(controlTaggingObjectTypeValues, v)
}

// String returns the wire value.
func (v ControlTaggingObjectType) String() string { return string(v) }

// Permission is Python's istari_digital_client.v2.models.Permission, with the client's wire strings.
type Permission string

// Permission values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	PermissionMember           Permission = "member"
	PermissionManage           Permission = "manage"
	PermissionView             Permission = "view"
	PermissionEdit             Permission = "edit"
	PermissionExecute          Permission = "execute"
	PermissionArchive          Permission = "archive"
	PermissionTenantAccess     Permission = "tenant_access"
	PermissionControlTagAccess Permission = "controltag_access"
	PermissionControlTagManage Permission = "controltag_manage"
	// PermissionAccessManage is unconfirmed: the published Python client 13.3.4 does not list "access_manage".
	PermissionAccessManage     Permission = "access_manage"
	PermissionAccessViewManage Permission = "access_view_manage"
	// PermissionUpstreamRemoteSync is unconfirmed: the published Python client 13.3.4 does not list "upstream_remote_sync".
	PermissionUpstreamRemoteSync       Permission = "upstream_remote_sync"
	PermissionAccess                   Permission = "access"
	PermissionCatalogView              Permission = "catalog_view"
	PermissionInfosecLevelAccess       Permission = "infoseclevel_access"
	PermissionInfosecLevelManage       Permission = "infoseclevel_manage"
	PermissionAccessOwnManage          Permission = "access_own_manage"
	PermissionAccessAdministrateManage Permission = "access_administrate_manage"
	PermissionAccessEditManage         Permission = "access_edit_manage"
)

var permissionValues = []Permission{
	PermissionMember,
	PermissionManage,
	PermissionView,
	PermissionEdit,
	PermissionExecute,
	PermissionArchive,
	PermissionTenantAccess,
	PermissionControlTagAccess,
	PermissionControlTagManage,
	PermissionAccessManage,
	PermissionAccessViewManage,
	PermissionUpstreamRemoteSync,
	PermissionAccess,
	PermissionCatalogView,
	PermissionInfosecLevelAccess,
	PermissionInfosecLevelManage,
	PermissionAccessOwnManage,
	PermissionAccessAdministrateManage,
	PermissionAccessEditManage,
}

// PermissionValues returns every known Permission value, in documentation order. The slice is a fresh copy.
func PermissionValues() []Permission { return slices.Clone(permissionValues) }

// Valid reports whether v is a known Permission value. Unknown values still decode and encode unchanged.
func (v Permission) Valid() bool { return slices.Contains(permissionValues, v) }

// String returns the wire value.
func (v Permission) String() string { return string(v) }

// PermissionResourceType is Python's istari_digital_client.v2.models.PermissionResourceType, with the client's
// wire strings.
type PermissionResourceType string

// PermissionResourceType values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
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
	PermissionResourceTypeInfosecLevel       PermissionResourceType = "infoseclevel"
	PermissionResourceTypeStoredCredential   PermissionResourceType = "storedcredential"
	PermissionResourceTypeResource           PermissionResourceType = "resource"
	PermissionResourceTypeWorkflowOutput     PermissionResourceType = "workflow_output"
	PermissionResourceTypeConnectedSource    PermissionResourceType = "connectedsource"
)

var permissionResourceTypeValues = []PermissionResourceType{
	PermissionResourceTypeModel,
	PermissionResourceTypeAgent,
	PermissionResourceTypeAgentPool,
	PermissionResourceTypeArtifact,
	PermissionResourceTypeFile,
	PermissionResourceTypeComment,
	PermissionResourceTypeFileRevision,
	PermissionResourceTypeToken,
	PermissionResourceTypeJob,
	PermissionResourceTypeTool,
	PermissionResourceTypeFunction,
	PermissionResourceTypeFunctionVersion,
	PermissionResourceTypeSystem,
	PermissionResourceTypeTenant,
	PermissionResourceTypeControlTag,
	PermissionResourceTypeFunctionAuthSecret,
	PermissionResourceTypeUpstreamRemote,
	PermissionResourceTypeAuthIntegration,
	PermissionResourceTypeInfosecLevel,
	PermissionResourceTypeStoredCredential,
	PermissionResourceTypeResource,
	PermissionResourceTypeWorkflowOutput,
	PermissionResourceTypeConnectedSource,
}

// PermissionResourceTypeValues returns every known PermissionResourceType value, in documentation order. The slice is a fresh copy.
func PermissionResourceTypeValues() []PermissionResourceType {
	return slices.Clone(permissionResourceTypeValues)
}

// Valid reports whether v is a known PermissionResourceType value. Unknown values still decode and encode unchanged.
func (v PermissionResourceType) Valid() bool { return slices.Contains(permissionResourceTypeValues, v) }

// String returns the wire value.
func (v PermissionResourceType) String() string { return string(v) }

// PermissionSubjectType is Python's istari_digital_client.v2.models.PermissionSubjectType: USER plus the
// resource kinds of PermissionResourceType, with the client's wire strings.
type PermissionSubjectType string

// PermissionSubjectType values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
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
	PermissionSubjectTypeInfosecLevel       PermissionSubjectType = "infoseclevel"
	PermissionSubjectTypeResource           PermissionSubjectType = "resource"
	PermissionSubjectTypeWorkflowOutput     PermissionSubjectType = "workflow_output"
	PermissionSubjectTypeConnectedSource    PermissionSubjectType = "connectedsource"
)

var permissionSubjectTypeValues = []PermissionSubjectType{
	PermissionSubjectTypeUser,
	PermissionSubjectTypeModel,
	PermissionSubjectTypeAgent,
	PermissionSubjectTypeAgentPool,
	PermissionSubjectTypeArtifact,
	PermissionSubjectTypeFile,
	PermissionSubjectTypeComment,
	PermissionSubjectTypeFileRevision,
	PermissionSubjectTypeToken,
	PermissionSubjectTypeJob,
	PermissionSubjectTypeTool,
	PermissionSubjectTypeFunction,
	PermissionSubjectTypeFunctionVersion,
	PermissionSubjectTypeSystem,
	PermissionSubjectTypeTenant,
	PermissionSubjectTypeControlTag,
	PermissionSubjectTypeFunctionAuthSecret,
	PermissionSubjectTypeUpstreamRemote,
	PermissionSubjectTypeAuthIntegration,
	PermissionSubjectTypeInfosecLevel,
	PermissionSubjectTypeResource,
	PermissionSubjectTypeWorkflowOutput,
	PermissionSubjectTypeConnectedSource,
}

// PermissionSubjectTypeValues returns every known PermissionSubjectType value, in documentation order. The slice is a fresh copy.
func PermissionSubjectTypeValues() []PermissionSubjectType {
	return slices.Clone(permissionSubjectTypeValues)
}

// Valid reports whether v is a known PermissionSubjectType value. Unknown values still decode and encode unchanged.
func (v PermissionSubjectType) Valid() bool { return slices.Contains(permissionSubjectTypeValues, v) }

// String returns the wire value.
func (v PermissionSubjectType) String() string { return string(v) }
