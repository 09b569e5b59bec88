// Package telemetry is the OpenTelemetry instrumentation of the SDK: a span per SDK call with a child per HTTP
// attempt (stable HTTP client semantic conventions), spans for storage transfers, cache lookups, job polls and
// identity token fetches, the client metrics, and W3C trace context injection into registry requests.
//
// It uses the OpenTelemetry API only; the application installs the SDK and exporters. With the default global
// providers and nothing installed, every call here is a no-op span plus a disabled-instrument check. A nil
// *Telemetry is valid and does nothing at all.
//
// What is never recorded: a token, a header value other than the response's request id, a URL query string
// (presigned signatures live there), or any file content.
package telemetry

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of every span and metric of the SDK.
const ScopeName = "github.com/istari-sdk/istari-go"

// Attribute keys of the SDK (the HTTP ones come from the semantic conventions).
const (
	KeyOperation   = attribute.Key("istari.operation")          // operation id ("get_model") or composite name ("AddModel")
	KeyOutcome     = attribute.Key("istari.outcome")            // "ok" or "error"
	KeyRequestID   = attribute.Key("istari.request_id")         // the registry's (or store's) request id header
	KeyDirection   = attribute.Key("istari.transfer.direction") // "upload" or "download"
	KeyPartNumber  = attribute.Key("istari.transfer.part")      // 1-based multipart part number
	KeySize        = attribute.Key("istari.transfer.size")      // expected bytes (-1 unknown)
	KeyBytes       = attribute.Key("istari.transfer.bytes")     // bytes moved
	KeyCacheResult = attribute.Key("istari.cache.result")       // "hit" or "miss"
	KeyPollNumber  = attribute.Key("istari.job.poll")           // 1-based poll number of WaitForJob
	KeyJobStatus   = attribute.Key("istari.job.status")         // status name read by the poll
)

// Metric names.
const (
	MetricCallDuration = "istari.client.call.duration"   // histogram, s: by istari.operation, istari.outcome, error.type
	MetricRetries      = "istari.client.http.retries"    // counter: resent HTTP attempts, by istari.operation, http.request.method
	MetricHTTPDuration = "http.client.request.duration"  // histogram, s: the semantic-convention HTTP client metric, per attempt
	MetricBytes        = "istari.client.transfer.bytes"  // counter, By: by istari.transfer.direction
	MetricActive       = "istari.client.transfer.active" // up-down counter: transfers in flight, by direction
	MetricCache        = "istari.client.cache.lookups"   // counter: by istari.cache.result
	MetricTokens       = "istari.client.token.refreshes" // counter: identity token fetches, by istari.outcome
)

// Options configure a Telemetry. Nil providers and propagator mean the global ones (otel.GetTracerProvider,
// otel.GetMeterProvider, otel.GetTextMapPropagator), read once: the globals delegate to whatever the
// application installs later.
type Options struct {
	TracerProvider trace.TracerProvider
	MeterProvider  metric.MeterProvider
	Propagator     propagation.TextMapPropagator
	// Version is the instrumentation scope version (the SDK version).
	Version string
	// ErrorKind names the kind of a failed call for error.type; nil uses the semantic-convention default.
	ErrorKind func(error) string
	// RequestID reads the request id from a response header; nil records none.
	RequestID func(http.Header) string
}

// Telemetry holds the tracer, the instruments and the propagator of one client. It is safe for concurrent use.
type Telemetry struct {
	tracer    trace.Tracer
	prop      propagation.TextMapPropagator
	errorKind func(error) string
	requestID func(http.Header) string

	callDuration metric.Float64Histogram
	httpDuration metric.Float64Histogram
	retries      metric.Int64Counter
	bytes        metric.Int64Counter
	active       metric.Int64UpDownCounter
	cache        metric.Int64Counter
	tokens       metric.Int64Counter

	callNames, attemptNames nameCache // span names by operation id, built once each
}

