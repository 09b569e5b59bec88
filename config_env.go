package istari

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// ConfigurationFromEnv builds a Configuration from the environment only, like Python's Configuration() with no
// arguments. It reads every variable named on the Configuration fields, treating an empty value as unset,
// including the Go additions ISTARI_CLIENT_OPENAPI_SPEC (a file path whose bytes become OpenAPISpec),
// ISTARI_CLIENT_ROUTE_DISCOVERY (auto or off, case-insensitive) and ISTARI_CLIENT_OPENAPI_URL. ISTARI_DIGITAL_REGISTRY_URL and
// ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN are Go-only fallbacks (Python reads neither) used only when ISTARI_REGISTRY_URL / ISTARI_REGISTRY_AUTH_TOKEN
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

// parseBool applies the Python client's boolean rule: true, t, 1, yes, y and false, f, 0, no, n in any case,
// surrounding spaces ignored; anything else is not a boolean.
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
		default:
			if _, err := ops.ToJSON(b); err != nil {
				r.fail("OpenAPISpec", envOpenAPISpec, "file %q is not a JSON or YAML OpenAPI document", path)
			} else {
				c.OpenAPISpec = b
			}
		}
	}
	if v, ok := r.get(envRouteDiscovery); ok {
		switch d := RouteDiscovery(strings.ToLower(v)); d {
		case RouteDiscoveryAuto, RouteDiscoveryOff:
			c.RouteDiscovery = d
		default:
			r.fail("RouteDiscovery", envRouteDiscovery, "must be %q or %q", RouteDiscoveryAuto, RouteDiscoveryOff)
		}
	}
	c.OpenAPIURL, _ = r.get(envOpenAPIURL)

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

// checkLogFile reports LogToFile problems (logging to a file needs a path), as *ConfigurationError values.
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
// named like the credential headers Authorization and Proxy-Authorization.
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
