// Package setup connects the example programs to a registry: the real one named by
// ISTARI_REGISTRY_URL and ISTARI_REGISTRY_AUTH_TOKEN when they are set, otherwise a fake registry
// (istaritest) started in-process, so every example runs on a fresh machine with no configuration.
//
// Tests of the examples use ConnectFake, which always starts a fake and lets the test choose the logger,
// the bearer token and a proxy URL, so it can check that no secret reaches the output or the log.
package setup

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// Env is a connected client and, when no registry was configured, the fake it talks to.
type Env struct {
	Client *istari.Client
	// Fake is the in-process registry, nil against a real one.
	Fake *istaritest.Server
	// Config is the configuration Client was built from; ClientWithToken reuses it for other users.
	Config istari.Configuration

	extra []*istari.Client // clients made by ClientWithToken, closed by Close
}

// FakeOptions configure ConnectFake. The zero value is a silent client of a fresh fake with the default token.
type FakeOptions struct {
	// Logger is set on the Configuration (nil = silent).
	Logger *slog.Logger
	// Token is the bearer token of the fake's default user; "" means istaritest.DefaultToken.
	Token string
	// ProxyURL is set on the Configuration. Requests to loopback are never proxied, so against the fake it
	// only serves to check that the proxy's credentials never leak into output, logs or errors.
	ProxyURL string
}

// Connect builds a client from the environment, or from a fresh fake registry when neither
// ISTARI_REGISTRY_URL nor ISTARI_DIGITAL_API_URL (nor their ISTARI_DIGITAL_ fallbacks) is set.
// It prints which registry it uses to w.
func Connect(w io.Writer) (*Env, error) {
	cfg, err := istari.ConfigurationFromEnv()
	if err != nil {
		return nil, err
	}
	if cfg.RegistryURL == "" && cfg.DigitalAPIURL == "" {
		fmt.Fprintln(w, "no ISTARI_REGISTRY_URL set: using the embedded fake registry")
		return connectFake(cfg, "")
	}
	fmt.Fprintln(w, "using the registry at", cfg.RegistryBaseURL())
	return newEnv(cfg, nil)
}

// ConnectFake starts a fresh fake registry and connects to it, ignoring the environment. It is meant for
// the examples' tests.
func ConnectFake(opts FakeOptions) (*Env, error) {
	cfg := istari.Configuration{Logger: opts.Logger, ProxyURL: istari.Secret(opts.ProxyURL)}
	return connectFake(cfg, opts.Token)
}

func connectFake(cfg istari.Configuration, token string) (*Env, error) {
	if token == "" {
		token = istaritest.DefaultToken
	}
	fake := istaritest.NewServer(istaritest.WithToken(token))
	cfg.RegistryURL = fake.URL
	cfg.RegistryAuthToken = istari.Secret(fake.Token())
	return newEnv(cfg, fake)
}

func newEnv(cfg istari.Configuration, fake *istaritest.Server) (*Env, error) {
	client, err := istari.NewClient(cfg)
	if err != nil {
		if fake != nil {
			fake.Close()
		}
		return nil, err
	}
	return &Env{Client: client, Fake: fake, Config: cfg}, nil
}

// ClientWithToken returns a client of the same registry, with the same settings, acting as the user the
// bearer token belongs to (for examples with several users). Close closes it.
func (e *Env) ClientWithToken(token string) (*istari.Client, error) {
	cfg := e.Config
	cfg.RegistryAuthToken = istari.Secret(token)
	c, err := istari.NewClient(cfg)
	if err != nil {
		return nil, err
	}
	e.extra = append(e.extra, c)
	return c, nil
}

// Close releases the clients and stops the fake registry.
func (e *Env) Close() {
	for _, c := range e.extra {
		_ = c.Close()
	}
	if e.Client != nil {
		_ = e.Client.Close()
	}
	if e.Fake != nil {
		e.Fake.Close()
	}
}

// Main runs an example program: it connects (see Connect), calls run with a context bounded by timeout,
// closes the client and any fake registry, and only then exits, with status 1 and the error on stderr when
// anything failed.
func Main(timeout time.Duration, run func(ctx context.Context, env *Env, w io.Writer) error) {
	if err := runMain(timeout, run, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func runMain(timeout time.Duration, run func(context.Context, *Env, io.Writer) error, w io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	env, err := Connect(w)
	if err != nil {
		return err
	}
	defer env.Close()
	return run(ctx, env, w)
}
