package istari

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/types"
)

// rawMap turns a map into the Extra form of the body types whose fields are unknown.
func rawMap(t *testing.T, m map[string]any) map[string]json.RawMessage {
	t.Helper()
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		out[k] = b
	}
	return out
}

func newTestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// assertSecretHidden checks that no rendering of pat shows secret, while Reveal returns it.
func assertSecretHidden(t *testing.T, pat *types.PersonalAccessToken, secret string) {
	t.Helper()
	assert.Equal(t, secret, pat.Token.Reveal())
	renderings := map[string]string{
		"%v":    fmt.Sprintf("%v", pat),
		"%+v":   fmt.Sprintf("%+v", pat),
		"%#v":   fmt.Sprintf("%#v", pat),
		"%v*":   fmt.Sprintf("%v", *pat),
		"%+v*":  fmt.Sprintf("%+v", *pat),
		"%#v*":  fmt.Sprintf("%#v", *pat),
		"%s":    fmt.Sprintf("%s", pat.Token),
		"%q":    fmt.Sprintf("%q", pat.Token),
		"%x":    fmt.Sprintf("%x", pat.Token),
		"Print": fmt.Sprint(pat.Token),
	}
	js, err := json.Marshal(pat)
	require.NoError(t, err)
	renderings["json"] = string(js)
	for _, handler := range []func(*strings.Builder) slog.Handler{
		func(b *strings.Builder) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *strings.Builder) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b strings.Builder
		logger := slog.New(handler(&b))
		logger.Info("created", "pat", pat, "token", pat.Token, "value", *pat)
		renderings["slog"+fmt.Sprint(len(renderings))] = b.String()
	}
	for how, s := range renderings {
		assert.NotContains(t, s, secret, how)
	}
	assert.Contains(t, renderings["json"], "[REDACTED]")
}
