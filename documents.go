package istari

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// ListDocumentsParams are the query parameters of ListDocuments. Only paging is confirmed; Sort, FilterBy
// and ArchiveStatus are proposed by the spec and are not sent unless set.
//
// Python: the keyword arguments of Client.list_documents.
type ListDocumentsParams struct {
	PageOptions
	Sort          *string              `query:"sort"`
	FilterBy      *enums.FilterBy      `query:"filter_by" validate:"omitempty,oneof=created_by_id -created_by_id"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status" validate:"omitempty,oneof=active archived all"`
}

// ListConfigurationDocumentsParams are the query parameters of ListConfigurationDocuments.
//
// Python: the keyword arguments of Client.list_configuration_documents.
type ListConfigurationDocumentsParams struct {
	PageOptions
}

// exportMediaTypes is the Accept header of each export format.
var exportMediaTypes = map[enums.DocumentExportFormat]string{
	enums.DocumentExportFormatJSON:     "application/json",
	enums.DocumentExportFormatMarkdown: "text/markdown",
	enums.DocumentExportFormatDOCX:     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	enums.DocumentExportFormatPDF:      "application/pdf",
}

// DocumentContent turns ProseMirror JSON held in a string (Python accepts content as a JSON string) into the
// raw JSON of CreateDocumentRequest.Content or UpdateDocumentRequest.Content. Text that is not valid JSON
// returns a *ValidationError on field "content".
func DocumentContent(s string) (json.RawMessage, error) {
	if !json.Valid([]byte(s)) {
		return nil, newValidationError("content", "json", "", "must be valid JSON (ProseMirror document)")
	}
	return json.RawMessage(s), nil
}

func checkDocumentContent(content json.RawMessage) error {
	if len(content) > 0 && !json.Valid(content) {
		return newValidationError("content", "json", "", "must be valid JSON (ProseMirror document)")
	}
	return nil
}

// CreateDocument creates a ProseMirror document in a system configuration (Python Client.create_document,
// operation create_document). Leave Content nil for an empty document; see DocumentContent for string input.
// A missing configuration id or name, or content that is not JSON, fails locally.
func (c *Client) CreateDocument(ctx context.Context, body *types.CreateDocumentRequest) (*types.Document, error) {
	switch {
	case body == nil || body.ConfigurationID == "":
		return nil, newValidationError("configuration_id", "required", "", "is required")
	case body.Name == "":
		return nil, newValidationError("name", "required", "", "is required")
	}
	if err := checkDocumentContent(body.Content); err != nil {
		return nil, err
	}
	return invokeOne[types.Document](ctx, c, request{op: ops.CreateDocument, body: body})
}

// UpdateDocument creates a new revision of a document (Python Client.update_document, operation
// update_document). Unset fields keep their values from the base revision, which is the current one unless
// RevisionID names an older revision.
func (c *Client) UpdateDocument(ctx context.Context, documentID string, body *types.UpdateDocumentRequest) (*types.Document, error) {
	if body == nil {
		body = &types.UpdateDocumentRequest{}
	}
	if err := checkDocumentContent(body.Content); err != nil {
		return nil, err
	}
	return invokeOne[types.Document](ctx, c, request{op: ops.UpdateDocument, path: []string{documentID}, body: body})
}

// GetDocument returns a document's current revision with its content (Python Client.get_document,
// operation get_document).
func (c *Client) GetDocument(ctx context.Context, documentID string) (*types.Document, error) {
	return invokeOne[types.Document](ctx, c, request{op: ops.GetDocument, path: []string{documentID}})
}

// GetDocumentByRevisionID returns a document as one revision captured it (Python
// Client.get_document_by_revision_id, operation get_document_by_revision_id).
func (c *Client) GetDocumentByRevisionID(ctx context.Context, revisionID string) (*types.Document, error) {
	return invokeOne[types.Document](ctx, c, request{op: ops.GetDocumentByRevisionID, path: []string{revisionID}})
}

// ListDocuments lists the documents the caller can see (Python Client.list_documents, operation
// list_documents; route reconstructed).
func (c *Client) ListDocuments(ctx context.Context, params *ListDocumentsParams) (*Page[types.DocumentListItem], error) {
	return listPage[types.DocumentListItem](ctx, c, ops.ListDocuments, nil, params)
}

// ListConfigurationDocuments lists the documents of one configuration (Python
// Client.list_configuration_documents, operation list_configuration_documents; route reconstructed).
func (c *Client) ListConfigurationDocuments(ctx context.Context, configurationID string, params *ListConfigurationDocumentsParams) (*Page[types.DocumentListItem], error) {
	return listPage[types.DocumentListItem](ctx, c, ops.ListConfigurationDocuments, []string{configurationID}, params)
}

// ArchiveDocument archives a document (Python Client.archive_document, operation archive_document). A nil
// reason sends no body.
func (c *Client) ArchiveDocument(ctx context.Context, documentID string, reason *string) (*types.Document, error) {
	return archiveCall[types.Document](ctx, c, ops.ArchiveDocument, documentID, reason)
}

// RestoreDocument restores an archived document (Python Client.restore_document, operation restore_document;
// added by symmetry with archive_document, its existence is unconfirmed: expect ErrNotFound or
// ErrMethodNotAllowed from registries without it). A nil reason sends no body.
func (c *Client) RestoreDocument(ctx context.Context, documentID string, reason *string) (*types.Document, error) {
	return archiveCall[types.Document](ctx, c, ops.RestoreDocument, documentID, reason)
}

// ExportDocument streams a document rendered as json (ProseMirror), markdown, docx or pdf to w (Python
// Client.export_document, operation export_document; the query parameter name "format" is proposed). An
// unknown format fails locally with *ValidationError before any request. Bytes already written to w stay
// written when the transfer fails midway.
func (c *Client) ExportDocument(ctx context.Context, documentID string, format enums.DocumentExportFormat, w io.Writer) error {
	accept, ok := exportMediaTypes[format]
	if !ok {
		return &ValidationError{Field: "format", Rule: "oneof", Param: "json markdown docx pdf", Length: -1}
	}
	if w == nil {
		return newValidationError("w", "required", "", "a writer is required")
	}
	q := struct {
		Format enums.DocumentExportFormat `query:"format"`
	}{format}
	return c.invoke(ctx, request{op: ops.ExportDocument, path: []string{documentID}, query: &q, accept: accept,
		stream: func(resp *http.Response) error {
			if _, err := io.Copy(w, resp.Body); err != nil {
				return fmt.Errorf("istari: export_document: copying the export: %w", err)
			}
			return nil
		}})
}
