package ops

// documentsOps holds the wire operations of operations.md §8 Documents.
// Verb, path template and confidence are transcribed exactly from the spec table.
var documentsOps = []Operation{
	{ID: "create_document", GoName: "CreateDocument", Method: "POST", Path: "/api/v2/documents", Confidence: Signature, Section: "8"},
	{ID: "update_document", GoName: "UpdateDocument", Method: "PUT", Path: "/api/v2/documents/{document_id}", Confidence: Signature, Section: "8"},
	{ID: "get_document", GoName: "GetDocument", Method: "GET", Path: "/api/v2/documents/{document_id}", Confidence: Signature, Section: "8"},
	{ID: "get_document_by_revision_id", GoName: "GetDocumentByRevisionID", Method: "GET", Path: "/api/v2/documents/revisions/{revision_id}", Confidence: Signature, Section: "8"},
	{ID: "list_documents", GoName: "ListDocuments", Method: "GET", Path: "/api/v2/documents", Confidence: Reconstructed, Section: "8"},
	{ID: "list_configuration_documents", GoName: "ListConfigurationDocuments", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/documents", Confidence: Reconstructed, Section: "8"},
	{ID: "archive_document", GoName: "ArchiveDocument", Method: "PATCH", Path: "/api/v2/documents/{document_id}/archive", Confidence: Reconstructed, Section: "8"},
	{ID: "restore_document", GoName: "RestoreDocument", Method: "PATCH", Path: "/api/v2/documents/{document_id}/restore", Confidence: Reconstructed, Section: "8"},
	{ID: "export_document", GoName: "ExportDocument", Method: "GET", Path: "/api/v2/documents/{document_id}/export", Confidence: Reconstructed, Section: "8"},
}
