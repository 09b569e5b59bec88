package istaritest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strconv"
	"strings"
)

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	docxNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
)

// renderDOCX builds a minimal Office Open XML word-processing package: [Content_Types].xml, _rels/.rels and
// word/document.xml with one paragraph per block (headings bold and larger, list items indented with a
// bullet or number, code in Courier New).
func renderDOCX(_ string, content json.RawMessage) ([]byte, error) {
	blocks, err := parseBlocks(content)
	if err != nil {
		return nil, err
	}
	var body strings.Builder
	for _, bl := range blocks {
		body.WriteString(docxParagraph(bl))
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="` + docxNS + `"><w:body>` + body.String() +
		`<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/document.xml", doc},
	} {
		f, err := zw.Create(part.name)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(part.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func docxParagraph(bl pmBlock) string {
	var ppr, rpr, prefix string
	switch bl.kind {
	case "heading":
		rpr = `<w:b/><w:sz w:val="` + strconv.Itoa(max(24, 40-4*bl.level)) + `"/>`
	case "bullet", "ordered":
		ppr = `<w:ind w:left="` + strconv.Itoa(720*(bl.depth+1)) + `" w:hanging="360"/>`
		prefix = "\u2022 "
		if bl.kind == "ordered" {
			prefix = strconv.Itoa(bl.num) + ". "
		}
	case "code":
		rpr = `<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>`
	case "quote":
		ppr = `<w:ind w:left="720"/>`
		rpr = `<w:i/>`
	case "rule":
		return `<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr></w:pPr></w:p>`
	}
	var p strings.Builder
	p.WriteString("<w:p>")
	if ppr != "" {
		p.WriteString("<w:pPr>" + ppr + "</w:pPr>")
	}
	for i, line := range strings.Split(prefix+bl.text, "\n") {
		p.WriteString("<w:r>")
		if rpr != "" {
			p.WriteString("<w:rPr>" + rpr + "</w:rPr>")
		}
		if i > 0 {
			p.WriteString("<w:br/>")
		}
		p.WriteString(`<w:t xml:space="preserve">` + docxEscape(line) + "</w:t></w:r>")
	}
	p.WriteString("</w:p>")
	return p.String()
}

func docxEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
