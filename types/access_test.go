package types

import (
	"encoding/json"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
)

func TestAccessRelationshipPagelessArray(t *testing.T) {
	// list_access returns a plain JSON array, not a page envelope.
	data := `[
	  {"subject_type":"user","subject_id":"u-1","relation":"owner","resource_type":"model","resource_id":"m-1",
	   "subject_info":{"email":"ada@example.com","display_name":"Ada"}},
	  {"subject_type":"user","subject_id":"u-2","relation":"upstreamremoteowner","resource_type":"document","resource_id":"d-1"},
	  {"subject_type":"group","subject_id":"g-1","relation":"auditor","resource_type":"dataset","resource_id":"x-1"}
	]`
	var list []AccessRelationship
	roundTrip(t, data, &list)
	if len(list) != 3 {
		t.Fatalf("%d items", len(list))
	}
	if list[0].Relation != enums.AccessRelationOwner || list[0].ResourceType != enums.AccessResourceTypeModel ||
		list[0].SubjectInfo.Email == nil || *list[0].SubjectInfo.Email != "ada@example.com" ||
		string(list[0].SubjectInfo.Extra["display_name"]) != `"Ada"` {
		t.Errorf("item 0 = %+v", list[0])
	}
	if list[1].SubjectInfo != nil || list[1].ResourceType != enums.AccessResourceTypeDocument {
		t.Errorf("item 1 = %+v", list[1])
	}
	// Values the SDK does not know decode unchanged.
	if list[2].SubjectType != "group" || list[2].SubjectType.Valid() || list[2].Relation != "auditor" || list[2].Relation.Valid() {
		t.Errorf("item 2 = %+v", list[2])
	}
}

func TestAccessBodies(t *testing.T) {
	body := AccessRelationship{SubjectType: enums.AccessSubjectTypeUser, SubjectID: "u-1", Relation: enums.AccessRelationViewer,
		ResourceType: enums.AccessResourceTypeFile, ResourceID: "f-1"}
	b, _ := json.Marshal([]AccessRelationship{body})
	if want := `[{"subject_type":"user","subject_id":"u-1","relation":"viewer","resource_type":"file","resource_id":"f-1"}]`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	b, _ = json.Marshal(UpdateAccessRelationship{Relation: enums.AccessRelationEditor})
	if string(b) != `{"relation":"editor"}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(NewControlTag{Name: "ITAR"})
	if string(b) != `{"name":"ITAR"}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(UpdateControlTag{ID: "t1", Description: ptr("")})
	if string(b) != `{"id":"t1","description":""}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(AssignInfosecLevel{InfosecLevelID: "lvl-1"})
	if string(b) != `{"infosec_level_id":"lvl-1"}` {
		t.Errorf("got %s", b)
	}
}

func TestValidationDetail(t *testing.T) {
	var e HTTPValidationError
	data := `{"detail":[{"loc":["body","tracked_files",0,"file_id"],"msg":"field required","type":"value_error.missing"}]}`
	roundTrip(t, data, &e)
	d := e.Detail[0]
	if d.Msg != "field required" || d.Type != "value_error.missing" || d.LocPath() != "body.tracked_files.0.file_id" {
		t.Errorf("detail = %+v, path %q", d, d.LocPath())
	}
	if (ValidationDetail{Loc: []any{"query", 1.5}}).LocPath() != "query.1.5" {
		t.Error("fractional loc")
	}
}
