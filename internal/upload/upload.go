// Package upload moves content into the registry's object store and builds the revision that registers it:
// sources (a path, a reader used in place or spooled to a temp file, bytes), the checksum, single and
// multipart transfers to presigned URLs, the properties blob, the client-built FileRevision, and the steps of
// every add/update composite and of the bulk upload. It is the aws-sdk s3 manager idea: the registry is reached
// only through the small Registry interface, which the root package implements.
//
// Local problems are returned as *validate.Violation values and object-store answers as *storage.StatusError
// (through Uploader.StorageError); the root package reports them as *istari.ValidationError and
// *istari.APIError.
//
// Python: the upload half of istari_digital_client's Client (create_revision, update_revision_content,
// create_revisions_bulk, add_*/update_* composites).
package upload

import (
	"context"
	"log/slog"

	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// MaxBulk is the most objects one bulk storage or bulk artifact call accepts.
const MaxBulk = 10

// Registry is what an upload needs of the registry: presigned upload URLs and the multipart calls.
type Registry interface {
	// UploadURL returns a presigned URL for one object (generate_upload_url).
	UploadURL(ctx context.Context, sha, salt string) (string, error)
	// UploadURLs returns presigned URLs for up to MaxBulk objects, in order (generate_upload_urls_bulk).
	UploadURLs(ctx context.Context, reqs []types.UploadURLRequest) ([]string, error)
	// CreateMultipart starts a multipart upload and answers its id and every part's URL
	// (create_multipart_upload).
	CreateMultipart(ctx context.Context, body *types.NewMultipartUpload) (*types.MultipartUpload, error)
	// FinalizeMultipart completes or cancels a multipart upload (finalize_multipart_upload).
	FinalizeMultipart(ctx context.Context, body *types.FinalizeMultipartUpload) error
}

// Uploader uploads content; its fields are set once by the client.
type Uploader struct {
	Registry    Registry
	Transfers   *storage.Transfers
	Threshold   int64 // objects larger than this go multipart
	ChunkSize   int64 // multipart part size
	Concurrency int   // parts in flight at once
	Logger      *slog.Logger
	// StorageError maps an object-store failure (op is "storage.put") to the caller's error type.
	StorageError func(op string, err error) error
	// Telemetry traces each presigned PUT (a whole object or one part) and counts its bytes; nil = none.
	Telemetry *telemetry.Telemetry
}

// Options are the optional settings of one upload. Each string is at most 255 characters; a longer one fails
// locally before any byte is read or sent. The json tags name the fields in violations.
type Options struct {
	Sources            []types.NewSource       `json:"sources" validate:"dive"`
	Description        *string                 `json:"description" validate:"omitempty,column"`
	DisplayName        *string                 `json:"display_name" validate:"omitempty,column"`
	VersionName        *string                 `json:"version_name" validate:"omitempty,column"`
	ExternalIdentifier *string                 `json:"external_identifier" validate:"omitempty,column"`
	Progress           func(sent, total int64) `json:"-"`
}

// Validate checks o locally (255-character limits, source revision ids); nil passes.
func (o *Options) Validate() error {
	if o == nil {
		return nil
	}
	if v := validate.First(o); v != nil {
		return v
	}
	return nil
}

func (u *Uploader) storageErr(err error) error {
	if u.StorageError == nil {
		return err
	}
	return u.StorageError("storage.put", err)
}
