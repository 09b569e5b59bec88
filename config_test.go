package istari

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// envMap turns a map into a lookup func: the tests never touch the process environment.
func envMap(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

// confErrs flattens a (joined) error into its *ConfigurationError leaves; it fails on any other leaf.
func confErrs(t *testing.T, err error) []*ConfigurationError {
	t.Helper()
	var out []*ConfigurationError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		//nolint:errorlint // walking the joined tree leaf by leaf, not matching a wrapped error
		if ce, ok := e.(*ConfigurationError); ok {
			out = append(out, ce)
			return
		}
		if u, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range u.Unwrap() {
				walk(x)
			}
			return
		}
		t.Errorf("unexpected non-ConfigurationError leaf %T: %v", e, e)
	}
	walk(err)
	return out
}

// hasConfErr reports whether err holds a *ConfigurationError with that Field and Env.
func hasConfErr(t *testing.T, err error, field, env string) *ConfigurationError {
	t.Helper()
	for _, ce := range confErrs(t, err) {
		if ce.Field == field && ce.Env == env {
			return ce
		}
	}
	return nil
}

// requireOneConfErr asserts err is exactly one *ConfigurationError (found with errors.As) with Field and Env.
func requireOneConfErr(t *testing.T, err error, field, env string) *ConfigurationError {
	t.Helper()
	var ce *ConfigurationError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *ConfigurationError", err, err)
	}
	all := confErrs(t, err)
	if len(all) != 1 {
		t.Fatalf("want exactly 1 problem, got %d: %v", len(all), err)
	}
	if ce.Field != field || ce.Env != env {
		t.Fatalf("got Field=%q Env=%q, want Field=%q Env=%q (%v)", ce.Field, ce.Env, field, env, err)
	}
	return ce
}

const (
	cfgTestToken       = "pat-SUPERSECRET-0001"
	cfgTestIdentity    = "aWRlbnRpdHktU1VQRVJTRUNSRVQ="
	cfgTestProxyPass   = "proxyPASSWORD42"
	cfgTestProxyURL    = "http://alice:" + cfgTestProxyPass + "@proxy.corp:3128"
	cfgTestRegistryURL = "https://acme.istari.digital"
)

// ---------------------------------------------------------------------------------------------------------------
// ConfigurationFromEnv

func TestConfigurationFromEnvEveryVariable(t *testing.T) {
	dir := t.TempDir()
	cacheRoot := filepath.Join(dir, "cache")
	if err := os.Mkdir(cacheRoot, 0o700); err != nil {
		t.Fatal(err)
	}
	specPath := filepath.Join(dir, "openapi.json")
	spec := []byte(`{"openapi":"3.1.0","paths":{}}`)
	if err := os.WriteFile(specPath, spec, 0o600); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(dir, "istari.log")

	env := map[string]string{
		"ISTARI_REGISTRY_URL":                              cfgTestRegistryURL + "/",
		"ISTARI_DIGITAL_API_URL":                           "https://api.acme.istari.digital",
		"ISTARI_REGISTRY_AUTH_TOKEN":                       cfgTestToken,
		"ISTARI_CLIENT_HTTP_REQUEST_TIMEOUT_SECS":          "45",
		"ISTARI_CLIENT_RETRY_ENABLED":                      "false",
		"ISTARI_CLIENT_RETRY_MAX_ATTEMPTS":                 "7",
		"ISTARI_CLIENT_RETRY_MIN_INTERVAL_MILLIS":          "150",
		"ISTARI_CLIENT_RETRY_MAX_INTERVAL_MILLIS":          "2500",
		"ISTARI_CLIENT_RETRY_JITTER_ENABLED":               "no",
		"ISTARI_CLIENT_FILESYSTEM_CACHE_ENABLED":           "0",
		"ISTARI_CLIENT_FILESYSTEM_CACHE_ROOT":              cacheRoot,
		"ISTARI_CLIENT_FILESYSTEM_CACHE_CLEAN_BEFORE_EXIT": "F",
		"ISTARI_CLIENT_MULTIPART_CHUNKSIZE":                "8388608",
		"ISTARI_CLIENT_MULTIPART_THRESHOLD":                "16777216",
		"ISTARI_CLIENT_S3_DIRECT_UPLOAD":                   "yes",
		"ISTARI_CLIENT_S3_BUCKET_NAME":                     "acme-bucket",
		"ISTARI_CLIENT_LOG_LEVEL":                          "debug",
		"ISTARI_CLIENT_LOG_TO_FILE":                        "TRUE",
		"ISTARI_CLIENT_LOG_FILE_PATH":                      logPath,
		"ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED":          "y",
		"ISTARI_CLIENT_IDENTITY_SERVICE_SECRET":            cfgTestIdentity,
		"ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE":       "/etc/istari/identity.json",
		"ISTARI_CLIENT_PROXY_URL":                          cfgTestProxyURL,
		"ISTARI_CLIENT_CA_BUNDLE":                          "/etc/ssl/corp.pem",
		"ISTARI_CLIENT_TRUST_ENV":                          "n",
		"ISTARI_CLIENT_OPENAPI_SPEC":                       specPath,
	}
	got, err := configurationFromLookup(envMap(env))
	if err != nil {
		t.Fatalf("configurationFromLookup: %v", err)
	}
	if got.Logger == nil {
		t.Fatal("Logger not built although ISTARI_CLIENT_LOG_LEVEL is set")
	}
	got.Logger = nil
	want := Configuration{
		RegistryURL:                cfgTestRegistryURL + "/",
		DigitalAPIURL:              "https://api.acme.istari.digital",
		RegistryAuthToken:          Secret(cfgTestToken),
		HTTPRequestTimeout:         45 * time.Second,
		RetryEnabled:               Bool(false),
		RetryMaxAttempts:           7,
		RetryMinInterval:           150 * time.Millisecond,
		RetryMaxInterval:           2500 * time.Millisecond,
		RetryJitterEnabled:         Bool(false),
		FilesystemCacheEnabled:     Bool(false),
		FilesystemCacheRoot:        cacheRoot,
		FilesystemCacheCleanOnExit: Bool(false),
		MultipartChunkSize:         8 << 20,
		MultipartThreshold:         16 << 20,
		S3DirectUploadEnabled:      true,
		S3BucketName:               "acme-bucket",
		LogLevel:                   "DEBUG",
		LogToFile:                  true,
		LogFilePath:                logPath,
		IdentityServiceEnabled:     true,
		IdentityServiceSecret:      Secret(cfgTestIdentity),
		IdentityServiceSecretFile:  "/etc/istari/identity.json",
		ProxyURL:                   Secret(cfgTestProxyURL),
		CABundle:                   "/etc/ssl/corp.pem",
		TrustEnv:                   Bool(false),
		OpenAPISpec:                spec,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("configuration mismatch\n got: %#v\nwant: %#v", got, want)
	}
}

func TestConfigurationFromEnvNothingSet(t *testing.T) {
	got, err := configurationFromLookup(envMap(nil))
	if err != nil {
		t.Fatalf("err = %v", err)
	}
	if !reflect.DeepEqual(got, Configuration{}) {
		t.Fatalf("got %#v, want the zero Configuration", got)
	}
}

// allEnvNames lists every variable ConfigurationFromEnv reads.
var allEnvNames = []string{
	envRegistryURL, envDigitalRegistryURL, envDigitalAPIURL, envRegistryAuthToken, envDigitalRegistryAuthToken,
	envHTTPRequestTimeout, envRetryEnabled, envRetryMaxAttempts, envRetryMinInterval, envRetryMaxInterval,
	envRetryJitterEnabled, envCacheEnabled, envCacheRoot, envCacheCleanOnExit, envMultipartChunkSize,
	envMultipartThreshold, envS3DirectUpload, envS3BucketName, envLogLevel, envLogToFile, envLogFilePath,
	envIdentityEnabled, envIdentityEnabledClient, envIdentitySecret, envIdentitySecretFile, envProxyURL,
	envCABundle, envTrustEnv, envOpenAPISpec, envRouteDiscovery, envOpenAPIURL,
}

