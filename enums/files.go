package enums

// This file holds the enums of files, models, artifacts and the v3 resource DTOs.

import "slices"

// ResourceTypeDTO is Python's istari_digital_client v3 ResourceTypeDto (V3Client resource_type).
type ResourceTypeDTO string

// Known ResourceTypeDTO values.
const (
	ResourceTypeDTOModel    ResourceTypeDTO = "model"
	ResourceTypeDTOArtifact ResourceTypeDTO = "artifact"
	ResourceTypeDTOFile     ResourceTypeDTO = "file"
)

var resourceTypeDTOValues = []ResourceTypeDTO{
	ResourceTypeDTOModel,
	ResourceTypeDTOArtifact,
	ResourceTypeDTOFile,
}

// ResourceTypeDTOValues returns every known ResourceTypeDTO value, in documentation order. The slice is a fresh copy.
func ResourceTypeDTOValues() []ResourceTypeDTO { return slices.Clone(resourceTypeDTOValues) }

// Valid reports whether v is a known ResourceTypeDTO value. Unknown values still decode and encode unchanged.
func (v ResourceTypeDTO) Valid() bool { return slices.Contains(resourceTypeDTOValues, v) }

// String returns the wire value.
func (v ResourceTypeDTO) String() string { return string(v) }
