package istari

// This file holds the user operations: the current user, user lookup, user administration and tenants.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// GetCurrentUser returns the user the token belongs to (Python Client.get_current_user, operation
// get_current_user).
func (c *Client) GetCurrentUser(ctx context.Context) (*types.User, error) {
	return invokeOne[types.User](ctx, c, request{op: ops.GetCurrentUser})
}

// GetUserByID returns one user (Python Client.get_user_by_id, operation get_user_by_id).
func (c *Client) GetUserByID(ctx context.Context, userID string) (*types.User, error) {
	return invokeOne[types.User](ctx, c, request{op: ops.GetUserByID, path: []string{userID}})
}

// GetUser is an alias of GetUserByID (Python Client.get_user).
func (c *Client) GetUser(ctx context.Context, userID string) (*types.User, error) {
	return c.GetUserByID(ctx, userID)
}

// ListUsersParams are the filters of ListUsers; nil sends nothing and the registry uses user_state=active,
// user_type=all.
//
// Python: the keyword arguments of Client.list_users.
type ListUsersParams struct {
	UserState *enums.UserStateOption `query:"user_state"`
	UserType  *enums.UserType        `query:"user_type"`
}

// ListUsers lists the users of the tenant, not paged (Python Client.list_users, operation list_users).
// Older registries answer a page envelope; both shapes decode (only that page's items are returned then).
func (c *Client) ListUsers(ctx context.Context, params *ListUsersParams) ([]types.User, error) {
	if params != nil {
		if params.UserState != nil {
			if err := checkEnum("user_state", *params.UserState, enums.UserStateOptionValues()); err != nil {
				return nil, err
			}
		}
		if params.UserType != nil {
			if err := checkEnum("user_type", *params.UserType, enums.UserTypeValues()); err != nil {
				return nil, err
			}
		}
	}
	return listAll[types.User](ctx, c, request{op: ops.ListUsers, query: params})
}
