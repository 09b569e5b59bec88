package setup

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// clearEnv makes ConfigurationFromEnv see no registry.
func clearEnv(t *testing.T) {
	for _, k := range []string{"ISTARI_REGISTRY_URL", "ISTARI_DIGITAL_REGISTRY_URL", "ISTARI_DIGITAL_API_URL",
		"ISTARI_REGISTRY_AUTH_TOKEN", "ISTARI_DIGITAL_REGISTRY_AUTH_TOKEN", "ISTARI_CLIENT_PROXY_URL"} {
		t.Setenv(k, "")
	}
}

func TestConnectWithoutEnvironmentUsesTheFake(t *testing.T) {
	clearEnv(t)
	var out bytes.Buffer
	env, err := Connect(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if env.Fake == nil || !strings.Contains(out.String(), "embedded fake registry") {
		t.Fatalf("Fake %v, output %q", env.Fake, out.String())
	}
	if env.Fake.Token() != istaritest.DefaultToken {
		t.Errorf("token %q", env.Fake.Token())
	}
	if _, err := env.Client.GetCurrentUser(context.Background()); err != nil {
		t.Errorf("GetCurrentUser: %v", err)
	}
}

func TestConnectUsesTheConfiguredRegistry(t *testing.T) {
	clearEnv(t)
	srv := istaritest.NewServer(istaritest.WithToken("tok-real"))
	defer srv.Close()
	t.Setenv("ISTARI_REGISTRY_URL", srv.URL)
	t.Setenv("ISTARI_REGISTRY_AUTH_TOKEN", "tok-real")
	var out bytes.Buffer
	env, err := Connect(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if env.Fake != nil || !strings.Contains(out.String(), "using the registry at") {
		t.Fatalf("Fake %v, output %q", env.Fake, out.String())
	}
	if _, err := env.Client.GetCurrentUser(context.Background()); err != nil {
		t.Fatalf("GetCurrentUser: %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("the configured registry got %d requests, want 1", n)
	}
	if strings.Contains(out.String(), "tok-real") {
		t.Errorf("the token was printed: %q", out.String())
	}
}

func TestConnectFakeOptions(t *testing.T) {
	env, err := ConnectFake(FakeOptions{Token: "tok-custom", ProxyURL: "http://u:p@127.0.0.1:9"})
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if env.Fake.Token() != "tok-custom" || env.Config.RegistryAuthToken.Reveal() != "tok-custom" {
		t.Errorf("fake token %q, configured %q", env.Fake.Token(), env.Config.RegistryAuthToken.Reveal())
	}
	if env.Config.ProxyURL.Reveal() != "http://u:p@127.0.0.1:9" {
		t.Errorf("ProxyURL %q", env.Config.ProxyURL.Reveal())
	}
	// Loopback is not proxied: the call reaches the fake although the proxy address is dead.
	if _, err := env.Client.GetCurrentUser(context.Background()); err != nil {
		t.Fatalf("GetCurrentUser: %v", err)
	}
}

func TestClientWithTokenActsAsThatUser(t *testing.T) {
	env, err := ConnectFake(FakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	bob := env.Fake.AddUser("bob")
	c, err := env.ClientWithToken(bob.Token)
	if err != nil {
		t.Fatal(err)
	}
	me, err := c.GetCurrentUser(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if me.ID != bob.ID {
		t.Errorf("the second client is user %s, want %s", me.ID, bob.ID)
	}
	other, err := env.ClientWithToken("tok-unknown")
	if err != nil {
		t.Fatalf("building a client does not check the token: %v", err)
	}
	if _, err := other.GetCurrentUser(context.Background()); !errors.Is(err, istari.ErrUnauthorized) {
		t.Errorf("an unknown token: %v, want ErrUnauthorized", err)
	}
}
