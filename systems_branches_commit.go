package istari

// This file holds the branch commit: Python's System.add_to_branch / remove_from_branch (the legacy commit
// routine) and branches.commit (the newer manager), taking the safer behaviour of each.

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// BranchRevision names one file revision to add to or remove from a branch. Build it with
// BranchRevisionFromFileRevision or BranchRevisionFromSnapshotRevision. Adding needs both ids; removing needs
// only RevisionID.
type BranchRevision struct {
	FileID     string
	RevisionID string
}

// BranchRevisionFromFileRevision is the BranchRevision of a file revision (its id and file id). A nil rev
// gives the zero value, which CommitToBranch rejects.
func BranchRevisionFromFileRevision(rev *types.FileRevision) BranchRevision {
	if rev == nil {
		return BranchRevision{}
	}
	return BranchRevision{FileID: deref(rev.FileID), RevisionID: rev.ID}
}

// BranchRevisionFromSnapshotRevision is the BranchRevision of an item of ListSnapshotRevisions or
// ListBranchRevisions (its revision id and file id). A nil item gives the zero value.
func BranchRevisionFromSnapshotRevision(item *types.SnapshotRevisionSearchItem) BranchRevision {
	if item == nil {
		return BranchRevision{}
	}
	return BranchRevision{FileID: deref(item.FileID), RevisionID: item.RevisionID}
}

// BranchChange is what one commit changes on a branch: revisions pinned or dropped, child systems tracked
// or dropped.
type BranchChange struct {
	// Add pins each revision (LOCKED). A revision of a file the branch already tracks replaces that entry.
	Add []BranchRevision
	// Remove drops the tracked file whose pinned or current revision is each RevisionID.
	Remove []BranchRevision
	// AddSubsystems tracks each child system, pinned to Tag when set (otherwise it follows the child's
	// baseline). A system the branch already tracks is re-pinned.
	AddSubsystems []types.SubsystemLink
	// RemoveSubsystems stops tracking each child system (matched by System.ID).
	RemoveSubsystems []types.SubsystemLink
}

// orphanCleanupTimeout bounds the archive of the configuration of a failed commit.
const orphanCleanupTimeout = 30 * time.Second

// AddToBranch commits revisions and child systems to a branch (Python System.add_to_branch). It is
// CommitToBranch with only additions.
func (c *Client) AddToBranch(ctx context.Context, systemID string, branch *types.SnapshotTag, revisions []BranchRevision, subsystems []types.SubsystemLink) (*types.SnapshotTag, error) {
	return c.CommitToBranch(ctx, systemID, branch, BranchChange{Add: revisions, AddSubsystems: subsystems})
}

// RemoveFromBranch commits the removal of revisions and child systems from a branch (Python
// System.remove_from_branch). It is CommitToBranch with only removals.
func (c *Client) RemoveFromBranch(ctx context.Context, systemID string, branch *types.SnapshotTag, revisions []BranchRevision, subsystems []types.SubsystemLink) (*types.SnapshotTag, error) {
	return c.CommitToBranch(ctx, systemID, branch, BranchChange{Remove: revisions, RemoveSubsystems: subsystems})
}

// CommitToBranch builds a new configuration of the system from the branch's current snapshot with change
// applied, and moves the branch to the snapshot the registry takes of it; it returns the moved branch (the
// commit routine of Python's System.add_to_branch / remove_from_branch and branches.commit).
//
// The registry calls, in order: get_tag (the branch is re-read, so a stale copy cannot rewind it),
// get_snapshot, list_tracked_files and list_configuration_subsystems of the snapshot's configuration (every
// page), create_configuration named "<branch>-<UTC yyyyMMddHHmmss>" carrying the kept and added files and
// child systems, list_snapshots of the new configuration (newest first, one), and update_tag.
//
// Unlike the Python generations it:
//   - carries the branch's child systems forward (the newer Python commit drops them);
//   - removes an entry whose pinned or current revision matches (so a LATEST entry can be removed), and fails
//     with an error wrapping ErrNotFound, before anything is written, when a removal matches no tracked file
//     or child system;
//   - replaces, rather than duplicates, the entry of a file (or child system) the branch already tracks;
//   - when anything fails after the configuration is created, archives that configuration (best effort, even
//     when ctx is done; a cleanup failure is logged) and returns the original error. If update_tag failed but
//     the branch did move (a lost answer), the commit succeeded and the moved branch is returned.
//
// Local checks fail with *ValidationError before any request: the baseline branch (Python "Cannot commit to
// the baseline branch."), a nil branch or one without an id, an empty system id or change, an added revision
// without file or revision id, a removal without revision id, a child system without id, or the same file or
// system added twice. A change that would leave the branch with no tracked file fails with *ValidationError
// before anything is written (the registry rejects an empty configuration).
//
// systemID must be the branch's system. Tags have no compare-and-swap: a commit racing another writer of the
// same branch can still overwrite it.
func (c *Client) CommitToBranch(ctx context.Context, systemID string, branch *types.SnapshotTag, change BranchChange) (*types.SnapshotTag, error) {
	if err := firstErr(requireString("system_id", systemID), checkBranchID("branch", branch), checkChange(change)); err != nil {
		return nil, err
	}
	if isBaselineTag(branch) {
		return nil, errBaselineCommit()
	}
	tag, err := c.rereadMovable(ctx, branch, errBaselineCommit)
	if err != nil {
		return nil, err
	}
	body, err := c.commitBody(ctx, tag, change)
	if err != nil {
		return nil, err
	}
	cfg, err := c.CreateConfiguration(ctx, systemID, body)
	if err != nil {
		return nil, err
	}
	moved, orphan, err := c.moveToConfiguration(ctx, tag, cfg.ID)
	if err != nil {
		if orphan {
			c.archiveOrphan(ctx, cfg.ID, tag.Tag)
		}
		return nil, err
	}
	return moved, nil
}

