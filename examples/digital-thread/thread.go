// This file is the body of the digital-thread example (see main.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	diff, err := c.DiffSnapshots(ctx, first.ID, second.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d file(s) changed between %s and %s (%d added, %d removed):\n",
		len(diff.Changed), first.ID, second.ID, len(diff.Added), len(diff.Removed))
	for _, ch := range diff.Changed {
		fmt.Fprintf(w, "  %s: revision %s -> %s\n", names[ch.FileID], ch.From.RevisionID, ch.To.RevisionID)
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
	latest, err := c.LatestSnapshot(ctx, configurationID)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "nothing changed since snapshot %s\n", latest.ID)
	return latest, nil
}