// nameCache keeps span names so that a call does not build its name string every time.
type nameCache struct {
	mu sync.RWMutex
	m  map[string]string
}

// get returns the name cached under key, storing prefix+suffix there first when missing.
func (n *nameCache) get(key, prefix, suffix string) string {
	n.mu.RLock()
	name, ok := n.m[key]
	n.mu.RUnlock()
	if ok {
		return name
	}
	name = prefix + suffix
	n.mu.Lock()
	if n.m == nil {
		n.m = map[string]string{}
	}
	n.m[key] = name
	n.mu.Unlock()
	return name
}

// Span start options, allocated once.
var (
	internalSpan = []trace.SpanStartOption{trace.WithSpanKind(trace.SpanKindInternal)}
	clientSpan   = []trace.SpanStartOption{trace.WithSpanKind(trace.SpanKindClient)}
)

// New builds the instrumentation of a client from opts. Instrument creation errors (only a misbehaving
// meter provider returns them) leave the no-op instrument the API hands back in their place.
func New(opts Options) *Telemetry {
	tp, mp, prop := opts.TracerProvider, opts.MeterProvider, opts.Propagator
	if tp == nil {
		tp = otel.GetTracerProvider()
	}
	if mp == nil {
		mp = otel.GetMeterProvider()
	}
	if prop == nil {
		prop = otel.GetTextMapPropagator()
	}
	t := &Telemetry{
		tracer:    tp.Tracer(ScopeName, trace.WithInstrumentationVersion(opts.Version)),
		prop:      prop,
		errorKind: opts.ErrorKind,
		requestID: opts.RequestID,
	}
	if t.errorKind == nil {
		t.errorKind = func(err error) string { return semconv.ErrorType(err).Value.AsString() }
	}
	m := mp.Meter(ScopeName, metric.WithInstrumentationVersion(opts.Version))
	t.callDuration, _ = m.Float64Histogram(MetricCallDuration, metric.WithUnit("s"),
		metric.WithDescription("Duration of SDK calls (registry operations and composite calls such as AddModel)."),
		metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900))
	t.httpDuration, _ = m.Float64Histogram(MetricHTTPDuration, metric.WithUnit("s"),
		metric.WithDescription("Duration of HTTP client requests (one per attempt), to the response headers."),
		metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10))
	t.retries, _ = m.Int64Counter(MetricRetries, metric.WithUnit("{retry}"),
		metric.WithDescription("HTTP attempts that resent a request after a failed attempt."))
	t.bytes, _ = m.Int64Counter(MetricBytes, metric.WithUnit("By"),
		metric.WithDescription("Content bytes moved to and from storage by completed transfers."))
	t.active, _ = m.Int64UpDownCounter(MetricActive, metric.WithUnit("{transfer}"),
		metric.WithDescription("Storage transfers (uploads, upload parts, downloads) in progress."))
	t.cache, _ = m.Int64Counter(MetricCache, metric.WithUnit("{lookup}"),
		metric.WithDescription("Filesystem cache lookups of downloads, by hit or miss."))
	t.tokens, _ = m.Int64Counter(MetricTokens, metric.WithUnit("{refresh}"),
		metric.WithDescription("Identity-service token fetches, by outcome."))
	return t
}

// Span is one unit of work of the SDK in progress. The zero Span (from a nil *Telemetry) does nothing.
type Span struct {
	t     *Telemetry
	span  trace.Span
	start time.Time
	op    string
	call  bool // a StartCall span: End records the call duration

	req      *http.Request // an attempt's request, for the HTTP client duration metric
	template string
}

func (t *Telemetry) start(ctx context.Context, name string, opts []trace.SpanStartOption) (context.Context, Span) {
	ctx, sp := t.tracer.Start(ctx, name, opts...)
	return ctx, Span{t: t, span: sp}
}

