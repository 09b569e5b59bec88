// Package exampletest runs an example's run function against a fresh fake registry for the examples'
// tests, with a DEBUG logger and recognisable secrets, and checks that the secrets never leak.
package exampletest

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
)

// Secrets the tests configure and then look for in the output, the log and the error.
const (
	Token     = "tok-EXAMPLE-SECRET-42"
	ProxyPass = "PROXY-PASS-42"
	ProxyURL  = "http://user:" + ProxyPass + "@127.0.0.1:9"
)

// Result is what one run produced.
type Result struct {
	Out string // what run wrote to w
	Log string // the client's DEBUG log
	Err error  // what run returned
	Env *setup.Env
}

// Run connects to a fresh fake (setup.ConnectFake with Token, ProxyURL and a DEBUG logger writing to a
// buffer), calls run, and fails the test if either secret appears in the output, the log or the error.
// The fake is closed when the test ends.
func Run(t *testing.T, run func(context.Context, *setup.Env, io.Writer) error) Result {
	t.Helper()
	var logBuf lockedBuffer
	logger := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env, err := setup.ConnectFake(setup.FakeOptions{Logger: logger, Token: Token, ProxyURL: ProxyURL})
	if err != nil {
		t.Fatalf("ConnectFake: %v", err)
	}
	t.Cleanup(env.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	runErr := run(ctx, env, &out)
	res := Result{Out: out.String(), Log: logBuf.String(), Err: runErr, Env: env}
	if res.Log == "" {
		t.Errorf("the DEBUG logger recorded nothing: is the logger wired?")
	}
	for _, secret := range []string{Token, ProxyPass} {
		if strings.Contains(res.Out, secret) {
			t.Errorf("the output contains the secret %q:\n%s", secret, res.Out)
		}
		if strings.Contains(res.Log, secret) {
			t.Errorf("the log contains the secret %q", secret)
		}
		if runErr != nil && strings.Contains(runErr.Error(), secret) {
			t.Errorf("the error contains the secret %q: %v", secret, runErr)
		}
	}
	return res
}

// RunAsRealRegistry calls run the way it runs against a real registry: with an Env whose Fake is nil, so that
// an example cannot create users or seed data. A fake still answers behind the scenes; the test gets it back to
// count what was sent. run's error fails the test.
func RunAsRealRegistry(t *testing.T, run func(context.Context, *setup.Env, io.Writer) error) (string, *istaritest.Server) {
	t.Helper()
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	c, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	var out bytes.Buffer
	if err := run(context.Background(), &setup.Env{Client: c}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return out.String(), srv
}

// Contains fails the test for every want that is not in got.
func Contains(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// lockedBuffer is a buffer safe for the SDK's goroutines to log into while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
