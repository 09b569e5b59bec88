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
)

var accessRelationValues = []AccessRelation{
	AccessRelationViewer,
	AccessRelationEditor,
	AccessRelationOwner,
	AccessRelationAdministrator,
	AccessRelationExecutor,
	AccessRelationUpstreamRemoteOwner,
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
	AccessResourceTypeDocument           AccessResourceType = "document" // 2026 releases
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

// Permission is Python's istari_digital_client.v2.models.Permission. The member names are confirmed; the wire
// strings (assumed to be the lower-cased names) are unconfirmed (see unconfirmed.go).
type Permission string

// The Permission constants live in unconfirmed.go (wire strings unconfirmed).

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
}

// PermissionValues returns every known Permission value, in documentation order. The slice is a fresh copy.
func PermissionValues() []Permission { return slices.Clone(permissionValues) }

// Valid reports whether v is a known Permission value. Unknown values still decode and encode unchanged.
func (v Permission) Valid() bool { return slices.Contains(permissionValues, v) }

// String returns the wire value.
func (v Permission) String() string { return string(v) }

// PermissionResourceType is Python's istari_digital_client.v2.models.PermissionResourceType. The member names
// are confirmed; the wire strings (assumed lower case) are unconfirmed (see unconfirmed.go).
type PermissionResourceType string

// The PermissionResourceType constants live in unconfirmed.go (wire strings unconfirmed).

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
// resource kinds of PermissionResourceType. The list is incomplete and the wire strings (assumed lower case) are
// unconfirmed (see unconfirmed.go).
type PermissionSubjectType string

// The PermissionSubjectType constants live in unconfirmed.go (wire strings unconfirmed).

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
}

// PermissionSubjectTypeValues returns every known PermissionSubjectType value, in documentation order. The slice is a fresh copy.
func PermissionSubjectTypeValues() []PermissionSubjectType {
	return slices.Clone(permissionSubjectTypeValues)
}

// Valid reports whether v is a known PermissionSubjectType value. Unknown values still decode and encode unchanged.
func (v PermissionSubjectType) Valid() bool { return slices.Contains(permissionSubjectTypeValues, v) }

// String returns the wire value.
func (v PermissionSubjectType) String() string { return string(v) }
