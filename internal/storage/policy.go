package storage

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// ErrURLRefused is wrapped by every presigned URL the policy refuses; the message says why.
var ErrURLRefused = errors.New("istari: presigned URL refused")

// URLPolicy decides which presigned URLs the SDK sends bytes to or reads bytes from:
//   - the URL parses, is http or https, has a host and carries no userinfo;
//   - it is https when the registry is https (http only when the registry itself is http, as on a local fake);
//   - its host is not link-local (169.254.0.0/16, fe80::/10: cloud metadata services live there);
//   - its host is loopback (127.0.0.0/8, ::1, localhost) or unspecified only when the registry is on loopback too.
//
// Relaxed lifts the scheme and host rules for test setups. Host names are judged as written: a name that
// resolves to a private address is not detected.
type URLPolicy struct {
	RegistryHTTPS    bool
	RegistryLoopback bool
	Relaxed          bool
}

// NewURLPolicy derives the policy from the registry base URL.
func NewURLPolicy(registryURL string, relaxed bool) URLPolicy {
	p := URLPolicy{Relaxed: relaxed}
	if u, err := url.Parse(registryURL); err == nil {
		p.RegistryHTTPS = strings.EqualFold(u.Scheme, "https")
		p.RegistryLoopback = IsLoopback(u.Hostname())
	}
	return p
}

// Check returns nil when raw may be used, or an error wrapping ErrURLRefused that never quotes the URL's query
// or userinfo.
func (p URLPolicy) Check(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: it is not a valid URL", ErrURLRefused)
	}
	return p.CheckURL(u)
}

// CheckURL is Check for a parsed URL (also applied to every redirect of a storage transfer).
func (p URLPolicy) CheckURL(u *url.URL) error {
	scheme := strings.ToLower(u.Scheme)
	host := u.Hostname()
	switch {
	case scheme != "http" && scheme != "https":
		return fmt.Errorf("%w: scheme %q is not http or https", ErrURLRefused, u.Scheme)
	case host == "":
		return fmt.Errorf("%w: it has no host", ErrURLRefused)
	case u.User != nil:
		return fmt.Errorf("%w: it carries userinfo (host %s)", ErrURLRefused, host)
	case p.Relaxed:
		return nil
	case p.RegistryHTTPS && scheme != "https":
		return fmt.Errorf("%w: %s://%s is not https while the registry is (set Configuration.RelaxPresignedURLPolicy only in test setups)", ErrURLRefused, scheme, host)
	case isLinkLocal(host):
		return fmt.Errorf("%w: host %s is link-local", ErrURLRefused, host)
	case IsLoopback(host) && !p.RegistryLoopback:
		return fmt.Errorf("%w: host %s is loopback while the registry is not", ErrURLRefused, host)
	}
	return nil
}

// IsLoopback reports whether host is a loopback or unspecified address, or localhost.
func IsLoopback(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(h, "[]"))
	if err != nil {
		return legacyIP(h) != nil && (legacyIP(h).IsLoopback() || legacyIP(h).IsUnspecified())
	}
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsUnspecified()
}

func isLinkLocal(host string) bool {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		l := legacyIP(host)
		return l != nil && (l.IsLinkLocalUnicast() || l.IsLinkLocalMulticast())
	}
	ip = ip.Unmap()
	return ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast()
}

// legacyIP parses the forms net.ParseIP accepts but netip does not (zone-less IPv4 in IPv6 brackets and the
// like); it returns nil for a host name.
func legacyIP(host string) net.IP { return net.ParseIP(strings.Trim(host, "[]")) }
