package istari

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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
	assert.ElementsMatch(t, []string{"design-b", "design-c"}, tagNames(list), "the baseline is left out by default")
	list, err = f.c.ListBranches(ctx, f.sys.ID, &ListBranchesParams{IncludeBaseline: true})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"baseline", "design-b", "design-c"}, tagNames(list))

	_, err = f.c.ArchiveTag(ctx, c2.ID)
	require.NoError(t, err)
	list, err = f.c.ListBranches(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"design-b"}, tagNames(list), "no filter sent: the registry answers the active tags")
	list, err = f.c.ListBranches(ctx, f.sys.ID, &ListBranchesParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusArchived)})
	require.NoError(t, err)
	assert.Equal(t, []string{"design-c"}, tagNames(list))
}

func TestBranchListWalksEveryPage(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	var want []string
	for i := range 103 {
		want = append(want, "b"+itoa(i))
		f.branch(t, want[i])
	}
	f.srv.ResetRequests()
	list, err := f.c.ListBranches(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.ElementsMatch(t, want, tagNames(list))
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

func TestCommitAddRemoveChangesRevisionsExactly(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	before := f.files(t, b)
	require.Equal(t, map[string]string{f.wing.FileID: f.wing.RevisionID, f.engine.FileID: f.engine.RevisionID}, before)

	items, err := f.c.ListBranchRevisions(ctx, b, &ListSnapshotRevisionsParams{Name: []string{"engine.csv"}})
	require.NoError(t, err)
	require.Len(t, items, 1)

	f.srv.ResetRequests()
	moved, err := f.c.CommitToBranch(ctx, f.sys.ID, b, BranchChange{
		Add:    []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}},
		Remove: []BranchRevision{BranchRevisionFromSnapshotRevision(&items[0])},
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"get_tag", "get_snapshot", "list_tracked_files", "list_configuration_subsystems",
		"create_configuration", "list_snapshots", "update_tag"}, opIDs(f.srv))
	assert.Equal(t, b.ID, moved.ID)
	assert.NotEqual(t, b.SnapshotID, moved.SnapshotID)
	assert.Equal(t, map[string]string{f.wing.FileID: f.wing.RevisionID, f.tail.FileID: f.tail.RevisionID}, f.files(t, moved),
		"exactly: wing kept, engine removed, tail added")

	base, err := f.c.GetTag(ctx, f.baseline.ID)
	require.NoError(t, err)
	assert.Equal(t, f.baseline.SnapshotID, base.SnapshotID, "the baseline did not move")
	assert.Equal(t, before, f.files(t, base))

	names := f.configs(t, enums.ArchiveStatusActive)
	require.Len(t, names, 2)
	assert.Regexp(t, regexp.MustCompile(`^design-b-\d{14}$`), names[1])

	// A newer revision of a tracked file replaces its entry rather than adding a second one.
	v2 := f.srv.SeedRevision(f.srv.Owner(), f.wing.FileID, "wing.json", []byte(`{"span": 31}`))
	moved, err = f.c.AddToBranch(ctx, f.sys.ID, moved, []BranchRevision{{FileID: f.wing.FileID, RevisionID: v2}}, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{f.wing.FileID: v2, f.tail.FileID: f.tail.RevisionID}, f.files(t, moved))

	// RemoveFromBranch drops a file by a FileRevision; the LATEST-free branch keeps the rest.
	moved, err = f.c.RemoveFromBranch(ctx, f.sys.ID, moved, []BranchRevision{BranchRevisionFromFileRevision(&types.FileRevision{ID: f.tail.RevisionID, FileID: &f.tail.FileID})}, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{f.wing.FileID: v2}, f.files(t, moved))
}

func TestCommitRemovesLatestEntryByCurrentRevision(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	// engine is tracked LATEST: its pinned id is null, so only its current revision can match.
	moved, err := f.c.RemoveFromBranch(ctx, f.sys.ID, b, []BranchRevision{{RevisionID: f.engine.RevisionID}}, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{f.wing.FileID: f.wing.RevisionID}, f.files(t, moved))
}

