package istari

import (
	"strings"
	"testing"
)

// FuzzConfigurationFromEnv: any environment parses or fails with errors that never contain the token.
func FuzzConfigurationFromEnv(f *testing.F) {
	f.Add("https://r.example", "tok-SECRET-VALUE", "yes", "3", "200", "DEBUG", "/tmp")
	f.Add("", "tok-SECRET-VALUE", "maybe", "x", "-1", "LOUD", "/nonexistent/dir")
	f.Add("http://[::1]:8080/", "tok-SECRET-VALUE", " F ", "99999999999999999999", "0", "warn", "")
	f.Fuzz(func(t *testing.T, url, token, boolean, integer, millis, level, dir string) {
		env := map[string]string{
			"ISTARI_REGISTRY_URL":                     url,
			"ISTARI_REGISTRY_AUTH_TOKEN":              token,
			"ISTARI_CLIENT_RETRY_ENABLED":             boolean,
			"ISTARI_CLIENT_RETRY_MAX_ATTEMPTS":        integer,
			"ISTARI_CLIENT_RETRY_MIN_INTERVAL_MILLIS": millis,
			"ISTARI_CLIENT_LOG_LEVEL":                 level,
			"ISTARI_CLIENT_FILESYSTEM_CACHE_ROOT":     dir,
		}
		cfg, err := configurationFromLookup(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
		secret := len(token) >= 8 && strings.TrimSpace(token) == token
		if err != nil && secret && strings.Contains(err.Error(), token) {
			t.Fatalf("error leaks the token: %v", err)
		}
		if err == nil {
			if verr := cfg.Validate(); verr != nil && secret && strings.Contains(verr.Error(), token) {
				t.Fatalf("validation error leaks the token: %v", verr)
			}
			if s := cfg.String(); secret && strings.Contains(s, token) {
				t.Fatalf("String leaks the token: %s", s)
			}
		}
	})
}
