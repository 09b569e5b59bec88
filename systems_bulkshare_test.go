package istari

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

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
	assert.ElementsMatch(t, []string{f.wing.ModelID, f.engine.ModelID, f.tail.ModelID}, pluck(rels, relResource), "the newest snapshot of the branch's configuration")

	carol := f.srv.AddUser("carol")
	rels, err = f.c.BulkShareSystem(ctx, f.sys.ID, carol.ID, enums.BulkSharingAccessRelationViewer)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{f.wing.ModelID, f.engine.ModelID}, pluck(rels, relResource), "the baseline snapshot")
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

func relResource(r types.AccessRelationship) string { return r.ResourceID }
