package istari

// This file holds the branching layer over snapshot tags: Python's System branch methods (get_branch,
// list_branches, create_branch, merge_branch, rollback, list_branch_history, ...) and its newer
// istari.systems.branches manager. A branch is a types.SnapshotTag; the system's baseline tag (IsBaseline,
// named "baseline") is special. The commit routine is in systems_branches_commit.go.

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// BaselineBranch is the reserved name of a system's baseline tag. CreateBranch refuses it, and
// CommitToBranch and RollbackBranch refuse the baseline tag.
const BaselineBranch = "baseline"

// branchPageSize is the page size of every walk of the branching layer.
const branchPageSize = 100

// ListBranchesParams are the options of ListBranches. The zero value (or nil) lists the system's branches
// the way Python's System.list_branches does: every tag but the baseline, with no archive filter sent (the
// registry then answers the active ones).
type ListBranchesParams struct {
	// IncludeBaseline keeps the baseline tag in the list (Python's branches.list includes it).
	IncludeBaseline bool
	// ArchiveStatus is ACTIVE or ARCHIVED, upper case (as ListTags takes it); nil sends no filter.
	ArchiveStatus *enums.SnapshotTagArchiveStatus
}

// isBaselineTag reports whether t is a system's baseline tag.
func isBaselineTag(t *types.SnapshotTag) bool { return t.IsBaseline || t.Tag == BaselineBranch }

// branchTags walks every tag of a system, 100 a page, and yields them in the registry's order.
func (c *Client) branchTags(ctx context.Context, systemID string, status *enums.SnapshotTagArchiveStatus, yield func(types.SnapshotTag) bool) error {
	if err := requireString("system_id", systemID); err != nil {
		return err
	}
	params := &ListTagsParams{PageOptions: PageOptions{Size: branchPageSize}, SystemID: &systemID, ArchiveStatus: status}
	for tag, err := range All(ctx, params, c.ListTags) {
		if err != nil {
			return err
		}
		if !yield(tag) {
			return nil
		}
	}
	return nil
}

