package istari

// Benchmarks of large uploads and downloads through the SDK against the in-process fake registry, each beside a
// plain baseline doing the same work by hand: the same SHA-384 pass, then a plain net/http PUT (or GET) of the
// presigned URL of the same server. They report:
//
//	sdk/baseline   SDK time divided by baseline time (target <= 1.15)
//	peak-heap-MiB  the highest HeapInuse sampled while the SDK transfer ran (target < 32 MiB, flat as size grows)
//
// The size is ISTARI_BENCH_SIZE bytes (default 64 MiB); `ISTARI_BENCH_SIZE=1073741824 make bench` moves 1 GiB.

import (
	"context"
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

func benchSize(b *testing.B) int64 {
	if v := os.Getenv("ISTARI_BENCH_SIZE"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			b.Fatalf("ISTARI_BENCH_SIZE=%q is not a positive byte count", v)
		}
		return n
	}
	return 64 << 20
}

// benchFile writes size bytes (a random 1 MiB block repeated) to a temp file.
func benchFile(b *testing.B, size int64) string {
	b.Helper()
	block := make([]byte, 1<<20)
	_, _ = rand.Read(block)
	path := filepath.Join(b.TempDir(), "bench.bin")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	for left := size; left > 0; left -= int64(len(block)) {
		if _, err := f.Write(block[:min(left, int64(len(block)))]); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchClient(b *testing.B) (*Client, *istaritest.Server) {
	b.Helper()
	srv := istaritest.NewServer()
	b.Cleanup(srv.Close)
	c, err := NewClient(Configuration{
		RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token()), FilesystemCacheEnabled: Bool(false),
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return c, srv
}

// heapSampler records the peak HeapInuse while running.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		// runtime/metrics reads heap statistics without stopping the world (runtime.ReadMemStats would,
		// every 2 ms, and slow down whatever is being measured).
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) done() float64 {
	close(h.stop)
	h.wg.Wait()
	return float64(h.peak.Load()) / (1 << 20)
}

// plainStorageURL asks the fake for a presigned URL with plain net/http.
func plainStorageURL(b *testing.B, srv *istaritest.Server, op, sha, salt string) string {
	b.Helper()
	path := "/api/v2/tokens/" + sha + map[string]string{"upload": "/upload-url", "download": "/download-url"}[op]
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var out types.PresignedURL
	if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&out) != nil {
		b.Fatalf("%s url: status %d", op, resp.StatusCode)
	}
	return out.URL
}

func fileSHA(b *testing.B, path, salt string) string {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	h := sha512.New384()
	if _, err := io.CopyBuffer(h, f, make([]byte, 256<<10)); err != nil {
		b.Fatal(err)
	}
	h.Write([]byte(salt))
	return hex.EncodeToString(h.Sum(nil))
}

// baselineUpload: hash pass, upload URL, plain PUT of the file.
func baselineUpload(b *testing.B, srv *istaritest.Server, path, salt string, size int64) {
	sha := fileSHA(b, path, salt)
	u := plainStorageURL(b, srv, "upload", sha, salt)
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	req, _ := http.NewRequest(http.MethodPut, u, f)
	req.ContentLength = size
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("baseline PUT: %d", resp.StatusCode)
	}
}

// baselineDownload: download URL, plain GET hashed while streaming.
func baselineDownload(b *testing.B, srv *istaritest.Server, tok types.Token) {
	u := plainStorageURL(b, srv, "download", tok.SHA, tok.Salt)
	resp, err := http.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	h := sha512.New384()
	if _, err := io.CopyBuffer(h, resp.Body, make([]byte, 256<<10)); err != nil {
		b.Fatal(err)
	}
	h.Write([]byte(tok.Salt))
	if hex.EncodeToString(h.Sum(nil)) != tok.SHA {
		b.Fatal("baseline checksum mismatch")
	}
}

func BenchmarkUploadLargeFile(b *testing.B) {
	size := benchSize(b)
	path := benchFile(b, size)
	c, srv := benchClient(b)
	ctx := context.Background()
	salt := "benchmark-salt" // fixed, so every iteration overwrites the same stored object
	b.SetBytes(size)
	compareWithBaseline(b, func() {
		if _, err := c.UpdateRevisionContent(ctx, path, salt, nil); err != nil {
			b.Fatal(err)
		}
	}, func() { baselineUpload(b, srv, path, salt, size) })
}

func BenchmarkDownloadLargeFile(b *testing.B) {
	size := benchSize(b)
	path := benchFile(b, size)
	c, srv := benchClient(b)
	ctx := context.Background()
	rev, err := c.CreateRevision(ctx, path, nil)
	if err != nil {
		b.Fatal(err)
	}
	tok := rev.ContentToken()
	b.SetBytes(size)
	compareWithBaseline(b, func() {
		if err := c.ReadContents(ctx, tok, io.Discard, nil); err != nil {
			b.Fatal(err)
		}
	}, func() { baselineDownload(b, srv, tok) })
}

// compareWithBaseline times sdk and baseline b.N times each, alternating which goes first so that neither
// profits from a warm cache, with the same heap sampler running on both sides. It reports the SDK's share of
// time as "sdk/baseline" and the SDK's peak heap as "peak-heap-MiB". The benchmark's own ns/op covers both.
func compareWithBaseline(b *testing.B, sdk, baseline func()) {
	b.Helper()
	var sdkTime, baseTime time.Duration
	var peak float64
	measure := func(f func(), total *time.Duration) float64 {
		runtime.GC()
		heap := startHeapSampler()
		start := time.Now()
		f()
		*total += time.Since(start)
		return heap.done()
	}
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			peak = max(peak, measure(sdk, &sdkTime))
			measure(baseline, &baseTime)
		} else {
			measure(baseline, &baseTime)
			peak = max(peak, measure(sdk, &sdkTime))
		}
	}
	b.ReportMetric(float64(sdkTime)/float64(baseTime), "sdk/baseline")
	b.ReportMetric(peak, "peak-heap-MiB")
}
