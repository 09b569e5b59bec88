package types

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
)

// Compile-time checks of the mixin interfaces.
var (
	_ Readable = (*FileRevision)(nil)
	_ Readable = (*SnapshotRevisionSearchItem)(nil)
	_ Readable = (*ConfigurationRevisionSearchItem)(nil)

	_ Shareable = (*File)(nil)
	_ Shareable = (*Model)(nil)
	_ Shareable = (*Artifact)(nil)
	_ Shareable = (*Job)(nil)
	_ Shareable = (*System)(nil)

	_ Archivable = (*File)(nil)
	_ Archivable = (*FileRevision)(nil)
	_ Archivable = (*Model)(nil)
	_ Archivable = (*Artifact)(nil)
	_ Archivable = (*Comment)(nil)
	_ Archivable = (*Job)(nil)
	_ Archivable = (*System)(nil)

	_ FileBacked = (*File)(nil)
	_ FileBacked = (*Model)(nil)
	_ FileBacked = (*Artifact)(nil)
	_ FileBacked = (*Comment)(nil)
	_ FileBacked = (*Job)(nil)

	_ Resource = (*Model)(nil)
	_ Resource = (*Artifact)(nil)
	_ Resource = (*RawResource)(nil)
)

const sha1Hex = "9b0dac8776569d0813c72a1c1a35db7c3672f37340d5db310ea6c36901144bb117c8155d28b9c9abd7b1bc3046968f0b"

const fileJSON = `{
  "id": "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a",
  "created": "2026-03-30T09:15:00.000000Z",
  "revisions": [
    {
      "id": "rev-1",
      "created": "2026-03-30T09:15:00.000000Z",
      "file_id": "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a",
      "content_token": {"id": "tok-c1", "created": "2026-03-30T09:14:59.500000Z", "sha": "` + sha1Hex + `", "salt": "abc123"},
      "properties_token": {"id": "tok-p1", "created": "2026-03-30T09:14:59.600000Z", "sha": "00ff", "salt": "abc123", "created_by_id": "user-1"},
      "archive_status_history": [
        {"id": "as-1", "created": "2026-03-30T09:15:00.000000Z", "name": "Active", "reason": "Initial", "file_revision_id": "rev-1"}
      ],
      "name": "wing.step",
      "extension": "step",
      "size": 3221225472,
      "mime": "application/step",
      "description": "first cut",
      "sources": [],
      "created_by_id": "user-1"
    },
    {
      "id": "rev-2",
      "created": "2026-04-01T12:00:00.000000+02:00",
      "file_id": "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a",
      "content_token": {"id": "tok-c2", "created": "2026-04-01T12:00:00.000000+02:00", "sha": "aa", "salt": "abc123"},
      "properties_token": {"id": "tok-p2", "created": "2026-04-01T12:00:00.000000+02:00", "sha": "bb", "salt": "def456"},
      "archive_status_history": [
        {"id": "as-2", "created": "2026-04-01T12:00:00.000000+02:00", "name": "Active", "reason": "Initial", "file_revision_id": "rev-2"}
      ],
      "name": "Wing",
      "extension": "step",
      "size": 42,
      "mime": "application/step",
      "version_name": "v2",
      "external_identifier": "PLM-778",
      "display_name": "Wing (rev B)",
      "description": "refined",
      "sources": [
        {"revision_id": "rev-1", "relationship_identifier": "derived_from"},
        {"revision_id": "rev-x", "file_id": "f-x", "resource_type": "Model", "resource_id": "m-x"}
      ],
      "products": [{"revision_id": "rev-9"}],
      "updated": "2026-04-02T08:00:00.000000Z"
    }
  ],
  "archive_status_history": [
    {"id": "fas-1", "created": "2026-03-30T09:15:00.000000Z", "name": "Active", "file_id": "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a"},
    {"id": "fas-2", "created": "2026-04-03T10:00:00.000000Z", "name": "Archived", "reason": "superseded", "created_by_id": "user-2", "file_id": "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a"}
  ],
  "resource_id": "model-7",
  "resource_type": "model",
  "created_by_id": "user-1",
  "control_tags": [{"id": "ct-1", "name": "ITAR", "description": "export controlled"}],
  "updated": "2026-04-02T08:00:00.000000Z",
  "upstream_remote_info": {"id": "r-1", "label": "PLM", "synced": true},
  "infosec_level": {"id": "lvl-2", "name": "CUI", "order": 1, "display_color": "#00ff00", "schema_id": "sch-1", "created": "2026-03-30T09:15:00.000000Z", "schema": "US_DOD"}
}`