// GetBranch returns the first tag of the system named exactly name; the baseline tag matches "baseline"
// (Python System.get_branch and branches.get: list_tags of the system, every page). When no tag has that
// name the error wraps ErrNotFound. An empty system id or name fails locally with *ValidationError.
func (c *Client) GetBranch(ctx context.Context, systemID, name string) (*types.SnapshotTag, error) {
	if err := requireString("name", name); err != nil {
		return nil, err
	}
	var found *types.SnapshotTag
	err := c.branchTags(ctx, systemID, nil, func(t types.SnapshotTag) bool {
		if t.Tag == name {
			found = &t
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, fmt.Errorf("istari: no branch named %q found on system %s: %w", name, systemID, ErrNotFound)
	}
	return found, nil
}

// ListBranches returns the branches of a system, every page of list_tags walked (Python System.list_branches
// and branches.list). By default the baseline tag is left out, as Python's System.list_branches does; set
// IncludeBaseline to keep it (as branches.list does).
func (c *Client) ListBranches(ctx context.Context, systemID string, params *ListBranchesParams) ([]types.SnapshotTag, error) {
	var p ListBranchesParams
	if params != nil {
		p = *params
	}
	out := []types.SnapshotTag{}
	err := c.branchTags(ctx, systemID, p.ArchiveStatus, func(t types.SnapshotTag) bool {
		if p.IncludeBaseline || !t.IsBaseline {
			out = append(out, t)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreateBranch creates a branch named name at the snapshot from points at (Python System.create_branch and
// branches.create: create_tag). A nil from branches from the system's baseline snapshot (get_system_baseline);
// a system without a baseline then fails with an error wrapping ErrNotFound. from's snapshot id is used as
// given, not re-read.
//
// The name "baseline" is reserved and, like an empty name or system id, fails locally with *ValidationError.
// Branch names need not be unique: the registry accepts a second tag with the same name.
func (c *Client) CreateBranch(ctx context.Context, systemID, name string, from *types.SnapshotTag) (*types.SnapshotTag, error) {
	if err := firstErr(requireString("system_id", systemID), requireString("name", name)); err != nil {
		return nil, err
	}
	if name == BaselineBranch {
		return nil, newValidationError("name", "reserved", BaselineBranch, "'baseline' is a reserved branch name")
	}
	var snapshotID string
	if from != nil {
		if from.SnapshotID == "" {
			return nil, newValidationError("from.snapshot_id", "required", "", "")
		}
		snapshotID = from.SnapshotID
	} else {
		id, err := c.baselineSnapshotID(ctx, systemID)
		if err != nil {
			return nil, err
		}
		snapshotID = id
	}
	return c.CreateTag(ctx, snapshotID, &types.NewSnapshotTag{Tag: name})
}

// ListBranchRevisions returns the file revisions of the snapshot the branch points at, every page walked
// (Python System.list_branch_revisions: list_snapshot_revisions). params may filter by Name and Extension; its
// Page is ignored, and a zero Size walks 100 a page.
func (c *Client) ListBranchRevisions(ctx context.Context, branch *types.SnapshotTag, params *ListSnapshotRevisionsParams) ([]types.SnapshotRevisionSearchItem, error) {
	if err := checkBranch("branch", branch); err != nil {
		return nil, err
	}
	p := ListSnapshotRevisionsParams{}
	if params != nil {
		p = *params
	}
	p.Page = 0
	if p.Size == 0 {
		p.Size = branchPageSize
	}
	return c.snapshotRevisions(ctx, branch.SnapshotID, &p)
}

// snapshotRevisions walks every page of list_snapshot_revisions.
func (c *Client) snapshotRevisions(ctx context.Context, snapshotID string, params *ListSnapshotRevisionsParams) ([]types.SnapshotRevisionSearchItem, error) {
	out := []types.SnapshotRevisionSearchItem{}
	for item, err := range AllOf(ctx, snapshotID, params, c.ListSnapshotRevisions) {
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

// ListBranchSubsystems returns the child systems captured by the snapshot the branch points at, every page
// walked (Python System.list_branch_subsystems and branches.subsystems: list_snapshot_subsystems).
func (c *Client) ListBranchSubsystems(ctx context.Context, branch *types.SnapshotTag) ([]types.SnapshotSubsystemItem, error) {
	if err := checkBranch("branch", branch); err != nil {
		return nil, err
	}
	out := []types.SnapshotSubsystemItem{}
	for item, err := range AllOf(ctx, branch.SnapshotID, &ListSnapshotSubsystemsParams{PageOptions{Size: branchPageSize}}, c.ListSnapshotSubsystems) {
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

// MergeBranch points the branch to at the snapshot the branch from points at now, and returns to as moved
// (Python System.merge_branch: update_tag). from is re-read first (get_tag), so a stale copy cannot move to
// backwards. It only moves a pointer, as in Python: there is no ancestry check, and merging into the
// baseline is allowed (that is how a branch is promoted). A nil branch or one without an id fails locally
// with *ValidationError.
func (c *Client) MergeBranch(ctx context.Context, from, to *types.SnapshotTag) (*types.SnapshotTag, error) {
	if err := firstErr(checkBranchID("from", from), checkBranchID("to", to)); err != nil {
		return nil, err
	}
	cur, err := c.GetTag(ctx, from.ID)
	if err != nil {
		return nil, err
	}
	return c.UpdateTag(ctx, to.ID, &types.UpdateTag{SnapshotID: cur.SnapshotID})
}

// RollbackBranch moves the branch back steps commits along its history and returns it as moved (Python
// System.rollback: get_tag_history, then update_tag to history[steps]). Steps count from the branch's current
// snapshot, which the history lists first (when it does not, the current snapshot is counted as step 0). The
// move is itself recorded in the history, so two one-step rollbacks return to where they started.
//
// The baseline and a steps below 1 fail locally with *ValidationError. The branch is re-read first (get_tag),
// and a steps at or beyond the length of its history fails with *ValidationError before the tag moves.
func (c *Client) RollbackBranch(ctx context.Context, branch *types.SnapshotTag, steps int) (*types.SnapshotTag, error) {
	if err := checkBranchID("branch", branch); err != nil {
		return nil, err
	}
	if isBaselineTag(branch) {
		return nil, errBaselineRollback()
	}
	if steps < 1 {
		return nil, &ValidationError{Field: "steps", Rule: "gte", Param: "1", Length: -1, Msg: "steps must be >= 1, got " + strconv.Itoa(steps)}
	}
	cur, err := c.rereadMovable(ctx, branch, errBaselineRollback)
	if err != nil {
		return nil, err
	}
	history, err := c.GetTagHistory(ctx, branch.ID)
	if err != nil {
		return nil, err
	}
	if len(history) == 0 || history[0].SnapshotID != cur.SnapshotID {
		// A history that does not start at the current snapshot lists only earlier ones: count from the current.
		history = append([]types.SnapshotTagRevision{{SnapshotID: cur.SnapshotID}}, history...)
	}
	if steps >= len(history) {
		return nil, &ValidationError{Field: "steps", Rule: "lt", Param: strconv.Itoa(len(history)), Length: -1,
			Msg: fmt.Sprintf("cannot roll back %d step(s): %q only has %d commit(s)", steps, cur.Tag, len(history))}
	}
	target := history[steps].SnapshotID
	if target == "" {
		return nil, fmt.Errorf("istari: rollback of branch %q: history entry %d has no snapshot id", cur.Tag, steps)
	}
	return c.UpdateTag(ctx, branch.ID, &types.UpdateTag{SnapshotID: target})
}

// BranchHistory returns the snapshots the branch has pointed at, newest first: entry 0 is the current one
// (Python System.list_branch_history: get_tag_history).
func (c *Client) BranchHistory(ctx context.Context, branch *types.SnapshotTag) ([]types.SnapshotTagRevision, error) {
	if err := checkBranchID("branch", branch); err != nil {
		return nil, err
	}
	return c.GetTagHistory(ctx, branch.ID)
}

// rereadMovable re-reads a branch that is about to move, so that a stale copy cannot rewind it, and refuses
// it with refuse() when it turns out to be the baseline.
func (c *Client) rereadMovable(ctx context.Context, branch *types.SnapshotTag, refuse func() error) (*types.SnapshotTag, error) {
	cur, err := c.GetTag(ctx, branch.ID)
	if err != nil {
		return nil, err
	}
	if isBaselineTag(cur) {
		return nil, refuse()
	}
	return cur, nil
}

func errBaselineRollback() error {
	return newValidationError("branch", "baseline", "", "cannot roll back the baseline branch")
}

// checkBranchID rejects a nil branch or one without an id.
func checkBranchID(field string, t *types.SnapshotTag) error {
	if t == nil {
		return newValidationError(field, "required", "", "")
	}
	return requireString(field+".id", t.ID)
}

// checkBranch rejects a nil branch or one without a snapshot id.
func checkBranch(field string, t *types.SnapshotTag) error {
	if t == nil {
		return newValidationError(field, "required", "", "")
	}
	return requireString(field+".snapshot_id", t.SnapshotID)
}

// baselineSnapshotID is the snapshot the system's baseline tag points at. A system without one fails with
// an error wrapping ErrNotFound.
func (c *Client) baselineSnapshotID(ctx context.Context, systemID string) (string, error) {
	const msg = "istari: system %s: no snapshot given and no baseline snapshot exists: %w"
	b, err := c.GetSystemBaseline(ctx, systemID)
	switch {
	case errors.Is(err, ErrNotFound):
		return "", fmt.Errorf(msg, systemID, err)
	case err != nil:
		return "", err
	case b.SnapshotID == "":
		return "", fmt.Errorf(msg, systemID, ErrNotFound)
	}
	return b.SnapshotID, nil
}
