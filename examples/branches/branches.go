// This file is the body of the branches example (see main.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/types"
)

// The environment variables naming the second user against a real registry.
const (
	envSecondToken  = "ISTARI_EXAMPLE_SECOND_TOKEN"
	envSecondUserID = "ISTARI_EXAMPLE_SECOND_USER_ID"
)

// demo is the state the steps share: the client, the system and the models by file id.
type demo struct {
	c     *istari.Client
	w     io.Writer
	sys   *types.System
	names map[string]string // file id -> file name
}

// run plays the scenario, writing a short narrative to w.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	d := &demo{c: env.Client, w: w, names: map[string]string{}}

	// 1. Three models; the baseline tracks the first two.
	models := map[string]*types.Model{}
	for _, m := range []struct{ name, content string }{
		{"wing.json", `{"span_m": 30}`},
		{"engine.csv", "parameter,value\nthrust_kN,120\n"},
		{"tail.json", `{"area_m2": 12}`},
	} {
		model, err := d.c.AddModelFromReader(ctx, m.name, strings.NewReader(m.content), nil)
		if err != nil {
			return fmt.Errorf("uploading %s: %w", m.name, err)
		}
		models[m.name] = model
		d.names[model.File.ID] = m.name
	}
	baseline, err := d.newSystem(ctx, models["wing.json"], models["engine.csv"])
	if err != nil {
		return err
	}
	if err := d.printFiles(ctx, "baseline", baseline); err != nil {
		return err
	}

	// 2. A branch from the baseline, and a commit that adds tail.json and removes engine.csv.
	branch, err := d.c.CreateBranch(ctx, d.sys.ID, "design-b", nil)
	if err != nil {
		return fmt.Errorf("creating the branch: %w", err)
	}
	fmt.Fprintf(w, "branched %q from the baseline\n", branch.Tag)
	branch, err = d.c.CommitToBranch(ctx, d.sys.ID, branch, istari.BranchChange{
		Add:    []istari.BranchRevision{istari.BranchRevisionFromFileRevision(models["tail.json"].File.Revision())},
		Remove: []istari.BranchRevision{istari.BranchRevisionFromFileRevision(models["engine.csv"].File.Revision())},
	})
	if err != nil {
		return fmt.Errorf("committing to the branch: %w", err)
	}
	fmt.Fprintln(w, "commit 1: added tail.json, removed engine.csv")
	if err := d.printFiles(ctx, branch.Tag, branch); err != nil {
		return err
	}

	// 3. A second commit: a new wing revision, pinned on the branch.
	wing2, err := d.c.UpdateModelFromReader(ctx, models["wing.json"].ID, "wing.json", strings.NewReader(`{"span_m": 34}`), nil)
	if err != nil {
		return fmt.Errorf("updating the wing: %w", err)
	}
	branch, err = d.c.AddToBranch(ctx, d.sys.ID, branch, []istari.BranchRevision{istari.BranchRevisionFromFileRevision(wing2.File.Revision())}, nil)
	if err != nil {
		return fmt.Errorf("committing the new wing: %w", err)
	}
	fmt.Fprintln(w, "commit 2: pinned the new revision of wing.json")

	// 4. The branch's history, newest first.
	history, err := d.c.BranchHistory(ctx, branch)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "history of %q (newest first): %d entries\n", branch.Tag, len(history))
	for i, h := range history {
		fmt.Fprintf(w, "  %d: snapshot %s\n", i, h.SnapshotID)
	}

	// 5. Roll the second commit back.
	branch, err = d.c.RollbackBranch(ctx, branch, 1)
	if err != nil {
		return fmt.Errorf("rolling back: %w", err)
	}
	fmt.Fprintf(w, "rolled %q back one commit, to snapshot %s\n", branch.Tag, branch.SnapshotID)
	if err := d.printFiles(ctx, branch.Tag, branch); err != nil {
		return err
	}

	// 6. The baseline cannot be committed to; merge the branch into it instead.
	_, err = d.c.AddToBranch(ctx, d.sys.ID, baseline, []istari.BranchRevision{istari.BranchRevisionFromFileRevision(wing2.File.Revision())}, nil)
	var ve *istari.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("committing to the baseline should fail locally, got %w", err)
	}
	fmt.Fprintf(w, "committing to the baseline is refused: %v\n", err)
	baseline, err = d.c.MergeBranch(ctx, branch, baseline)
	if err != nil {
		return fmt.Errorf("merging: %w", err)
	}
	fmt.Fprintf(w, "merged %q into the baseline, now at snapshot %s\n", branch.Tag, baseline.SnapshotID)
	if err := d.printFiles(ctx, "baseline", baseline); err != nil {
		return err
	}

	// 7. Share the whole baseline snapshot with a second user.
	return d.shareBaseline(ctx, env, baseline, models)
}

