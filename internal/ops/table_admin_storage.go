package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	GenerateUploadURL         ID = "generate_upload_url"
	GenerateDownloadURL       ID = "generate_download_url"
	GenerateUploadURLsBulk    ID = "generate_upload_urls_bulk"
	CreateMultipartUpload     ID = "create_multipart_upload"
	GenerateMultipartPartURLs ID = "generate_multipart_part_urls"
	CompleteMultipartUpload   ID = "complete_multipart_upload"
	AbortMultipartUpload      ID = "abort_multipart_upload"
)

// storageOps holds the wire operations of section 12, Storage.
// Verb, path template and confidence are transcribed exactly from the spec table.
var storageOps = []Operation{
	{ID: string(GenerateUploadURL), GoName: "GenerateUploadURL", Method: "POST", Path: "/api/v2/storage/upload_urls", Confidence: Reconstructed, Section: "12"},
	{ID: string(GenerateDownloadURL), GoName: "GenerateDownloadURL", Method: "POST", Path: "/api/v2/storage/download_urls", Confidence: Reconstructed, Section: "12"},
	{ID: string(GenerateUploadURLsBulk), GoName: "GenerateUploadURLsBulk", Method: "POST", Path: "/api/v2/storage/upload_urls/bulk", Confidence: Reconstructed, Section: "12"},
}

// multipartOps are the multipart upload routes. The registry has them, but their routes and shapes are
// unknown, so istari-go proposes them in the style of the storage routes (confidence R, section "12.m"
// marks them as proposals beyond the registry's list). A registry OpenAPI document corrects them like any row.
var multipartOps = []Operation{
	{ID: string(CreateMultipartUpload), GoName: "createMultipartUpload", Method: "POST", Path: "/api/v2/storage/multipart_uploads", Confidence: Reconstructed, Section: SectionProposed},
	{ID: string(GenerateMultipartPartURLs), GoName: "generateMultipartPartURLs", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/part_urls", Confidence: Reconstructed, Section: SectionProposed},
	{ID: string(CompleteMultipartUpload), GoName: "completeMultipartUpload", Method: "POST", Path: "/api/v2/storage/multipart_uploads/{upload_id}/complete", Confidence: Reconstructed, Section: SectionProposed},
	{ID: string(AbortMultipartUpload), GoName: "abortMultipartUpload", Method: "DELETE", Path: "/api/v2/storage/multipart_uploads/{upload_id}", Confidence: Reconstructed, Section: SectionProposed},
}

// SectionProposed marks rows istari-go adds beyond the registry's list (the multipart storage calls).
const SectionProposed = "12.m"
