package istari

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const specDoc = `{"type":"doc","content":[
 {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Wing Design Review"}]},
 {"type":"paragraph","content":[{"type":"text","text":"The span grows to "},{"type":"text","marks":[{"type":"strong"}],"text":"32 m"},{"type":"text","text":" (see notes)."}]},
 {"type":"bullet_list","content":[
  {"type":"list_item","content":[{"type":"paragraph","content":[{"type":"text","text":"Load case A"}]}]},
  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Load case B"}]}]}]}
]}`

// docString reads a string field the fake puts in a Document's Extra.
func docString(t *testing.T, extra map[string]json.RawMessage, key string) string {
	t.Helper()
	var s string
	require.NoError(t, json.Unmarshal(extra[key], &s), "field %s", key)
	return s
}

func exportBytes(t *testing.T, c *Client, id string, format enums.DocumentExportFormat) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, c.ExportDocument(context.Background(), id, format, &buf))
	return buf.Bytes()
}

func TestDocumentsLifecycleAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)

	content, err := DocumentContent(specDoc)
	require.NoError(t, err)
	doc, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: f.cfg.ID, Name: "Review", Content: content, Description: Ptr("v1")})
	require.NoError(t, err)
	firstRev := docString(t, doc.Extra, "revision_id")
	assert.JSONEq(t, specDoc, string(doc.Extra["content"]))

	// An empty document, with content given as a JSON string (as Python allows).
	empty, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: f.cfg.ID, Name: "Notes"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"doc","content":[]}`, string(empty.Extra["content"]))
	quoted, _ := json.Marshal(`{"type":"doc","content":[{"type":"paragraph"}]}`)
	str, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: f.cfg.ID, Name: "Quoted", Content: quoted})
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"doc","content":[{"type":"paragraph"}]}`, string(str.Extra["content"]))

	// Update: a rename keeps the content; a new revision id each time.
	upd, err := c.UpdateDocument(ctx, doc.ID, &types.UpdateDocumentRequest{Name: Ptr("Review (final)")})
	require.NoError(t, err)
	assert.NotEqual(t, firstRev, docString(t, upd.Extra, "revision_id"))
	assert.Equal(t, "Review (final)", docString(t, upd.Extra, "name"))
	assert.JSONEq(t, specDoc, string(upd.Extra["content"]))
	got, err := c.GetDocument(ctx, doc.ID)
	require.NoError(t, err)
	assert.Equal(t, "Review (final)", docString(t, got.Extra, "name"))
	old, err := c.GetDocumentByRevisionID(ctx, firstRev)
	require.NoError(t, err)
	assert.Equal(t, doc.ID, old.ID)
	assert.Equal(t, "Review", docString(t, old.Extra, "name"))

	// Based on the first revision: unspecified fields come from that revision.
	based, err := c.UpdateDocument(ctx, doc.ID, &types.UpdateDocumentRequest{RevisionID: &firstRev, Description: Ptr("v3")})
	require.NoError(t, err)
	assert.Equal(t, "Review", docString(t, based.Extra, "name"))

	// Lists, archive and restore.
	all, err := c.ListDocuments(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, all.Items, 3)
	perCfg, err := c.ListConfigurationDocuments(ctx, f.cfg.ID, &ListConfigurationDocumentsParams{PageOptions{Size: 2}})
	require.NoError(t, err)
	assert.Len(t, perCfg.Items, 2)
	assert.Equal(t, 3, *perCfg.Total)
	_, err = c.ArchiveDocument(ctx, empty.ID, Ptr("draft"))
	require.NoError(t, err)
	all, err = c.ListDocuments(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, all.Items, 2)
	all, err = c.ListDocuments(ctx, &ListDocumentsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})
	require.NoError(t, err)
	require.Len(t, all.Items, 1)
	_, err = c.RestoreDocument(ctx, empty.ID, nil)
	require.NoError(t, err)

	// Another user sees nothing of it.
	bob := sysClientFor(t, srv, srv.AddUser("bob").Token)
	_, err = bob.GetDocument(ctx, doc.ID)
	require.ErrorIs(t, err, ErrNotFound)
	var buf bytes.Buffer
	require.ErrorIs(t, bob.ExportDocument(ctx, doc.ID, enums.DocumentExportFormatPDF, &buf), ErrNotFound)
	assert.Zero(t, buf.Len())
}

func TestDocumentExportsAgainstFake(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)
	doc, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: f.cfg.ID, Name: "Review", Content: json.RawMessage(specDoc)})
	require.NoError(t, err)

	t.Run("json", func(t *testing.T) {
		out := exportBytes(t, c, doc.ID, enums.DocumentExportFormatJSON)
		assert.JSONEq(t, specDoc, string(out))
	})
	t.Run("markdown", func(t *testing.T) {
		md := string(exportBytes(t, c, doc.ID, enums.DocumentExportFormatMarkdown))
		assert.Contains(t, md, "# Wing Design Review\n")
		assert.Contains(t, md, "The span grows to **32 m** (see notes).")
		assert.Contains(t, md, "- Load case A\n- Load case B\n")
	})
	t.Run("docx", func(t *testing.T) {
		out := exportBytes(t, c, doc.ID, enums.DocumentExportFormatDOCX)
		zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		require.NoError(t, err)
		parts := map[string]string{}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			_ = rc.Close()
			parts[zf.Name] = string(b)
		}
		require.Contains(t, parts, "[Content_Types].xml")
		require.Contains(t, parts, "_rels/.rels")
		body := parts["word/document.xml"]
		assert.Contains(t, body, "Wing Design Review")
		assert.Contains(t, body, "Load case B")
		assert.Contains(t, docxRunText(t, body), "The span grows to 32 m (see notes).")
	})
	t.Run("pdf", func(t *testing.T) {
		out := exportBytes(t, c, doc.ID, enums.DocumentExportFormatPDF)
		checkExportedPDF(t, out)
		assert.Contains(t, string(out), "(Wing Design Review) Tj")
		assert.Contains(t, string(out), `(The span grows to 32 m \(see notes\).) Tj`)
	})
	// The Accept header names the media type of each format.
	var accepts []string
	for _, r := range srv.RequestsFor("export_document") {
		accepts = append(accepts, r.Header.Get("Accept")+" "+r.RawQuery)
	}
	assert.Equal(t, []string{
		"application/json format=json",
		"text/markdown format=markdown",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document format=docx",
		"application/pdf format=pdf",
	}, accepts)
}

