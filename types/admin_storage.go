package types

// This file holds the proposed bodies of the multipart storage calls (the registry's
// multipart endpoints are not public; every shape here is a proposal to verify against a real registry).

// NewMultipartUpload is the proposed body of create_multipart_upload: the token of the whole object, its size
// and the part size the client will use. Go-only, like CompleteMultipartUpload.
type NewMultipartUpload struct {
	SHA      string `json:"sha"`
	Salt     string `json:"salt"`
	Size     int64  `json:"size"`
	PartSize int64  `json:"part_size"`
}

// MultipartUpload is the proposed answer of create_multipart_upload (Go-only, like CompleteMultipartUpload).
type MultipartUpload struct {
	UploadID string `json:"upload_id"`
}

// MultipartPartURLsRequest is the proposed body of generate_multipart_part_urls: 1-based part numbers
// (Go-only, like CompleteMultipartUpload).
type MultipartPartURLsRequest struct {
	PartNumbers []int `json:"part_numbers"`
}

// MultipartPartURL is one presigned part URL of generate_multipart_part_urls. The URL's query is a credential.
// Go-only, like CompleteMultipartUpload.
type MultipartPartURL struct {
	PartNumber int    `json:"part_number"`
	URL        string `json:"url"`
}

// CompletedPart is one uploaded part: its number and the ETag the object store answered (Go-only, like
// CompleteMultipartUpload).
type CompletedPart struct {
	PartNumber int    `json:"part_number"`
	ETag       string `json:"etag"`
}

// CompleteMultipartUpload is the proposed body of complete_multipart_upload, parts in ascending order. Go-only:
// Python's multipart calls are internal to its storage layer and not public.
type CompleteMultipartUpload struct {
	Parts []CompletedPart `json:"parts"`
}