// newSystem creates the system, a configuration following the latest revision of each model, and tags the
// configuration's snapshot as the baseline.
func (d *demo) newSystem(ctx context.Context, tracked ...*types.Model) (*types.SnapshotTag, error) {
	stamp := time.Now().UTC().Format("20060102150405")
	sys, err := d.c.CreateSystem(ctx, &types.NewSystem{Name: "Branching demo " + stamp, Description: "branches example"})
	if err != nil {
		return nil, err
	}
	d.sys = sys
	files := make([]types.NewTrackedFile, 0, len(tracked))
	for _, m := range tracked {
		files = append(files, types.NewTrackedFile{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: m.File.ID})
	}
	cfg, err := d.c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "main", TrackedFiles: files})
	if err != nil {
		return nil, err
	}
	// The registry snapshots a new configuration itself: tag its newest snapshot.
	page, err := d.c.ListSnapshots(ctx, &istari.ListSnapshotsParams{ConfigurationID: &cfg.ID,
		PageOptions: istari.PageOptions{Size: 1}, Sort: istari.Ptr("-created")})
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 {
		return nil, errors.New("the new configuration has no snapshot")
	}
	baseline, err := d.c.CreateTag(ctx, page.Items[0].ID, &types.NewSnapshotTag{Tag: istari.BaselineBranch})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(d.w, "system %q with a baseline at snapshot %s\n", sys.Name, baseline.SnapshotID)
	return baseline, nil
}

// printFiles prints the files of the snapshot a branch points at, by name.
func (d *demo) printFiles(ctx context.Context, label string, branch *types.SnapshotTag) error {
	items, err := d.c.ListBranchRevisions(ctx, branch, nil)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(items))
	for _, it := range items {
		n := d.names[deref(it.FileID)]
		if n == "" {
			n = deref(it.Name)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(d.w, "%s files: %s\n", label, strings.Join(names, ", "))
	return nil
}

// shareBaseline gives the second user viewer access to every resource of the baseline snapshot, then shows
// what they can read.
func (d *demo) shareBaseline(ctx context.Context, env *setup.Env, baseline *types.SnapshotTag, models map[string]*types.Model) error {
	token, userID, name := os.Getenv(envSecondToken), os.Getenv(envSecondUserID), os.Getenv(envSecondUserID)
	if env.Fake != nil {
		u := env.Fake.AddUser("bob")
		token, userID, name = u.Token, u.ID, u.Name
	} else if token == "" || userID == "" {
		fmt.Fprintf(d.w, "sharing skipped: set %s and %s to a second user of the registry\n", envSecondToken, envSecondUserID)
		return nil
	}
	other, err := env.ClientWithToken(token)
	if err != nil {
		return err
	}
	rels, err := d.c.BulkShareSnapshot(ctx, d.sys.ID, baseline.SnapshotID, userID, enums.BulkSharingAccessRelationViewer)
	if err != nil {
		return fmt.Errorf("sharing the baseline: %w", err)
	}
	fmt.Fprintf(d.w, "shared %d resource(s) of the baseline with %s as viewer, in one call\n", len(rels), name)

	items, err := d.c.ListBranchRevisions(ctx, baseline, nil)
	if err != nil {
		return err
	}
	inSnapshot := map[string]bool{}
	for _, it := range items {
		content, err := other.ReadText(ctx, it.ContentToken())
		if err != nil {
			return fmt.Errorf("%s reading %s: %w", name, d.names[deref(it.FileID)], err)
		}
		if _, err := other.GetModel(ctx, deref(it.ResourceID)); err != nil {
			return fmt.Errorf("%s reading the model of %s: %w", name, d.names[deref(it.FileID)], err)
		}
		inSnapshot[deref(it.ResourceID)] = true
		fmt.Fprintf(d.w, "  %s reads %s: %s\n", name, d.names[deref(it.FileID)], strings.TrimSpace(content))
	}
	for fileName, m := range models {
		if inSnapshot[m.ID] {
			continue
		}
		_, err := other.GetModel(ctx, m.ID)
		if !errors.Is(err, istari.ErrNotFound) {
			return fmt.Errorf("%s reading %s, outside the snapshot: expected ErrNotFound, got %w", name, fileName, err)
		}
		fmt.Fprintf(d.w, "  %s cannot see %s (not in the snapshot): not found\n", name, fileName)
	}
	if _, err := other.GetSystem(ctx, d.sys.ID); !errors.Is(err, istari.ErrNotFound) {
		return fmt.Errorf("%s reading the system: expected ErrNotFound, got %w", name, err)
	}
	fmt.Fprintf(d.w, "  %s cannot see the system itself: not found\n", name)
	return nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
