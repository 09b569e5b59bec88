package istari

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	tracenoop "go.opentelemetry.io/otel/trace/noop"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/istaritest"
)

// otelEnv is a fake registry and a client whose spans go to an in-memory recorder and whose metrics are read by
// a manual reader, with the W3C trace-context propagator.
type otelEnv struct {
	srv    *istaritest.Server
	c      *Client
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
}

func newOtelEnv(t *testing.T, mutate ...func(*Configuration)) otelEnv {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	reader := sdkmetric.NewManualReader()
	providers := func(cfg *Configuration) {
		cfg.TracerProvider = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
		cfg.MeterProvider = sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
		cfg.Propagator = propagation.TraceContext{}
		cfg.RouteDiscovery = RouteDiscoveryOff // the span trees and counts are of the calls alone
	}
	c, srv := fakeClient(t, append([]func(*Configuration){providers}, mutate...)...)
	return otelEnv{srv: srv, c: c, spans: rec, reader: reader}
}

// spanTree indexes ended spans by id and by parent.
type spanTree struct {
	all      []sdktrace.ReadOnlySpan
	children map[string][]sdktrace.ReadOnlySpan
}

func newSpanTree(spans []sdktrace.ReadOnlySpan) spanTree {
	st := spanTree{all: spans, children: map[string][]sdktrace.ReadOnlySpan{}}
	for _, s := range spans {
		st.children[s.Parent().SpanID().String()] = append(st.children[s.Parent().SpanID().String()], s)
	}
	for _, kids := range st.children {
		sortByStart(kids)
	}
	return st
}

func sortByStart(s []sdktrace.ReadOnlySpan) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].StartTime().Before(s[j-1].StartTime()); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// last is the last ended span named name, nil when none.
func (st spanTree) last(name string) sdktrace.ReadOnlySpan {
	var found sdktrace.ReadOnlySpan
	for _, s := range st.all {
		if s.Name() == name {
			found = s
		}
	}
	return found
}

func (st spanTree) kids(s sdktrace.ReadOnlySpan) []sdktrace.ReadOnlySpan {
	return st.children[s.SpanContext().SpanID().String()]
}

func names(spans []sdktrace.ReadOnlySpan) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.Name()
	}
	return out
}

func attrsOf(s sdktrace.ReadOnlySpan) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range s.Attributes() {
		m[kv.Key] = kv.Value
	}
	return m
}

// render is the indented tree below the roots, one "name" per line, for failure messages.
func (st spanTree) render() string {
	var b strings.Builder
	var walk func(s sdktrace.ReadOnlySpan, depth int)
	walk = func(s sdktrace.ReadOnlySpan, depth int) {
		fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth), s.Name())
		for _, k := range st.kids(s) {
			walk(k, depth+1)
		}
	}
	for _, s := range st.all {
		if !s.Parent().IsValid() {
			walk(s, 0)
		}
	}
	return b.String()
}

