package istari

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// seqAnswer is one scripted answer of a sequence test.
type seqAnswer struct {
	status int // 0 = 200
	body   string
}

// seqSent is one request a sequence test received, identified by its operation id.
type seqSent struct {
	op, method, path, query, body string
}

// seqRegistry answers each operation with its scripted answers in turn and records every request in order.
type seqRegistry struct {
	mu      sync.Mutex
	answers map[string][]seqAnswer
	sent    []seqSent
}

func newSeqRegistry(t *testing.T, answers map[string][]seqAnswer) (*Client, *seqRegistry) {
	t.Helper()
	c, mt := mockClient(t)
	reg := &seqRegistry{answers: answers}
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		op, _, ok := ops.Builtin().Match(r.Method, r.URL.EscapedPath())
		require.True(t, ok, "unrouted request %s %s", r.Method, r.URL)
		reg.mu.Lock()
		defer reg.mu.Unlock()
		reg.sent = append(reg.sent, seqSent{op: op.ID, method: r.Method, path: r.URL.EscapedPath(), query: r.URL.RawQuery, body: readAll(r)})
		queue := reg.answers[op.ID]
		if len(queue) == 0 {
			t.Errorf("no answer scripted for %s (request %d)", op.ID, len(reg.sent))
			return httpmock.NewStringResponse(http.StatusTeapot, `{"detail":"unscripted"}`), nil
		}
		a := queue[0]
		reg.answers[op.ID] = queue[1:]
		status := a.status
		if status == 0 {
			status = http.StatusOK
		}
		resp := httpmock.NewStringResponse(status, a.body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	return c, reg
}

// ops is the operation ids received, in order.
func (r *seqRegistry) ops() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := []string{}
	for _, s := range r.sent {
		out = append(out, s.op)
	}
	return out
}

// request returns the i-th request received.
func (r *seqRegistry) request(i int) seqSent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent[i]
}

const (
	seqTag      = `{"id":"t1","tag":"design-b","snapshot_id":"snap1","is_baseline":false,"created":"2026-04-01T12:00:00Z","archive_status":"ACTIVE"}`
	seqTagMoved = `{"id":"t1","tag":"design-b","snapshot_id":"snap2","is_baseline":false,"created":"2026-04-01T12:00:00Z","archive_status":"ACTIVE"}`
	seqSnapshot = `{"id":"snap1","created":"2026-04-01T12:00:00Z","configuration_id":"c1","sha":"a","created_by_id":"u1"}`
	seqConfig   = `{"id":"c2","created":"2026-04-02T12:00:00Z","created_by_id":"u1","system_id":"s1","name":"x","sha":"b","archive_status":"ACTIVE"}`
)

// commitScript is a registry whose branch tracks f1 (locked r1), f2 (latest, now r2) on page 1 and f3
// (locked r3) on page 2, and the child systems child1 (tag ct1) and child2.
func commitScript() map[string][]seqAnswer {
	locked, latest := string(enums.TrackedFileSpecifierTypeLocked), string(enums.TrackedFileSpecifierTypeLatest)
	return map[string][]seqAnswer{
		"get_tag":      {{body: seqTag}},
		"get_snapshot": {{body: seqSnapshot}},
		"list_tracked_files": {
			{body: `{"items":[{"specifier_type":"` + locked + `","file_id":"f1","pinned_file_revision_id":"r1","current_file_revision_id":"r1"},
				{"specifier_type":"` + latest + `","file_id":"f2","pinned_file_revision_id":null,"current_file_revision_id":"r2"}],
				"total":3,"page":1,"size":2,"pages":2}`},
			{body: `{"items":[{"specifier_type":"` + locked + `","file_id":"f3","pinned_file_revision_id":"r3","current_file_revision_id":"r3"}],
				"total":3,"page":2,"size":2,"pages":2}`},
		},
		"list_configuration_subsystems": {{body: `{"items":[{"id":"child1","tag_id":"ct1"},{"id":"child2","tag_id":null}],"total":2,"page":1,"size":100,"pages":1}`}},
		"create_configuration":          {{status: http.StatusCreated, body: seqConfig}},
		"list_snapshots":                {{body: `{"items":[{"id":"snap2","created":"2026-04-02T12:00:00Z","configuration_id":"c2","sha":"b","created_by_id":"u1"}],"total":1,"page":1,"size":1,"pages":1}`}},
		"update_tag":                    {{body: seqTagMoved}},
	}
}

