package istari

// Helpers of the hostile-server tests: each test beside the code it covers starts loopback httptest servers
// that play a broken or hostile registry, proxy or object store, and a client pointed at them.

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// hostileToken is the registry token of hostile tests: it must never appear where a test looks.
const hostileToken = "hostile-TOKEN-0123456789abcdef"

// hits records what a loopback server received.
type hits struct {
	mu    sync.Mutex
	auths []string // Authorization header of each request ("" when absent)
	paths []string
}

func (h *hits) add(r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.auths = append(h.auths, r.Header.Get("Authorization"))
	h.paths = append(h.paths, r.URL.Path)
}

func (h *hits) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.paths)
}

func (h *hits) authorizations() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.auths...)
}

// recordingServer is a plain loopback server that records each request and answers with answer.
func recordingServer(t *testing.T, answer http.HandlerFunc) (*httptest.Server, *hits) {
	t.Helper()
	h := &hits{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, h
}

// hostileClient is testClient on the registry at base with the hostile token and no cache. hc may be nil
// (the SDK's own transport).
func hostileClient(t *testing.T, base string, hc *http.Client, mutate ...func(*Configuration)) *Client {
	t.Helper()
	setup := func(cfg *Configuration) {
		cfg.FilesystemCacheEnabled = Bool(false)
		cfg.RouteDiscovery = RouteDiscoveryOff // each hostile server answers one call; discovery has its own tests
		cfg.HTTPClient = hc
	}
	return testClient(t, base, hostileToken, append([]func(*Configuration){setup}, mutate...)...)
}

// pinnedClient is an http.Client that trusts tlsSrv's certificate and dials tlsSrv for every host name, so a
// registry URL such as https://example.com (a name in the httptest certificate) reaches the loopback server
// without leaving the machine. Every other address asked for is recorded in dialed and refused, never dialed.
func pinnedClient(t *testing.T, tlsSrv *httptest.Server, registryHost string) (*http.Client, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var dialed []string
	base := tlsSrv.Client().Transport.(*http.Transport).Clone()
	target := tlsSrv.Listener.Addr().String()
	base.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, _ := net.SplitHostPort(addr); host != registryHost {
			mu.Lock()
			dialed = append(dialed, addr)
			mu.Unlock()
			return nil, &net.OpError{Op: "dial", Net: network, Err: errRefusedByTest}
		}
		var d net.Dialer
		return d.DialContext(ctx, network, target)
	}
	base.TLSClientConfig = base.TLSClientConfig.Clone()
	base.TLSClientConfig.MinVersion = tls.VersionTLS12
	return &http.Client{Transport: base}, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), dialed...)
	}
}

var errRefusedByTest = &net.AddrError{Err: "the test refuses to dial this address", Addr: "non-registry"}

// noSecretIn fails when any of texts holds one of secrets.
func noSecretIn(t *testing.T, texts []string, secrets ...string) {
	t.Helper()
	for _, text := range texts {
		for _, s := range secrets {
			if s != "" && strings.Contains(text, s) {
				t.Errorf("secret %q leaked in %q", s, text)
			}
		}
	}
}
