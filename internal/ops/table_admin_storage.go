package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	GenerateUploadURL       ID = "generate_upload_url"
	GenerateDownloadURL     ID = "generate_download_url"
	GenerateUploadURLsBulk  ID = "generate_upload_urls_bulk"
	CreateMultipartUpload   ID = "create_multipart_upload"
	FinalizeMultipartUpload ID = "finalize_multipart_upload"
)

// storageOps holds the wire operations of section 12, Storage.
// Verb, path template and confidence are transcribed exactly from the spec table.
var storageOps = []Operation{
	{ID: string(GenerateUploadURL), GoName: "GenerateUploadURL", Method: "GET", Path: "/api/v2/tokens/{sha}/upload-url", Confidence: Published, Section: "12"},
	{ID: string(GenerateDownloadURL), GoName: "GenerateDownloadURL", Method: "GET", Path: "/api/v2/tokens/{sha}/download-url", Confidence: Published, Section: "12"},
	{ID: string(GenerateUploadURLsBulk), GoName: "GenerateUploadURLsBulk", Method: "POST", Path: "/api/v2/tokens/upload-urls_bulk", Confidence: Published, Section: "12"},
}

// multipartOps are the two multipart upload routes the published client uses: one call starts the upload and
// answers a presigned URL for every part at once, one call completes it (action "complete", with the parts'
// ETags) or cancels it (action "cancel"). Python's storage layer calls them; they stay unexported in Go.
var multipartOps = []Operation{
	{ID: string(CreateMultipartUpload), GoName: "createMultipartUpload", Method: "POST", Path: "/api/v2/tokens/multipart-upload", Confidence: Published, Section: "12"},
	{ID: string(FinalizeMultipartUpload), GoName: "finalizeMultipartUpload", Method: "PUT", Path: "/api/v2/tokens/multipart-upload", Confidence: Published, Section: "12"},
}

// SectionProposed marks rows istari-go adds beyond the registry's list (none since the multipart storage calls
// became the published client's two routes).
const SectionProposed = "12.m"
