package istari

// This file holds access-key credentials: an ECDSA P-384 key pair bound to the identity service's client id and
// key id, their JSON file and inline secret forms (Python's identity credentials helpers).

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/istari-sdk/istari-go/internal/identity"
)

// Credentials are an access key of the Istari Identity Service: the client id and key id it is registered
// under, and its ECDSA P-384 private key. They are what IdentityServiceSecretFile and IdentityServiceSecret
// hold.
//
// The private key never appears in a printed, logged or JSON-encoded Credentials: String, GoString, every fmt
// verb, slog and json.Marshal show it as "[REDACTED]". Only [Credentials.WriteFile] and
// [Credentials.InlineSecret] (a [Secret]) serialize it.
type Credentials struct {
	// ClientID is the identity service's client id of the principal (a user's preferred user name, an agent's
	// subject). It is the assertion's issuer and subject.
	ClientID string
	// KeyID is the id the public key is registered under; the assertion's "kid".
	KeyID string

	key *ecdsa.PrivateKey
}

// GenerateCredentials makes a new ECDSA P-384 key pair (Python generate_keypair). An empty clientID or keyID
// gets a placeholder of Python's form: "client-" or "key-" and 8 lowercase hex digits. Exchanging or registering
// the public key binds the credentials to the server's ids ([KeyManager.ExchangePAT]).
func GenerateCredentials(clientID, keyID string) (*Credentials, error) {
	c, err := identity.Generate(clientID, keyID)
	if err != nil {
		return nil, err
	}
	return fromInternal(c), nil
}

// ParseCredentials reads the JSON form {"clientId", "keyId", "key"}, key an unencrypted PEM ECDSA P-384
// private key (PKCS#8 or SEC1). The error names the problem, never the key.
func ParseCredentials(data []byte) (*Credentials, error) {
	c, err := identity.Parse(data, "<data>")
	if err != nil {
		return nil, err
	}
	return fromInternal(c), nil
}

// ReadCredentialsFile loads credentials from a JSON file written by [Credentials.WriteFile] (or by Python's
// write_credentials_json), which must be an existing regular file.
func ReadCredentialsFile(path string) (*Credentials, error) {
	c, err := identity.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return fromInternal(c), nil
}

// CredentialsFromInlineSecret decodes the inline form of IdentityServiceSecret: strict, padded standard base64 of
// the credentials JSON, without whitespace or line breaks.
func CredentialsFromInlineSecret(secret Secret) (*Credentials, error) {
	c, err := identity.DecodeInline(secret.Reveal())
	if err != nil {
		return nil, err
	}
	return fromInternal(c), nil
}

func fromInternal(c *identity.Credentials) *Credentials {
	return &Credentials{ClientID: c.ClientID, KeyID: c.KeyID, key: c.Key}
}

// internal returns the mechanics' view of c, or an error when c has no key (a zero Credentials).
func (c *Credentials) internal() (*identity.Credentials, error) {
	if c == nil || c.key == nil {
		return nil, newValidationError("credentials", "required", "", "credentials with a private key are required (GenerateCredentials, ReadCredentialsFile)")
	}
	return &identity.Credentials{ClientID: c.ClientID, KeyID: c.KeyID, Key: c.key}, nil
}

// PrivateKey returns the ECDSA P-384 private key.
func (c *Credentials) PrivateKey() *ecdsa.PrivateKey { return c.key }

// PublicKeyPEM is the public key as a SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), what the identity service
// registers.
func (c *Credentials) PublicKeyPEM() (string, error) {
	ic, err := c.internal()
	if err != nil {
		return "", err
	}
	return ic.PublicKeyPEM()
}

// WriteFile writes the credentials JSON file (Python write_credentials_json): {"clientId": ..., "keyId": ...,
// "key": ...} in that order with Python's separators, the key as PKCS#8 PEM, no trailing newline. The file is
// created or truncated with mode 0600, and an existing file is tightened to 0600 before the key is written. The
// write is not atomic.
func (c *Credentials) WriteFile(path string) error {
	ic, err := c.internal()
	if err != nil {
		return err
	}
	return ic.WriteFile(path)
}

// InlineSecret is the value for IdentityServiceSecret (env ISTARI_CLIENT_IDENTITY_SERVICE_SECRET): padded
// standard base64 of the credentials JSON (Python to_identity_service_secret).
func (c *Credentials) InlineSecret() (Secret, error) {
	ic, err := c.internal()
	if err != nil {
		return "", err
	}
	s, err := ic.Inline()
	return Secret(s), err
}

// rebind returns a copy of c bound to other ids (the same key).
func (c *Credentials) rebind(clientID, keyID string) *Credentials {
	return &Credentials{ClientID: clientID, KeyID: keyID, key: c.key}
}

// String shows the ids and "[REDACTED]" for the key.
func (c *Credentials) String() string {
	if c == nil {
		return "istari.Credentials(nil)"
	}
	key := ""
	if c.key != nil {
		key = redacted
	}
	return "istari.Credentials{ClientID: " + strconv.Quote(c.ClientID) + ", KeyID: " + strconv.Quote(c.KeyID) + ", Key: " + key + "}"
}

// GoString is String, so %#v shows no key either.
func (c *Credentials) GoString() string { return c.String() }

// Format implements [fmt.Formatter]: every verb prints String (quoted for %q).
func (c *Credentials) Format(f fmt.State, verb rune) {
	s := c.String()
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	_, _ = f.Write([]byte(s))
}

// LogValue implements [log/slog.LogValuer] with String.
func (c *Credentials) LogValue() slog.Value { return slog.StringValue(c.String()) }

// MarshalJSON encodes the ids and "[REDACTED]" for the key: {"clientId", "keyId", "key"}. Use WriteFile or
// InlineSecret to serialize the key itself.
func (c *Credentials) MarshalJSON() ([]byte, error) {
	key := ""
	if c.key != nil {
		key = redacted
	}
	return json.Marshal(struct {
		ClientID string `json:"clientId"`
		KeyID    string `json:"keyId"`
		Key      string `json:"key"`
	}{c.ClientID, c.KeyID, key})
}
