package istari

// This file holds the function auth secrets wire operations. The upload composite
// AddFunctionAuthSecret builds on createFunctionAuthSecret.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// createFunctionAuthSecret registers an uploaded, encrypted secret (Python Client._create_function_auth_secret,
// operation create_function_auth_secret). body.SHA and body.Salt are the token of the plaintext secret;
// body.Revision is the uploaded secret revision.
func (c *Client) createFunctionAuthSecret(ctx context.Context, body *types.NewFunctionAuthSecret) (*types.FunctionAuthSecret, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "is required")
	}
	return invokeOne[types.FunctionAuthSecret](ctx, c, request{op: ops.CreateFunctionAuthSecret, body: body})
}

// ListFunctionAuthSecretsParams are the filters of ListFunctionAuthSecrets (Python function-auth-secret search
// keyword arguments). Nil fields are not sent.
type ListFunctionAuthSecretsParams struct {
	AuthIntegrationType *enums.AuthIntegrationType `query:"auth_integration_type"`
	FunctionAuthType    *enums.FunctionAuthType    `query:"function_auth_type"`
	// Latest keeps only the newest secret per integration and type.
	Latest *bool `query:"latest"`
}

// ListFunctionAuthSecrets lists the caller's function auth secrets, not paged (Python
// Client.list_function_auth_secrets, operation list_function_auth_secrets).
func (c *Client) ListFunctionAuthSecrets(ctx context.Context, params *ListFunctionAuthSecretsParams) ([]types.FunctionAuthSecret, error) {
	return listAll[types.FunctionAuthSecret](ctx, c, request{op: ops.ListFunctionAuthSecrets, query: params})
}

// GetFunctionAuthSecret fetches a function auth secret (Python Client.get_function_auth_secret, operation
// get_function_auth_secret; older SDKs: fetch_function_auth_secret).
func (c *Client) GetFunctionAuthSecret(ctx context.Context, functionAuthSecretID string) (*types.FunctionAuthSecret, error) {
	return invokeOne[types.FunctionAuthSecret](ctx, c, request{op: ops.GetFunctionAuthSecret, path: []string{functionAuthSecretID}})
}
