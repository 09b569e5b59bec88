package main

import (
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
)

func TestRun(t *testing.T) {
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out, "nothing changed since snapshot", `as "baseline"`, "snapshot ", "created",
		"1 file(s) changed", "  wing.json: revision ")
	if strings.Contains(res.Out, "engine.csv: revision") {
		t.Errorf("engine.csv did not change:\n%s", res.Out)
	}
}
