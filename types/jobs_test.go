package types

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
)

const jobJSON = `{
  "id": "job-42",
  "created": "2026-04-01T12:00:00.000000Z",
  "file": {
    "id": "file-p", "created": "2026-04-01T12:00:00.000000Z",
    "revisions": [{
      "id": "rev-p", "created": "2026-04-01T12:00:00.000000Z", "file_id": "file-p",
      "content_token": {"id": "t1", "created": "2026-04-01T12:00:00.000000Z", "sha": "aa", "salt": "s"},
      "properties_token": {"id": "t2", "created": "2026-04-01T12:00:00.000000Z", "sha": "bb", "salt": "s"},
      "archive_status_history": [], "name": "parameters", "extension": "json", "mime": "application/json", "size": 17
    }],
    "archive_status_history": []
  },
  "comments": [],
  "archive_status_history": [{"id": "ras", "created": "2026-04-01T12:00:00.000000Z", "name": "Active", "resource_id": "job-42"}],
  "created_by_id": "user-1",
  "function": {"id": "fn-1", "name": "@istari:extract", "tool_name": "cameo", "operating_system": "Windows 11"},
  "assigned_agent_pool_id": "pool-1",
  "agent_id": "agent-9",
  "tenant_id": "tenant-1",
  "model_id": "model-7",
  "status_history": [
    {"id": "js-1", "created": "2026-04-01T12:00:00.000000Z", "job_id": "job-42", "name": "Created", "created_by_id": "user-1"},
    {"id": "js-2", "created": "2026-04-01T12:00:05.000000Z", "job_id": "job-42", "name": "Claimed", "agent_id": "agent-9"},
    {"id": "js-3", "created": "2026-04-01T12:03:00.250000Z", "job_id": "job-42", "name": "Completed", "message": "extracted 12 artifacts", "agent_id": "agent-9"}
  ]
}`

func TestJobRoundTripAndStatus(t *testing.T) {
	var j Job
	roundTrip(t, jobJSON, &j)
	st, ok := j.Status()
	if !ok || st.ID != "js-3" || st.Name != enums.JobStatusNameCompleted || !st.Name.IsTerminal() ||
		*st.Message != "extracted 12 artifacts" || *st.AgentID != "agent-9" {
		t.Fatalf("Status() = %+v, %v", st, ok)
	}
	if !st.Created.Equal(time.Date(2026, 4, 1, 12, 3, 0, 250000000, time.UTC)) {
		t.Errorf("status created = %v", st.Created.Time)
	}
	if j.Function.Name != "@istari:extract" || string(j.Function.Extra["tool_name"]) != `"cameo"` {
		t.Errorf("function = %+v", j.Function)
	}
	if j.Name() != "parameters.json" || j.File.MIME() != "application/json" || j.File.Size() != 17 {
		t.Errorf("Name %q MIME %q Size %d", j.Name(), j.File.MIME(), j.File.Size())
	}
	if kind, id := j.AccessResource(); kind != enums.AccessResourceTypeJob || id != "job-42" {
		t.Errorf("AccessResource() = %q %q", kind, id)
	}
	if j.ArchiveKind() != "job" || j.ArchiveStatus().ID != "ras" || j.Revision().ID != "rev-p" {
		t.Error("job helpers")
	}
	if j.AssignedAgentID != nil || *j.AssignedAgentPoolID != "pool-1" {
		t.Errorf("assigned agent %v pool %v", j.AssignedAgentID, j.AssignedAgentPoolID)
	}
}

func TestJobStatusEmpty(t *testing.T) {
	var j Job
	if st, ok := j.Status(); ok || st != (JobStatus{}) {
		t.Errorf("empty history: %+v %v", st, ok)
	}
	var nilJob *Job
	if _, ok := nilJob.Status(); ok {
		t.Error("nil job has no status")
	}
	if err := json.Unmarshal([]byte(`{"id":"j","status_history":null}`), &j); err != nil {
		t.Fatal(err)
	}
	if _, ok := j.Status(); ok {
		t.Error("null history has no status")
	}
}

func TestJobStatusMessageBody(t *testing.T) {
	b, _ := json.Marshal(JobStatusMessage{Message: "ran out of licenses"})
	if string(b) != `{"message":"ran out of licenses"}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(JobStatusMessage{Extra: map[string]json.RawMessage{"detail": json.RawMessage(`"x"`)}})
	if string(b) != `{"detail":"x"}` {
		t.Errorf("got %s", b)
	}
}
