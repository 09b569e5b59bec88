package types

import (
	"encoding/json"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
)

func TestDecodeCreateSnapshotResult(t *testing.T) {
	snap := `{"id":"snap-1","created":"2026-04-01T12:00:00.000000Z","configuration_id":"cfg-1","sha":"abc","created_by_id":"user-1"}`
	r, err := DecodeCreateSnapshotResult([]byte(snap), false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind() != "snapshot" || r.Snapshot == nil || r.DryRun != nil || r.NoOp != nil {
		t.Fatalf("got %+v", r)
	}
	if r.Snapshot.ID != "snap-1" || r.Snapshot.ConfigurationID != "cfg-1" || r.Snapshot.SHA != "abc" || r.Snapshot.CreatedByID != "user-1" {
		t.Errorf("snapshot = %+v", r.Snapshot)
	}

	noop := `{"status":"no_op","message":"No changes since the last snapshot","configuration_id":"cfg-1"}`
	r, err = DecodeCreateSnapshotResult([]byte(noop), false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind() != "no_op" || r.NoOp == nil || r.Snapshot != nil {
		t.Fatalf("got %+v", r)
	}
	if r.NoOp.Message != "No changes since the last snapshot" || r.NoOp.Status != "no_op" || string(r.NoOp.Extra["configuration_id"]) != `"cfg-1"` {
		t.Errorf("no-op extra = %v", r.NoOp.Extra)
	}
	b, _ := json.Marshal(r.NoOp)
	requireSameJSON(t, b, []byte(noop))

	// id present but null is not a snapshot.
	r, err = DecodeCreateSnapshotResult([]byte(`{"id":null,"configuration_id":"c","sha":"s"}`), false)
	if err != nil || r.Kind() != "no_op" {
		t.Errorf("null id: %+v %v", r, err)
	}

	dry := `{"id":"snap-would-be","configuration_id":"cfg-1","sha":"abc","items":[{"file_revision_id":"rev-1"}]}`
	r, err = DecodeCreateSnapshotResult([]byte(dry), true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind() != "dry_run" || r.DryRun == nil || r.Snapshot != nil {
		t.Fatalf("got %+v", r)
	}
	if string(r.DryRun.Extra["items"]) != `[{"file_revision_id":"rev-1"}]` {
		t.Errorf("dry-run extra = %v", r.DryRun.Extra)
	}

	if (CreateSnapshotResult{}).Kind() != "" {
		t.Error("zero result kind must be empty")
	}
	if _, err := DecodeCreateSnapshotResult([]byte(`[1,2]`), false); err == nil {
		t.Error("non-object must fail")
	}
}

func TestSnapshotTagExtraKept(t *testing.T) {
	data := `{"id":"tag-1","tag":"baseline","snapshot_id":"snap-1","is_baseline":true,"created":"2026-04-01T12:00:00.000000Z",` +
		`"archive_status":"ACTIVE","system_id":"sys-1","created_by_id":"user-1","note":{"k":[1,2]}}`
	var tag SnapshotTag
	out := roundTrip(t, data, &tag)
	if tag.Tag != "baseline" || !tag.IsBaseline || tag.ArchiveStatus != enums.SnapshotTagArchiveStatusActive || tag.IsArchived() {
		t.Errorf("tag = %+v", tag)
	}
	if len(tag.Extra) != 3 || string(tag.Extra["system_id"]) != `"sys-1"` || string(tag.Extra["note"]) != `{"k":[1,2]}` {
		t.Errorf("extra = %v", tag.Extra)
	}
	// Known fields first in struct order, then Extra keys sorted.
	want := `{"id":"tag-1","tag":"baseline","snapshot_id":"snap-1","is_baseline":true,"created":"2026-04-01T12:00:00.000000Z",` +
		`"archive_status":"ACTIVE","created_by_id":"user-1","note":{"k":[1,2]},"system_id":"sys-1"}`
	if string(out) != want {
		t.Errorf("encoded\n got: %s\nwant: %s", out, want)
	}
}

func TestSystemAndConfiguration(t *testing.T) {
	data := `{"id":"sys-1","created":"2026-04-01T12:00:00.000000Z","created_by_id":"u","name":"Wing","description":"study",` +
		`"archive_status":"Active","configurations":[{"id":"cfg-1","created":"2026-04-01T12:00:00.000000Z","created_by_id":"u",` +
		`"system_id":"sys-1","name":"main","sha":"abc","archive_status":"ARCHIVED"}],"baseline_tagged_snapshot_id":"snap-1"}`
	var s System
	roundTrip(t, data, &s)
	if s.IsArchived() || !s.Configurations[0].IsArchived() || *s.BaselineTaggedSnapshotID != "snap-1" {
		t.Errorf("system = %+v", s)
	}
	if kind, id := s.AccessResource(); kind != enums.AccessResourceTypeSystem || id != "sys-1" || s.ArchiveKind() != "system" {
		t.Errorf("AccessResource() = %q %q", kind, id)
	}
}

func TestTrackedFileAndSearchItems(t *testing.T) {
	var tf TrackedFile
	roundTrip(t, `{"specifier_type":"Latest","file_id":"f-1","pinned_file_revision_id":null,"current_file_revision_id":"rev-3","path":"cad/wing.step","weight":2}`, &tf)
	if tf.SpecifierType != enums.TrackedFileSpecifierTypeLatest || tf.PinnedFileRevisionID != nil || *tf.Path != "cad/wing.step" ||
		string(tf.Extra["weight"]) != "2" {
		t.Errorf("tracked file = %+v", tf)
	}

	item := `{"revision_id":"rev-1","file_id":null,"content_token":{"id":"t1","created":"2026-04-01T12:00:00.000000Z","sha":"aa","salt":"s"},` +
		`"properties_token":{"id":"t2","created":"2026-04-01T12:00:00.000000Z","sha":"bb","salt":"s"},"created":"2026-04-01T12:00:00.000000Z",` +
		`"has_artifacts":true,"name":"wing.step","size":10,"resource_type":"Model","config_path":"a/b"}`
	var s SnapshotRevisionSearchItem
	if err := json.Unmarshal([]byte(item), &s); err != nil {
		t.Fatal(err)
	}
	if s.ContentToken().SHA != "aa" || s.PropertiesToken().SHA != "bb" || !*s.HasArtifacts || s.IsArchived != nil {
		t.Errorf("snapshot item = %+v", s)
	}
	var c ConfigurationRevisionSearchItem
	roundTrip(t, item, &c)
	if c.RevisionID != "rev-1" || c.ContentToken().SHA != "aa" || string(c.Extra["config_path"]) != `"a/b"` || len(c.Extra) != 1 {
		t.Errorf("configuration item = %+v, extra %v", c, c.Extra)
	}
}

func TestSystemBodies(t *testing.T) {
	cases := []struct {
		v    any
		want string
	}{
		{NewSystem{Name: "Wing", Description: ""}, `{"name":"Wing","description":""}`},
		{NewSnapshot{}, `{}`},
		{NewSnapshot{DryRun: ptr(true)}, `{"dry_run":true}`},
		{NewSystemConfiguration{Name: "main", TrackedFiles: []NewTrackedFile{
			{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: "f-1"},
			{SpecifierType: enums.TrackedFileSpecifierTypeLocked, FileID: "f-2", PinnedFileRevisionID: ptr("rev-2")},
		}}, `{"name":"main","tracked_files":[{"specifier_type":"Latest","file_id":"f-1"},` +
			`{"specifier_type":"Locked","file_id":"f-2","pinned_file_revision_id":"rev-2"}]}`},
		{NewTrackedSystem{SystemID: "sys-2", TagID: ptr("tag-1")}, `{"system_id":"sys-2","tag_id":"tag-1"}`},
		{NewSnapshotTag{Tag: "v1"}, `{"tag":"v1"}`},
		{UpdateTag{SnapshotID: "snap-2"}, `{"snapshot_id":"snap-2"}`},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("%T: got %s, want %s", c.v, b, c.want)
		}
	}
}