// commitBody reads the branch's configuration and builds the new configuration's body.
func (c *Client) commitBody(ctx context.Context, tag *types.SnapshotTag, change BranchChange) (*types.NewSystemConfiguration, error) {
	snap, err := c.GetSnapshot(ctx, tag.SnapshotID)
	if err != nil {
		return nil, err
	}
	files, err := c.branchTrackedFiles(ctx, snap.ConfigurationID, change)
	if err != nil {
		return nil, err
	}
	systems, err := c.branchTrackedSystems(ctx, snap.ConfigurationID, change)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, newValidationError("remove", "min", "1", "the commit would leave the branch with no tracked file")
	}
	name := tag.Tag + "-" + time.Now().UTC().Format("20060102150405")
	return &types.NewSystemConfiguration{Name: name, TrackedFiles: files, TrackedSystems: systems}, nil
}

// branchTrackedFiles is the configuration's tracked files, every page, less the removed ones and the files
// re-pinned by an addition, followed by the additions (LOCKED).
func (c *Client) branchTrackedFiles(ctx context.Context, configurationID string, change BranchChange) ([]types.NewTrackedFile, error) {
	removed := map[string]bool{}
	for _, r := range change.Remove {
		removed[r.RevisionID] = false
	}
	added := map[string]bool{}
	for _, a := range change.Add {
		added[a.FileID] = true
	}
	list := func(ctx context.Context, p *ListTrackedFilesParams) (*Page[types.TrackedFile], error) {
		return c.ListTrackedFiles(ctx, configurationID, p)
	}
	out := []types.NewTrackedFile{}
	for tf, err := range All(ctx, &ListTrackedFilesParams{PageOptions: PageOptions{Size: branchPageSize}}, list) {
		if err != nil {
			return nil, err
		}
		drop := false
		for _, id := range []string{deref(tf.PinnedFileRevisionID), tf.CurrentFileRevisionID} {
			if _, ok := removed[id]; ok && id != "" {
				removed[id], drop = true, true
			}
		}
		if drop || added[tf.FileID] {
			continue
		}
		out = append(out, types.NewTrackedFile{SpecifierType: tf.SpecifierType, FileID: tf.FileID, PinnedFileRevisionID: tf.PinnedFileRevisionID})
	}
	for _, r := range change.Remove {
		if !removed[r.RevisionID] {
			return nil, fmt.Errorf("istari: commit: revision %s is not tracked by the branch: %w", r.RevisionID, ErrNotFound)
		}
	}
	for _, a := range change.Add {
		out = append(out, types.NewTrackedFile{SpecifierType: enums.TrackedFileSpecifierTypeLocked, FileID: a.FileID, PinnedFileRevisionID: Ptr(a.RevisionID)})
	}
	return out, nil
}

// branchTrackedSystems is the configuration's child systems, every page, less the removed and re-pinned
// ones, followed by the additions.
func (c *Client) branchTrackedSystems(ctx context.Context, configurationID string, change BranchChange) ([]types.NewTrackedSystem, error) {
	removed := map[string]bool{}
	for _, l := range change.RemoveSubsystems {
		removed[l.System.ID] = false
	}
	added := map[string]bool{}
	for _, l := range change.AddSubsystems {
		added[l.System.ID] = true
	}
	list := func(ctx context.Context, p *ListConfigurationSubsystemsParams) (*Page[types.Subsystem], error) {
		return c.ListConfigurationSubsystems(ctx, configurationID, p)
	}
	var out []types.NewTrackedSystem
	for sub, err := range All(ctx, &ListConfigurationSubsystemsParams{PageOptions{Size: branchPageSize}}, list) {
		if err != nil {
			return nil, err
		}
		if _, ok := removed[sub.ID]; ok {
			removed[sub.ID] = true
			continue
		}
		if added[sub.ID] {
			continue
		}
		out = append(out, types.NewTrackedSystem{SystemID: sub.ID, TagID: sub.TagID})
	}
	for _, l := range change.RemoveSubsystems {
		if !removed[l.System.ID] {
			return nil, fmt.Errorf("istari: commit: system %s is not a subsystem of the branch: %w", l.System.ID, ErrNotFound)
		}
	}
	for _, l := range change.AddSubsystems {
		ts := types.NewTrackedSystem{SystemID: l.System.ID}
		if l.Tag != nil {
			ts.TagID = Ptr(l.Tag.ID)
		}
		out = append(out, ts)
	}
	return out, nil
}

