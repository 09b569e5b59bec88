package types

// This file holds the infosec types.

// InfosecLevel is Python's istari_digital_client InfosecLevel model: a named classification level within a
// schema (list_infosec_levels returns them in schema order; Order is the position, 0 the lowest). Keys beyond
// the published client's are kept in Extra.
type InfosecLevel struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Order        int       `json:"order"`
	DisplayColor string    `json:"display_color"`
	SchemaID     string    `json:"schema_id"`
	Created      Timestamp `json:"created"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *InfosecLevel) UnmarshalJSON(data []byte) error {
	type plain InfosecLevel
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m InfosecLevel) MarshalJSON() ([]byte, error) {
	type plain InfosecLevel
	return encodeWithExtra(plain(m), m.Extra)
}

// AssignInfosecLevel is Python's istari_digital_client AssignInfosecLevel model: the body of
// assign_infosec_level.
type AssignInfosecLevel struct {
	InfosecLevelID string `json:"infosec_level_id"`
}

// PlatformInfosecSettings is Python's istari_digital_client PlatformInfosecSettings model: whether infosec
// is enabled, the schema, the maximum level and the default level. Its fields (id, created, enabled,
// infosec_schema, max_level, default_resource_level) are not mapped yet, so every key is kept in Extra.
type PlatformInfosecSettings struct {
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *PlatformInfosecSettings) UnmarshalJSON(data []byte) error {
	type plain PlatformInfosecSettings
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m PlatformInfosecSettings) MarshalJSON() ([]byte, error) {
	type plain PlatformInfosecSettings
	return encodeWithExtra(plain(m), m.Extra)
}

// EnablePlatformInfosecSettings is the body of enable_platform_infosec_settings (Python's
// SetPlatformInfosecSettings model: enabled, infosec_schema_type, max_level, default_resource_level), not mapped
// yet: set the keys in Extra. Enabling is permanent.
type EnablePlatformInfosecSettings struct {
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *EnablePlatformInfosecSettings) UnmarshalJSON(data []byte) error {
	type plain EnablePlatformInfosecSettings
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m EnablePlatformInfosecSettings) MarshalJSON() ([]byte, error) {
	type plain EnablePlatformInfosecSettings
	return encodeWithExtra(plain(m), m.Extra)
}
