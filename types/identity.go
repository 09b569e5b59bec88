package types

// This file holds the identity service's access-key types (Python's istari_digital_client identity models).
// Their timestamps are RFC 3339 strings on the wire and decode leniently as Timestamp.

// KeyMetadata is Python's KeyMetadata: one registered access key, without any key material.
type KeyMetadata struct {
	KeyID     string     `json:"key_id"`
	Name      *string    `json:"name,omitempty"`
	Algorithm string     `json:"algorithm"` // always "ES384"
	CreatedAt Timestamp  `json:"created_at"`
	ExpiresAt *Timestamp `json:"expires_at,omitempty"`
}

// PrincipalKeys is Python's PrincipalKeys: a principal (user or agent) and its registered access keys.
type PrincipalKeys struct {
	ClientID string        `json:"client_id"`
	UserUUID string        `json:"user_uuid"`
	TenantID string        `json:"tenant_id"`
	Enabled  bool          `json:"enabled"`
	Keys     []KeyMetadata `json:"keys"` // null decodes as empty
}

// ExchangePATResponse is Python's ExchangePatResponse: the identity of the access key a personal access token
// was exchanged for. ClientID is derived by the server (a user's preferred user name, an agent's subject).
type ExchangePATResponse struct {
	ClientID string  `json:"client_id"`
	KeyID    string  `json:"key_id"`
	TenantID string  `json:"tenant_id"`
	UserUUID string  `json:"user_uuid"`
	Name     *string `json:"name,omitempty"`
}
