package istari

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sysFakeClient starts a fake registry and a client for its owner.
func sysFakeClient(t *testing.T) (*Client, *istaritest.Server) {
	t.Helper()
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	return sysClientFor(t, srv, srv.Token()), srv
}

func sysClientFor(t *testing.T, srv *istaritest.Server, token string) *Client {
	t.Helper()
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(token), RetryEnabled: Bool(false)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// threadFixture is a system with a configuration over two seeded models.
type threadFixture struct {
	sys    *types.System
	cfg    *types.SystemConfiguration
	wing   istaritest.SeededFile
	engine istaritest.SeededFile
}

func newThread(t *testing.T, c *Client, srv *istaritest.Server) threadFixture {
	t.Helper()
	ctx := context.Background()
	f := threadFixture{
		wing:   srv.SeedModel(srv.Owner(), "wing.json", []byte(`{"span": 30}`)),
		engine: srv.SeedModel(srv.Owner(), "engine.csv", []byte("thrust,120\n")),
	}
	var err error
	f.sys, err = c.CreateSystem(ctx, &types.NewSystem{Name: "Aircraft", Description: "digital thread demo"})
	require.NoError(t, err)
	f.cfg, err = c.CreateConfiguration(ctx, f.sys.ID, &types.NewSystemConfiguration{Name: "v1", TrackedFiles: []types.NewTrackedFile{
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: f.wing.FileID},
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: f.engine.FileID},
	}})
	require.NoError(t, err)
	return f
}

// newestSnapshot is the newest snapshot of a configuration (the documented way after a NoOp).
func newestSnapshot(t *testing.T, c *Client, cfgID string) types.Snapshot {
	t.Helper()
	page, err := c.ListSnapshots(context.Background(), &ListSnapshotsParams{ConfigurationID: &cfgID, PageOptions: PageOptions{Size: 1}, Sort: Ptr("-created")})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	return page.Items[0]
}

func revisionsByFile(t *testing.T, c *Client, snapshotID string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for item, err := range All(context.Background(), &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: 1}},
		func(ctx context.Context, p *ListSnapshotRevisionsParams) (*Page[types.SnapshotRevisionSearchItem], error) {
			return c.ListSnapshotRevisions(ctx, snapshotID, p)
		}) {
		require.NoError(t, err)
		out[*item.FileID] = item.RevisionID
	}
	return out
}

func TestSnapshotFlowAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)

	// The configuration was snapshotted on creation, so a snapshot now is a NoOp without id.
	res, err := c.CreateSnapshot(ctx, f.cfg.ID, nil)
	require.NoError(t, err)
	require.Equal(t, types.SnapshotResultKindNoOp, res.Kind())
	assert.Contains(t, res.NoOp.Message, "No changes")
	assert.NotContains(t, res.NoOp.Extra, "id")
	first := newestSnapshot(t, c, f.cfg.ID)
	assert.Equal(t, f.cfg.ID, first.ConfigurationID)

	// Baseline tag on the first snapshot.
	base, err := c.CreateTag(ctx, first.ID, &types.NewSnapshotTag{Tag: "baseline"})
	require.NoError(t, err)
	assert.True(t, base.IsBaseline)
	assert.Equal(t, enums.SnapshotTagArchiveStatusActive, base.ArchiveStatus)
	bl, err := c.GetSystemBaseline(ctx, f.sys.ID)
	require.NoError(t, err)
	assert.Equal(t, first.ID, bl.SnapshotID)
	assert.Equal(t, base.ID, bl.TagID)
	sys, err := c.GetSystem(ctx, f.sys.ID)
	require.NoError(t, err)
	require.NotNil(t, sys.BaselineTaggedSnapshotID)
	assert.Equal(t, first.ID, *sys.BaselineTaggedSnapshotID)

	// A second active baseline in the same system is refused.
	_, err = c.CreateTag(ctx, first.ID, &types.NewSnapshotTag{Tag: "baseline"})
	require.ErrorIs(t, err, ErrBadRequest)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "tag baseline already exists in the system", apiErr.Detail)

	// Update one file: a dry run lists the new pin and stores nothing.
	newRev := srv.SeedRevision(srv.Owner(), f.wing.FileID, "wing.json", []byte(`{"span": 32}`))
	dry, err := c.CreateSnapshot(ctx, f.cfg.ID, &types.NewSnapshot{DryRun: Ptr(true)})
	require.NoError(t, err)
	require.Equal(t, types.SnapshotResultKindDryRun, dry.Kind())
	assert.Contains(t, string(dry.DryRun.Extra["items"]), newRev)
	assert.Equal(t, f.cfg.ID, dry.DryRun.ConfigurationID)
	assert.NotEmpty(t, dry.DryRun.SHA)
	assert.Equal(t, srv.Owner().ID, dry.DryRun.CreatedByID)
	assert.False(t, dry.DryRun.Created.IsZero())
	assert.Equal(t, first.ID, newestSnapshot(t, c, f.cfg.ID).ID, "dry run stores nothing")

	res, err = c.CreateSnapshot(ctx, f.cfg.ID, &types.NewSnapshot{})
	require.NoError(t, err)
	require.Equal(t, types.SnapshotResultKindSnapshot, res.Kind())
	second := res.Snapshot
	assert.NotEqual(t, first.SHA, second.SHA)
	assert.Equal(t, second.ID, newestSnapshot(t, c, f.cfg.ID).ID)

	// The revision diff between the snapshots is exactly the updated file.
	before, after := revisionsByFile(t, c, first.ID), revisionsByFile(t, c, second.ID)
	require.Len(t, before, 2)
	require.Len(t, after, 2)
	var changed []string
	for file, rev := range after {
		if before[file] != rev {
			changed = append(changed, file)
		}
	}
	assert.Equal(t, []string{f.wing.FileID}, changed)
	assert.Equal(t, f.wing.RevisionID, before[f.wing.FileID])
	assert.Equal(t, newRev, after[f.wing.FileID])

	// Snapshot items carry the bare revision ids.
	items, err := c.ListSnapshotItems(ctx, second.ID, nil)
	require.NoError(t, err)
	var revIDs []string
	for _, it := range items.Items {
		revIDs = append(revIDs, it.FileRevisionID)
	}
	assert.ElementsMatch(t, []string{newRev, f.engine.RevisionID}, revIDs)

	// Nothing changed since: NoOp again.
	res, err = c.CreateSnapshot(ctx, f.cfg.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, types.SnapshotResultKindNoOp, res.Kind())
}

