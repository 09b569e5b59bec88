package istari

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// Defaults applied when a Configuration field is left at its zero value (core.md §1.1).
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

	// Transport settings (core.md §2.4). There is deliberately no response-header timeout: slow but legitimate
	// calls (exports, large listings) must not be cut; HTTPRequestTimeout and the caller's ctx bound them.
	transportDialTimeout         = 30 * time.Second
	transportKeepAlive           = 30 * time.Second
	transportTLSHandshakeTimeout = 10 * time.Second
	// transportResponseHeaderTimeout bounds the wait for response headers once a request is fully written, so a
	// stalled server cannot hang a call forever when no HTTPRequestTimeout is set (core.md §2.4). It is long
	// enough for the registry's slowest observed answers (large-tenant lists take about 30 s).
	transportResponseHeaderTimeout = 2 * time.Minute
	transportIdleConnTimeout       = 90 * time.Second
	transportExpectContinue        = 1 * time.Second
	transportMaxIdleConns          = 100
	transportMaxIdleConnsPerHost   = 100
)

// Environment variable names, byte-for-byte as in core.md §1.1.
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
	envOpenAPISpec              = "ISTARI_CLIENT_OPENAPI_SPEC" // Go addition: a file path
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

	// MultipartThreshold is Python's multipart_threshold (env ISTARI_CLIENT_MULTIPART_THRESHOLD): contents of this
	// size or more, in bytes, are uploaded in parts. 0 = 2 GiB.
	MultipartThreshold int64

	// UploadConcurrency is a Go addition with no Python field and no env var: how many multipart parts upload at
	// once. 0 = 4.
	UploadConcurrency int

	// S3DirectUploadEnabled is Python's s3_direct_upload_enabled (env ISTARI_CLIENT_S3_DIRECT_UPLOAD). It requires
	// S3BucketName.
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
	// ISTARI_CLIENT_IDENTITY_SERVICE_ENABLED; the first one set wins). Identity-service authentication is not
	// supported yet by istari-go: Validate rejects a configuration that enables it.
	IdentityServiceEnabled bool

	// IdentityServiceSecret is Python's identity_service_secret (env ISTARI_CLIENT_IDENTITY_SERVICE_SECRET): inline
	// base64 identity credentials. Reserved for identity-service mode.
	IdentityServiceSecret Secret

	// IdentityServiceSecretFile is Python's identity_service_secret_file (env
	// ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE): a path to the identity credentials JSON. Reserved for
	// identity-service mode.
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

	// OpenAPISpec is a Go addition: the bytes of a real registry OpenAPI (JSON) document from which operation routes
	// are resolved by operationId, falling back to the built-in table. [ConfigurationFromEnv] fills it by reading
	// the file named by env ISTARI_CLIENT_OPENAPI_SPEC.
	OpenAPISpec []byte

	// APIHashes is the Go seam for Python's X-Istari-Client-Api-Hashes header: OpenAPI tag -> hash. The header's
	// value format is not public, so nil (the default) means the header is not sent.
	APIHashes map[string]string

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

// ConfigurationFromEnv builds a Configuration from the environment only, like Python's Configuration() with no
// arguments. It reads every variable named on the Configuration fields, treating an empty value as unset,
// including the Go addition ISTARI_CLIENT_OPENAPI_SPEC (a file path whose bytes become OpenAPISpec). ISTARI_DIGITAL_REGISTRY_URL and
// ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN are fallbacks used only when ISTARI_REGISTRY_URL / ISTARI_REGISTRY_AUTH_TOKEN
// are unset; to give an explicit value precedence, assign the field after this call.
//
// Parsing rules: integers are base 10; booleans are case-insensitive, trimmed true/t/1/yes/y or false/f/0/no/n;
// a cache root must be an existing directory; the log level is DEBUG, INFO, WARNING/WARN, ERROR or CRITICAL.
// Python-compatible mappings: a retry attempt count below 1 means one attempt; a retry interval of 0 ms means no
// wait (stored as 1ns, because a zero field selects the default); a request timeout of 0 s means none. Sizes must
// be positive. When ISTARI_CLIENT_LOG_LEVEL or ISTARI_CLIENT_LOG_TO_FILE is set, Logger is a text logger at that
// level writing to stderr, or appending to the log file when ISTARI_CLIENT_LOG_TO_FILE is true (the file stays
// open for the life of the process).
//
// Every problem is reported, as *ConfigurationError values joined with errors.Join; the returned Configuration
// then holds what could be parsed, without a Logger. Cross-field checks (a missing token, S3 without a bucket...)
// are left to [Configuration.Validate], which NewClient runs. The process environment is never modified.
func ConfigurationFromEnv() (Configuration, error) {
	return configurationFromLookup(os.LookupEnv)
}