func TestCommitRefusesWhatItCannotDo(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	before := len(f.configs(t, enums.ArchiveStatusAll))

	_, err := f.c.RemoveFromBranch(ctx, f.sys.ID, b, []BranchRevision{{RevisionID: f.tail.RevisionID}}, nil)
	require.ErrorIs(t, err, ErrNotFound, "removing a revision the branch does not track")
	_, err = f.c.RemoveFromBranch(ctx, f.sys.ID, b, nil, []types.SubsystemLink{{System: *f.sys}})
	require.ErrorIs(t, err, ErrNotFound, "removing a system the branch does not track")

	f.srv.ResetRequests()
	_, err = f.c.RemoveFromBranch(ctx, f.sys.ID, b, []BranchRevision{{RevisionID: f.wing.RevisionID}, {RevisionID: f.engine.RevisionID}}, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve, "an empty configuration is refused before it is sent")
	assert.Equal(t, "remove", ve.Field)
	assert.NotContains(t, opIDs(f.srv), "create_configuration")

	assert.Len(t, f.configs(t, enums.ArchiveStatusAll), before, "nothing was written")
	cur, err := f.c.GetTag(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, b.SnapshotID, cur.SnapshotID)
}

func TestCommitAndRollbackOnBaselineSendNothing(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	f.srv.ResetRequests()
	add := []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}
	for name, call := range map[string]func() error{
		"commit":   func() error { _, err := f.c.AddToBranch(ctx, f.sys.ID, f.baseline, add, nil); return err },
		"remove":   func() error { _, err := f.c.RemoveFromBranch(ctx, f.sys.ID, f.baseline, add, nil); return err },
		"rollback": func() error { _, err := f.c.RollbackBranch(ctx, f.baseline, 1); return err },
		"by name only": func() error {
			_, err := f.c.CommitToBranch(ctx, f.sys.ID, &types.SnapshotTag{ID: f.baseline.ID, Tag: "baseline"}, BranchChange{Add: add})
			return err
		},
	} {
		var ve *ValidationError
		require.ErrorAs(t, call(), &ve, name)
		assert.Equal(t, "branch", ve.Field, name)
		assert.Equal(t, "baseline", ve.Rule, name)
	}
	assert.Empty(t, f.srv.Requests(), "the baseline guards send nothing")

	// A copy that hides the baseline flag is caught when the tag is re-read: nothing is written.
	_, err := f.c.CommitToBranch(ctx, f.sys.ID, &types.SnapshotTag{ID: f.baseline.ID, Tag: "renamed"}, BranchChange{Add: add})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	_, err = f.c.RollbackBranch(ctx, &types.SnapshotTag{ID: f.baseline.ID, Tag: "renamed"}, 1)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"get_tag", "get_tag"}, opIDs(f.srv))
}

func TestCommitFailureArchivesOrphanConfiguration(t *testing.T) {
	for _, failing := range []string{"list_snapshots", "update_tag"} {
		t.Run(failing, func(t *testing.T) {
			ctx := context.Background()
			f := newBranchFixture(t)
			b := f.branch(t, "design-b")
			f.srv.InjectFault(istaritest.Fault{Op: failing, Status: 503})
			f.srv.ResetRequests()
			_, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr, "the original error is returned")
			assert.Equal(t, failing, apiErr.OperationID)
			assert.Equal(t, 503, apiErr.StatusCode)
			assert.Contains(t, opIDs(f.srv), "archive_configuration")

			assert.Equal(t, []string{"v1"}, f.configs(t, enums.ArchiveStatusActive), "no active orphan")
			archived := f.configs(t, enums.ArchiveStatusArchived)
			require.Len(t, archived, 1)
			assert.True(t, strings.HasPrefix(archived[0], "design-b-"))
			cur, err := f.c.GetTag(ctx, b.ID)
			require.NoError(t, err)
			assert.Equal(t, b.SnapshotID, cur.SnapshotID, "the branch did not move")
		})
	}
}

func TestCommitFailureOfConfigurationStepWritesNothing(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	f.srv.InjectFault(istaritest.Fault{Op: "create_configuration", Status: 500})
	_, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, []string{"v1"}, f.configs(t, enums.ArchiveStatusAll))
	assert.Empty(t, f.srv.RequestsFor("update_tag"))
}

