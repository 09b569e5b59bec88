package istari

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

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
	f.srv.ResetRequests()
	// update_tag hangs; the caller gives up as soon as it is in flight (the fake records it before the delay).
	f.srv.InjectFault(istaritest.Fault{Op: "update_tag", Latency: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		defer cancel()
		for len(f.srv.RequestsFor("update_tag")) == 0 && ctx.Err() == nil {
			time.Sleep(5 * time.Millisecond)
		}
	}()
	_, err := f.c.AddToBranch(ctx, f.sys.ID, b, []BranchRevision{{FileID: f.tail.FileID, RevisionID: f.tail.RevisionID}}, nil)
	require.ErrorIs(t, err, context.Canceled)
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

func TestCommitValidationSendsNothing(t *testing.T) {
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
	} {
		noRequest(t, tc.field, tc.call)
	}
}
