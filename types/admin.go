package types

// This file holds the users, tokens, integrations, secrets, storage and health types.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/checksum"
)

// ErrChecksumMismatch is matched (errors.Is) by every *ChecksumError: downloaded or cached bytes whose SHA-384
// does not match their Token.
var ErrChecksumMismatch = errors.New("istari: checksum mismatch")

// ChecksumError reports bytes whose checksum differs from the token's sha (Python's InvalidChecksumError).
// Expected is the token's sha, Actual the computed one. errors.Is(err, ErrChecksumMismatch) is true.
type ChecksumError struct {
	Expected string
	Actual   string
}

// Error returns Python's message: "Token data content checksum is invalid (<actual> != <expected>)".
func (e *ChecksumError) Error() string {
	return fmt.Sprintf("Token data content checksum is invalid (%s != %s)", e.Actual, e.Expected)
}

// Is reports whether target is ErrChecksumMismatch.
func (e *ChecksumError) Is(target error) bool { return target == ErrChecksumMismatch }

// Token is Python's istari_digital_client Token model: the identity and checksum of one stored object (a
// revision's content or its properties blob). SHA is the lowercase hex SHA-384 of the bytes followed by the
// UTF-8 salt (96 hex characters); the salt is reused when a file's content is updated.
type Token struct {
	ID          string    `json:"id"`
	Created     Timestamp `json:"created"`
	SHA         string    `json:"sha"`
	Salt        string    `json:"salt"`
	CreatedByID *string   `json:"created_by_id,omitempty"`
}

// Verify reads r to the end and checks that SHA-384(content ‖ salt) equals t.SHA (compared as lowercase hex).
// On a mismatch it returns a *ChecksumError (matching ErrChecksumMismatch); a read error is returned wrapped.
func (t Token) Verify(r io.Reader) error {
	sum, _, err := checksum.Reader(r, t.Salt)
	if err != nil {
		return fmt.Errorf("istari: reading content to verify: %w", err)
	}
	if !checksum.Matches(sum, t.SHA) {
		return &ChecksumError{Expected: t.SHA, Actual: sum}
	}
	return nil
}

// ComputeSHA streams r into SHA-384, appends the UTF-8 bytes of salt and returns the lowercase hex digest and
// the number of content bytes read. This is the checksum rule of every Token.
func ComputeSHA(r io.Reader, salt string) (sha string, n int64, err error) {
	return checksum.Reader(r, salt)
}

// SecretString holds a secret (a personal access token, Python PersonalAccessToken.token, a plain str; and, as
// istari.Secret, the client's configured credentials) that must not leak into logs or output. String, GoString,
// every fmt verb, slog and JSON/text encoding print "[REDACTED]" (an empty secret stays ""; %#v and GoString
// quote it). Reveal returns the value. JSON decoding reads the plain string, so the secret of a create
// response is available.
type SecretString string

const redacted = "[REDACTED]"

// Reveal returns the secret value.
func (s SecretString) Reveal() string { return string(s) }

// String returns "[REDACTED]", or "" for an empty secret.
func (s SecretString) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns the quoted redacted form, for %#v.
func (s SecretString) GoString() string { return fmt.Sprintf("%q", s.String()) }

// Format prints the redacted form for every verb (%q quotes it).
func (s SecretString) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'q':
		_, _ = fmt.Fprintf(f, "%q", s.String())
	case verb == 'v' && f.Flag('#'):
		_, _ = fmt.Fprint(f, s.GoString())
	default:
		_, _ = fmt.Fprint(f, s.String())
	}
}

// LogValue implements slog.LogValuer with the redacted form.
func (s SecretString) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalJSON encodes the redacted form: the SDK never sends a secret it received.
func (s SecretString) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalText encodes the redacted form.
func (s SecretString) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalJSON reads the plain secret string; null leaves s unchanged.
func (s *SecretString) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var v string
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*s = SecretString(v)
	return nil
}

// User is Python's istari_digital_client User model. list_users returns a plain array.
type User struct {
	ID                   string                `json:"id"`
	Created              Timestamp             `json:"created"`
	ProviderName         string                `json:"provider_name"`
	ProviderUserID       string                `json:"provider_user_id"`
	UserType             enums.UserType        `json:"user_type"`
	PersonalAccessTokens []PersonalAccessToken `json:"personal_access_tokens"`
	ProviderUserState    *enums.UserState      `json:"provider_user_state,omitempty"`
	UserName             *string               `json:"user_name,omitempty"`
	DisplayName          *string               `json:"display_name,omitempty"`
	FirstName            *string               `json:"first_name,omitempty"`
	LastName             *string               `json:"last_name,omitempty"`
	Email                *string               `json:"email,omitempty"`
	MachineName          *string               `json:"machine_name,omitempty"`
	MachineDescription   *string               `json:"machine_description,omitempty"`
	ControlTags          []ControlTag          `json:"control_tags,omitzero"`
	ProviderTenantID     *string               `json:"provider_tenant_id,omitempty"`
	TenantID             *string               `json:"tenant_id,omitempty"`
}

