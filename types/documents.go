package types

// This file holds the documents types.

import "encoding/json"

// Document is Python's istari_digital_client Document model: a versioned ProseMirror document attached to a
// system configuration. Only the id is known (the current revision and its content use unconfirmed names); other
// fields are kept in Extra.
type Document struct {
	ID string `json:"id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Document) UnmarshalJSON(data []byte) error {
	type plain Document
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Document) MarshalJSON() ([]byte, error) {
	type plain Document
	return encodeWithExtra(plain(m), m.Extra)
}

// DocumentListItem is Python's istari_digital_client DocumentListItem model (items of list_documents and
// list_configuration_documents). The identifying fields are typed; other keys are kept in Extra.
type DocumentListItem struct {
	ID              string    `json:"id"`
	Created         Timestamp `json:"created,omitzero"`
	CreatedByID     string    `json:"created_by_id,omitempty"`
	ConfigurationID string    `json:"configuration_id,omitempty"`
	Name            string    `json:"name,omitempty"`
	RevisionID      string    `json:"revision_id,omitempty"`    // the current revision
	ArchiveStatus   string    `json:"archive_status,omitempty"` // the name of the current archive status, e.g. "Active"

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *DocumentListItem) UnmarshalJSON(data []byte) error {
	type plain DocumentListItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m DocumentListItem) MarshalJSON() ([]byte, error) {
	type plain DocumentListItem
	return encodeWithExtra(plain(m), m.Extra)
}

// CreateDocumentRequest is Python's istari_digital_client CreateDocumentRequest model: the body of
// create_document. Content is ProseMirror JSON (e.g. {"type":"doc","content":[]}); leave it nil for an empty
// document. Description's JSON name is unconfirmed.
type CreateDocumentRequest struct {
	ConfigurationID string          `json:"configuration_id" validate:"required"`
	Name            string          `json:"name" validate:"required"`
	Content         json.RawMessage `json:"content,omitempty"`
	Description     *string         `json:"description,omitempty"`
}

// UpdateDocumentRequest is Python's istari_digital_client UpdateDocumentRequest model: the body of
// update_document. Unset fields keep their values from the base revision; RevisionID bases the update on an
// older revision (conflict detection).
type UpdateDocumentRequest struct {
	Name        *string         `json:"name,omitempty"`
	Content     json.RawMessage `json:"content,omitempty"`
	Description *string         `json:"description,omitempty"`
	RevisionID  *string         `json:"revision_id,omitempty"`
}
