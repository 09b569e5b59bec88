// Command access-keys moves a service from a personal access token to an access key of the Istari Identity
// Service: it exchanges the configured token for a new ECDSA P-384 key pair, writes the credentials file
// (mode 0600), reconnects in identity-service mode with that file only, makes a registry call with the
// short-lived access tokens this mode uses, lists the caller's keys, and finally revokes the new key so the
// example leaves nothing behind.
//
//	go run ./examples/access-keys
//
// Against the embedded fake registry (no ISTARI_REGISTRY_URL set) the fake also plays the platform gateway
// and its identity service. Against a real platform, set ISTARI_DIGITAL_API_URL and ISTARI_REGISTRY_AUTH_TOKEN
// (a personal access token); without a gateway URL the example says what it needs and exits.
package main

import (
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	setup.Main(2*time.Minute, run)
}
