package istari_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	istari "github.com/istari-sdk/istari-go"
)

// ConfigurationFromEnv reads the same ISTARI_* variables as the Python client. The example sets them itself
// (and restores them) to have a fixed output; a program just calls ConfigurationFromEnv and NewClient.
func ExampleConfigurationFromEnv() {
	restore := setenv(map[string]string{
		"ISTARI_REGISTRY_URL":                     "https://example.istari.digital/",
		"ISTARI_REGISTRY_AUTH_TOKEN":              "pat-123",
		"ISTARI_CLIENT_RETRY_MAX_ATTEMPTS":        "5",
		"ISTARI_CLIENT_HTTP_REQUEST_TIMEOUT_SECS": "30",
	})
	defer restore()

	cfg, err := istari.ConfigurationFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("registry:", cfg.RegistryBaseURL())
	fmt.Println("retry attempts:", cfg.RetryMaxAttempts)
	fmt.Println("per-attempt timeout:", cfg.HTTPRequestTimeout)
	fmt.Println("token:", cfg.RegistryAuthToken) // a Secret never prints its value
	// Output:
	// registry: https://example.istari.digital
	// retry attempts: 5
	// per-attempt timeout: 30s
	// token: [REDACTED]
}

// In gateway mode (DigitalAPIURL set) the registry is reached under the gateway's /registry prefix, whatever
// RegistryURL says.
func ExampleConfiguration_RegistryBaseURL() {
	direct := istari.Configuration{RegistryURL: "https://example.istari.digital/"}
	gateway := istari.Configuration{
		RegistryURL:   "https://ignored.example",
		DigitalAPIURL: "https://api.example.istari.digital",
	}
	fmt.Println(direct.RegistryBaseURL())
	fmt.Println(gateway.RegistryBaseURL())
	// Output:
	// https://example.istari.digital
	// https://api.example.istari.digital/registry
}

// NewClient validates the configuration and reports every problem at once as *ConfigurationError values.
func ExampleConfigurationError() {
	_, err := istari.NewClient(istari.Configuration{RegistryURL: "ftp://example.istari.digital"})
	var cerr *istari.ConfigurationError
	if errors.As(err, &cerr) {
		fmt.Println("first problem in:", cerr.Field)
	}
	// Output:
	// first problem in: RegistryURL
}

// setenv unsets every ISTARI_* variable, sets vars and returns a function restoring the previous environment,
// so that the example's output does not depend on the environment it runs in.
func setenv(vars map[string]string) (restore func()) {
	type old struct {
		value string
		set   bool
	}
	saved := map[string]old{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "ISTARI_") {
			saved[k] = old{v, true}
			_ = os.Unsetenv(k)
		}
	}
	for k, v := range vars {
		if _, ok := saved[k]; !ok {
			saved[k] = old{}
		}
		if err := os.Setenv(k, v); err != nil {
			log.Fatal(err)
		}
	}
	return func() {
		for k, o := range saved {
			if o.set {
				_ = os.Setenv(k, o.value)
			} else {
				_ = os.Unsetenv(k)
			}
		}
	}
}

// A Secret prints, encodes and logs as "[REDACTED]"; only Reveal returns the value.
func ExampleSecret() {
	token := istari.Secret("pat-123")
	cfg := istari.Configuration{RegistryURL: "https://example.istari.digital", RegistryAuthToken: token}
	fmt.Printf("%v %q %s\n", token, token, cfg.RegistryAuthToken)
	fmt.Println(len(token.Reveal()))
	fmt.Printf("empty: %q\n", istari.Secret(""))
	// Output:
	// [REDACTED] "[REDACTED]" [REDACTED]
	// 7
	// empty: ""
}
