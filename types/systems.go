package types

// This file holds the systems, configurations, snapshots and tags types.

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
)

// System is Python's istari_digital_client System model: a system of engineering resources tracked through
// configurations and snapshots. ArchiveStatus is a plain string whose casing varies (Active, ACTIVE...); use
// IsArchived.
type System struct {
	ID                       string                `json:"id"`
	Created                  Timestamp             `json:"created"`
	CreatedByID              string                `json:"created_by_id"`
	Name                     string                `json:"name"`
	Description              string                `json:"description"`
	ArchiveStatus            string                `json:"archive_status"`
	Configurations           []SystemConfiguration `json:"configurations,omitzero"`
	BaselineTaggedSnapshotID *string               `json:"baseline_tagged_snapshot_id,omitempty"`
}

// IsArchived reports whether ArchiveStatus is "archived" in any casing.
func (s *System) IsArchived() bool { return strings.EqualFold(s.ArchiveStatus, "archived") }

// AccessResource implements Shareable: ("system", id).
func (s *System) AccessResource() (enums.AccessResourceType, string) {
	return enums.AccessResourceTypeSystem, s.ID
}

// ArchiveKind implements Archivable: "system".
func (s *System) ArchiveKind() string { return "system" }

// GetID implements Archivable.
func (s *System) GetID() string { return s.ID }

// SystemBaseline is Python's istari_digital_client SystemBaseline model: the snapshot the system's baseline
// tag points at.
type SystemBaseline struct {
	ID         string    `json:"id"`
	Created    Timestamp `json:"created"`
	SystemID   string    `json:"system_id"`
	TagID      string    `json:"tag_id"`
	SnapshotID string    `json:"snapshot_id"`
}

// SystemConfiguration is Python's istari_digital_client SystemConfiguration model: a named set of tracked files
// and systems. ArchiveStatus is a plain string whose casing varies; use IsArchived.
type SystemConfiguration struct {
	ID            string    `json:"id"`
	Created       Timestamp `json:"created"`
	CreatedByID   string    `json:"created_by_id"`
	SystemID      string    `json:"system_id"`
	Name          string    `json:"name"`
	SHA           string    `json:"sha"`
	ArchiveStatus string    `json:"archive_status"`
}

// IsArchived reports whether ArchiveStatus is "archived" in any casing.
func (c *SystemConfiguration) IsArchived() bool {
	return strings.EqualFold(c.ArchiveStatus, "archived")
}

// Snapshot is Python's istari_digital_client Snapshot model: an immutable capture of a configuration.
type Snapshot struct {
	ID              string    `json:"id"`
	Created         Timestamp `json:"created"`
	ConfigurationID string    `json:"configuration_id"`
	SHA             string    `json:"sha"`
	CreatedByID     string    `json:"created_by_id"`
}

// SnapshotItem is Python's istari_digital_client SnapshotItem model: one revision captured by a snapshot (a
// bare revision id, no embedded revision). Only some fields are known; the rest are kept in Extra.
type SnapshotItem struct {
	ID             string    `json:"id"`
	Created        Timestamp `json:"created"`
	FileRevisionID string    `json:"file_revision_id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *SnapshotItem) UnmarshalJSON(data []byte) error {
	type plain SnapshotItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m SnapshotItem) MarshalJSON() ([]byte, error) {
	type plain SnapshotItem
	return encodeWithExtra(plain(m), m.Extra)
}

// SnapshotTag is Python's istari_digital_client SnapshotTag model: a movable name for a snapshot (the branching
// layer's branch). Tag names are not unique. Other fields may exist; they are kept in Extra.
type SnapshotTag struct {
	ID            string                         `json:"id"`
	Tag           string                         `json:"tag"`
	SnapshotID    string                         `json:"snapshot_id"`
	IsBaseline    bool                           `json:"is_baseline"`
	Created       Timestamp                      `json:"created"`
	ArchiveStatus enums.SnapshotTagArchiveStatus `json:"archive_status"` // ACTIVE or ARCHIVED

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *SnapshotTag) UnmarshalJSON(data []byte) error {
	type plain SnapshotTag
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m SnapshotTag) MarshalJSON() ([]byte, error) {
	type plain SnapshotTag
	return encodeWithExtra(plain(m), m.Extra)
}

// IsArchived reports whether ArchiveStatus is ARCHIVED in any casing.
func (m *SnapshotTag) IsArchived() bool {
	return strings.EqualFold(string(m.ArchiveStatus), string(enums.SnapshotTagArchiveStatusArchived))
}

// SnapshotTagRevision is Python's istari_digital_client SnapshotTagRevision model: one entry of a tag's history
// (get_tag_history returns a plain array, newest first). Only snapshot_id is known; the rest is kept in Extra.
type SnapshotTagRevision struct {
	SnapshotID string `json:"snapshot_id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *SnapshotTagRevision) UnmarshalJSON(data []byte) error {
	type plain SnapshotTagRevision
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m SnapshotTagRevision) MarshalJSON() ([]byte, error) {
	type plain SnapshotTagRevision
	return encodeWithExtra(plain(m), m.Extra)
}

