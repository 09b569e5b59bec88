package telemetry

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func newRecorded(t *testing.T) (*Telemetry, *tracetest.SpanRecorder, *sdkmetric.ManualReader) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	reader := sdkmetric.NewManualReader()
	tel := New(Options{
		TracerProvider: sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)),
		MeterProvider:  sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)),
		Propagator:     propagation.TraceContext{},
		Version:        "test",
		ErrorKind:      func(error) string { return "boom_kind" },
		RequestID:      func(h http.Header) string { return h.Get("X-Request-Id") },
	})
	return tel, rec, reader
}

// A nil *Telemetry (a client built without instrumentation) is a no-op everywhere and never touches the request.
func TestNilTelemetryDoesNothing(t *testing.T) {
	var tel *Telemetry
	ctx := context.Background()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:1/x?sig=abc", nil)
	require.NoError(t, err)
	c, s := tel.StartCall(ctx, "op")
	assert.Equal(t, ctx, c)
	s.End(errors.New("x"))
	c, s, h := tel.StartAttempt(ctx, req, Attempt{Registry: true, Resend: 2})
	assert.Equal(t, ctx, c)
	assert.Empty(t, h)
	s.EndAttempt(nil, errors.New("x"))
	_, s = tel.StartTransfer(ctx, Upload, 1, 10)
	s.EndTransfer(10, nil)
	_, s = tel.StartCache(ctx)
	s.EndCache(true, nil)
	_, s = tel.StartPoll(ctx, 1)
	s.EndPoll("Running", nil)
	_, s = tel.StartTokenFetch(ctx)
	s.EndTokenFetch(nil)
}

// The identity-service token fetch hook: a span per fetch, failures with their kind, a refresh count by outcome.
func TestTokenFetchHook(t *testing.T) {
	tel, rec, reader := newRecorded(t)
	ctx := context.Background()
	_, s := tel.StartTokenFetch(ctx)
	s.EndTokenFetch(nil)
	_, s = tel.StartTokenFetch(ctx)
	s.EndTokenFetch(errors.New("identity service said no"))

	spans := rec.Ended()
	require.Len(t, spans, 2)
	assert.Equal(t, "istari.token_fetch", spans[0].Name())
	assert.Equal(t, codes.Unset, spans[0].Status().Code)
	assert.Equal(t, codes.Error, spans[1].Status().Code)
	assert.Contains(t, spans[1].Attributes(), attribute.String("error.type", "boom_kind"))

	var rm metricdata.ResourceMetrics
	require.NoError(t, reader.Collect(ctx, &rm))
	got := map[string]int64{}
	for _, m := range rm.ScopeMetrics[0].Metrics {
		if m.Name != MetricTokens {
			continue
		}
		for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
			v, _ := dp.Attributes.Value(KeyOutcome)
			got[v.AsString()] = dp.Value
		}
	}
	assert.Equal(t, map[string]int64{"ok": 1, "error": 1}, got)
}

// Trace context goes into registry requests only, in a copy of the header; the URL on the span has no query.
func TestAttemptInjectsOnlyIntoRegistryRequests(t *testing.T) {
	tel, rec, _ := newRecorded(t)
	ctx, call := tel.StartCall(context.Background(), "get_model")
	for _, registry := range []bool{true, false} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://user:pw@store.test/bucket/key?X-Amz-Signature=SIG#frag", nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer TOKEN")
		_, s, h := tel.StartAttempt(ctx, req, Attempt{Operation: "get_model", Template: "/x/{id}", Registry: registry})
		s.EndAttempt(&http.Response{StatusCode: 200, Header: http.Header{"X-Request-Id": {"r-1"}}}, nil)
		assert.Empty(t, req.Header.Get("Traceparent"), "the caller's request is never modified")
		if registry {
			assert.NotEmpty(t, h.Get("Traceparent"))
			assert.Equal(t, "Bearer TOKEN", h.Get("Authorization"))
		} else {
			assert.Empty(t, h.Get("Traceparent"), "no trace context on presigned requests")
		}
	}
	call.End(nil)
	spans := rec.Ended()
	require.Len(t, spans, 3)
	for _, at := range spans[:2] {
		attrs := attribute.NewSet(at.Attributes()...)
		full, _ := attrs.Value("url.full")
		assert.Equal(t, "https://store.test/bucket/key", full.AsString())
		port, _ := attrs.Value("server.port")
		assert.Equal(t, int64(443), port.AsInt64())
		id, _ := attrs.Value(KeyRequestID)
		assert.Equal(t, "r-1", id.AsString())
		for _, kv := range at.Attributes() {
			assert.NotContains(t, kv.Value.String(), "TOKEN")
			assert.NotContains(t, kv.Value.String(), "SIG")
			assert.NotContains(t, kv.Value.String(), "pw")
		}
	}
}

func TestAttemptErrorTypes(t *testing.T) {
	assert.Equal(t, "canceled", attemptErrorType(context.Canceled))
	assert.Equal(t, "timeout", attemptErrorType(context.DeadlineExceeded))
	assert.Equal(t, "transport", attemptErrorType(errors.New("connection refused")))
}

// BenchmarkHooksNoProvider is the instrumentation of one registry call (call span, one attempt span, their
// ends) with the global providers and nothing installed: the whole cost an uninstrumented application pays.
func BenchmarkHooksNoProvider(b *testing.B) {
	tel := New(Options{})
	req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1:8080/api/v2/models/abc", nil)
	if err != nil {
		b.Fatal(err)
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		cctx, call := tel.StartCall(ctx, "get_model")
		_, at, _ := tel.StartAttempt(cctx, req, Attempt{Operation: "get_model", Template: "/api/v2/models/{model_id}", Registry: true})
		at.EndAttempt(resp, nil)
		call.End(nil)
	}
}
