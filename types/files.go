package types

// This file holds the files, models & artifacts types.

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
)

// File is Python's istari_digital_client File model: a versioned file. Revisions run oldest to newest, so
// Revision() (the last one) carries the current metadata.
//
// The file-backed properties of Python's FileRevisionHaving mixin are methods on *File, written once and
// nil-safe: Name, Stem, Suffix, Description, DisplayName, VersionName, ExternalIdentifier, Size, MIME and
// Extension. Model, Artifact, Comment and Job reach them through their File field (m.File.DisplayName()).
type File struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	Revisions            []FileRevision       `json:"revisions"`
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	ResourceID           *string              `json:"resource_id,omitempty"`
	ResourceType         *string              `json:"resource_type,omitempty"` // e.g. model, artifact; compare case-insensitively
	CreatedByID          *string              `json:"created_by_id,omitempty"`
	ControlTags          []ControlTag         `json:"control_tags,omitzero"`
	Updated              *Timestamp           `json:"updated,omitempty"`
	UpstreamRemoteInfo   *UpstreamRemoteInfo  `json:"upstream_remote_info,omitempty"`
	InfosecLevel         *InfosecLevel        `json:"infosec_level,omitempty"` // newer servers only
}

// Revision returns the latest revision (the last element of Revisions), or nil when there is none or f is nil.
// The pointer points into f.Revisions.
func (f *File) Revision() *FileRevision {
	if f == nil || len(f.Revisions) == 0 {
		return nil
	}
	return &f.Revisions[len(f.Revisions)-1]
}

// ArchiveStatus returns the current archive status (the last history entry), or nil when there is none.
func (f *File) ArchiveStatus() *ArchiveStatusEntry {
	if f == nil {
		return nil
	}
	return lastArchiveStatus(f.ArchiveStatusHistory)
}

// BackingFile returns f itself (FileBacked).
func (f *File) BackingFile() *File { return f }

// Name returns the latest revision's FullName: its name with "."+extension appended unless already there.
func (f *File) Name() string { return f.Revision().FullName() }

// Stem returns the latest revision's Stem.
func (f *File) Stem() string { return f.Revision().Stem() }

// Suffix returns the latest revision's Suffix.
func (f *File) Suffix() string { return f.Revision().Suffix() }

// Description returns the latest revision's description, or "" when unset.
func (f *File) Description() string {
	return f.revisionString(func(r *FileRevision) *string { return r.Description })
}

// DisplayName returns the latest revision's display name, or "" when unset.
func (f *File) DisplayName() string {
	return f.revisionString(func(r *FileRevision) *string { return r.DisplayName })
}

// VersionName returns the latest revision's version name, or "" when unset.
func (f *File) VersionName() string {
	return f.revisionString(func(r *FileRevision) *string { return r.VersionName })
}

// ExternalIdentifier returns the latest revision's external identifier, or "" when unset.
func (f *File) ExternalIdentifier() string {
	return f.revisionString(func(r *FileRevision) *string { return r.ExternalIdentifier })
}

// MIME returns the latest revision's MIME type, or "" when unset.
func (f *File) MIME() string {
	return f.revisionString(func(r *FileRevision) *string { return r.MIME })
}

// Extension returns the latest revision's extension (lower case, no dot), or "" when unset.
func (f *File) Extension() string {
	return f.revisionString(func(r *FileRevision) *string { return r.Extension })
}

// Size returns the latest revision's size in bytes, or 0 when unknown (check Revision().Size for presence).
func (f *File) Size() int64 {
	if r := f.Revision(); r != nil && r.Size != nil {
		return *r.Size
	}
	return 0
}

func (f *File) revisionString(field func(*FileRevision) *string) string {
	if r := f.Revision(); r != nil {
		return deref(field(r))
	}
	return ""
}

// AccessResource implements Shareable: ("file", id).
func (f *File) AccessResource() (enums.AccessResourceType, string) {
	return enums.AccessResourceTypeFile, f.ID
}

// ArchiveKind implements Archivable: "file" (archive_file / restore_file).
func (f *File) ArchiveKind() string { return "file" }

// GetID implements Archivable.
func (f *File) GetID() string { return f.ID }

