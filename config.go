package istari

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Defaults applied when a Configuration field is left at its zero value (the Python client's defaults).
const (
	defaultRetryMaxAttempts         = 3
	defaultRetryMinInterval         = 200 * time.Millisecond
	defaultRetryMaxInterval         = 10 * time.Second
	defaultMultipartChunkSize int64 = 128 << 20 // 134217728
	defaultMultipartThreshold int64 = 2 << 30   // 2147483648
	defaultUploadConcurrency        = 4
	defaultLogLevel                 = "INFO"

	// levelCritical is Python's CRITICAL, above slog.LevelError.
	levelCritical = slog.LevelError + 4

	// Transport settings. There is deliberately no whole-response timeout here: slow but legitimate
	// calls (exports, large listings) must not be cut; HTTPRequestTimeout and the caller's ctx bound them.
	transportDialTimeout         = 30 * time.Second
	transportKeepAlive           = 30 * time.Second
	transportTLSHandshakeTimeout = 10 * time.Second
	// transportResponseHeaderTimeout bounds the wait for response headers once a request is fully written, so a
	// stalled server cannot hang a call forever when no HTTPRequestTimeout is set. It is long
	// enough for the registry's slowest observed answers (large-tenant lists take about 30 s).
	transportResponseHeaderTimeout = 2 * time.Minute
	transportIdleConnTimeout       = 90 * time.Second
	transportExpectContinue        = 1 * time.Second
	transportMaxIdleConns          = 100
	transportMaxIdleConnsPerHost   = 100
)

// Environment variable names, byte-for-byte those the Python client reads.
const (
	envRegistryURL              = "ISTARI_REGISTRY_URL"
	envDigitalRegistryURL       = "ISTARI_DIGITAL_REGISTRY_URL" // fallback, convention of the official examples
	envDigitalAPIURL            = "ISTARI_DIGITAL_API_URL"
	envRegistryAuthToken        = "ISTARI_REGISTRY_AUTH_TOKEN"
	envDigitalRegistryAuthToken = "ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN" // fallback
	envHTTPRequestTimeout       = "ISTARI_CLIENT_HTTP_REQUEST_TIMEOUT_SECS"
	envRetryEnabled             = "ISTARI_CLIENT_RETRY_ENABLED"
	envRetryMaxAttempts         = "ISTARI_CLIENT_RETRY_MAX_ATTEMPTS"
	envRetryMinInterval         = "ISTARI_CLIENT_RETRY_MIN_INTERVAL_MILLIS"
	envRetryMaxInterval         = "ISTARI_CLIENT_RETRY_MAX_INTERVAL_MILLIS"
	envRetryJitterEnabled       = "ISTARI_CLIENT_RETRY_JITTER_ENABLED"
	envCacheEnabled             = "ISTARI_CLIENT_FILESYSTEM_CACHE_ENABLED"
	envCacheRoot                = "ISTARI_CLIENT_FILESYSTEM_CACHE_ROOT"
	envCacheCleanOnExit         = "ISTARI_CLIENT_FILESYSTEM_CACHE_CLEAN_BEFORE_EXIT" // BEFORE, not ON
	envMultipartChunkSize       = "ISTARI_CLIENT_MULTIPART_CHUNKSIZE"
	envMultipartThreshold       = "ISTARI_CLIENT_MULTIPART_THRESHOLD"
	envS3DirectUpload           = "ISTARI_CLIENT_S3_DIRECT_UPLOAD"
	envS3BucketName             = "ISTARI_CLIENT_S3_BUCKET_NAME"
	envLogLevel                 = "ISTARI_CLIENT_LOG_LEVEL"
	envLogToFile                = "ISTARI_CLIENT_LOG_TO_FILE"
	envLogFilePath              = "ISTARI_CLIENT_LOG_FILE_PATH"
	envIdentityEnabled          = "ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED" // checked first
	envIdentityEnabledClient    = "ISTARI_CLIENT_IDENTITY_SERVICE_ENABLED"  // checked second
	envIdentitySecret           = "ISTARI_CLIENT_IDENTITY_SERVICE_SECRET"
	envIdentitySecretFile       = "ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE"
	envProxyURL                 = "ISTARI_CLIENT_PROXY_URL"
	envCABundle                 = "ISTARI_CLIENT_CA_BUNDLE"
	envTrustEnv                 = "ISTARI_CLIENT_TRUST_ENV"
	envOpenAPISpec              = "ISTARI_CLIENT_OPENAPI_SPEC"    // Go addition: a file path
	envRouteDiscovery           = "ISTARI_CLIENT_ROUTE_DISCOVERY" // Go addition: auto | off
	envOpenAPIURL               = "ISTARI_CLIENT_OPENAPI_URL"     // Go addition
)

// RouteDiscovery says whether a Client reads its routes from the registry's own OpenAPI document (a Go addition:
// the Python client's routes are generated from that document at build time).
type RouteDiscovery string

// The values of Configuration.RouteDiscovery.
const (
	// RouteDiscoveryAuto (the default, also the empty value) fetches the registry's OpenAPI document once, on
	// the first call, and follows the routes it gives (see Client.Routes).
	RouteDiscoveryAuto RouteDiscovery = "auto"
	// RouteDiscoveryOff keeps the built-in routes (or those of OpenAPISpec) and never fetches the document.
	RouteDiscoveryOff RouteDiscovery = "off"
)

// Configuration holds every setting of a Client. It is Python's istari_digital_client.Configuration.
//
// The zero value of each field means "the documented default", so a literal only needs what differs:
//
//	cfg := istari.Configuration{RegistryURL: "https://x.istari.digital", RegistryAuthToken: istari.Secret(tok)}
//
// Unlike Python, a Configuration built as a literal never reads the environment; [ConfigurationFromEnv] is the only
// function that does. Booleans whose default is true are pointers (nil = true); use [Bool] to set them:
// RetryEnabled: istari.Bool(false).
//
// Secrets (RegistryAuthToken, IdentityServiceSecret, ProxyURL) are of type [Secret]: String, GoString, every fmt
// verb and json.Marshal of a Configuration show them as "[REDACTED]".
type Configuration struct {
	// RegistryURL is Python's registry_url (env ISTARI_REGISTRY_URL, falling back to ISTARI_DIGITAL_REGISTRY_URL):
	// the registry's base URL in direct mode, an absolute http(s) URL such as "https://x.istari.digital" with no
	// query. Trailing slashes are ignored. DigitalAPIURL overrides it when set (see [Configuration.RegistryBaseURL]).
	RegistryURL string

	// DigitalAPIURL is Python's digital_api_url (env ISTARI_DIGITAL_API_URL): the platform API gateway. When set,
	// the registry is reached at DigitalAPIURL + "/registry" (gateway mode) and RegistryURL is ignored.
	DigitalAPIURL string

	// RegistryAuthToken is Python's registry_auth_token (env ISTARI_REGISTRY_AUTH_TOKEN, falling back to
	// ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN): the personal access token sent as "Authorization: Bearer <token>".
	// Required unless identity-service mode is on.
	RegistryAuthToken Secret

	// HTTPRequestTimeout is Python's http_request_timeout_secs (env ISTARI_CLIENT_HTTP_REQUEST_TIMEOUT_SECS, whole
	// seconds). It bounds each HTTP attempt, not the whole operation (the ctx deadline does that). 0 = no per-attempt
	// timeout. Large uploads and downloads use their own option, not this value.
	HTTPRequestTimeout time.Duration

	// RetryEnabled is Python's retry_enabled (env ISTARI_CLIENT_RETRY_ENABLED). nil = true; set Bool(false) to make
	// every call a single attempt.
	RetryEnabled *bool

	// RetryMaxAttempts is Python's retry_max_attempts (env ISTARI_CLIENT_RETRY_MAX_ATTEMPTS): total attempts,
	// first one included, when retries are enabled. 0 = 3. Negative values are rejected by Validate.
	RetryMaxAttempts int

	// RetryMinInterval is Python's retry_min_interval_millis (env ISTARI_CLIENT_RETRY_MIN_INTERVAL_MILLIS): the
	// backoff before the first retry, doubled on each further retry. 0 = 200ms.
	RetryMinInterval time.Duration

	// RetryMaxInterval is Python's retry_max_interval_millis (env ISTARI_CLIENT_RETRY_MAX_INTERVAL_MILLIS): the cap
	// on one backoff delay. 0 = 10s. When both are set it must not be below RetryMinInterval.
	RetryMaxInterval time.Duration

	// RetryJitterEnabled is Python's retry_jitter_enabled (env ISTARI_CLIENT_RETRY_JITTER_ENABLED): multiply each
	// delay by a random factor in [0.9, 1.1]. nil = true.
	RetryJitterEnabled *bool

	// FilesystemCacheEnabled is Python's filesystem_cache_enabled (env ISTARI_CLIENT_FILESYSTEM_CACHE_ENABLED):
	// keep verified downloaded contents on disk. nil = true.
	FilesystemCacheEnabled *bool

	// FilesystemCacheRoot is Python's filesystem_cache_root (env ISTARI_CLIENT_FILESYSTEM_CACHE_ROOT). When set it
	// must be an existing directory. "" = a fresh temporary directory "istari-client-cache-*" that the SDK creates
	// lazily, on the first cache write, and only if the cache is enabled.
	FilesystemCacheRoot string

	// FilesystemCacheCleanOnExit is Python's filesystem_cache_clean_on_exit (env
	// ISTARI_CLIENT_FILESYSTEM_CACHE_CLEAN_BEFORE_EXIT, note BEFORE): Client.Close removes the cache entries this
	// client created (the whole root only if the SDK created it). nil = true.
	FilesystemCacheCleanOnExit *bool

	// MultipartChunkSize is Python's multipart_chunksize (env ISTARI_CLIENT_MULTIPART_CHUNKSIZE): the part size of
	// multipart uploads, in bytes. 0 = 128 MiB.
	MultipartChunkSize int64

	// MultipartThreshold is Python's multipart_threshold (env ISTARI_CLIENT_MULTIPART_THRESHOLD): contents larger
	// than this, in bytes, are uploaded in parts. 0 = 2 GiB.
	MultipartThreshold int64

	// UploadConcurrency is a Go addition with no Python field and no env var: how many multipart parts upload at
	// once. 0 = 4.
	UploadConcurrency int

	// S3DirectUploadEnabled is Python's s3_direct_upload_enabled (env ISTARI_CLIENT_S3_DIRECT_UPLOAD). It requires
	// S3BucketName. S3 direct upload is not supported by istari-go yet: Validate (and so NewClient) rejects a
	// configuration that enables it with a *ConfigurationError, rather than silently uploading through presigned
	// URLs.
	S3DirectUploadEnabled bool

	// S3BucketName is Python's s3_bucket_name (env ISTARI_CLIENT_S3_BUCKET_NAME).
	S3BucketName string

	// LogLevel is Python's log_level (env ISTARI_CLIENT_LOG_LEVEL): DEBUG, INFO, WARNING (or WARN), ERROR or
	// CRITICAL, case-insensitive. "" = INFO. It only matters when the SDK builds the logger itself (see Logger).
	LogLevel string

	// LogToFile is Python's log_to_file (env ISTARI_CLIENT_LOG_TO_FILE): the SDK-built logger appends to
	// LogFilePath instead of writing to stderr.
	LogToFile bool

	// LogFilePath is Python's log_file_path (env ISTARI_CLIENT_LOG_FILE_PATH). Required when LogToFile is true; its
	// parent directory must exist. The file is created with mode 0600 if missing and opened for appending.
	LogFilePath string

	// IdentityServiceEnabled is Python's identity_service_enabled (env ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED, then
	// ISTARI_CLIENT_IDENTITY_SERVICE_ENABLED; the first one set wins): access-key authentication. Every registry
	// call then sends "Authorization: Bearer <access token>", a short-lived token obtained from the identity
	// service at DigitalAPIURL + "/identity/oauth2/token" with an ES384 client assertion signed by the configured
	// credentials, cached, refreshed ahead of expiry, and refreshed once more when the registry answers 401.
	// It requires DigitalAPIURL and IdentityServiceSecretFile or IdentityServiceSecret. RegistryAuthToken is then
	// optional: it is the default personal access token of [KeyManager.ExchangePAT].
	IdentityServiceEnabled bool

	// IdentityServiceSecret is Python's identity_service_secret (env ISTARI_CLIENT_IDENTITY_SERVICE_SECRET): the
	// access-key credentials inline, as padded standard base64 of the credentials JSON (see
	// [Credentials.InlineSecret]). IdentityServiceSecretFile wins when both are set.
	IdentityServiceSecret Secret

	// IdentityServiceSecretFile is Python's identity_service_secret_file (env
	// ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE): the path of the access-key credentials JSON file
	// {"clientId", "keyId", "key"} (see [Credentials.WriteFile]).
	IdentityServiceSecretFile string

	// Tags is Python's tags (no env var): limits the OpenAPI tags whose hashes are sent in
	// X-Istari-Client-Api-Hashes. nil = all tags.
	Tags []string

	// ProxyURL is Python's proxy_url (env ISTARI_CLIENT_PROXY_URL): an http:// or https:// proxy for every request,
	// overriding HTTP_PROXY, HTTPS_PROXY and ALL_PROXY (NO_PROXY is still honoured when TrustEnv). Credentials in
	// the URL are sent as Proxy-Authorization. SOCKS proxies are not supported. Requests to localhost and loopback
	// addresses are never proxied. It is a Secret because it may carry a password.
	ProxyURL Secret

	// CABundle is Python's ca_bundle (env ISTARI_CLIENT_CA_BUNDLE): a PEM file whose certificates replace the
	// system roots. It overrides REQUESTS_CA_BUNDLE and SSL_CERT_FILE. Certificate verification cannot be turned off.
	CABundle string

	// TrustEnv is Python's trust_env (env ISTARI_CLIENT_TRUST_ENV). nil = true: the proxy variables HTTP_PROXY,
	// HTTPS_PROXY, ALL_PROXY, NO_PROXY (either case) and the CA variables REQUESTS_CA_BUNDLE, SSL_CERT_FILE are
	// honoured. false ignores them all; explicit ProxyURL and CABundle still apply.
	TrustEnv *bool

	// OpenAPISpec is a Go addition: the bytes of a registry OpenAPI 3.x document (JSON or YAML) from which
	// operation routes are resolved when the client is built (see Client.Routes), falling back to the built-in
	// table. It takes precedence over RouteDiscovery. [ConfigurationFromEnv] fills it by reading the file named by
	// env ISTARI_CLIENT_OPENAPI_SPEC.
	OpenAPISpec []byte

	// RouteDiscovery is a Go addition (env ISTARI_CLIENT_ROUTE_DISCOVERY): RouteDiscoveryAuto (the default) or
	// RouteDiscoveryOff. With auto and no OpenAPISpec, the first call fetches the registry's OpenAPI document
	// (OpenAPIURL, else <registry>/openapi.json then <registry>/api/v2/openapi.json) with the registry token, at
	// most 32 MiB within 10 seconds, and routes follow it; a registry that refuses (401, 403, 404) or serves
	// something unreadable leaves the built-in routes, with one Debug log line.
	RouteDiscovery RouteDiscovery

	// OpenAPIURL is a Go addition (env ISTARI_CLIENT_OPENAPI_URL): where route discovery and VerifyRoutes fetch
	// the OpenAPI document, as an absolute URL or a path under the registry base URL. The registry token is sent
	// only when the URL is on the registry's scheme and host.
	OpenAPIURL string

	// APIHashes is the Go seam for Python's X-Istari-Client-Api-Hashes header: "spec_id:Tag" (e.g.
	// "v2_main:Model") -> hash, sent as the Python client sends it; Tags filters on the Tag part. nil (the
	// default) means the header is not sent.
	APIHashes map[string]string

	// MaxResponseBytes is a Go addition with no Python field and no env var: the largest registry response body
	// the SDK decodes, in bytes. A larger answer fails with an error matching ErrResponseTooLarge, so a broken
	// or hostile server cannot make a small call use more memory than this. 0 = 64 MiB; negative values are
	// rejected by Validate. Content downloads (ReadContents, CopyTo, ExportDocument) stream and are not limited;
	// downloaded content is verified against its checksum instead.
	MaxResponseBytes int64

	// RelaxPresignedURLPolicy is a Go addition for test setups, with no Python field and no env var. By
	// default a presigned storage URL must use https when the registry is https (http is accepted only when the
	// registry itself is http, as on a local fake), must not carry userinfo, must not point at a link-local
	// host (169.254.0.0/16, fe80::/10: cloud metadata services), and may point at a loopback host only when the
	// registry is on a loopback host too. true lifts the scheme and host rules; never set it in production.
	RelaxPresignedURLPolicy bool

	// UserAgentSuffix is a Go addition appended to the User-Agent "istari-go/<version>".
	UserAgentSuffix string

	// Logger replaces Python's istari_digital_client package logger. nil = silent. [ConfigurationFromEnv] builds a
	// text logger when ISTARI_CLIENT_LOG_LEVEL or ISTARI_CLIENT_LOG_TO_FILE is set. The SDK never calls
	// slog.SetDefault.
	Logger *slog.Logger `json:"-"`

	// HTTPClient is a Go addition: an optional caller-supplied client. When set it is used as given and ProxyURL,
	// CABundle and TrustEnv are NOT applied to it (configure its Transport yourself).
	HTTPClient *http.Client `json:"-"`

	// OnCompatibility is a Go addition: called with the server compatibility result read from registry responses
	// (Python logs it on the istari.compatibility logger).
	OnCompatibility func(CompatibilityResult) `json:"-"`

	// TracerProvider is a Go addition (Python has no tracing): the OpenTelemetry tracer provider of the SDK's
	// spans. nil = the global provider (otel.GetTracerProvider), which records nothing until the application
	// installs one. See the README's observability section for the spans.
	TracerProvider trace.TracerProvider `json:"-"`

	// MeterProvider is a Go addition: the OpenTelemetry meter provider of the SDK's metrics. nil = the global
	// provider (otel.GetMeterProvider).
	MeterProvider metric.MeterProvider `json:"-"`

	// Propagator is a Go addition: the propagator that writes trace context (W3C traceparent and tracestate with
	// propagation.TraceContext) into registry requests, never into presigned storage requests. nil = the global
	// propagator (otel.GetTextMapPropagator), which writes nothing until the application sets one.
	Propagator propagation.TextMapPropagator `json:"-"`
}

// Bool returns a pointer to v, for the *bool fields of Configuration whose nil value means true:
// RetryEnabled: istari.Bool(false).
func Bool(v bool) *bool { return &v }

// ConfigurationError reports an invalid or missing setting. It is Python's ConfigurationError (a ValueError).
// Use errors.As: configuration problems are returned joined (errors.Join), one *ConfigurationError each.
type ConfigurationError struct {
	// Field is the Configuration field name, e.g. "RegistryURL".
	Field string
	// Env is the environment variable that sets it (or that supplied the bad value), "" when none.
	Env string
	// Msg says what is wrong. It never contains a secret value.
	Msg string
}

// Error returns "istari: configuration: <Field> (<Env>): <Msg>", without the parenthesis when Env is empty.
func (e *ConfigurationError) Error() string {
	if e.Env == "" {
		return "istari: configuration: " + e.Field + ": " + e.Msg
	}
	return "istari: configuration: " + e.Field + " (" + e.Env + "): " + e.Msg
}

func confErr(field, env, format string, args ...any) *ConfigurationError {
	return &ConfigurationError{Field: field, Env: env, Msg: fmt.Sprintf(format, args...)}
}

// Validate reports every problem of c (the Python client's checks plus Go's), each as a *ConfigurationError, joined with
// errors.Join; nil when c is usable. NewClient calls it. It never panics and never echoes a secret.
//
// Checks: a registry base (RegistryURL or DigitalAPIURL) that is an absolute http(s) URL without query, fragment
// or credentials; a token unless identity mode is on; no negative timeout, interval, attempt count, size or
// concurrency; RetryMinInterval <= RetryMaxInterval when both are set; S3 direct upload needs a bucket and, having
// one, is reported as not supported yet; a non-negative MaxResponseBytes; identity mode needs DigitalAPIURL, a
// secret or secret file (the file wins), and credentials that parse as an ECDSA P-384 key (the file is read);
// LogToFile needs LogFilePath in an existing directory; a valid LogLevel; an existing FilesystemCacheRoot; a
// well-formed http(s) ProxyURL (SOCKS is rejected); a UserAgentSuffix without control characters.
func (c Configuration) Validate() error {
	var errs []error
	add := func(field, env, format string, args ...any) {
		errs = append(errs, confErr(field, env, format, args...))
	}

	if c.RegistryURL == "" && c.DigitalAPIURL == "" {
		add("RegistryURL", envRegistryURL, "no registry base URL: set RegistryURL (%s) or DigitalAPIURL (%s)", envRegistryURL, envDigitalAPIURL)
	}
	if c.RegistryURL != "" {
		if msg := checkBaseURL(c.RegistryURL); msg != "" {
			add("RegistryURL", envRegistryURL, "%s", msg)
		}
	}
	if c.DigitalAPIURL != "" {
		if msg := checkBaseURL(c.DigitalAPIURL); msg != "" {
			add("DigitalAPIURL", envDigitalAPIURL, "%s", msg)
		}
	}
	switch c.RouteDiscovery {
	case "", RouteDiscoveryAuto, RouteDiscoveryOff:
	default:
		add("RouteDiscovery", envRouteDiscovery, "must be %q or %q, got %q", RouteDiscoveryAuto, RouteDiscoveryOff, c.RouteDiscovery)
	}
	if c.OpenAPIURL != "" && !strings.HasPrefix(c.OpenAPIURL, "/") {
		if msg := checkBaseURL(c.OpenAPIURL); msg != "" {
			add("OpenAPIURL", envOpenAPIURL, "%s", msg)
		}
	}
	if c.RegistryAuthToken == "" && !c.IdentityServiceEnabled {
		add("RegistryAuthToken", envRegistryAuthToken, "no registry auth token is set (required unless identity-service mode is enabled)")
	}

	nonNegDur := []struct {
		field, env string
		d          time.Duration
	}{
		{"HTTPRequestTimeout", envHTTPRequestTimeout, c.HTTPRequestTimeout},
		{"RetryMinInterval", envRetryMinInterval, c.RetryMinInterval},
		{"RetryMaxInterval", envRetryMaxInterval, c.RetryMaxInterval},
	}
	for _, d := range nonNegDur {
		if d.d < 0 {
			add(d.field, d.env, "must not be negative, got %s", d.d)
		}
	}
	// Only two explicit values conflict: with one left at its default, Python's min(max, min*2^n) simply caps the
	// delay (e.g. RetryMaxInterval 100ms alone means every wait is 100ms).
	if c.RetryMinInterval > 0 && c.RetryMaxInterval > 0 && c.RetryMinInterval > c.RetryMaxInterval {
		add("RetryMinInterval", envRetryMinInterval, "%s is above RetryMaxInterval %s", c.RetryMinInterval, c.RetryMaxInterval)
	}
	if c.RetryMaxAttempts < 0 {
		add("RetryMaxAttempts", envRetryMaxAttempts, "must not be negative, got %d", c.RetryMaxAttempts)
	}
	if c.MultipartChunkSize < 0 {
		add("MultipartChunkSize", envMultipartChunkSize, "must not be negative, got %d", c.MultipartChunkSize)
	}
	if c.MultipartThreshold < 0 {
		add("MultipartThreshold", envMultipartThreshold, "must not be negative, got %d", c.MultipartThreshold)
	}
	if c.UploadConcurrency < 0 {
		add("UploadConcurrency", "", "must not be negative, got %d", c.UploadConcurrency)
	}

	if c.S3DirectUploadEnabled && c.S3BucketName == "" {
		add("S3BucketName", envS3BucketName, "ISTARI_CLIENT_S3_BUCKET_NAME must be set when ISTARI_CLIENT_S3_DIRECT_UPLOAD is enabled")
	} else if c.S3DirectUploadEnabled {
		add("S3DirectUploadEnabled", envS3DirectUpload, "S3 direct upload is not supported by istari-go yet; unset it to upload through presigned URLs")
	}
	if c.MaxResponseBytes < 0 {
		add("MaxResponseBytes", "", "must not be negative, got %d", c.MaxResponseBytes)
	}

	errs = append(errs, c.checkIdentity()...)

	if _, ok := parseLogLevel(c.LogLevel); !ok {
		add("LogLevel", envLogLevel, "invalid log level %q: want DEBUG, INFO, WARNING, WARN, ERROR or CRITICAL", c.LogLevel)
	}
	errs = append(errs, checkLogFile(c.LogToFile, c.LogFilePath)...)

	if c.FilesystemCacheRoot != "" {
		if msg := checkDir(c.FilesystemCacheRoot); msg != "" {
			add("FilesystemCacheRoot", envCacheRoot, "%s", msg)
		}
	}
	if c.ProxyURL != "" {
		if err := checkProxyURL("ProxyURL", envProxyURL, c.ProxyURL.Reveal()); err != nil {
			errs = append(errs, err)
		}
	}
	if hasControl(c.UserAgentSuffix) {
		add("UserAgentSuffix", "", "must not contain control characters")
	}
	return errors.Join(errs...)
}

// RegistryBaseURL returns the registry base that request paths are appended to, without a trailing slash. In
// gateway mode (DigitalAPIURL set) it is DigitalAPIURL + "/registry", overriding RegistryURL; otherwise it is
// RegistryURL. Python computes the same in its Client constructor.
func (c Configuration) RegistryBaseURL() string {
	if c.DigitalAPIURL != "" {
		return strings.TrimRight(c.DigitalAPIURL, "/") + "/registry"
	}
	return strings.TrimRight(c.RegistryURL, "/")
}

// identityBaseURL is the identity-service base in gateway mode ("" without DigitalAPIURL).
func (c Configuration) identityBaseURL() string {
	if c.DigitalAPIURL == "" {
		return ""
	}
	return strings.TrimRight(c.DigitalAPIURL, "/") + "/identity"
}

// Resolved settings: the zero values of Configuration mapped to their defaults.

func orTrue(p *bool) bool { return p == nil || *p }

func (c Configuration) retryEnabled() bool { return orTrue(c.RetryEnabled) }

// retryAttempts is the total number of attempts per call: 1 when retries are disabled, else
// max(1, RetryMaxAttempts) with 0 meaning 3.
func (c Configuration) retryAttempts() int {
	switch {
	case !c.retryEnabled():
		return 1
	case c.RetryMaxAttempts == 0:
		return defaultRetryMaxAttempts
	case c.RetryMaxAttempts < 1:
		return 1
	}
	return c.RetryMaxAttempts
}

func (c Configuration) retryMinInterval() time.Duration {
	if c.RetryMinInterval == 0 {
		return defaultRetryMinInterval
	}
	return c.RetryMinInterval
}

func (c Configuration) retryMaxInterval() time.Duration {
	if c.RetryMaxInterval == 0 {
		return defaultRetryMaxInterval
	}
	return c.RetryMaxInterval
}

func (c Configuration) retryJitter() bool      { return orTrue(c.RetryJitterEnabled) }
func (c Configuration) cacheEnabled() bool     { return orTrue(c.FilesystemCacheEnabled) }
func (c Configuration) cacheCleanOnExit() bool { return orTrue(c.FilesystemCacheCleanOnExit) }
func (c Configuration) trustEnv() bool         { return orTrue(c.TrustEnv) }

func (c Configuration) multipartChunkSize() int64 {
	if c.MultipartChunkSize <= 0 {
		return defaultMultipartChunkSize
	}
	return c.MultipartChunkSize
}

func (c Configuration) multipartThreshold() int64 {
	if c.MultipartThreshold <= 0 {
		return defaultMultipartThreshold
	}
	return c.MultipartThreshold
}

func (c Configuration) uploadConcurrency() int {
	if c.UploadConcurrency <= 0 {
		return defaultUploadConcurrency
	}
	return c.UploadConcurrency
}

// logLevel is the slog level of LogLevel ("" or invalid = INFO; Validate reports invalid names).
// defaultMaxResponseBytes is the default of MaxResponseBytes.
const defaultMaxResponseBytes = 64 << 20

func (c Configuration) maxResponseBytes() int64 {
	if c.MaxResponseBytes > 0 {
		return c.MaxResponseBytes
	}
	return defaultMaxResponseBytes
}

func (c Configuration) logLevel() slog.Level {
	if lvl, ok := parseLogLevel(c.LogLevel); ok {
		return lvl
	}
	return slog.LevelInfo
}

// String returns a one-line summary of c for logs and debugging, with RegistryAuthToken and
// IdentityServiceSecret shown as "[REDACTED]" and any password in ProxyURL (or in a base URL) masked, like the
// printed form of Python's newest Configuration. %v, %+v and %s use it.
func (c Configuration) String() string {
	var b strings.Builder
	b.WriteString("istari.Configuration{")
	first := true
	field := func(name, value string) {
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(value)
	}
	quote := strconv.Quote
	boolPtr := func(p *bool) string {
		if p == nil {
			return "nil"
		}
		return strconv.FormatBool(*p)
	}
	set := func(isSet bool) string {
		if isSet {
			return "set"
		}
		return "nil"
	}
	proxy := ""
	if c.ProxyURL != "" {
		proxy = redactURL(c.ProxyURL.Reveal())
	}
	hashes := make([]string, 0, len(c.APIHashes))
	for k := range c.APIHashes {
		hashes = append(hashes, k)
	}
	sort.Strings(hashes)

	field("RegistryURL", quote(redactURL(c.RegistryURL)))
	field("DigitalAPIURL", quote(redactURL(c.DigitalAPIURL)))
	field("RegistryAuthToken", c.RegistryAuthToken.String())
	field("HTTPRequestTimeout", c.HTTPRequestTimeout.String())
	field("RetryEnabled", boolPtr(c.RetryEnabled))
	field("RetryMaxAttempts", strconv.Itoa(c.RetryMaxAttempts))
	field("RetryMinInterval", c.RetryMinInterval.String())
	field("RetryMaxInterval", c.RetryMaxInterval.String())
	field("RetryJitterEnabled", boolPtr(c.RetryJitterEnabled))
	field("FilesystemCacheEnabled", boolPtr(c.FilesystemCacheEnabled))
	field("FilesystemCacheRoot", quote(c.FilesystemCacheRoot))
	field("FilesystemCacheCleanOnExit", boolPtr(c.FilesystemCacheCleanOnExit))
	field("MultipartChunkSize", strconv.FormatInt(c.MultipartChunkSize, 10))
	field("MultipartThreshold", strconv.FormatInt(c.MultipartThreshold, 10))
	field("UploadConcurrency", strconv.Itoa(c.UploadConcurrency))
	field("S3DirectUploadEnabled", strconv.FormatBool(c.S3DirectUploadEnabled))
	field("S3BucketName", quote(c.S3BucketName))
	field("LogLevel", quote(c.LogLevel))
	field("LogToFile", strconv.FormatBool(c.LogToFile))
	field("LogFilePath", quote(c.LogFilePath))
	field("IdentityServiceEnabled", strconv.FormatBool(c.IdentityServiceEnabled))
	field("IdentityServiceSecret", c.IdentityServiceSecret.String())
	field("IdentityServiceSecretFile", quote(c.IdentityServiceSecretFile))
	field("Tags", fmt.Sprintf("%q", c.Tags))
	field("ProxyURL", quote(proxy))
	field("CABundle", quote(c.CABundle))
	field("TrustEnv", boolPtr(c.TrustEnv))
	field("OpenAPISpec", fmt.Sprintf("<%d bytes>", len(c.OpenAPISpec)))
	field("RouteDiscovery", quote(string(c.RouteDiscovery)))
	field("OpenAPIURL", quote(redactURL(c.OpenAPIURL)))
	field("APIHashes", fmt.Sprintf("%q", hashes)) // tags only: hashes are not secret but are long
	field("MaxResponseBytes", strconv.FormatInt(c.MaxResponseBytes, 10))
	field("RelaxPresignedURLPolicy", strconv.FormatBool(c.RelaxPresignedURLPolicy))
	field("UserAgentSuffix", quote(c.UserAgentSuffix))
	field("Logger", set(c.Logger != nil))
	field("HTTPClient", set(c.HTTPClient != nil))
	field("OnCompatibility", set(c.OnCompatibility != nil))
	field("TracerProvider", set(c.TracerProvider != nil))
	field("MeterProvider", set(c.MeterProvider != nil))
	field("Propagator", set(c.Propagator != nil))
	b.WriteString("}")
	return b.String()
}

// GoString returns the same redacted summary as [Configuration.String], so %#v never shows a secret.
func (c Configuration) GoString() string { return c.String() }
