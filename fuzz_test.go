package istari

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// FuzzCompatibilityHeaders: any header values parse without panicking, tags are trimmed and non-empty,
// and a result exists exactly when the version or the verdict header is present.
func FuzzCompatibilityHeaders(f *testing.F) {
	f.Add("11.2.0", "compatible", "", "")
	f.Add("", "incompatible", " Model, ,Agent ,", "Job")
	f.Add("", "", ",,,", "")
	f.Add("x", "", "a,b", "c , d")
	f.Fuzz(func(t *testing.T, version, verdict, incompatible, deprecated string) {
		h := http.Header{}
		h.Set(headerRegistryVersion, version)
		h.Set(headerCompatibility, verdict)
		h.Set(headerIncompatibleTags, incompatible)
		h.Set(headerDeprecatedTags, deprecated)
		r, ok := parseCompatibility(h)
		if ok != (h.Get(headerRegistryVersion) != "" || h.Get(headerCompatibility) != "") {
			t.Fatalf("ok=%v for version %q verdict %q", ok, version, verdict)
		}
		for _, tag := range append(r.IncompatibleTags, r.DeprecatedTags...) {
			if tag == "" || tag != strings.TrimSpace(tag) || strings.Contains(tag, ",") {
				t.Fatalf("badly split tag %q", tag)
			}
		}
	})
}

// FuzzPageEnvelope: any body decodes or fails cleanly, and the walk rules never panic.
func FuzzPageEnvelope(f *testing.F) {
	f.Add([]byte(`{"items":[{"id":1}],"total":5,"page":1,"size":1,"pages":5}`))
	f.Add([]byte(`[{"id":1},{"id":2}]`))
	f.Add([]byte(`{"items":[],"total":null,"page":null,"size":null}`))
	f.Add([]byte(`{"items":[1],"total":-3,"page":0,"size":0,"pages":-1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Page[json.RawMessage]
		if json.Unmarshal(data, &p) != nil {
			return
		}
		_ = p.HasNext()
		_ = p.number()
	})
}

// FuzzErrorDetail: any error body decodes to a detail without panicking and never grows beyond it.
func FuzzErrorDetail(f *testing.F) {
	f.Add([]byte(`{"detail":"Model not found"}`))
	f.Add([]byte(`{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"}]}`))
	f.Add([]byte(`{"detail":{"nested":true}}`))
	f.Add([]byte(`no route`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := newAPIError("get_model", "GET", "/api/v2/models/x", 400, http.Header{}, body, 1)
		_ = e.Error()
	})
}

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
