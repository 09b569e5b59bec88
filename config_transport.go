package istari

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"

	"golang.org/x/net/http/httpproxy"

	"github.com/istari-sdk/istari-go/internal/storage"
)

// checkBaseURL returns "" when raw is an absolute http(s) URL with a host and no query, fragment or credentials.
// The message never quotes raw (it could hold credentials).
func checkBaseURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "is not a valid URL"
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "must be an absolute http:// or https:// URL"
	case u.Opaque != "" || u.Host == "":
		return "must be an absolute http:// or https:// URL with a host"
	case u.User != nil:
		return "must not contain credentials (use RegistryAuthToken)"
	case u.RawQuery != "" || u.ForceQuery:
		return "must not contain a query string"
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "must not contain a fragment"
	}
	return ""
}

// presignedPolicy is the presigned URL policy of c (see Configuration.RelaxPresignedURLPolicy).
func (c *Client) presignedPolicy() *storage.URLPolicy {
	p := storage.NewURLPolicy(c.baseURL, c.cfg.RelaxPresignedURLPolicy)
	return &p
}

// hasControl reports whether s holds an ASCII control character other than tab (invalid in a header value).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// parseProxy parses a proxy setting like golang.org/x/net/http/httpproxy does, where a value without a scheme
// ("host:port") means http://. A value that has a scheme is parsed strictly (httpproxy would retry it with
// "http://" prepended, turning a typo into a bogus proxy host).
func parseProxy(raw string) (*url.URL, error) {
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Hostname() == "" {
		return nil, errors.New("proxy URL has no host")
	}
	return u, nil
}

// checkProxyURL validates a proxy setting: an http:// or https:// URL with a host. SOCKS and other schemes are
// rejected. The value is never quoted in the error (it may hold a password).
func checkProxyURL(field, env, raw string) error {
	u, err := parseProxy(raw)
	if err != nil {
		return confErr(field, env, "is not a valid proxy URL")
	}
	switch scheme := strings.ToLower(u.Scheme); scheme {
	case "http", "https":
		return nil
	case "socks", "socks4", "socks4a", "socks5", "socks5h":
		return confErr(field, env, "SOCKS proxies are not supported; use an http:// or https:// proxy")
	default:
		return confErr(field, env, "unsupported proxy scheme %q; use http:// or https://", scheme)
	}
}

// newHTTPTransport builds the SDK's transport from c and the process environment (read only when TrustEnv).
// It is not used when c.HTTPClient is set.
func (c Configuration) newHTTPTransport() (*http.Transport, error) {
	return c.newHTTPTransportEnv(os.LookupEnv)
}

// newHTTPTransportEnv is newHTTPTransport with an injectable environment. Settings: http.DefaultTransport's
// (dial 30s, keep-alive 30s, TLS handshake 10s, HTTP/2 attempted, idle timeout 90s), 100 idle connections per
// host, no response-header timeout, TLS 1.2 minimum, the proxy of proxyFunc and the roots of rootCAs. Problems
// are *ConfigurationError values joined with errors.Join.
func (c Configuration) newHTTPTransportEnv(lookup func(string) (string, bool)) (*http.Transport, error) {
	proxy, proxyErr := c.proxyFunc(lookup)
	roots, rootsErr := c.rootCAs(lookup)
	if err := errors.Join(proxyErr, rootsErr); err != nil {
		return nil, err
	}
	dialer := &net.Dialer{Timeout: transportDialTimeout, KeepAlive: transportKeepAlive}
	return &http.Transport{
		Proxy:                 proxy,
		DialContext:           storage.LargeWrites(dialer.DialContext), // upload bodies in large writes
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          transportMaxIdleConns,
		MaxIdleConnsPerHost:   transportMaxIdleConnsPerHost,
		IdleConnTimeout:       transportIdleConnTimeout,
		TLSHandshakeTimeout:   transportTLSHandshakeTimeout,
		ResponseHeaderTimeout: transportResponseHeaderTimeout,
		ExpectContinueTimeout: transportExpectContinue,
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			RootCAs:    roots, // nil = system roots
		},
	}, nil
}