// FileRevision is Python's istari_digital_client FileRevision model: one immutable version of a file's content
// and metadata. It is also the body of every create_*/update_* content call, built client-side after the upload
// (file_id is then sent as an explicit null).
//
// Go cannot give a struct a field and a method of the same name, so the wire fields keep the plain names (Name,
// Description, Size... as pointers, nil when absent), the two tokens are the fields ContentTok and PropertiesTok
// behind the Readable methods ContentToken and PropertiesToken, and the computed name is FullName. Methods use
// pointer receivers and accept a nil receiver.
type FileRevision struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	FileID               *string              `json:"file_id"`
	ContentTok           Token                `json:"content_token"`    // read it with ContentToken()
	PropertiesTok        Token                `json:"properties_token"` // read it with PropertiesToken()
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	Name                 *string              `json:"name,omitempty"`
	Extension            *string              `json:"extension,omitempty"` // lower case, no leading dot
	Description          *string              `json:"description,omitempty"`
	Size                 *int64               `json:"size,omitempty"`
	MIME                 *string              `json:"mime,omitempty"`
	VersionName          *string              `json:"version_name,omitempty"`
	ExternalIdentifier   *string              `json:"external_identifier,omitempty"`
	DisplayName          *string              `json:"display_name,omitempty"`
	Sources              []Source             `json:"sources,omitzero"`
	Products             []Product            `json:"products,omitzero"`
	CreatedByID          *string              `json:"created_by_id,omitempty"`
	Updated              *Timestamp           `json:"updated,omitempty"`
}

// ContentToken implements Readable: the token of the revision's bytes (zero Token for a nil receiver).
func (r *FileRevision) ContentToken() Token {
	if r == nil {
		return Token{}
	}
	return r.ContentTok
}

// PropertiesToken implements Readable: the token of the revision's properties blob (zero Token for a nil
// receiver).
func (r *FileRevision) PropertiesToken() Token {
	if r == nil {
		return Token{}
	}
	return r.PropertiesTok
}

// FullName is the Python name property of file-backed objects: the revision's name with "."+extension appended
// unless the name already ends with it (case-insensitive). Python returns None when either part is missing; the
// Go port returns the name unchanged when the extension is empty, and "" when the name is missing or empty (or r
// is nil).
func (r *FileRevision) FullName() string {
	if r == nil {
		return ""
	}
	return fullName(deref(r.Name), deref(r.Extension))
}

// Stem is FullName without its last ".xxx" suffix, computed like Python's pathlib stem (a leading dot does not
// start a suffix; only the last path element counts). Client-side only.
func (r *FileRevision) Stem() string {
	stem, _ := splitSuffix(r.FullName())
	return stem
}

// Suffix is the last ".xxx" of FullName, dot included and in its original case, like Python's pathlib suffix;
// "" when there is none. Client-side only.
func (r *FileRevision) Suffix() string {
	_, suffix := splitSuffix(r.FullName())
	return suffix
}

// ArchiveStatus returns the current archive status (the last history entry), or nil when there is none.
func (r *FileRevision) ArchiveStatus() *ArchiveStatusEntry {
	if r == nil {
		return nil
	}
	return lastArchiveStatus(r.ArchiveStatusHistory)
}

// SourceRevisionIDs returns the revision_id of every source, in order (Python source_revision_ids()).
func (r *FileRevision) SourceRevisionIDs() []string {
	if r == nil {
		return nil
	}
	ids := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		ids[i] = s.RevisionID
	}
	return ids
}

// ProductRevisionIDs returns the revision_id of every product, in order (Python source_product_ids()).
func (r *FileRevision) ProductRevisionIDs() []string {
	if r == nil {
		return nil
	}
	ids := make([]string, len(r.Products))
	for i, p := range r.Products {
		ids[i] = p.RevisionID
	}
	return ids
}

// ArchiveKind implements Archivable: "file_revision" (archive_file_revision / restore_file_revision).
func (r *FileRevision) ArchiveKind() string { return "file_revision" }

// GetID implements Archivable.
func (r *FileRevision) GetID() string { return r.ID }

// fullName applies the name rule of FullName.
func fullName(name, ext string) string {
	if name == "" || ext == "" {
		return name
	}
	suffix := "." + ext
	if len(name) >= len(suffix) && strings.EqualFold(name[len(name)-len(suffix):], suffix) {
		return name
	}
	return name + suffix
}

// splitSuffix splits the last path element of name into stem and suffix like Python's pathlib.PurePosixPath.
func splitSuffix(name string) (stem, suffix string) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || i == len(base)-1 {
		return base, ""
	}
	return base[:i], base[i:]
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// Source is Python's istari_digital_client Source model: a provenance link from a revision to the revision it
// was derived from. In client-built bodies only revision_id and relationship_identifier are set.
type Source struct {
	RevisionID             string  `json:"revision_id"`
	FileID                 *string `json:"file_id,omitempty"`
	ResourceType           *string `json:"resource_type,omitempty"`
	ResourceID             *string `json:"resource_id,omitempty"`
	RelationshipIdentifier *string `json:"relationship_identifier,omitempty"` // free text, e.g. extracted_from
}

