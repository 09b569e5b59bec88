package istari

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCredentialsPrintRedacted(t *testing.T) {
	creds := testCredentials()
	secret, err := creds.InlineSecret()
	require.NoError(t, err)
	der := creds.PrivateKey().D.Text(16)
	js, err := json.Marshal(struct{ C *Credentials }{creds})
	require.NoError(t, err)
	for _, s := range []string{fmt.Sprintf("%v %+v %#v %s %q", creds, creds, creds, creds, creds), string(js),
		fmt.Sprintf("%v", &ExchangePATResult{Credentials: creds}), fmt.Sprintf("%+v", GeneratedKey{Credentials: creds})} {
		assert.Contains(t, s, "[REDACTED]")
		assert.Contains(t, s, "key-test")
		assert.NotContains(t, s, "PRIVATE KEY")
		assert.NotContains(t, s, der)
		assert.NotContains(t, s, secret.Reveal()[:40])
	}
	assert.Equal(t, "[REDACTED]", fmt.Sprint(secret))
}

func TestCredentialsFileAndInlineRoundTrip(t *testing.T) {
	creds := testCredentials()
	path := t.TempDir() + "/c.json"
	require.NoError(t, creds.WriteFile(path))
	back, err := ReadCredentialsFile(path)
	require.NoError(t, err)
	assert.Equal(t, creds.ClientID, back.ClientID)
	assert.True(t, back.PrivateKey().Equal(creds.PrivateKey()))
	secret, err := creds.InlineSecret()
	require.NoError(t, err)
	fromInline, err := CredentialsFromInlineSecret(secret)
	require.NoError(t, err)
	assert.True(t, fromInline.PrivateKey().Equal(creds.PrivateKey()))
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	parsed, err := ParseCredentials(raw)
	require.NoError(t, err)
	assert.Equal(t, creds.KeyID, parsed.KeyID)
	assert.True(t, strings.HasPrefix(string(raw), `{"clientId": "client-test", "keyId": "key-test", "key": "-----BEGIN PRIVATE KEY-----\n`))
	gen, err := GenerateCredentials("", "")
	require.NoError(t, err)
	assert.Regexp(t, `^client-[0-9a-f]{8}$`, gen.ClientID)
	assert.Regexp(t, `^key-[0-9a-f]{8}$`, gen.KeyID)
}
