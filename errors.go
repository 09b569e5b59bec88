package istari

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/istari-sdk/istari-go/internal/redact"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/types"
)

// Sentinel errors matched with errors.Is. An *APIError matches the sentinel of its status; the names
// follow the Python exception classes of istari_digital_client.exceptions.
var (
	// ErrBadRequest is a 400 answer (Python BadRequestException).
	ErrBadRequest = errors.New("istari: bad request")
	// ErrUnauthorized is a 401 answer: missing or invalid token (Python UnauthorizedException).
	ErrUnauthorized = errors.New("istari: unauthorized")
	// ErrForbidden is a 403 answer (Python ForbiddenException).
	ErrForbidden = errors.New("istari: forbidden")
	// ErrNotFound is a 404 answer (Python NotFoundException).
	ErrNotFound = errors.New("istari: not found")
	// ErrMethodNotAllowed is a 405 answer.
	ErrMethodNotAllowed = errors.New("istari: method not allowed")
	// ErrConflict is a 409 answer (Python ConflictException).
	ErrConflict = errors.New("istari: conflict")
	// ErrUnprocessable is a 422 answer: the registry rejected the request body (Python UnprocessableEntityException).
	ErrUnprocessable = errors.New("istari: unprocessable entity")
	// ErrRateLimited is a 429 answer that outlasted the retries or the caller's deadline.
	ErrRateLimited = errors.New("istari: rate limited")
	// ErrServer is any 5xx answer (Python ServiceException).
	ErrServer = errors.New("istari: server error")
	// ErrPATsDeprecated is a 405 from a personal-access-token endpoint of an identity-enabled registry:
	// access keys replace personal access tokens there. It also matches ErrMethodNotAllowed.
	ErrPATsDeprecated = errors.New("istari: personal access tokens are replaced by access keys on this registry")
	// ErrResponseTooLarge is a registry response body larger than Configuration.MaxResponseBytes (64 MiB by
	// default): the SDK stopped reading it rather than let one call use unbounded memory. Go-only.
	ErrResponseTooLarge = errors.New("istari: response body too large")
	// ErrRedirectRefused is a redirect the SDK would not follow: from https to http, after too many redirects,
	// or (for presigned storage URLs) to a URL the presigned URL policy refuses. The error says which. Go-only;
	// Python's requests follows such redirects.
	ErrRedirectRefused = transport.ErrRedirectRefused
	// ErrPresignedURLRefused is a presigned storage URL that the presigned URL policy refuses (see
	// Configuration.RelaxPresignedURLPolicy): not https while the registry is, a link-local or (from a
	// non-loopback registry) loopback host, userinfo, or not a URL at all. No byte is sent. Go-only.
	ErrPresignedURLRefused = storage.ErrURLRefused
	// ErrChecksumMismatch is a download or cache entry whose SHA-384 does not match its token
	// (Python InvalidChecksumError). The concrete error is *ChecksumError.
	ErrChecksumMismatch = types.ErrChecksumMismatch
)

// ChecksumError reports the expected and actual SHA-384 of a download; it matches ErrChecksumMismatch. Python
// raises a ValueError "Token data content checksum is invalid (<actual> != <expected>)" instead.
type ChecksumError = types.ChecksumError

// maxErrorBody caps the response body kept on an APIError.
const maxErrorBody = 64 << 10

// APIError is a non-2xx registry answer (Python ApiException and its subclasses).
//
// Server text is scrubbed before it is stored: the registry token, any "Bearer ..." or "Basic ..." credential,
// proxy credentials, presigned signature parameters and URL userinfo echoed by the server read "[REDACTED]" in
// Detail, Details, Body and Header, so Error and every fmt verb are safe to log.
//
// Use errors.Is with the sentinels (ErrNotFound, ErrForbidden, ...) to branch on the status, and
// errors.As to read the fields. Path never includes the query string.
type APIError struct {
	StatusCode  int    // HTTP status
	OperationID string // operation id, e.g. "get_model"
	Method      string
	Path        string // request path without query
	RequestID   string // X-Request-Id (or a similar header) when the server sent one
	// Detail is the server's message: FastAPI's "detail" string, or its validation entries joined.
	Detail string
	// Details holds FastAPI validation entries when detail was a list.
	Details []types.ValidationDetail
	// Body is the raw response body, capped at 64 KiB.
	Body []byte
	// Header is the response header (values scrubbed).
	Header http.Header
	// Attempts is the number of HTTP attempts made, retries included.
	Attempts int
}

