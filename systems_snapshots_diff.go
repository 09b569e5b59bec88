package istari

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/istari-sdk/istari-go/types"
)

// LatestSnapshot returns the newest snapshot of a configuration (Go-only; Python lists snapshots filtered by
// configuration_id and sorted by "-created"). CreateConfiguration takes the first snapshot itself, so this is
// how to learn its id, and how to find the snapshot that stands for the configuration after CreateSnapshot
// answered NoOp. A configuration with no snapshot is ErrNotFound.
func (c *Client) LatestSnapshot(ctx context.Context, configurationID string) (*types.Snapshot, error) {
	if configurationID == "" {
		return nil, newValidationError("configuration_id", "required", "", "")
	}
	page, err := c.ListSnapshots(ctx, &ListSnapshotsParams{ConfigurationID: &configurationID,
		PageOptions: PageOptions{Size: 1}, Sort: Ptr("-created")})
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 {
		return nil, fmt.Errorf("istari: configuration %s has no snapshot: %w", configurationID, ErrNotFound)
	}
	return &page.Items[0], nil
}

// DiffSnapshots reports the file revisions that differ between snapshot a (the older) and snapshot b
// (Go-only, composed from two ListSnapshotRevisions walks; Python compares two list_snapshot_revisions results
// by hand): Added are pinned only by b, Removed only by a, and Changed are files pinned by both at different
// revisions. A file is keyed by its id (by its revision id when the registry sends none).
func (c *Client) DiffSnapshots(ctx context.Context, a, b string) (*types.SnapshotDiff, error) {
	if a == "" || b == "" {
		field := "a"
		if a != "" {
			field = "b"
		}
		return nil, newValidationError(field, "required", "", "a snapshot id is required")
	}
	from, err := c.revisionsByFile(ctx, a)
	if err != nil {
		return nil, err
	}
	to, err := c.revisionsByFile(ctx, b)
	if err != nil {
		return nil, err
	}
	d := &types.SnapshotDiff{From: a, To: b}
	for key, rev := range to {
		old, ok := from[key]
		switch {
		case !ok:
			d.Added = append(d.Added, rev)
		case old.RevisionID != rev.RevisionID:
			d.Changed = append(d.Changed, types.SnapshotRevisionChange{FileID: key, From: old, To: rev})
		}
	}
	for key, rev := range from {
		if _, ok := to[key]; !ok {
			d.Removed = append(d.Removed, rev)
		}
	}
	byFile := func(x, y types.SnapshotRevisionSearchItem) int { return cmp.Compare(fileKey(x), fileKey(y)) }
	slices.SortFunc(d.Added, byFile)
	slices.SortFunc(d.Removed, byFile)
	slices.SortFunc(d.Changed, func(x, y types.SnapshotRevisionChange) int { return cmp.Compare(x.FileID, y.FileID) })
	return d, nil
}

// revisionsByFile maps file id to the revision a snapshot pins, walking every page.
func (c *Client) revisionsByFile(ctx context.Context, snapshotID string) (map[string]types.SnapshotRevisionSearchItem, error) {
	revs, err := c.snapshotRevisions(ctx, snapshotID, &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: 100}})
	if err != nil {
		return nil, err
	}
	out := make(map[string]types.SnapshotRevisionSearchItem, len(revs))
	for _, rev := range revs {
		out[fileKey(rev)] = rev
	}
	return out, nil
}

// fileKey is the file id of a pinned revision, or its revision id when the registry sends no file id.
func fileKey(r types.SnapshotRevisionSearchItem) string {
	if r.FileID != nil && *r.FileID != "" {
		return *r.FileID
	}
	return r.RevisionID
}
