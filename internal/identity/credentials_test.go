package identity

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func mustGenerate(t *testing.T, clientID, keyID string) *Credentials {
	t.Helper()
	c, err := Generate(clientID, keyID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGenerateDefaultIDsAndRoundTrip(t *testing.T) {
	c := mustGenerate(t, "", "")
	if !regexp.MustCompile(`^client-[0-9a-f]{8}$`).MatchString(c.ClientID) || !regexp.MustCompile(`^key-[0-9a-f]{8}$`).MatchString(c.KeyID) {
		t.Errorf("ids %q %q", c.ClientID, c.KeyID)
	}
	raw, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	if !strings.HasPrefix(s, `{"clientId": "`+c.ClientID+`", "keyId": "`+c.KeyID+`", "key": "-----BEGIN PRIVATE KEY-----\n`) ||
		!strings.HasSuffix(s, `-----END PRIVATE KEY-----\n"}`) || strings.Contains(s, "PUBLIC") {
		t.Errorf("file form %q", s)
	}
	back, err := Parse(raw, "x")
	if err != nil {
		t.Fatal(err)
	}
	if back.ClientID != c.ClientID || back.KeyID != c.KeyID || !back.Key.Equal(c.Key) {
		t.Error("round trip changed the credentials")
	}
	inline, err := c.Inline()
	if err != nil {
		t.Fatal(err)
	}
	if inline != base64.StdEncoding.EncodeToString(raw) {
		t.Error("inline is not padded standard base64 of the file form")
	}
	fromInline, err := DecodeInline(inline)
	if err != nil || !fromInline.Key.Equal(c.Key) {
		t.Fatalf("DecodeInline: %v", err)
	}
}

func TestMarshalEscapesLikePython(t *testing.T) {
	c := mustGenerate(t, "ç<&>", "k\U0001F600")
	raw, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), `{"clientId": "\u00e7<&>", "keyId": "k\ud83d\ude00", `) {
		t.Errorf("got %s", raw[:60])
	}
	back, err := Parse(raw, "x")
	if err != nil || back.ClientID != "ç<&>" || back.KeyID != "k\U0001F600" {
		t.Errorf("parse back: %v %q %q", err, back.ClientID, back.KeyID)
	}
}

func TestWriteFileTightensAnExistingFile(t *testing.T) {
	c := mustGenerate(t, "client-1", "key-1")
	path := filepath.Join(t.TempDir(), "creds.json")
	if err := os.WriteFile(path, []byte("old old old old old old old old old old old old old old old old old old old old old old old"+strings.Repeat("x", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	back, err := ReadFile(path)
	if err != nil || !back.Key.Equal(c.Key) {
		t.Fatalf("ReadFile: %v", err)
	}
	if _, err := ReadFile(filepath.Dir(path)); err == nil || !strings.Contains(err.Error(), "not found or not a regular file: "+filepath.Dir(path)) {
		t.Errorf("directory: %v", err)
	}
}

func pemOf(t *testing.T, typ string, der []byte) string {
	t.Helper()
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

func credJSON(key string) []byte {
	b, _ := json.Marshal(map[string]string{"clientId": "c", "keyId": "k", "key": key})
	return b
}

func TestParseRejections(t *testing.T) {
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p256DER, _ := x509.MarshalPKCS8PrivateKey(p256)
	p384 := mustGenerate(t, "c", "k")
	sec1DER, _ := x509.MarshalECPrivateKey(p384.Key)
	edPub, edPriv, _ := ed25519Key()
	_ = edPub
	edDER, _ := x509.MarshalPKCS8PrivateKey(edPriv)

	tests := []struct {
		name, raw, want string
	}{
		{"not JSON", `{"clientId": "c", `, "Identity-router credentials at src are not valid JSON: "},
		{"array", `["c"]`, "Identity-router credentials at src must be a JSON object"},
		{"no clientId", `{"keyId": "k", "key": "x"}`, "must contain 'clientId' as a non-empty string"},
		{"empty keyId", `{"clientId": "c", "keyId": "", "key": "x"}`, "must contain 'keyId' as a non-empty string"},
		{"number key", `{"clientId": "c", "keyId": "k", "key": 5}`, "must contain 'key' as a non-empty string"},
		{"no PEM", string(credJSON("garbage")), "Identity-router credentials at src have an invalid PEM key: "},
		{"P-256", string(credJSON(pemOf(t, "PRIVATE KEY", p256DER))), "key uses curve secp256r1; ECDSA P-384 (secp384r1) is required"},
		{"Ed25519", string(credJSON(pemOf(t, "PRIVATE KEY", edDER))), "key is not an ECDSA P-384 key"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.raw), "src")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// SEC1 is accepted too.
	c, err := Parse(credJSON(pemOf(t, "EC PRIVATE KEY", sec1DER)), "src")
	if err != nil || !c.Key.Equal(p384.Key) {
		t.Errorf("SEC1: %v", err)
	}
	// No message quotes the key material.
	_, err = Parse([]byte(`{"clientId": "c", "keyId": "k", "key": "-----BEGIN PRIVATE KEY-----\nSECRETBYTES`), "src")
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("truncated JSON: %v", err)
	}
}

func TestDecodeInlineIsStrict(t *testing.T) {
	c := mustGenerate(t, "c", "k")
	inline, _ := c.Inline()
	for name, bad := range map[string]string{
		"newline":    inline[:10] + "\n" + inline[10:],
		"CR":         inline[:10] + "\r" + inline[10:],
		"space":      " " + inline,
		"no padding": strings.TrimRight(inline, "="),
		"url-safe":   strings.NewReplacer("+", "-", "/", "_").Replace(inline) + "-_",
	} {
		if name == "no padding" && !strings.HasSuffix(inline, "=") {
			continue
		}
		_, err := DecodeInline(bad)
		if err == nil || !strings.HasPrefix(err.Error(), "Identity-router inline secret is not valid base64") {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err := DecodeInline(base64.StdEncoding.EncodeToString([]byte(`{"clientId": "c"}`)))
	if err == nil || !strings.Contains(err.Error(), "credentials at inline secret must contain 'keyId'") {
		t.Errorf("inline source name: %v", err)
	}
}

func TestParsePublicKey(t *testing.T) {
	c := mustGenerate(t, "c", "k")
	pub, err := c.PublicKeyPEM()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pub, "-----BEGIN PUBLIC KEY-----\n") {
		t.Errorf("public PEM %q", pub)
	}
	got, err := ParsePublicKey(pub)
	if err != nil || !got.Equal(&c.Key.PublicKey) {
		t.Errorf("ParsePublicKey: %v", err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, _ := x509.MarshalPKIXPublicKey(&p256.PublicKey)
	if _, err := ParsePublicKey(pemOf(t, "PUBLIC KEY", der)); err == nil || err.Error() != "public_key_pem must be an ECDSA P-384 (secp384r1) public key" {
		t.Errorf("P-256: %v", err)
	}
	if _, err := ParsePublicKey("nope"); err == nil || !strings.HasPrefix(err.Error(), "public_key_pem is not a valid PEM public key: ") {
		t.Errorf("garbage: %v", err)
	}
}
