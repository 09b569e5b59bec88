// Package identity holds the mechanics of access-key authentication with the Istari Identity Service:
// credentials (an ECDSA P-384 key pair bound to a client id and key id), the ES384 client-assertion JWT, and
// the cached, single-flight token source that exchanges assertions for short-lived access tokens.
//
// Nothing in this package logs, prints or returns a private key, an assertion or an access token in an
// error message.
package identity

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Credentials are an access key: the client id and key id the identity service knows, and the private key.
type Credentials struct {
	ClientID string
	KeyID    string
	Key      *ecdsa.PrivateKey
}

// CredentialsError says why credentials could not be used. Its message never contains key material.
type CredentialsError struct{ Msg string }

func (e *CredentialsError) Error() string { return e.Msg }

func credErr(format string, args ...any) error {
	return &CredentialsError{Msg: fmt.Sprintf(format, args...)}
}

// InlineSource is the source name of credentials given as an inline base64 secret.
const InlineSource = "inline secret"

// ReadFile loads credentials from a JSON file, which must be an existing regular file.
func ReadFile(path string) (*Credentials, error) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, credErr("Identity-router credentials file not found or not a regular file: %s", path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, credErr("Identity-router credentials file not found or not a regular file: %s", path)
	}
	return Parse(raw, path)
}

// DecodeInline loads credentials from their inline form: strict, padded standard base64 of the JSON (no
// whitespace or line breaks allowed).
func DecodeInline(secret string) (*Credentials, error) {
	if i := strings.IndexFunc(secret, notBase64); i >= 0 {
		return nil, credErr("Identity-router inline secret is not valid base64: invalid character at offset %d", i)
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(secret)
	if err != nil {
		var corrupt base64.CorruptInputError
		if errors.As(err, &corrupt) {
			return nil, credErr("Identity-router inline secret is not valid base64: illegal data at offset %d", int64(corrupt))
		}
		return nil, credErr("Identity-router inline secret is not valid base64")
	}
	return Parse(raw, InlineSource)
}

// notBase64 reports a character outside the standard base64 alphabet and its padding (Go's decoder would
// silently skip CR and LF; Python's strict decoding rejects them).
func notBase64(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '+', r == '/', r == '=':
		return false
	}
	return true
}

// Parse reads the JSON form {"clientId", "keyId", "key"} (key an unencrypted PEM ECDSA P-384 private key,
// PKCS#8 or SEC1). src names the source in messages: a path or InlineSource.
func Parse(raw []byte, src string) (*Credentials, error) {
	var obj any
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&obj); err != nil {
		return nil, credErr("Identity-router credentials at %s are not valid JSON: %s", src, jsonProblem(err))
	}
	if dec.More() {
		return nil, credErr("Identity-router credentials at %s are not valid JSON: extra data after the object", src)
	}
	m, ok := obj.(map[string]any)
	if !ok {
		return nil, credErr("Identity-router credentials at %s must be a JSON object", src)
	}
	fields := make(map[string]string, 3)
	for _, name := range []string{"clientId", "keyId", "key"} {
		s, ok := m[name].(string)
		if !ok || s == "" {
			return nil, credErr("Identity-router credentials at %s must contain '%s' as a non-empty string", src, name)
		}
		fields[name] = s
	}
	key, err := ParsePrivateKey([]byte(fields["key"]))
	if err != nil {
		return nil, credErr("Identity-router credentials at %s %s", src, err.Error())
	}
	return &Credentials{ClientID: fields["clientId"], KeyID: fields["keyId"], Key: key}, nil
}

// jsonProblem describes a JSON decoding error by kind and offset only: the message of a syntax error quotes a
// character of the input, which may belong to the key.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return "syntax error at byte " + strconv.FormatInt(syn.Offset, 10)
	}
	return "unexpected end of input"
}

// ParsePrivateKey decodes a PEM private key and checks that it is ECDSA P-384. Its errors read as the end of
// "Identity-router credentials at <src> ...".
func ParsePrivateKey(pemBytes []byte) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("have an invalid PEM key: no PEM block found")
	}
	var parsed any
	var err error
	switch block.Type {
	case "EC PRIVATE KEY":
		parsed, err = x509.ParseECPrivateKey(block.Bytes)
	case "PRIVATE KEY":
		parsed, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	default:
		return nil, fmt.Errorf("have an invalid PEM key: unsupported PEM block type %q", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("have an invalid PEM key: %s", keyParseProblem(err))
	}
	key, ok := parsed.(*ecdsa.PrivateKey)
	if !ok {
		return nil, errors.New("key is not an ECDSA P-384 key")
	}
	if key.Curve != elliptic.P384() {
		return nil, fmt.Errorf("key uses curve %s; ECDSA P-384 (secp384r1) is required", curveName(key.Curve))
	}
	return key, nil
}

