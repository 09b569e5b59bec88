package istari

// Cost of the OpenTelemetry instrumentation on the small call (GetModel against the in-process fake), three
// clients timed alternately inside one loop so that all see the same server state and CPU (median times):
//
//	base-ns/op    a client built without instrumentation (no telemetry in the client or its transport)
//	noprov-ns/op  the default client: global providers with nothing installed (target: within 2% of base)
//	sdk-ns/op     a client with an SDK tracer provider (batching to a no-op exporter) and meter provider
//	control/base  a second uninstrumented client against base: the noise floor of the ratios on this machine
//
// Run: go test -run '^$' -bench BenchmarkPerfTelemetryGetModel -benchtime=3000x -count=3 .  (make bench-telemetry)

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/istaritest"
)

// uninstrumented removes the telemetry from c: the client's hooks then see a nil *telemetry.Telemetry and the
// transport is rebuilt, with the options NewClient gives it, without one.
func uninstrumented(b *testing.B, c *Client) {
	b.Helper()
	rt, err := c.cfg.newHTTPTransport()
	if err != nil {
		b.Fatal(err)
	}
	c.tel = nil
	c.tr = transport.New(transport.Options{
		HTTPClient:     &http.Client{Transport: rt},
		MaxAttempts:    c.cfg.retryAttempts(),
		MinInterval:    c.cfg.retryMinInterval(),
		MaxInterval:    c.cfg.retryMaxInterval(),
		Jitter:         c.cfg.retryJitter(),
		AttemptTimeout: c.cfg.HTTPRequestTimeout,
		Logger:         c.logger,
		OnResponse:     c.compat.observe,
	})
	c.initFiles()
}

func BenchmarkPerfTelemetryGetModel(b *testing.B) {
	srv := istaritest.NewServer()
	b.Cleanup(srv.Close)
	newC := func(mutate func(*Configuration)) *Client {
		cfg := Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(srv.Token()), FilesystemCacheEnabled: Bool(false)}
		if mutate != nil {
			mutate(&cfg)
		}
		c, err := NewClient(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = c.Close() })
		return c
	}
	base := newC(nil)
	uninstrumented(b, base)
	control := newC(nil) // a second uninstrumented client: its ratio to base is the noise floor
	uninstrumented(b, control)
	noprov := newC(nil)
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewNoopExporter()))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	b.Cleanup(func() { _ = tp.Shutdown(context.Background()); _ = mp.Shutdown(context.Background()) })
	withSDK := newC(func(c *Configuration) { c.TracerProvider, c.MeterProvider = tp, mp })

	ctx := context.Background()
	seeded := srv.SeedModel(srv.Owner(), "wing.json", []byte(`{"span":12}`))
	op := func(c *Client) func() {
		return func() {
			m, err := c.GetModel(ctx, seeded.ModelID)
			if err != nil || m.ID != seeded.ModelID {
				b.Fatalf("GetModel: %v", err)
			}
		}
	}
	ops := []func(){op(base), op(noprov), op(withSDK), op(control)}
	for range 50 { // warm the pools
		for _, f := range ops {
			f()
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var spent [4][]time.Duration
	for i := 0; i < b.N; i++ {
		for k := range ops {
			j := (i + k) % len(ops) // rotate the order so that none always runs first
			t0 := time.Now()
			ops[j]()
			spent[j] = append(spent[j], time.Since(t0))
		}
	}
	b.StopTimer()
	// Medians: on a shared machine a few slow calls would otherwise decide the ratios.
	var med [4]float64
	for k := range spent {
		slices.Sort(spent[k])
		med[k] = float64(spent[k][len(spent[k])/2].Nanoseconds())
	}
	b.ReportMetric(med[0], "base-ns/op")
	b.ReportMetric(med[1], "noprov-ns/op")
	b.ReportMetric(med[2], "sdk-ns/op")
	b.ReportMetric(med[1]/med[0], "noprov/base")
	b.ReportMetric(med[2]/med[0], "sdk/base")
	b.ReportMetric(med[3]/med[0], "control/base")
	b.ReportMetric(testing.AllocsPerRun(200, ops[0]), "base-allocs/op")
	b.ReportMetric(testing.AllocsPerRun(200, ops[1]), "noprov-allocs/op")
	b.ReportMetric(testing.AllocsPerRun(200, ops[2]), "sdk-allocs/op")
}
