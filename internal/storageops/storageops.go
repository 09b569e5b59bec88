// Package storageops holds the multipart storage routes that are not yet in the built-in operation table
// (operations.md §12 says the multipart endpoints are unknown; these rows are proposals, confidence R). The
// client and the fake registry both add them with ops.Builtin().With(storageops.Rows...). They are meant to be
// folded into internal/ops/table_storage.go.
package storageops

import "github.com/istari-sdk/istari-go/internal/ops"

// Rows are the multipart upload operations: create the upload, get presigned part URLs, complete, abort.
var Rows = []ops.Operation{
	{ID: "create_multipart_upload", GoName: "createMultipartUpload", Method: "POST", Path: "/api/v2/storage/multipart_uploads", Confidence: ops.Reconstructed, Section: "12"},
	{ID: "generate_multipart_part_urls", GoName: "generateMultipartPartURLs", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/part_urls", Confidence: ops.Reconstructed, Section: "12"},
	{ID: "complete_multipart_upload", GoName: "completeMultipartUpload", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/complete", Confidence: ops.Reconstructed, Section: "12"},
	{ID: "abort_multipart_upload", GoName: "abortMultipartUpload", Method: "DELETE", Path: "/api/v2/storage/multipart_uploads/{upload_id}", Confidence: ops.Reconstructed, Section: "12"},
}
