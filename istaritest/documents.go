package istaritest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// docRec is a document with its revisions, oldest first.
type docRec struct {
	ID            string
	Created       types.Timestamp
	CreatedByID   string
	ConfigID      string
	SystemID      string
	ArchiveStatus string
	Revisions     []docRevision
}

// docRevision is one state of a document.
type docRevision struct {
	ID          string
	Created     types.Timestamp
	CreatedByID string
	Name        string
	Description *string
	Content     json.RawMessage
}

// documentWire is the fake's Document JSON: the document and one revision with its content.
type documentWire struct {
	ID              string          `json:"id"`
	Created         types.Timestamp `json:"created"`
	CreatedByID     string          `json:"created_by_id"`
	ConfigurationID string          `json:"configuration_id"`
	Name            string          `json:"name"`
	Description     *string         `json:"description"`
	Content         json.RawMessage `json:"content"`
	RevisionID      string          `json:"revision_id"`
	RevisionCreated types.Timestamp `json:"revision_created"`
	ArchiveStatus   string          `json:"archive_status"`
}

// documentListWire is the fake's DocumentListItem JSON.
type documentListWire struct {
	ID              string          `json:"id"`
	Created         types.Timestamp `json:"created"`
	CreatedByID     string          `json:"created_by_id"`
	ConfigurationID string          `json:"configuration_id"`
	Name            string          `json:"name"`
	RevisionID      string          `json:"revision_id"`
	ArchiveStatus   string          `json:"archive_status"`
}

var emptyDocument = json.RawMessage(`{"type":"doc","content":[]}`)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateDocument:             handleCreateDocument,
		ops.UpdateDocument:             handleUpdateDocument,
		ops.GetDocument:                handleGetDocument,
		ops.GetDocumentByRevisionID:    handleGetDocumentByRevision,
		ops.ListDocuments:              handleListDocuments,
		ops.ListConfigurationDocuments: handleListConfigurationDocuments,
		ops.ArchiveDocument:            handleArchiveDocument(ops.ArchiveDocument),
		ops.RestoreDocument:            handleArchiveDocument(ops.RestoreDocument),
		ops.ExportDocument:             handleExportDocument,
	})
}

func (d *docRec) current() *docRevision { return &d.Revisions[len(d.Revisions)-1] }

func (d *docRec) render(rev *docRevision) documentWire {
	return documentWire{ID: d.ID, Created: d.Created, CreatedByID: d.CreatedByID, ConfigurationID: d.ConfigID,
		Name: rev.Name, Description: rev.Description, Content: rev.Content, RevisionID: rev.ID,
		RevisionCreated: rev.Created, ArchiveStatus: d.ArchiveStatus}
}

// docForLocked finds a document and checks u's access to it directly or through its system.
func (s *Server) docForLocked(w http.ResponseWriter, u *User, id, need string) *docRec {
	d := s.sys.docs[id]
	if d == nil {
		writeDetail(w, http.StatusNotFound, "Document not found")
		return nil
	}
	if denyStatus(w, s.allowAnyLocked(u, need, d.ID, d.SystemID)) {
		return nil
	}
	return d
}

// normalizeContent accepts ProseMirror JSON as an object or as a JSON string holding it (as Python
// does); absent or null content is the empty document.
func normalizeContent(raw json.RawMessage) (json.RawMessage, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return emptyDocument, true
	}
	if raw[0] == '"' {
		var inner string
		if json.Unmarshal(raw, &inner) != nil || !json.Valid([]byte(inner)) {
			return nil, false
		}
		raw = json.RawMessage(inner)
	}
	var probe map[string]any
	if json.Unmarshal(raw, &probe) != nil {
		return nil, false
	}
	return append(json.RawMessage(nil), raw...), true
}