// TrackedFile is Python's istari_digital_client TrackedFile model: a file tracked by a configuration, either
// following its latest revision or pinned to one. Only some fields are known; the rest are kept in Extra.
type TrackedFile struct {
	SpecifierType         enums.TrackedFileSpecifierType `json:"specifier_type"`
	FileID                string                         `json:"file_id"`
	PinnedFileRevisionID  *string                        `json:"pinned_file_revision_id"` // null when following the latest
	CurrentFileRevisionID string                         `json:"current_file_revision_id"`
	ResourceID            *string                        `json:"resource_id,omitempty"` // newer servers
	Path                  *string                        `json:"path,omitempty"`        // newer servers

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *TrackedFile) UnmarshalJSON(data []byte) error {
	type plain TrackedFile
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m TrackedFile) MarshalJSON() ([]byte, error) {
	type plain TrackedFile
	return encodeWithExtra(plain(m), m.Extra)
}

// Subsystem is Python's istari_digital_client Subsystem model (items of list_configuration_subsystems): a child
// system tracked by a configuration. ID is the child system's id. Other fields are kept in Extra.
type Subsystem struct {
	ID    string  `json:"id"`
	TagID *string `json:"tag_id,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Subsystem) UnmarshalJSON(data []byte) error {
	type plain Subsystem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Subsystem) MarshalJSON() ([]byte, error) {
	type plain Subsystem
	return encodeWithExtra(plain(m), m.Extra)
}

// SnapshotSubsystemItem is Python's istari_digital_client SnapshotSubsystemItem model (items of
// list_snapshot_subsystems). Other fields are kept in Extra.
type SnapshotSubsystemItem struct {
	SystemID          string  `json:"system_id"`
	SystemName        string  `json:"system_name"`
	SystemDescription string  `json:"system_description"`
	TagID             *string `json:"tag_id,omitempty"`
	TaggedSnapshotID  *string `json:"tagged_snapshot_id,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *SnapshotSubsystemItem) UnmarshalJSON(data []byte) error {
	type plain SnapshotSubsystemItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m SnapshotSubsystemItem) MarshalJSON() ([]byte, error) {
	type plain SnapshotSubsystemItem
	return encodeWithExtra(plain(m), m.Extra)
}

// SnapshotRevisionSearchItem is Python's istari_digital_client SnapshotRevisionSearchItem model (items of
// list_snapshot_revisions): a flattened revision inside a snapshot. It is Readable. ResourceType is capitalised
// here (Model, Artifact); compare it case-insensitively. The tokens are the fields ContentTok and PropertiesTok
// (Go cannot name them like the Readable methods).
type SnapshotRevisionSearchItem struct {
	RevisionID         string    `json:"revision_id"`
	FileID             *string   `json:"file_id"`
	ContentTok         Token     `json:"content_token"`
	PropertiesTok      Token     `json:"properties_token"`
	Created            Timestamp `json:"created"`
	HasArtifacts       *bool     `json:"has_artifacts,omitempty"` // absent means false
	IsArchived         *bool     `json:"is_archived,omitempty"`   // absent means false
	Name               *string   `json:"name,omitempty"`
	Extension          *string   `json:"extension,omitempty"`
	Description        *string   `json:"description,omitempty"`
	MIME               *string   `json:"mime,omitempty"`
	VersionName        *string   `json:"version_name,omitempty"`
	ExternalIdentifier *string   `json:"external_identifier,omitempty"`
	DisplayName        *string   `json:"display_name,omitempty"`
	SchemaVersion      *string   `json:"schema_version,omitempty"`
	CreatedByID        *string   `json:"created_by_id,omitempty"`
	Size               *int64    `json:"size,omitempty"`
	ResourceID         *string   `json:"resource_id,omitempty"`
	ResourceType       *string   `json:"resource_type,omitempty"`
	TenantID           *string   `json:"tenant_id,omitempty"`
}

// ContentToken implements Readable.
func (s *SnapshotRevisionSearchItem) ContentToken() Token {
	if s == nil {
		return Token{}
	}
	return s.ContentTok
}

// PropertiesToken implements Readable.
func (s *SnapshotRevisionSearchItem) PropertiesToken() Token {
	if s == nil {
		return Token{}
	}
	return s.PropertiesTok
}