func TestLongDocumentPDFHasSeveralPages(t *testing.T) {
	c, srv := sysFakeClient(t)
	ctx := context.Background()
	f := newThread(t, c, srv)
	var paras []string
	for i := range 120 {
		paras = append(paras, fmt.Sprintf(`{"type":"paragraph","content":[{"type":"text","text":"Paragraph %d – ünïcode and a rather long sentence that needs wrapping across the width of the page for sure."}]}`, i))
	}
	body := `{"type":"doc","content":[` + strings.Join(paras, ",") + `]}`
	doc, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: f.cfg.ID, Name: "Long (v2)", Content: json.RawMessage(body)})
	require.NoError(t, err)
	out := exportBytes(t, c, doc.ID, enums.DocumentExportFormatPDF)
	checkExportedPDF(t, out)
	m := regexp.MustCompile(`/Count (\d+)`).FindSubmatch(out)
	require.NotNil(t, m)
	pages, _ := strconv.Atoi(string(m[1]))
	assert.Greater(t, pages, 2)
	assert.Contains(t, string(out), `(Paragraph 119 ? \374n\357code`)
}

func TestExportDocumentBadFormatSendsNothing(t *testing.T) {
	c, srv := sysFakeClient(t)
	var buf bytes.Buffer
	err := c.ExportDocument(context.Background(), "doc-1", enums.DocumentExportFormat("html"), &buf)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "format", ve.Field)
	assert.Equal(t, "oneof", ve.Rule)
	assert.Empty(t, srv.Requests())
}

// checkExportedPDF verifies the structure of a PDF: header, %%EOF, startxref pointing at an xref table whose
// in-use entries each point at "N 0 obj", and a trailer whose /Size matches and whose /Root exists.
func checkExportedPDF(t *testing.T, pdf []byte) {
	t.Helper()
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "header")
	require.True(t, bytes.HasSuffix(bytes.TrimRight(pdf, "\r\n"), []byte("%%EOF")), "ends with %%EOF")
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(pdf)
	require.NotNil(t, m, "startxref")
	xref, _ := strconv.Atoi(string(m[1]))
	require.Less(t, xref, len(pdf))
	rest := pdf[xref:]
	require.True(t, bytes.HasPrefix(rest, []byte("xref\n")), "startxref points at the xref table")
	hdr := regexp.MustCompile(`^xref\n(\d+) (\d+)\n`).FindSubmatch(rest)
	require.NotNil(t, hdr)
	first, _ := strconv.Atoi(string(hdr[1]))
	count, _ := strconv.Atoi(string(hdr[2]))
	require.Equal(t, 0, first)
	entries := rest[len(hdr[0]):]
	require.GreaterOrEqual(t, len(entries), 20*count)
	for i := range count {
		e := string(entries[20*i : 20*i+20])
		require.Regexp(t, `^\d{10} \d{5} [nf] \n$`, e, "entry %d is 20 bytes", i)
		if e[17] == 'f' {
			continue
		}
		off, _ := strconv.Atoi(e[:10])
		want := fmt.Sprintf("%d 0 obj", i)
		require.True(t, bytes.HasPrefix(pdf[off:], []byte(want)), "xref entry %d points at %q, found %q", i, want, pdf[off:min(off+12, len(pdf))])
	}
	trailer := entries[20*count:]
	tm := regexp.MustCompile(`^trailer\s*<<(.*?)>>`).FindSubmatch(bytes.ReplaceAll(trailer, []byte("\n"), []byte(" ")))
	require.NotNil(t, tm, "trailer")
	assert.Contains(t, string(tm[1]), fmt.Sprintf("/Size %d", count))
	root := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(tm[1])
	require.NotNil(t, root)
	assert.True(t, bytes.Contains(pdf, []byte(string(root[1])+" 0 obj\n<< /Type /Catalog")), "root is the catalog")
	// Every content stream's /Length matches its bytes.
	for _, sm := range regexp.MustCompile(`(?s)<< /Length (\d+) >>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(sm[1]))
		assert.Equal(t, n, len(sm[2]), "stream length")
	}
}

// docxRunText is the text of word/document.xml's runs, concatenated per paragraph with newlines.
func docxRunText(t *testing.T, body string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range regexp.MustCompile(`(?s)<w:p>.*?</w:p>`).FindAllString(body, -1) {
		for _, r := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllStringSubmatch(p, -1) {
			b.WriteString(r[1])
		}
		b.WriteString("\n")
	}
	return b.String()
}
