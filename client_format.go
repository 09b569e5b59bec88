package istari

import (
	"fmt"
	"log/slog"
	"strconv"
)

// Format implements [fmt.Formatter] for *Client. Without it, %v/%+v/%#v of a *Client print its unexported
// Configuration field by reflection, and fmt cannot call Secret's redacting methods through an unexported
// field, so the registry token and the proxy password appeared in clear. Every verb now prints only the
// registry URL.
func (c *Client) Format(f fmt.State, verb rune) {
	s := c.String()
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	_, _ = f.Write([]byte(s))
}

// String describes the client by its registry URL, never its credentials.
func (c *Client) String() string {
	if c == nil {
		return "istari.Client(nil)"
	}
	return "istari.Client{RegistryURL: " + strconv.Quote(c.baseURL) + "}"
}

// GoString is [Client.String], so %#v shows no credentials either.
func (c *Client) GoString() string { return c.String() }

// LogValue implements [log/slog.LogValuer]: a client logged as an attribute shows its registry URL only.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }
