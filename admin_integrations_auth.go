package istari

// This file holds the auth integration upload composites: the registration document is
// uploaded as a revision, then the wire calls of admin_integrations.go register it.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// CreateAuthIntegration uploads the registration document at authRegistrationPath and creates an auth
// integration with it (Python Client.create_auth_integration: create_revision, create_auth_integration).
// A missing file fails before any request; an unknown authIntegrationType, an empty authType or
// appIntegrationID are *ValidationError. An unknown app integration answers 404.
func (c *Client) CreateAuthIntegration(ctx context.Context, authIntegrationType enums.AuthIntegrationType, authType enums.FunctionAuthType,
	appIntegrationID, authRegistrationPath string) (*types.AuthIntegration, error) {
	if err := firstErr(
		checkEnum("auth_integration_type", authIntegrationType, enums.AuthIntegrationTypeValues()),
		requireString("auth_type", string(authType)),
		requireString("app_integration_id", appIntegrationID),
	); err != nil {
		return nil, err
	}
	if err := requireRegularFile(authRegistrationPath); err != nil {
		return nil, err
	}
	return addWith(ctx, c, "CreateAuthIntegration", pathSource(authRegistrationPath), nil, ops.CreateAuthIntegration,
		func(ctx context.Context, rev *types.FileRevision) (*types.AuthIntegration, error) {
			return c.createAuthIntegration(ctx, &types.NewAuthIntegration{
				AuthIntegrationType: authIntegrationType, AppIntegrationID: appIntegrationID, AuthType: authType, Revision: *rev,
			})
		})
}

// UpdateAuthIntegrationOptions are the fields UpdateAuthIntegration changes; nil fields are not sent.
type UpdateAuthIntegrationOptions struct {
	AuthIntegrationType *enums.AuthIntegrationType
	FunctionAuthType    *enums.FunctionAuthType
	// AuthRegistrationPath, when set, uploads a new registration document (with the current content salt).
	AuthRegistrationPath *string
}

// UpdateAuthIntegration changes an auth integration (Python Client.update_auth_integration). With a
// registration path: a missing file fails before any request, then get_auth_integration gives the salt of
// the current document, the new document is uploaded with it; then update_auth_integration sends only the
// supplied fields.
func (c *Client) UpdateAuthIntegration(ctx context.Context, authIntegrationID string, opts *UpdateAuthIntegrationOptions) (*types.AuthIntegration, error) {
	if authIntegrationID == "" {
		return nil, newValidationError("auth_integration_id", "required", "", "is required")
	}
	if opts == nil {
		opts = &UpdateAuthIntegrationOptions{}
	}
	body := &types.AuthIntegrationUpdate{AuthIntegrationType: opts.AuthIntegrationType, AuthType: opts.FunctionAuthType}
	if body.AuthIntegrationType != nil {
		if err := checkEnum("auth_integration_type", *body.AuthIntegrationType, enums.AuthIntegrationTypeValues()); err != nil {
			return nil, err
		}
	}
	if opts.AuthRegistrationPath == nil {
		return c.updateAuthIntegration(ctx, authIntegrationID, body)
	}
	path := *opts.AuthRegistrationPath
	if err := requireRegularFile(path); err != nil {
		return nil, err
	}
	return updateWith(ctx, c, "UpdateAuthIntegration", "auth_integration_id", authIntegrationID, pathSource(path), nil, ops.UpdateAuthIntegration,
		c.authIntegrationFile,
		func(ctx context.Context, id string, rev *types.FileRevision) (*types.AuthIntegration, error) {
			body.Revision = rev
			return c.updateAuthIntegration(ctx, id, body)
		})
}

// authIntegrationFile returns the registration document of an auth integration (nil when it has none).
func (c *Client) authIntegrationFile(ctx context.Context, id string) (*types.File, error) {
	a, err := c.GetAuthIntegration(ctx, id)
	if err != nil {
		return nil, err
	}
	return a.File, nil
}
