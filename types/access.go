package types

// This file holds the access-control types: sharing and control tags.

import (
	"github.com/istari-sdk/istari-go/enums"
)

// AccessRelationship is Python's istari_digital_client AccessRelationship model: a subject's relation to a
// resource. It is the body of create_access (SubjectInfo unset), the item of bulk_create_access's array body,
// and the result of the access calls (list_access returns a plain array).
type AccessRelationship struct {
	SubjectType  enums.AccessSubjectType  `json:"subject_type"`
	SubjectID    string                   `json:"subject_id"`
	Relation     enums.AccessRelation     `json:"relation"`
	ResourceType enums.AccessResourceType `json:"resource_type"`
	ResourceID   string                   `json:"resource_id"`
	SubjectInfo  *SubjectInfo             `json:"subject_info,omitempty"` // responses only
}

// UpdateAccessRelationship is Python's istari_digital_client UpdateAccessRelationship model: the body of
// update_access.
type UpdateAccessRelationship struct {
	Relation enums.AccessRelation `json:"relation"`
}

// SubjectInfo is Python's istari_digital_client SubjectInfo model: display data of an access subject. Keys
// beyond the published client's are kept in Extra.
type SubjectInfo struct {
	Username        *string `json:"username,omitempty"`
	Email           *string `json:"email,omitempty"`
	CrossTenantUser *bool   `json:"cross_tenant_user,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *SubjectInfo) UnmarshalJSON(data []byte) error {
	type plain SubjectInfo
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m SubjectInfo) MarshalJSON() ([]byte, error) {
	type plain SubjectInfo
	return encodeWithExtra(plain(m), m.Extra)
}

// ResourceTypePermission is Python's istari_digital_client ResourceTypePermission model (items of
// list_resource_type_permissions). Only resource_id is known; the rest is kept in Extra.
type ResourceTypePermission struct {
	ResourceID string `json:"resource_id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ResourceTypePermission) UnmarshalJSON(data []byte) error {
	type plain ResourceTypePermission
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ResourceTypePermission) MarshalJSON() ([]byte, error) {
	type plain ResourceTypePermission
	return encodeWithExtra(plain(m), m.Extra)
}

// ControlTag is Python's istari_digital_client ControlTag model: a tag that restricts (never grants) access.
// Only some fields are known; the rest are kept in Extra.
type ControlTag struct {
	ID           string     `json:"id"`
	Name         string     `json:"name"`
	Description  *string    `json:"description,omitempty"`
	DisplayColor *string    `json:"display_color,omitempty"`
	Created      *Timestamp `json:"created,omitempty"`
	CreatedByID  *string    `json:"created_by_id,omitempty"`
	Status       *string    `json:"status,omitempty"` // "active" or "archived" (Python ControlTagStatus)

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ControlTag) UnmarshalJSON(data []byte) error {
	type plain ControlTag
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ControlTag) MarshalJSON() ([]byte, error) {
	type plain ControlTag
	return encodeWithExtra(plain(m), m.Extra)
}

// NewControlTag is Python's istari_digital_client NewControlTag model: the body of create_control_tag.
// Description is 0..255 characters (platform-validated).
type NewControlTag struct {
	Name        string  `json:"name" validate:"required"`
	Description *string `json:"description,omitempty" validate:"omitempty,column"`
}

// UpdateControlTag is Python's istari_digital_client UpdateControlTag model: the body of update_control_tag.
// Description is 0..255 characters; Name is a proposed field (unconfirmed).
type UpdateControlTag struct {
	// ID is the control tag to change; UpdateControlTag fills it from its controlTagID argument.
	ID           string  `json:"id"`
	Name         *string `json:"name,omitempty"`
	Description  *string `json:"description,omitempty" validate:"omitempty,column"`
	DisplayColor *string `json:"display_color,omitempty"`
	Status       *string `json:"status,omitempty"` // "active" or "archived" (Python ControlTagStatus)
}

// ResourceControlTagging is Python's istari_digital_client ResourceControlTagging model: a control tag's
// tagging of a model, artifact or file, returned by the tagging calls. Inherited taggings name the object they
// come from. Keys beyond the published client's are kept in Extra.
type ResourceControlTagging struct {
	ID                      string                          `json:"id"`
	ControlTag              ControlTag                      `json:"control_tag"`
	ObjectID                string                          `json:"object_id"`
	ObjectType              enums.ControlTaggingObjectType  `json:"object_type"`
	InheritedFromObjectID   *string                         `json:"inherited_from_object_id,omitempty"`
	InheritedFromObjectType *enums.ControlTaggingObjectType `json:"inherited_from_object_type,omitempty"`
	Reason                  *string                         `json:"reason,omitempty"`
	Status                  string                          `json:"status"` // Python ControlTaggingStatus, e.g. "active"
	Created                 Timestamp                       `json:"created"`
	CreatedByID             string                          `json:"created_by_id"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ResourceControlTagging) UnmarshalJSON(data []byte) error {
	type plain ResourceControlTagging
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ResourceControlTagging) MarshalJSON() ([]byte, error) {
	type plain ResourceControlTagging
	return encodeWithExtra(plain(m), m.Extra)
}

// UserControlTagging is Python's istari_digital_client UserControlTagging model: a control tag's tagging of
// a user. Keys beyond the published client's are kept in Extra.
type UserControlTagging struct {
	ID          string     `json:"id"`
	ControlTag  ControlTag `json:"control_tag"`
	UserID      string     `json:"user_id"`
	Reason      *string    `json:"reason,omitempty"`
	Status      string     `json:"status"` // Python ControlTaggingStatus, e.g. "active"
	Created     Timestamp  `json:"created"`
	CreatedByID string     `json:"created_by_id"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *UserControlTagging) UnmarshalJSON(data []byte) error {
	type plain UserControlTagging
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m UserControlTagging) MarshalJSON() ([]byte, error) {
	type plain UserControlTagging
	return encodeWithExtra(plain(m), m.Extra)
}