func TestFileRoundTrip(t *testing.T) {
	var f File
	roundTrip(t, fileJSON, &f)

	if f.ID != "6f1c2a3e-0d4b-4c55-9a57-1f2e3d4c5b6a" || len(f.Revisions) != 2 {
		t.Fatalf("id %q, %d revisions", f.ID, len(f.Revisions))
	}
	if !f.Created.Equal(time.Date(2026, 3, 30, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("created = %v", f.Created.Time)
	}
	r1 := f.Revisions[0]
	if *r1.Size != 3221225472 {
		t.Errorf("size = %d, want 3221225472 (above 2 GiB)", *r1.Size)
	}
	if r1.ContentTok.SHA != sha1Hex || r1.ContentTok.Salt != "abc123" || r1.PropertiesTok.CreatedByID == nil ||
		*r1.PropertiesTok.CreatedByID != "user-1" {
		t.Errorf("tokens = %+v / %+v", r1.ContentTok, r1.PropertiesTok)
	}
	if r1.Sources == nil || len(r1.Sources) != 0 {
		t.Errorf("sources = %#v, want empty non-nil", r1.Sources)
	}
	if got := r1.ArchiveStatusHistory[0]; got.Name != enums.ArchiveStatusNameActive || *got.FileRevisionID != "rev-1" ||
		got.FileID != nil || got.ResourceID != nil {
		t.Errorf("revision archive status = %+v", got)
	}
	if f.ResourceType == nil || *f.ResourceType != "model" || f.ControlTags[0].Name != "ITAR" {
		t.Errorf("resource_type %v, control tags %+v", f.ResourceType, f.ControlTags)
	}
	if f.UpstreamRemoteInfo.ID != "r-1" || string(f.UpstreamRemoteInfo.Extra["synced"]) != `true` ||
		f.InfosecLevel.Name != "CUI" || f.InfosecLevel.Order != 1 || string(f.InfosecLevel.Extra["schema"]) != `"US_DOD"` {
		t.Errorf("nested models: %+v %+v", f.UpstreamRemoteInfo, f.InfosecLevel)
	}
}

func TestFileHelpers(t *testing.T) {
	var f File
	if err := json.Unmarshal([]byte(fileJSON), &f); err != nil {
		t.Fatal(err)
	}
	rev := f.Revision()
	if rev == nil || rev.ID != "rev-2" {
		t.Fatalf("Revision() = %+v, want rev-2 (the last)", rev)
	}
	if rev != &f.Revisions[1] {
		t.Error("Revision() must point into Revisions")
	}
	st := f.ArchiveStatus()
	if st == nil || st.ID != "fas-2" || st.Name != enums.ArchiveStatusNameArchived || *st.Reason != "superseded" {
		t.Errorf("ArchiveStatus() = %+v", st)
	}
	checks := []struct{ name, got, want string }{
		{"Name", f.Name(), "Wing.step"},
		{"Stem", f.Stem(), "Wing"},
		{"Suffix", f.Suffix(), ".step"},
		{"Description", f.Description(), "refined"},
		{"DisplayName", f.DisplayName(), "Wing (rev B)"},
		{"VersionName", f.VersionName(), "v2"},
		{"ExternalIdentifier", f.ExternalIdentifier(), "PLM-778"},
		{"MIME", f.MIME(), "application/step"},
		{"Extension", f.Extension(), "step"},
		{"first revision FullName", f.Revisions[0].FullName(), "wing.step"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if f.Size() != 42 {
		t.Errorf("Size() = %d, want 42", f.Size())
	}
	if got := rev.SourceRevisionIDs(); len(got) != 2 || got[0] != "rev-1" || got[1] != "rev-x" {
		t.Errorf("SourceRevisionIDs() = %v", got)
	}
	if got := rev.ProductRevisionIDs(); len(got) != 1 || got[0] != "rev-9" {
		t.Errorf("ProductRevisionIDs() = %v", got)
	}
	if rev.ContentToken().ID != "tok-c2" || rev.PropertiesToken().ID != "tok-p2" {
		t.Errorf("tokens %q %q", rev.ContentToken().ID, rev.PropertiesToken().ID)
	}
	if kind, id := f.AccessResource(); kind != enums.AccessResourceTypeFile || id != f.ID {
		t.Errorf("AccessResource() = %q, %q", kind, id)
	}
	if f.ArchiveKind() != "file" || rev.ArchiveKind() != "file_revision" || rev.GetID() != "rev-2" {
		t.Errorf("archive kinds %q %q", f.ArchiveKind(), rev.ArchiveKind())
	}
}

func TestEmptyAndNilFile(t *testing.T) {
	var empty File
	if empty.Revision() != nil || empty.ArchiveStatus() != nil {
		t.Error("empty File must have no revision and no archive status")
	}
	var nilFile *File
	var nilRev *FileRevision
	if nilFile.Revision() != nil || nilFile.Name() != "" || nilFile.Description() != "" || nilFile.Size() != 0 ||
		nilFile.BackingFile() != nil || nilFile.ArchiveStatus() != nil {
		t.Error("nil *File helpers must return zero values")
	}
	if nilRev.FullName() != "" || nilRev.Stem() != "" || nilRev.Suffix() != "" || nilRev.SourceRevisionIDs() != nil ||
		nilRev.ContentToken() != (Token{}) || nilRev.ArchiveStatus() != nil {
		t.Error("nil *FileRevision helpers must return zero values")
	}
	if empty.Name() != "" || empty.Extension() != "" || empty.Size() != 0 || empty.Stem() != "" {
		t.Error("File without revisions must give empty file-backed properties")
	}
	var m *Model
	if m.Revision() != nil || m.Name() != "" || m.ArchiveStatus() != nil {
		t.Error("nil *Model helpers must return zero values")
	}
}

func TestFullNameRules(t *testing.T) {
	cases := []struct {
		name, ext *string
		want      string
	}{
		{ptr("report"), ptr("pdf"), "report.pdf"},
		{ptr("report.pdf"), ptr("pdf"), "report.pdf"},
		{ptr("REPORT.PDF"), ptr("pdf"), "REPORT.PDF"},     // case-insensitive: not appended again
		{ptr("report.Pdf"), ptr("pdf"), "report.Pdf"},     // original case kept
		{ptr("archive.tar"), ptr("gz"), "archive.tar.gz"}, // different extension appended
		{ptr("reportpdf"), ptr("pdf"), "reportpdf.pdf"},   // must end with ".pdf", not "pdf"
		{ptr("report"), ptr(""), "report"},                // empty extension: unchanged
		{ptr("report"), nil, "report"},                    // missing extension: unchanged
		{nil, ptr("pdf"), ""},                             // missing name
		{ptr(""), ptr("pdf"), ""},                         // empty name
		{nil, nil, ""},
		{ptr("pdf"), ptr("pdf"), "pdf.pdf"}, // shorter than the suffix
		{ptr(".pdf"), ptr("pdf"), ".pdf"},
		{ptr("données"), ptr("csv"), "données.csv"},
	}
	for _, c := range cases {
		r := &FileRevision{Name: c.name, Extension: c.ext}
		if got := r.FullName(); got != c.want {
			t.Errorf("FullName(%v, %v) = %q, want %q", deref(c.name), deref(c.ext), got, c.want)
		}
		f := &File{Revisions: []FileRevision{*r}}
		if got := f.Name(); got != c.want {
			t.Errorf("File.Name(%v, %v) = %q, want %q", deref(c.name), deref(c.ext), got, c.want)
		}
	}
}

func TestStemSuffix(t *testing.T) {
	cases := []struct{ name, ext, stem, suffix string }{
		{"report", "pdf", "report", ".pdf"},
		{"Report.PDF", "pdf", "Report", ".PDF"},
		{"archive.tar", "gz", "archive.tar", ".gz"},
		{"README", "", "README", ""},
		{".bashrc", "", ".bashrc", ""},
		{"trailing.", "", "trailing.", ""},
		{"dir/sub/model.step", "", "model", ".step"},
		{"", "pdf", "", ""},
	}
	for _, c := range cases {
		r := &FileRevision{Name: ptr(c.name), Extension: ptr(c.ext)}
		if r.Stem() != c.stem || r.Suffix() != c.suffix {
			t.Errorf("(%q, %q): Stem %q Suffix %q, want %q %q", c.name, c.ext, r.Stem(), r.Suffix(), c.stem, c.suffix)
		}
	}
	p := Properties{FileName: "Wing", Extension: "STEP"}
	if p.Name() != "Wing.step" || p.Stem() != "Wing" || p.Suffix() != ".step" {
		t.Errorf("Properties: %q %q %q", p.Name(), p.Stem(), p.Suffix())
	}
}

const modelJSON = `{
  "id": "model-7",
  "created": "2026-03-30T09:15:00.000000Z",
  "file": {
    "id": "file-7", "created": "2026-03-30T09:15:00.000000Z",
    "revisions": [{
      "id": "rev-7", "created": "2026-03-30T09:15:00.000000Z", "file_id": "file-7",
      "content_token": {"id": "t1", "created": "2026-03-30T09:15:00.000000Z", "sha": "aa", "salt": "s"},
      "properties_token": {"id": "t2", "created": "2026-03-30T09:15:00.000000Z", "sha": "bb", "salt": "s"},
      "archive_status_history": [], "name": "bracket.SLDPRT", "extension": "sldprt", "display_name": "Bracket"
    }],
    "archive_status_history": []
  },
  "comments": [{
    "id": "c-1", "created": "2026-03-31T10:00:00.000000Z",
    "file": {"id": "file-c1", "created": "2026-03-31T10:00:00.000000Z", "revisions": [], "archive_status_history": []},
    "comments": [], "archive_status_history": [], "created_by_id": "user-2", "resource_id": "model-7", "resource_type": "model"
  }],
  "archive_status_history": [{"id": "ras-1", "created": "2026-03-30T09:15:00.000000Z", "name": "Active", "resource_id": "model-7"}],
  "created_by_id": "user-1",
  "artifacts": [{
    "id": "art-1", "created": "2026-03-31T11:00:00.000000Z",
    "file": {"id": "file-a1", "created": "2026-03-31T11:00:00.000000Z", "revisions": [], "archive_status_history": []},
    "comments": [], "archive_status_history": [], "created_by_id": "agent-1", "model_id": "model-7"
  }],
  "control_tags": [{"id": "ct-1", "name": "ITAR"}]
}`

func TestModelRoundTripAndHelpers(t *testing.T) {
	var m Model
	roundTrip(t, modelJSON, &m)
	if m.Name() != "bracket.SLDPRT" || m.File.DisplayName() != "Bracket" || m.Revision().ID != "rev-7" {
		t.Errorf("Name %q DisplayName %q", m.Name(), m.File.DisplayName())
	}
	if st := m.ArchiveStatus(); st == nil || *st.ResourceID != "model-7" {
		t.Errorf("ArchiveStatus() = %+v", st)
	}
	if kind, id := m.AccessResource(); kind != enums.AccessResourceTypeModel || id != "model-7" {
		t.Errorf("AccessResource() = %q %q", kind, id)
	}
	a := &m.Artifacts[0]
	if *a.ModelID != "model-7" || a.ArchiveKind() != "artifact" || a.ResourceKind() != "artifact" || a.Revision() != nil {
		t.Errorf("artifact %+v", a)
	}
	c := &m.Comments[0]
	if c.ArchiveKind() != "comment" || c.GetID() != "c-1" || *c.ResourceType != "model" || c.Name() != "" {
		t.Errorf("comment %+v", c)
	}
	if m.ArchiveKind() != "model" || m.GetID() != "model-7" || m.BackingFile() != &m.File {
		t.Error("model archive kind / backing file")
	}
}

func TestArtifactNullModelID(t *testing.T) {
	data := `{"id":"a","created":"2026-04-01T12:00:00.000000Z","file":{"id":"f","created":"2026-04-01T12:00:00.000000Z","revisions":[],"archive_status_history":[]},"comments":[],"archive_status_history":[],"created_by_id":"u","model_id":null}`
	var a Artifact
	out := roundTrip(t, data, &a)
	if a.ModelID != nil {
		t.Errorf("model_id = %v, want nil", a.ModelID)
	}
	var keys map[string]json.RawMessage
	_ = json.Unmarshal(out, &keys)
	if string(keys["model_id"]) != "null" {
		t.Errorf("nullable model_id must be sent as null, got %s", out)
	}
}

func TestDecodeResource(t *testing.T) {
	r, err := DecodeResource("Model", []byte(modelJSON))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := r.(*Model)
	if !ok || m.ID != "model-7" || r.ResourceKind() != "model" {
		t.Fatalf("got %T %+v", r, r)
	}
	r, err = DecodeResource("artifact", []byte(`{"id":"art-1","model_id":"model-7"}`))
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := r.(*Artifact); !ok || a.ID != "art-1" || *a.ModelID != "model-7" {
		t.Fatalf("got %T %+v", r, r)
	}
	raw := []byte(`{"id":"doc-1","name":"Spec"}`)
	r, err = DecodeResource("document", raw)
	if err != nil {
		t.Fatal(err)
	}
	rr, ok := r.(*RawResource)
	if !ok || rr.Type != "document" || string(rr.Raw) != string(raw) || r.ResourceKind() != "document" {
		t.Fatalf("got %T %+v", r, r)
	}
	raw[2] = 'X'
	if string(rr.Raw) != `{"id":"doc-1","name":"Spec"}` {
		t.Error("RawResource must keep a copy of the input")
	}
	if _, err := DecodeResource("model", []byte(`{"id": 5}`)); err == nil {
		t.Error("type mismatch must fail")
	}
	if _, err := DecodeResource("widget", []byte(`{not json`)); err == nil {
		t.Error("invalid JSON must fail for the raw fallback too")
	}
}

func TestClientBuiltRevisionBody(t *testing.T) {
	// The body create_revision builds: file_id is an explicit null, unset optional fields absent.
	created := Timestamp{time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}
	rev := FileRevision{
		ID:            "rev-new",
		Created:       created,
		ContentTok:    Token{ID: "tc", Created: created, SHA: "aa", Salt: "s1"},
		PropertiesTok: Token{ID: "tp", Created: created, SHA: "bb", Salt: "s2"},
		ArchiveStatusHistory: []ArchiveStatusEntry{{ID: "as", Created: created, Name: enums.ArchiveStatusNameActive,
			Reason: ptr("Initial"), FileRevisionID: ptr("rev-new")}},
		Name:      ptr("wing.step"),
		Extension: ptr("step"),
		Size:      ptr(int64(42)),
		Sources:   []Source{SourceRevision("rev-1").ToSource(), NewSource{RevisionID: "rev-2", RelationshipIdentifier: ptr("extracted_from")}.ToSource()},
	}
	b, err := json.Marshal(NewJob{Revision: rev})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"revision":{"id":"rev-new","created":"2026-04-01T12:00:00.000000Z","file_id":null,` +
		`"content_token":{"id":"tc","created":"2026-04-01T12:00:00.000000Z","sha":"aa","salt":"s1"},` +
		`"properties_token":{"id":"tp","created":"2026-04-01T12:00:00.000000Z","sha":"bb","salt":"s2"},` +
		`"archive_status_history":[{"id":"as","created":"2026-04-01T12:00:00.000000Z","name":"Active","reason":"Initial","file_revision_id":"rev-new"}],` +
		`"name":"wing.step","extension":"step","size":42,` +
		`"sources":[{"revision_id":"rev-1"},{"revision_id":"rev-2","relationship_identifier":"extracted_from"}]}}`
	if string(b) != want {
		t.Errorf("body\n got: %s\nwant: %s", b, want)
	}
}

func TestTokenWithPropertiesFlattens(t *testing.T) {
	created := Timestamp{time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}
	body := TokenWithProperties{
		Token:       Token{ID: "t", Created: created, SHA: "aa", Salt: "s"},
		Name:        ptr("wing.step"),
		DisplayName: ptr("Wing"),
		Size:        ptr(int64(7)),
	}
	b, _ := json.Marshal(body)
	want := `{"id":"t","created":"2026-04-01T12:00:00.000000Z","sha":"aa","salt":"s","name":"wing.step","size":7,"display_name":"Wing"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
