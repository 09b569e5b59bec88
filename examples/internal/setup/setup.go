// Package setup connects the example programs to a registry: the real one named by
// ISTARI_REGISTRY_URL and ISTARI_REGISTRY_AUTH_TOKEN when they are set, otherwise a fake registry
// (istaritest) started in-process, so every example runs on a fresh machine with no configuration.
package setup

import (
	"fmt"
	"io"
	"os"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// Env is a connected client and, when no registry was configured, the fake it talks to.
type Env struct {
	Client *istari.Client
	// Fake is the in-process registry, nil against a real one.
	Fake *istaritest.Server
}

// Connect builds a client from the environment, or from a fresh fake registry when neither
// ISTARI_REGISTRY_URL nor ISTARI_DIGITAL_API_URL (nor their ISTARI_DIGITAL_ fallbacks) is set.
// It prints which registry it uses to w.
func Connect(w io.Writer) (*Env, error) {
	cfg, err := istari.ConfigurationFromEnv()
	if err != nil {
		return nil, err
	}
	env := &Env{}
	if cfg.RegistryURL == "" && cfg.DigitalAPIURL == "" {
		env.Fake = istaritest.NewServer()
		cfg.RegistryURL = env.Fake.URL
		cfg.RegistryAuthToken = istari.Secret(env.Fake.Token())
		fmt.Fprintln(w, "no ISTARI_REGISTRY_URL set: using the embedded fake registry")
	} else {
		fmt.Fprintln(w, "using the registry at", cfg.RegistryBaseURL())
	}
	client, err := istari.NewClient(cfg)
	if err != nil {
		env.Close()
		return nil, err
	}
	env.Client = client
	return env, nil
}

// Close releases the client and stops the fake registry.
func (e *Env) Close() {
	if e.Client != nil {
		_ = e.Client.Close()
	}
	if e.Fake != nil {
		e.Fake.Close()
	}
}

// Must exits the program with the error's message when err is not nil.
func Must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
