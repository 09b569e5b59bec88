// Command quickstart is the first program to run: it connects to a registry (the embedded fake one
// when ISTARI_REGISTRY_URL is not set), checks that the registry and the SDK are compatible, calls
// the health probes, then uploads a small CSV model from memory, lists models and downloads the
// model again to check the bytes.
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	istari "github.com/istari-sdk/istari-go"
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

	csv := []byte("x,y\n0,0\n1,2\n2,4\n")
	model, err := client.AddModelFromReader(ctx, "quickstart.csv", bytes.NewReader(csv), &istari.UploadOptions{
		DisplayName: istari.Ptr("Quickstart model"),
	})
	setup.Must(err)
	fmt.Printf("uploaded model %s (%s, %d bytes)\n", model.ID, model.Name(), model.File.Size())

	page, err := client.ListModels(ctx, &istari.ListModelsParams{Sort: istari.Ptr("-created")})
	setup.Must(err)
	fmt.Printf("listed %d model(s)\n", len(page.Items))

	got, err := client.ReadBytes(ctx, model.Revision().ContentToken())
	setup.Must(err)
	fmt.Printf("downloaded %d bytes, checksum verified, equal to the upload: %t\n", len(got), bytes.Equal(got, csv))
}

func deref[T ~string](p *T) string {
	if p == nil {
		return "unknown"
	}
	return string(*p)
}