// Product is Python's istari_digital_client Product model: a link from a revision to a revision derived from
// it (the reverse of Source, same shape).
type Product struct {
	RevisionID             string  `json:"revision_id"`
	FileID                 *string `json:"file_id,omitempty"`
	ResourceType           *string `json:"resource_type,omitempty"`
	ResourceID             *string `json:"resource_id,omitempty"`
	RelationshipIdentifier *string `json:"relationship_identifier,omitempty"`
}

// NewSource is Python's istari_digital_client NewSource model: a source given by the caller when uploading.
// Python also accepts a bare revision id string; in Go use SourceRevision(id).
type NewSource struct {
	RevisionID             string  `json:"revision_id" validate:"required"`
	RelationshipIdentifier *string `json:"relationship_identifier,omitempty"` // free text, e.g. extracted_from
}

// SourceRevision returns a NewSource for revision id with no relationship identifier (Python's bare string).
func SourceRevision(id string) NewSource { return NewSource{RevisionID: id} }

// ToSource converts s to the Source entry of a client-built FileRevision body (file_id, resource_type and
// resource_id unset).
func (s NewSource) ToSource() Source {
	return Source{RevisionID: s.RevisionID, RelationshipIdentifier: s.RelationshipIdentifier}
}

// Properties is Python's istari_digital_client Properties: the content of the blob behind a revision's
// properties token. It is not a registry JSON model and its serialization is unconfirmed; the JSON tags follow
// the Python field names.
type Properties struct {
	FileName           string  `json:"file_name"`
	Extension          string  `json:"extension,omitempty"`
	Size               *int64  `json:"size,omitempty"`
	MIME               *string `json:"mime,omitempty"`
	Description        *string `json:"description,omitempty"`
	VersionName        *string `json:"version_name,omitempty"`
	ExternalIdentifier *string `json:"external_identifier,omitempty"`
	DisplayName        *string `json:"display_name,omitempty"`
}

// Name is Python's Properties.name: FileName with "."+extension (lower-cased) appended unless already there.
func (p *Properties) Name() string {
	if p == nil {
		return ""
	}
	return fullName(p.FileName, strings.ToLower(p.Extension))
}

// Stem is Name without its last suffix (see FileRevision.Stem).
func (p *Properties) Stem() string {
	stem, _ := splitSuffix(p.Name())
	return stem
}

// Suffix is the last ".xxx" of Name (see FileRevision.Suffix).
func (p *Properties) Suffix() string {
	_, suffix := splitSuffix(p.Name())
	return suffix
}

// TokenWithProperties is Python's istari_digital_client TokenWithProperties model: the body of the
// metadata-only update (update_file_properties): a new properties token plus the metadata it encodes. The
// presence of the metadata fields is unconfirmed; all are optional.
type TokenWithProperties struct {
	Token
	Name               *string `json:"name,omitempty"`
	Extension          *string `json:"extension,omitempty"`
	Size               *int64  `json:"size,omitempty"`
	Description        *string `json:"description,omitempty"`
	MIME               *string `json:"mime,omitempty"`
	VersionName        *string `json:"version_name,omitempty"`
	ExternalIdentifier *string `json:"external_identifier,omitempty"`
	DisplayName        *string `json:"display_name,omitempty"`
}

// Model is Python's istari_digital_client Model model: a file-backed engineering model with its artifacts,
// comments and (optionally) jobs. File-backed properties: m.File.DisplayName() etc.
type Model struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	File                 File                 `json:"file"`
	Comments             []Comment            `json:"comments"`
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	CreatedByID          string               `json:"created_by_id"`
	Artifacts            []Artifact           `json:"artifacts"`
	Jobs                 []Job                `json:"jobs,omitzero"`
	ControlTags          []ControlTag         `json:"control_tags,omitzero"`
}

// Artifact is Python's istari_digital_client Artifact model: a file-backed output attached to a model.
// File-backed properties: a.File.DisplayName() etc.
type Artifact struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	File                 File                 `json:"file"`
	Comments             []Comment            `json:"comments"`
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	CreatedByID          string               `json:"created_by_id"`
	ModelID              *string              `json:"model_id"`
	ControlTags          []ControlTag         `json:"control_tags,omitzero"`
}

