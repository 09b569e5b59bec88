// Command observability shows the SDK's OpenTelemetry instrumentation. It installs an OpenTelemetry SDK
// tracer provider, meter provider and the W3C trace-context propagator as the process globals (the SDK's
// defaults), with the stdout exporters, then runs a quickstart-like workload under one application span: a
// multipart upload with one part refused once (503) and retried, two reads of the content (a cache miss,
// then a hit), a job and its wait, and a lookup of a model that does not exist. It prints the span tree
// decoded from the stdout trace exporter's output, then the SDK's metrics as the stdout metric exporter
// hands them over.
//
//	go run ./examples/observability
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
)

func main() {
	setup.Main(2*time.Minute, run)
}

// telemetry is what the application installs: providers with the stdout exporters. Spans go, as JSON lines,
// to spans; metrics go to metricsOut through a summarising encoder.
type telemetry struct {
	tp    *sdktrace.TracerProvider
	mp    *sdkmetric.MeterProvider
	spans *bytes.Buffer
}

// install sets the global tracer provider, meter provider and propagator, as a service does at start-up. The
// SDK client reads nothing else: its Configuration leaves TracerProvider, MeterProvider and Propagator nil.
func install(metricsOut io.Writer) (*telemetry, error) {
	spans := &bytes.Buffer{}
	traceExp, err := stdouttrace.New(stdouttrace.WithWriter(spans))
	if err != nil {
		return nil, err
	}
	metricExp, err := stdoutmetric.New(stdoutmetric.WithEncoder(metricSummary{metricsOut}))
	if err != nil {
		return nil, err
	}
	tel := &telemetry{
		tp:    sdktrace.NewTracerProvider(sdktrace.WithSyncer(traceExp)),
		mp:    sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(metricExp, sdkmetric.WithInterval(time.Hour)))),
		spans: spans,
	}
	otel.SetTracerProvider(tel.tp)
	otel.SetMeterProvider(tel.mp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	return tel, nil
}

// run installs the telemetry, runs the workload and prints the span tree and the metrics.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	tel, err := install(w)
	if err != nil {
		return err
	}
	if err := workload(ctx, env, w); err != nil {
		return err
	}
	if err := tel.tp.ForceFlush(ctx); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nspan tree (from the stdout trace exporter):")
	if err := printTree(w, tel.spans); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nmetrics (from the stdout metric exporter):")
	return errors.Join(tel.tp.Shutdown(ctx), tel.mp.Shutdown(ctx)) // the meter provider exports once on shutdown
}

// workload is the quickstart-like run, under one application span.
func workload(ctx context.Context, env *setup.Env, w io.Writer) (err error) {
	ctx, span := otel.Tracer("example/observability").Start(ctx, "example.workload")
	defer span.End()

	// A client with a small multipart threshold, so that 160 KiB go up in three parts.
	cfg := env.Config
	cfg.MultipartThreshold, cfg.MultipartChunkSize, cfg.UploadConcurrency = 64<<10, 64<<10, 1
	client, err := istari.NewClient(cfg)
	if err != nil {
		return err
	}
	defer func() { _ = client.Close() }()

	content := bytes.Repeat([]byte("0123456789abcdef"), 10<<10)
	if env.Fake != nil {
		env.Fake.InjectFault(istaritest.Fault{Op: "storage.put", Status: http.StatusServiceUnavailable})
	}
	model, err := client.AddModelFromReader(ctx, "wing.bin", bytes.NewReader(content), nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "uploaded model %s (%d bytes)\n", model.ID, len(content))

	for range 2 {
		got, err := client.ReadBytes(ctx, model.Revision().ContentToken())
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "read %d bytes back, equal: %t\n", len(got), bytes.Equal(got, content))
	}

	if env.Fake != nil {
		env.Fake.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
		env.Fake.HandleFunction("@istari:extract", func(ctx context.Context, _ istaritest.JobContext) error {
			select { // a little work, so that the wait polls a few times
			case <-time.After(50 * time.Millisecond):
			case <-ctx.Done():
			}
			return nil
		})
	}
	job, err := client.AddJob(ctx, model.ID, "@istari:extract", &istari.AddJobOptions{Parameters: map[string]any{"scale": 2}})
	if err != nil {
		return err
	}
	done, err := client.WaitForJob(ctx, job.ID, &istari.WaitOptions{Interval: 20 * time.Millisecond})
	if err != nil {
		return err
	}
	final, _ := done.Status()
	fmt.Fprintf(w, "job %s ended %s\n", done.ID, final.Name)

	_, err = client.GetModel(ctx, "00000000-0000-0000-0000-000000000000")
	fmt.Fprintf(w, "looking up a missing model: not found = %t\n", errors.Is(err, istari.ErrNotFound))
	return nil
}