func TestTelemetryAddModelMultipartSpanTree(t *testing.T) {
	e := newOtelEnv(t, func(c *Configuration) {
		c.MultipartThreshold = 1000
		c.MultipartChunkSize = 512
		c.UploadConcurrency = 1 // parts in order: the fault hits part 1
	})
	content := bytes.Repeat([]byte("SECRET-CONTENT-"), 100) // 1500 bytes: parts of 512, 512, 476
	e.srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: http.StatusServiceUnavailable})

	m, err := e.c.AddModelFromReader(context.Background(), "wing.bin", bytes.NewReader(content), nil)
	require.NoError(t, err)
	require.Zero(t, e.srv.PendingFaults())

	tree := newSpanTree(e.spans.Ended())
	var roots []sdktrace.ReadOnlySpan
	for _, s := range tree.all {
		if !s.Parent().IsValid() {
			roots = append(roots, s)
		}
	}
	require.Len(t, roots, 1, tree.render())
	root := roots[0]
	assert.Equal(t, "istari.AddModel", root.Name())
	assert.Equal(t, "AddModel", attrsOf(root)[telemetry.KeyOperation].AsString())
	assert.Equal(t, codes.Unset, root.Status().Code)
	for _, s := range tree.all {
		assert.Equal(t, root.SpanContext().TraceID(), s.SpanContext().TraceID(), "one trace: %s", s.Name())
	}

	// AddModel = the content in parts, then the properties blob, then create_model. create_multipart_upload
	// answers every part's URL, so nothing else is asked of the registry until finalize_multipart_upload.
	rev := tree.kids(root)
	require.Equal(t, []string{
		"istari.create_multipart_upload",
		"istari.upload_part", "istari.upload_part", "istari.upload_part",
		"istari.finalize_multipart_upload", "istari.generate_upload_url", "istari.upload",
		"istari.create_model",
	}, names(rev), tree.render())

	// Parts: number, size, bytes; part 1 took two attempts, the second a resend after the 503.
	var parts []sdktrace.ReadOnlySpan
	for _, sp := range rev {
		if sp.Name() == "istari.upload_part" {
			parts = append(parts, sp)
		}
	}
	require.Len(t, parts, 3, tree.render())
	var partBytes int64
	for i, p := range parts {
		a := attrsOf(p)
		assert.Equal(t, int64(i+1), a[telemetry.KeyPartNumber].AsInt64())
		assert.Equal(t, "upload", a[telemetry.KeyDirection].AsString())
		assert.Equal(t, a[telemetry.KeySize].AsInt64(), a[telemetry.KeyBytes].AsInt64())
		partBytes += a[telemetry.KeyBytes].AsInt64()
		attempts := tree.kids(p)
		want := 1
		if i == 0 {
			want = 2
		}
		require.Len(t, attempts, want, tree.render())
		for n, at := range attempts {
			aa := attrsOf(at)
			assert.Equal(t, "PUT", at.Name(), "no url.template for presigned storage")
			assert.Equal(t, "PUT", aa["http.request.method"].AsString())
			assert.Equal(t, "127.0.0.1", aa["server.address"].AsString())
			assert.Positive(t, aa["server.port"].AsInt64())
			_, hasTemplate := aa["url.template"]
			assert.False(t, hasTemplate)
			if n == 0 {
				_, resent := aa["http.request.resend_count"]
				assert.False(t, resent, "a first attempt has no resend count")
			} else {
				assert.Equal(t, int64(n), aa["http.request.resend_count"].AsInt64())
			}
		}
		if i == 0 {
			first := attrsOf(attempts[0])
			assert.Equal(t, int64(503), first["http.response.status_code"].AsInt64())
			assert.Equal(t, "503", first["error.type"].AsString())
			assert.Equal(t, codes.Error, attempts[0].Status().Code)
			assert.Equal(t, int64(200), attrsOf(attempts[1])["http.response.status_code"].AsInt64())
		}
	}
	assert.Equal(t, int64(len(content)), partBytes)

	// A registry operation: its attempt follows the HTTP client conventions with the table's template.
	createModel := rev[len(rev)-1]
	attempts := tree.kids(createModel)
	require.Len(t, attempts, 1)
	op, ok := ops.Builtin().Lookup("create_model")
	require.True(t, ok)
	aa := attrsOf(attempts[0])
	assert.Equal(t, op.Method+" "+op.Path, attempts[0].Name())
	assert.Equal(t, op.Path, aa["url.template"].AsString())
	assert.Equal(t, op.Method, aa["http.request.method"].AsString())
	assert.Equal(t, "create_model", aa[telemetry.KeyOperation].AsString())
	assert.Contains(t, []int64{200, 201}, aa["http.response.status_code"].AsInt64())
	assert.True(t, strings.HasPrefix(aa[telemetry.KeyRequestID].AsString(), "req-"), "request id recorded")
	assert.Equal(t, "create_model", attrsOf(createModel)[telemetry.KeyOperation].AsString())

	// On the wire: every registry request carries the traceparent of its own attempt span; storage requests
	// (presigned URLs) carry none.
	attemptByID := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range tree.all {
		if _, ok := attrsOf(s)["http.request.method"]; ok {
			attemptByID[s.SpanContext().SpanID().String()] = s
		}
	}
	var registry, storageReqs int
	for _, r := range e.srv.Requests() {
		tp := r.Header.Get("Traceparent")
		if strings.HasPrefix(r.Op, "storage.") {
			storageReqs++
			assert.Empty(t, tp, "no trace context on a presigned request")
			assert.Empty(t, r.Header.Get("Tracestate"))
			continue
		}
		registry++
		parts := strings.Split(tp, "-")
		require.Len(t, parts, 4, "traceparent on %s: %q", r.Op, tp)
		assert.Equal(t, root.SpanContext().TraceID().String(), parts[1])
		at, ok := attemptByID[parts[2]]
		if assert.True(t, ok, "traceparent parent is an attempt span (%s)", r.Op) {
			assert.Equal(t, r.Op, attrsOf(at)[telemetry.KeyOperation].AsString())
		}
	}
	assert.Equal(t, 4, registry)    // create (every part URL), finalize, upload url (properties), create_model
	assert.Equal(t, 5, storageReqs) // 3 parts + 1 resend + the properties blob
	assertNoSecrets(t, e, tree, content)
	assert.NotEmpty(t, m.ID)
}