// ConfigurationRevisionSearchItem is Python's istari_digital_client ConfigurationRevisionSearchItem model
// (items of list_configuration_revisions). Its shape is unconfirmed and assumed to match
// SnapshotRevisionSearchItem (embedded, so it is Readable too); other keys are kept in Extra.
type ConfigurationRevisionSearchItem struct {
	SnapshotRevisionSearchItem

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ConfigurationRevisionSearchItem) UnmarshalJSON(data []byte) error {
	type plain ConfigurationRevisionSearchItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ConfigurationRevisionSearchItem) MarshalJSON() ([]byte, error) {
	type plain ConfigurationRevisionSearchItem
	return encodeWithExtra(plain(m), m.Extra)
}

// UpstreamRemote is Python's istari_digital_client UpstreamRemote model (cross-tenant remote sync). The id,
// name and URL are typed; other keys are kept in Extra.
type UpstreamRemote struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *UpstreamRemote) UnmarshalJSON(data []byte) error {
	type plain UpstreamRemote
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m UpstreamRemote) MarshalJSON() ([]byte, error) {
	type plain UpstreamRemote
	return encodeWithExtra(plain(m), m.Extra)
}

// UpstreamRemoteInfo is Python's istari_digital_client UpstreamRemoteInfo model: the upstream remote a file
// is synced from. Keys beyond the published client's are kept in Extra.
type UpstreamRemoteInfo struct {
	ID    string `json:"id"`
	Label string `json:"label"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *UpstreamRemoteInfo) UnmarshalJSON(data []byte) error {
	type plain UpstreamRemoteInfo
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m UpstreamRemoteInfo) MarshalJSON() ([]byte, error) {
	type plain UpstreamRemoteInfo
	return encodeWithExtra(plain(m), m.Extra)
}

// DryRunSnapshot is Python's istari_digital_client DryRunSnapshot model: the create_snapshot answer when
// dry_run was requested, describing the snapshot that would be created (nothing is stored). Keys beyond the
// published client's are kept in Extra.
type DryRunSnapshot struct {
	ConfigurationID string    `json:"configuration_id"`
	SHA             string    `json:"sha"`
	Created         Timestamp `json:"created"`
	CreatedByID     string    `json:"created_by_id"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *DryRunSnapshot) UnmarshalJSON(data []byte) error {
	type plain DryRunSnapshot
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m DryRunSnapshot) MarshalJSON() ([]byte, error) {
	type plain DryRunSnapshot
	return encodeWithExtra(plain(m), m.Extra)
}

