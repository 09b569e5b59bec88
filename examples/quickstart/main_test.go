package main

import (
	"testing"

	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
)

func TestRun(t *testing.T) {
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out,
		"registry version 11.4.0-fake: compatible",
		"liveness 200",
		"(quickstart.csv, 16 bytes)",
		"listed 1 model(s)",
		"downloaded 16 bytes, checksum verified, equal to the upload: true",
		"job status: Running",
		"ended Completed",
		"the model has 1 artifact(s)",
		`artifact extract.json: {"columns":["x","y"],"rows":3}`,
	)
}