func handleCreateDocument(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.CreateDocumentRequest
	if !c.decode(w, &body) {
		return
	}
	if strings.TrimSpace(body.Name) == "" {
		writeValidation(w, []string{"body", "name"}, "String should have at least 1 character", "string_too_short")
		return
	}
	content, ok := normalizeContent(body.Content)
	if !ok {
		writeValidation(w, []string{"body", "content"}, "content must be a ProseMirror JSON object", "value_error")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cr := s.configForLocked(w, c.user, body.ConfigurationID, "editor")
	if cr == nil {
		return
	}
	d := &docRec{ID: newID(), Created: types.Timestamp{Time: now()}, CreatedByID: c.user.ID, ConfigID: cr.cfg.ID,
		SystemID: cr.cfg.SystemID, ArchiveStatus: sysStatusActive}
	s.addDocRevisionLocked(d, docRevision{Name: body.Name, Description: body.Description, Content: content}, c.user)
	s.sys.docs[d.ID] = d
	s.sys.docOrder = append(s.sys.docOrder, d.ID)
	s.grantLocked(d.ID, c.user.ID, "owner")
	writeJSON(w, http.StatusCreated, d.render(d.current()))
}

func (s *Server) addDocRevisionLocked(d *docRec, rev docRevision, by *User) {
	rev.ID, rev.Created, rev.CreatedByID = newID(), types.Timestamp{Time: now()}, by.ID
	d.Revisions = append(d.Revisions, rev)
	s.sys.docRevs[rev.ID] = d
}

func handleUpdateDocument(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.UpdateDocumentRequest
	if !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docForLocked(w, c.user, c.param("document_id"), "editor")
	if d == nil {
		return
	}
	base := d.current()
	if body.RevisionID != nil {
		base = nil
		for i := range d.Revisions {
			if d.Revisions[i].ID == *body.RevisionID {
				base = &d.Revisions[i]
			}
		}
		if base == nil {
			writeDetail(w, http.StatusBadRequest, "Revision "+*body.RevisionID+" is not a revision of this document")
			return
		}
	}
	next := docRevision{Name: base.Name, Description: base.Description, Content: base.Content}
	if body.Name != nil {
		next.Name = *body.Name
	}
	if body.Description != nil {
		next.Description = body.Description
	}
	if len(body.Content) > 0 {
		content, ok := normalizeContent(body.Content)
		if !ok {
			writeValidation(w, []string{"body", "content"}, "content must be a ProseMirror JSON object", "value_error")
			return
		}
		next.Content = content
	}
	s.addDocRevisionLocked(d, next, c.user)
	writeJSON(w, http.StatusOK, d.render(d.current()))
}

func handleGetDocument(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docForLocked(w, c.user, c.param("document_id"), "viewer"); d != nil {
		writeJSON(w, http.StatusOK, d.render(d.current()))
	}
}

func handleGetDocumentByRevision(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	id := c.param("revision_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.sys.docRevs[id]
	if d == nil {
		writeDetail(w, http.StatusNotFound, "Document revision not found")
		return
	}
	if d = s.docForLocked(w, c.user, d.ID, "viewer"); d == nil {
		return
	}
	for i := range d.Revisions {
		if d.Revisions[i].ID == id {
			writeJSON(w, http.StatusOK, d.render(&d.Revisions[i]))
			return
		}
	}
}

func (s *Server) listDocs(w http.ResponseWriter, r *http.Request, c *call, configID string) {
	q := r.URL.Query()
	s.mu.Lock()
	var items []documentListWire
	for _, id := range s.sys.docOrder {
		d := s.sys.docs[id]
		if s.allowAnyLocked(c.user, "viewer", d.ID, d.SystemID) != 0 || (configID != "" && d.ConfigID != configID) ||
			!sysArchiveMatches(q.Get("archive_status"), d.ArchiveStatus) || !sysOwnerMatches(q.Get("filter_by"), d.CreatedByID, c.user.ID) {
			continue
		}
		cur := d.current()
		items = append(items, documentListWire{ID: d.ID, Created: d.Created, CreatedByID: d.CreatedByID,
			ConfigurationID: d.ConfigID, Name: cur.Name, RevisionID: cur.ID, ArchiveStatus: d.ArchiveStatus})
	}
	s.mu.Unlock()
	writeSortedPage(w, r, items, map[string]func(documentListWire) string{
		"name": func(v documentListWire) string { return v.Name },
	})
}

func handleListDocuments(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.listDocs(w, r, c, "")
}

func handleListConfigurationDocuments(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	cr := s.configForLocked(w, c.user, c.param("configuration_id"), "viewer")
	s.mu.Unlock()
	if cr != nil {
		s.listDocs(w, r, c, cr.cfg.ID)
	}
}

func handleArchiveDocument(op ops.ID) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		if !sysDecodeReason(w, c) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		d := s.docForLocked(w, c.user, c.param("document_id"), "owner")
		if d == nil {
			return
		}
		d.ArchiveStatus = sysArchiveTarget(op)
		writeJSON(w, http.StatusOK, d.render(d.current()))
	}
}

// exportFormats maps each format to its media type and renderer.
var exportFormats = map[string]struct {
	mediaType string
	render    func(title string, content json.RawMessage) ([]byte, error)
}{
	"json":     {"application/json", func(_ string, c json.RawMessage) ([]byte, error) { return c, nil }},
	"markdown": {"text/markdown; charset=utf-8", renderMarkdown},
	"docx":     {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", renderDOCX},
	"pdf":      {"application/pdf", renderPDF},
}

func handleExportDocument(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	format := r.URL.Query().Get("format")
	f, ok := exportFormats[format]
	if !ok {
		writeValidation(w, []string{"query", "format"}, "Input should be 'json', 'markdown', 'docx' or 'pdf'", "enum")
		return
	}
	s.mu.Lock()
	d := s.docForLocked(w, c.user, c.param("document_id"), "viewer")
	var title string
	var content json.RawMessage
	if d != nil {
		title, content = d.current().Name, d.current().Content
	}
	s.mu.Unlock()
	if d == nil {
		return
	}
	out, err := f.render(title, content)
	if err != nil {
		writeDetail(w, http.StatusInternalServerError, "export failed: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", f.mediaType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportFileName(title)+"."+exportExt(format)+`"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

func exportExt(format string) string {
	if format == "markdown" {
		return "md"
	}
	return format
}

func exportFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || strings.ContainsRune(`"\/:*?<>|`, r) {
			return '_'
		}
		return r
	}, name)
}
