package types

import (
	"encoding/json"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
)

// TestPythonModelFields decodes a sample of each model typed from the published Python client: the client's
// keys fill the fields, any other key lands in Extra, and encoding writes both back (a null value as an absent
// key).
func TestPythonModelFields(t *testing.T) {
	decode := func(t *testing.T, data string, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(data), v); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var in, back map[string]any
		_ = json.Unmarshal([]byte(data), &in)
		_ = json.Unmarshal(out, &back)
		for k, want := range in {
			if want == nil { // null is written as an absent key
				continue
			}
			if got, ok := back[k]; !ok || mustJSON(t, got) != mustJSON(t, want) {
				t.Errorf("%T: key %q re-encoded as %v, want %v", v, k, got, want)
			}
		}
	}
	tag := `"control_tag":{"id":"ct-1","name":"ITAR"},"created":"2026-03-30T09:15:00.000000Z","created_by_id":"u-0"`

	var si SubjectInfo
	decode(t, `{"username":"ada","email":"ada@example.test","cross_tenant_user":true,"display_name":"Ada"}`, &si)
	if si.Username == nil || *si.Username != "ada" || si.Email == nil || *si.Email != "ada@example.test" ||
		si.CrossTenantUser == nil || !*si.CrossTenantUser || string(si.Extra["display_name"]) != `"Ada"` || len(si.Extra) != 1 {
		t.Errorf("SubjectInfo = %+v", si)
	}

	var rt ResourceControlTagging
	decode(t, `{"id":"g-1",`+tag+`,"object_id":"a-1","object_type":"artifact","inherited_from_object_id":"m-1",
		"inherited_from_object_type":"model","reason":"export","status":"active","resource_id":"a-1"}`, &rt)
	if rt.ID != "g-1" || rt.ControlTag.Name != "ITAR" || rt.ObjectID != "a-1" || rt.ObjectType != enums.ControlTaggingObjectTypeArtifact ||
		rt.InheritedFromObjectID == nil || *rt.InheritedFromObjectID != "m-1" ||
		rt.InheritedFromObjectType == nil || *rt.InheritedFromObjectType != enums.ControlTaggingObjectTypeModel ||
		rt.Reason == nil || *rt.Reason != "export" || rt.Status != "active" || rt.CreatedByID != "u-0" || rt.Created.IsZero() ||
		string(rt.Extra["resource_id"]) != `"a-1"` || len(rt.Extra) != 1 {
		t.Errorf("ResourceControlTagging = %+v", rt)
	}

	var ut UserControlTagging
	decode(t, `{"id":"g-2",`+tag+`,"user_id":"u-1","reason":null,"status":"archived","archived":"2026-04-01T00:00:00.000000Z"}`, &ut)
	if ut.ID != "g-2" || ut.UserID != "u-1" || ut.Reason != nil || ut.Status != "archived" || ut.ControlTag.ID != "ct-1" ||
		len(ut.Extra) != 1 || ut.Extra["archived"] == nil {
		t.Errorf("UserControlTagging = %+v", ut)
	}

	var tn Tenant
	decode(t, `{"id":"t-1","name":"Acme","created":"2026-03-30T09:15:00.000000Z"}`, &tn)
	if tn.ID != "t-1" || string(tn.Extra["name"]) != `"Acme"` || len(tn.Extra) != 2 {
		t.Errorf("Tenant = %+v", tn)
	}

	item := `{"id":"m-1","type_name":"model","archive_status":"Active","created":"2026-03-30T09:15:00.000000Z","created_by_id":"u-0",
		"updated":"2026-03-31T09:15:00.000000Z","file_id":"f-1","file_revision_id":"r-1","name":"wing.step","extension":"step",
		"mime":"application/step","size":3221225472,"display_name":"Wing","description":null,"version_name":"v2",
		"external_identifier":"PLM-1","infosec_level_id":"l-1","is_tombstoned":false,"score":0.9}`
	var rs ResourceSearchItem
	decode(t, item, &rs)
	if rs.ID != "m-1" || rs.TypeName != "model" || rs.ArchiveStatus != enums.ArchiveStatusNameActive || rs.FileID != "f-1" ||
		rs.FileRevisionID != "r-1" || rs.Name == nil || *rs.Name != "wing.step" || rs.Size == nil || *rs.Size != 3221225472 ||
		rs.Description != nil || rs.IsTombstoned == nil || *rs.IsTombstoned || rs.InfosecLevelID == nil || rs.Updated.IsZero() ||
		string(rs.Extra["score"]) != `0.9` || len(rs.Extra) != 1 {
		t.Errorf("ResourceSearchItem = %+v", rs)
	}
	var cs CustomizedResourceSearchItem
	decode(t, item, &cs)
	if cs.ID != "m-1" || cs.VersionName == nil || *cs.VersionName != "v2" || string(cs.Extra["score"]) != `0.9` || len(cs.Extra) != 1 {
		t.Errorf("CustomizedResourceSearchItem = %+v", cs)
	}

	var lv InfosecLevel
	decode(t, `{"id":"l-1","name":"CUI","order":1,"display_color":"#0f0","schema_id":"s-1","created":"2026-03-30T09:15:00.000000Z","schema":"US_DOD"}`, &lv)
	if lv.ID != "l-1" || lv.Name != "CUI" || lv.Order != 1 || lv.DisplayColor != "#0f0" || lv.SchemaID != "s-1" ||
		lv.Created.IsZero() || string(lv.Extra["schema"]) != `"US_DOD"` || len(lv.Extra) != 1 {
		t.Errorf("InfosecLevel = %+v", lv)
	}

	var ur UpstreamRemoteInfo
	decode(t, `{"id":"ur-1","label":"Teamcenter","synced":true}`, &ur)
	if ur.ID != "ur-1" || ur.Label != "Teamcenter" || string(ur.Extra["synced"]) != `true` || len(ur.Extra) != 1 {
		t.Errorf("UpstreamRemoteInfo = %+v", ur)
	}

	var dr DryRunSnapshot
	decode(t, `{"configuration_id":"c-1","sha":"abc","created":"2026-03-30T09:15:00.000000Z","created_by_id":"u-0","items":[]}`, &dr)
	if dr.ConfigurationID != "c-1" || dr.SHA != "abc" || dr.CreatedByID != "u-0" || dr.Created.IsZero() ||
		string(dr.Extra["items"]) != `[]` || len(dr.Extra) != 1 {
		t.Errorf("DryRunSnapshot = %+v", dr)
	}

	// The request type sends its typed fields and any Extra key.
	b, err := json.Marshal(NewAgentModuleVersion{ModuleName: "@istari:cad", ModuleVersion: "2.1.0",
		Extra: ExtraFields{"pinned": json.RawMessage(`true`)}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"module_name":"@istari:cad","module_version":"2.1.0","pinned":true}`; string(b) != want {
		t.Errorf("NewAgentModuleVersion = %s, want %s", b, want)
	}
	var nm NewAgentModuleVersion
	decode(t, `{"module_name":"cad","module_version":"2"}`, &nm)
	if nm.ModuleName != "cad" || nm.ModuleVersion != "2" || nm.Extra != nil {
		t.Errorf("NewAgentModuleVersion = %+v", nm)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
