// Command chain-jobs chains two jobs, the second consuming the first's artifact (issue 7): it uploads a
// CSV model, runs @istari:extract on it, waits, finds the JSON artifact the job produced, then runs
// @example:summarize on that artifact (a job on the artifact's resource id, its parameters revision
// citing the artifact revision as "extracted_from"), waits again and prints both artifacts.
//
// On the embedded fake registry (no ISTARI_REGISTRY_URL) both functions are implemented by simulated
// agents registered here; against a real registry the functions must exist there.
//
//	go run ./examples/chain-jobs
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

const (
	extractFn   = "@istari:extract"
	summarizeFn = "@example:summarize"
)

func main() {
	setup.Main(5*time.Minute, run)
}

// run does the whole chain and prints its progress to w.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	client := env.Client
	if env.Fake != nil {
		registerFunctions(env.Fake)
	}

	csv := "part,mass_kg\nbracket,1.5\nbolt,0.25\nplate,4\n"
	model, err := client.AddModelFromReader(ctx, "parts.csv", strings.NewReader(csv), &istari.UploadOptions{
		DisplayName: istari.Ptr("Chained jobs input"),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "uploaded model %s (%s)\n", model.ID, model.Name())

	// Job 1: extract the rows of the model into a JSON artifact.
	job1, err := runJob(ctx, client, w, model.ID, extractFn, &istari.AddJobOptions{
		Parameters: map[string]any{"column": "mass_kg"},
	})
	if err != nil {
		return err
	}
	extracted, err := newestArtifact(ctx, client, model.ID, "extract.json", nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "job %s produced artifact %s (%s)\n", job1.ID, extracted.ID, extracted.Name())

	// Job 2: summarize, running on the artifact's resource id and citing the artifact revision as its source.
	job2, err := runJob(ctx, client, w, extracted.ID, summarizeFn, &istari.AddJobOptions{
		Parameters: map[string]any{"unit": "kg"},
		Upload: istari.UploadOptions{Sources: []types.NewSource{{
			RevisionID: extracted.Revision().ID, RelationshipIdentifier: istari.Ptr("extracted_from"),
		}}},
	})
	if err != nil {
		return err
	}
	src := job2.Revision().Sources
	if len(src) == 1 {
		fmt.Fprintf(w, "job %s parameters cite revision %s (%s)\n", job2.ID, src[0].RevisionID, deref(src[0].RelationshipIdentifier))
	}
	summary, err := newestArtifact(ctx, client, model.ID, "summary.json", &extracted.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "job %s produced artifact %s (%s)\n", job2.ID, summary.ID, summary.Name())

	for _, a := range []*types.Artifact{extracted, summary} {
		content, err := client.ReadBytes(ctx, a.Revision().ContentToken())
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: %s\n", a.Name(), content)
	}
	return nil
}

// runJob starts function on the resource and waits for it, printing each status.
func runJob(ctx context.Context, client *istari.Client, w io.Writer, resourceID, function string, opts *istari.AddJobOptions) (*types.Job, error) {
	job, err := client.AddJob(ctx, resourceID, function, opts)
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", function, err)
	}
	fmt.Fprintf(w, "started %s as job %s\n", function, job.ID)
	return client.WaitForJob(ctx, job.ID, &istari.WaitOptions{
		Interval: 200 * time.Millisecond, BackoffFactor: 1.5, MaxInterval: 5 * time.Second,
		OnStatus: func(s types.JobStatus) { fmt.Fprintf(w, "  %s: %s\n", function, s.Name) },
	})
}

// newestArtifact returns the newest artifact of the model named name, other than the one skipped.
func newestArtifact(ctx context.Context, client *istari.Client, modelID, name string, skip *string) (*types.Artifact, error) {
	page, err := client.ListModelArtifacts(ctx, modelID, &istari.ListArtifactsParams{Sort: istari.Ptr("-created")})
	if err != nil {
		return nil, err
	}
	for i := range page.Items {
		a := &page.Items[i]
		if a.Name() == name && (skip == nil || a.ID != *skip) {
			return a, nil
		}
	}
	return nil, fmt.Errorf("no %s artifact on model %s", name, modelID)
}

// registerFunctions implements both functions with simulated agents on the fake registry.
func registerFunctions(fake *istaritest.Server) {
	fake.RegisterFunction(istaritest.FunctionSpec{Name: extractFn})
	fake.HandleFunction(extractFn, func(_ context.Context, job istaritest.JobContext) error {
		var p struct {
			Column string `json:"column"`
		}
		if err := json.Unmarshal(job.Parameters, &p); err != nil {
			return err
		}
		csv, err := job.ModelContent()
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
		header := strings.Split(lines[0], ",")
		col := -1
		for i, h := range header {
			if h == p.Column {
				col = i
			}
		}
		if col < 0 {
			return fmt.Errorf("no column %q", p.Column)
		}
		values := map[string]float64{}
		for _, line := range lines[1:] {
			cells := strings.Split(line, ",")
			v, err := strconv.ParseFloat(cells[col], 64)
			if err != nil {
				return err
			}
			values[cells[0]] = v
		}
		out, err := json.Marshal(map[string]any{"column": p.Column, "values": values})
		if err != nil {
			return err
		}
		return job.AddArtifact("extract.json", out)
	})

	fake.RegisterFunction(istaritest.FunctionSpec{Name: summarizeFn, InputExtensions: []string{"json"}})
	fake.HandleFunction(summarizeFn, func(_ context.Context, job istaritest.JobContext) error {
		var p struct {
			Unit string `json:"unit"`
		}
		if err := json.Unmarshal(job.Parameters, &p); err != nil {
			return err
		}
		raw, err := job.ModelContent() // the extract.json artifact the job runs on
		if err != nil {
			return err
		}
		var in struct {
			Values map[string]float64 `json:"values"`
		}
		if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&in); err != nil {
			return err
		}
		if len(in.Values) == 0 {
			return errors.New("nothing to summarize")
		}
		total := 0.0
		for _, v := range in.Values {
			total += v
		}
		out, err := json.Marshal(map[string]any{"count": len(in.Values), "total": total, "unit": p.Unit})
		if err != nil {
			return err
		}
		return job.AddArtifact("summary.json", out)
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