func TestCommitCancelledStillArchivesOrphan(t *testing.T) {
	f := newBranchFixture(t)
	b := f.branch(t, "design-b")
	f.srv.InjectFault(istaritest.Fault{Op: "update_tag", Latency: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, []string{"v1"}, f.configs(t, enums.ArchiveStatusActive), "the orphan is archived after the caller gave up")
	assert.Len(t, f.configs(t, enums.ArchiveStatusArchived), 1)
}

func TestCommitCarriesSubsystemsForward(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	child, err := f.c.CreateSystem(ctx, &types.NewSystem{Name: "Engine", Description: "child"})
	require.NoError(t, err)
	childCfg, err := f.c.CreateConfiguration(ctx, child.ID, &types.NewSystemConfiguration{Name: "c1",
		TrackedFiles: []types.NewTrackedFile{{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: f.engine.FileID}}})
	require.NoError(t, err)
	childTag, err := f.c.CreateTag(ctx, newestSnapshot(t, f.c, childCfg.ID).ID, &types.NewSnapshotTag{Tag: "rev-a"})
	require.NoError(t, err)

	b := f.branch(t, "design-b")
	b, err = f.c.AddToBranch(ctx, f.sys.ID, b, nil, []types.SubsystemLink{{System: *child, Tag: childTag}})
	require.NoError(t, err)
	subs, err := f.c.ListBranchSubsystems(ctx, b)
	require.NoError(t, err)
	require.Len(t, subs, 1)
	assert.Equal(t, child.ID, subs[0].SystemID)
	assert.Equal(t, childTag.ID, deref(subs[0].TagID))

	// A file-only commit keeps the child system.
	b, err = f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.NoError(t, err)
	subs, err = f.c.ListBranchSubsystems(ctx, b)
	require.NoError(t, err)
	require.Len(t, subs, 1, "subsystems are carried forward")
	assert.Equal(t, childTag.ID, deref(subs[0].TagID))

	b, err = f.c.RemoveFromBranch(ctx, f.sys.ID, b, nil, []types.SubsystemLink{{System: *child}})
	require.NoError(t, err)
	subs, err = f.c.ListBranchSubsystems(ctx, b)
	require.NoError(t, err)
	assert.Empty(t, subs)
	assert.Len(t, f.files(t, b), 3, "removing a system keeps the files")
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
	assert.Equal(t, []string{s2, s1, s0}, historyIDs(history), "newest first, [0] is current")

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
	assert.Equal(t, []string{s2, s0, s2, s1, s0}, historyIDs(history))
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

func TestBulkShareSnapshotGrantsExactlyTheSnapshot(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	bob := f.srv.AddUser("bob")
	asBob := sysClientFor(t, f.srv, bob.Token)
	outside := f.srv.SeedModel(f.srv.Owner(), "secret.json", []byte(`{"classified": true}`))

	rels, err := f.c.BulkShareSnapshot(ctx, f.sys.ID, "", bob.ID, "Viewer")
	require.NoError(t, err)
	var shared []string
	for _, r := range rels {
		assert.Equal(t, enums.AccessRelationViewer, r.Relation)
		assert.Equal(t, enums.AccessResourceTypeModel, r.ResourceType)
		assert.Equal(t, bob.ID, r.SubjectID)
		shared = append(shared, r.ResourceID)
	}
	assert.ElementsMatch(t, []string{f.wing.ModelID, f.engine.ModelID}, shared)
	require.Len(t, f.srv.RequestsFor("bulk_create_access"), 1, "one bulk call")

	for _, m := range []istaritest.SeededFile{f.wing, f.engine} {
		model, err := asBob.GetModel(ctx, m.ModelID)
		require.NoError(t, err, "bob reads every model of the snapshot")
		_, err = asBob.ReadBytes(ctx, model.File.Revision().ContentToken())
		require.NoError(t, err)
	}
	for _, id := range []string{outside.ModelID, f.tail.ModelID} {
		_, err = asBob.GetModel(ctx, id)
		require.ErrorIs(t, err, ErrNotFound, "bob sees nothing outside the snapshot")
	}
	_, err = asBob.GetSystem(ctx, f.sys.ID)
	require.ErrorIs(t, err, ErrNotFound, "the system itself is not shared")
	_, err = asBob.ListSnapshotRevisions(ctx, f.baseline.SnapshotID, nil)
	require.ErrorIs(t, err, ErrNotFound)
	_, err = asBob.ArchiveModel(ctx, f.wing.ModelID, nil)
	require.ErrorIs(t, err, ErrForbidden, "viewer, not owner")
}

func TestBulkShareConfigurationAndSystem(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	bob := f.srv.AddUser("bob")
	b := f.branch(t, "design-b")
	b, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.NoError(t, err)
	snap, err := f.c.GetSnapshot(ctx, b.SnapshotID)
	require.NoError(t, err)

	rels, err := f.c.BulkShareConfiguration(ctx, snap.ConfigurationID, bob.ID, enums.BulkSharingAccessRelationEditor)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{f.wing.ModelID, f.engine.ModelID, f.tail.ModelID}, relIDs(rels), "the newest snapshot of the branch's configuration")

	carol := f.srv.AddUser("carol")
	rels, err = f.c.BulkShareSystem(ctx, f.sys.ID, carol.ID, enums.BulkSharingAccessRelationViewer)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{f.wing.ModelID, f.engine.ModelID}, relIDs(rels), "the baseline snapshot")
	asCarol := sysClientFor(t, f.srv, carol.Token)
	_, err = asCarol.GetModel(ctx, f.tail.ModelID)
	require.ErrorIs(t, err, ErrNotFound)

	_, err = f.c.BulkShareConfiguration(ctx, "no-such-configuration", bob.ID, enums.BulkSharingAccessRelationViewer)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestBulkShareSnapshotWithoutResourcesSendsNoBulkRequest(t *testing.T) {
	ctx := context.Background()
	c, srv := sysFakeClient(t)
	bob := srv.AddUser("bob")
	file, err := c.AddFileFromReader(ctx, "notes.txt", strings.NewReader("plain file"), nil)
	require.NoError(t, err)
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "plain", Description: "files only"})
	require.NoError(t, err)
	cfg, err := c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "v1",
		TrackedFiles: []types.NewTrackedFile{{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: file.ID}}})
	require.NoError(t, err)
	rels, err := c.BulkShareSnapshot(ctx, sys.ID, newestSnapshot(t, c, cfg.ID).ID, bob.ID, enums.BulkSharingAccessRelationViewer)
	require.NoError(t, err)
	assert.Empty(t, rels)
	assert.NotNil(t, rels)
	assert.Empty(t, srv.RequestsFor("bulk_create_access"))
}