func TestConfigurationFromEnvEmptyIsUnset(t *testing.T) {
	env := map[string]string{}
	for _, n := range allEnvNames {
		env[n] = ""
	}
	got, err := configurationFromLookup(envMap(env))
	if err != nil {
		t.Fatalf("empty values must count as unset, got error: %v", err)
	}
	if !reflect.DeepEqual(got, Configuration{}) {
		t.Fatalf("got %#v, want the zero Configuration", got)
	}

	// An empty primary variable lets the fallback through.
	got, err = configurationFromLookup(envMap(map[string]string{
		envRegistryURL: "", envDigitalRegistryURL: "https://fallback.example",
		envRegistryAuthToken: "", envDigitalRegistryAuthToken: cfgTestToken,
		envIdentityEnabled: "", envIdentityEnabledClient: "true",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got.RegistryURL != "https://fallback.example" || got.RegistryAuthToken.Reveal() != cfgTestToken || !got.IdentityServiceEnabled {
		t.Fatalf("fallbacks not used after empty primaries: %v", got)
	}
}

func TestConfigurationFromEnvBooleans(t *testing.T) {
	literals := []struct {
		raw  string
		want bool
	}{
		{"true", true}, {"TRUE", true}, {"True", true}, {"t", true}, {"T", true}, {"1", true},
		{"yes", true}, {"YES", true}, {"y", true}, {"Y", true}, {"  true\t", true}, {" 1 ", true},
		{"false", false}, {"FALSE", false}, {"False", false}, {"f", false}, {"F", false}, {"0", false},
		{"no", false}, {"NO", false}, {"n", false}, {"N", false}, {" no\n", false},
	}
	vars := []struct {
		env string
		get func(Configuration) (value, set bool)
	}{
		{envRetryEnabled, func(c Configuration) (bool, bool) { return ptrVal(c.RetryEnabled) }},
		{envRetryJitterEnabled, func(c Configuration) (bool, bool) { return ptrVal(c.RetryJitterEnabled) }},
		{envCacheEnabled, func(c Configuration) (bool, bool) { return ptrVal(c.FilesystemCacheEnabled) }},
		{envCacheCleanOnExit, func(c Configuration) (bool, bool) { return ptrVal(c.FilesystemCacheCleanOnExit) }},
		{envTrustEnv, func(c Configuration) (bool, bool) { return ptrVal(c.TrustEnv) }},
		{envS3DirectUpload, func(c Configuration) (bool, bool) { return c.S3DirectUploadEnabled, true }},
		{envIdentityEnabled, func(c Configuration) (bool, bool) { return c.IdentityServiceEnabled, true }},
		{envIdentityEnabledClient, func(c Configuration) (bool, bool) { return c.IdentityServiceEnabled, true }},
	}
	for _, v := range vars {
		for _, lit := range literals {
			t.Run(v.env+"="+lit.raw, func(t *testing.T) {
				c, err := configurationFromLookup(envMap(map[string]string{v.env: lit.raw}))
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				got, set := v.get(c)
				if !set || got != lit.want {
					t.Fatalf("got %v (set=%v), want %v", got, set, lit.want)
				}
			})
		}
		for _, bad := range []string{"maybe", "2", "on", "off", "tru", "yess", "-1", "true!"} {
			t.Run(v.env+"=bad:"+bad, func(t *testing.T) {
				_, err := configurationFromLookup(envMap(map[string]string{v.env: bad}))
				ce := requireOneConfErr(t, err, boolField(v.env), v.env)
				if !strings.Contains(ce.Msg, fmt.Sprintf("%q", bad)) {
					t.Errorf("message %q does not quote the bad value", ce.Msg)
				}
			})
		}
	}

	// LOG_TO_FILE is a boolean too; with a path it opens the file.
	dir := t.TempDir()
	c, err := configurationFromLookup(envMap(map[string]string{envLogToFile: "Yes", envLogFilePath: filepath.Join(dir, "x.log")}))
	if err != nil || !c.LogToFile {
		t.Fatalf("LogToFile = %v, err = %v", c.LogToFile, err)
	}
	_, err = configurationFromLookup(envMap(map[string]string{envLogToFile: "sometimes"}))
	_ = requireOneConfErr(t, err, "LogToFile", envLogToFile)
}

func ptrVal(p *bool) (value, set bool) {
	if p == nil {
		return false, false
	}
	return *p, true
}

func boolField(env string) string {
	return map[string]string{
		envRetryEnabled: "RetryEnabled", envRetryJitterEnabled: "RetryJitterEnabled",
		envCacheEnabled: "FilesystemCacheEnabled", envCacheCleanOnExit: "FilesystemCacheCleanOnExit",
		envTrustEnv: "TrustEnv", envS3DirectUpload: "S3DirectUploadEnabled",
		envIdentityEnabled: "IdentityServiceEnabled", envIdentityEnabledClient: "IdentityServiceEnabled",
	}[env]
}

func TestConfigurationFromEnvNumbers(t *testing.T) {
	tests := []struct {
		name, env, raw string
		field          string // set when an error is expected
		check          func(Configuration) any
		want           any
	}{
		{"attempts", envRetryMaxAttempts, "5", "", func(c Configuration) any { return c.RetryMaxAttempts }, 5},
		{"attempts spaces", envRetryMaxAttempts, " 9 ", "", func(c Configuration) any { return c.RetryMaxAttempts }, 9},
		{"attempts plus", envRetryMaxAttempts, "+4", "", func(c Configuration) any { return c.RetryMaxAttempts }, 4},
		{"attempts zero is one", envRetryMaxAttempts, "0", "", func(c Configuration) any { return c.RetryMaxAttempts }, 1},
		{"attempts negative is one", envRetryMaxAttempts, "-3", "", func(c Configuration) any { return c.RetryMaxAttempts }, 1},
		{"attempts float", envRetryMaxAttempts, "1.5", "RetryMaxAttempts", nil, nil},
		{"attempts hex", envRetryMaxAttempts, "0x10", "RetryMaxAttempts", nil, nil},
		{"attempts underscore", envRetryMaxAttempts, "1_000", "RetryMaxAttempts", nil, nil},
		{"attempts word", envRetryMaxAttempts, "three", "RetryMaxAttempts", nil, nil},
		{"attempts huge", envRetryMaxAttempts, "99999999999", "RetryMaxAttempts", nil, nil},
		{"attempts overflow", envRetryMaxAttempts, "99999999999999999999", "RetryMaxAttempts", nil, nil},
		{"timeout", envHTTPRequestTimeout, "30", "", func(c Configuration) any { return c.HTTPRequestTimeout }, 30 * time.Second},
		{"timeout zero is none", envHTTPRequestTimeout, "0", "", func(c Configuration) any { return c.HTTPRequestTimeout }, time.Duration(0)},
		{"timeout negative", envHTTPRequestTimeout, "-1", "HTTPRequestTimeout", nil, nil},
		{"timeout too large", envHTTPRequestTimeout, "9300000000", "HTTPRequestTimeout", nil, nil},
		{"timeout bad", envHTTPRequestTimeout, "30s", "HTTPRequestTimeout", nil, nil},
		{"min interval", envRetryMinInterval, "250", "", func(c Configuration) any { return c.RetryMinInterval }, 250 * time.Millisecond},
		{"min interval zero is no wait", envRetryMinInterval, "0", "", func(c Configuration) any { return c.RetryMinInterval }, time.Nanosecond},
		{"min interval negative", envRetryMinInterval, "-5", "RetryMinInterval", nil, nil},
		{"max interval", envRetryMaxInterval, "60000", "", func(c Configuration) any { return c.RetryMaxInterval }, time.Minute},
		{"max interval zero is no wait", envRetryMaxInterval, "0", "", func(c Configuration) any { return c.RetryMaxInterval }, time.Nanosecond},
		{"max interval bad", envRetryMaxInterval, "ten", "RetryMaxInterval", nil, nil},
		{"chunk size", envMultipartChunkSize, "5242880", "", func(c Configuration) any { return c.MultipartChunkSize }, int64(5 << 20)},
		{"chunk size zero", envMultipartChunkSize, "0", "MultipartChunkSize", nil, nil},
		{"chunk size negative", envMultipartChunkSize, "-1", "MultipartChunkSize", nil, nil},
		{"chunk size bad", envMultipartChunkSize, "128MiB", "MultipartChunkSize", nil, nil},
		{"threshold", envMultipartThreshold, "4294967296", "", func(c Configuration) any { return c.MultipartThreshold }, int64(4 << 30)},
		{"threshold zero", envMultipartThreshold, "0", "MultipartThreshold", nil, nil},
		{"threshold bad", envMultipartThreshold, "2GB", "MultipartThreshold", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := configurationFromLookup(envMap(map[string]string{tt.env: tt.raw}))
			if tt.field != "" {
				_ = requireOneConfErr(t, err, tt.field, tt.env)
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got := tt.check(c); got != tt.want {
				t.Fatalf("got %v (%T), want %v (%T)", got, got, tt.want, tt.want)
			}
		})
	}
}

func TestConfigurationFromEnvFallbackPrecedence(t *testing.T) {
	tests := []struct {
		name                 string
		env                  map[string]string
		wantURL, wantToken   string
		wantURLSrc, wantTSrc string
	}{
		{"primary only", map[string]string{envRegistryURL: "https://a", envRegistryAuthToken: "tok-a"}, "https://a", "tok-a", envRegistryURL, envRegistryAuthToken},
		{"fallback only", map[string]string{envDigitalRegistryURL: "https://b", envDigitalRegistryAuthToken: "tok-b"}, "https://b", "tok-b", envDigitalRegistryURL, envDigitalRegistryAuthToken},
		{"primary beats fallback", map[string]string{
			envRegistryURL: "https://a", envRegistryAuthToken: "tok-a",
			envDigitalRegistryURL: "https://b", envDigitalRegistryAuthToken: "tok-b",
		}, "https://a", "tok-a", envRegistryURL, envRegistryAuthToken},
		{"mixed", map[string]string{envRegistryURL: "https://a", envDigitalRegistryAuthToken: "tok-b"}, "https://a", "tok-b", envRegistryURL, envDigitalRegistryAuthToken},
		{"neither", map[string]string{}, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			logPath := filepath.Join(dir, "cfg.log")
			env := map[string]string{envLogLevel: "DEBUG", envLogToFile: "true", envLogFilePath: logPath}
			for k, v := range tt.env {
				env[k] = v
			}
			c, err := configurationFromLookup(envMap(env))
			if err != nil {
				t.Fatal(err)
			}
			if c.RegistryURL != tt.wantURL || c.RegistryAuthToken.Reveal() != tt.wantToken {
				t.Fatalf("got URL %q token %q, want %q %q", c.RegistryURL, c.RegistryAuthToken.Reveal(), tt.wantURL, tt.wantToken)
			}
			// The source variable is logged at DEBUG, never the value.
			out := readTestFile(t, logPath)
			for _, src := range []string{tt.wantURLSrc, tt.wantTSrc} {
				if src != "" && !strings.Contains(out, "env="+src) {
					t.Errorf("log does not name the source %s:\n%s", src, out)
				}
			}
			if tt.wantToken != "" && strings.Contains(out, tt.wantToken) {
				t.Errorf("log leaks the token:\n%s", out)
			}
		})
	}

	// An explicit value set after ConfigurationFromEnv wins over both variables.
	c, _ := configurationFromLookup(envMap(map[string]string{envRegistryURL: "https://a", envDigitalRegistryURL: "https://b"}))
	c.RegistryURL = "https://explicit"
	if c.RegistryBaseURL() != "https://explicit" {
		t.Fatalf("explicit value lost: %q", c.RegistryBaseURL())
	}
}

func TestConfigurationFromEnvIdentityAlias(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		want      bool
		errEnv    string
		wantError bool
	}{
		{"digital only", map[string]string{envIdentityEnabled: "true"}, true, "", false},
		{"client only", map[string]string{envIdentityEnabledClient: "true"}, true, "", false},
		{"digital wins true", map[string]string{envIdentityEnabled: "true", envIdentityEnabledClient: "false"}, true, "", false},
		{"digital wins false", map[string]string{envIdentityEnabled: "false", envIdentityEnabledClient: "true"}, false, "", false},
		{"empty digital is unset", map[string]string{envIdentityEnabled: "", envIdentityEnabledClient: "true"}, true, "", false},
		{"invalid digital decides", map[string]string{envIdentityEnabled: "maybe", envIdentityEnabledClient: "true"}, false, envIdentityEnabled, true},
		{"invalid client", map[string]string{envIdentityEnabledClient: "maybe"}, false, envIdentityEnabledClient, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := configurationFromLookup(envMap(tt.env))
			if tt.wantError {
				_ = requireOneConfErr(t, err, "IdentityServiceEnabled", tt.errEnv)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.IdentityServiceEnabled != tt.want {
				t.Fatalf("IdentityServiceEnabled = %v, want %v", c.IdentityServiceEnabled, tt.want)
			}
		})
	}
}

func TestConfigurationFromEnvCacheRoot(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := configurationFromLookup(envMap(map[string]string{envCacheRoot: dir}))
	if err != nil || c.FilesystemCacheRoot != dir {
		t.Fatalf("existing dir: root %q err %v", c.FilesystemCacheRoot, err)
	}
	for name, path := range map[string]string{"missing": filepath.Join(dir, "nope"), "file": file} {
		t.Run(name, func(t *testing.T) {
			c, err := configurationFromLookup(envMap(map[string]string{envCacheRoot: path}))
			ce := requireOneConfErr(t, err, "FilesystemCacheRoot", envCacheRoot)
			if !strings.Contains(ce.Msg, path) {
				t.Errorf("message %q does not name the path", ce.Msg)
			}
			if c.FilesystemCacheRoot != "" {
				t.Errorf("bad root kept: %q", c.FilesystemCacheRoot)
			}
		})
	}
}

func TestConfigurationFromEnvLogLevel(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"DEBUG", "DEBUG"}, {"debug", "DEBUG"}, {"Info", "INFO"}, {"WARNING", "WARNING"}, {"warn", "WARN"},
		{"error", "ERROR"}, {"Critical", "CRITICAL"}, {" info ", "INFO"},
	} {
		c, err := configurationFromLookup(envMap(map[string]string{envLogLevel: tt.raw}))
		if err != nil || c.LogLevel != tt.want || c.Logger == nil {
			t.Errorf("%q: LogLevel %q logger %v err %v, want %q", tt.raw, c.LogLevel, c.Logger != nil, err, tt.want)
		}
	}
	for _, bad := range []string{"TRACE", "FATAL", "NOTSET", "10", "verbose"} {
		c, err := configurationFromLookup(envMap(map[string]string{envLogLevel: bad}))
		_ = requireOneConfErr(t, err, "LogLevel", envLogLevel)
		if c.Logger != nil {
			t.Errorf("%q: a logger was built despite the error", bad)
		}
	}
}

