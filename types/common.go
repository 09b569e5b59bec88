// Package types holds the data types of the Istari Digital registry API, ported from the Python
// istari-digital-client (istari_digital_client.v2.models). They are plain structs with snake_case JSON tags and
// carry no client: the Python mixin behaviour that needs the network (reading contents, sharing, archiving)
// lives on the client, which accepts the small interfaces defined here (Readable, Shareable, Archivable).
//
// Presence rules: a required field is a value, a nullable field a pointer (sent as null), an
// optional field a pointer with omitempty or a slice with omitzero (nil = absent; an explicit empty list is sent
// as []). Datetimes are Timestamp, sizes int64. Models whose field list is only partly known keep every unmapped
// key in an Extra map that is written back on encoding (read one with ExtraValue).
package types

// This file holds the common types and the shared mixin interfaces (Python's Archivable,
// Shareable, ... mixins).

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
)

// Readable is implemented by the types Python gives the Readable mixin (FileRevision,
// SnapshotRevisionSearchItem): the tokens the client needs to download and verify the content and the
// properties blob. File-backed objects are read through their revision: c.ReadContents(ctx, m.Revision(), w).
type Readable interface {
	ContentToken() Token
	PropertiesToken() Token
}

// Shareable is implemented by the types Python gives the Shareable mixin (File, Model, Artifact, Job, System).
// AccessResource returns the access resource type (the lower-cased Python class name) and the resource id.
type Shareable interface {
	AccessResource() (enums.AccessResourceType, string)
}

// Archivable is implemented by the types Python gives the Archivable mixin (File, FileRevision, Model,
// Artifact, Comment, Job, System). ArchiveKind is the snake_case class name that selects the archive_<kind> /
// restore_<kind> operation: file, file_revision, model, artifact, comment, job, system.
type Archivable interface {
	ArchiveKind() string
	GetID() string
}

// FileBacked is implemented by the types whose metadata comes from a file's latest revision (Python's
// FileRevisionHaving / FileHaving mixins): File, Model, Artifact, Comment and Job.
//
// The file-backed properties (Description, DisplayName, VersionName, ExternalIdentifier, Size, MIME, Extension,
// Stem, Suffix) are written once, as nil-safe methods on *FileRevision, and reached through Revision():
//
//	m.Revision().DisplayName() // "" when the model's file has no revision or no display name
//
// Name() is also defined directly on each file-backed type for convenience.
type FileBacked interface {
	BackingFile() *File
	Revision() *FileRevision
	Name() string
}

// Archive is Python's istari_digital_client Archive model: the optional body of every archive_* call. With no
// reason the client sends no body at all.
type Archive struct {
	Reason *string `json:"reason,omitempty"`
}

// Restore is Python's istari_digital_client Restore model: the optional body of every restore_* call. With no
// reason the client sends no body at all.
type Restore struct {
	Reason *string `json:"reason,omitempty"`
}

// ArchiveStatusEntry is one archive-status history entry. It renders Python's three models
// FileArchiveStatus (file_id), FileRevisionArchiveStatus (file_revision_id) and ResourceArchiveStatus
// (resource_id, unconfirmed) as one struct: exactly one of the id fields is normally set. Unmapped keys (for
// example a differently named resource id) are kept in Extra. The current status is the last entry of a history.
type ArchiveStatusEntry struct {
	ID             string                  `json:"id"`
	Created        Timestamp               `json:"created"`
	Name           enums.ArchiveStatusName `json:"name"`
	Reason         *string                 `json:"reason,omitempty"`
	CreatedByID    *string                 `json:"created_by_id,omitempty"`
	FileID         *string                 `json:"file_id,omitempty"`
	FileRevisionID *string                 `json:"file_revision_id,omitempty"`
	ResourceID     *string                 `json:"resource_id,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (e *ArchiveStatusEntry) UnmarshalJSON(data []byte) error {
	type plain ArchiveStatusEntry
	return decodeWithExtra(data, (*plain)(e), &e.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (e ArchiveStatusEntry) MarshalJSON() ([]byte, error) {
	type plain ArchiveStatusEntry
	return encodeWithExtra(plain(e), e.Extra)
}

// FileArchiveStatus is Python's FileArchiveStatus model (history entries of File.archive_status_history).
type FileArchiveStatus = ArchiveStatusEntry

// FileRevisionArchiveStatus is Python's FileRevisionArchiveStatus model (history entries of
// FileRevision.archive_status_history).
type FileRevisionArchiveStatus = ArchiveStatusEntry

// ResourceArchiveStatus is Python's ResourceArchiveStatus model (history entries of Model, Artifact, Comment and
// Job).
type ResourceArchiveStatus = ArchiveStatusEntry

// lastArchiveStatus returns a pointer to the last entry of h (into h), or nil when h is empty.
func lastArchiveStatus(h []ArchiveStatusEntry) *ArchiveStatusEntry {
	if len(h) == 0 {
		return nil
	}
	return &h[len(h)-1]
}

// ValidationDetail is Python's (FastAPI) ValidationError model: one entry of a 422 response's detail list. It is
// named ValidationDetail to avoid confusion with the client-side *ValidationError. Loc holds strings and numbers
// (JSON numbers decode as float64).
type ValidationDetail struct {
	Loc  []any  `json:"loc"`
	Msg  string `json:"msg"`
	Type string `json:"type"`
}

// LocPath joins Loc with dots, e.g. "body.name" or "query.size"; whole numbers print without a fraction.
func (d ValidationDetail) LocPath() string {
	parts := make([]string, len(d.Loc))
	for i, l := range d.Loc {
		switch v := l.(type) {
		case float64:
			if v == float64(int64(v)) {
				parts[i] = fmt.Sprintf("%d", int64(v))
			} else {
				parts[i] = fmt.Sprint(v)
			}
		default:
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, ".")
}

// HTTPValidationError is Python's (FastAPI) HTTPValidationError model: the body of a 422 response.
type HTTPValidationError struct {
	Detail []ValidationDetail `json:"detail,omitzero"`
}
