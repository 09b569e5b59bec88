// Command fakeserver runs the istaritest fake registry as a process for the Python cross-check: it prints one
// JSON line with the registry URL, the seeded users and their tokens, then serves until stdin closes or it is
// interrupted. The tokens are the fake's own throwaway credentials on loopback.
package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/istari-sdk/istari-go/istaritest"
)

// extractFunction is the function the simulated agent runs in the jobs scenario.
const extractFunction = "@istari:extract"

type user struct {
	ID    string `json:"id"`
	Token string `json:"token"`
	Email string `json:"email"`
}

func main() {
	fake := istaritest.NewServer()
	defer fake.Close()
	fake.RegisterFunction(istaritest.FunctionSpec{Name: extractFunction})
	fake.HandleFunction(extractFunction, func(_ context.Context, _ istaritest.JobContext) error { return nil })
	owner, bob := fake.Owner(), fake.AddUser("bob")
	out := map[string]any{
		"url":      fake.URL,
		"function": extractFunction,
		"owner":    user{owner.ID, owner.Token, owner.Email},
		"bob":      user{bob.ID, bob.Token, bob.Email},
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		return // stdout closed: nobody is waiting for the fake
	}
	done := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); close(done) }()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	select {
	case <-done:
	case <-sig:
	}
}
