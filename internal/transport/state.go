package transport

import (
	"context"
	"net/url"
	"sync/atomic"
	"time"
)

// attemptState travels in the request context so that the retry policy and the per-attempt round
// tripper know the method, whether the request was written, and how many attempts were made.
type attemptState struct {
	method     string
	idempotent bool
	registry   bool
	label      string
	template   string
	timeout    time.Duration
	checkURL   func(*url.URL) error // extra redirect check, nil = none
	attempts   int                  // set before each attempt, read after Do returns (same goroutine)
	wrote      atomic.Bool          // set from the connection's write loop
}

type stateKey struct{}

func stateFrom(ctx context.Context) *attemptState {
	st, _ := ctx.Value(stateKey{}).(*attemptState)
	return st
}
