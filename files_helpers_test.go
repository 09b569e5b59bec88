package istari

import (
	"context"
	"encoding/json"
	"net/url"
)

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// invokeRaw calls an operation with no parameters at all (to see the server's own validation).
func (c *Client) invokeRaw(ctx context.Context, op string) (json.RawMessage, error) {
	var out json.RawMessage
	err := c.invoke(ctx, request{op: op, query: url.Values{}, out: &out})
	return out, err
}
