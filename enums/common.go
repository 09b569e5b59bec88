// Package enums holds the typed string enums of the Istari Digital registry API, ported from the Python
// istari-digital-client. Each enum is a named string type with its exact wire values as constants, Valid,
// String and an XxxValues function. Decoding an unknown value never fails: the type is a plain string, so values
// the server adds later are kept as they are (Valid reports false for them).
//
// Wire strings are those of the published Python client (istari-digital-client 13.3.4, read by tools/pyref); a
// value the client does not list says "unconfirmed" in its own doc comment.
package enums

// This file holds the archive status, ownership filter, patch operation and snapshot-tag archive status enums.

import "slices"

// ArchiveStatus is Python's istari_digital_client.v2.models.ArchiveStatus: the archive_status list filter.
// The lower case matters: a wrong case is not rejected by the registry but silently returns wrong results.
type ArchiveStatus string

// Known ArchiveStatus values.
const (
	ArchiveStatusActive   ArchiveStatus = "active"   // only active (not archived) objects; the server default
	ArchiveStatusArchived ArchiveStatus = "archived" // only archived objects
	ArchiveStatusAll      ArchiveStatus = "all"      // active and archived objects
)

var archiveStatusValues = []ArchiveStatus{
	ArchiveStatusActive,
	ArchiveStatusArchived,
	ArchiveStatusAll,
}

// ArchiveStatusValues returns every known ArchiveStatus value, in documentation order. The slice is a fresh copy.
func ArchiveStatusValues() []ArchiveStatus { return slices.Clone(archiveStatusValues) }

// Valid reports whether v is a known ArchiveStatus value. Unknown values still decode and encode unchanged.
func (v ArchiveStatus) Valid() bool { return slices.Contains(archiveStatusValues, v) }

// String returns the wire value.
func (v ArchiveStatus) String() string { return string(v) }

// ArchiveStatusName is Python's istari_digital_client.v2.models.ArchiveStatusName: the name of an
// archive-status history entry (ArchiveStatusEntry.Name).
type ArchiveStatusName string

// ArchiveStatusName values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	ArchiveStatusNameActive   ArchiveStatusName = "Active"
	ArchiveStatusNameArchived ArchiveStatusName = "Archived"
)

var archiveStatusNameValues = []ArchiveStatusName{
	ArchiveStatusNameActive,
	ArchiveStatusNameArchived,
}

// ArchiveStatusNameValues returns every known ArchiveStatusName value, in documentation order. The slice is a fresh copy.
func ArchiveStatusNameValues() []ArchiveStatusName { return slices.Clone(archiveStatusNameValues) }

// Valid reports whether v is a known ArchiveStatusName value. Unknown values still decode and encode unchanged.
func (v ArchiveStatusName) Valid() bool { return slices.Contains(archiveStatusNameValues, v) }

// String returns the wire value.
func (v ArchiveStatusName) String() string { return string(v) }

// FilterBy is Python's istari_digital_client.v2.models.FilterBy: the filter_by ownership filter of list calls.
// Older registries named the parameter created_by.
type FilterBy string

// Known FilterBy values.
const (
	FilterByOwned  FilterBy = "created_by_id"  // objects created by the caller
	FilterByShared FilterBy = "-created_by_id" // objects shared with the caller (created by someone else)
)

var filterByValues = []FilterBy{
	FilterByOwned,
	FilterByShared,
}

// FilterByValues returns every known FilterBy value, in documentation order. The slice is a fresh copy.
func FilterByValues() []FilterBy { return slices.Clone(filterByValues) }

// Valid reports whether v is a known FilterBy value. Unknown values still decode and encode unchanged.
func (v FilterBy) Valid() bool { return slices.Contains(filterByValues, v) }

// String returns the wire value.
func (v FilterBy) String() string { return string(v) }

// PatchOp is Python's istari_digital_client.v2.models.PatchOp: the patch_op parameter of the control-tagging
// PATCH calls (SET adds taggings, DELETE archives them).
type PatchOp string

// PatchOp values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	PatchOpSet    PatchOp = "set"    // Python PatchOp.SET
	PatchOpDelete PatchOp = "delete" // Python PatchOp.DELETE
)

var patchOpValues = []PatchOp{
	PatchOpSet,
	PatchOpDelete,
}

// PatchOpValues returns every known PatchOp value, in documentation order. The slice is a fresh copy.
func PatchOpValues() []PatchOp { return slices.Clone(patchOpValues) }

// Valid reports whether v is a known PatchOp value. Unknown values still decode and encode unchanged.
func (v PatchOp) Valid() bool { return slices.Contains(patchOpValues, v) }

// String returns the wire value.
func (v PatchOp) String() string { return string(v) }

// SnapshotTagArchiveStatus is the upper-case archive status of snapshot tags (SnapshotTag.archive_status and
// the archive_status filter of list_tags). It is a plain str in Python; the values are confirmed.
// Systems and configurations keep archive_status as a plain string whose casing varies.
type SnapshotTagArchiveStatus string

// Known SnapshotTagArchiveStatus values.
const (
	SnapshotTagArchiveStatusActive   SnapshotTagArchiveStatus = "ACTIVE"
	SnapshotTagArchiveStatusArchived SnapshotTagArchiveStatus = "ARCHIVED"
)

var snapshotTagArchiveStatusValues = []SnapshotTagArchiveStatus{
	SnapshotTagArchiveStatusActive,
	SnapshotTagArchiveStatusArchived,
}

// SnapshotTagArchiveStatusValues returns every known SnapshotTagArchiveStatus value, in documentation order. The slice is a fresh copy.
func SnapshotTagArchiveStatusValues() []SnapshotTagArchiveStatus {
	return slices.Clone(snapshotTagArchiveStatusValues)
}

// Valid reports whether v is a known SnapshotTagArchiveStatus value. Unknown values still decode and encode unchanged.
func (v SnapshotTagArchiveStatus) Valid() bool {
	return slices.Contains(snapshotTagArchiveStatusValues, v)
}

// String returns the wire value.
func (v SnapshotTagArchiveStatus) String() string { return string(v) }