// envReader reads variables through an injectable lookup and collects every problem.
type envReader struct {
	lookup func(string) (string, bool)
	errs   []error
}

// get returns the value of name; an empty value counts as unset.
func (r *envReader) get(name string) (string, bool) {
	v, ok := r.lookup(name)
	if !ok || v == "" {
		return "", false
	}
	return v, true
}

func (r *envReader) fail(field, env, format string, args ...any) {
	r.errs = append(r.errs, confErr(field, env, format, args...))
}

// boolean parses name with parseBool; set is false when unset or invalid.
func (r *envReader) boolean(field, name string) (v, set bool) {
	raw, ok := r.get(name)
	if !ok {
		return false, false
	}
	v, ok = parseBool(raw)
	if !ok {
		r.fail(field, name, "invalid boolean %q: want true, t, 1, yes, y, false, f, 0, no or n (any case)", raw)
		return false, false
	}
	return v, true
}

// boolPtr parses name into a *bool; nil when unset or invalid.
func (r *envReader) boolPtr(field, name string) *bool {
	if v, ok := r.boolean(field, name); ok {
		return Bool(v)
	}
	return nil
}

// integer parses name as a base-10 int64 (surrounding spaces allowed); set is false when unset or invalid.
func (r *envReader) integer(field, name string) (n int64, set bool) {
	raw, ok := r.get(name)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	if err != nil {
		r.fail(field, name, "invalid integer %q: want a base-10 integer", raw)
		return 0, false
	}
	return n, true
}

// duration parses name as a non-negative count of unit; zero maps to zeroAs.
func (r *envReader) duration(field, name string, unit, zeroAs time.Duration) time.Duration {
	n, ok := r.integer(field, name)
	switch {
	case !ok:
		return 0
	case n < 0:
		r.fail(field, name, "must not be negative, got %d", n)
		return 0
	case n > int64(math.MaxInt64/unit):
		r.fail(field, name, "value %d is too large", n)
		return 0
	case n == 0:
		return zeroAs
	}
	return time.Duration(n) * unit
}

// positive parses name as an int64 > 0.
func (r *envReader) positive(field, name string) int64 {
	n, ok := r.integer(field, name)
	if ok && n < 1 {
		r.fail(field, name, "must be a positive number of bytes, got %d", n)
		return 0
	}
	return n
}

// parseBool applies core.md §1.2's boolean rule.
func parseBool(raw string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "true", "t", "1", "yes", "y":
		return true, true
	case "false", "f", "0", "no", "n":
		return false, true
	}
	return false, false
}

// parseLogLevel maps a Python level name (case-insensitive, trimmed) to a slog level; "" is INFO.
func parseLogLevel(name string) (slog.Level, bool) {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "DEBUG":
		return slog.LevelDebug, true
	case "", "INFO":
		return slog.LevelInfo, true
	case "WARNING", "WARN":
		return slog.LevelWarn, true
	case "ERROR":
		return slog.LevelError, true
	case "CRITICAL":
		return levelCritical, true
	}
	return 0, false
}

