package istari

// This file holds the snapshot file helpers of Python's System model: list_file_revisions_by_snapshot[_tag]
// and get_json_file_contents_by_snapshot[_tag].

import (
	"context"
	"encoding/json"

	"github.com/istari-sdk/istari-go/types"
)

// SnapshotJSON is the result of JSONFileContentsBySnapshot: the snapshot's identity and the parsed content of
// its JSON files by name. Python returns one dict with the metadata under the key "metadata"; here it is kept
// apart, so a file named "metadata" cannot overwrite it.
type SnapshotJSON struct {
	Metadata SnapshotJSONMetadata
	// Files maps each JSON file's name to its content, checksum-verified. When two files share a name, the
	// one listed last wins.
	Files map[string]json.RawMessage
}

// SnapshotJSONMetadata is the "metadata" entry of Python's get_json_file_contents_by_snapshot.
type SnapshotJSONMetadata struct {
	SystemName            string          `json:"system_name"`
	SystemID              string          `json:"system_id"`
	SystemSnapshotID      string          `json:"system_snapshot_id"`
	SystemSnapshotCreated types.Timestamp `json:"system_snapshot_created"`
}

// ListFileRevisionsBySnapshot returns one page of the file revisions a snapshot pins (Python
// System.list_file_revisions_by_snapshot: list_snapshot_revisions); walk the rest with the page's All. An
// empty snapshotID reads the system's baseline snapshot (get_system_baseline; none fails with an error
// wrapping ErrNotFound), and then an empty systemID fails locally with *ValidationError.
func (c *Client) ListFileRevisionsBySnapshot(ctx context.Context, systemID, snapshotID string, params *ListSnapshotRevisionsParams) (*Page[types.SnapshotRevisionSearchItem], error) {
	if err := c.validate(params); err != nil {
		return nil, err
	}
	snapshotID, err := c.snapshotOrBaseline(ctx, systemID, snapshotID)
	if err != nil {
		return nil, err
	}
	return c.ListSnapshotRevisions(ctx, snapshotID, params)
}

// ListFileRevisionsBySnapshotTag returns one page of the file revisions of the snapshot a tag points at
// (Python System.list_file_revisions_by_snapshot_tag). A nil tag or one without a snapshot id fails locally
// with *ValidationError.
func (c *Client) ListFileRevisionsBySnapshotTag(ctx context.Context, tag *types.SnapshotTag, params *ListSnapshotRevisionsParams) (*Page[types.SnapshotRevisionSearchItem], error) {
	if err := checkBranch("tag", tag); err != nil {
		return nil, err
	}
	return c.ListSnapshotRevisions(ctx, tag.SnapshotID, params)
}

// JSONFileContentsBySnapshot downloads and parses every JSON file of a snapshot (Python
// System.get_json_file_contents_by_snapshot): get_system and get_snapshot for the metadata, every page of
// list_snapshot_revisions with extension ".json", then each named file's content, checksum-verified, which
// must be valid JSON. An empty snapshotID reads the system's baseline snapshot. An empty systemID fails locally
// with *ValidationError.
//
// The files are held in memory: this is for small JSON files, as in Python. Use ListFileRevisionsBySnapshot
// and ReadContents to stream large ones.
func (c *Client) JSONFileContentsBySnapshot(ctx context.Context, systemID, snapshotID string) (*SnapshotJSON, error) {
	if err := requireString("system_id", systemID); err != nil {
		return nil, err
	}
	snapshotID, err := c.snapshotOrBaseline(ctx, systemID, snapshotID)
	if err != nil {
		return nil, err
	}
	sys, err := c.GetSystem(ctx, systemID)
	if err != nil {
		return nil, err
	}
	snap, err := c.GetSnapshot(ctx, snapshotID)
	if err != nil {
		return nil, err
	}
	out := &SnapshotJSON{
		Metadata: SnapshotJSONMetadata{SystemName: sys.Name, SystemID: sys.ID, SystemSnapshotID: snap.ID, SystemSnapshotCreated: snap.Created},
		Files:    map[string]json.RawMessage{},
	}
	items, err := c.snapshotRevisions(ctx, snap.ID, &ListSnapshotRevisionsParams{PageOptions: PageOptions{Size: branchPageSize}, Extension: []string{".json"}})
	if err != nil {
		return nil, err
	}
	for _, item := range items {
		if item.Name == nil || *item.Name == "" {
			continue
		}
		var content json.RawMessage
		if err := c.ReadJSON(ctx, item.ContentTok, &content); err != nil {
			return nil, err
		}
		out.Files[*item.Name] = content
	}
	return out, nil
}

// JSONFileContentsBySnapshotTag is JSONFileContentsBySnapshot for the snapshot a tag points at (Python
// System.get_json_file_contents_by_snapshot_tag).
func (c *Client) JSONFileContentsBySnapshotTag(ctx context.Context, systemID string, tag *types.SnapshotTag) (*SnapshotJSON, error) {
	if err := checkBranch("tag", tag); err != nil {
		return nil, err
	}
	return c.JSONFileContentsBySnapshot(ctx, systemID, tag.SnapshotID)
}

// snapshotOrBaseline is snapshotID, or the system's baseline snapshot when it is empty.
func (c *Client) snapshotOrBaseline(ctx context.Context, systemID, snapshotID string) (string, error) {
	if snapshotID != "" {
		return snapshotID, nil
	}
	if err := requireString("system_id", systemID); err != nil {
		return "", err
	}
	return c.baselineSnapshotID(ctx, systemID)
}
