package enums

// This file holds the enums of systems, configurations, snapshots and documents.

import "slices"

// TrackedFileSpecifierType is Python's istari_digital_client.v2.models.TrackedFileSpecifierType: how a
// configuration tracks a file.
type TrackedFileSpecifierType string

// TrackedFileSpecifierType values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	TrackedFileSpecifierTypeLatest TrackedFileSpecifierType = "Latest" // Python LATEST: follow the newest revision
	TrackedFileSpecifierTypeLocked TrackedFileSpecifierType = "Locked" // Python LOCKED: pinned to pinned_file_revision_id
)

var trackedFileSpecifierTypeValues = []TrackedFileSpecifierType{
	TrackedFileSpecifierTypeLatest,
	TrackedFileSpecifierTypeLocked,
}

// TrackedFileSpecifierTypeValues returns every known TrackedFileSpecifierType value, in documentation order. The slice is a fresh copy.
func TrackedFileSpecifierTypeValues() []TrackedFileSpecifierType {
	return slices.Clone(trackedFileSpecifierTypeValues)
}

// Valid reports whether v is a known TrackedFileSpecifierType value. Unknown values still decode and encode unchanged.
func (v TrackedFileSpecifierType) Valid() bool {
	return slices.Contains(trackedFileSpecifierTypeValues, v)
}

// String returns the wire value.
func (v TrackedFileSpecifierType) String() string { return string(v) }

// DocumentExportFormat is the format of export_document (a plain str in Python; the query parameter name is
// unconfirmed). Documents hang off system configurations, hence this file.
type DocumentExportFormat string

// Known DocumentExportFormat values.
const (
	DocumentExportFormatJSON     DocumentExportFormat = "json" // ProseMirror JSON
	DocumentExportFormatMarkdown DocumentExportFormat = "markdown"
	DocumentExportFormatDOCX     DocumentExportFormat = "docx"
	DocumentExportFormatPDF      DocumentExportFormat = "pdf"
)

var documentExportFormatValues = []DocumentExportFormat{
	DocumentExportFormatJSON,
	DocumentExportFormatMarkdown,
	DocumentExportFormatDOCX,
	DocumentExportFormatPDF,
}

// DocumentExportFormatValues returns every known DocumentExportFormat value, in documentation order. The slice is a fresh copy.
func DocumentExportFormatValues() []DocumentExportFormat {
	return slices.Clone(documentExportFormatValues)
}

// Valid reports whether v is a known DocumentExportFormat value. Unknown values still decode and encode unchanged.
func (v DocumentExportFormat) Valid() bool { return slices.Contains(documentExportFormatValues, v) }

// String returns the wire value.
func (v DocumentExportFormat) String() string { return string(v) }