// PersonalAccessToken is Python's istari_digital_client PersonalAccessToken model. Token is the secret,
// present only in the create response (empty in listings); it prints as [REDACTED], read it with
// Token.Reveal(). The types and presence of the other fields are unconfirmed, so they are optional; unmapped
// keys are kept in Extra.
type PersonalAccessToken struct {
	ID            string          `json:"id"`
	MachineUserID *string         `json:"machine_user_id,omitempty"`
	Token         SecretString    `json:"token,omitempty"`
	TokenID       *string         `json:"token_id,omitempty"`
	Name          *string         `json:"name,omitempty"`
	UserType      *enums.UserType `json:"user_type,omitempty"`
	CreatedByID   *string         `json:"created_by_id,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *PersonalAccessToken) UnmarshalJSON(data []byte) error {
	type plain PersonalAccessToken
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m PersonalAccessToken) MarshalJSON() ([]byte, error) {
	type plain PersonalAccessToken
	return encodeWithExtra(plain(m), m.Extra)
}

// Tenant is Python's istari_digital_client Tenant model. The published client has two Tenant models (the
// storage service's and the identity service's) that share only id, so ID is typed and every other key is kept
// in Extra.
type Tenant struct {
	ID string `json:"id"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Tenant) UnmarshalJSON(data []byte) error {
	type plain Tenant
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Tenant) MarshalJSON() ([]byte, error) {
	type plain Tenant
	return encodeWithExtra(plain(m), m.Extra)
}

// AppIntegration is the answer of the app integration calls. The published Python client has no model of this
// name, so its fields are unknown and every key is kept in Extra.
type AppIntegration struct {
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *AppIntegration) UnmarshalJSON(data []byte) error {
	type plain AppIntegration
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m AppIntegration) MarshalJSON() ([]byte, error) {
	type plain AppIntegration
	return encodeWithExtra(plain(m), m.Extra)
}

// NewAppIntegration is the body of create_app_integration. The published Python client has no model of this
// name, so its fields are unknown; set the keys in Extra.
type NewAppIntegration struct {
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *NewAppIntegration) UnmarshalJSON(data []byte) error {
	type plain NewAppIntegration
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m NewAppIntegration) MarshalJSON() ([]byte, error) {
	type plain NewAppIntegration
	return encodeWithExtra(plain(m), m.Extra)
}

// AuthIntegration is Python's istari_digital_client AuthIntegration model: an identity-provider
// integration whose File holds the registration document. Other fields are kept in Extra.
type AuthIntegration struct {
	ID   string `json:"id"`
	File *File  `json:"file,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *AuthIntegration) UnmarshalJSON(data []byte) error {
	type plain AuthIntegration
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m AuthIntegration) MarshalJSON() ([]byte, error) {
	type plain AuthIntegration
	return encodeWithExtra(plain(m), m.Extra)
}

// NewAuthIntegration is Python's istari_digital_client NewAuthIntegration model: the body of
// create_auth_integration. Revision is the uploaded registration document.
type NewAuthIntegration struct {
	AuthIntegrationType enums.AuthIntegrationType `json:"auth_integration_type"`
	AppIntegrationID    string                    `json:"app_integration_id" validate:"required"`
	AuthType            enums.FunctionAuthType    `json:"auth_type" validate:"required"`
	Revision            FileRevision              `json:"revision"`
}

// AuthIntegrationUpdate is Python's istari_digital_client AuthIntegrationUpdate model: the body of
// update_auth_integration (every field optional).
type AuthIntegrationUpdate struct {
	AuthIntegrationType *enums.AuthIntegrationType `json:"auth_integration_type,omitempty"`
	AuthType            *enums.FunctionAuthType    `json:"auth_type,omitempty"`
	Revision            *FileRevision              `json:"revision,omitempty"`
}

// FunctionAuthSecret is Python's istari_digital_client FunctionAuthSecret model: an encrypted credential a
// job can use. Attach it to a job as NewSource{RevisionID: <Revision.ID>, RelationshipIdentifier: <input name>}.
// Only revision is known; other fields are kept in Extra.
type FunctionAuthSecret struct {
	Revision *FileRevision `json:"revision,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *FunctionAuthSecret) UnmarshalJSON(data []byte) error {
	type plain FunctionAuthSecret
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m FunctionAuthSecret) MarshalJSON() ([]byte, error) {
	type plain FunctionAuthSecret
	return encodeWithExtra(plain(m), m.Extra)
}

