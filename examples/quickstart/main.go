// Command quickstart is the first program to run: it connects to a registry (the embedded fake one
// when ISTARI_REGISTRY_URL is not set), checks that the registry and the SDK are compatible, calls
// the health probes, then uploads a small CSV model from memory, lists models and downloads the
// model again to check the bytes. Finally it runs the @istari:extract function on the model (on the
// fake registry a simulated agent implements it), waits for the job while printing each status, and
// downloads the artifact the job produced.
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

func main() {
	setup.Main(2*time.Minute, run)
}

// run is the quickstart itself, writing what it does to w.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	client := env.Client
	compat, err := client.CheckCompatibility(ctx)
	if err != nil {
		return err
	}
	if compat == nil {
		fmt.Fprintln(w, "the registry sent no compatibility headers (an older registry)")
	} else {
		fmt.Fprintf(w, "registry version %s: %s\n", deref(compat.ServerVersion), deref(compat.Status))
	}

	live, err := client.LivenessCheck(ctx)
	if err != nil {
		return err
	}
	ready, err := client.ReadinessCheck(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "liveness %d %s, readiness %d %s\n", live.StatusCode, bytes.TrimSpace(live.Raw), ready.StatusCode, bytes.TrimSpace(ready.Raw))

	csv := []byte("x,y\n0,0\n1,2\n2,4\n")
	model, err := client.AddModelFromReader(ctx, "quickstart.csv", bytes.NewReader(csv), &istari.UploadOptions{
		DisplayName: istari.Ptr("Quickstart model"),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "uploaded model %s (%s, %d bytes)\n", model.ID, model.Name(), model.File.Size())

	page, err := client.ListModels(ctx, &istari.ListModelsParams{Sort: istari.Ptr("-created")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "listed %d model(s)\n", len(page.Items))

	got, err := client.ReadBytes(ctx, model.Revision().ContentToken())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "downloaded %d bytes, checksum verified, equal to the upload: %t\n", len(got), bytes.Equal(got, csv))

	if env.Fake != nil {
		registerExtract(env.Fake)
	}
	job, err := client.AddJob(ctx, model.ID, "@istari:extract", &istari.AddJobOptions{
		Parameters: map[string]any{"columns": []string{"x", "y"}},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "started job %s (function %s)\n", job.ID, job.Function.Name)
	done, err := client.WaitForJob(ctx, job.ID, &istari.WaitOptions{
		Interval:      200 * time.Millisecond,
		BackoffFactor: 1.5,
		MaxInterval:   5 * time.Second,
		OnStatus:      func(s types.JobStatus) { fmt.Fprintln(w, "  job status:", s.Name) },
	})
	if err != nil {
		return err
	}
	final, _ := done.Status()
	fmt.Fprintf(w, "job %s ended %s\n", done.ID, final.Name)

	// AllOf walks a list that belongs to a resource (here the model's artifacts), every page, in one expression.
	n := 0
	params := &istari.ListArtifactsParams{Sort: istari.Ptr("-created")}
	for art, err := range istari.AllOf(ctx, model.ID, params, client.ListModelArtifacts) {
		if err != nil {
			return err
		}
		content, err := client.ReadBytes(ctx, art.Revision().ContentToken())
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "artifact %s: %s\n", art.Name(), content)
		n++
	}
	fmt.Fprintf(w, "the model has %d artifact(s)\n", n)
	return nil
}

// registerExtract makes the fake registry's simulated agent implement @istari:extract: it reads the
// requested columns from the job's parameters and counts the CSV rows of the model.
func registerExtract(fake *istaritest.Server) {
	fake.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	fake.HandleFunction("@istari:extract", func(_ context.Context, job istaritest.JobContext) error {
		var params struct {
			Columns []string `json:"columns"`
		}
		if err := json.Unmarshal(job.Parameters, &params); err != nil {
			return fmt.Errorf("reading parameters: %w", err)
		}
		model, err := job.ModelContent()
		if err != nil {
			return err
		}
		rows := max(len(strings.Split(strings.TrimSpace(string(model)), "\n"))-1, 0)
		out, err := json.Marshal(map[string]any{"columns": params.Columns, "rows": rows})
		if err != nil {
			return err
		}
		return job.AddArtifact("extract.json", out)
	})
}

func deref[T ~string](p *T) string {
	if p == nil {
		return "unknown"
	}
	return string(*p)
}