func TestSnapshotRevisionFiltersAndResourceType(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)
	snap := newestSnapshot(t, c, f.cfg.ID)

	page, err := c.ListSnapshotRevisions(ctx, snap.ID, &ListSnapshotRevisionsParams{Extension: []string{".json"}})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	item := page.Items[0]
	assert.Equal(t, f.wing.RevisionID, item.RevisionID)
	assert.Equal(t, "Model", *item.ResourceType)
	assert.Equal(t, f.wing.ModelID, *item.ResourceID)
	assert.Equal(t, int64(len(`{"span": 30}`)), *item.Size)
	require.NoError(t, item.ContentToken().Verify(strings.NewReader(`{"span": 30}`)), "the seeded token matches the content")

	page, err = c.ListSnapshotRevisions(ctx, snap.ID, &ListSnapshotRevisionsParams{Name: []string{"engine.csv", "nope"}})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, f.engine.RevisionID, page.Items[0].RevisionID)

	page, err = c.ListSnapshotRevisions(ctx, snap.ID, &ListSnapshotRevisionsParams{Extension: []string{".step"}})
	require.NoError(t, err)
	assert.Empty(t, page.Items)
}

func TestTagMoveHistoryAndArchive(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)
	first := newestSnapshot(t, c, f.cfg.ID)
	srv.SeedRevision(srv.Owner(), f.engine.FileID, "engine.csv", []byte("thrust,130\n"))
	res, err := c.CreateSnapshot(ctx, f.cfg.ID, nil)
	require.NoError(t, err)
	second := res.Snapshot
	require.NotNil(t, second)

	tag, err := c.CreateTag(ctx, first.ID, &types.NewSnapshotTag{Tag: "release"})
	require.NoError(t, err)
	assert.False(t, tag.IsBaseline)
	moved, err := c.UpdateTag(ctx, tag.ID, &types.UpdateTag{SnapshotID: second.ID})
	require.NoError(t, err)
	assert.Equal(t, second.ID, moved.SnapshotID)
	got, err := c.GetTag(ctx, tag.ID)
	require.NoError(t, err)
	assert.Equal(t, second.ID, got.SnapshotID)

	hist, err := c.GetTagHistory(ctx, tag.ID)
	require.NoError(t, err)
	require.Len(t, hist, 2)
	assert.Equal(t, second.ID, hist[0].SnapshotID, "newest first")
	assert.Equal(t, first.ID, hist[1].SnapshotID)

	// Snapshots by tag name, tags by snapshot.
	snaps, err := c.ListSnapshots(ctx, &ListSnapshotsParams{Tag: Ptr("release")})
	require.NoError(t, err)
	require.Len(t, snaps.Items, 1)
	assert.Equal(t, second.ID, snaps.Items[0].ID)
	tags, err := c.ListTags(ctx, &ListTagsParams{SnapshotID: &second.ID})
	require.NoError(t, err)
	require.Len(t, tags.Items, 1)

	// Archive (no body) hides it from the default ACTIVE list; ARCHIVED shows it; restore brings it back.
	archived, err := c.ArchiveTag(ctx, tag.ID)
	require.NoError(t, err)
	assert.True(t, archived.IsArchived())
	assert.Empty(t, srv.RequestsFor("archive_tag")[0].Body)
	tags, err = c.ListTags(ctx, &ListTagsParams{SystemID: &f.sys.ID})
	require.NoError(t, err)
	assert.Empty(t, tags.Items)
	tags, err = c.ListTags(ctx, &ListTagsParams{SystemID: &f.sys.ID, ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusArchived)})
	require.NoError(t, err)
	require.Len(t, tags.Items, 1)
	assert.Equal(t, "archive_status=ARCHIVED&system_id="+f.sys.ID, srv.RequestsFor("list_tags")[2].RawQuery)
	restored, err := c.RestoreTag(ctx, tag.ID)
	require.NoError(t, err)
	assert.False(t, restored.IsArchived())

	// A lower-case status is refused locally, with no request.
	n := len(srv.Requests())
	_, err = c.ListTags(ctx, &ListTagsParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatus("active"))})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "archive_status", ve.Field)
	assert.Len(t, srv.Requests(), n)
}