// stubSpan is the part of the stdout trace exporter's JSON that the tree needs.
type stubSpan struct {
	Name        string
	SpanContext struct{ SpanID string }
	Parent      struct{ SpanID string }
	StartTime   time.Time
	Attributes  []struct {
		Key   string
		Value struct{ Value any }
	}
	Status struct{ Code string }
}

// shown are the attributes printed beside a span name.
var shown = []string{
	"http.response.status_code", "http.request.resend_count", "istari.transfer.part",
	"istari.transfer.bytes", "istari.cache.result", "istari.job.poll", "istari.job.status", "error.type",
}

// printTree decodes the exporter's JSON lines and prints the spans as a tree, children in start order.
func printTree(w io.Writer, exported *bytes.Buffer) error {
	var spans []stubSpan
	dec := json.NewDecoder(exported)
	for dec.More() {
		var s stubSpan
		if err := dec.Decode(&s); err != nil {
			return err
		}
		spans = append(spans, s)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].StartTime.Before(spans[j].StartTime) })
	ids := map[string]bool{}
	for _, s := range spans {
		ids[s.SpanContext.SpanID] = true
	}
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, s := range spans {
			isRoot := parent == "" && !ids[s.Parent.SpanID]
			if !isRoot && (parent == "" || s.Parent.SpanID != parent) {
				continue
			}
			var extra []string
			for _, a := range s.Attributes {
				if slices.Contains(shown, a.Key) {
					extra = append(extra, fmt.Sprintf("%s=%v", a.Key, a.Value.Value))
				}
			}
			if s.Status.Code == "Error" {
				extra = append(extra, "ERROR")
			}
			fmt.Fprintf(w, "%s%s  %s\n", strings.Repeat("  ", depth), s.Name, strings.Join(extra, " "))
			walk(s.SpanContext.SpanID, depth+1)
		}
	}
	walk("", 0)
	fmt.Fprintf(w, "(%d spans)\n", len(spans))
	return nil
}

// metricSummary is a stdoutmetric encoder that prints one line per data point of the SDK's instruments,
// sorted.
type metricSummary struct{ w io.Writer }

func (m metricSummary) Encode(v any) error {
	rm, ok := v.(*metricdata.ResourceMetrics)
	if !ok {
		return fmt.Errorf("unexpected metric data %T", v)
	}
	var lines []string
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != "github.com/istari-sdk/istari-go" {
			continue
		}
		for _, met := range sm.Metrics {
			switch data := met.Data.(type) {
			case metricdata.Sum[int64]:
				for _, dp := range data.DataPoints {
					lines = append(lines, fmt.Sprintf("%s{%s} = %d", met.Name, attrs(dp.Attributes), dp.Value))
				}
			case metricdata.Histogram[float64]:
				for _, dp := range data.DataPoints {
					lines = append(lines, fmt.Sprintf("%s{%s} count=%d", met.Name, attrs(dp.Attributes), dp.Count))
				}
			}
		}
	}
	sort.Strings(lines)
	_, err := fmt.Fprintln(m.w, strings.Join(lines, "\n"))
	return err
}

func attrs(set attribute.Set) string {
	return set.Encoded(attribute.DefaultEncoder())
}
