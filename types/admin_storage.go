package types

// This file holds the bodies of the two multipart storage calls, as the published Python client
// (istari-digital-client 13.3.4) sends and reads them. They are Go-only: Python's multipart calls are internal
// to its storage layer, and so are Go's.

// NewMultipartUpload is the body of create_multipart_upload (Python CreateMultipartUploadRequest): the token sha
// of the whole object and how many parts it will be sent in. ModelID targets a model's tenant store; it is sent
// as null when unset, as Python does.
type NewMultipartUpload struct {
	SHA      string  `json:"sha"`
	NumParts int     `json:"num_parts"`
	ModelID  *string `json:"model_id"`
}

// MultipartUpload is the answer of create_multipart_upload (Python CreateMultipartUploadResponse): the upload id
// and a presigned PUT URL for every part, keyed by the 1-based part number as a string ("1", "2", ...). Each
// URL's query is a credential: do not log it.
type MultipartUpload struct {
	UploadID   string                  `json:"upload_id"`
	UploadURLs map[string]TemporaryURL `json:"upload_urls"`
}

// TemporaryURL is one presigned URL with its expiry, if the registry gives one (Python TemporaryURL).
type TemporaryURL struct {
	URL     string  `json:"url"`
	Expires *string `json:"expires,omitempty"`
}

// CompletedPart is one uploaded part (Python CompletedPartTypeDef): its number and the ETag the object store
// answered, quotes stripped. The wire names are S3's.
type CompletedPart struct {
	ETag       string `json:"ETag"`
	PartNumber int    `json:"PartNumber"`
}

// Finalize actions of finalize_multipart_upload (Python FinalizeMultipartUploadAction).
const (
	MultipartComplete = "complete"
	MultipartCancel   = "cancel"
)

// FinalizeMultipartUpload is the body of finalize_multipart_upload (Python FinalizeMultipartUploadRequest):
// Action MultipartComplete with every part in ascending order, or MultipartCancel with CompletedParts nil (sent
// as null, as Python does).
type FinalizeMultipartUpload struct {
	Action         string          `json:"action"`
	SHA            string          `json:"sha"`
	UploadID       string          `json:"upload_id"`
	CompletedParts []CompletedPart `json:"completed_parts"`
}
