package istari

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/transport"
)

// RouteReport says how the SDK's operation table compares with a registry's OpenAPI document: which operations
// the document serves and by which rule they were matched (exact operationId, FastAPI's default operationId, or
// method and path shape), which moved, which path parameters it renames, which rows were found but refused
// (their built-in route is kept), query parameters and body properties on which they disagree, and which
// operations the document lacks. Its OK method is true when every operation the document is expected to hold
// matches exactly; WriteText prints it as istari-specdiff does. Go-only: the Python client's routes are
// generated from the document, so it has nothing to report.
type RouteReport = ops.Report

// routeState is the operation table a client uses and the report of its resolution (nil for built-in routes).
type routeState struct {
	table  *ops.Table
	report *ops.Report
}

// discovery is the state of Configuration.RouteDiscovery "auto": the fetch starts once, on the first call.
type discovery struct {
	start sync.Once
	done  chan struct{}
	ctx   context.Context // cancelled by Close
}

const (
	// discoveryTimeout bounds one fetch of the registry's OpenAPI document, retries included.
	discoveryTimeout = 10 * time.Second
	// maxOpenAPIBytes bounds the size of a fetched OpenAPI document.
	maxOpenAPIBytes = 32 << 20
)

// initRoutes resolves Configuration.OpenAPISpec, or prepares discovery.
func (c *Client) initRoutes() error {
	c.routes.Store(&routeState{table: ops.Builtin()})
	if len(c.cfg.OpenAPISpec) > 0 {
		if _, err := c.applyDocument(c.cfg.OpenAPISpec, "Configuration.OpenAPISpec", nil); err != nil {
			return &ConfigurationError{Field: "OpenAPISpec", Env: envOpenAPISpec, Msg: err.Error()}
		}
		return nil
	}
	if c.cfg.RouteDiscovery != RouteDiscoveryOff {
		ctx, cancel := context.WithCancel(context.Background())
		c.discovery = &discovery{done: make(chan struct{}), ctx: ctx}
		c.closers = append(c.closers, func() error { cancel(); return nil })
	}
	return nil
}

// Routes returns the report of the routes in use: how Configuration.OpenAPISpec, or the document route
// discovery fetched, was resolved against the built-in table. It is nil while the built-in routes are in use
// (discovery off, not yet run because no call was made, or without a usable document). The report is shared:
// do not modify it. Go-only, no Python equivalent (see RouteReport).
func (c *Client) Routes() *RouteReport { return c.routes.Load().report }

// RefreshRoutes fetches the registry's OpenAPI document now (Configuration.OpenAPIURL, else the usual FastAPI
// locations under the registry URL), resolves the routes from it and returns the new report. On failure the
// routes in use are kept. Go-only, no Python equivalent (see RouteReport).
func (c *Client) RefreshRoutes(ctx context.Context) (*RouteReport, error) {
	ctx, cancel := context.WithTimeout(ctx, discoveryTimeout)
	defer cancel()
	spec, origin, err := c.fetchOpenAPI(ctx)
	if err != nil {
		return nil, err
	}
	rep, err := c.applyDocument(spec, origin, nil)
	if err != nil {
		return nil, fmt.Errorf("istari: OpenAPI document at %s: %w", origin, err)
	}
	if d := c.discovery; d != nil {
		d.start.Do(func() { close(d.done) }) // discovered: the first call need not fetch again
	}
	return rep, nil
}

// VerifyRoutes fetches the registry's OpenAPI document (as RefreshRoutes does) and reports how the built-in
// routes compare with it, without changing the routes in use. The same report is printed offline by
// `go run ./cmd/istari-specdiff FILE`. A registry that does not serve the document answers *APIError
// (errors.Is ErrNotFound). Go-only, no Python equivalent (see RouteReport).
func (c *Client) VerifyRoutes(ctx context.Context) (*RouteReport, error) {
	spec, origin, err := c.fetchOpenAPI(ctx)
	if err != nil {
		return nil, err
	}
	rep, err := ops.Diff(ops.Builtin(), c.resolveOptions(), spec)
	if err != nil {
		return nil, fmt.Errorf("istari: OpenAPI document at %s: %w", origin, err)
	}
	rep.Origin = origin
	return rep, nil
}

// route returns the operation id's row and its path expanded with values. The values are checked against the
// routes in use first, so a local problem fails before discovery sends any request.
func (c *Client) route(ctx context.Context, id string, values []string) (ops.Operation, string, error) {
	op, path, err := c.lookup(id, values)
	if err != nil || c.discovery == nil {
		return op, path, err
	}
	if err := c.discover(ctx); err != nil {
		return ops.Operation{}, "", err
	}
	return c.lookup(id, values)
}

func (c *Client) lookup(id string, values []string) (ops.Operation, string, error) {
	op, ok := c.routes.Load().table.Lookup(id)
	if !ok {
		return ops.Operation{}, "", fmt.Errorf("istari: unknown operation %q", id)
	}
	path, err := op.Expand(values...)
	if err != nil {
		return op, "", c.pathError(op.ArgNames(), values, err)
	}
	return op, path, nil
}

