package istari

import (
	"context"
	"net/http"
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

func TestRollbackWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"get_tag":         {{body: seqTag}},
		"get_tag_history": {{body: `[{"snapshot_id":"snap1"},{"snapshot_id":"snap0"},{"snapshot_id":"snapA"}]`}},
		"update_tag":      {{body: seqTagMoved}},
	})
	_, err := c.RollbackBranch(context.Background(), &types.SnapshotTag{ID: "t1"}, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"get_tag", "get_tag_history", "update_tag"}, reg.ops())
	assert.Equal(t, seqRoute(t, "get_tag_history", "", "", "t1").path, reg.request(1).path)
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
	assert.Equal(t, seqRoute(t, "get_tag", "", "", "t1").path, reg.request(0).path)
	assert.Equal(t, seqRoute(t, "update_tag", "", "", "base").path, reg.request(1).path)
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
	assert.Equal(t, seqRoute(t, "create_tag", "", "", "snap1").path, reg.request(1).path)
	assert.JSONEq(t, `{"tag":"design-b"}`, reg.request(1).body)
}

func TestListBranchesWire(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_tags": {{body: `{"items":[{"id":"base","tag":"baseline","snapshot_id":"s0","is_baseline":true},
			{"id":"t1","tag":"design-b","snapshot_id":"s1","is_baseline":false}],"total":2,"page":1,"size":100,"pages":1}`}},
	})
	list, err := c.ListBranches(context.Background(), "s1", &ListBranchesParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusActive)})
	require.NoError(t, err)
	assert.Equal(t, []string{"design-b"}, pluck(list, tagName))
	assert.Equal(t, "archive_status=ACTIVE&size=100&system_id=s1", reg.request(0).query)
}

// seqRoute is the request the operation table says op sends with the path values args: the tests follow the
// table as its routes are corrected.
func seqRoute(t *testing.T, op, query, body string, args ...string) seqSent {
	t.Helper()
	o, ok := ops.Builtin().Lookup(op)
	require.True(t, ok, op)
	path, err := o.Expand(args...)
	require.NoError(t, err, op)
	return seqSent{op: op, method: o.Method, path: path, query: query, body: body}
}