// StartCall starts the span of an SDK call: a registry operation ("get_model") or a composite call
// ("AddModel"), named "istari.<op>". End records the call duration metric by operation and outcome.
func (t *Telemetry) StartCall(ctx context.Context, op string) (context.Context, Span) {
	if t == nil {
		return ctx, Span{}
	}
	ctx, s := t.start(ctx, t.callNames.get(op, "istari.", op), internalSpan)
	s.op, s.start, s.call = op, time.Now(), true
	if s.span.IsRecording() {
		s.span.SetAttributes(KeyOperation.String(op))
	}
	return ctx, s
}

// End ends the span of s, recording err (nil = success) with its kind, and the call duration of a call span.
func (s Span) End(err error) {
	if s.t == nil {
		return
	}
	kind := s.fail(err)
	s.span.End()
	if s.call && s.t.callDuration.Enabled(context.Background()) {
		attrs := []attribute.KeyValue{KeyOperation.String(s.op), KeyOutcome.String("ok")}
		if err != nil {
			attrs = append(attrs[:1], KeyOutcome.String("error"), semconv.ErrorTypeKey.String(kind))
		}
		s.t.callDuration.Record(context.Background(), time.Since(s.start).Seconds(), metric.WithAttributes(attrs...))
	}
}

// Done is End for a deferred call with a named error result: defer span.Done(&err).
func (s Span) Done(errp *error) { s.End(*errp) }

// fail marks the span as failed with err's kind (and its message, which the SDK keeps free of secrets) and
// returns the kind; it does nothing for a nil err.
func (s Span) fail(err error) string {
	if err == nil {
		return ""
	}
	kind := s.t.errorKind(err)
	if s.span.IsRecording() {
		s.span.SetAttributes(semconv.ErrorTypeKey.String(kind))
		s.span.SetStatus(codes.Error, err.Error())
	}
	return kind
}

// Attempt describes one HTTP attempt for StartAttempt.
type Attempt struct {
	Operation string // operation id, or "storage" for presigned transfers
	Template  string // url.template: the operation's path template ("" for storage)
	Resend    int    // 0 for the first attempt, n for the n-th resend
	Registry  bool   // a registry request: trace context is injected (never into presigned storage URLs)
}

// StartAttempt starts the client span of one HTTP attempt of req, a child of ctx's span, and returns the
// attempt's context and the header to send: for a registry request with a valid span context, a copy of
// req.Header carrying the configured propagator's fields (traceparent, tracestate); otherwise req.Header
// itself. A resend counts in the retries metric.
func (t *Telemetry) StartAttempt(ctx context.Context, req *http.Request, a Attempt) (context.Context, Span, http.Header) {
	if t == nil {
		return ctx, Span{}, req.Header
	}
	if a.Resend > 0 && t.retries.Enabled(ctx) {
		t.retries.Add(ctx, 1, metric.WithAttributes(KeyOperation.String(a.Operation), semconv.HTTPRequestMethodKey.String(req.Method)))
	}
	name := req.Method
	if a.Template != "" {
		name = t.attemptNames.get(a.Operation, req.Method+" ", a.Template)
	}
	ctx, s := t.start(ctx, name, clientSpan)
	if t.httpDuration.Enabled(ctx) {
		s.req, s.template, s.start = req, a.Template, time.Now()
	}
	if s.span.IsRecording() {
		attrs := make([]attribute.KeyValue, 0, 8)
		attrs = append(attrs,
			semconv.HTTPRequestMethodKey.String(req.Method),
			semconv.ServerAddress(req.URL.Hostname()),
			semconv.URLFull(stripURL(req)),
			KeyOperation.String(a.Operation))
		if port := serverPort(req); port > 0 {
			attrs = append(attrs, semconv.ServerPort(port))
		}
		if a.Template != "" {
			attrs = append(attrs, semconv.URLTemplate(a.Template))
		}
		if a.Resend > 0 {
			attrs = append(attrs, semconv.HTTPRequestResendCount(a.Resend))
		}
		s.span.SetAttributes(attrs...)
	}
	header := req.Header
	if a.Registry && len(t.prop.Fields()) > 0 && trace.SpanContextFromContext(ctx).IsValid() {
		header = req.Header.Clone() // a RoundTripper must not modify the caller's request
		t.prop.Inject(ctx, propagation.HeaderCarrier(header))
	}
	return ctx, s, header
}