// envAny returns the first non-empty variable among names, and its name.
func envAny(lookup func(string) (string, bool), names ...string) (value, name string) {
	for _, n := range names {
		if v, ok := lookup(n); ok && v != "" {
			return v, n
		}
	}
	return "", ""
}

// proxyFunc returns the transport's Proxy function (nil = never proxy):
//   - ProxyURL set: it is the proxy for http and https targets; NO_PROXY/no_proxy still applies when TrustEnv.
//   - else TrustEnv: httpproxy.FromEnvironment semantics read through lookup (lowercase name first, CGI guard via
//     REQUEST_METHOD), with ALL_PROXY/all_proxy as the fallback for both schemes.
//   - else no proxy.
//
// Every proxy value must be an http(s) URL: SOCKS, other schemes and unparsable values are *ConfigurationError
// naming the variable (httpproxy would silently ignore an unparsable one and connect directly). As in
// httpproxy, requests to localhost and loopback addresses are never proxied.
func (c Configuration) proxyFunc(lookup func(string) (string, bool)) (func(*http.Request) (*url.URL, error), error) {
	trust := c.trustEnv()
	var pc httpproxy.Config
	switch {
	case c.ProxyURL != "":
		if err := checkProxyURL("ProxyURL", envProxyURL, c.ProxyURL.Reveal()); err != nil {
			return nil, err
		}
		pc.HTTPProxy, pc.HTTPSProxy = c.ProxyURL.Reveal(), c.ProxyURL.Reveal()
		if trust {
			pc.NoProxy, _ = envAny(lookup, "no_proxy", "NO_PROXY")
		}
		if c.Logger != nil {
			c.Logger.Debug("istari: using proxy", "source", "ProxyURL", "proxy", redactURL(c.ProxyURL.Reveal()))
		}
	case trust:
		all, allName := envAny(lookup, "all_proxy", "ALL_PROXY")
		httpP, httpName := envAny(lookup, "http_proxy", "HTTP_PROXY")
		httpsP, httpsName := envAny(lookup, "https_proxy", "HTTPS_PROXY")
		if httpP == "" {
			httpP, httpName = all, allName
		}
		if httpsP == "" {
			httpsP, httpsName = all, allName
		}
		var errs []error
		if httpP != "" {
			if err := checkProxyURL("ProxyURL", httpName, httpP); err != nil {
				errs = append(errs, err)
			}
		}
		if httpsP != "" && httpsName != httpName {
			if err := checkProxyURL("ProxyURL", httpsName, httpsP); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		pc.HTTPProxy, pc.HTTPSProxy = httpP, httpsP
		pc.NoProxy, _ = envAny(lookup, "no_proxy", "NO_PROXY")
		if method, _ := envAny(lookup, "REQUEST_METHOD"); method != "" {
			pc.CGI = true
		}
		if c.Logger != nil && (httpP != "" || httpsP != "") {
			c.Logger.Debug("istari: using proxy from environment",
				"http_source", httpName, "http_proxy", redactURL(httpP),
				"https_source", httpsName, "https_proxy", redactURL(httpsP))
		}
	}
	if pc.HTTPProxy == "" && pc.HTTPSProxy == "" {
		return nil, nil
	}
	f := pc.ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return f(r.URL) }, nil
}

// rootCAs returns the TLS root pool (nil = system roots): CABundle if set, else when TrustEnv the file named by
// REQUESTS_CA_BUNDLE, then SSL_CERT_FILE. The file must be readable and hold at least one PEM certificate; it
// replaces the system roots rather than adding to them (as Python's verify=<path> does).
func (c Configuration) rootCAs(lookup func(string) (string, bool)) (*x509.CertPool, error) {
	path, env := c.CABundle, envCABundle
	if path == "" && c.trustEnv() {
		path, env = envAny(lookup, "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")
	}
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, confErr("CABundle", env, "cannot read the CA bundle: %v", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(data) {
		return nil, confErr("CABundle", env, "CA bundle %q holds no PEM certificate", path)
	}
	if c.Logger != nil {
		c.Logger.LogAttrs(context.Background(), slog.LevelDebug, "istari: using CA bundle", slog.String("source", env), slog.String("path", path))
	}
	return pool, nil
}