// commitChange adds f4@r4 pinned and child3@ct3, and removes r2 (f2's current revision) and child2.
var commitChange = BranchChange{
	Add:              []BranchRevision{{FileID: "f4", RevisionID: "r4"}},
	Remove:           []BranchRevision{{RevisionID: "r2"}},
	AddSubsystems:    []types.SubsystemLink{{System: types.System{ID: "child3"}, Tag: &types.SnapshotTag{ID: "ct3"}}},
	RemoveSubsystems: []types.SubsystemLink{{System: types.System{ID: "child2"}}},
}

var commitOps = []string{"get_tag", "get_snapshot", "list_tracked_files", "list_tracked_files", "list_configuration_subsystems",
	"create_configuration", "list_snapshots", "update_tag"}

func TestCommitWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, commitScript())
	branch := &types.SnapshotTag{ID: "t1", Tag: "design-b", SnapshotID: "stale-snapshot"}
	moved, err := c.CommitToBranch(context.Background(), "s1", branch, commitChange)
	require.NoError(t, err)
	assert.Equal(t, "snap2", moved.SnapshotID)
	require.Equal(t, commitOps, reg.ops())

	want := []seqSent{
		{op: "get_tag", method: "GET", path: "/api/v2/tags/t1"},
		{op: "get_snapshot", method: "GET", path: "/api/v2/snapshots/snap1"}, // the re-read snapshot, not the stale one
		{op: "list_tracked_files", method: "GET", path: "/api/v2/configurations/c1/tracked_files", query: "size=100"},
		{op: "list_tracked_files", method: "GET", path: "/api/v2/configurations/c1/tracked_files", query: "page=2&size=100"},
		{op: "list_configuration_subsystems", method: "GET", path: "/api/v2/configurations/c1/subsystems", query: "size=100"},
		{op: "create_configuration", method: "POST", path: "/api/v2/systems/s1/configurations"},
		{op: "list_snapshots", method: "GET", path: "/api/v2/snapshots", query: "configuration_id=c2&size=1&sort=-created"},
		{op: "update_tag", method: "PATCH", path: "/api/v2/tags/t1", body: `{"snapshot_id":"snap2"}`},
	}
	for i, w := range want {
		got := reg.request(i)
		assert.Equal(t, w.method, got.method, "request %d", i)
		assert.Equal(t, w.path, got.path, "request %d", i)
		assert.Equal(t, w.query, got.query, "request %d", i)
		switch {
		case w.op == "create_configuration":
		case w.body == "":
			assert.Empty(t, got.body, "request %d (%s) has no body", i, w.op)
		default:
			assert.JSONEq(t, w.body, got.body, "request %d", i)
		}
	}

	var body struct {
		Name string `json:"name"`
	}
	create := reg.request(5).body
	require.NoError(t, json.Unmarshal([]byte(create), &body))
	assert.Regexp(t, regexp.MustCompile(`^design-b-20\d{12}$`), body.Name, "<tag>-<UTC yyyyMMddHHmmss>")
	locked := string(enums.TrackedFileSpecifierTypeLocked)
	assert.JSONEq(t, `{"name":"`+body.Name+`",
		"tracked_files":[
			{"specifier_type":"`+locked+`","file_id":"f1","pinned_file_revision_id":"r1"},
			{"specifier_type":"`+locked+`","file_id":"f3","pinned_file_revision_id":"r3"},
			{"specifier_type":"`+locked+`","file_id":"f4","pinned_file_revision_id":"r4"}],
		"tracked_systems":[{"system_id":"child1","tag_id":"ct1"},{"system_id":"child3","tag_id":"ct3"}]}`, create)
}

