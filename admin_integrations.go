package istari

// This file holds the app- and auth-integration wire operations. The public composites
// CreateAuthIntegration / UpdateAuthIntegration (which upload the registration document) wrap the unexported
// wire calls below.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// CreateAppIntegration registers an app integration (Python Client.create_app_integration, operation
// create_app_integration). The body's fields are unknown: set them in body.Extra.
func (c *Client) CreateAppIntegration(ctx context.Context, body *types.NewAppIntegration) (*types.AppIntegration, error) {
	if body == nil {
		body = &types.NewAppIntegration{}
	}
	return invokeOne[types.AppIntegration](ctx, c, request{op: ops.CreateAppIntegration, body: body})
}

// ListAppIntegrationsParams are the query parameters of ListAppIntegrations (Python list_app_integrations keyword arguments).
type ListAppIntegrationsParams struct {
	PageOptions
}

// ListAppIntegrations lists app integrations page by page (Python Client.list_app_integrations, operation
// list_app_integrations).
func (c *Client) ListAppIntegrations(ctx context.Context, params *ListAppIntegrationsParams) (*Page[types.AppIntegration], error) {
	return listPage[types.AppIntegration](ctx, c, ops.ListAppIntegrations, nil, params)
}

// createAuthIntegration is the wire call create_auth_integration (Python Client._create_auth_integration);
// body.Revision must describe an already uploaded registration document.
func (c *Client) createAuthIntegration(ctx context.Context, body *types.NewAuthIntegration) (*types.AuthIntegration, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "")
	}
	if err := firstErr(
		checkEnum("auth_integration_type", body.AuthIntegrationType, enums.AuthIntegrationTypeValues()),
		requireString("app_integration_id", body.AppIntegrationID),
		requireString("auth_type", string(body.AuthType)),
		requireString("revision.id", body.Revision.ID),
	); err != nil {
		return nil, err
	}
	return invokeOne[types.AuthIntegration](ctx, c, request{op: ops.CreateAuthIntegration, body: body})
}

// updateAuthIntegration is the wire call update_auth_integration (Python Client._update_auth_integration):
// only the fields set in body are sent.
func (c *Client) updateAuthIntegration(ctx context.Context, authIntegrationID string, body *types.AuthIntegrationUpdate) (*types.AuthIntegration, error) {
	if body == nil {
		body = &types.AuthIntegrationUpdate{}
	}
	if body.AuthIntegrationType != nil {
		if err := checkEnum("auth_integration_type", *body.AuthIntegrationType, enums.AuthIntegrationTypeValues()); err != nil {
			return nil, err
		}
	}
	return invokeOne[types.AuthIntegration](ctx, c, request{op: ops.UpdateAuthIntegration, path: []string{authIntegrationID}, body: body})
}

// GetAuthIntegration returns one auth integration; its File's latest revision holds the registration
// document (Python Client.get_auth_integration, operation get_auth_integration).
func (c *Client) GetAuthIntegration(ctx context.Context, authIntegrationID string) (*types.AuthIntegration, error) {
	return invokeOne[types.AuthIntegration](ctx, c, request{op: ops.GetAuthIntegration, path: []string{authIntegrationID}})
}

// ListAuthIntegrationsParams are the query parameters of ListAuthIntegrations (Python list_auth_integrations keyword arguments).
type ListAuthIntegrationsParams struct {
	PageOptions
}

// ListAuthIntegrations lists auth integrations page by page (Python Client.list_auth_integrations, operation
// list_auth_integrations).
func (c *Client) ListAuthIntegrations(ctx context.Context, params *ListAuthIntegrationsParams) (*Page[types.AuthIntegration], error) {
	return listPage[types.AuthIntegration](ctx, c, ops.ListAuthIntegrations, nil, params)
}