// discover waits for route discovery, starting it on the first call. The fetch runs on its own, bounded by
// discoveryTimeout and by Close, so a caller whose context ends stops waiting without failing it for others.
func (c *Client) discover(ctx context.Context) error {
	d := c.discovery
	d.start.Do(func() { go c.runDiscovery(d) })
	select {
	case <-d.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("istari: waiting for route discovery: %w", ctx.Err())
	}
}

func (c *Client) runDiscovery(d *discovery) {
	defer close(d.done)
	ctx, cancel := context.WithTimeout(d.ctx, discoveryTimeout)
	defer cancel()
	before := c.routes.Load()
	spec, origin, err := c.fetchOpenAPI(ctx)
	if err != nil {
		c.logger.Debug("istari: route discovery found no OpenAPI document; using the built-in routes", "err", err)
		return
	}
	if _, err := c.applyDocument(spec, origin, before); err != nil {
		c.logger.Debug("istari: route discovery: the OpenAPI document does not parse; using the built-in routes",
			"url", origin, "err", err)
	}
}

// applyDocument resolves the routes from spec and puts them in use; anything but a full match is logged once
// at Warn. With expect set, the routes are replaced only while they are still expect (discovery does not undo a
// RefreshRoutes that finished first).
func (c *Client) applyDocument(spec []byte, origin string, expect *routeState) (*ops.Report, error) {
	table, rep, err := ops.Resolve(ops.Builtin(), c.resolveOptions(), spec)
	if err != nil {
		return nil, err
	}
	rep.Origin = origin
	next := &routeState{table: table, report: rep}
	if expect == nil {
		c.routes.Store(next)
	} else if !c.routes.CompareAndSwap(expect, next) {
		return rep, nil
	}
	if !rep.AllMatched() {
		c.logger.Warn("istari: the OpenAPI document does not match every built-in route; Client.Routes() has the report",
			"origin", origin, "summary", rep.Summary())
	}
	return rep, nil
}

func (c *Client) resolveOptions() ops.Options {
	base := ""
	if u, err := url.Parse(c.baseURL); err == nil {
		base = u.Path
	}
	return ops.Options{BasePath: base}
}

// fetchOpenAPI downloads the registry's OpenAPI document: Configuration.OpenAPIURL, else the first of
// ops.OpenAPILocations that is not 404. It returns the document and where it was found.
func (c *Client) fetchOpenAPI(ctx context.Context) ([]byte, string, error) {
	locations := make([]string, 0, len(ops.OpenAPILocations))
	switch u := c.cfg.OpenAPIURL; {
	case strings.HasPrefix(u, "/"):
		locations = append(locations, c.baseURL+u)
	case u != "":
		locations = append(locations, u)
	default:
		for _, p := range ops.OpenAPILocations {
			locations = append(locations, c.baseURL+p)
		}
	}
	var last error
	for _, loc := range locations {
		spec, err := c.fetchOpenAPIAt(ctx, loc)
		if err == nil {
			return spec, loc, nil
		}
		last = err
		if apiErr := (*APIError)(nil); !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
			break
		}
	}
	return nil, "", last
}

func (c *Client) fetchOpenAPIAt(ctx context.Context, loc string) ([]byte, error) {
	header := c.registryHeader()
	header.Set("Accept", "application/json, application/yaml;q=0.9")
	// A document on another origin is not the registry: no registry token, trace context or compatibility
	// signals go with it.
	registry := sameOrigin(loc, c.baseURL)
	path := loc
	if u, err := url.Parse(loc); err == nil {
		path = u.Path
	}
	resp, attempts, err := c.tr.Do(ctx, &transport.Request{ //nolint:bodyclose // drainAndClose below
		Method: http.MethodGet, URL: loc, Header: header, Registry: registry, Label: "openapi",
	})
	if err != nil {
		return nil, fmt.Errorf("istari: fetching %s: %w", path, err)
	}
	defer drainAndClose(resp.Body)
	if resp.StatusCode != http.StatusOK {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, c.apiError("openapi", http.MethodGet, path, resp.StatusCode, resp.Header, raw, attempts)
	}
	spec, err := io.ReadAll(io.LimitReader(resp.Body, maxOpenAPIBytes+1))
	if err != nil {
		return nil, fmt.Errorf("istari: reading %s: %w", path, err)
	}
	if len(spec) > maxOpenAPIBytes {
		return nil, fmt.Errorf("istari: %s is larger than %d MiB", path, maxOpenAPIBytes>>20)
	}
	return spec, nil
}

// sameOrigin reports whether a and b have the same scheme and host.
func sameOrigin(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	return errA == nil && errB == nil && strings.EqualFold(ua.Scheme, ub.Scheme) && strings.EqualFold(ua.Host, ub.Host)
}
