package istari

import (
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
)

// redacted is what every printed, logged or encoded form of a non-empty [Secret] shows.
const redacted = "[REDACTED]"

// Secret is a credential: a registry auth token, an identity-service secret or a proxy URL that may carry a
// password. It plays the role of the hiding that Python's newest istari-digital-client releases apply to
// registry_auth_token, identity_service_secret and proxy_url in the configuration's printed form, and it goes
// further: every fmt verb (%v %+v %#v %s %q ...), String, GoString, JSON, text marshalling and slog all show
// "[REDACTED]" (or "" for an empty Secret, so "not configured" stays visible). [Secret.Reveal] is the only way to
// read the value.
//
// A Secret is a plain string type, so a literal converts directly: istari.Secret(os.Getenv("MY_TOKEN")).
type Secret string

// Reveal returns the credential itself. It is the only accessor that does; call it only where the value is
// put on the wire (an Authorization header, a proxy dial).
func (s Secret) Reveal() string { return string(s) }

// String implements [fmt.Stringer]: "[REDACTED]", or "" when the secret is empty.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString implements [fmt.GoStringer] with the same redacted text as [Secret.String].
func (s Secret) GoString() string { return s.String() }

// Format implements [fmt.Formatter] so that every verb and flag prints the redacted form: %q prints it quoted,
// every other verb prints it as is. Width and precision are ignored.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		_, _ = f.Write([]byte(strconv.Quote(s.String())))
		return
	}
	_, _ = f.Write([]byte(s.String()))
}

// MarshalJSON implements [encoding/json.Marshaler]: the JSON string "[REDACTED]", or "" when empty.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(s.String())), nil }

// MarshalText implements [encoding.TextMarshaler] (used by text-based encoders and map keys) with the redacted
// form, so no encoder falls back to the raw string.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// LogValue implements [log/slog.LogValuer]: a secret logged as an attribute shows "[REDACTED]" (or "").
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// redactURL returns raw with its whole userinfo replaced by "[REDACTED]", for logging proxy and base URLs:
// the password, and also a bare user name, which some proxies take as an API key. A URL without userinfo is
// returned unchanged. A value that does not parse as a hierarchical URL but may hold credentials (no scheme,
// an "@" in an opaque part) cannot be inspected safely, so it is replaced entirely by "[REDACTED]" (an empty
// raw stays empty).
func redactURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return redacted
	}
	if u.User == nil {
		if strings.Contains(raw, "@") && (u.Host == "" || u.Opaque != "") {
			// "user:pass@host:port" without a scheme parses as an opaque URL; its password would pass through.
			return redacted
		}
		return raw
	}
	// Rebuild by hand: url.User would percent-encode the brackets of the marker.
	u.User = nil
	s := u.String()
	prefix := u.Scheme + "://"
	if u.Scheme == "" || !strings.HasPrefix(s, prefix) {
		// Scheme-relative "//user:pass@host" or an unusual form: keep only what is certainly safe.
		return redacted
	}
	return prefix + redacted + "@" + strings.TrimPrefix(s, prefix)
}
