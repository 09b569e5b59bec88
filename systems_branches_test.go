package istari

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// branchFixture is a system whose baseline tracks wing.json and engine.csv, plus an untracked tail.json.
type branchFixture struct {
	c                  *Client
	srv                *istaritest.Server
	sys                *types.System
	cfg                *types.SystemConfiguration
	baseline           *types.SnapshotTag
	wing, engine, tail istaritest.SeededFile
}

func newBranchFixture(t *testing.T) *branchFixture {
	t.Helper()
	c, srv := sysFakeClient(t)
	th := newThread(t, c, srv)
	f := &branchFixture{c: c, srv: srv, sys: th.sys, cfg: th.cfg, wing: th.wing, engine: th.engine,
		tail: srv.SeedModel(srv.Owner(), "tail.json", []byte(`{"area": 12}`))}
	snap := newestSnapshot(t, c, th.cfg.ID)
	var err error
	f.baseline, err = c.CreateTag(context.Background(), snap.ID, &types.NewSnapshotTag{Tag: "baseline"})
	require.NoError(t, err)
	require.True(t, f.baseline.IsBaseline)
	return f
}

// branch creates a branch from the baseline.
func (f *branchFixture) branch(t *testing.T, name string) *types.SnapshotTag {
	t.Helper()
	b, err := f.c.CreateBranch(context.Background(), f.sys.ID, name, nil)
	require.NoError(t, err)
	return b
}

// files maps file id to revision id for every file of the snapshot the branch points at.
func (f *branchFixture) files(t *testing.T, b *types.SnapshotTag) map[string]string {
	t.Helper()
	items, err := f.c.ListBranchRevisions(context.Background(), b, nil)
	require.NoError(t, err)
	out := map[string]string{}
	for _, it := range items {
		out[*it.FileID] = it.RevisionID
	}
	return out
}

// configs lists the names of the system's configurations with the archive status given.
func (f *branchFixture) configs(t *testing.T, status enums.ArchiveStatus) []string {
	t.Helper()
	var names []string
	for cfg, err := range All(context.Background(), &ListSystemConfigurationsParams{ArchiveStatus: &status},
		func(ctx context.Context, p *ListSystemConfigurationsParams) (*Page[types.SystemConfiguration], error) {
			return f.c.ListSystemConfigurations(ctx, f.sys.ID, p)
		}) {
		require.NoError(t, err)
		names = append(names, cfg.Name)
	}
	return names
}

// opIDs is the operation ids the fake received since ResetRequests.
func opIDs(srv *istaritest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		out = append(out, r.Op)
	}
	return out
}

func TestBranchCreateGetList(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	assert.Equal(t, f.baseline.SnapshotID, b.SnapshotID, "a branch without from starts at the baseline")
	assert.False(t, b.IsBaseline)

	got, err := f.c.GetBranch(ctx, f.sys.ID, "design-b")
	require.NoError(t, err)
	assert.Equal(t, b.ID, got.ID)
	got, err = f.c.GetBranch(ctx, f.sys.ID, "baseline")
	require.NoError(t, err)
	assert.Equal(t, f.baseline.ID, got.ID, "the baseline is found by name")
	_, err = f.c.GetBranch(ctx, f.sys.ID, "design-z")
	require.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), `"design-z"`)

	c2, err := f.c.CreateBranch(ctx, f.sys.ID, "design-c", b)
	require.NoError(t, err)
	assert.Equal(t, b.SnapshotID, c2.SnapshotID)

	list, err := f.c.ListBranches(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"design-b", "design-c"}, pluck(list, tagName), "the baseline is left out by default")
	list, err = f.c.ListBranches(ctx, f.sys.ID, &ListBranchesParams{IncludeBaseline: true})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"baseline", "design-b", "design-c"}, pluck(list, tagName))

	_, err = f.c.ArchiveTag(ctx, c2.ID)
	require.NoError(t, err)
	list, err = f.c.ListBranches(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"design-b"}, pluck(list, tagName), "no filter sent: the registry answers the active tags")
	list, err = f.c.ListBranches(ctx, f.sys.ID, &ListBranchesParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusArchived)})
	require.NoError(t, err)
	assert.Equal(t, []string{"design-c"}, pluck(list, tagName))
}

