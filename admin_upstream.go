package istari

// This file holds the upstream-remote operations. UNCONFIRMED SHAPES: only the
// operation names are known (routes, parameters, bodies and answers are proposals), so the sync and
// compatibility calls take raw query values and an arbitrary JSON body, and return the answer raw.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListUpstreamRemotesParams are the query parameters of ListUpstreamRemotes.
//
// Python: the keyword arguments of Client.list_upstream_remotes.
type ListUpstreamRemotesParams struct {
	PageOptions
}

// ListUpstreamRemotes lists the upstream remotes page by page (Python Client.list_upstream_remotes, operation
// list_upstream_remotes). Each item carries the remote's ID, Name and URL; other keys are in its Extra.
func (c *Client) ListUpstreamRemotes(ctx context.Context, params *ListUpstreamRemotesParams) (*Page[types.UpstreamRemote], error) {
	return listPage[types.UpstreamRemote](ctx, c, ops.ListUpstreamRemotes, nil, params)
}

// SyncUpstreamRemotesParams is what SyncUpstreamRemotes sends. The parameters of the operation are unknown,
// so Query is sent verbatim and Body, when not nil, is JSON-encoded (json.RawMessage passes through).
//
// Python: the keyword arguments of Client.sync_upstream_remotes.
type SyncUpstreamRemotesParams struct {
	Query url.Values
	Body  any
}

// SyncUpstreamRemotes asks the registry to sync its upstream remotes (Python Client.sync_upstream_remotes,
// operation sync_upstream_remotes). UNCONFIRMED: parameters and answer are unknown; the answer is returned raw
// (an empty body gives an empty Raw).
func (c *Client) SyncUpstreamRemotes(ctx context.Context, params *SyncUpstreamRemotesParams) (*types.UpstreamRemoteSyncResult, error) {
	var p SyncUpstreamRemotesParams
	if params != nil {
		p = *params
	}
	out := &types.UpstreamRemoteSyncResult{}
	err := c.invoke(ctx, request{op: ops.SyncUpstreamRemotes, query: queryOrNil(p.Query), body: p.Body,
		stream: func(resp *http.Response) error { return readRaw(resp, &out.Raw) }})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CheckUpstreamRemoteCompatibilityParams is what CheckUpstreamRemoteCompatibility sends: the query is
// unknown, so it is sent verbatim.
//
// Python: the keyword arguments of Client.check_upstream_remote_compatibility.
type CheckUpstreamRemoteCompatibilityParams struct {
	Query url.Values
}

// CheckUpstreamRemoteCompatibility asks whether the upstream remotes are compatible with this registry
// (Python Client.check_upstream_remote_compatibility, operation check_upstream_remote_compatibility).
// UNCONFIRMED: parameters and answer are unknown; the answer is returned raw.
func (c *Client) CheckUpstreamRemoteCompatibility(ctx context.Context, params *CheckUpstreamRemoteCompatibilityParams) (*types.UpstreamRemoteCompatibility, error) {
	var q url.Values
	if params != nil {
		q = params.Query
	}
	out := &types.UpstreamRemoteCompatibility{}
	err := c.invoke(ctx, request{op: ops.CheckUpstreamRemoteCompatibility, query: queryOrNil(q),
		stream: func(resp *http.Response) error { return readRaw(resp, &out.Raw) }})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func queryOrNil(q url.Values) any {
	if q == nil {
		return nil
	}
	return q
}

// readRaw keeps a response body of up to 16 MiB as raw JSON (invoke closes the body).
func readRaw(resp *http.Response, dst *json.RawMessage) error {
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	*dst = b
	return err
}