func TestBulkShareGuards(t *testing.T) {
	for _, tc := range []struct {
		field string
		call  func(ctx context.Context, c *Client) error
	}{
		{"relation", func(ctx context.Context, c *Client) error {
			_, err := c.BulkShareSnapshot(ctx, "s", "snap", "u", enums.BulkSharingAccessRelation(enums.AccessRelationExecutor))
			return err
		}},
		{"relation", func(ctx context.Context, c *Client) error { _, err := c.BulkShareSystem(ctx, "s", "u", ""); return err }},
		{"subject_id", func(ctx context.Context, c *Client) error {
			_, err := c.BulkShareConfiguration(ctx, "cfg", "", enums.BulkSharingAccessRelationViewer)
			return err
		}},
		{"configuration_id", func(ctx context.Context, c *Client) error {
			_, err := c.BulkShareConfiguration(ctx, "", "u", enums.BulkSharingAccessRelationViewer)
			return err
		}},
		{"system_id", func(ctx context.Context, c *Client) error {
			_, err := c.BulkShareSnapshot(ctx, "", "", "u", enums.BulkSharingAccessRelationViewer)
			return err
		}},
		{"system_id", func(ctx context.Context, c *Client) error {
			_, err := c.BulkShareSystem(ctx, "", "u", enums.BulkSharingAccessRelationViewer)
			return err
		}},
	} {
		noRequest(t, tc.field, tc.call)
	}
}

func TestSnapshotFileHelpers(t *testing.T) {
	ctx := context.Background()
	f := newBranchFixture(t)
	page, err := f.c.ListFileRevisionsBySnapshot(ctx, f.sys.ID, "", &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: 1}})
	require.NoError(t, err)
	var ids []string
	for item, err := range page.All(ctx) {
		require.NoError(t, err)
		ids = append(ids, item.RevisionID)
	}
	assert.ElementsMatch(t, []string{f.wing.RevisionID, f.engine.RevisionID}, ids, "the baseline, walked from the returned page")

	b := f.branch(t, "design-b")
	b, err = f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.NoError(t, err)
	page, err = f.c.ListFileRevisionsBySnapshotTag(ctx, b, &ListSnapshotRevisionsParams{Extension: []string{".json"}})
	require.NoError(t, err)
	assert.Equal(t, 2, *page.Total)

	js, err := f.c.JSONFileContentsBySnapshotTag(ctx, f.sys.ID, b)
	require.NoError(t, err)
	assert.Equal(t, SnapshotJSONMetadata{SystemName: f.sys.Name, SystemID: f.sys.ID, SystemSnapshotID: b.SnapshotID,
		SystemSnapshotCreated: js.Metadata.SystemSnapshotCreated}, js.Metadata)
	assert.False(t, js.Metadata.SystemSnapshotCreated.IsZero())
	require.Len(t, js.Files, 2, "engine.csv is not JSON")
	assert.JSONEq(t, `{"span": 30}`, string(js.Files["wing.json"]))
	assert.JSONEq(t, `{"area": 12}`, string(js.Files["tail.json"]))

	base, err := f.c.JSONFileContentsBySnapshot(ctx, f.sys.ID, "")
	require.NoError(t, err)
	assert.Equal(t, f.baseline.SnapshotID, base.Metadata.SystemSnapshotID)
	assert.Equal(t, []string{"wing.json"}, mapKeys(base.Files))

	noRequest(t, "size", func(ctx context.Context, c *Client) error {
		_, err := c.ListFileRevisionsBySnapshot(ctx, "s", "", &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: 101}})
		return err
	})
	noRequest(t, "tag", func(ctx context.Context, c *Client) error {
		_, err := c.ListFileRevisionsBySnapshotTag(ctx, nil, nil)
		return err
	})
	noRequest(t, "system_id", func(ctx context.Context, c *Client) error {
		_, err := c.JSONFileContentsBySnapshot(ctx, "", "snap")
		return err
	})
}

