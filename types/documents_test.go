package types

import (
	"encoding/json"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
)

func TestDocumentBodies(t *testing.T) {
	b, _ := json.Marshal(CreateDocumentRequest{ConfigurationID: "cfg-1", Name: "Spec"})
	if string(b) != `{"configuration_id":"cfg-1","name":"Spec"}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(CreateDocumentRequest{ConfigurationID: "cfg-1", Name: "Spec", Content: json.RawMessage(`{"type":"doc","content":[]}`)})
	if string(b) != `{"configuration_id":"cfg-1","name":"Spec","content":{"type":"doc","content":[]}}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(UpdateDocumentRequest{RevisionID: ptr("drev-1")})
	if string(b) != `{"revision_id":"drev-1"}` {
		t.Errorf("got %s", b)
	}
	var d Document
	roundTrip(t, `{"id":"doc-1","name":"Spec","content":{"type":"doc","content":[{"type":"paragraph"}]}}`, &d)
	if d.ID != "doc-1" || string(d.Extra["name"]) != `"Spec"` {
		t.Errorf("document = %+v", d)
	}
}

func TestCompatTypes(t *testing.T) {
	st := enums.CompatibilityStatusDeprecationWarning
	r := CompatibilityResult{ServerVersion: ptr("2026.04.1"), Status: &st, DeprecatedTags: []string{"Agent"}}
	b, _ := json.Marshal(r)
	if string(b) != `{"server_version":"2026.04.1","status":"deprecation-warning","deprecated_tags":["Agent"]}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(AuthDeprecationResult{Detected: true, Message: ptr("use access keys")})
	if string(b) != `{"detected":true,"message":"use access keys"}` {
		t.Errorf("got %s", b)
	}
}

func TestDocumentListItemTypedFields(t *testing.T) {
	var d DocumentListItem
	roundTrip(t, `{"id":"doc-1","name":"Spec","configuration_id":"cfg-1","revision_id":"drev-1","archive_status":"Active","created_by_id":"u1","created":"2026-01-02T03:04:05.000000Z","pinned":true}`, &d)
	if d.ID != "doc-1" || d.Name != "Spec" || d.ConfigurationID != "cfg-1" || d.RevisionID != "drev-1" ||
		d.ArchiveStatus != "Active" || d.CreatedByID != "u1" || d.Created.IsZero() || string(d.Extra["pinned"]) != "true" || len(d.Extra) != 1 {
		t.Errorf("document list item = %+v", d)
	}
}