// Comment is Python's istari_digital_client Comment model: a file-backed comment on a resource, with threaded
// replies. Comments are archivable but not shareable.
type Comment struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	File                 File                 `json:"file"`
	Comments             []Comment            `json:"comments"`
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	CreatedByID          string               `json:"created_by_id"`
	ResourceID           *string              `json:"resource_id"`
	ResourceType         *string              `json:"resource_type,omitempty"`
}

// BackingFile implements FileBacked.
func (m *Model) BackingFile() *File {
	if m == nil {
		return nil
	}
	return &m.File
}

// Revision returns the latest revision of the model's file, or nil.
func (m *Model) Revision() *FileRevision { return m.BackingFile().Revision() }

// Name returns the model's file name (see FileRevision.FullName).
func (m *Model) Name() string { return m.BackingFile().Name() }

// ArchiveStatus returns the current archive status (the last history entry), or nil.
func (m *Model) ArchiveStatus() *ArchiveStatusEntry {
	if m == nil {
		return nil
	}
	return lastArchiveStatus(m.ArchiveStatusHistory)
}

// AccessResource implements Shareable: ("model", id).
func (m *Model) AccessResource() (enums.AccessResourceType, string) {
	return enums.AccessResourceTypeModel, m.ID
}

// ArchiveKind implements Archivable: "model".
func (m *Model) ArchiveKind() string { return "model" }

// GetID implements Archivable.
func (m *Model) GetID() string { return m.ID }

// ResourceKind implements Resource: "model".
func (m *Model) ResourceKind() string { return "model" }

// BackingFile implements FileBacked.
func (a *Artifact) BackingFile() *File {
	if a == nil {
		return nil
	}
	return &a.File
}

// Revision returns the latest revision of the artifact's file, or nil.
func (a *Artifact) Revision() *FileRevision { return a.BackingFile().Revision() }

// Name returns the artifact's file name (see FileRevision.FullName).
func (a *Artifact) Name() string { return a.BackingFile().Name() }

// ArchiveStatus returns the current archive status (the last history entry), or nil.
func (a *Artifact) ArchiveStatus() *ArchiveStatusEntry {
	if a == nil {
		return nil
	}
	return lastArchiveStatus(a.ArchiveStatusHistory)
}

// AccessResource implements Shareable: ("artifact", id).
func (a *Artifact) AccessResource() (enums.AccessResourceType, string) {
	return enums.AccessResourceTypeArtifact, a.ID
}

// ArchiveKind implements Archivable: "artifact".
func (a *Artifact) ArchiveKind() string { return "artifact" }

// GetID implements Archivable.
func (a *Artifact) GetID() string { return a.ID }

// ResourceKind implements Resource: "artifact".
func (a *Artifact) ResourceKind() string { return "artifact" }

// BackingFile implements FileBacked.
func (c *Comment) BackingFile() *File {
	if c == nil {
		return nil
	}
	return &c.File
}

// Revision returns the latest revision of the comment's file, or nil.
func (c *Comment) Revision() *FileRevision { return c.BackingFile().Revision() }

// Name returns the comment's file name (see FileRevision.FullName).
func (c *Comment) Name() string { return c.BackingFile().Name() }

// ArchiveStatus returns the current archive status (the last history entry), or nil.
func (c *Comment) ArchiveStatus() *ArchiveStatusEntry {
	if c == nil {
		return nil
	}
	return lastArchiveStatus(c.ArchiveStatusHistory)
}

// ArchiveKind implements Archivable: "comment".
func (c *Comment) ArchiveKind() string { return "comment" }

// GetID implements Archivable.
func (c *Comment) GetID() string { return c.ID }

