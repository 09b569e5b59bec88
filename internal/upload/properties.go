package upload

import (
	"encoding/json"

	"github.com/istari-sdk/istari-go/types"
)

// PropertiesBlob is the stored properties object of a revision, byte for byte what the Python client uploads
// (Properties.to_bytes of istari-digital-client 13.3.4): compact JSON with the keys in the order file_name,
// size, extension, mime, description, version_name, external_identifier, display_name, every key present and
// an unset one null. Its sha is the revision's properties token, so the layout is part of the wire.
func PropertiesBlob(p *types.Properties) ([]byte, error) {
	size := int64(0)
	if p.Size != nil {
		size = *p.Size
	}
	return json.Marshal(struct {
		FileName           string  `json:"file_name"`
		Size               int64   `json:"size"`
		Extension          string  `json:"extension"`
		MIME               *string `json:"mime"`
		Description        *string `json:"description"`
		VersionName        *string `json:"version_name"`
		ExternalIdentifier *string `json:"external_identifier"`
		DisplayName        *string `json:"display_name"`
	}{p.FileName, size, p.Extension, p.MIME, p.Description, p.VersionName, p.ExternalIdentifier, p.DisplayName})
}