func TestJSONFileContentsRejectsInvalidJSON(t *testing.T) {
	ctx := context.Background()
	c, srv := sysFakeClient(t)
	bad := srv.SeedModel(srv.Owner(), "broken.json", []byte(`{"unterminated": `))
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "s", Description: "d"})
	require.NoError(t, err)
	cfg, err := c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "v1",
		TrackedFiles: []types.NewTrackedFile{{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: bad.FileID}}})
	require.NoError(t, err)
	_, err = c.JSONFileContentsBySnapshot(ctx, sys.ID, newestSnapshot(t, c, cfg.ID).ID)
	require.Error(t, err)
	assert.ErrorContains(t, err, "as JSON")
	_, err = c.JSONFileContentsBySnapshot(ctx, sys.ID, "")
	require.ErrorIs(t, err, ErrNotFound, "no baseline")
}

func TestBranchValidationSendsNothing(t *testing.T) {
	b := &types.SnapshotTag{ID: "t1", Tag: "design-b", SnapshotID: "s1"}
	for _, tc := range []struct {
		field string
		call  func(ctx context.Context, c *Client) error
	}{
		{"change", func(ctx context.Context, c *Client) error {
			_, err := c.CommitToBranch(ctx, "sys", b, BranchChange{})
			return err
		}},
		{"system_id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "", b, []BranchRevision{{FileID: "f", RevisionID: "r"}}, nil)
			return err
		}},
		{"branch", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", nil, []BranchRevision{{FileID: "f", RevisionID: "r"}}, nil)
			return err
		}},
		{"add[0].file_id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", b, []BranchRevision{BranchRevisionFromSnapshotRevision(nil)}, nil)
			return err
		}},
		{"add[1].revision_id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", b, []BranchRevision{{FileID: "f", RevisionID: "r"}, {FileID: "g"}}, nil)
			return err
		}},
		{"add[1].file_id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", b, []BranchRevision{{FileID: "f", RevisionID: "r"}, {FileID: "f", RevisionID: "r2"}}, nil)
			return err
		}},
		{"remove[0].revision_id", func(ctx context.Context, c *Client) error {
			_, err := c.RemoveFromBranch(ctx, "sys", b, []BranchRevision{BranchRevisionFromFileRevision(nil)}, nil)
			return err
		}},
		{"add_subsystems[0].system.id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", b, nil, []types.SubsystemLink{{}})
			return err
		}},
		{"add_subsystems[0].tag.id", func(ctx context.Context, c *Client) error {
			_, err := c.AddToBranch(ctx, "sys", b, nil, []types.SubsystemLink{{System: types.System{ID: "c"}, Tag: &types.SnapshotTag{}}})
			return err
		}},
		{"add_subsystems[1].system.id", func(ctx context.Context, c *Client) error {
			link := types.SubsystemLink{System: types.System{ID: "c"}}
			_, err := c.AddToBranch(ctx, "sys", b, nil, []types.SubsystemLink{link, link})
			return err
		}},
		{"remove_subsystems[0].system.id", func(ctx context.Context, c *Client) error {
			_, err := c.RemoveFromBranch(ctx, "sys", b, nil, []types.SubsystemLink{{}})
			return err
		}},
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

func tagNames(tags []types.SnapshotTag) []string {
	out := []string{}
	for _, t := range tags {
		out = append(out, t.Tag)
	}
	return out
}

func historyIDs(h []types.SnapshotTagRevision) []string {
	out := []string{}
	for _, e := range h {
		out = append(out, e.SnapshotID)
	}
	return out
}

func relIDs(rels []types.AccessRelationship) []string {
	out := []string{}
	for _, r := range rels {
		out = append(out, r.ResourceID)
	}
	return out
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
