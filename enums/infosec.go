package enums

// This file holds the enums of infosec levels and platform settings.

import "slices"

// InfosecLevelObjectType is Python's istari_digital_client.v2.models.InfosecLevelObjectType: the subject_type
// of assign_infosec_level. There is no file value: files cannot be classified.
type InfosecLevelObjectType string

// Known InfosecLevelObjectType values.
const (
	InfosecLevelObjectTypeModel    InfosecLevelObjectType = "model"
	InfosecLevelObjectTypeArtifact InfosecLevelObjectType = "artifact"
	InfosecLevelObjectTypeSystem   InfosecLevelObjectType = "system"
	InfosecLevelObjectTypeUser     InfosecLevelObjectType = "user"
)

var infosecLevelObjectTypeValues = []InfosecLevelObjectType{
	InfosecLevelObjectTypeModel,
	InfosecLevelObjectTypeArtifact,
	InfosecLevelObjectTypeSystem,
	InfosecLevelObjectTypeUser,
}

// InfosecLevelObjectTypeValues returns every known InfosecLevelObjectType value, in documentation order. The slice is a fresh copy.
func InfosecLevelObjectTypeValues() []InfosecLevelObjectType {
	return slices.Clone(infosecLevelObjectTypeValues)
}

// Valid reports whether v is a known InfosecLevelObjectType value. Unknown values still decode and encode unchanged.
func (v InfosecLevelObjectType) Valid() bool { return slices.Contains(infosecLevelObjectTypeValues, v) }

// String returns the wire value.
func (v InfosecLevelObjectType) String() string { return string(v) }

// InfosecSchema is the classification schema of the platform infosec settings (not a Python enum on the
// wire; the client's InfosecSchemaTypes holds the same strings).
type InfosecSchema string

// InfosecSchema values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	InfosecSchemaUSDoD InfosecSchema = "US_DOD" // UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP_SECRET, TOP_SECRET_SCI
	InfosecSchemaAUS   InfosecSchema = "AUS"    // OFFICIAL, OFFICIAL:SENSITIVE, PROTECTED, SECRET, TOP_SECRET
)

var infosecSchemaValues = []InfosecSchema{
	InfosecSchemaUSDoD,
	InfosecSchemaAUS,
}

// InfosecSchemaValues returns every known InfosecSchema value, in documentation order. The slice is a fresh copy.
func InfosecSchemaValues() []InfosecSchema { return slices.Clone(infosecSchemaValues) }

// Valid reports whether v is a known InfosecSchema value. Unknown values still decode and encode unchanged.
func (v InfosecSchema) Valid() bool { return slices.Contains(infosecSchemaValues, v) }

// String returns the wire value.
func (v InfosecSchema) String() string { return string(v) }