func TestCommitWireFailureArchivesConfiguration(t *testing.T) {
	script := commitScript()
	script["update_tag"] = []seqAnswer{{status: http.StatusBadGateway, body: `{"detail":"upstream down"}`}}
	script["get_tag"] = append(script["get_tag"], seqAnswer{body: seqTag}) // the re-read after the failure: not moved
	script["archive_configuration"] = []seqAnswer{{body: seqConfig}}
	c, reg := newSeqRegistry(t, script)
	_, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "update_tag", apiErr.OperationID, "the original error")
	assert.Equal(t, http.StatusBadGateway, apiErr.StatusCode)
	assert.Equal(t, append(append([]string{}, commitOps...), "get_tag", "archive_configuration"), reg.ops())
	archive := reg.request(len(commitOps) + 1)
	assert.Equal(t, "/api/v2/configurations/c2/archive", archive.path)
	assert.JSONEq(t, `{"reason":"commit to branch design-b failed"}`, archive.body)
}

func TestCommitWireNoSnapshotArchivesConfiguration(t *testing.T) {
	script := commitScript()
	script["list_snapshots"] = []seqAnswer{{body: `{"items":[],"total":0,"page":1,"size":1,"pages":0}`}}
	script["archive_configuration"] = []seqAnswer{{status: http.StatusInternalServerError, body: `{"detail":"boom"}`}}
	var logs logBuffer
	c, reg := newSeqRegistry(t, script)
	c.logger = logs.logger()
	_, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	require.ErrorContains(t, err, "configuration c2 has no snapshots")
	sent := reg.ops()
	assert.Equal(t, "archive_configuration", sent[len(sent)-1])
	assert.NotContains(t, sent, "update_tag")
	assert.Contains(t, logs.String(), "archiving the configuration of a failed branch commit", "a cleanup failure is logged")
	assert.NotContains(t, logs.String(), testToken)
}

func TestCommitWireLostAnswerIsSuccess(t *testing.T) {
	script := commitScript()
	script["update_tag"] = []seqAnswer{{status: http.StatusBadGateway, body: `{"detail":"answer lost"}`}}
	script["get_tag"] = append(script["get_tag"], seqAnswer{body: seqTagMoved}) // the tag did move
	c, reg := newSeqRegistry(t, script)
	moved, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	require.NoError(t, err)
	assert.Equal(t, "snap2", moved.SnapshotID)
	assert.NotContains(t, reg.ops(), "archive_configuration")
}

func TestRollbackWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"get_tag":         {{body: seqTag}},
		"get_tag_history": {{body: `[{"snapshot_id":"snap1"},{"snapshot_id":"snap0"},{"snapshot_id":"snapA"}]`}},
		"update_tag":      {{body: seqTagMoved}},
	})
	_, err := c.RollbackBranch(context.Background(), &types.SnapshotTag{ID: "t1"}, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"get_tag", "get_tag_history", "update_tag"}, reg.ops())
	assert.Equal(t, "/api/v2/tags/t1/history", reg.request(1).path)
	assert.JSONEq(t, `{"snapshot_id":"snapA"}`, reg.request(2).body)
}

func TestRollbackWireHistoryWithoutCurrent(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"get_tag":         {{body: seqTag}}, // at snap1
		"get_tag_history": {{body: `[{"snapshot_id":"snap0"},{"snapshot_id":"snapA"}]`}},
		"update_tag":      {{body: seqTagMoved}},
	})
	_, err := c.RollbackBranch(context.Background(), &types.SnapshotTag{ID: "t1"}, 1)
	require.NoError(t, err)
	assert.JSONEq(t, `{"snapshot_id":"snap0"}`, reg.request(2).body, "one step back from the current snapshot")
}

func TestMergeWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"get_tag":    {{body: seqTagMoved}},
		"update_tag": {{body: `{"id":"base","tag":"baseline","snapshot_id":"snap2","is_baseline":true}`}},
	})
	out, err := c.MergeBranch(context.Background(), &types.SnapshotTag{ID: "t1", SnapshotID: "old"}, &types.SnapshotTag{ID: "base", IsBaseline: true})
	require.NoError(t, err)
	assert.True(t, out.IsBaseline)
	assert.Equal(t, []string{"get_tag", "update_tag"}, reg.ops())
	assert.Equal(t, "/api/v2/tags/t1", reg.request(0).path)
	assert.Equal(t, "/api/v2/tags/base", reg.request(1).path)
	assert.JSONEq(t, `{"snapshot_id":"snap2"}`, reg.request(1).body)
}

func TestCreateBranchWireFromBaseline(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"get_system_baseline": {{body: `{"id":"b1","created":"2026-04-01T12:00:00Z","system_id":"s1","tag_id":"base","snapshot_id":"snap1"}`}},
		"create_tag":          {{status: http.StatusCreated, body: seqTag}},
	})
	_, err := c.CreateBranch(context.Background(), "s1", "design-b", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"get_system_baseline", "create_tag"}, reg.ops())
	assert.Equal(t, "/api/v2/snapshots/snap1/tags", reg.request(1).path)
	assert.JSONEq(t, `{"tag":"design-b"}`, reg.request(1).body)
}

func TestListBranchesWire(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_tags": {{body: `{"items":[{"id":"base","tag":"baseline","snapshot_id":"s0","is_baseline":true},
			{"id":"t1","tag":"design-b","snapshot_id":"s1","is_baseline":false}],"total":2,"page":1,"size":100,"pages":1}`}},
	})
	list, err := c.ListBranches(context.Background(), "s1", &ListBranchesParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusActive)})
	require.NoError(t, err)
	assert.Equal(t, []string{"design-b"}, tagNames(list))
	assert.Equal(t, "archive_status=ACTIVE&size=100&system_id=s1", reg.request(0).query)
}

func TestBulkShareWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_snapshot_revisions": {
			{body: `{"items":[
				{"revision_id":"r1","file_id":"f1","resource_id":"m1","resource_type":"Model"},
				{"revision_id":"r2","file_id":"f2"},
				{"revision_id":"r3","file_id":"f3","resource_id":"a1","resource_type":"ARTIFACT"}],"total":4,"page":1,"size":3,"pages":2}`},
			{body: `{"items":[{"revision_id":"r4","file_id":"f4","resource_id":"m1","resource_type":"model"}],"total":4,"page":2,"size":3,"pages":2}`},
		},
		"bulk_create_access": {{status: http.StatusCreated, body: `[]`}},
	})
	_, err := c.BulkShareSnapshot(context.Background(), "", "snap1", "u2", "EDITOR")
	require.NoError(t, err)
	assert.Equal(t, []string{"list_snapshot_revisions", "list_snapshot_revisions", "bulk_create_access"}, reg.ops())
	assert.Equal(t, "size=100", reg.request(0).query)
	assert.Equal(t, "page=2&size=100", reg.request(1).query)
	assert.JSONEq(t, `[
		{"subject_type":"user","subject_id":"u2","relation":"editor","resource_type":"model","resource_id":"m1"},
		{"subject_type":"user","subject_id":"u2","relation":"editor","resource_type":"artifact","resource_id":"a1"}]`, reg.request(2).body,
		"one call, lower-cased types, bare files skipped, m1 once")
}

func TestBulkShareWireUnknownResourceTypeSendsNoBulkRequest(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_snapshot_revisions": {{body: `{"items":[{"revision_id":"r1","resource_id":"m1","resource_type":"Model"},
			{"revision_id":"r9","resource_id":"x1","resource_type":"Spreadsheet"}],"total":2,"page":1,"size":100,"pages":1}`}},
	})
	_, err := c.BulkShareSnapshot(context.Background(), "", "snap1", "u2", enums.BulkSharingAccessRelationViewer)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "items[1].resource_type", ve.Field)
	assert.False(t, strings.Contains(err.Error(), "Spreadsheet"), "the value is not echoed")
	assert.Equal(t, []string{"list_snapshot_revisions"}, reg.ops())
}
