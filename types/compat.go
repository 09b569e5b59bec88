package types

// This file holds the compatibility types. They come from response headers, not JSON bodies; the
// JSON tags only serve callers that serialize them.

import "github.com/istari-sdk/istari-go/enums"

// CompatibilityResult is Python's istari_digital_client CompatibilityResult: what the registry's compatibility
// headers said about this client. A nil pointer means the header was absent.
type CompatibilityResult struct {
	ServerVersion    *string                    `json:"server_version,omitempty"`   // X-Istari-Registry-Version
	Status           *enums.CompatibilityStatus `json:"status,omitempty"`           // X-Istari-Compatibility
	IncompatibleTags []string                   `json:"incompatible_tags,omitzero"` // X-Istari-Incompatible-Tags, comma-split
	DeprecatedTags   []string                   `json:"deprecated_tags,omitzero"`   // X-Istari-Deprecated-Tags, comma-split
}

// AuthDeprecationResult is Python's istari_digital_client AuthDeprecationResult: whether the registry sent
// X-Istari-Auth-Deprecation (a personal access token used against an identity-enabled registry) and its message.
type AuthDeprecationResult struct {
	Detected bool    `json:"detected"`
	Message  *string `json:"message,omitempty"`
}
