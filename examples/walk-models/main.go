// Command walk-models walks every model the caller can see with the istari.All iterator, which fetches
// the pages (10 models each here) as the loop needs them, and prints a table (id, name, extension, size,
// created) followed by totals per extension.
//
//	go run ./examples/walk-models
//
// Against the embedded fake registry (no ISTARI_REGISTRY_URL) it first uploads 25 small models to have
// something to walk; against a real registry it only reads.
package main

import (
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	setup.Main(5*time.Minute, run)
}
