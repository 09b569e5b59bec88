package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

// run exchanges the token, reconnects with the access key, lists the keys and revokes the new one.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	cfg := env.Config
	if cfg.DigitalAPIURL == "" {
		if env.Fake == nil {
			fmt.Fprintln(w, "this example needs the platform gateway: set ISTARI_DIGITAL_API_URL (and ISTARI_REGISTRY_AUTH_TOKEN)")
			return nil
		}
		cfg.DigitalAPIURL = env.Fake.URL // the fake is also the gateway: /registry and /identity
	}
	patClient, err := istari.NewClient(cfg)
	if err != nil {
		return err
	}
	defer func() { _ = patClient.Close() }()

	// 1. Exchange the personal access token for a new key pair.
	res, err := patClient.Keys().GenerateAndExchange(ctx, &istari.GenerateAndExchangeOptions{Name: "access-keys example"})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "exchanged the token for key %s of client %s (tenant %s)\n", res.KeyID, res.ClientID, res.TenantID)
	fmt.Fprintf(w, "credentials: %v\n", res.Credentials) // the private key prints as [REDACTED]

	// 2. Write the credentials file: only its owner can read it.
	dir, err := os.MkdirTemp("", "istari-access-keys-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	path := filepath.Join(dir, "identity.json")
	if err := res.Credentials.WriteFile(path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote the credentials file with mode %v\n", fi.Mode().Perm())

	// 3. Reconnect in identity-service mode: the file is the only credential.
	idCfg := cfg
	idCfg.RegistryAuthToken = ""
	idCfg.IdentityServiceEnabled = true
	idCfg.IdentityServiceSecretFile = path
	client, err := istari.NewClient(idCfg)
	if err != nil {
		return err
	}
	defer func() { _ = client.Close() }()
	me, err := client.GetCurrentUser(ctx)
	if err != nil {
		return err
	}
	clientID, err := client.Keys().ClientID()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "identity mode: the registry knows us as %s (client id %s)\n", deref(me.DisplayName, me.ID), clientID)

	// 4. List the caller's keys.
	keys, err := client.Keys().List(ctx, istari.KeyTarget{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d key(s) registered for %s:\n", len(keys.Keys), keys.ClientID)
	for _, k := range keys.Keys {
		fmt.Fprintf(w, "  %s (%s, %s)\n", k.KeyID, deref(k.Name, ""), k.Algorithm)
	}

	// 5. Revoke the new key: no new access token can be obtained with it.
	if err := client.Keys().Revoke(ctx, res.KeyID, istari.KeyTarget{}); err != nil {
		return err
	}
	fmt.Fprintf(w, "revoked key %s\n", res.KeyID)
	return nil
}

func deref(p *string, fallback string) string {
	if p == nil || *p == "" {
		return fallback
	}
	return *p
}
