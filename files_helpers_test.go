package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// invokeRaw calls an operation with no parameters at all (to see the server's own validation).
func (c *Client) invokeRaw(ctx context.Context, op string) (json.RawMessage, error) {
	var out json.RawMessage
	err := c.invoke(ctx, request{op: ops.ID(op), query: url.Values{}, out: &out})
	return out, err
}

func TestUploadRevisionFromBytes(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	rev, err := c.revisionWith(ctx, readerSource("dir/params.JSON", bytes.NewReader([]byte(`{"a":1}`))), "", nil)
	require.NoError(t, err)
	assert.Equal(t, "params.JSON", *rev.Name)
	assert.Equal(t, "json", *rev.Extension)
	assert.Equal(t, "application/json", *rev.MIME)
	assert.Len(t, rev.ContentToken().Salt, 64)
	again, err := c.revisionWith(ctx, readerSource("params.json", bytes.NewReader([]byte(`{"a":1}`))), rev.ContentToken().Salt, nil)
	require.NoError(t, err)
	assert.Equal(t, rev.ContentToken().SHA, again.ContentToken().SHA)
	var v map[string]int
	require.NoError(t, c.ReadJSON(ctx, again.ContentToken(), &v))
	assert.Equal(t, 1, v["a"])

	noExt, err := c.revisionWith(ctx, readerSource("README", bytes.NewReader(nil)), "", nil)
	require.NoError(t, err)
	assert.Equal(t, "", *noExt.Extension)
	assert.Equal(t, "application/octet-stream", *noExt.MIME)
}