// assertNoSecrets checks every attribute, event and status of every span, and every metric attribute, for the
// token, a presigned query string and the content.
func assertNoSecrets(t *testing.T, e otelEnv, tree spanTree, content []byte) {
	t.Helper()
	needles := []string{e.srv.Token(), "X-Fake-Signature", "X-Fake-Expires", "?", "Bearer", string(content[:15])}
	check := func(where, s string) {
		for _, n := range needles {
			assert.NotContains(t, s, n, "%s", where)
		}
	}
	for _, s := range tree.all {
		for _, kv := range s.Attributes() {
			check(s.Name()+" "+string(kv.Key), kv.Value.String())
		}
		for _, ev := range s.Events() {
			check(s.Name()+" event", ev.Name)
			for _, kv := range ev.Attributes {
				check(s.Name()+" event "+string(kv.Key), kv.Value.String())
			}
		}
		check(s.Name()+" status", s.Status().Description)
	}
	var rm metricdata.ResourceMetrics
	require.NoError(t, e.reader.Collect(context.Background(), &rm))
	check("metrics", fmt.Sprintf("%+v", rm.ScopeMetrics))
}

// metricPoints collects the metrics of the client's scope by name.
func metricPoints(t *testing.T, reader *sdkmetric.ManualReader) map[string]metricdata.Aggregation {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, reader.Collect(context.Background(), &rm))
	out := map[string]metricdata.Aggregation{}
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != telemetry.ScopeName {
			continue
		}
		for _, m := range sm.Metrics {
			out[m.Name] = m.Data
		}
	}
	return out
}

// sumOf is the value of the int64 sum data point whose attributes include every kv ("" key = any).
func sumOf(t *testing.T, agg metricdata.Aggregation, kvs ...attribute.KeyValue) int64 {
	t.Helper()
	s, ok := agg.(metricdata.Sum[int64])
	require.True(t, ok, "not an int64 sum: %T", agg)
	var total int64
	for _, dp := range s.DataPoints {
		match := true
		for _, kv := range kvs {
			if v, ok := dp.Attributes.Value(kv.Key); !ok || v != kv.Value {
				match = false
			}
		}
		if match {
			total += dp.Value
		}
	}
	return total
}

