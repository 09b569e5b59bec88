package istari_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// newFakeClient starts a fake registry and a client for it.
func newFakeClient(t *testing.T, mutate ...func(*istari.Configuration)) (*istari.Client, *istaritest.Server) {
	t.Helper()
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	cfg := istari.Configuration{
		RegistryURL:            srv.URL,
		RegistryAuthToken:      istari.Secret(srv.Token()),
		RetryMinInterval:       time.Millisecond,
		RetryMaxInterval:       20 * time.Millisecond,
		FilesystemCacheEnabled: istari.Bool(false),
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := istari.NewClient(cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c, srv
}

func TestFakeRegistryCompatibilityEndToEnd(t *testing.T) {
	c, _ := newFakeClient(t)
	res, err := c.CheckCompatibility(context.Background())
	require.NoError(t, err)
	require.NotNil(t, res)
	assert.Equal(t, istaritest.DefaultVersion, *res.ServerVersion)
	assert.Equal(t, "compatible", string(*res.Status))
}

func TestRetryAfterFromTheFakeIsHonouredWithinTheCap(t *testing.T) {
	c, srv := newFakeClient(t)
	srv.InjectFault(istaritest.Fault{Op: "liveness_check", Status: 429, RetryAfter: "1", Times: 2})
	h, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 200, h.StatusCode)
	assert.Len(t, srv.RequestsFor("liveness_check"), 3, "two 429s then success")
}

func TestRateLimitOutlastingRetriesIsErrRateLimited(t *testing.T) {
	c, srv := newFakeClient(t)
	srv.InjectFault(istaritest.Fault{Op: "readiness_check", Status: 429, Times: 5})
	_, err := c.ReadinessCheck(context.Background())
	require.ErrorIs(t, err, istari.ErrRateLimited)
	var apiErr *istari.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 3, apiErr.Attempts)
}

func TestDroppedConnectionOnGetIsRetried(t *testing.T) {
	c, srv := newFakeClient(t)
	srv.InjectFault(istaritest.Fault{Op: "liveness_check", Drop: true})
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
}

func TestOneClientSharedByManyGoroutinesReusesConnections(t *testing.T) {
	c, srv := newFakeClient(t)
	const workers, calls = 100, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*calls)
	for range workers {
		wg.Go(func() {
			for range calls {
				if _, err := c.LivenessCheck(context.Background()); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Len(t, srv.RequestsFor("liveness_check"), workers*calls)
	assert.Less(t, srv.ConnectionCount(), int64(workers*calls/4), "connections are pooled, not one per call")
}
