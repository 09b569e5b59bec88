package istari

// This file holds bulk sharing of a system's snapshot: Python's System.bulk_share_by_snapshot,
// bulk_share_by_configuration and bulk_share_by_system.

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// BulkShareSnapshot gives the user subjectID the relation rel to every resource the snapshot pins, in one
// bulk_create_access call (Python System.bulk_share_by_snapshot), and returns the relationships created. An
// empty snapshotID shares the system's baseline snapshot (get_system_baseline; a system without one fails
// with an error wrapping ErrNotFound).
//
// Every page of list_snapshot_revisions is read first. Each item that names a resource (resource_id and
// resource_type) becomes one relationship; an item without one (a bare file) is skipped, and a resource
// named twice is shared once. A snapshot with no resource sends no bulk request and returns an empty list.
// The caller needs share permission (owner) on every resource; the registry applies all or nothing.
//
// Only viewer and editor work in bulk (any casing); any other relation, an empty subject id, or an empty
// system id with an empty snapshot id fails locally with *ValidationError before any request. An item whose
// resource type is not an enums.AccessResourceType fails with *ValidationError before the bulk request.
func (c *Client) BulkShareSnapshot(ctx context.Context, systemID, snapshotID, subjectID string, rel enums.BulkSharingAccessRelation) ([]types.AccessRelationship, error) {
	rel, err := checkBulkShare(subjectID, rel)
	if err != nil {
		return nil, err
	}
	if snapshotID, err = c.snapshotOrBaseline(ctx, systemID, snapshotID); err != nil {
		return nil, err
	}
	return c.shareSnapshot(ctx, snapshotID, subjectID, rel)
}

// BulkShareConfiguration shares the newest snapshot of a configuration (list_snapshots, newest first, one)
// with the user subjectID as BulkShareSnapshot does (Python System.bulk_share_by_configuration). A
// configuration without a snapshot fails with an error wrapping ErrNotFound.
func (c *Client) BulkShareConfiguration(ctx context.Context, configurationID, subjectID string, rel enums.BulkSharingAccessRelation) ([]types.AccessRelationship, error) {
	rel, err := checkBulkShare(subjectID, rel)
	if err == nil {
		err = requireString("configuration_id", configurationID)
	}
	if err != nil {
		return nil, err
	}
	page, err := c.ListSnapshots(ctx, &ListSnapshotsParams{PageOptions: PageOptions{Size: 1}, ConfigurationID: &configurationID, Sort: Ptr("-created")})
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 || page.Items[0].ID == "" {
		return nil, fmt.Errorf("istari: no snapshots found for configuration %s: %w", configurationID, ErrNotFound)
	}
	return c.shareSnapshot(ctx, page.Items[0].ID, subjectID, rel)
}

// BulkShareSystem shares the system's baseline snapshot with the user subjectID as BulkShareSnapshot does
// (Python System.bulk_share_by_system).
func (c *Client) BulkShareSystem(ctx context.Context, systemID, subjectID string, rel enums.BulkSharingAccessRelation) ([]types.AccessRelationship, error) {
	if err := requireString("system_id", systemID); err != nil {
		return nil, err
	}
	return c.BulkShareSnapshot(ctx, systemID, "", subjectID, rel)
}

// checkBulkShare checks the subject and lower-cases and checks the relation.
func checkBulkShare(subjectID string, rel enums.BulkSharingAccessRelation) (enums.BulkSharingAccessRelation, error) {
	rel = lowerEnum(rel)
	return rel, firstErr(
		requireString("subject_id", subjectID),
		checkEnum("relation", rel, enums.BulkSharingAccessRelationValues()),
	)
}

// shareSnapshot reads every resource of a snapshot and shares them all in one bulk call.
func (c *Client) shareSnapshot(ctx context.Context, snapshotID, subjectID string, rel enums.BulkSharingAccessRelation) ([]types.AccessRelationship, error) {
	items, err := c.snapshotRevisions(ctx, snapshotID, &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: branchPageSize}})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var rels []types.AccessRelationship
	for i, item := range items {
		if item.ResourceID == nil || item.ResourceType == nil || *item.ResourceID == "" || *item.ResourceType == "" {
			continue
		}
		typ := enums.AccessResourceType(strings.ToLower(*item.ResourceType))
		if !typ.Valid() {
			return nil, &ValidationError{Field: "items[" + strconv.Itoa(i) + "].resource_type", Rule: "oneof", Length: len(typ),
				Msg: "revision " + item.RevisionID + " belongs to a resource type that cannot be shared"}
		}
		key := string(typ) + "/" + *item.ResourceID
		if seen[key] {
			continue
		}
		seen[key] = true
		rels = append(rels, types.AccessRelationship{SubjectType: enums.AccessSubjectTypeUser, SubjectID: subjectID,
			Relation: enums.AccessRelation(rel), ResourceType: typ, ResourceID: *item.ResourceID})
	}
	if len(rels) == 0 {
		return []types.AccessRelationship{}, nil
	}
	return c.BulkCreateAccess(ctx, rels)
}
