// Command sharing shows access control between two users: the owner uploads a model and shares it with a
// second user as a viewer; the second user can then read the model and who has access to it, but updating
// it fails with istari.ErrForbidden (the error is printed).
//
//	go run ./examples/sharing
//
// Against the embedded fake registry the second user is created on the fly. Against a real registry
// (ISTARI_REGISTRY_URL and ISTARI_REGISTRY_AUTH_TOKEN set) also set ISTARI_EXAMPLE_SECOND_TOKEN and
// ISTARI_EXAMPLE_SECOND_USER_ID to another user's token and id; without them the example says so and exits.
package main

import (
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	setup.Main(2*time.Minute, run)
}