// Error renders "istari: <op> <METHOD> <path>: <status>: <detail> (request id <id>, <n> attempts)".
func (e *APIError) Error() string {
	var b strings.Builder
	status := http.StatusText(e.StatusCode)
	fmt.Fprintf(&b, "istari: %s %s %s: %d %s", e.OperationID, e.Method, e.Path, e.StatusCode, status)
	if d := detailOnce(e.Detail, status); d != "" {
		b.WriteString(": ")
		b.WriteString(d)
	}
	var extra []string
	if e.RequestID != "" {
		extra = append(extra, "request id "+e.RequestID)
	}
	if e.Attempts > 1 {
		extra = append(extra, strconv.Itoa(e.Attempts)+" attempts")
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, ", ") + ")")
	}
	return b.String()
}

// detailOnce drops a leading repetition of the status text from the server's detail ("Forbidden: insufficient
// permissions" after "403 Forbidden" reads "insufficient permissions"); a detail that is only the status text
// is dropped.
func detailOnce(detail, status string) string {
	d := strings.TrimSpace(detail)
	if status == "" || len(d) < len(status) || !strings.EqualFold(d[:len(status)], status) {
		return d
	}
	rest := d[len(status):]
	switch {
	case rest == "":
		return ""
	case strings.HasPrefix(rest, ":"):
		return strings.TrimSpace(rest[1:])
	}
	return d
}

// Is reports whether target is the sentinel of e's status (a 405 from a personal-access-token
// endpoint matches both ErrPATsDeprecated and ErrMethodNotAllowed).
func (e *APIError) Is(target error) bool {
	s := sentinelFor(e.StatusCode, e.OperationID)
	return s != nil && (target == s || (s == ErrPATsDeprecated && target == ErrMethodNotAllowed))
}

func sentinelFor(status int, op string) error {
	switch status {
	case http.StatusBadRequest:
		return ErrBadRequest
	case http.StatusUnauthorized:
		return ErrUnauthorized
	case http.StatusForbidden:
		return ErrForbidden
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusMethodNotAllowed:
		if strings.Contains(op, "personal_access_token") {
			return ErrPATsDeprecated
		}
		return ErrMethodNotAllowed
	case http.StatusConflict:
		return ErrConflict
	case http.StatusUnprocessableEntity:
		return ErrUnprocessable
	case http.StatusTooManyRequests:
		return ErrRateLimited
	}
	if status >= 500 && status <= 599 {
		return ErrServer
	}
	return nil
}

// requestIDHeaders are checked in order for the server's request id.
var requestIDHeaders = []string{"X-Request-Id", "X-Correlation-Id", "X-Amzn-Requestid", "X-Amz-Request-Id", "X-Ms-Request-Id"}

// requestIDOf is the first request id header of h, "" when none.
func requestIDOf(h http.Header) string {
	for _, name := range requestIDHeaders {
		if v := h.Get(name); v != "" {
			return v
		}
	}
	return ""
}

// newAPIError decodes a non-2xx response whose text needs no knowledge of the client's secrets to scrub (the
// credential patterns still apply); registry answers use [Client.apiError]. body is at most maxErrorBody bytes.
func newAPIError(op, method, path string, status int, header http.Header, body []byte, attempts int) *APIError {
	return scrubbedAPIError(nil, op, method, path, status, header, body, attempts)
}

// apiError decodes a non-2xx registry response, scrubbing the server's text of the client's secrets.
func (c *Client) apiError(op, method, path string, status int, header http.Header, body []byte, attempts int) *APIError {
	return scrubbedAPIError(c.scrub, op, method, path, status, header, body, attempts)
}

// scrubbedAPIError builds the APIError with its server text scrubbed by scrub (nil: the patterns only).
func scrubbedAPIError(scrub *redact.Scrubber, op, method, path string, status int, header http.Header, body []byte, attempts int) *APIError {
	header, body = scrub.Header(header), scrub.Bytes(body)
	e := &APIError{StatusCode: status, OperationID: op, Method: method, Path: path, Header: header, Body: body, Attempts: attempts}
	e.RequestID = requestIDOf(header)
	e.Detail, e.Details = decodeDetail(body)
	e.RequestID = scrub.String(e.RequestID)
	if e.StatusCode == http.StatusMethodNotAllowed && strings.Contains(op, "personal_access_token") && e.Detail == "" {
		e.Detail = "personal access tokens are replaced by access keys on identity-enabled registries"
	}
	return e
}