// callCount is the number of call-duration measurements of op with the given outcome.
func callCount(t *testing.T, agg metricdata.Aggregation, op, outcome string) (count uint64, errorType string) {
	t.Helper()
	h, ok := agg.(metricdata.Histogram[float64])
	require.True(t, ok, "not a float64 histogram: %T", agg)
	for _, dp := range h.DataPoints {
		o, _ := dp.Attributes.Value(telemetry.KeyOperation)
		oc, _ := dp.Attributes.Value(telemetry.KeyOutcome)
		if o.AsString() == op && oc.AsString() == outcome {
			et, _ := dp.Attributes.Value("error.type")
			count += dp.Count
			errorType = et.AsString()
		}
	}
	return count, errorType
}

func TestTelemetryMetricsAfterKnownWorkload(t *testing.T) {
	e := newOtelEnv(t)
	ctx := context.Background()
	content := make([]byte, 3000)
	_, _ = rand.Read(content)
	seeded := e.srv.SeedModel(e.srv.Owner(), "seed.bin", content)
	rev, err := e.c.GetRevision(ctx, seeded.RevisionID)
	require.NoError(t, err)
	tok := rev.ContentToken()

	// Workload: one upload with a retried PUT, a download read twice (miss, then hit), a failed call.
	e.srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: http.StatusServiceUnavailable})
	_, err = e.c.AddModelFromReader(ctx, "a.bin", bytes.NewReader(content[:1000]), nil)
	require.NoError(t, err)
	for range 2 {
		got, err := e.c.ReadBytes(ctx, tok)
		require.NoError(t, err)
		require.Equal(t, content, got)
	}
	_, err = e.c.GetModel(ctx, "00000000-0000-0000-0000-000000000000")
	require.ErrorIs(t, err, ErrNotFound)

	pts := metricPoints(t, e.reader)
	n, _ := callCount(t, pts[telemetry.MetricCallDuration], "AddModel", "ok")
	assert.Equal(t, uint64(1), n)
	n, _ = callCount(t, pts[telemetry.MetricCallDuration], "ReadContents", "ok")
	assert.Equal(t, uint64(2), n)
	n, _ = callCount(t, pts[telemetry.MetricCallDuration], "generate_download_url", "ok")
	assert.Equal(t, uint64(1), n, "the hit made no registry call")
	n, kind := callCount(t, pts[telemetry.MetricCallDuration], "get_model", "error")
	assert.Equal(t, uint64(1), n)
	assert.Equal(t, "not_found", kind)

	// The semantic-convention HTTP client histogram: one measurement per attempt, the refused one included.
	httpCount := func(kvs ...attribute.KeyValue) uint64 {
		h, ok := pts[telemetry.MetricHTTPDuration].(metricdata.Histogram[float64])
		require.True(t, ok)
		var n uint64
		for _, dp := range h.DataPoints {
			match := true
			for _, kv := range kvs {
				if v, ok := dp.Attributes.Value(kv.Key); !ok || v != kv.Value {
					match = false
				}
			}
			if match {
				n += dp.Count
			}
		}
		return n
	}
	assert.Equal(t, uint64(1), httpCount(attribute.String("url.template", "/api/v2/models/{model_id}"),
		attribute.Int("http.response.status_code", 404), attribute.String("error.type", "404")))
	assert.Equal(t, uint64(1), httpCount(attribute.String("http.request.method", "PUT"), attribute.Int("http.response.status_code", 503)))
	assert.Equal(t, uint64(len(e.srv.Requests())), httpCount(), "one measurement per request the fake saw")

	assert.Equal(t, int64(1), sumOf(t, pts[telemetry.MetricRetries]))
	assert.Equal(t, int64(1), sumOf(t, pts[telemetry.MetricRetries], telemetry.KeyOperation.String("storage"), attribute.String("http.request.method", "PUT")))

	// Bytes: the content once down (the hit reads the cache), the 1000 bytes plus their properties blob up.
	down := sumOf(t, pts[telemetry.MetricBytes], telemetry.KeyDirection.String("download"))
	assert.Equal(t, int64(len(content)), down)
	up := sumOf(t, pts[telemetry.MetricBytes], telemetry.KeyDirection.String("upload"))
	var wantUp int64
	for _, r := range e.srv.RequestsFor("storage.put") {
		wantUp += r.Size
	}
	wantUp -= 1000 // the fake saw the refused (503) attempt too; it moved nothing
	assert.Equal(t, wantUp, up)
	assert.Greater(t, up, int64(1000))
	assert.Equal(t, int64(0), sumOf(t, pts[telemetry.MetricActive]), "no transfer left active")

	assert.Equal(t, int64(1), sumOf(t, pts[telemetry.MetricCache], telemetry.KeyCacheResult.String("miss")))
	assert.Equal(t, int64(1), sumOf(t, pts[telemetry.MetricCache], telemetry.KeyCacheResult.String("hit")))

	// The failed call's span: error status and kind; its attempt has the 404 and the request id.
	var failed sdktrace.ReadOnlySpan
	for _, s := range e.spans.Ended() {
		if s.Name() == "istari.get_model" && s.Status().Code == codes.Error {
			failed = s
		}
	}
	require.NotNil(t, failed)
	assert.Equal(t, "not_found", attrsOf(failed)["error.type"].AsString())
	tree := newSpanTree(e.spans.Ended())
	at := tree.kids(failed)
	require.Len(t, at, 1)
	assert.Equal(t, int64(404), attrsOf(at[0])["http.response.status_code"].AsInt64())
	assert.NotEmpty(t, attrsOf(at[0])[telemetry.KeyRequestID].AsString())

	// The cache spans: a miss with the download below it, then a hit with nothing below.
	var cacheSpans []sdktrace.ReadOnlySpan
	for _, s := range tree.all {
		if s.Name() == "istari.cache" {
			cacheSpans = append(cacheSpans, s)
		}
	}
	sortByStart(cacheSpans)
	require.Len(t, cacheSpans, 2)
	assert.Equal(t, "miss", attrsOf(cacheSpans[0])[telemetry.KeyCacheResult].AsString())
	assert.Equal(t, []string{"istari.generate_download_url", "istari.download"}, names(tree.kids(cacheSpans[0])))
	assert.Equal(t, "hit", attrsOf(cacheSpans[1])[telemetry.KeyCacheResult].AsString())
	assert.Empty(t, tree.kids(cacheSpans[1]))
	assertNoSecrets(t, e, tree, content)
}

