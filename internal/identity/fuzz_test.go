package identity

import (
	"strings"
	"testing"
)

// FuzzDecodeInline feeds arbitrary inline secrets and credentials JSON to the parsers: they never panic, and an
// error never quotes the input (which may hold a key).
func FuzzDecodeInline(f *testing.F) {
	c, err := Generate("client-1", "key-1")
	if err != nil {
		f.Fatal(err)
	}
	inline, _ := c.Inline()
	raw, _ := c.Marshal()
	f.Add(inline)
	f.Add(string(raw))
	f.Add(`{"clientId": "c", "keyId": "k", "key": "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n"}`)
	f.Add("e30=")
	f.Fuzz(func(t *testing.T, in string) {
		for _, fn := range []func(string) (*Credentials, error){DecodeInline, func(s string) (*Credentials, error) { return Parse([]byte(s), "src") }} {
			got, err := fn(in)
			if err == nil {
				if got.Key == nil || got.ClientID == "" || got.KeyID == "" {
					t.Fatalf("accepted incomplete credentials from %q", in)
				}
				continue
			}
			if len(in) >= 16 && strings.Contains(err.Error(), in) {
				t.Fatalf("error quotes the input: %v", err)
			}
		}
	})
}