func TestConfigurationFromEnvOpenAPISpec(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(good, []byte(`{"openapi":"3.1.0"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("openapi: [3.1.0\n  : x"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := configurationFromLookup(envMap(map[string]string{envOpenAPISpec: good}))
	if err != nil || string(c.OpenAPISpec) != `{"openapi":"3.1.0"}` {
		t.Fatalf("spec %q err %v", c.OpenAPISpec, err)
	}
	for _, p := range []string{bad, filepath.Join(dir, "missing.json")} {
		c, err := configurationFromLookup(envMap(map[string]string{envOpenAPISpec: p}))
		_ = requireOneConfErr(t, err, "OpenAPISpec", envOpenAPISpec)
		if c.OpenAPISpec != nil {
			t.Errorf("%s: spec kept despite error", p)
		}
	}
}

func TestConfigurationFromEnvCollectsAllProblems(t *testing.T) {
	dir := t.TempDir()
	c, err := configurationFromLookup(envMap(map[string]string{
		envRetryMaxAttempts:  "lots",
		envRetryEnabled:      "perhaps",
		envCacheRoot:         filepath.Join(dir, "missing"),
		envLogLevel:          "LOUD",
		envRegistryURL:       cfgTestRegistryURL,
		envRegistryAuthToken: cfgTestToken,
	}))
	got := confErrs(t, err)
	if len(got) != 4 {
		t.Fatalf("want 4 problems, got %d: %v", len(got), err)
	}
	for _, want := range [][2]string{
		{"RetryMaxAttempts", envRetryMaxAttempts}, {"RetryEnabled", envRetryEnabled},
		{"FilesystemCacheRoot", envCacheRoot}, {"LogLevel", envLogLevel},
	} {
		if hasConfErr(t, err, want[0], want[1]) == nil {
			t.Errorf("missing problem %v in %v", want, err)
		}
	}
	// Logger problems are reported with the others even though no logger is built.
	_, err2 := configurationFromLookup(envMap(map[string]string{envRetryEnabled: "perhaps", envLogToFile: "true"}))
	if len(confErrs(t, err2)) != 2 || hasConfErr(t, err2, "LogFilePath", envLogFilePath) == nil {
		t.Fatalf("log file problem not collected: %v", err2)
	}
	// What parsed is still returned, without a logger.
	if c.RegistryURL != cfgTestRegistryURL || c.Logger != nil {
		t.Fatalf("partial configuration: %v", c)
	}
	if strings.Contains(err.Error(), cfgTestToken) {
		t.Fatal("error leaks the token")
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Logger built by ConfigurationFromEnv

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConfigurationFromEnvLoggerToFile(t *testing.T) {
	tests := []struct {
		level                string
		wantDebug, wantInfo  bool
		wantWarn, wantCrit   bool
		critLevelTextPresent bool
	}{
		{"DEBUG", true, true, true, true, true},
		{"INFO", false, true, true, true, true},
		{"", false, true, true, true, true}, // LOG_TO_FILE alone: INFO
		{"WARNING", false, false, true, true, true},
		{"ERROR", false, false, false, true, true},
		{"CRITICAL", false, false, false, true, true},
	}
	for _, tt := range tests {
		t.Run("level="+tt.level, func(t *testing.T) {
			logPath := filepath.Join(t.TempDir(), "istari.log")
			if err := os.WriteFile(logPath, []byte("previous line\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			env := map[string]string{envLogToFile: "true", envLogFilePath: logPath}
			if tt.level != "" {
				env[envLogLevel] = tt.level
			}
			c, err := configurationFromLookup(envMap(env))
			if err != nil {
				t.Fatal(err)
			}
			c.Logger.Debug("debug-record")
			c.Logger.Info("info-record")
			c.Logger.Warn("warn-record")
			c.Logger.Log(context.Background(), levelCritical, "critical-record", "Authorization", "Bearer "+cfgTestToken, "token", Secret(cfgTestToken))
			out := readTestFile(t, logPath)
			if !strings.HasPrefix(out, "previous line\n") {
				t.Fatalf("log file was not appended to:\n%s", out)
			}
			for rec, want := range map[string]bool{"debug-record": tt.wantDebug, "info-record": tt.wantInfo, "warn-record": tt.wantWarn, "critical-record": tt.wantCrit} {
				if strings.Contains(out, rec) != want {
					t.Errorf("record %s present=%v, want %v:\n%s", rec, !want, want, out)
				}
			}
			if !strings.Contains(out, "level=CRITICAL") {
				t.Errorf("critical level not named CRITICAL:\n%s", out)
			}
			if strings.Contains(out, cfgTestToken) {
				t.Errorf("log leaks the token:\n%s", out)
			}
			if !strings.Contains(out, "Authorization=[REDACTED]") {
				t.Errorf("Authorization attribute not masked:\n%s", out)
			}
		})
	}
}

func TestConfigurationFromEnvLoggerFileMode(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "new.log")
	if _, err := configurationFromLookup(envMap(map[string]string{envLogToFile: "1", envLogFilePath: logPath})); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		t.Fatalf("log file mode %v is readable by others", perm)
	}
}

func TestConfigurationFromEnvLoggerStderr(t *testing.T) {
	for _, tt := range []struct {
		env        map[string]string
		debugLevel bool
	}{
		{map[string]string{envLogLevel: "DEBUG"}, true},
		{map[string]string{envLogLevel: "ERROR"}, false},
		{map[string]string{envLogToFile: "false"}, false},
	} {
		c, err := configurationFromLookup(envMap(tt.env))
		if err != nil || c.Logger == nil {
			t.Fatalf("%v: logger %v err %v", tt.env, c.Logger, err)
		}
		if got := c.Logger.Enabled(context.Background(), slog.LevelDebug); got != tt.debugLevel {
			t.Errorf("%v: debug enabled = %v", tt.env, got)
		}
		if !c.Logger.Enabled(context.Background(), slog.LevelError) {
			t.Errorf("%v: error level disabled", tt.env)
		}
	}
	// Neither variable set: no logger at all (silent).
	c, _ := configurationFromLookup(envMap(map[string]string{envLogFilePath: "/tmp/unused.log"}))
	if c.Logger != nil {
		t.Fatal("logger built without ISTARI_CLIENT_LOG_LEVEL / ISTARI_CLIENT_LOG_TO_FILE")
	}
}

func TestConfigurationFromEnvLoggerErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := configurationFromLookup(envMap(map[string]string{envLogToFile: "true"}))
	_ = requireOneConfErr(t, err, "LogFilePath", envLogFilePath)

	_, err = configurationFromLookup(envMap(map[string]string{envLogToFile: "true", envLogFilePath: filepath.Join(dir, "missing", "x.log")}))
	ce := requireOneConfErr(t, err, "LogFilePath", envLogFilePath)
	if !strings.Contains(ce.Msg, "parent directory") {
		t.Errorf("message %q", ce.Msg)
	}

	_, err = configurationFromLookup(envMap(map[string]string{envLogToFile: "true", envLogFilePath: dir})) // a directory
	_ = requireOneConfErr(t, err, "LogFilePath", envLogFilePath)
}

// ---------------------------------------------------------------------------------------------------------------
// Validate

// validConfig is a minimal valid direct-mode configuration.
func validConfig() Configuration {
	return Configuration{RegistryURL: cfgTestRegistryURL, RegistryAuthToken: Secret(cfgTestToken)}
}

func TestValidateValid(t *testing.T) {
	dir := t.TempDir()
	valid := []Configuration{
		validConfig(),
		{RegistryURL: "http://localhost:8080/", RegistryAuthToken: "t"},
		{RegistryURL: "https://host/prefix/path", RegistryAuthToken: "t"},
		{DigitalAPIURL: "https://api.example.com", RegistryAuthToken: "t"},
		{
			RegistryURL: cfgTestRegistryURL, RegistryAuthToken: "t", HTTPRequestTimeout: time.Minute,
			RetryEnabled: Bool(true), RetryMaxAttempts: 5, RetryMinInterval: time.Second, RetryMaxInterval: time.Second,
			FilesystemCacheRoot: dir, MultipartChunkSize: 5 << 20, MultipartThreshold: 10 << 20, UploadConcurrency: 8,
			S3BucketName: "b", LogLevel: "warn", LogToFile: true, MaxResponseBytes: 1 << 20,
			LogFilePath: filepath.Join(dir, "x.log"), ProxyURL: cfgTestProxyURL, UserAgentSuffix: "my-app/1.0 (ci)",
		},
		// One interval left at its default never conflicts (Python caps min*2^n at max).
		{RegistryURL: cfgTestRegistryURL, RegistryAuthToken: "t", RetryMaxInterval: 100 * time.Millisecond},
		{RegistryURL: cfgTestRegistryURL, RegistryAuthToken: "t", RetryMinInterval: time.Minute},
		{RegistryURL: cfgTestRegistryURL, RegistryAuthToken: "t", ProxyURL: "proxy.corp:3128"},
	}
	for i, c := range valid {
		if err := c.Validate(); err != nil {
			t.Errorf("#%d: Validate() = %v", i, err)
		}
	}
}

func TestValidateEachProblem(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		mutate       func(*Configuration)
		field, env   string
		msgSubstring string
	}{
		{"no registry base", func(c *Configuration) { c.RegistryURL = "" }, "RegistryURL", envRegistryURL, "no registry base URL"},
		{"no token", func(c *Configuration) { c.RegistryAuthToken = "" }, "RegistryAuthToken", envRegistryAuthToken, "no registry auth token"},
		{"relative url", func(c *Configuration) { c.RegistryURL = "acme.istari.digital" }, "RegistryURL", envRegistryURL, "absolute"},
		{"ftp url", func(c *Configuration) { c.RegistryURL = "ftp://acme" }, "RegistryURL", envRegistryURL, "http:// or https://"},
		{"no host", func(c *Configuration) { c.RegistryURL = "https:///path" }, "RegistryURL", envRegistryURL, "host"},
		{"opaque", func(c *Configuration) { c.RegistryURL = "https:acme" }, "RegistryURL", envRegistryURL, "host"},
		{"query", func(c *Configuration) { c.RegistryURL = "https://acme/?a=b" }, "RegistryURL", envRegistryURL, "query"},
		{"empty query", func(c *Configuration) { c.RegistryURL = "https://acme/?" }, "RegistryURL", envRegistryURL, "query"},
		{"fragment", func(c *Configuration) { c.RegistryURL = "https://acme/#x" }, "RegistryURL", envRegistryURL, "fragment"},
		{"credentials", func(c *Configuration) { c.RegistryURL = "https://u:" + cfgTestToken + "@acme" }, "RegistryURL", envRegistryURL, "credentials"},
		{"unparsable", func(c *Configuration) { c.RegistryURL = "https://acme\n" }, "RegistryURL", envRegistryURL, "not a valid URL"},
		{"bad gateway url", func(c *Configuration) { c.DigitalAPIURL = "api.example.com" }, "DigitalAPIURL", envDigitalAPIURL, "absolute"},
		{"negative timeout", func(c *Configuration) { c.HTTPRequestTimeout = -time.Second }, "HTTPRequestTimeout", envHTTPRequestTimeout, "negative"},
		{"negative attempts", func(c *Configuration) { c.RetryMaxAttempts = -1 }, "RetryMaxAttempts", envRetryMaxAttempts, "negative"},
		{"negative min interval", func(c *Configuration) { c.RetryMinInterval = -1 }, "RetryMinInterval", envRetryMinInterval, "negative"},
		{"negative max interval", func(c *Configuration) { c.RetryMaxInterval = -1 }, "RetryMaxInterval", envRetryMaxInterval, "negative"},
		{"min above max", func(c *Configuration) { c.RetryMinInterval, c.RetryMaxInterval = 2*time.Second, time.Second }, "RetryMinInterval", envRetryMinInterval, "2s is above RetryMaxInterval 1s"},
		{"negative chunk", func(c *Configuration) { c.MultipartChunkSize = -1 }, "MultipartChunkSize", envMultipartChunkSize, "negative"},
		{"negative threshold", func(c *Configuration) { c.MultipartThreshold = -1 }, "MultipartThreshold", envMultipartThreshold, "negative"},
		{"negative concurrency", func(c *Configuration) { c.UploadConcurrency = -2 }, "UploadConcurrency", "", "negative"},
		{"s3 without bucket", func(c *Configuration) { c.S3DirectUploadEnabled = true }, "S3BucketName", envS3BucketName,
			"ISTARI_CLIENT_S3_BUCKET_NAME must be set when ISTARI_CLIENT_S3_DIRECT_UPLOAD is enabled"},
		{"identity without api url", func(c *Configuration) { c.IdentityServiceEnabled, c.IdentityServiceSecret = true, testInlineSecret() }, "DigitalAPIURL", envDigitalAPIURL,
			"ISTARI_DIGITAL_API_URL must be set when identity-service auth is enabled (ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED)"},
		{"identity without secret", func(c *Configuration) { c.IdentityServiceEnabled, c.DigitalAPIURL = true, "https://api.example.com" }, "IdentityServiceSecret", envIdentitySecret,
			"ISTARI_CLIENT_IDENTITY_SERVICE_SECRET or ISTARI_CLIENT_IDENTITY_SERVICE_SECRET_FILE must be set when identity-service auth is enabled (ISTARI_DIGITAL_IDENTITY_SERVICE_ENABLED)"},
		{"identity inline secret not credentials", func(c *Configuration) {
			c.IdentityServiceEnabled, c.DigitalAPIURL, c.IdentityServiceSecret, c.RegistryAuthToken = true, "https://api.example.com", cfgTestIdentity, ""
		}, "IdentityServiceSecret", envIdentitySecret, "Invalid Identity Service credentials: Identity-router credentials at inline secret are not valid JSON"},
		{"identity file missing", func(c *Configuration) {
			c.IdentityServiceEnabled, c.DigitalAPIURL, c.IdentityServiceSecretFile = true, "https://api.example.com", "/x.json"
		}, "IdentityServiceSecretFile", envIdentitySecretFile, "Invalid Identity Service credentials: Identity-router credentials file not found or not a regular file: /x.json"},
		{"log to file without path", func(c *Configuration) { c.LogToFile = true }, "LogFilePath", envLogFilePath, "must be set"},
		{"log file parent missing", func(c *Configuration) { c.LogToFile, c.LogFilePath = true, filepath.Join(dir, "no", "x.log") }, "LogFilePath", envLogFilePath, "parent directory"},
		{"invalid log level", func(c *Configuration) { c.LogLevel = "TRACE" }, "LogLevel", envLogLevel, `"TRACE"`},
		{"cache root missing", func(c *Configuration) { c.FilesystemCacheRoot = filepath.Join(dir, "none") }, "FilesystemCacheRoot", envCacheRoot, "does not exist"},
		{"cache root is a file", func(c *Configuration) { c.FilesystemCacheRoot = file }, "FilesystemCacheRoot", envCacheRoot, "not a directory"},
		{"socks proxy", func(c *Configuration) { c.ProxyURL = "socks5://u:" + cfgTestProxyPass + "@proxy:1080" }, "ProxyURL", envProxyURL, "SOCKS"},
		{"socks5h proxy", func(c *Configuration) { c.ProxyURL = "SOCKS5H://proxy:1080" }, "ProxyURL", envProxyURL, "SOCKS"},
		{"ftp proxy", func(c *Configuration) { c.ProxyURL = "ftp://proxy:21" }, "ProxyURL", envProxyURL, `unsupported proxy scheme "ftp"`},
		{"user agent control", func(c *Configuration) { c.UserAgentSuffix = "app\r\nX-Evil: 1" }, "UserAgentSuffix", "", "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.mutate(&c)
			err := c.Validate()
			ce := requireOneConfErr(t, err, tt.field, tt.env)
			if !strings.Contains(ce.Msg, tt.msgSubstring) {
				t.Errorf("Msg = %q, want it to contain %q", ce.Msg, tt.msgSubstring)
			}
			for _, secret := range []string{cfgTestToken, cfgTestIdentity, cfgTestProxyPass} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error text leaks a secret: %v", err)
				}
			}
		})
	}
}

func TestValidateS3ExactMessage(t *testing.T) {
	c := validConfig()
	c.S3DirectUploadEnabled = true
	err := c.Validate()
	want := "istari: configuration: S3BucketName (ISTARI_CLIENT_S3_BUCKET_NAME): ISTARI_CLIENT_S3_BUCKET_NAME must be set when ISTARI_CLIENT_S3_DIRECT_UPLOAD is enabled"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
}

// Hostile row 12: S3 direct upload with a bucket used to be accepted and silently ignored (uploads still went
// through presigned URLs). It is a *ConfigurationError saying it is not supported yet, from NewClient too.
func TestHostileS3DirectUploadRejected(t *testing.T) {
	c := validConfig()
	c.S3DirectUploadEnabled, c.S3BucketName = true, "bucket"
	client, err := NewClient(c)
	if client != nil {
		t.Fatal("NewClient accepted S3 direct upload")
	}
	ce := hasConfErr(t, err, "S3DirectUploadEnabled", envS3DirectUpload)
	if ce == nil || !strings.Contains(ce.Msg, "not supported by istari-go yet") || len(confErrs(t, err)) != 1 {
		t.Fatalf("err = %v", err)
	}

	c.MaxResponseBytes = -1
	if hasConfErr(t, c.Validate(), "MaxResponseBytes", "") == nil {
		t.Fatal("negative MaxResponseBytes accepted")
	}
}

func TestValidateJoinsAllProblems(t *testing.T) {
	// The zero Configuration: no registry base and no token, both reported, never a panic.
	err := Configuration{}.Validate()
	if got := confErrs(t, err); len(got) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if hasConfErr(t, err, "RegistryURL", envRegistryURL) == nil || hasConfErr(t, err, "RegistryAuthToken", envRegistryAuthToken) == nil {
		t.Fatalf("missing problems: %v", err)
	}
	for _, want := range []string{
		"istari: configuration: RegistryURL (ISTARI_REGISTRY_URL): no registry base URL",
		"istari: configuration: RegistryAuthToken (ISTARI_REGISTRY_AUTH_TOKEN): no registry auth token",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error text %q lacks %q", err.Error(), want)
		}
	}

	// Many problems at once.
	c := Configuration{
		RegistryURL: "ftp://x", RetryMaxAttempts: -1, S3DirectUploadEnabled: true, LogLevel: "LOUD",
		IdentityServiceEnabled: true, UploadConcurrency: -1,
	}
	err = c.Validate()
	got := confErrs(t, err)
	wantFields := []string{"RegistryURL", "RetryMaxAttempts", "UploadConcurrency", "S3BucketName", "DigitalAPIURL", "IdentityServiceSecret", "LogLevel"}
	var fields []string
	for _, ce := range got {
		fields = append(fields, ce.Field)
	}
	if !reflect.DeepEqual(fields, wantFields) {
		t.Fatalf("fields = %v, want %v", fields, wantFields)
	}
	var ce *ConfigurationError
	if !errors.As(err, &ce) || ce.Field != "RegistryURL" {
		t.Fatalf("errors.As found %v", ce)
	}
}

func TestConfigurationErrorText(t *testing.T) {
	e := &ConfigurationError{Field: "RegistryURL", Env: "ISTARI_REGISTRY_URL", Msg: "bad"}
	if got := e.Error(); got != "istari: configuration: RegistryURL (ISTARI_REGISTRY_URL): bad" {
		t.Fatalf("Error() = %q", got)
	}
	e = &ConfigurationError{Field: "UploadConcurrency", Msg: "bad"}
	if got := e.Error(); got != "istari: configuration: UploadConcurrency: bad" {
		t.Fatalf("Error() without env = %q", got)
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Base URLs and resolved settings

func TestRegistryBaseURL(t *testing.T) {
	tests := []struct {
		registry, digital, want, identity string
	}{
		{"https://acme.istari.digital", "", "https://acme.istari.digital", ""},
		{"https://acme.istari.digital/", "", "https://acme.istari.digital", ""},
		{"https://acme.istari.digital///", "", "https://acme.istari.digital", ""},
		{"https://acme.istari.digital/base/", "", "https://acme.istari.digital/base", ""},
		{"", "https://api.acme", "https://api.acme/registry", "https://api.acme/identity"},
		{"", "https://api.acme//", "https://api.acme/registry", "https://api.acme/identity"},
		{"https://ignored", "https://api.acme/", "https://api.acme/registry", "https://api.acme/identity"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		c := Configuration{RegistryURL: tt.registry, DigitalAPIURL: tt.digital}
		if got := c.RegistryBaseURL(); got != tt.want {
			t.Errorf("RegistryBaseURL(%q, %q) = %q, want %q", tt.registry, tt.digital, got, tt.want)
		}
		if got := c.identityBaseURL(); got != tt.identity {
			t.Errorf("identityBaseURL(%q) = %q, want %q", tt.digital, got, tt.identity)
		}
	}
}

func TestResolvedSettings(t *testing.T) {
	type resolved struct {
		attempts           int
		minI, maxI         time.Duration
		retry, jitter      bool
		cache, clean, trst bool
		chunk, threshold   int64
		conc               int
		level              slog.Level
	}
	get := func(c Configuration) resolved {
		return resolved{c.retryAttempts(), c.retryMinInterval(), c.retryMaxInterval(), c.retryEnabled(), c.retryJitter(),
			c.cacheEnabled(), c.cacheCleanOnExit(), c.trustEnv(), c.multipartChunkSize(), c.multipartThreshold(),
			c.uploadConcurrency(), c.logLevel()}
	}
	defaults := resolved{3, 200 * time.Millisecond, 10 * time.Second, true, true, true, true, true, 134217728, 2147483648, 4, slog.LevelInfo}
	if got := get(Configuration{}); got != defaults {
		t.Fatalf("defaults = %+v, want %+v", got, defaults)
	}
	all := Configuration{
		RetryEnabled: Bool(true), RetryMaxAttempts: 6, RetryMinInterval: time.Second, RetryMaxInterval: time.Minute,
		RetryJitterEnabled: Bool(false), FilesystemCacheEnabled: Bool(false), FilesystemCacheCleanOnExit: Bool(false),
		TrustEnv: Bool(false), MultipartChunkSize: 5 << 20, MultipartThreshold: 1 << 30, UploadConcurrency: 16, LogLevel: "critical",
	}
	want := resolved{6, time.Second, time.Minute, true, false, false, false, false, 5 << 20, 1 << 30, 16, levelCritical}
	if got := get(all); got != want {
		t.Fatalf("explicit = %+v, want %+v", got, want)
	}
	for _, tt := range []struct {
		c    Configuration
		want int
	}{
		{Configuration{RetryEnabled: Bool(false)}, 1},
		{Configuration{RetryEnabled: Bool(false), RetryMaxAttempts: 9}, 1},
		{Configuration{RetryMaxAttempts: 1}, 1},
		{Configuration{RetryMaxAttempts: -4}, 1},
		{Configuration{RetryEnabled: Bool(true)}, 3},
	} {
		if got := tt.c.retryAttempts(); got != tt.want {
			t.Errorf("retryAttempts(%v, %d) = %d, want %d", tt.c.RetryEnabled, tt.c.RetryMaxAttempts, got, tt.want)
		}
	}
	if got := (Configuration{LogLevel: "bogus"}).logLevel(); got != slog.LevelInfo {
		t.Errorf("logLevel of an invalid name = %v", got)
	}
}

func TestBool(t *testing.T) {
	p, q := Bool(true), Bool(true)
	if p == q || !*p || *Bool(false) {
		t.Fatal("Bool must return a fresh pointer to its argument")
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Printing never shows secrets

func secretConfig() Configuration {
	return Configuration{
		RegistryURL:           cfgTestRegistryURL,
		DigitalAPIURL:         "https://api.acme",
		RegistryAuthToken:     Secret(cfgTestToken),
		IdentityServiceSecret: Secret(cfgTestIdentity),
		ProxyURL:              Secret(cfgTestProxyURL),
		RetryEnabled:          Bool(false),
		Tags:                  []string{"Agent", "Model"},
		APIHashes:             map[string]string{"Model": "h2", "Agent": "h1"},
		OpenAPISpec:           []byte("{}"),
		Logger:                slog.New(slog.NewTextHandler(io.Discard, nil)),
		HTTPClient:            &http.Client{Transport: &http.Transport{}},
		OnCompatibility:       func(CompatibilityResult) {},
	}
}

func TestConfigurationPrintingHidesSecrets(t *testing.T) {
	c := secretConfig()
	secrets := []string{cfgTestToken, cfgTestIdentity, cfgTestProxyPass}
	outputs := map[string]string{
		"String":   c.String(),
		"GoString": c.GoString(),
	}
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%T %v"} {
		outputs["Sprintf "+f] = fmt.Sprintf(f, c)
		outputs["Sprintf ptr "+f] = fmt.Sprintf(f, &c)
		outputs["Sprintf slice "+f] = fmt.Sprintf(f, []Configuration{c})
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	outputs["json"] = string(b)
	var logBuf strings.Builder
	slog.New(slog.NewTextHandler(&logBuf, nil)).Info("cfg", "config", c)
	outputs["slog"] = logBuf.String()
	for name, out := range outputs {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s leaks %q: %s", name, s, out)
			}
		}
	}

	s := c.String()
	for _, want := range []string{
		`istari.Configuration{RegistryURL: "https://acme.istari.digital"`,
		`RegistryAuthToken: [REDACTED]`,
		`IdentityServiceSecret: [REDACTED]`,
		`ProxyURL: "http://[REDACTED]@proxy.corp:3128"`,
		`RetryEnabled: false`,
		`RetryJitterEnabled: nil`,
		`Tags: ["Agent" "Model"]`,
		`APIHashes: ["Agent" "Model"]`,
		`OpenAPISpec: <2 bytes>`,
		`Logger: set`,
		`HTTPClient: set`,
		`OnCompatibility: set, TracerProvider: nil, MeterProvider: nil, Propagator: nil}`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
	if fmt.Sprintf("%v", c) != s || fmt.Sprintf("%+v", c) != s || fmt.Sprintf("%#v", c) != s {
		t.Error("the v verbs (plain, + and #) do not use the redacted summary")
	}
	var decoded map[string]any
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"RegistryAuthToken": "[REDACTED]", "IdentityServiceSecret": "[REDACTED]", "ProxyURL": "[REDACTED]", "RegistryURL": cfgTestRegistryURL} {
		if decoded[k] != want {
			t.Errorf("json %s = %v, want %v", k, decoded[k], want)
		}
	}
	for _, k := range []string{"Logger", "HTTPClient", "OnCompatibility"} {
		if _, ok := decoded[k]; ok {
			t.Errorf("json has %s", k)
		}
	}

	empty := Configuration{}.String()
	if !strings.Contains(empty, "RegistryAuthToken: , ") || !strings.Contains(empty, `ProxyURL: ""`) {
		t.Errorf("empty secrets should print empty: %s", empty)
	}
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP transport: settings, proxy, CA bundle

func TestNewHTTPTransportSettings(t *testing.T) {
	tr, err := Configuration{}.newHTTPTransportEnv(envMap(nil))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Proxy != nil {
		t.Error("Proxy set without any proxy configuration")
	}
	if tr.TLSClientConfig == nil || tr.TLSClientConfig.MinVersion != tls.VersionTLS12 || tr.TLSClientConfig.RootCAs != nil || tr.TLSClientConfig.InsecureSkipVerify {
		t.Errorf("TLS config = %+v", tr.TLSClientConfig)
	}
	if tr.TLSHandshakeTimeout != 10*time.Second || tr.ResponseHeaderTimeout != 2*time.Minute || tr.MaxIdleConnsPerHost != 100 ||
		tr.MaxIdleConns != 100 || tr.IdleConnTimeout != 90*time.Second || !tr.ForceAttemptHTTP2 || tr.DialContext == nil {
		t.Errorf("transport settings = %+v", tr)
	}
	// The real-environment entry point works too (the test env has no broken proxy/CA variables).
	if _, err := (Configuration{TrustEnv: Bool(false)}).newHTTPTransport(); err != nil {
		t.Fatal(err)
	}
}

func proxyFor(t *testing.T, c Configuration, env map[string]string, target string) string {
	t.Helper()
	tr, err := c.newHTTPTransportEnv(envMap(env))
	if err != nil {
		t.Fatalf("newHTTPTransportEnv: %v", err)
	}
	if tr.Proxy == nil {
		return ""
	}
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	u, err := tr.Proxy(req)
	if err != nil {
		t.Fatalf("Proxy(%s): %v", target, err)
	}
	if u == nil {
		return ""
	}
	return u.String()
}

func TestProxySelection(t *testing.T) {
	const (
		httpT  = "http://registry.example.test/api"
		httpsT = "https://registry.example.test/api"
	)
	explicit := Configuration{ProxyURL: "http://explicit:3128"}
	noTrust := Configuration{TrustEnv: Bool(false)}
	explicitNoTrust := Configuration{ProxyURL: "http://explicit:3128", TrustEnv: Bool(false)}
	tests := []struct {
		name      string
		c         Configuration
		env       map[string]string
		target    string
		wantProxy string
	}{
		{"nothing", Configuration{}, nil, httpsT, ""},
		{"HTTPS_PROXY", Configuration{}, map[string]string{"HTTPS_PROXY": "http://envs:1"}, httpsT, "http://envs:1"},
		{"HTTPS_PROXY not for http", Configuration{}, map[string]string{"HTTPS_PROXY": "http://envs:1"}, httpT, ""},
		{"HTTP_PROXY", Configuration{}, map[string]string{"HTTP_PROXY": "http://envh:1"}, httpT, "http://envh:1"},
		{"lowercase wins", Configuration{}, map[string]string{"HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:1"}, httpsT, "http://lower:1"},
		{"host:port form", Configuration{}, map[string]string{"HTTPS_PROXY": "envs:8080"}, httpsT, "http://envs:8080"},
		{"ALL_PROXY fallback https", Configuration{}, map[string]string{"ALL_PROXY": "http://all:1"}, httpsT, "http://all:1"},
		{"ALL_PROXY fallback http", Configuration{}, map[string]string{"all_proxy": "http://all:1"}, httpT, "http://all:1"},
		{"specific beats ALL_PROXY", Configuration{}, map[string]string{"ALL_PROXY": "http://all:1", "HTTPS_PROXY": "http://envs:1"}, httpsT, "http://envs:1"},
		{"NO_PROXY", Configuration{}, map[string]string{"HTTPS_PROXY": "http://envs:1", "NO_PROXY": "example.test"}, httpsT, ""},
		{"no_proxy", Configuration{}, map[string]string{"HTTPS_PROXY": "http://envs:1", "no_proxy": ".example.test"}, httpsT, ""},
		{"NO_PROXY other host", Configuration{}, map[string]string{"HTTPS_PROXY": "http://envs:1", "NO_PROXY": "other.test"}, httpsT, "http://envs:1"},
		{"NO_PROXY star", Configuration{}, map[string]string{"ALL_PROXY": "http://all:1", "NO_PROXY": "*"}, httpsT, ""},
		{"loopback never proxied", Configuration{}, map[string]string{"HTTP_PROXY": "http://envh:1"}, "http://127.0.0.1:9/x", ""},
		{"localhost never proxied", explicit, nil, "http://localhost:9/x", ""},
		{"explicit", explicit, nil, httpsT, "http://explicit:3128"},
		{"explicit for http", explicit, nil, httpT, "http://explicit:3128"},
		{"explicit overrides env", explicit, map[string]string{"HTTPS_PROXY": "http://envs:1", "ALL_PROXY": "http://all:1"}, httpsT, "http://explicit:3128"},
		{"explicit honours NO_PROXY", explicit, map[string]string{"NO_PROXY": "registry.example.test"}, httpsT, ""},
		{"explicit, no trust ignores NO_PROXY", explicitNoTrust, map[string]string{"NO_PROXY": "registry.example.test"}, httpsT, "http://explicit:3128"},
		{"no trust ignores env", noTrust, map[string]string{"HTTPS_PROXY": "http://envs:1", "ALL_PROXY": "http://all:1"}, httpsT, ""},
		{"https proxy scheme", Configuration{ProxyURL: "https://secure-proxy:443"}, nil, httpsT, "https://secure-proxy:443"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proxyFor(t, tt.c, tt.env, tt.target); got != tt.wantProxy {
				t.Fatalf("proxy = %q, want %q", got, tt.wantProxy)
			}
		})
	}
}

func TestProxyCGIGuard(t *testing.T) {
	tr, err := Configuration{}.newHTTPTransportEnv(envMap(map[string]string{"HTTP_PROXY": "http://envh:1", "REQUEST_METHOD": "GET"}))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, "http://registry.example.test/", nil)
	if _, err := tr.Proxy(req); err == nil {
		t.Fatal("HTTP_PROXY under CGI (REQUEST_METHOD set) must be refused, as httpproxy.FromEnvironment does")
	}
}

func TestProxyErrors(t *testing.T) {
	tests := []struct {
		name       string
		c          Configuration
		env        map[string]string
		wantEnvs   []string
		msgContain string
	}{
		{"explicit socks", Configuration{ProxyURL: "socks5://u:" + cfgTestProxyPass + "@proxy:1080"}, nil, []string{envProxyURL}, "SOCKS"},
		{"env ALL_PROXY socks", Configuration{}, map[string]string{"ALL_PROXY": "socks5h://u:" + cfgTestProxyPass + "@proxy:1080"}, []string{"ALL_PROXY"}, "SOCKS"},
		{"env https socks", Configuration{}, map[string]string{"https_proxy": "socks4://proxy:1080"}, []string{"https_proxy"}, "SOCKS"},
		{"env both bad", Configuration{}, map[string]string{"HTTP_PROXY": "socks5://a:1", "HTTPS_PROXY": "ftp://b:1"}, []string{"HTTP_PROXY", "HTTPS_PROXY"}, ""},
		{"env unparsable", Configuration{}, map[string]string{"HTTPS_PROXY": "http://u:" + cfgTestProxyPass + "@bad host:1"}, []string{"HTTPS_PROXY"}, "not a valid proxy URL"},
		{"env unparsable no scheme", Configuration{}, map[string]string{"HTTPS_PROXY": "u:" + cfgTestProxyPass + "@bad host:1"}, []string{"HTTPS_PROXY"}, "not a valid proxy URL"},
		{"explicit no host", Configuration{ProxyURL: "http://:8080"}, nil, []string{envProxyURL}, "not a valid proxy URL"},
		{"explicit empty host", Configuration{ProxyURL: "https://"}, nil, []string{envProxyURL}, "not a valid proxy URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tt.c.newHTTPTransportEnv(envMap(tt.env))
			if tr != nil || err == nil {
				t.Fatalf("want an error, got transport %v err %v", tr, err)
			}
			got := confErrs(t, err)
			var envs []string
			for _, ce := range got {
				envs = append(envs, ce.Env)
				if ce.Field != "ProxyURL" || !strings.Contains(ce.Msg, tt.msgContain) {
					t.Errorf("problem %+v", ce)
				}
			}
			if !slices.Equal(envs, tt.wantEnvs) {
				t.Fatalf("envs = %v, want %v", envs, tt.wantEnvs)
			}
			if strings.Contains(err.Error(), cfgTestProxyPass) {
				t.Fatalf("error leaks the proxy password: %v", err)
			}
		})
	}
	// With TrustEnv off, a broken environment proxy is irrelevant.
	if _, err := (Configuration{TrustEnv: Bool(false)}).newHTTPTransportEnv(envMap(map[string]string{"ALL_PROXY": "socks5://x:1"})); err != nil {
		t.Fatalf("TrustEnv=false still read ALL_PROXY: %v", err)
	}
}

// forwardProxy is a tiny HTTP forward proxy for tests: it answers absolute-form requests itself (recording them)
// and tunnels CONNECT requests to tunnelTo, after checking Proxy-Authorization.
type forwardProxy struct {
	srv       *httptest.Server
	wantAuth  string
	tunnelTo  string
	mu        sync.Mutex
	requests  []string // "METHOD requestURI auth=<Proxy-Authorization>"
	unauthErr int
}

func newForwardProxy(t *testing.T, user, pass, tunnelTo string) *forwardProxy {
	p := &forwardProxy{
		wantAuth: "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass)),
		tunnelTo: tunnelTo,
	}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *forwardProxy) serve(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Proxy-Authorization")
	p.mu.Lock()
	p.requests = append(p.requests, r.Method+" "+r.RequestURI+" auth="+auth)
	p.mu.Unlock()
	if auth != p.wantAuth {
		p.mu.Lock()
		p.unauthErr++
		p.mu.Unlock()
		w.Header().Set("Proxy-Authenticate", `Basic realm="test"`)
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	if r.Method == http.MethodConnect {
		upstream, err := net.Dial("tcp", p.tunnelTo)
		if err != nil {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		hj, ok := w.(http.Hijacker)
		if !ok {
			_ = upstream.Close()
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		client, buf, err := hj.Hijack()
		if err != nil {
			_ = upstream.Close()
			return
		}
		_, _ = client.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))
		go func() {
			defer func() { _ = upstream.Close(); _ = client.Close() }()
			go func() { _, _ = io.Copy(upstream, buf) }()
			_, _ = io.Copy(client, upstream)
		}()
		return
	}
	if !r.URL.IsAbs() {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	_, _ = io.WriteString(w, "via-proxy "+r.URL.String())
}

func (p *forwardProxy) log() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.requests)
}

// redirectDials makes tr connect to realAddr for every address except the ones in keep, recording what was dialed.
func redirectDials(tr *http.Transport, realAddr string, keep ...string) func() []string {
	var mu sync.Mutex
	var dialed []string
	base := tr.DialContext
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, addr)
		mu.Unlock()
		if slices.Contains(keep, addr) {
			return base(ctx, network, addr)
		}
		return base(ctx, network, realAddr)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(dialed)
	}
}

func getBody(t *testing.T, c *http.Client, target string) (int, string, error) {
	t.Helper()
	resp, err := c.Get(target)
	if err != nil {
		return 0, "", err
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), nil
}

func TestProxyEndToEndAuthorizationAndNoProxy(t *testing.T) {
	var directAuth []string
	var mu sync.Mutex
	direct := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		directAuth = append(directAuth, r.Header.Get("Proxy-Authorization"))
		mu.Unlock()
		_, _ = io.WriteString(w, "direct "+r.Host+r.URL.Path)
	}))
	defer direct.Close()
	proxy := newForwardProxy(t, "alice", cfgTestProxyPass, "")
	proxyAddr := proxy.srv.Listener.Addr().String()

	c := Configuration{ProxyURL: Secret("http://alice:" + cfgTestProxyPass + "@" + proxyAddr)}
	tr, err := c.newHTTPTransportEnv(envMap(map[string]string{"NO_PROXY": "bypass.example.test", "HTTP_PROXY": "http://ignored:1"}))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	dialed := redirectDials(tr, direct.Listener.Addr().String(), proxyAddr)
	client := &http.Client{Transport: tr}

	// 1. Proxied: absolute-form request with the credentials as Proxy-Authorization.
	code, body, err := getBody(t, client, "http://registry.example.test/api/v2/health/liveness")
	if err != nil || code != 200 || body != "via-proxy http://registry.example.test/api/v2/health/liveness" {
		t.Fatalf("proxied request: %d %q %v", code, body, err)
	}
	wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:"+cfgTestProxyPass))
	if log := proxy.log(); len(log) != 1 || log[0] != "GET http://registry.example.test/api/v2/health/liveness auth="+wantAuth {
		t.Fatalf("proxy saw %q", log)
	}

	// 2. NO_PROXY host: dialed directly, no Proxy-Authorization leaks to the origin.
	code, body, err = getBody(t, client, "http://bypass.example.test/x")
	if err != nil || code != 200 || body != "direct bypass.example.test/x" {
		t.Fatalf("bypassed request: %d %q %v", code, body, err)
	}
	if got := dialed(); !slices.Equal(got, []string{proxyAddr, "bypass.example.test:80"}) {
		t.Fatalf("dialed %v", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(directAuth) != 1 || directAuth[0] != "" {
		t.Fatalf("origin saw Proxy-Authorization %q", directAuth)
	}
	if len(proxy.log()) != 1 {
		t.Fatalf("bypassed request went through the proxy: %q", proxy.log())
	}
}

func TestProxyEndToEndWrongCredentials(t *testing.T) {
	proxy := newForwardProxy(t, "alice", "right", "")
	c := Configuration{ProxyURL: Secret("http://alice:wrong@" + proxy.srv.Listener.Addr().String()), TrustEnv: Bool(false)}
	tr, err := c.newHTTPTransportEnv(envMap(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	code, _, err := getBody(t, &http.Client{Transport: tr}, "http://registry.example.test/")
	if err != nil || code != http.StatusProxyAuthRequired {
		t.Fatalf("got %d %v, want 407", code, err)
	}
}

// writeCertPEM writes srv's certificate as a PEM file and returns its path.
func writeCertPEM(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ca.pem")
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func isUnknownAuthority(err error) bool {
	var ua x509.UnknownAuthorityError
	var cv *tls.CertificateVerificationError
	return errors.As(err, &ua) || errors.As(err, &cv)
}

func TestProxyEndToEndHTTPSConnect(t *testing.T) {
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "tls-origin "+r.Host+" pa="+r.Header.Get("Proxy-Authorization"))
	}))
	defer origin.Close()
	proxy := newForwardProxy(t, "bob", cfgTestProxyPass, origin.Listener.Addr().String())
	c := Configuration{
		ProxyURL: Secret("http://bob:" + cfgTestProxyPass + "@" + proxy.srv.Listener.Addr().String()),
		CABundle: writeCertPEM(t, origin),
	}
	tr, err := c.newHTTPTransportEnv(envMap(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	code, body, err := getBody(t, &http.Client{Transport: tr}, "https://registry.example.com/api")
	if err != nil || code != 200 || body != "tls-origin registry.example.com pa=" {
		t.Fatalf("CONNECT request: %d %q %v", code, body, err)
	}
	wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte("bob:"+cfgTestProxyPass))
	if log := proxy.log(); len(log) != 1 || log[0] != "CONNECT registry.example.com:443 auth="+wantAuth {
		t.Fatalf("proxy saw %q", log)
	}
}

func TestCABundle(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok") }))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the rejected handshakes are expected
	srv.StartTLS()
	defer srv.Close()
	bundle := writeCertPEM(t, srv)
	dir := t.TempDir()
	noCerts := filepath.Join(dir, "empty.pem")
	if err := os.WriteFile(noCerts, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.pem")

	tests := []struct {
		name   string
		c      Configuration
		env    map[string]string
		wantOK bool
	}{
		{"explicit bundle", Configuration{CABundle: bundle}, nil, true},
		{"explicit bundle, no trust", Configuration{CABundle: bundle, TrustEnv: Bool(false)}, nil, true},
		{"explicit overrides env", Configuration{CABundle: bundle}, map[string]string{"REQUESTS_CA_BUNDLE": noCerts, "SSL_CERT_FILE": missing}, true},
		{"REQUESTS_CA_BUNDLE", Configuration{}, map[string]string{"REQUESTS_CA_BUNDLE": bundle}, true},
		{"REQUESTS_CA_BUNDLE before SSL_CERT_FILE", Configuration{}, map[string]string{"REQUESTS_CA_BUNDLE": bundle, "SSL_CERT_FILE": noCerts}, true},
		{"SSL_CERT_FILE", Configuration{}, map[string]string{"SSL_CERT_FILE": bundle}, true},
		{"no bundle: system roots reject", Configuration{}, nil, false},
		{"no trust ignores env", Configuration{TrustEnv: Bool(false)}, map[string]string{"REQUESTS_CA_BUNDLE": bundle}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tt.c.newHTTPTransportEnv(envMap(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			defer tr.CloseIdleConnections()
			code, body, err := getBody(t, &http.Client{Transport: tr}, srv.URL)
			if tt.wantOK {
				if err != nil || code != 200 || body != "ok" {
					t.Fatalf("got %d %q %v", code, body, err)
				}
				return
			}
			if err == nil || !isUnknownAuthority(err) {
				t.Fatalf("want a certificate verification error, got %v", err)
			}
		})
	}

	errTests := []struct {
		name     string
		c        Configuration
		env      map[string]string
		wantEnv  string
		wantText string
	}{
		{"explicit missing", Configuration{CABundle: missing}, nil, envCABundle, "cannot read the CA bundle"},
		{"explicit no certs", Configuration{CABundle: noCerts}, nil, envCABundle, "holds no PEM certificate"},
		{"explicit directory", Configuration{CABundle: dir}, nil, envCABundle, "cannot read the CA bundle"},
		{"env missing", Configuration{}, map[string]string{"REQUESTS_CA_BUNDLE": missing}, "REQUESTS_CA_BUNDLE", "cannot read"},
		{"env no certs", Configuration{}, map[string]string{"SSL_CERT_FILE": noCerts}, "SSL_CERT_FILE", "holds no PEM certificate"},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tt.c.newHTTPTransportEnv(envMap(tt.env))
			if tr != nil {
				t.Fatal("transport returned with an error")
			}
			ce := requireOneConfErr(t, err, "CABundle", tt.wantEnv)
			if !strings.Contains(ce.Msg, tt.wantText) {
				t.Fatalf("Msg = %q", ce.Msg)
			}
		})
	}

	// Proxy and CA problems are reported together.
	_, err := Configuration{CABundle: missing, ProxyURL: "socks5://p:1"}.newHTTPTransportEnv(envMap(nil))
	if got := confErrs(t, err); len(got) != 2 || got[0].Field != "ProxyURL" || got[1].Field != "CABundle" {
		t.Fatalf("joined errors = %v", err)
	}
}

func TestTransportDebugLogsRedacted(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	var buf strings.Builder
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(cfgLockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := Configuration{ProxyURL: Secret(cfgTestProxyURL), CABundle: writeCertPEM(t, srv), Logger: logger}
	if _, err := c.newHTTPTransportEnv(envMap(nil)); err != nil {
		t.Fatal(err)
	}
	c = Configuration{Logger: logger}
	if _, err := c.newHTTPTransportEnv(envMap(map[string]string{"HTTPS_PROXY": cfgTestProxyURL})); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if strings.Contains(out, cfgTestProxyPass) {
		t.Fatalf("debug log leaks the proxy password:\n%s", out)
	}
	for _, want := range []string{"[REDACTED]@proxy.corp:3128", "source=ProxyURL", "https_source=HTTPS_PROXY", "istari: using CA bundle"} {
		if !strings.Contains(out, want) {
			t.Errorf("debug log lacks %q:\n%s", want, out)
		}
	}
}

type cfgLockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l cfgLockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestConfigurationFromEnvUsesProcessEnvironment(t *testing.T) {
	// Read-only: compares the public entry point with the lookup form over the real environment.
	got, gotErr := ConfigurationFromEnv()
	want, wantErr := configurationFromLookup(os.LookupEnv)
	got.Logger, want.Logger = nil, nil
	if !reflect.DeepEqual(got, want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("ConfigurationFromEnv = %v, %v; lookup form = %v, %v", got, gotErr, want, wantErr)
	}
}