// EndAttempt ends the span of an HTTP attempt with its response status and request id, or its error.
func (s Span) EndAttempt(resp *http.Response, err error) {
	if s.t == nil {
		return
	}
	if s.span.IsRecording() {
		switch {
		case err != nil:
			s.span.SetAttributes(semconv.ErrorTypeKey.String(attemptErrorType(err)))
			s.span.SetStatus(codes.Error, attemptErrorType(err))
		default:
			s.span.SetAttributes(semconv.HTTPResponseStatusCode(resp.StatusCode))
			if s.t.requestID != nil {
				if id := s.t.requestID(resp.Header); id != "" {
					s.span.SetAttributes(KeyRequestID.String(id))
				}
			}
			if resp.StatusCode >= 400 {
				code := strconv.Itoa(resp.StatusCode)
				s.span.SetAttributes(semconv.ErrorTypeKey.String(code))
				s.span.SetStatus(codes.Error, code)
			}
		}
	}
	s.span.End()
	if s.req != nil {
		s.t.recordHTTPDuration(s, resp, err)
	}
}

// recordHTTPDuration records http.client.request.duration for the attempt of s.
func (t *Telemetry) recordHTTPDuration(s Span, resp *http.Response, err error) {
	attrs := make([]attribute.KeyValue, 0, 6)
	attrs = append(attrs, semconv.HTTPRequestMethodKey.String(s.req.Method), semconv.ServerAddress(s.req.URL.Hostname()))
	if port := serverPort(s.req); port > 0 {
		attrs = append(attrs, semconv.ServerPort(port))
	}
	if s.template != "" {
		attrs = append(attrs, semconv.URLTemplate(s.template))
	}
	switch {
	case err != nil:
		attrs = append(attrs, semconv.ErrorTypeKey.String(attemptErrorType(err)))
	default:
		attrs = append(attrs, semconv.HTTPResponseStatusCode(resp.StatusCode))
		if resp.StatusCode >= 400 {
			attrs = append(attrs, semconv.ErrorTypeKey.String(strconv.Itoa(resp.StatusCode)))
		}
	}
	t.httpDuration.Record(context.Background(), time.Since(s.start).Seconds(), metric.WithAttributes(attrs...))
}

// attemptErrorType classifies a transport failure without its message (which may name hosts and paths).
func attemptErrorType(err error) string {
	var nerr net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &nerr) && nerr.Timeout():
		return "timeout"
	}
	return "transport"
}

// stripURL is the request URL without query, fragment or userinfo: presigned signatures never reach a span.
func stripURL(req *http.Request) string {
	u := *req.URL
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment, u.User = "", false, "", "", nil
	return u.String()
}

func serverPort(req *http.Request) int {
	if p := req.URL.Port(); p != "" {
		n, _ := strconv.Atoi(p)
		return n
	}
	switch req.URL.Scheme {
	case "https":
		return 443
	case "http":
		return 80
	}
	return 0
}

// Transfer directions.
const (
	Upload   = "upload"
	Download = "download"
)

// StartTransfer starts the span of one storage transfer: "istari.upload" (a whole object in one PUT),
// "istari.upload_part" (part > 0 of a multipart upload) or "istari.download". size is the expected byte count
// (-1 when unknown). The transfer counts as active until EndTransfer.
func (t *Telemetry) StartTransfer(ctx context.Context, direction string, part int, size int64) (context.Context, Span) {
	if t == nil {
		return ctx, Span{}
	}
	name := "istari.download"
	switch {
	case part > 0:
		name = "istari.upload_part"
	case direction == Upload:
		name = "istari.upload"
	}
	ctx, s := t.start(ctx, name, internalSpan)
	s.op = direction
	if s.span.IsRecording() {
		s.span.SetAttributes(KeyDirection.String(direction), KeySize.Int64(size))
		if part > 0 {
			s.span.SetAttributes(KeyPartNumber.Int(part))
		}
	}
	if t.active.Enabled(ctx) {
		t.active.Add(ctx, 1, metric.WithAttributes(KeyDirection.String(direction)))
	}
	return ctx, s
}

// EndTransfer ends a transfer span: n bytes moved, counted in the bytes metric when err is nil.
func (s Span) EndTransfer(n int64, err error) {
	if s.t == nil {
		return
	}
	ctx := context.Background()
	dir := metric.WithAttributes(KeyDirection.String(s.op))
	if s.t.active.Enabled(ctx) {
		s.t.active.Add(ctx, -1, dir)
	}
	if err == nil && n > 0 && s.t.bytes.Enabled(ctx) {
		s.t.bytes.Add(ctx, n, dir)
	}
	if s.span.IsRecording() {
		s.span.SetAttributes(KeyBytes.Int64(n))
	}
	s.fail(err)
	s.span.End()
}

// StartCache starts the span of a filesystem cache lookup ("istari.cache"); a miss's download is its child.
func (t *Telemetry) StartCache(ctx context.Context) (context.Context, Span) {
	if t == nil {
		return ctx, Span{}
	}
	return t.start(ctx, "istari.cache", internalSpan)
}

// EndCache ends a cache lookup span as a hit or a miss and counts it.
func (s Span) EndCache(hit bool, err error) {
	if s.t == nil {
		return
	}
	result := "miss"
	if hit {
		result = "hit"
	}
	if s.span.IsRecording() {
		s.span.SetAttributes(KeyCacheResult.String(result))
	}
	if ctx := context.Background(); s.t.cache.Enabled(ctx) {
		s.t.cache.Add(ctx, 1, metric.WithAttributes(KeyCacheResult.String(result)))
	}
	s.fail(err)
	s.span.End()
}

// StartPoll starts the span of poll number n (1-based) of a job wait ("istari.job_poll").
func (t *Telemetry) StartPoll(ctx context.Context, n int) (context.Context, Span) {
	if t == nil {
		return ctx, Span{}
	}
	ctx, s := t.start(ctx, "istari.job_poll", internalSpan)
	if s.span.IsRecording() {
		s.span.SetAttributes(KeyPollNumber.Int(n))
	}
	return ctx, s
}

// EndPoll ends a poll span with the job status it read ("" when none) or its error.
func (s Span) EndPoll(status string, err error) {
	if s.t == nil {
		return
	}
	if status != "" && s.span.IsRecording() {
		s.span.SetAttributes(KeyJobStatus.String(status))
	}
	s.fail(err)
	s.span.End()
}

// StartTokenFetch starts the span of an identity-service token fetch ("istari.token_fetch"). Call it around
// the fetch (its HTTP attempts become children), then EndTokenFetch. Never put the token, the client secret or
// the token endpoint's request body on the span.
//
//	ctx, span := tel.StartTokenFetch(ctx)
//	tok, err := fetch(ctx)
//	span.EndTokenFetch(err)
func (t *Telemetry) StartTokenFetch(ctx context.Context) (context.Context, Span) {
	if t == nil {
		return ctx, Span{}
	}
	return t.start(ctx, "istari.token_fetch", internalSpan)
}

// EndTokenFetch ends a token fetch span and counts a token refresh by outcome.
func (s Span) EndTokenFetch(err error) {
	if s.t == nil {
		return
	}
	if ctx := context.Background(); s.t.tokens.Enabled(ctx) {
		outcome := "ok"
		if err != nil {
			outcome = "error"
		}
		s.t.tokens.Add(ctx, 1, metric.WithAttributes(KeyOutcome.String(outcome)))
	}
	s.fail(err)
	s.span.End()
}
