package istari

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

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
	assert.Equal(t, []string{"wing.json"}, slices.Sorted(maps.Keys(base.Files)))

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
