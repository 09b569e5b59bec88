package enums

// This file holds the client-side enums of server compatibility.

import "slices"

// CompatibilityStatus is the verdict of the X-Istari-Compatibility response header (Python's
// CompatibilityResult.status, a plain str).
type CompatibilityStatus string

// Known CompatibilityStatus values.
const (
	CompatibilityStatusCompatible         CompatibilityStatus = "compatible"
	CompatibilityStatusIncompatible       CompatibilityStatus = "incompatible"
	CompatibilityStatusRevisionMismatch   CompatibilityStatus = "revision-mismatch"
	CompatibilityStatusDeprecationWarning CompatibilityStatus = "deprecation-warning"
)

var compatibilityStatusValues = []CompatibilityStatus{
	CompatibilityStatusCompatible,
	CompatibilityStatusIncompatible,
	CompatibilityStatusRevisionMismatch,
	CompatibilityStatusDeprecationWarning,
}

// CompatibilityStatusValues returns every known CompatibilityStatus value, in documentation order. The slice is a fresh copy.
func CompatibilityStatusValues() []CompatibilityStatus {
	return slices.Clone(compatibilityStatusValues)
}

// Valid reports whether v is a known CompatibilityStatus value. Unknown values still decode and encode unchanged.
func (v CompatibilityStatus) Valid() bool { return slices.Contains(compatibilityStatusValues, v) }

// String returns the wire value.
func (v CompatibilityStatus) String() string { return string(v) }
