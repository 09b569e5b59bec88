package types

// This file holds the access-control types: sharing and control tags.

import (
	"encoding/json"

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

// SubjectInfo is Python's istari_digital_client SubjectInfo model: display data of an access subject. Its
// fields are unconfirmed, so every key is kept in Extra.
type SubjectInfo struct {
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *SubjectInfo) UnmarshalJSON(data []byte) error {
	type plain SubjectInfo
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m SubjectInfo) MarshalJSON() ([]byte, error) {
	type plain SubjectInfo
	return encodeWithExtra(plain(m), m.Extra)
}

// ResourceTypePermission is Python's istari_digital_client ResourceTypePermission model (items of
// list_resource_type_permissions). Only resource_id is known; the rest is kept in Extra.
type ResourceTypePermission struct {
	ResourceID string `json:"resource_id"`

	// Extra holds the JSON keys this struct does not map.
	Extra map[string]json.RawMessage `json:"-"`
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
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra map[string]json.RawMessage `json:"-"`
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
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty" validate:"omitempty,column"`
}

// ResourceControlTagging is Python's istari_digital_client ResourceControlTagging model: a control tag's
// tagging of a model, artifact or file, returned by the tagging calls. Its fields are unknown, so every key is
// kept in Extra.
type ResourceControlTagging struct {
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *ResourceControlTagging) UnmarshalJSON(data []byte) error {
	type plain ResourceControlTagging
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m ResourceControlTagging) MarshalJSON() ([]byte, error) {
	type plain ResourceControlTagging
	return encodeWithExtra(plain(m), m.Extra)
}

// UserControlTagging is Python's istari_digital_client UserControlTagging model: a control tag's tagging of
// a user. Its fields are unknown, so every key is kept in Extra.
type UserControlTagging struct {
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *UserControlTagging) UnmarshalJSON(data []byte) error {
	type plain UserControlTagging
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m UserControlTagging) MarshalJSON() ([]byte, error) {
	type plain UserControlTagging
	return encodeWithExtra(plain(m), m.Extra)
}
