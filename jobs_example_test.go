package istari_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// Run a function on a model and wait for the job. On the fake registry a simulated agent implements the
// function; against a real one an agent of your platform does.
func ExampleClient_WaitForJob() {
	srv := istaritest.NewServer()
	defer srv.Close()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	srv.HandleFunction("@istari:extract", func(_ context.Context, job istaritest.JobContext) error {
		return job.AddArtifact("summary.json", []byte(`{"rows":2}`))
	})
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	model, err := client.AddModelFromReader(ctx, "loads.csv", strings.NewReader("a,b\n1,2\n3,4\n"), nil)
	if err != nil {
		log.Fatal(err)
	}
	job, err := client.AddJob(ctx, model.ID, "@istari:extract", &istari.AddJobOptions{
		Parameters: map[string]any{"format": "json"},
	})
	if err != nil {
		log.Fatal(err)
	}
	done, err := client.WaitForJob(ctx, job.ID, &istari.WaitOptions{
		Interval: 10 * time.Millisecond,
		OnStatus: func(s types.JobStatus) { fmt.Println("status:", s.Name) },
	})
	if err != nil {
		log.Fatal(err) // a Failed or Canceled job is a *istari.JobFailedError
	}
	final, _ := done.Status()
	fmt.Println("final:", final.Name)

	artifacts, err := client.ListModelArtifacts(ctx, model.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	text, err := client.ReadText(ctx, artifacts.Items[0].Revision().ContentToken())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(artifacts.Items[0].Name(), text)
	// Output:
	// status: Created
	// status: Pending
	// status: Claimed
	// status: Validating
	// status: Running
	// status: Uploading
	// status: Completed
	// final: Completed
	// summary.json {"rows":2}
}