func TestBranchListWalksEveryPage(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	var want []string
	for i := range 103 {
		want = append(want, "b"+strconv.Itoa(i))
		f.branch(t, want[i])
	}
	f.srv.ResetRequests()
	list, err := f.c.ListBranches(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.ElementsMatch(t, want, pluck(list, tagName))
	reqs := f.srv.RequestsFor("list_tags")
	require.Len(t, reqs, 2, "104 tags at 100 a page")
	for _, r := range reqs {
		assert.Contains(t, r.RawQuery, "size=100")
		assert.Contains(t, r.RawQuery, "system_id="+f.sys.ID)
		assert.NotContains(t, r.RawQuery, "archive_status")
	}
	got, err := f.c.GetBranch(ctx, f.sys.ID, "b102")
	require.NoError(t, err, "a branch on the second page is found")
	assert.Equal(t, "b102", got.Tag)
}

func TestBranchCreateGuards(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	f.srv.ResetRequests()
	for _, tc := range []struct {
		field string
		call  func() error
	}{
		{"name", func() error { _, err := f.c.CreateBranch(ctx, f.sys.ID, "baseline", nil); return err }},
		{"name", func() error { _, err := f.c.CreateBranch(ctx, f.sys.ID, "", nil); return err }},
		{"system_id", func() error { _, err := f.c.CreateBranch(ctx, "", "x", nil); return err }},
		{"from.snapshot_id", func() error { _, err := f.c.CreateBranch(ctx, f.sys.ID, "x", &types.SnapshotTag{}); return err }},
		{"system_id", func() error { _, err := f.c.GetBranch(ctx, "", "x"); return err }},
		{"name", func() error { _, err := f.c.GetBranch(ctx, f.sys.ID, ""); return err }},
	} {
		var ve *ValidationError
		require.ErrorAs(t, tc.call(), &ve)
		assert.Equal(t, tc.field, ve.Field)
	}
	assert.Empty(t, f.srv.Requests(), "guards send nothing")

	_, err := f.c.CreateBranch(ctx, f.sys.ID, "baseline", nil)
	assert.ErrorContains(t, err, "'baseline' is a reserved branch name")

	// A system without a baseline has nothing to branch from.
	bare, err := f.c.CreateSystem(ctx, &types.NewSystem{Name: "bare", Description: "no baseline"})
	require.NoError(t, err)
	_, err = f.c.CreateBranch(ctx, bare.ID, "x", nil)
	require.ErrorIs(t, err, ErrNotFound)
	assert.ErrorContains(t, err, "no baseline snapshot exists")
}

func TestRollbackBySteps(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	s0 := b.SnapshotID
	b1, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.NoError(t, err)
	b2, err := f.c.RemoveFromBranch(ctx, f.sys.ID, b1, []BranchRevision{{RevisionID: f.engine.RevisionID}}, nil)
	require.NoError(t, err)
	s1, s2 := b1.SnapshotID, b2.SnapshotID
	require.NotEqual(t, s1, s2)

	history, err := f.c.BranchHistory(ctx, b)
	require.NoError(t, err)
	assert.Equal(t, []string{s2, s1, s0}, pluck(history, historySnapshot), "newest first, [0] is current")

	f.srv.ResetRequests()
	_, err = f.c.RollbackBranch(ctx, b, 3)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "steps", ve.Field)
	assert.ErrorContains(t, err, `"design-b" only has 3 commit(s)`)
	assert.NotContains(t, opIDs(f.srv), "update_tag")
	_, err = f.c.RollbackBranch(ctx, b, 0)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "steps", ve.Field)

	// The stale copy b (still at s0) does not matter: rollback counts from the branch as it is now.
	back, err := f.c.RollbackBranch(ctx, b, 2)
	require.NoError(t, err)
	assert.Equal(t, s0, back.SnapshotID, "two steps back from s2 is s0")
	assert.Equal(t, map[string]string{f.wing.FileID: f.wing.RevisionID, f.engine.FileID: f.engine.RevisionID}, f.files(t, back))

	back, err = f.c.RollbackBranch(ctx, b, 1)
	require.NoError(t, err)
	assert.Equal(t, s2, back.SnapshotID, "the rollback was recorded, so one step back undoes it")
	history, err = f.c.BranchHistory(ctx, b)
	require.NoError(t, err)
	assert.Equal(t, []string{s2, s0, s2, s1, s0}, pluck(history, historySnapshot))
}

func TestMergeBranch(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	stale := *b
	moved, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.NoError(t, err)

	f.srv.ResetRequests()
	base, err := f.c.MergeBranch(ctx, &stale, f.baseline)
	require.NoError(t, err)
	assert.Equal(t, []string{"get_tag", "update_tag"}, opIDs(f.srv))
	assert.Equal(t, f.baseline.ID, base.ID)
	assert.Equal(t, moved.SnapshotID, base.SnapshotID, "the stale copy of from is re-read")
	bl, err := f.c.GetSystemBaseline(ctx, f.sys.ID)
	require.NoError(t, err)
	assert.Equal(t, moved.SnapshotID, bl.SnapshotID, "merging into the baseline promotes the branch")

	noRequest(t, "to", func(ctx context.Context, c *Client) error { _, err := c.MergeBranch(ctx, b, nil); return err })
	noRequest(t, "from.id", func(ctx context.Context, c *Client) error {
		_, err := c.MergeBranch(ctx, &types.SnapshotTag{}, b)
		return err
	})
}

func TestBranchValidationSendsNothing(t *testing.T) {
	b := &types.SnapshotTag{ID: "t1", Tag: "design-b", SnapshotID: "s1"}
	for _, tc := range []struct {
		field string
		call  func(ctx context.Context, c *Client) error
	}{
		{"branch.id", func(ctx context.Context, c *Client) error {
			_, err := c.RollbackBranch(ctx, &types.SnapshotTag{}, 1)
			return err
		}},
		{"steps", func(ctx context.Context, c *Client) error { _, err := c.RollbackBranch(ctx, b, -1); return err }},
		{"branch", func(ctx context.Context, c *Client) error { _, err := c.BranchHistory(ctx, nil); return err }},
		{"branch.snapshot_id", func(ctx context.Context, c *Client) error {
			_, err := c.ListBranchRevisions(ctx, &types.SnapshotTag{ID: "t"}, nil)
			return err
		}},
		{"branch", func(ctx context.Context, c *Client) error { _, err := c.ListBranchSubsystems(ctx, nil); return err }},
		{"archive_status", func(ctx context.Context, c *Client) error {
			_, err := c.ListBranches(ctx, "sys", &ListBranchesParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatus("active"))})
			return err
		}},
	} {
		noRequest(t, tc.field, tc.call)
	}
}

// pluck maps items to one string each, in order.
func pluck[T any](items []T, f func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, f(it))
	}
	return out
}

func tagName(t types.SnapshotTag) string                 { return t.Tag }
func historySnapshot(e types.SnapshotTagRevision) string { return e.SnapshotID }
