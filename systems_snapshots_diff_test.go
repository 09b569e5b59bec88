package istari

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

func TestLatestSnapshotAndDiffSnapshotsOnTheFake(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	add := func(name, body string) *types.Model {
		m, err := c.AddModelFromReader(ctx, name, strings.NewReader(body), nil)
		require.NoError(t, err)
		return m
	}
	wing, engine, tail := add("wing.json", `{"v":1}`), add("engine.csv", "a\n1\n"), add("tail.json", `{}`)
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "plane", Description: "diff test"})
	require.NoError(t, err)
	track := func(name string, files ...*types.Model) *types.SystemConfiguration {
		var tf []types.NewTrackedFile
		for _, m := range files {
			tf = append(tf, types.NewTrackedFile{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: m.File.ID})
		}
		cfg, err := c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: name, TrackedFiles: tf})
		require.NoError(t, err)
		return cfg
	}

	// CreateConfiguration snapshots itself: LatestSnapshot names that snapshot, and CreateSnapshot is a NoOp.
	cfg1 := track("one", wing, engine)
	first, err := c.LatestSnapshot(ctx, cfg1.ID)
	require.NoError(t, err)
	assert.Equal(t, cfg1.ID, first.ConfigurationID)
	res, err := c.CreateSnapshot(ctx, cfg1.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, types.SnapshotResultKindNoOp, res.Kind())

	// A second configuration: the wing at a new revision, the engine dropped, the tail added.
	_, err = c.UpdateModelFromReader(ctx, wing.ID, "wing.json", strings.NewReader(`{"v":2}`), nil)
	require.NoError(t, err)
	cfg2 := track("two", wing, tail)
	second, err := c.LatestSnapshot(ctx, cfg2.ID)
	require.NoError(t, err)

	before := len(srv.RequestsFor("list_snapshot_revisions"))
	d, err := c.DiffSnapshots(ctx, first.ID, second.ID)
	require.NoError(t, err)
	assert.Len(t, srv.RequestsFor("list_snapshot_revisions"), before+2, "one walk per snapshot")
	assert.Equal(t, first.ID, d.From)
	assert.Equal(t, second.ID, d.To)
	require.Len(t, d.Added, 1)
	assert.Equal(t, tail.File.ID, *d.Added[0].FileID)
	require.Len(t, d.Removed, 1)
	assert.Equal(t, engine.File.ID, *d.Removed[0].FileID)
	require.Len(t, d.Changed, 1)
	assert.Equal(t, wing.File.ID, d.Changed[0].FileID)
	assert.NotEqual(t, d.Changed[0].From.RevisionID, d.Changed[0].To.RevisionID)

	same, err := c.DiffSnapshots(ctx, second.ID, second.ID)
	require.NoError(t, err)
	assert.Empty(t, same.Added)
	assert.Empty(t, same.Removed)
	assert.Empty(t, same.Changed)
}

func TestDiffSnapshotsAndLatestSnapshotValidateLocally(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	before := len(srv.Requests())
	var ve *ValidationError
	_, err := c.DiffSnapshots(ctx, "snap-1", "")
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "b", ve.Field)
	_, err = c.LatestSnapshot(ctx, "")
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "configuration_id", ve.Field)
	assert.Len(t, srv.Requests(), before)
}
