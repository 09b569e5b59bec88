package istari

// This file holds the personal-access-token operations. On identity-enabled registries
// every one of them answers 405, which surfaces as an error matching ErrPATsDeprecated (and
// ErrMethodNotAllowed): access keys replace personal access tokens there.

import (
	"context"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

type patNameParams struct {
	Name string `query:"name" validate:"required"`
}

// CreatePersonalAccessToken creates a personal access token for the caller (Python
// Client.create_personal_access_token, operation create_personal_access_token). The secret is in the result's
// Token field and only in this response: it prints as [REDACTED], read it with Token.Reveal(). name is
// required. Identity-enabled registries answer 405: the error matches ErrPATsDeprecated.
func (c *Client) CreatePersonalAccessToken(ctx context.Context, name string) (*types.PersonalAccessToken, error) {
	return c.createPAT(ctx, ops.CreatePersonalAccessToken, name)
}

// CreateAgentPersonalAccessToken creates a token for an agent machine user (Python
// Client.create_agent_personal_access_token, operation create_agent_personal_access_token). The secret is
// returned once, as for CreatePersonalAccessToken; 405 matches ErrPATsDeprecated.
func (c *Client) CreateAgentPersonalAccessToken(ctx context.Context, name string) (*types.PersonalAccessToken, error) {
	return c.createPAT(ctx, ops.CreateAgentPersonalAccessToken, name)
}

func (c *Client) createPAT(ctx context.Context, op ops.ID, name string) (*types.PersonalAccessToken, error) {
	return invokeOne[types.PersonalAccessToken](ctx, c, request{op: op, query: &patNameParams{Name: name}})
}

// ListPersonalAccessTokensParams are the query parameters of ListPersonalAccessTokens.
//
// Python: the keyword arguments of Client.list_personal_access_tokens.
type ListPersonalAccessTokensParams struct {
	PageOptions
	Sort *string `query:"sort"` // field name, "-" prefix for descending
}

// ListPersonalAccessTokens lists the caller's tokens page by page, without their secrets (Python
// Client.list_personal_access_tokens, operation list_personal_access_tokens).
func (c *Client) ListPersonalAccessTokens(ctx context.Context, params *ListPersonalAccessTokensParams) (*Page[types.PersonalAccessToken], error) {
	return listPage[types.PersonalAccessToken](ctx, c, ops.ListPersonalAccessTokens, nil, params)
}

// DeletePersonalAccessToken revokes one token (Python Client.delete_personal_access_token, operation
// delete_personal_access_token).
func (c *Client) DeletePersonalAccessToken(ctx context.Context, patID string) error {
	return c.invoke(ctx, request{op: ops.DeletePersonalAccessToken, path: []string{patID}})
}

// RevokeAllPersonalAccessTokens revokes every token of the caller (Python
// Client.revoke_all_personal_access_tokens, operation revoke_all_personal_access_tokens).
func (c *Client) RevokeAllPersonalAccessTokens(ctx context.Context) error {
	return c.invoke(ctx, request{op: ops.RevokeAllPersonalAccessTokens})
}
