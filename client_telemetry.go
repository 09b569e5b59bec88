package istari

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"

	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// newTelemetry builds the client's OpenTelemetry instrumentation from cfg's providers (nil = the globals).
func newTelemetry(cfg Configuration) *telemetry.Telemetry {
	return telemetry.New(telemetry.Options{
		TracerProvider: cfg.TracerProvider,
		MeterProvider:  cfg.MeterProvider,
		Propagator:     cfg.Propagator,
		Version:        Version,
		ErrorKind:      errorKind,
		RequestID:      requestIDOf,
	})
}

// errorKind is the error.type recorded for a failed call: the sentinel's name for a registry or storage answer
// ("not_found", "server_error", ...), "validation", "checksum_mismatch", "job_failed", "canceled", "timeout",
// "transport", or "_OTHER".
func errorKind(err error) string {
	var (
		apiErr *APIError
		valErr *ValidationError
		jobErr *JobFailedError
		cfgErr *ConfigurationError
		netErr net.Error
	)
	switch {
	case errors.As(err, &apiErr):
		return apiErrorKind(apiErr.StatusCode)
	case errors.As(err, &valErr):
		return "validation"
	case errors.As(err, &cfgErr):
		return "configuration"
	case errors.Is(err, ErrChecksumMismatch):
		return "checksum_mismatch"
	case errors.As(err, &jobErr):
		return "job_failed"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.As(err, &netErr):
		return "transport"
	}
	return "_OTHER"
}

func apiErrorKind(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusConflict:
		return "conflict"
	case http.StatusUnprocessableEntity:
		return "unprocessable"
	case http.StatusTooManyRequests:
		return "rate_limited"
	}
	if status >= 500 && status <= 599 {
		return "server_error"
	}
	return "http_" + strconv.Itoa(status)
}

// jobStatusOf is the current status name of job for a poll span, "" when unknown.
func jobStatusOf(job *types.Job) string {
	if job == nil {
		return ""
	}
	if st, ok := job.Status(); ok {
		return string(st.Name)
	}
	return ""
}
