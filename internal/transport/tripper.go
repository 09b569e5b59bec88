package transport

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/internal/telemetry"
)

// attemptTripper wraps the real round tripper for one attempt: it applies the per-attempt timeout,
// records whether the request reached the wire (so an unsafe method is retried only when it did not),
// logs the attempt without its query string, and hands registry responses to OnResponse.
type attemptTripper struct {
	next       http.RoundTripper
	logger     *slog.Logger
	onResponse func(*http.Response)
	tel        *telemetry.Telemetry
}

func (a *attemptTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	st := stateFrom(req.Context())
	if st == nil {
		return a.next.RoundTrip(req)
	}
	ctx := req.Context()
	cancel := context.CancelFunc(func() {})
	if st.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, st.timeout)
	}
	st.wrote.Store(false)
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { st.wrote.Store(true) },
	})
	start := time.Now()
	ctx, span, header := a.tel.StartAttempt(ctx, req, telemetry.Attempt{
		Operation: st.label, Template: st.template, Resend: st.attempts - 1, Registry: st.registry,
	})
	out := req.WithContext(ctx)
	out.Header = header
	resp, err := a.next.RoundTrip(out)
	span.EndAttempt(resp, err)
	if a.logger != nil && a.logger.Enabled(ctx, slog.LevelDebug) {
		attrs := []slog.Attr{
			slog.String("op", st.label), slog.String("method", req.Method),
			slog.String("host", req.URL.Host), slog.String("path", req.URL.Path),
			slog.Int("attempt", st.attempts), slog.Duration("duration", time.Since(start)),
		}
		if err != nil {
			attrs = append(attrs, slog.String("error", errorText(err, req.URL.RawQuery)))
		} else {
			attrs = append(attrs, slog.Int("status", resp.StatusCode))
		}
		a.logger.LogAttrs(req.Context(), slog.LevelDebug, "istari: http attempt", attrs...)
	}
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	if st.registry && a.onResponse != nil {
		a.onResponse(resp)
	}
	return resp, nil
}

// errorText renders a transport error for logs without any URL query string (presigned signatures):
// a *url.Error's URL is stripped, and rawQuery, when known, is masked wherever else it appears.
func errorText(err error, rawQuery string) string {
	msg := err.Error()
	var uerr *url.Error
	if errors.As(err, &uerr) {
		stripped := *uerr
		stripped.URL = StripQuery(uerr.URL)
		msg = strings.ReplaceAll(msg, uerr.Error(), stripped.Error())
	}
	if rawQuery != "" {
		msg = strings.ReplaceAll(msg, rawQuery, "[REDACTED]")
	}
	return msg
}

// cancelOnClose ends the attempt's timeout context when the body is closed, so the timeout covers
// reading the body too.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// closeIdle closes the idle connections of the wrapped round tripper (Client.Close). attemptTripper has no
// CloseIdleConnections method on purpose: http.Client would forward go-retryablehttp's calls after each
// failed request to it.
func (a *attemptTripper) closeIdle() {
	if c, ok := a.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
