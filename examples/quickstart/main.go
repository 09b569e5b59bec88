// Command quickstart is the first program to run: it connects to a registry (the embedded fake one
// when ISTARI_REGISTRY_URL is not set), checks that the registry and the SDK are compatible, and
// calls the health probes.
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	env, err := setup.Connect(os.Stdout)
	setup.Must(err)
	defer env.Close()
	client := env.Client

	compat, err := client.CheckCompatibility(ctx)
	setup.Must(err)
	if compat == nil {
		fmt.Println("the registry sent no compatibility headers (an older registry)")
	} else {
		fmt.Printf("registry version %s: %s\n", deref(compat.ServerVersion), deref(compat.Status))
	}

	live, err := client.LivenessCheck(ctx)
	setup.Must(err)
	ready, err := client.ReadinessCheck(ctx)
	setup.Must(err)
	fmt.Printf("liveness %d %s, readiness %d %s\n", live.StatusCode, bytes.TrimSpace(live.Raw), ready.StatusCode, bytes.TrimSpace(ready.Raw))
}

func deref[T ~string](p *T) string {
	if p == nil {
		return "unknown"
	}
	return string(*p)
}