func TestTelemetryJobPollSpans(t *testing.T) {
	e := newOtelEnv(t)
	ctx := context.Background()
	modelID := e.srv.SeedJobModel("part.step", []byte("ISO-10303-21;"))
	e.srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	e.srv.HandleFunction("@istari:extract", func(ctx context.Context, _ istaritest.JobContext) error {
		select {
		case <-time.After(40 * time.Millisecond): // long enough for several polls
		case <-ctx.Done():
		}
		return nil
	})
	job, err := e.c.AddJob(ctx, modelID, "@istari:extract", &AddJobOptions{Parameters: map[string]any{}})
	require.NoError(t, err)
	_, err = e.c.WaitForJob(ctx, job.ID, &WaitOptions{Interval: 5 * time.Millisecond})
	require.NoError(t, err)

	tree := newSpanTree(e.spans.Ended())
	wait := tree.last("istari.WaitForJob")
	require.NotNil(t, wait, tree.render())
	polls := tree.kids(wait)
	require.NotEmpty(t, polls)
	for i, p := range polls {
		assert.Equal(t, "istari.job_poll", p.Name())
		assert.Equal(t, int64(i+1), attrsOf(p)[telemetry.KeyPollNumber].AsInt64())
		assert.Equal(t, []string{"istari.get_job"}, names(tree.kids(p)))
	}
	assert.Equal(t, "Completed", attrsOf(polls[len(polls)-1])[telemetry.KeyJobStatus].AsString())
}

