package istari

import (
	"context"
	"fmt"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/upload"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// GenerateUploadURL asks the registry for a presigned, one-time upload URL for the object with the given sha
// (Python Client.generate_upload_url, operation generate_upload_url: GET /api/v2/tokens/{sha}/upload-url; the
// salt stays with the caller, it is part of the sha). PUT the bytes there without the registry Authorization
// header; the URL's query is a credential and must not be logged.
func (c *Client) GenerateUploadURL(ctx context.Context, body *types.UploadURLRequest) (*types.PresignedURL, error) {
	if err := checkTokenBody(body); err != nil {
		return nil, err
	}
	return invokeOne[types.PresignedURL](ctx, c, request{op: ops.GenerateUploadURL, path: []string{body.SHA}})
}

// GenerateDownloadURL asks the registry for a presigned download URL of the object with the given sha (Python
// Client.generate_download_url, operation generate_download_url: GET /api/v2/tokens/{sha}/download-url). A
// missing object is a 404 (ErrNotFound).
func (c *Client) GenerateDownloadURL(ctx context.Context, body *types.UploadURLRequest) (*types.PresignedURL, error) {
	if err := checkTokenBody(body); err != nil {
		return nil, err
	}
	return invokeOne[types.PresignedURL](ctx, c, request{op: ops.GenerateDownloadURL, path: []string{body.SHA}})
}

// GenerateUploadURLsBulk asks for up to 10 presigned upload URLs at once, in the order of body (Python
// generate_upload_urls_bulk, operation generate_upload_urls_bulk; used by CreateRevisionsBulk). More than 10
// or none fails locally with *ValidationError.
func (c *Client) GenerateUploadURLsBulk(ctx context.Context, body []types.UploadURLRequest) ([]types.PresignedURL, error) {
	if len(body) == 0 || len(body) > upload.MaxBulk {
		return nil, &ValidationError{Field: "body", Rule: "max", Param: "10", Length: len(body), Msg: fmt.Sprintf("must hold 1 to 10 objects (got %d)", len(body))}
	}
	for i := range body {
		if err := checkTokenBody(&body[i]); err != nil {
			return nil, err
		}
	}
	shas := make([]string, len(body)) // the registry takes the shas alone, as a JSON list
	for i := range body {
		shas[i] = body[i].SHA
	}
	var out []types.PresignedURL
	if err := c.invoke(ctx, request{op: ops.GenerateUploadURLsBulk, body: shas, out: &out}); err != nil {
		return nil, err
	}
	if len(out) != len(body) {
		return nil, fmt.Errorf("istari: generate_upload_urls_bulk: asked for %d URLs, got %d", len(body), len(out))
	}
	return out, nil
}

func checkTokenBody(b *types.UploadURLRequest) error {
	if b == nil {
		return newValidationError("body", "required", "", "is required")
	}
	if v := validate.First(b); v != nil {
		return violationError(v)
	}
	return nil
}

// createMultipartUpload starts a multipart upload and answers a presigned URL for every part (operation
// create_multipart_upload; Python StorageApi.create_multipart_upload).
func (c *Client) createMultipartUpload(ctx context.Context, body *types.NewMultipartUpload) (*types.MultipartUpload, error) {
	var out types.MultipartUpload
	if err := c.invoke(ctx, request{op: ops.CreateMultipartUpload, body: body, out: &out}); err != nil {
		return nil, err
	}
	if out.UploadID == "" {
		return nil, fmt.Errorf("istari: create_multipart_upload: the answer has no upload_id")
	}
	return &out, nil
}

// finalizeMultipartUpload completes or cancels a multipart upload (operation finalize_multipart_upload; Python
// StorageApi.finalize_multipart_upload).
func (c *Client) finalizeMultipartUpload(ctx context.Context, body *types.FinalizeMultipartUpload) error {
	return c.invoke(ctx, request{op: ops.FinalizeMultipartUpload, body: body})
}
