// This file is the body of the digital-thread example (see main.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/types"
)

// run creates a system and a configuration over two uploaded models, snapshots it, tags the baseline,
// updates a model, snapshots again, and prints the revisions that changed between the two snapshots.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	c := env.Client

	// 1. Two models to track.
	wing, err := c.AddModelFromReader(ctx, "wing.json", strings.NewReader(`{"span_m": 30, "sweep_deg": 25}`),
		&istari.UploadOptions{Description: istari.Ptr("wing geometry")})
	if err != nil {
		return fmt.Errorf("uploading the wing: %w", err)
	}
	engine, err := c.AddModelFromReader(ctx, "engine.csv", strings.NewReader("parameter,value\nthrust_kN,120\n"),
		&istari.UploadOptions{Description: istari.Ptr("engine deck")})
	if err != nil {
		return fmt.Errorf("uploading the engine: %w", err)
	}
	names := map[string]string{wing.File.ID: "wing.json", engine.File.ID: "engine.csv"}
	fmt.Fprintf(w, "uploaded models %s (wing.json) and %s (engine.csv)\n", wing.ID, engine.ID)

	// 2. A system and a configuration that follows the latest revision of both files.
	stamp := time.Now().UTC().Format("20060102150405")
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "Demo aircraft " + stamp, Description: "digital thread example"})
	if err != nil {
		return err
	}
	cfg, err := c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "main", TrackedFiles: []types.NewTrackedFile{
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: wing.File.ID},
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: engine.File.ID},
	}})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "system %q (%s), configuration %q (%s)\n", sys.Name, sys.ID, cfg.Name, cfg.ID)

	// 3. Snapshot. The registry already snapshotted the new configuration, so this is usually a NoOp;
	// either way, the snapshot to tag is the configuration's newest.
	first, err := snapshot(ctx, c, cfg.ID, w)
	if err != nil {
		return err
	}

	// 4. Tag it as the system's baseline.
	tag, err := c.CreateTag(ctx, first.ID, &types.NewSnapshotTag{Tag: "baseline"})
	if err != nil {
		return err
	}
	baseline, err := c.GetSystemBaseline(ctx, sys.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "tagged %s as %q; the system baseline is snapshot %s\n", first.ID, tag.Tag, baseline.SnapshotID)

	// 5. A new revision of the wing.
	if _, err := c.UpdateModelFromReader(ctx, wing.ID, "wing.json", strings.NewReader(`{"span_m": 32, "sweep_deg": 27}`),
		&istari.UploadOptions{VersionName: istari.Ptr("v2")}); err != nil {
		return fmt.Errorf("updating the wing: %w", err)
	}
	fmt.Fprintln(w, "uploaded a new revision of wing.json")

	// 6. Snapshot again: this time something changed.
	second, err := snapshot(ctx, c, cfg.ID, w)
	if err != nil {
		return err
	}
	if second.ID == first.ID {
		return errors.New("the second snapshot did not capture the new revision")
	}

	// 7. The revisions that differ between the two snapshots.
	before, err := revisions(ctx, c, first.ID)
	if err != nil {
		return err
	}
	after, err := revisions(ctx, c, second.ID)
	if err != nil {
		return err
	}
	var changed []string
	for fileID, rev := range after {
		if before[fileID].RevisionID != rev.RevisionID {
			changed = append(changed, fileID)
		}
	}
	sort.Strings(changed)
	fmt.Fprintf(w, "%d file(s) changed between %s and %s:\n", len(changed), first.ID, second.ID)
	for _, fileID := range changed {
		fmt.Fprintf(w, "  %s: revision %s -> %s\n", names[fileID], before[fileID].RevisionID, after[fileID].RevisionID)
	}
	return nil
}

// snapshot snapshots a configuration and returns the snapshot that now represents it: the new one, or
// after a NoOp the newest existing one.
func snapshot(ctx context.Context, c *istari.Client, configurationID string, w io.Writer) (*types.Snapshot, error) {
	res, err := c.CreateSnapshot(ctx, configurationID, nil)
	if err != nil {
		return nil, err
	}
	if res.Snapshot != nil {
		fmt.Fprintf(w, "snapshot %s created\n", res.Snapshot.ID)
		return res.Snapshot, nil
	}
	page, err := c.ListSnapshots(ctx, &istari.ListSnapshotsParams{ConfigurationID: &configurationID,
		PageOptions: istari.PageOptions{Size: 1}, Sort: istari.Ptr("-created")})
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 {
		return nil, errors.New("the configuration has no snapshot")
	}
	fmt.Fprintf(w, "nothing changed since snapshot %s\n", page.Items[0].ID)
	return &page.Items[0], nil
}

// revisions maps file id to the revision a snapshot pins, walking every page.
func revisions(ctx context.Context, c *istari.Client, snapshotID string) (map[string]types.SnapshotRevisionSearchItem, error) {
	out := map[string]types.SnapshotRevisionSearchItem{}
	params := &istari.ListSnapshotRevisionsParams{PageOptions: istari.PageOptions{Size: 100}}
	for item, err := range istari.AllOf(ctx, snapshotID, params, c.ListSnapshotRevisions) {
		if err != nil {
			return nil, err
		}
		key := item.RevisionID
		if item.FileID != nil {
			key = *item.FileID
		}
		out[key] = item
	}
	return out, nil
}