// With nothing configured (global no-op providers and propagator), the SDK records no span and writes no
// trace context; a client built after the application installs global providers uses them.
func TestTelemetryNothingConfiguredThenGlobals(t *testing.T) {
	_, srv := fakeClient(t)
	noDiscovery := func(cfg *Configuration) { cfg.RouteDiscovery = RouteDiscoveryOff }
	newClient := func() *Client { return testClient(t, srv.URL, Secret(srv.Token()), noCache, noDiscovery) }
	seeded := srv.SeedModel(srv.Owner(), "m.json", []byte(`{}`))
	ctx := context.Background()

	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)) // exists, but is installed nowhere yet
	_, err := newClient().GetModel(ctx, seeded.ModelID)
	require.NoError(t, err)
	assert.Empty(t, rec.Ended())
	for _, r := range srv.Requests() {
		assert.Empty(t, r.Header.Get("Traceparent"))
	}

	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() { // back to recording and propagating nothing (a global, once set, cannot be unset)
		otel.SetTracerProvider(tracenoop.NewTracerProvider())
		otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator())
	})
	_, err = newClient().GetModel(ctx, seeded.ModelID)
	require.NoError(t, err)
	assert.Equal(t, []string{"GET /api/v2/models/{model_id}", "istari.get_model"}, names(rec.Ended()))
	reqs := srv.RequestsFor(string(ops.GetModel))
	assert.NotEmpty(t, reqs[len(reqs)-1].Header.Get("Traceparent"))
}

// Parts uploaded concurrently each get their span under the call, and a part that keeps failing ends the call
// with the kind of the storage answer while the abort is traced too.
func TestTelemetryConcurrentPartsAndFailure(t *testing.T) {
	e := newOtelEnv(t, func(c *Configuration) {
		c.MultipartThreshold, c.MultipartChunkSize, c.UploadConcurrency = 1000, 256, 4
	})
	ctx := context.Background()
	content := make([]byte, 8*256)
	_, _ = rand.Read(content)
	_, err := e.c.AddFileFromReader(ctx, "eight.bin", bytes.NewReader(content), nil)
	require.NoError(t, err)

	tree := newSpanTree(e.spans.Ended())
	root := tree.last("istari.AddFile")
	require.NotNil(t, root, tree.render())
	seen := map[int64]bool{}
	for _, p := range tree.kids(root) {
		if p.Name() != "istari.upload_part" {
			continue
		}
		a := attrsOf(p)
		seen[a[telemetry.KeyPartNumber].AsInt64()] = true
		assert.Equal(t, int64(256), a[telemetry.KeyBytes].AsInt64())
		assert.Len(t, tree.kids(p), 1)
	}
	assert.Len(t, seen, 8)

	// Every attempt of one part refused: the call fails as server_error and the upload is cancelled
	// (finalize_multipart_upload with action "cancel").
	e.spans = tracetest.NewSpanRecorder()
	e.c.cfg.TracerProvider.(*sdktrace.TracerProvider).RegisterSpanProcessor(e.spans)
	e.srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: http.StatusInternalServerError, Times: 100})
	_, err = e.c.AddFileFromReader(ctx, "fails.bin", bytes.NewReader(content), nil)
	require.ErrorIs(t, err, ErrServer)
	var failed, cancelled sdktrace.ReadOnlySpan
	for _, s := range e.spans.Ended() {
		switch s.Name() {
		case "istari.AddFile":
			failed = s
		case "istari.finalize_multipart_upload":
			cancelled = s
		}
	}
	require.NotNil(t, failed)
	aborted := cancelled != nil && cancelled.Parent().SpanID() == failed.SpanContext().SpanID()
	assert.Equal(t, codes.Error, failed.Status().Code)
	assert.Equal(t, "server_error", attrsOf(failed)["error.type"].AsString())
	assert.True(t, aborted, "the cancel is traced under the failed call")
	finals := e.srv.RequestsFor("finalize_multipart_upload")
	require.NotEmpty(t, finals)
	assert.Contains(t, string(finals[len(finals)-1].Body), `"action":"cancel"`)
}
