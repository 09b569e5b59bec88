package istari

import (
	"errors"
	"log/slog"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/istari-sdk/istari-go/internal/redact"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/transport"
)

// Version is the SDK version sent in the User-Agent header.
const Version = "0.1.0"

// Client talks to an Istari Digital registry: Python's istari_digital_client.Client.
//
// A Client is safe for concurrent use by many goroutines and holds one connection pool; create one per
// registry and share it. Every method takes a context whose deadline bounds the whole call, retries
// included. Close releases idle connections and the filesystem cache when configured.
type Client struct {
	cfg       Configuration
	baseURL   string
	routes    atomic.Pointer[routeState] // the operation table in use and how it was resolved
	discovery *discovery                 // nil when routes are not discovered (client_routes.go)
	tr        *transport.Transport
	compat    *compatTracker
	tel       *telemetry.Telemetry // OpenTelemetry spans and metrics (client_telemetry.go)
	logger    *slog.Logger
	scrub     *redact.Scrubber // removes credentials from server text in errors and logs (see newScrubber)
	userAgent string
	apiHashes string

	closeOnce sync.Once
	closers   []func() error

	files filesState // storage transfers and the filesystem cache (files_upload.go)

	identity identityState // access-key mode (config_identity.go)
}

// NewClient validates cfg and builds a Client (Python Client(configuration)). It never reads the
// environment: use ConfigurationFromEnv for that. Every configuration problem is returned at once,
// joined, as *ConfigurationError values.
func NewClient(cfg Configuration) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	scrub := newScrubber(cfg)
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	} else {
		logger = slog.New(scrub.Handler(logger.Handler()))
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		rt, err := cfg.newHTTPTransport()
		if err != nil {
			return nil, err
		}
		httpClient = &http.Client{Transport: rt}
	}
	tel := newTelemetry(cfg)
	auth, idState, err := cfg.newAuth(httpClient, scrub, tel)
	if err != nil {
		return nil, err
	}
	c := &Client{
		cfg:       cfg,
		baseURL:   cfg.RegistryBaseURL(),
		logger:    logger,
		scrub:     scrub,
		userAgent: userAgent(cfg.UserAgentSuffix),
		apiHashes: encodeAPIHashes(cfg.APIHashes, cfg.Tags),
		identity:  idState,
	}
	if err := c.initRoutes(); err != nil {
		return nil, err
	}
	c.compat = &compatTracker{logger: logger, hook: cfg.OnCompatibility}
	c.tel = tel
	c.tr = transport.New(transport.Options{
		HTTPClient:     httpClient,
		MaxAttempts:    cfg.retryAttempts(),
		MinInterval:    cfg.retryMinInterval(),
		MaxInterval:    cfg.retryMaxInterval(),
		Jitter:         cfg.retryJitter(),
		AttemptTimeout: cfg.HTTPRequestTimeout,
		Logger:         logger,
		OnResponse:     c.compat.observe,
		Auth:           auth,
		Telemetry:      c.tel,
	})
	c.initFiles()
	return c, nil
}

// Close releases idle connections and, when FilesystemCacheCleanOnExit is on, removes the cache this
// client created (Python's clean-before-exit). It is safe to call more than once.
func (c *Client) Close() error {
	var errs []error
	c.closeOnce.Do(func() {
		for i := len(c.closers) - 1; i >= 0; i-- {
			if err := c.closers[i](); err != nil {
				errs = append(errs, err)
			}
		}
		c.tr.CloseIdleConnections()
	})
	return errors.Join(errs...)
}

// LastCompatibilityResult is the most recent verdict captured from any registry response, or nil when
// no response carried compatibility headers (Python Client.last_compatibility_result).
func (c *Client) LastCompatibilityResult() *CompatibilityResult { return c.compat.lastResult() }

// AuthDeprecation reports whether the registry said personal access tokens are deprecated (Python
// Client.auth_deprecation); nil until a response carried X-Istari-Auth-Deprecation.
func (c *Client) AuthDeprecation() *AuthDeprecationResult { return c.compat.authDeprecation() }

// RegistryURL is the base URL every operation path is appended to (gateway mode included: digital_api_url +
// "/registry"). Go-only; Python keeps it inside its generated ApiClient configuration.
func (c *Client) RegistryURL() string { return c.baseURL }

func userAgent(suffix string) string {
	ua := "istari-go/" + Version
	if suffix = strings.TrimSpace(suffix); suffix != "" {
		ua += " " + suffix
	}
	return ua
}

// encodeAPIHashes renders X-Istari-Client-Api-Hashes as the Python client does: "key=hash" pairs joined by
// commas, sorted by key, where a key is "spec_id:Tag" (e.g. "v2_main:Model"); when tags is set only keys whose
// Tag (the part after the first ":", or the whole key) is listed are sent. The header is only sent when the
// caller supplies the hashes.
func encodeAPIHashes(hashes map[string]string, tags []string) string {
	if len(hashes) == 0 {
		return ""
	}
	allowed := map[string]bool{}
	for _, t := range tags {
		allowed[t] = true
	}
	keys := make([]string, 0, len(hashes))
	for k := range hashes {
		_, tag, found := strings.Cut(k, ":")
		if !found {
			tag = k
		}
		if len(allowed) == 0 || allowed[tag] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+hashes[k])
	}
	return strings.Join(parts, ",")
}

// newScrubber knows the secrets of cfg: the registry token, the identity-service secret and the proxy
// credentials (from ProxyURL and, when TrustEnv, the proxy variables). An identity token source registers each
// token it obtains with c.scrub.Remember (or its current value with c.scrub.Source), so that token is scrubbed
// too.
func newScrubber(cfg Configuration) *redact.Scrubber {
	s := redact.New(cfg.RegistryAuthToken.Reveal(), cfg.IdentityServiceSecret.Reveal())
	s.AddProxy(cfg.ProxyURL.Reveal())
	if cfg.trustEnv() {
		for _, name := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"} {
			s.AddProxy(os.Getenv(name))
		}
	}
	return s
}
