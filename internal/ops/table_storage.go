package ops

// storageOps holds the wire operations of operations.md §12 Storage.
// Verb, path template and confidence are transcribed exactly from the spec table.
var storageOps = []Operation{
	{ID: "generate_upload_url", GoName: "GenerateUploadURL", Method: "POST", Path: "/api/v2/storage/upload_urls", Confidence: Reconstructed, Section: "12"},
	{ID: "generate_download_url", GoName: "GenerateDownloadURL", Method: "POST", Path: "/api/v2/storage/download_urls", Confidence: Reconstructed, Section: "12"},
	{ID: "generate_upload_urls_bulk", GoName: "GenerateUploadURLsBulk", Method: "POST", Path: "/api/v2/storage/upload_urls/bulk", Confidence: Reconstructed, Section: "12"},
}
