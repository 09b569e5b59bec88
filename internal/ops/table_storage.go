package ops

// storageOps holds the wire operations of operations.md §12 Storage.
// Verb, path template and confidence are transcribed exactly from the spec table.
var storageOps = []Operation{
	{ID: "generate_upload_url", GoName: "GenerateUploadURL", Method: "GET", Path: "/api/v2/tokens/{sha}/upload-url", Confidence: Published, Section: "12"},
	{ID: "generate_download_url", GoName: "GenerateDownloadURL", Method: "GET", Path: "/api/v2/tokens/{sha}/download-url", Confidence: Published, Section: "12"},
	{ID: "generate_upload_urls_bulk", GoName: "GenerateUploadURLsBulk", Method: "POST", Path: "/api/v2/tokens/upload-urls_bulk", Confidence: Published, Section: "12"},
}

// multipartOps are the multipart upload routes. operations.md §12 says they exist but that their routes
// and shapes are unknown, so istari-go proposes them in the style of §12 (confidence R, section "12.m"
// marks them as proposals beyond operations.md). A registry OpenAPI document corrects them like any row.
var multipartOps = []Operation{
	{ID: "create_multipart_upload", GoName: "createMultipartUpload", Method: "POST", Path: "/api/v2/tokens/multipart-upload", Confidence: Published, Section: SectionProposed},
	{ID: "generate_multipart_part_urls", GoName: "generateMultipartPartURLs", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/part_urls", Confidence: Reconstructed, Section: SectionProposed},
	{ID: "complete_multipart_upload", GoName: "completeMultipartUpload", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/complete", Confidence: Reconstructed, Section: SectionProposed},
	{ID: "abort_multipart_upload", GoName: "abortMultipartUpload", Method: "DELETE", Path: "/api/v2/storage/multipart_uploads/{upload_id}", Confidence: Reconstructed, Section: SectionProposed},
}

// SectionProposed marks rows istari-go adds beyond operations.md (the multipart storage calls).
const SectionProposed = "12.m"
