package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	CreateDocument             ID = "create_document"
	UpdateDocument             ID = "update_document"
	GetDocument                ID = "get_document"
	GetDocumentByRevisionID    ID = "get_document_by_revision_id"
	ListDocuments              ID = "list_documents"
	ListConfigurationDocuments ID = "list_configuration_documents"
	ArchiveDocument            ID = "archive_document"
	RestoreDocument            ID = "restore_document"
	ExportDocument             ID = "export_document"
)

// documentsOps holds the wire operations of section 8, Documents.
// Verb, path template and confidence are transcribed exactly from the spec table.
var documentsOps = []Operation{
	{ID: string(CreateDocument), GoName: "CreateDocument", Method: "POST", Path: "/api/v2/documents", Confidence: Signature, Section: "8"},
	{ID: string(UpdateDocument), GoName: "UpdateDocument", Method: "PUT", Path: "/api/v2/documents/{document_id}", Confidence: Signature, Section: "8"},
	{ID: string(GetDocument), GoName: "GetDocument", Method: "GET", Path: "/api/v2/documents/{document_id}", Confidence: Signature, Section: "8"},
	{ID: string(GetDocumentByRevisionID), GoName: "GetDocumentByRevisionID", Method: "GET", Path: "/api/v2/documents/revisions/{revision_id}", Confidence: Signature, Section: "8"},
	{ID: string(ListDocuments), GoName: "ListDocuments", Method: "GET", Path: "/api/v2/documents", Confidence: Reconstructed, Section: "8"},
	{ID: string(ListConfigurationDocuments), GoName: "ListConfigurationDocuments", Method: "GET", Path: "/api/v2/configurations/{configuration_id}/documents", Confidence: Reconstructed, Section: "8"},
	{ID: string(ArchiveDocument), GoName: "ArchiveDocument", Method: "PATCH", Path: "/api/v2/documents/{document_id}/archive", Confidence: Reconstructed, Section: "8"},
	{ID: string(RestoreDocument), GoName: "RestoreDocument", Method: "PATCH", Path: "/api/v2/documents/{document_id}/restore", Confidence: Reconstructed, Section: "8"},
	{ID: string(ExportDocument), GoName: "ExportDocument", Method: "GET", Path: "/api/v2/documents/{document_id}/export", Confidence: Reconstructed, Section: "8"},
}