// moveToConfiguration moves the branch to the newest snapshot of the configuration. On failure, orphan reports
// whether the configuration is known to be unused (the branch verifiably did not move), so it may be archived;
// when the branch's state cannot be read back, the configuration is left alone and the error names it.
func (c *Client) moveToConfiguration(ctx context.Context, tag *types.SnapshotTag, configurationID string) (moved *types.SnapshotTag, orphan bool, err error) {
	page, err := c.ListSnapshots(ctx, &ListSnapshotsParams{PageOptions: PageOptions{Size: 1}, ConfigurationID: &configurationID, Sort: Ptr("-created")})
	if err != nil {
		return nil, true, err
	}
	if len(page.Items) == 0 || page.Items[0].ID == "" {
		return nil, true, fmt.Errorf("istari: commit: configuration %s has no snapshots", configurationID)
	}
	snapshotID := page.Items[0].ID
	moved, err = c.UpdateTag(ctx, tag.ID, &types.UpdateTag{SnapshotID: snapshotID})
	if err == nil {
		return moved, false, nil
	}
	// The answer may have been lost after the tag moved: then the commit happened.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), orphanCleanupTimeout)
	defer cancel()
	cur, getErr := c.GetTag(cctx, tag.ID)
	switch {
	case getErr != nil:
		// Unknown: the branch may now point at this configuration, so archiving it could hide live data.
		return nil, false, fmt.Errorf("%w (the branch could not be read back, so configuration %s was kept: archive it if branch %s did not move)", err, configurationID, tag.Tag)
	case cur.SnapshotID == snapshotID:
		return cur, false, nil
	}
	return nil, true, err
}

// archiveOrphan archives the configuration of a failed commit, even when ctx is done; a failure is logged.
func (c *Client) archiveOrphan(ctx context.Context, configurationID, branch string) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), orphanCleanupTimeout)
	defer cancel()
	reason := "commit to branch " + branch + " failed"
	if _, err := c.ArchiveConfiguration(cctx, configurationID, &reason); err != nil {
		c.logger.Warn("istari: archiving the configuration of a failed branch commit", "configuration_id", configurationID, "error", err)
	}
}

func errBaselineCommit() error {
	return newValidationError("branch", "baseline", "", "cannot commit to the baseline branch")
}

// checkChange checks a BranchChange locally.
func checkChange(ch BranchChange) error {
	if len(ch.Add)+len(ch.Remove)+len(ch.AddSubsystems)+len(ch.RemoveSubsystems) == 0 {
		return newValidationError("change", "required", "", "add or remove at least one revision or subsystem")
	}
	files := map[string]bool{}
	for i, a := range ch.Add {
		prefix := "add[" + strconv.Itoa(i) + "]."
		if err := firstErr(requireString(prefix+"file_id", a.FileID), requireString(prefix+"revision_id", a.RevisionID)); err != nil {
			return err
		}
		if files[a.FileID] {
			return newValidationError(prefix+"file_id", "unique", "", "the same file is added twice")
		}
		files[a.FileID] = true
	}
	for i, r := range ch.Remove {
		if err := requireString("remove["+strconv.Itoa(i)+"].revision_id", r.RevisionID); err != nil {
			return err
		}
	}
	systems := map[string]bool{}
	for i, l := range ch.AddSubsystems {
		field := "add_subsystems[" + strconv.Itoa(i) + "].system.id"
		if err := requireString(field, l.System.ID); err != nil {
			return err
		}
		if l.Tag != nil && l.Tag.ID == "" {
			return newValidationError("add_subsystems["+strconv.Itoa(i)+"].tag.id", "required", "", "")
		}
		if systems[l.System.ID] {
			return newValidationError(field, "unique", "", "the same system is added twice")
		}
		systems[l.System.ID] = true
	}
	for i, l := range ch.RemoveSubsystems {
		if err := requireString("remove_subsystems["+strconv.Itoa(i)+"].system.id", l.System.ID); err != nil {
			return err
		}
	}
	return nil
}
