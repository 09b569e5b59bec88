package istari

import (
	"sync"
	"testing"
)

// testCredentials is one P-384 key pair shared by the tests of this package (generating one per test is slow
// under -race).
var testCredentials = sync.OnceValue(func() *Credentials {
	c, err := GenerateCredentials("client-test", "key-test")
	if err != nil {
		panic(err)
	}
	return c
})

// testInlineSecret is testCredentials in the inline form of IdentityServiceSecret.
func testInlineSecret() Secret {
	s, err := testCredentials().InlineSecret()
	if err != nil {
		panic(err)
	}
	return s
}

func TestValidIdentityConfigurationNeedsNoToken(t *testing.T) {
	c := Configuration{DigitalAPIURL: "https://api.example.com/", IdentityServiceEnabled: true, IdentityServiceSecret: testInlineSecret()}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	// The file wins over the inline secret: a broken file is reported even with a good inline secret.
	c.IdentityServiceSecretFile = t.TempDir()
	requireOneConfErr(t, c.Validate(), "IdentityServiceSecretFile", envIdentitySecretFile)
}
