// Command branches uses a system's snapshot tags as branches: it builds a system whose baseline tracks two
// models, branches "design-b" from it, commits one file added and one removed, commits again, prints the
// branch's history, rolls the second commit back, merges the branch into the baseline, and finally gives a
// second user viewer access to every resource of the baseline snapshot in one bulk call. That user can read
// every file of the snapshot and nothing else (the registry answers not found elsewhere).
//
//	go run ./examples/branches
//
// With no ISTARI_REGISTRY_URL it runs against the embedded fake registry, which also provides the second
// user. Against a real registry (ISTARI_REGISTRY_URL and ISTARI_REGISTRY_AUTH_TOKEN set) it creates a system
// named "Branching demo <time>"; set ISTARI_EXAMPLE_SECOND_TOKEN and ISTARI_EXAMPLE_SECOND_USER_ID to
// another user's token and id for the sharing step, which is skipped without them.
package main

import (
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	setup.Main(2*time.Minute, run)
}