// ModelListItem is Python's istari_digital_client ModelListItem model: a row of list_models, the model's file
// with the ids of its artifacts, comments and jobs instead of the objects. Keys beyond the published client's
// are kept in Extra.
type ModelListItem struct {
	ID            string    `json:"id"`
	Created       Timestamp `json:"created"`
	CreatedByID   string    `json:"created_by_id"`
	File          File      `json:"file"`
	ArchiveStatus string    `json:"archive_status"` // the name of the current archive status, e.g. "Active"
	ArtifactIDs   []string  `json:"artifact_ids,omitempty"`
	CommentIDs    []string  `json:"comment_ids,omitempty"`
	JobIDs        []string  `json:"job_ids,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ModelListItem) UnmarshalJSON(data []byte) error {
	type plain ModelListItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ModelListItem) MarshalJSON() ([]byte, error) {
	type plain ModelListItem
	return encodeWithExtra(plain(m), m.Extra)
}

// ResourceSearchItem is Python's istari_digital_client ResourceSearchItem model (items of list_resources): a
// resource with the summary of its current file revision. Keys beyond the published client's are kept in Extra.
type ResourceSearchItem struct {
	ID                 string                  `json:"id"`
	TypeName           string                  `json:"type_name"` // Python ResourceType, e.g. "model"
	ArchiveStatus      enums.ArchiveStatusName `json:"archive_status"`
	Created            Timestamp               `json:"created"`
	CreatedByID        string                  `json:"created_by_id"`
	Updated            Timestamp               `json:"updated"`
	FileID             string                  `json:"file_id"`
	FileRevisionID     string                  `json:"file_revision_id"`
	Name               *string                 `json:"name,omitempty"`
	Extension          *string                 `json:"extension,omitempty"`
	MIME               *string                 `json:"mime,omitempty"`
	Size               *int64                  `json:"size,omitempty"`
	DisplayName        *string                 `json:"display_name,omitempty"`
	Description        *string                 `json:"description,omitempty"`
	VersionName        *string                 `json:"version_name,omitempty"`
	ExternalIdentifier *string                 `json:"external_identifier,omitempty"`
	InfosecLevelID     *string                 `json:"infosec_level_id,omitempty"`
	IsTombstoned       *bool                   `json:"is_tombstoned,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ResourceSearchItem) UnmarshalJSON(data []byte) error {
	type plain ResourceSearchItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ResourceSearchItem) MarshalJSON() ([]byte, error) {
	type plain ResourceSearchItem
	return encodeWithExtra(plain(m), m.Extra)
}

// CustomizedResourceSearchItem is Python's istari_digital_client TypeVarCustomizedResourceSearchItem (items of
// search_resources). The published client's page type PageTypeVarCustomizedResourceSearchItem lists
// ResourceSearchItem models, so it has the same fields; keys beyond them are kept in Extra.
type CustomizedResourceSearchItem ResourceSearchItem

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *CustomizedResourceSearchItem) UnmarshalJSON(data []byte) error {
	type plain CustomizedResourceSearchItem
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m CustomizedResourceSearchItem) MarshalJSON() ([]byte, error) {
	type plain CustomizedResourceSearchItem
	return encodeWithExtra(plain(m), m.Extra)
}

// Resource is the result of get_resource (Python returns a Model, an Artifact, ... selected by resource_type).
// It is implemented by *Model, *Artifact and the *RawResource fallback; use a type switch.
type Resource interface {
	ResourceKind() string
}

// RawResource is the fallback of DecodeResource for resource types the SDK does not decode: the type as given
// and the undecoded JSON. Go-only: Python falls back to a plain dict.
type RawResource struct {
	Type string
	Raw  json.RawMessage
}

// ResourceKind implements Resource: the resource type as given to DecodeResource.
func (r *RawResource) ResourceKind() string { return r.Type }

// DecodeResource decodes a get_resource response for resourceType (compared case-insensitively): "model" gives
// *Model, "artifact" gives *Artifact, anything else a *RawResource holding a copy of data.
func DecodeResource(resourceType string, data []byte) (Resource, error) {
	switch {
	case strings.EqualFold(resourceType, "model"):
		var m Model
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, err
		}
		return &m, nil
	case strings.EqualFold(resourceType, "artifact"):
		var a Artifact
		if err := json.Unmarshal(data, &a); err != nil {
			return nil, err
		}
		return &a, nil
	default:
		if !json.Valid(data) {
			return nil, fmt.Errorf("istari: invalid JSON for resource type %q", resourceType)
		}
		return &RawResource{Type: resourceType, Raw: append(json.RawMessage(nil), data...)}, nil
	}
}

// RevisionMeta is the caller metadata of an upload (Python's description, version_name, external_identifier and
// display_name keyword arguments). Nil fields are not set. The registry stores each in a 255-character column.
type RevisionMeta struct {
	Description        *string
	VersionName        *string
	ExternalIdentifier *string
	DisplayName        *string
}

// UploadItem is the Go rendering of Python's client-side RevisionBulkCreateItem: one file of a bulk upload
// (create_revisions_bulk, add_artifacts_bulk; at most 10 per call). Open is called to (re)read the content;
// Size is its length in bytes; Name is the file name (with extension) the revision gets.
type UploadItem struct {
	Name    string
	Open    func() (io.ReadCloser, error)
	Size    int64
	Sources []NewSource
	Meta    RevisionMeta
}
