package istari

import (
	"bytes"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
)

const (
	testToken = "tok-SUPER-SECRET-123"
	testBase  = "https://registry.example.test"
)

// mockClient returns a client whose HTTP traffic goes to an httpmock transport.
func mockClient(t *testing.T, mutate ...func(*Configuration)) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	cfg := Configuration{
		RegistryURL:       testBase + "/",
		RegistryAuthToken: testToken,
		RetryMinInterval:  time.Millisecond,
		RetryMaxInterval:  2 * time.Millisecond,
		HTTPClient:        &http.Client{Transport: wireRecorder{mt}},
		RouteDiscovery:    RouteDiscoveryOff, // wire tests register exact responders; discovery has its own tests
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := NewClient(cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c, mt
}

// logBuffer is a concurrency-safe buffer behind a DEBUG text logger.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func readAll(r *http.Request) string {
	if r.Body == nil {
		return ""
	}
	b := new(bytes.Buffer)
	_, _ = b.ReadFrom(r.Body)
	return b.String()
}