func TestBaselineArchiveAndRestoreConflict(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)
	snap := newestSnapshot(t, c, f.cfg.ID)
	old, err := c.CreateTag(ctx, snap.ID, &types.NewSnapshotTag{Tag: "baseline"})
	require.NoError(t, err)
	_, err = c.ArchiveTag(ctx, old.ID)
	require.NoError(t, err)
	_, err = c.GetSystemBaseline(ctx, f.sys.ID)
	require.ErrorIs(t, err, ErrNotFound)
	// With the old one archived, a new baseline is allowed; restoring the old one then conflicts.
	_, err = c.CreateTag(ctx, snap.ID, &types.NewSnapshotTag{Tag: "baseline"})
	require.NoError(t, err)
	_, err = c.RestoreTag(ctx, old.ID)
	require.ErrorIs(t, err, ErrBadRequest)
}

func TestConfigurationRulesAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)

	_, err := c.CreateConfiguration(ctx, f.sys.ID, &types.NewSystemConfiguration{Name: "empty"})
	require.ErrorIs(t, err, ErrBadRequest)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Configuration must have at least one tracked file", apiErr.Detail)

	// A LOCKED file keeps its pinned revision when the file moves on; LATEST follows.
	locked, err := c.CreateConfiguration(ctx, f.sys.ID, &types.NewSystemConfiguration{Name: "locked", TrackedFiles: []types.NewTrackedFile{
		{SpecifierType: enums.TrackedFileSpecifierTypeLocked, FileID: f.wing.FileID, PinnedFileRevisionID: &f.wing.RevisionID},
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: f.engine.FileID},
	}})
	require.NoError(t, err)
	rev2 := srv.SeedRevision(srv.Owner(), f.wing.FileID, "wing.json", []byte(`{"span": 31}`))
	res, err := c.CreateSnapshot(ctx, locked.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, types.SnapshotResultKindNoOp, res.Kind(), "only the locked file changed upstream")
	tracked, err := c.ListTrackedFiles(ctx, locked.ID, nil)
	require.NoError(t, err)
	require.Len(t, tracked.Items, 2)
	assert.Equal(t, f.wing.RevisionID, tracked.Items[0].CurrentFileRevisionID)
	assert.Equal(t, f.wing.RevisionID, *tracked.Items[0].PinnedFileRevisionID)
	assert.Nil(t, tracked.Items[1].PinnedFileRevisionID)

	revs, err := c.ListConfigurationRevisions(ctx, f.cfg.ID, nil)
	require.NoError(t, err)
	var ids []string
	for _, r := range revs.Items {
		ids = append(ids, r.RevisionID)
	}
	assert.ElementsMatch(t, []string{rev2, f.engine.RevisionID}, ids, "LATEST follows the current revision")

	// Listing, archive and restore of configurations.
	page, err := c.ListSystemConfigurations(ctx, f.sys.ID, &ListSystemConfigurationsParams{Sort: Ptr("name")})
	require.NoError(t, err)
	require.Len(t, page.Items, 2)
	assert.Equal(t, "locked", page.Items[0].Name)
	arch, err := c.ArchiveConfiguration(ctx, locked.ID, Ptr("superseded"))
	require.NoError(t, err)
	assert.True(t, arch.IsArchived())
	page, err = c.ListSystemConfigurations(ctx, f.sys.ID, nil)
	require.NoError(t, err)
	assert.Len(t, page.Items, 1)
	page, err = c.ListSystemConfigurations(ctx, f.sys.ID, &ListSystemConfigurationsParams{ArchiveStatus: Ptr(enums.ArchiveStatusAll)})
	require.NoError(t, err)
	assert.Len(t, page.Items, 2)
	rest, err := c.RestoreConfiguration(ctx, locked.ID, nil)
	require.NoError(t, err)
	assert.False(t, rest.IsArchived())
}

func TestSubsystemsAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	child := newThread(t, c, srv)
	childSnap := newestSnapshot(t, c, child.cfg.ID)
	tag, err := c.CreateTag(ctx, childSnap.ID, &types.NewSnapshotTag{Tag: "v1"})
	require.NoError(t, err)
	parent, err := c.CreateSystem(ctx, &types.NewSystem{Name: "Fleet", Description: "parent"})
	require.NoError(t, err)
	doc := srv.SeedModel(srv.Owner(), "fleet.md", []byte("# fleet"))
	cfg, err := c.CreateConfiguration(ctx, parent.ID, &types.NewSystemConfiguration{Name: "p1",
		TrackedFiles:   []types.NewTrackedFile{{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: doc.FileID}},
		TrackedSystems: []types.NewTrackedSystem{{SystemID: child.sys.ID, TagID: &tag.ID}}})
	require.NoError(t, err)
	subs, err := c.ListConfigurationSubsystems(ctx, cfg.ID, nil)
	require.NoError(t, err)
	require.Len(t, subs.Items, 1)
	assert.Equal(t, child.sys.ID, subs.Items[0].ID)
	snap := newestSnapshot(t, c, cfg.ID)
	ssubs, err := c.ListSnapshotSubsystems(ctx, snap.ID, nil)
	require.NoError(t, err)
	require.Len(t, ssubs.Items, 1)
	assert.Equal(t, "Aircraft", ssubs.Items[0].SystemName)
	assert.Equal(t, childSnap.ID, *ssubs.Items[0].TaggedSnapshotID)
	got, err := c.GetSnapshot(ctx, snap.ID)
	require.NoError(t, err)
	assert.Equal(t, cfg.ID, got.ConfigurationID)
}

func TestSystemsCRUDAndAccessAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "Rocket", Description: "first"})
	require.NoError(t, err)
	assert.Equal(t, srv.Owner().ID, sys.CreatedByID)

	// UpdateSystem with only a name reads the description first and sends both.
	srv.ResetRequests()
	upd, err := c.UpdateSystem(ctx, sys.ID, Ptr("Rocket Mk2"), nil)
	require.NoError(t, err)
	assert.Equal(t, "Rocket Mk2", upd.Name)
	assert.Equal(t, "first", upd.Description)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "get_system", reqs[0].Op)
	assert.JSONEq(t, `{"name":"Rocket Mk2","description":"first"}`, string(reqs[1].Body))

	// Another user sees nothing until shared; they cannot read the system.
	bob := srv.AddUser("bob")
	bc := sysClientFor(t, srv, bob.Token)
	_, err = bc.GetSystem(ctx, sys.ID)
	require.ErrorIs(t, err, ErrNotFound)
	page, err := bc.ListSystems(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)

	// Filters: mine, archive status.
	page, err = c.ListSystems(ctx, &ListSystemsParams{FilterBy: Ptr(enums.FilterByOwned)})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	_, err = c.ArchiveSystem(ctx, sys.ID, nil)
	require.NoError(t, err)
	page, err = c.ListSystems(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)
	page, err = c.ListSystems(ctx, &ListSystemsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.True(t, page.Items[0].IsArchived())
	restored, err := c.RestoreSystem(ctx, sys.ID, Ptr("back"))
	require.NoError(t, err)
	assert.False(t, restored.IsArchived())
}
