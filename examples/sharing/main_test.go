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
	exampletest.Contains(t, res.Out, "other user: bob", "before sharing, bob cannot see it (not found)",
		"shared it with bob as viewer", "bob reads model", ": viewer", "bob cannot update it, as expected: ")
}

// TestRunWithoutSecondUser plays a real registry (Env.Fake is nil) with no second user configured: the
// example explains what it needs and succeeds without a request.
func TestRunWithoutSecondUser(t *testing.T) {
	t.Setenv(envSecondToken, "")
	t.Setenv(envSecondUserID, "")
	out, srv := exampletest.RunAsRealRegistry(t, run)
	exampletest.Contains(t, out, "needs a second user", envSecondToken, envSecondUserID)
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}