// NoOpResponse is Python's istari_digital_client NoOpResponse model: the create_snapshot answer when nothing
// changed since the last snapshot. It carries no snapshot id: to find the newest snapshot, list the
// configuration's snapshots with size=1, sort=-created. Other keys are kept in Extra.
type NoOpResponse struct {
	Status  string `json:"status"`
	Message string `json:"message"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *NoOpResponse) UnmarshalJSON(data []byte) error {
	type plain NoOpResponse
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m NoOpResponse) MarshalJSON() ([]byte, error) {
	type plain NoOpResponse
	return encodeWithExtra(plain(m), m.Extra)
}

// CreateSnapshotResult is Python's ResponseCreateSnapshot (a oneOf): exactly one field is set. Build it with
// DecodeCreateSnapshotResult.
type CreateSnapshotResult struct {
	Snapshot *Snapshot
	DryRun   *DryRunSnapshot
	NoOp     *NoOpResponse
}

// ResponseCreateSnapshot is Python's name for the create_snapshot response union (see CreateSnapshotResult).
type ResponseCreateSnapshot = CreateSnapshotResult

// SnapshotResultKind names which field of a CreateSnapshotResult is set (Go-only: Python tells the union's
// members apart by their class).
type SnapshotResultKind string

// The kinds of a CreateSnapshotResult.
const (
	SnapshotResultKindSnapshot SnapshotResultKind = "snapshot" // a new snapshot was taken
	SnapshotResultKindDryRun   SnapshotResultKind = "dry_run"  // a dry run: what a snapshot would hold
	SnapshotResultKindNoOp     SnapshotResultKind = "no_op"    // nothing changed since the last snapshot
)

// Kind returns SnapshotResultKindSnapshot, SnapshotResultKindDryRun or SnapshotResultKindNoOp after the field
// that is set, or "" for the zero value.
func (r CreateSnapshotResult) Kind() SnapshotResultKind {
	switch {
	case r.Snapshot != nil:
		return SnapshotResultKindSnapshot
	case r.DryRun != nil:
		return SnapshotResultKindDryRun
	case r.NoOp != nil:
		return SnapshotResultKindNoOp
	}
	return ""
}

// SnapshotDiff is what changed between two snapshots (Go-only, from Client.DiffSnapshots): file revisions
// pinned only by the newer snapshot (Added), only by the older one (Removed), and files pinned by both at
// different revisions (Changed). Each list is sorted by file id.
type SnapshotDiff struct {
	From, To string // the snapshot ids compared
	Added    []SnapshotRevisionSearchItem
	Removed  []SnapshotRevisionSearchItem
	Changed  []SnapshotRevisionChange
}

// SnapshotRevisionChange is one file pinned by both snapshots of a SnapshotDiff at different revisions.
type SnapshotRevisionChange struct {
	FileID   string
	From, To SnapshotRevisionSearchItem
}

// DecodeCreateSnapshotResult decodes a create_snapshot response. When dryRun was requested the
// body is a DryRunSnapshot. Otherwise an object with id, configuration_id and sha (all non-null) is a Snapshot,
// and anything else a NoOpResponse with every key kept in its Extra.
func DecodeCreateSnapshotResult(data []byte, dryRun bool) (CreateSnapshotResult, error) {
	if dryRun {
		var d DryRunSnapshot
		if err := json.Unmarshal(data, &d); err != nil {
			return CreateSnapshotResult{}, fmt.Errorf("istari: decoding dry-run snapshot: %w", err)
		}
		return CreateSnapshotResult{DryRun: &d}, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return CreateSnapshotResult{}, fmt.Errorf("istari: decoding create_snapshot response: %w", err)
	}
	isSnapshot := true
	for _, k := range []string{"id", "configuration_id", "sha"} {
		if v, ok := keys[k]; !ok || string(v) == "null" {
			isSnapshot = false
		}
	}
	if isSnapshot {
		var s Snapshot
		if err := json.Unmarshal(data, &s); err != nil {
			return CreateSnapshotResult{}, fmt.Errorf("istari: decoding snapshot: %w", err)
		}
		return CreateSnapshotResult{Snapshot: &s}, nil
	}
	var n NoOpResponse
	if err := json.Unmarshal(data, &n); err != nil {
		return CreateSnapshotResult{}, fmt.Errorf("istari: decoding no-op response: %w", err)
	}
	return CreateSnapshotResult{NoOp: &n}, nil
}

// NewSystem is Python's istari_digital_client NewSystem model: the body of create_system (both fields required).
type NewSystem struct {
	Name        string `json:"name" validate:"required"`
	Description string `json:"description"`
}

// UpdateSystem is Python's istari_digital_client UpdateSystem model: the body of update_system. Send both
// fields; Python re-reads the current values when one is missing.
type UpdateSystem struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// NewSystemConfiguration is Python's istari_digital_client NewSystemConfiguration model: the body of
// create_configuration. TrackedFiles must not be empty (the registry answers 400).
type NewSystemConfiguration struct {
	Name           string             `json:"name" validate:"required"`
	TrackedFiles   []NewTrackedFile   `json:"tracked_files" validate:"dive"`
	TrackedSystems []NewTrackedSystem `json:"tracked_systems,omitzero" validate:"dive"`
}

// NewTrackedFile is Python's istari_digital_client NewTrackedFile model. Omit PinnedFileRevisionID when
// following the latest revision.
type NewTrackedFile struct {
	SpecifierType        enums.TrackedFileSpecifierType `json:"specifier_type" validate:"required"`
	FileID               string                         `json:"file_id" validate:"required"`
	PinnedFileRevisionID *string                        `json:"pinned_file_revision_id,omitempty"`
}

// NewTrackedSystem is Python's istari_digital_client NewTrackedSystem model. TagID pins the child system to a
// tag.
type NewTrackedSystem struct {
	SystemID string  `json:"system_id" validate:"required"`
	TagID    *string `json:"tag_id,omitempty"`
}

// NewSnapshot is Python's istari_digital_client NewSnapshot model: the body of create_snapshot ({} is valid).
type NewSnapshot struct {
	DryRun *bool `json:"dry_run,omitempty"`
}

// NewSnapshotTag is Python's istari_digital_client NewSnapshotTag model: the body of create_tag.
type NewSnapshotTag struct {
	Tag string `json:"tag" validate:"required"`
}

// UpdateTag is Python's istari_digital_client UpdateTag model: the body of update_tag (moves the tag).
type UpdateTag struct {
	SnapshotID string `json:"snapshot_id" validate:"required"`
}

// SubsystemLink is Python's client-side SubsystemLink: a child system and, optionally, the tag it is pinned to.
// It is not a wire model.
type SubsystemLink struct {
	System System       `json:"system"`
	Tag    *SnapshotTag `json:"tag,omitempty"`
}