// configurationFromLookup is ConfigurationFromEnv with an injectable environment (tests pass a map lookup).
func configurationFromLookup(lookup func(string) (string, bool)) (Configuration, error) {
	r := &envReader{lookup: lookup}
	var c Configuration

	// Registry base and token: ISTARI_* first, then the ISTARI_DIGITAL_* fallbacks. Only the source is logged.
	urlSource, tokenSource := "", ""
	if v, ok := r.get(envRegistryURL); ok {
		c.RegistryURL, urlSource = v, envRegistryURL
	} else if v, ok := r.get(envDigitalRegistryURL); ok {
		c.RegistryURL, urlSource = v, envDigitalRegistryURL
	}
	if v, ok := r.get(envRegistryAuthToken); ok {
		c.RegistryAuthToken, tokenSource = Secret(v), envRegistryAuthToken
	} else if v, ok := r.get(envDigitalRegistryAuthToken); ok {
		c.RegistryAuthToken, tokenSource = Secret(v), envDigitalRegistryAuthToken
	}
	c.DigitalAPIURL, _ = r.get(envDigitalAPIURL)

	c.HTTPRequestTimeout = r.duration("HTTPRequestTimeout", envHTTPRequestTimeout, time.Second, 0)
	c.RetryEnabled = r.boolPtr("RetryEnabled", envRetryEnabled)
	if n, ok := r.integer("RetryMaxAttempts", envRetryMaxAttempts); ok {
		switch {
		case n < 1:
			c.RetryMaxAttempts = 1 // Python: max(1, retry_max_attempts)
		case n > math.MaxInt32:
			r.fail("RetryMaxAttempts", envRetryMaxAttempts, "value %d is too large", n)
		default:
			c.RetryMaxAttempts = int(n)
		}
	}
	c.RetryMinInterval = r.duration("RetryMinInterval", envRetryMinInterval, time.Millisecond, time.Nanosecond)
	c.RetryMaxInterval = r.duration("RetryMaxInterval", envRetryMaxInterval, time.Millisecond, time.Nanosecond)
	c.RetryJitterEnabled = r.boolPtr("RetryJitterEnabled", envRetryJitterEnabled)

	c.FilesystemCacheEnabled = r.boolPtr("FilesystemCacheEnabled", envCacheEnabled)
	if v, ok := r.get(envCacheRoot); ok {
		if msg := checkDir(v); msg != "" {
			r.fail("FilesystemCacheRoot", envCacheRoot, "%s", msg)
		} else {
			c.FilesystemCacheRoot = v
		}
	}
	c.FilesystemCacheCleanOnExit = r.boolPtr("FilesystemCacheCleanOnExit", envCacheCleanOnExit)
	c.MultipartChunkSize = r.positive("MultipartChunkSize", envMultipartChunkSize)
	c.MultipartThreshold = r.positive("MultipartThreshold", envMultipartThreshold)

	c.S3DirectUploadEnabled, _ = r.boolean("S3DirectUploadEnabled", envS3DirectUpload)
	c.S3BucketName, _ = r.get(envS3BucketName)

	logLevelRaw, logLevelSet := r.get(envLogLevel)
	if logLevelSet {
		if _, ok := parseLogLevel(logLevelRaw); ok {
			c.LogLevel = strings.ToUpper(strings.TrimSpace(logLevelRaw))
		} else {
			r.fail("LogLevel", envLogLevel, "invalid log level %q: want DEBUG, INFO, WARNING, WARN, ERROR or CRITICAL", logLevelRaw)
		}
	}
	c.LogToFile, _ = r.boolean("LogToFile", envLogToFile)
	_, logToFileSet := r.get(envLogToFile)
	c.LogFilePath, _ = r.get(envLogFilePath)

	// Identity flag: the first variable that is set decides, even if its value is invalid.
	for _, name := range []string{envIdentityEnabled, envIdentityEnabledClient} {
		if _, ok := r.get(name); ok {
			c.IdentityServiceEnabled, _ = r.boolean("IdentityServiceEnabled", name)
			break
		}
	}
	if v, ok := r.get(envIdentitySecret); ok {
		c.IdentityServiceSecret = Secret(v)
	}
	c.IdentityServiceSecretFile, _ = r.get(envIdentitySecretFile)

	if v, ok := r.get(envProxyURL); ok {
		c.ProxyURL = Secret(v)
	}
	c.CABundle, _ = r.get(envCABundle)
	c.TrustEnv = r.boolPtr("TrustEnv", envTrustEnv)

	if path, ok := r.get(envOpenAPISpec); ok {
		b, err := os.ReadFile(path)
		switch {
		case err != nil:
			r.fail("OpenAPISpec", envOpenAPISpec, "cannot read the OpenAPI document: %v", err)
		case !json.Valid(b):
			r.fail("OpenAPISpec", envOpenAPISpec, "file %q is not a JSON OpenAPI document", path)
		default:
			c.OpenAPISpec = b
		}
	}

	// The logger is built last, and only when everything else parsed, so a failed call leaves no open file; its
	// own problems (a log file without a path or directory) are still reported alongside the others.
	if logLevelSet || logToFileSet {
		if len(r.errs) > 0 {
			r.errs = append(r.errs, checkLogFile(c.LogToFile, c.LogFilePath)...)
		} else if logger, err := newLogger(c.LogLevel, c.LogToFile, c.LogFilePath, os.Stderr); err != nil {
			r.errs = append(r.errs, err)
		} else {
			c.Logger = logger
			if urlSource != "" {
				logger.Debug("istari: configuration value from environment", "field", "RegistryURL", "env", urlSource)
			}
			if tokenSource != "" {
				logger.Debug("istari: configuration value from environment", "field", "RegistryAuthToken", "env", tokenSource)
			}
		}
	}
	return c, errors.Join(r.errs...)
}

