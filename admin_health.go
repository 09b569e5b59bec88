package istari

import (
	"context"
	"io"
	"net/http"

	"github.com/istari-sdk/istari-go/internal/ops"
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
