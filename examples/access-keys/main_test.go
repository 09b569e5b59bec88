package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
)

func TestRun(t *testing.T) {
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out,
		"exchanged the token for key key-",
		"of client owner (tenant tenant-1)",
		"Key: [REDACTED]}",
		"wrote the credentials file with mode -rw-------",
		"identity mode: the registry knows us as",
		"(client id owner)",
		"1 key(s) registered for owner:",
		"(access-keys example, ES384)",
		"revoked key key-",
	)
	fake := res.Env.Fake
	// The registry call of identity mode carried an access token, not the personal access token.
	calls := fake.RequestsFor("get_current_user")
	if len(calls) != 1 || !strings.HasPrefix(calls[0].Header.Get("Authorization"), "Bearer idt-") {
		t.Errorf("get_current_user calls: %+v", calls)
	}
	if keys := fake.AccessKeys(fake.Owner()); len(keys) != 0 {
		t.Errorf("the example left keys behind: %v", keys)
	}
	tokens := 0
	for _, r := range fake.Requests() {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer idt-")
		if !ok {
			continue
		}
		tokens++
		if strings.Contains(res.Out, tok) || strings.Contains(res.Log, tok) {
			t.Error("an access token leaked into the output or the log")
		}
	}
	if tokens == 0 {
		t.Error("no call used an access token")
	}
}

// TestRunWithoutGateway plays a real registry (Env.Fake is nil) without ISTARI_DIGITAL_API_URL: the example says
// what it needs and sends nothing.
func TestRunWithoutGateway(t *testing.T) {
	srv := istaritest.NewServer()
	defer srv.Close()
	cfg := istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())}
	c, err := istari.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out bytes.Buffer
	if err := run(context.Background(), &setup.Env{Client: c, Config: cfg}, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	exampletest.Contains(t, out.String(), "needs the platform gateway: set ISTARI_DIGITAL_API_URL")
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}