// NewFunctionAuthSecret is Python's istari_digital_client NewFunctionAuthSecret model: the body of
// create_function_auth_secret. SHA and Salt are the token of the plaintext secret, computed client-side.
type NewFunctionAuthSecret struct {
	AuthIntegrationID *string                `json:"auth_integration_id,omitempty"`
	Revision          FileRevision           `json:"revision"`
	FunctionAuthType  enums.FunctionAuthType `json:"function_auth_type" validate:"required"`
	Expiration        *Timestamp             `json:"expiration,omitempty"`
	SHA               string                 `json:"sha" validate:"required"`
	Salt              string                 `json:"salt" validate:"required"`
}

// PresignedURL is the proposed response of the storage calls generate_upload_url / generate_download_url: a
// one-time object-store URL to PUT or GET without the registry Authorization header. The URL's query string is
// a credential: do not log it. Python's storage client returns the same URL as a plain string.
type PresignedURL struct {
	URL string `json:"url"`
}

// UploadURLRequest is the proposed body of generate_upload_url / generate_download_url (and an item of
// generate_upload_urls_bulk): the sha and salt of the object, as Python's storage client sends them.
type UploadURLRequest struct {
	SHA  string `json:"sha" validate:"required"`
	Salt string `json:"salt"`
}

// HealthStatus is the answer of the liveness and readiness probes (Python: the return value of
// Client.liveness_check and Client.readiness_check). Its JSON shape is not public, so the body is kept raw, with
// the probe's HTTP status. JSON encoding writes Raw back as it came.
type HealthStatus struct {
	StatusCode int             `json:"-"` // HTTP status of the probe
	Raw        json.RawMessage // body as sent (JSON, or text)
}

// UnmarshalJSON keeps a copy of data in Raw.
func (h *HealthStatus) UnmarshalJSON(data []byte) error {
	h.Raw = append(json.RawMessage(nil), data...)
	return nil
}

// MarshalJSON writes Raw back (null when empty).
func (h HealthStatus) MarshalJSON() ([]byte, error) {
	if len(h.Raw) == 0 {
		return []byte("null"), nil
	}
	return h.Raw, nil
}

// UpstreamRemoteSyncResult is the answer of sync_upstream_remotes (Python Client.sync_upstream_remotes).
// UNCONFIRMED SHAPE: only the operation's name is known, so the body is kept as sent in Raw (JSON, or null when
// the registry sent nothing); read it with Decode.
type UpstreamRemoteSyncResult struct {
	Raw json.RawMessage
}

// UnmarshalJSON keeps a copy of data in Raw.
func (m *UpstreamRemoteSyncResult) UnmarshalJSON(data []byte) error {
	m.Raw = append(json.RawMessage(nil), data...)
	return nil
}

// MarshalJSON writes Raw back (null when empty).
func (m UpstreamRemoteSyncResult) MarshalJSON() ([]byte, error) { return rawOrNull(m.Raw), nil }

// Decode unmarshals Raw into v.
func (m *UpstreamRemoteSyncResult) Decode(v any) error { return json.Unmarshal(rawOrNull(m.Raw), v) }

// UpstreamRemoteCompatibility is the answer of check_upstream_remote_compatibility (Python
// Client.check_upstream_remote_compatibility). UNCONFIRMED SHAPE: only
// the operation's name is known, so the body is kept as sent in Raw; read it with Decode.
type UpstreamRemoteCompatibility struct {
	Raw json.RawMessage
}

// UnmarshalJSON keeps a copy of data in Raw.
func (m *UpstreamRemoteCompatibility) UnmarshalJSON(data []byte) error {
	m.Raw = append(json.RawMessage(nil), data...)
	return nil
}

// MarshalJSON writes Raw back (null when empty).
func (m UpstreamRemoteCompatibility) MarshalJSON() ([]byte, error) { return rawOrNull(m.Raw), nil }

// Decode unmarshals Raw into v.
func (m *UpstreamRemoteCompatibility) Decode(v any) error { return json.Unmarshal(rawOrNull(m.Raw), v) }

func rawOrNull(raw json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(raw)) == 0 {
		return json.RawMessage("null")
	}
	return raw
}