// checkDir returns "" when path names an existing directory, else the problem.
func checkDir(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Sprintf("directory %q does not exist or cannot be read", path)
	}
	if !fi.IsDir() {
		return fmt.Sprintf("%q is not a directory", path)
	}
	return ""
}

// checkLogFile reports LogToFile problems (core.md §1.3), as *ConfigurationError values.
func checkLogFile(toFile bool, path string) []error {
	if !toFile {
		return nil
	}
	if path == "" {
		return []error{confErr("LogFilePath", envLogFilePath, "must be set when LogToFile (%s) is true", envLogToFile)}
	}
	if msg := checkDir(filepath.Dir(path)); msg != "" {
		return []error{confErr("LogFilePath", envLogFilePath, "parent %s", msg)}
	}
	return nil
}

// newLogger builds the SDK's own text logger: level from a Python level name ("" = INFO), writing to stderr, or
// appending to path (created 0600) when toFile. Credential attributes are masked by redactAttr.
func newLogger(level string, toFile bool, path string, stderr io.Writer) (*slog.Logger, error) {
	lvl, ok := parseLogLevel(level)
	if !ok {
		return nil, confErr("LogLevel", envLogLevel, "invalid log level %q: want DEBUG, INFO, WARNING, WARN, ERROR or CRITICAL", level)
	}
	if errs := checkLogFile(toFile, path); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	w := stderr
	if toFile {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return nil, confErr("LogFilePath", envLogFilePath, "cannot open the log file: %v", err)
		}
		w = f
	}
	h := slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl, ReplaceAttr: redactAttr})
	return slog.New(h), nil
}

// redactAttr is the ReplaceAttr of SDK-built handlers: it names Python's CRITICAL level and masks attributes
// named like credential headers (core.md §9).
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.LevelKey {
		if lvl, ok := a.Value.Any().(slog.Level); ok && lvl >= levelCritical {
			return slog.String(slog.LevelKey, "CRITICAL")
		}
		return a
	}
	switch strings.ToLower(a.Key) {
	case "authorization", "proxy-authorization":
		return slog.String(a.Key, redacted)
	}
	return a
}

// Validate reports every problem of c (core.md §1.3 plus Go checks), each as a *ConfigurationError, joined with
// errors.Join; nil when c is usable. NewClient calls it. It never panics and never echoes a secret.
//
// Checks: a registry base (RegistryURL or DigitalAPIURL) that is an absolute http(s) URL without query, fragment
// or credentials; a token unless identity mode is on; no negative timeout, interval, attempt count, size or
// concurrency; RetryMinInterval <= RetryMaxInterval when both are set; S3 direct upload needs a bucket; identity
// mode needs DigitalAPIURL and a secret or secret file; LogToFile needs LogFilePath in an existing directory; a
// valid LogLevel; an existing FilesystemCacheRoot; a well-formed http(s) ProxyURL (SOCKS is rejected); a
// UserAgentSuffix without control characters. Identity-service mode is not supported yet by istari-go: when
// IdentityServiceEnabled is true and nothing else is wrong, Validate says so.
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
	}

	if c.IdentityServiceEnabled {
		if c.DigitalAPIURL == "" {
			add("DigitalAPIURL", envDigitalAPIURL, "must be set when identity-service mode is enabled")
		}
		if c.IdentityServiceSecret == "" && c.IdentityServiceSecretFile == "" {
			add("IdentityServiceSecret", envIdentitySecret, "identity-service mode needs IdentityServiceSecret (%s) or IdentityServiceSecretFile (%s)", envIdentitySecret, envIdentitySecretFile)
		}
	}

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

	if c.IdentityServiceEnabled && len(errs) == 0 {
		add("IdentityServiceEnabled", envIdentityEnabled, "identity-service authentication is not supported yet by istari-go; use a registry auth token")
	}
	return errors.Join(errs...)
}

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

// retryAttempts is the total number of attempts per call (core.md §2.5): 1 when retries are disabled, else
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
	field("APIHashes", fmt.Sprintf("%q", hashes)) // tags only: hashes are not secret but are long
	field("UserAgentSuffix", quote(c.UserAgentSuffix))
	field("Logger", set(c.Logger != nil))
	field("HTTPClient", set(c.HTTPClient != nil))
	field("OnCompatibility", set(c.OnCompatibility != nil))
	b.WriteString("}")
	return b.String()
}

// GoString returns the same redacted summary as [Configuration.String], so %#v never shows a secret.
func (c Configuration) GoString() string { return c.String() }

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
		DialContext:           dialer.DialContext,
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

// proxyFunc returns the transport's Proxy function (nil = never proxy), core.md §1.5:
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
