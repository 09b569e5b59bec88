// Command digital-thread follows a design through a digital thread: it uploads two models, tracks their
// latest revisions in a system configuration, snapshots it and tags the snapshot as the system's baseline,
// uploads a new revision of one model, snapshots again, and prints which files changed between the two
// snapshots.
//
//	go run ./examples/digital-thread
//
// With no ISTARI_REGISTRY_URL it runs against the embedded fake registry; set ISTARI_REGISTRY_URL and
// ISTARI_REGISTRY_AUTH_TOKEN to run it against a real one (it creates a system named "Demo aircraft <time>").
package main

import (
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	setup.Main(2*time.Minute, run)
}