// keyParseProblem keeps x509's message, which describes the structure, never the bytes.
func keyParseProblem(err error) string {
	msg := err.Error()
	if !utf8.ValidString(msg) || len(msg) > 200 {
		return "malformed key"
	}
	return msg
}

// ParsePublicKey decodes a SubjectPublicKeyInfo PEM public key and checks that it is ECDSA P-384. Its errors
// are the messages of the identity service's local public-key check.
func ParsePublicKey(pemText string) (*ecdsa.PublicKey, error) {
	block, _ := pem.Decode([]byte(pemText))
	if block == nil || block.Type != "PUBLIC KEY" {
		return nil, errors.New("public_key_pem is not a valid PEM public key: no PUBLIC KEY block found")
	}
	parsed, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("public_key_pem is not a valid PEM public key: %s", keyParseProblem(err))
	}
	pub, ok := parsed.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P384() {
		return nil, errors.New("public_key_pem must be an ECDSA P-384 (secp384r1) public key")
	}
	return pub, nil
}

func curveName(c elliptic.Curve) string {
	if c == nil || c.Params() == nil {
		return "unknown"
	}
	switch c.Params().Name {
	case "P-224":
		return "secp224r1"
	case "P-256":
		return "secp256r1"
	case "P-521":
		return "secp521r1"
	}
	return c.Params().Name
}

// Generate makes a new P-384 key pair. An empty clientID or keyID gets the default form: "client-" or "key-"
// followed by 8 lowercase hex digits from 4 random bytes.
func Generate(clientID, keyID string) (*Credentials, error) {
	key, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generating an ECDSA P-384 key: %w", err)
	}
	if clientID == "" {
		clientID = "client-" + randomHex(4)
	}
	if keyID == "" {
		keyID = "key-" + randomHex(4)
	}
	return &Credentials{ClientID: clientID, KeyID: keyID, Key: key}, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// PrivateKeyPEM is the unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY") of the key.
func (c *Credentials) PrivateKeyPEM() (string, error) {
	der, err := x509.MarshalPKCS8PrivateKey(c.Key)
	if err != nil {
		return "", fmt.Errorf("encoding the private key: %w", err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), nil
}

// PublicKeyPEM is the SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY") of the key.
func (c *Credentials) PublicKeyPEM() (string, error) {
	der, err := x509.MarshalPKIXPublicKey(&c.Key.PublicKey)
	if err != nil {
		return "", fmt.Errorf("encoding the public key: %w", err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}

// Marshal is the file form: {"clientId": ..., "keyId": ..., "key": ...} in that order, with the separators
// ", " and ": " and ASCII-only escapes of Python's json.dumps, no trailing newline, no public key.
func (c *Credentials) Marshal() ([]byte, error) {
	keyPEM, err := c.PrivateKeyPEM()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"clientId": `)
	writePyString(&b, c.ClientID)
	b.WriteString(`, "keyId": `)
	writePyString(&b, c.KeyID)
	b.WriteString(`, "key": `)
	writePyString(&b, keyPEM)
	b.WriteString("}")
	return b.Bytes(), nil
}

// writePyString writes s as a JSON string the way Python's json.dumps does (ensure_ascii): no HTML escaping,
// every non-ASCII character as \uXXXX (surrogate pairs above the BMP).
func writePyString(b *bytes.Buffer, s string) {
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	_ = e.Encode(s) // a string always encodes
	for _, r := range strings.TrimSuffix(enc.String(), "\n") {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
}

// Inline is the inline secret form: padded standard base64 of Marshal.
func (c *Credentials) Inline() (string, error) {
	raw, err := c.Marshal()
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(raw), nil
}

// WriteFile writes the file form to path: created or truncated with mode 0600, then chmod 0600 so an existing
// file with wider permissions is tightened, then written. The write is not atomic.
func (c *Credentials) WriteFile(path string) error {
	raw, err := c.Marshal()
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	if _, err := f.Write(raw); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
