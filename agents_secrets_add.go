package istari

// This file holds the function auth secret upload composites: the secret is uploaded as a
// revision's content, then registered.

import (
	"context"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// FunctionAuthSecretOptions are the optional settings of AddFunctionAuthSecret.
type FunctionAuthSecretOptions struct {
	// AuthIntegrationID links the secret to an auth integration.
	AuthIntegrationID *string
	// Expiration is when the secret stops being valid.
	Expiration *time.Time
}

// CreateSecretRevision uploads a secret file and returns the client-built revision, not yet registered
// (Python Client.create_secret_revision).
//
// The Python client encrypts the secret on the client with a scheme that is not public; istari-go does NOT
// encrypt it client-side: the plaintext bytes go through the same presigned HTTPS (TLS) upload as any
// revision, under a new random salt, and rely on the object store's protection at rest. Use it only where
// that is acceptable. Neither the secret nor its content is ever logged.
func (c *Client) CreateSecretRevision(ctx context.Context, path string) (*types.FileRevision, error) {
	if err := requireRegularFile(path); err != nil {
		return nil, err
	}
	return c.revisionWith(ctx, pathSource(path), "", nil)
}

// AddFunctionAuthSecret uploads a secret file and registers it as a function auth secret (Python
// Client.add_function_auth_secret: create_secret_revision, token of the plaintext bytes,
// create_function_auth_secret). The body's sha and salt are the token of the plaintext secret; since
// istari-go uploads the plaintext (see CreateSecretRevision: no client-side encryption), that token is the
// uploaded revision's content token. A missing file fails before any request; an empty functionAuthType is
// a *ValidationError. Attach the result to a job as NewSource{RevisionID: secret.Revision.ID,
// RelationshipIdentifier: <input name>}. The secret is never logged.
func (c *Client) AddFunctionAuthSecret(ctx context.Context, functionAuthType enums.FunctionAuthType, path string, opts *FunctionAuthSecretOptions) (_ *types.FunctionAuthSecret, err error) {
	ctx, span := c.tel.StartCall(ctx, "AddFunctionAuthSecret")
	defer span.Done(&err)
	if functionAuthType == "" {
		return nil, newValidationError("function_auth_type", "required", "", "is required")
	}
	if opts == nil {
		opts = &FunctionAuthSecretOptions{}
	}
	rev, err := c.CreateSecretRevision(ctx, path)
	if err != nil {
		return nil, err
	}
	body := &types.NewFunctionAuthSecret{
		AuthIntegrationID: opts.AuthIntegrationID,
		Revision:          *rev,
		FunctionAuthType:  functionAuthType,
		SHA:               rev.ContentTok.SHA,
		Salt:              rev.ContentTok.Salt,
	}
	if opts.Expiration != nil {
		body.Expiration = &types.Timestamp{Time: opts.Expiration.UTC()}
	}
	out, err := c.createFunctionAuthSecret(ctx, body)
	if err != nil {
		return nil, c.afterUpload(ctx, ops.CreateFunctionAuthSecret, rev, err)
	}
	return out, nil
}
