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
	// 137 * (1 + 2 + ... + 25) = 44525 bytes.
	exampletest.Contains(t, res.Out, "seeded 25 models", "ID  ", "NAME", "CREATED",
		"part-01.csv", "part-25.step", " step  3.3 KiB ",
		"25 model(s), 43.5 KiB in total; by extension: csv 5, json 5, step 5, stl 5, txt 5")
	if n := strings.Count(res.Out, "part-"); n != 25 {
		t.Errorf("%d model rows, want 25:\n%s", n, res.Out)
	}
	// 25 models in pages of 10: three list requests, each asking for size 10.
	reqs := res.Env.Fake.RequestsFor("list_models")
	if len(reqs) != 3 {
		t.Fatalf("%d list_models requests, want 3", len(reqs))
	}
	for _, r := range reqs {
		if !strings.Contains(r.RawQuery, "size=10") {
			t.Errorf("list_models query %q lacks size=10", r.RawQuery)
		}
	}
}
