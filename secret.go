package istari

import (
	"net/url"
	"strings"

	"github.com/istari-sdk/istari-go/types"
)

// redacted is what every printed, logged or encoded form of a non-empty [Secret] shows.
const redacted = "[REDACTED]"

// Secret is a credential: a registry auth token, an identity-service secret, a proxy URL that may carry a
// password, or a personal access token. It plays the role of the hiding that Python's newest
// istari-digital-client releases apply to registry_auth_token, identity_service_secret and proxy_url in the
// configuration's printed form, and it goes further: every fmt verb (%v %+v %#v %s %q ...), String, GoString,
// JSON, text marshalling and slog all show "[REDACTED]" (or "" for an empty Secret, so "not configured" stays
// visible). [Secret.Reveal] is the only way to read the value.
//
// Secret is types.SecretString, the SDK's one secret type: a plain string type, so a literal converts
// directly: istari.Secret(os.Getenv("MY_TOKEN")).
type Secret = types.SecretString

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
