package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// policy holds the backoff bounds; its methods are go-retryablehttp's CheckRetry and Backoff.
type policy struct {
	min, max time.Duration
	jitter   bool
	logger   *slog.Logger
}

// checkRetry decides whether one more attempt is worth making.
func (p *policy) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	st := stateFrom(ctx)
	if st == nil {
		return false, err
	}
	retry := false
	if err != nil {
		retry = retryableError(err) && (st.idempotent || !st.wrote.Load())
	} else {
		retry = retryableStatus(resp.StatusCode, st.idempotent)
		if retry {
			if wait, ok := RetryAfter(resp); ok && !fitsDeadline(ctx, min(wait, p.max)) {
				// Waiting would outlive the caller's deadline: give the 429/503 back now.
				retry = false
			}
		}
	}
	if retry && p.logger != nil {
		attrs := []slog.Attr{slog.String("op", st.label), slog.String("method", st.method), slog.Int("attempt", st.attempts)}
		if resp != nil {
			attrs = append(attrs, slog.Int("status", resp.StatusCode))
		} else {
			attrs = append(attrs, slog.String("error", errorText(err, "")))
		}
		p.logger.LogAttrs(ctx, slog.LevelDebug, "istari: retrying request", attrs...)
	}
	return retry, nil
}

// retryableStatus: 429 and 503 mean the server refused before acting, safe for any method; other
// 5xx (except 501 and 505, which will not change) only for idempotent methods.
func retryableStatus(code int, idempotent bool) bool {
	switch {
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		return true
	case code == http.StatusNotImplemented || code == http.StatusHTTPVersionNotSupported:
		return false
	case code >= 500 && code <= 599:
		return idempotent
	}
	return false
}

// retryableError excludes failures that another attempt cannot fix.
func retryableError(err error) bool {
	var uerr *url.Error
	if errors.As(err, &uerr) && errors.Is(uerr.Err, http.ErrSchemeMismatch) {
		return false
	}
	var certErr *x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	if errors.As(err, &certErr) || errors.As(err, &hostErr) || errors.As(err, &invalid) || errors.As(err, &verify) {
		return false
	}
	return true
}

// backoff returns the wait before retry n (0-based): Retry-After when the server sent one, otherwise
// min(max, min·2^n), jittered by ±10% when enabled.
func (p *policy) backoff(_, _ time.Duration, n int, resp *http.Response) time.Duration {
	if wait, ok := RetryAfter(resp); ok {
		return min(wait, p.max)
	}
	return Backoff(p.min, p.max, n, p.jitter)
}

// Backoff is the exponential schedule: the first interval doubling per attempt up to the maximum, with
// optional ±10% jitter.
func Backoff(minWait, maxWait time.Duration, n int, jitter bool) time.Duration {
	if minWait <= 0 {
		return 0
	}
	wait := maxWait
	if n < 32 {
		if d := minWait << n; d > 0 && d < maxWait {
			wait = d
		}
	}
	if jitter {
		wait = time.Duration(float64(wait) * (0.9 + 0.2*rand.Float64()))
	}
	return wait
}

// RetryAfter parses a Retry-After header of a 429 or 503 response, in seconds or as an HTTP date.
func RetryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(time.Until(at), 0), true
	}
	return 0, false
}

func fitsDeadline(ctx context.Context, wait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > wait
}
