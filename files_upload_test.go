package istari

import (
	"bytes"
	"context"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile row 9 (uploads): a typed-nil reader such as (*bytes.Reader)(nil) compares unequal to nil and used to
// panic in Seek; every FromReader method returns a *ValidationError before any request instead.
func TestHostileTypedNilReader(t *testing.T) {
	reg, regHits := recordingServer(t, presigningRegistry("http://127.0.0.1:1/x"))
	c := hostileClient(t, reg.URL, nil)
	ctx := context.Background()
	for _, r := range []io.Reader{nil, (*bytes.Reader)(nil), (*strings.Reader)(nil), (*os.File)(nil), (*bytes.Buffer)(nil)} {
		name := reflect.TypeOf(r)
		calls := map[string]func() error{
			"AddModelFromReader":       func() error { _, err := c.AddModelFromReader(ctx, "m.bin", r, nil); return err },
			"AddFileFromReader":        func() error { _, err := c.AddFileFromReader(ctx, "m.bin", r, nil); return err },
			"UpdateModelFromReader":    func() error { _, err := c.UpdateModelFromReader(ctx, "id", "m.bin", r, nil); return err },
			"AddArtifactFromReader":    func() error { _, err := c.AddArtifactFromReader(ctx, "id", "m.bin", r, nil); return err },
			"AddCommentFromReader":     func() error { _, err := c.AddCommentFromReader(ctx, "id", "m.bin", r, nil); return err },
			"CreateRevisionFromReader": func() error { _, err := c.CreateRevisionFromReader(ctx, "m.bin", r, nil); return err },
			"UpdateJobFromReader":      func() error { _, err := c.UpdateJobFromReader(ctx, "id", "m.bin", r, nil); return err },
		}
		for method, call := range calls {
			var ve *ValidationError
			require.NotPanics(t, func() { require.ErrorAs(t, call(), &ve, "%s(%v)", method, name) })
			assert.Equal(t, "reader", ve.Field, "%s(%v)", method, name)
		}
	}
	assert.Zero(t, regHits.count(), "nothing was sent")
}
