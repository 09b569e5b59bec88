package istari

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
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
		seqRoute(t, "get_tag", "", "", "t1"),
		seqRoute(t, "get_snapshot", "", "", "snap1"), // the re-read snapshot, not the stale one
		seqRoute(t, "list_tracked_files", "size=100", "", "c1"),
		seqRoute(t, "list_tracked_files", "page=2&size=100", "", "c1"),
		seqRoute(t, "list_configuration_subsystems", "size=100", "", "c1"),
		seqRoute(t, "create_configuration", "", "", "s1"),
		seqRoute(t, "list_snapshots", "configuration_id=c2&size=1&sort=-created", ""),
		seqRoute(t, "update_tag", "", `{"snapshot_id":"snap2"}`, "t1"),
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
	// update_tag is a PUT, so a 502 is retried: every attempt fails.
	script["update_tag"] = slices.Repeat([]seqAnswer{{status: http.StatusBadGateway, body: `{"detail":"upstream down"}`}}, retryAttemptsOf(t))
	script["get_tag"] = append(script["get_tag"], seqAnswer{body: seqTag}) // the re-read after the failure: not moved
	script["archive_configuration"] = []seqAnswer{{body: seqConfig}}
	c, reg := newSeqRegistry(t, script)
	_, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "update_tag", apiErr.OperationID, "the original error")
	assert.Equal(t, http.StatusBadGateway, apiErr.StatusCode)
	retries := slices.Repeat([]string{"update_tag"}, retryAttemptsOf(t)-1)
	assert.Equal(t, slices.Concat(commitOps, retries, []string{"get_tag", "archive_configuration"}), reg.ops())
	archive := reg.request(len(commitOps) + len(retries) + 1)
	assert.Equal(t, seqRoute(t, "archive_configuration", "", "", "c2").path, archive.path)
	assert.JSONEq(t, `{"reason":"commit to branch design-b failed"}`, archive.body)
}

func TestCommitWireNoSnapshotArchivesConfiguration(t *testing.T) {
	script := commitScript()
	script["list_snapshots"] = []seqAnswer{{body: `{"items":[],"total":0,"page":1,"size":1,"pages":0}`}}
	// archive_configuration is a DELETE, so a 500 is retried: every attempt fails.
	script["archive_configuration"] = slices.Repeat([]seqAnswer{{status: http.StatusInternalServerError, body: `{"detail":"boom"}`}}, retryAttemptsOf(t))
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
	script["update_tag"] = slices.Repeat([]seqAnswer{{status: http.StatusBadGateway, body: `{"detail":"answer lost"}`}}, retryAttemptsOf(t))
	script["get_tag"] = append(script["get_tag"], seqAnswer{body: seqTagMoved}) // the tag did move
	c, reg := newSeqRegistry(t, script)
	moved, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	require.NoError(t, err)
	assert.Equal(t, "snap2", moved.SnapshotID)
	assert.NotContains(t, reg.ops(), "archive_configuration")
}

// retryAttemptsOf is the number of attempts the wire-test client makes for a retryable answer.
func retryAttemptsOf(t *testing.T) int {
	t.Helper()
	c, _ := mockClient(t)
	return c.cfg.retryAttempts()
}

// When update_tag fails and the branch cannot be read back, the branch may already point at the new
// configuration: it is kept (never archived) and the error names it.
func TestCommitWireUnknownStateKeepsConfiguration(t *testing.T) {
	script := commitScript()
	fail := func(detail string) []seqAnswer {
		return slices.Repeat([]seqAnswer{{status: http.StatusBadGateway, body: `{"detail":"` + detail + `"}`}}, retryAttemptsOf(t))
	}
	script["update_tag"] = fail("answer lost")
	script["get_tag"] = append(script["get_tag"], fail("still down")...)
	c, reg := newSeqRegistry(t, script)
	_, err := c.CommitToBranch(context.Background(), "s1", &types.SnapshotTag{ID: "t1", Tag: "design-b"}, commitChange)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "update_tag", apiErr.OperationID, "the original error")
	assert.ErrorContains(t, err, "configuration c2 was kept")
	assert.NotContains(t, reg.ops(), "archive_configuration")
}
