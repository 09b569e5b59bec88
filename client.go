package istari

import (
	"errors"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/istari-sdk/istari-go/internal/ops"
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
	ops       *ops.Table
	routes    *ops.Report // how routes were resolved from Configuration.OpenAPISpec, nil without one
	tr        *transport.Transport
	compat    *compatTracker
	tel       *telemetry.Telemetry // OpenTelemetry spans and metrics (client_telemetry.go)
	logger    *slog.Logger
	userAgent string
	apiHashes string

	closeOnce sync.Once
	closers   []func() error

	files filesState // storage transfers and the filesystem cache (files_upload.go)
}

// NewClient validates cfg and builds a Client (Python Client(configuration)). It never reads the
// environment: use ConfigurationFromEnv for that. Every configuration problem is returned at once,
// joined, as *ConfigurationError values.
func NewClient(cfg Configuration) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		rt, err := cfg.newHTTPTransport()
		if err != nil {
			return nil, err
		}
		httpClient = &http.Client{Transport: rt}
	}
	table := ops.Builtin()
	var report *ops.Report
	if len(cfg.OpenAPISpec) > 0 {
		resolved, rep, err := ops.Resolve(cfg.OpenAPISpec, table)
		if err != nil {
			return nil, &ConfigurationError{Field: "OpenAPISpec", Env: "ISTARI_CLIENT_OPENAPI_SPEC", Msg: err.Error()}
		}
		table, report = resolved, rep
		for _, id := range rep.Missing {
			logger.Debug("istari: operation not in the OpenAPI document; using the built-in route", "op", id)
		}
	}
	c := &Client{
		cfg:       cfg,
		baseURL:   cfg.RegistryBaseURL(),
		ops:       table,
		routes:    report,
		logger:    logger,
		userAgent: userAgent(cfg.UserAgentSuffix),
		apiHashes: encodeAPIHashes(cfg.APIHashes, cfg.Tags),
	}
	c.compat = &compatTracker{logger: logger, hook: cfg.OnCompatibility}
	c.tel = newTelemetry(cfg)
	c.tr = transport.New(transport.Options{
		HTTPClient:     httpClient,
		MaxAttempts:    cfg.retryAttempts(),
		MinInterval:    cfg.retryMinInterval(),
		MaxInterval:    cfg.retryMaxInterval(),
		Jitter:         cfg.retryJitter(),
		AttemptTimeout: cfg.HTTPRequestTimeout,
		Logger:         logger,
		OnResponse:     c.compat.observe,
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

// encodeAPIHashes renders X-Istari-Client-Api-Hashes as "Tag=hash" pairs joined by commas, sorted by
// tag and restricted to tags when set. The registry's real encoding is not public, so the header is
// only sent when the caller supplies the hashes.
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
		if len(allowed) == 0 || allowed[k] {
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