// decodeDetail reads FastAPI's {"detail": "msg"} or {"detail": [{loc, msg, type}]}; any other body
// that is short plain text becomes the detail as-is.
func decodeDetail(body []byte) (string, []types.ValidationDetail) {
	var env struct {
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &env) == nil && len(env.Detail) > 0 {
		var s string
		if json.Unmarshal(env.Detail, &s) == nil {
			return s, nil
		}
		var list []types.ValidationDetail
		if json.Unmarshal(env.Detail, &list) == nil {
			parts := make([]string, 0, len(list))
			for _, d := range list {
				parts = append(parts, formatLoc(d.Loc)+": "+d.Msg)
			}
			return strings.Join(parts, "; "), list
		}
		return string(env.Detail), nil
	}
	text := strings.TrimSpace(string(body))
	if text != "" && len(text) <= 512 && !strings.HasPrefix(text, "{") && !strings.HasPrefix(text, "<") {
		return text, nil
	}
	return "", nil
}

func formatLoc(loc []any) string {
	parts := make([]string, 0, len(loc))
	for _, p := range loc {
		parts = append(parts, fmt.Sprint(p))
	}
	return strings.Join(parts, ".")
}

// ValidationError is a parameter that broke a local rule; it is returned before any request is sent.
// It names the field and the rule, and the value's length or the bound, never the value itself. Python raises
// ValueError (or pydantic's ValidationError) for the same rules, when it checks them at all.
type ValidationError struct {
	Field  string // wire name, e.g. "description" or "items[3].path"
	Rule   string // e.g. "max", "required", "gte", "oneof", "exclusive"
	Param  string // the bound of the rule, e.g. "255"
	Length int    // length of the offending string or list, -1 when not applicable
	Msg    string // optional human explanation
	Err    error  // the underlying cause, if any: a missing upload file still matches fs.ErrNotExist
}

// Unwrap returns the underlying cause (nil for a broken rule).
func (e *ValidationError) Unwrap() error { return e.Err }

// Error renders "istari: invalid <field>: <rule explanation>".
func (e *ValidationError) Error() string {
	msg := e.Msg
	if msg == "" {
		msg = describeRule(e.Rule, e.Param, e.Length)
	}
	if e.Field == "" {
		return "istari: invalid request: " + msg
	}
	return "istari: invalid " + e.Field + ": " + msg
}

func describeRule(rule, param string, length int) string {
	switch rule {
	case "required":
		return "is required"
	case "max", "lte":
		if length >= 0 {
			return fmt.Sprintf("must be at most %s (got %d)", param, length)
		}
		return "must be at most " + param
	case "min", "gte":
		if length >= 0 {
			return fmt.Sprintf("must be at least %s (got %d)", param, length)
		}
		return "must be at least " + param
	case "oneof":
		return "must be one of: " + strings.ReplaceAll(param, " ", ", ")
	}
	if param != "" {
		return fmt.Sprintf("breaks rule %s=%s", rule, param)
	}
	return "breaks rule " + rule
}

// newValidationError builds a local validation error for composite checks.
func newValidationError(field, rule, param, msg string) *ValidationError {
	return &ValidationError{Field: field, Rule: rule, Param: param, Length: -1, Msg: msg}
}

// checkEnum reports a *ValidationError "must be one of: ..." when v is not a known value of an enum (Python's
// newer SDKs reject unknown enum input locally the same way). An empty v is reported as required.
func checkEnum[T ~string](field string, v T, known []T) error {
	if v == "" {
		return newValidationError(field, "required", "", "")
	}
	for _, k := range known {
		if v == k {
			return nil
		}
	}
	names := make([]string, len(known))
	for i, k := range known {
		names[i] = string(k)
	}
	return &ValidationError{Field: field, Rule: "oneof", Param: strings.Join(names, " "), Length: len(v)}
}

// lowerEnum lower-cases enum input the way Python's newer SDKs do before checking it.
func lowerEnum[T ~string](v T) T { return T(strings.ToLower(string(v))) }

// requireString reports a *ValidationError when a required string is empty.
func requireString(field, v string) error {
	if v == "" {
		return newValidationError(field, "required", "", "")
	}
	return nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
