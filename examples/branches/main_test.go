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
	exampletest.Contains(t, res.Out,
		"baseline files: engine.csv, wing.json\n",
		`branched "design-b" from the baseline`,
		"design-b files: tail.json, wing.json\n",
		`history of "design-b" (newest first): 3 entries`,
		`rolled "design-b" back one commit`,
		"committing to the baseline is refused: istari: invalid branch: cannot commit to the baseline branch",
		`merged "design-b" into the baseline`,
		"shared 2 resource(s) of the baseline with bob as viewer, in one call",
		`bob reads wing.json: {"span_m": 30}`,
		`bob reads tail.json: {"area_m2": 12}`,
		"bob cannot see engine.csv (not in the snapshot): not found",
		"bob cannot see the system itself: not found")
	// After the merge the baseline holds the branch's files, the rolled-back wing revision not among them.
	if got := strings.Count(res.Out, "baseline files: tail.json, wing.json\n"); got != 1 {
		t.Errorf("the merged baseline should list tail.json and wing.json once, got %d:\n%s", got, res.Out)
	}
	if strings.Contains(res.Out, `"span_m": 34`) {
		t.Errorf("the rolled-back wing revision should not be in the shared baseline:\n%s", res.Out)
	}
	if n := len(res.Env.Fake.RequestsFor("bulk_create_access")); n != 1 {
		t.Errorf("bulk_create_access sent %d times, want 1", n)
	}
}

// TestRunWithoutSecondUser plays a real registry (Env.Fake is nil) with no second user configured: every
// branching step runs and the sharing step explains what it needs.
func TestRunWithoutSecondUser(t *testing.T) {
	t.Setenv(envSecondToken, "")
	t.Setenv(envSecondUserID, "")
	out, srv := exampletest.RunAsRealRegistry(t, run)
	exampletest.Contains(t, out, `merged "design-b" into the baseline`, "sharing skipped", envSecondToken)
	if n := len(srv.RequestsFor("bulk_create_access")); n != 0 {
		t.Errorf("bulk_create_access sent %d times, want 0", n)
	}
}
