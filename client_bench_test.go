package istari

// Performance proof (issue 8): SDK hot paths beside a plain net/http + encoding/json baseline against the SAME
// in-process fake registry. Each benchmark times the SDK and the baseline alternately inside one loop, so both
// see the same server state, GC pressure and CPU frequency, and reports:
//
//	sdk-ns/op, base-ns/op      time of one SDK / baseline operation
//	sdk/baseline               their ratio (targets: GetModel <= 1.3, 10,000-model walk <= 1.1)
//	sdk-allocs/op, base-allocs/op  allocations per operation (testing.AllocsPerRun, outside the timed loop)
//	conns                      connections the fake accepted (concurrency benchmark: shows pooling)
//
// Run: go test -run '^$' -bench 'BenchmarkPerf(Get|Concurrent)' -benchtime=3000x .  and  -bench BenchmarkPerfWalkModels -benchtime=2x
// (one walk takes seconds: the fake rebuilds and ACL-filters all 10,000 rows for every page).

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// perfEnv is a fake registry with a client on it and a plain http.Client for the baseline (each with its own
// default-sized pool, keep-alive on both).
type perfEnv struct {
	srv   *istaritest.Server
	c     *Client
	plain *http.Client
}

func newPerfEnv(b *testing.B) perfEnv {
	b.Helper()
	srv := istaritest.NewServer()
	b.Cleanup(srv.Close)
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token()), FilesystemCacheEnabled: Bool(false)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	plain := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	b.Cleanup(plain.CloseIdleConnections)
	return perfEnv{srv: srv, c: c, plain: plain}
}

// baselineGet is the hand-written equivalent of an SDK GET: bearer header, status check, JSON decode.
func (e perfEnv) baselineGet(ctx context.Context, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+e.srv.Token())
	req.Header.Set("Accept", "application/json")
	resp, err := e.plain.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return nil
}

// report writes the per-side times, their ratio and the per-side allocations.
func reportPair(b *testing.B, sdk, base time.Duration, n int, sdkAllocs, baseAllocs float64) {
	b.ReportMetric(float64(sdk.Nanoseconds())/float64(n), "sdk-ns/op")
	b.ReportMetric(float64(base.Nanoseconds())/float64(n), "base-ns/op")
	b.ReportMetric(float64(sdk)/float64(base), "sdk/baseline")
	b.ReportMetric(sdkAllocs, "sdk-allocs/op")
	b.ReportMetric(baseAllocs, "base-allocs/op")
}

func BenchmarkPerfGetModel(b *testing.B) {
	e := newPerfEnv(b)
	ctx := context.Background()
	seeded := e.srv.SeedModel(e.srv.Owner(), "wing.json", []byte(`{"span":12}`))
	url := e.c.RegistryURL() + "/api/v2/models/" + seeded.ModelID
	sdkOp := func() {
		m, err := e.c.GetModel(ctx, seeded.ModelID)
		if err != nil || m.ID != seeded.ModelID {
			b.Fatalf("sdk: %v", err)
		}
	}
	baseOp := func() {
		var m types.Model
		if err := e.baselineGet(ctx, url, &m); err != nil || m.ID != seeded.ModelID {
			b.Fatalf("baseline: %v", err)
		}
	}
	for range 50 { // warm both pools
		sdkOp()
		baseOp()
	}
	b.ReportAllocs()
	b.ResetTimer()
	var sdk, base time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		sdkOp()
		t1 := time.Now()
		baseOp()
		sdk += t1.Sub(t0)
		base += time.Since(t1)
	}
	b.StopTimer()
	reportPair(b, sdk, base, b.N, testing.AllocsPerRun(200, sdkOp), testing.AllocsPerRun(200, baseOp))
}

// seedModels stores n small models straight into the fake (no upload traffic).
func seedModels(srv *istaritest.Server, n int) {
	owner := srv.Owner()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1); i <= int64(n); i = next.Add(1) {
				srv.SeedModel(owner, "m"+strconv.FormatInt(i, 10)+".json", []byte(`{"i":`+strconv.FormatInt(i, 10)+`}`))
			}
		}()
	}
	wg.Wait()
}

func BenchmarkPerfWalkModels(b *testing.B) {
	const total, size = 10_000, 100
	e := newPerfEnv(b)
	ctx := context.Background()
	seedModels(e.srv, total)
	sdkOp := func() {
		n := 0
		for item, err := range All(ctx, &ListModelsParams{PageOptions: PageOptions{Size: size}}, e.c.ListModels) {
			if err != nil || len(item.Extra) == 0 {
				b.Fatalf("sdk: %v", err)
			}
			n++
		}
		if n != total {
			b.Fatalf("sdk walked %d models, want %d", n, total)
		}
	}
	baseOp := func() {
		n := 0
		for page := 1; page <= total/size; page++ {
			var p struct {
				Items []types.ModelListItem `json:"items"`
				Total *int                  `json:"total"`
				Page  *int                  `json:"page"`
				Size  *int                  `json:"size"`
				Pages *int                  `json:"pages"`
			}
			url := e.c.RegistryURL() + "/api/v2/models?page=" + strconv.Itoa(page) + "&size=" + strconv.Itoa(size)
			if err := e.baselineGet(ctx, url, &p); err != nil {
				b.Fatalf("baseline: %v", err)
			}
			n += len(p.Items)
		}
		if n != total {
			b.Fatalf("baseline walked %d models, want %d", n, total)
		}
	}
	sdkOp() // warm up (and check the counts) outside the timing
	baseOp()
	b.ReportAllocs()
	b.ResetTimer()
	var sdk, base time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		sdkOp()
		t1 := time.Now()
		baseOp()
		sdk += t1.Sub(t0)
		base += time.Since(t1)
	}
	b.StopTimer()
	reportPair(b, sdk, base, b.N, testing.AllocsPerRun(1, sdkOp), testing.AllocsPerRun(1, baseOp))
}

func BenchmarkPerfConcurrentGetModel(b *testing.B) {
	const workers = 100
	e := newPerfEnv(b)
	ctx := context.Background()
	seeded := e.srv.SeedModel(e.srv.Owner(), "wing.json", []byte(`{"span":12}`))
	connsBefore := e.srv.ConnectionCount()
	b.ReportAllocs()
	b.ResetTimer()
	var errs atomic.Int64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				if m, err := e.c.GetModel(ctx, seeded.ModelID); err != nil || m.ID != seeded.ModelID {
					errs.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	if n := errs.Load(); n != 0 {
		b.Fatalf("%d of %d concurrent GetModel calls failed", n, b.N)
	}
	conns := float64(e.srv.ConnectionCount() - connsBefore)
	b.ReportMetric(conns, "conns")
	b.ReportMetric(float64(b.N)/max(conns, 1), "calls/conn")
	b.ReportMetric(workers, "goroutines")
}
