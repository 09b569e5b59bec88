package istari

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/types"
)

// HealthStatus is the answer of a health probe (Python: the return value of Client.liveness_check and
// Client.readiness_check): the HTTP status and the raw body.
type HealthStatus = types.HealthStatus

// LivenessCheck calls the registry's liveness probe, GET /api/v2/health/liveness (Python liveness_check).
func (c *Client) LivenessCheck(ctx context.Context) (*HealthStatus, error) {
	return c.probe(ctx, ops.LivenessCheck)
}

// ReadinessCheck calls the registry's readiness probe, GET /api/v2/health/readiness (Python readiness_check).
func (c *Client) ReadinessCheck(ctx context.Context) (*HealthStatus, error) {
	return c.probe(ctx, ops.ReadinessCheck)
}

func (c *Client) probe(ctx context.Context, op ops.ID) (*HealthStatus, error) {
	h := &HealthStatus{}
	err := c.invoke(ctx, request{op: op, stream: func(resp *http.Response) error {
		h.StatusCode = resp.StatusCode
		raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		h.Raw = raw
		return err
	}})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// CheckCompatibility calls the readiness probe and returns the registry's verdict on this SDK, or
// (nil, nil) when the registry sent no compatibility headers (Python Client.check_compatibility). A
// verdict never fails a request; warnings are logged once per client and verdict.
func (c *Client) CheckCompatibility(ctx context.Context) (*CompatibilityResult, error) {
	var result *CompatibilityResult
	err := c.invoke(ctx, request{op: ops.ReadinessCheck, stream: func(resp *http.Response) error {
		if r, ok := parseCompatibility(resp.Header); ok {
			result = &r
		}
		return nil
	}})
	if err != nil {
		return nil, err
	}
	return result, nil
}

// RouteReport compares the SDK's operation table with a registry OpenAPI document: operations that
// match, are missing, moved (method or path), or have different path parameters. Go-only: it is the result of
// VerifyRoutes and RouteResolution, which have no Python counterpart.
type RouteReport = ops.Report

// VerifyRoutes fetches <registry>/openapi.json and reports how the SDK's routes compare with it.
// Routes can then be corrected with Configuration.OpenAPISpec (env ISTARI_CLIENT_OPENAPI_SPEC).
// The same report is printed offline by `go run ./cmd/istari-specdiff FILE`. Go-only (the Python client's
// routes are generated from the spec, so it has nothing to verify). A registry that does not serve the
// document answers *APIError (errors.Is ErrNotFound).
func (c *Client) VerifyRoutes(ctx context.Context) (*RouteReport, error) {
	spec, err := c.fetchOpenAPI(ctx)
	if err != nil {
		return nil, err
	}
	return ops.Diff(spec, ops.Builtin())
}

// RouteResolution reports how routes were resolved from Configuration.OpenAPISpec, or nil when none was given.
// Go-only: the Python client has generated routes and no operation table to resolve.
func (c *Client) RouteResolution() *RouteReport { return c.routes }

// fetchOpenAPI downloads the registry's OpenAPI document (ops.OpenAPIPath), with the registry headers.
func (c *Client) fetchOpenAPI(ctx context.Context) ([]byte, error) {
	header := c.registryHeader()
	header.Set("Accept", "application/json")
	resp, attempts, err := c.tr.Do(ctx, &transport.Request{ //nolint:bodyclose // drainAndClose below
		Method: http.MethodGet, URL: c.baseURL + ops.OpenAPIPath, Header: header, Registry: true, Label: "openapi",
	})
	if err != nil {
		return nil, fmt.Errorf("istari: fetching %s: %w", ops.OpenAPIPath, err)
	}
	defer drainAndClose(resp.Body)
	if resp.StatusCode != http.StatusOK {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, newAPIError("openapi", http.MethodGet, ops.OpenAPIPath, resp.StatusCode, resp.Header, raw, attempts)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 64<<20))
}
