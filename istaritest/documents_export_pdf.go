package istaritest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PDF page geometry (US Letter, one-inch margins), in points.
const (
	pdfWidth, pdfHeight, pdfMargin = 612, 792, 72
)

// pdfLine is one laid-out line of text.
type pdfLine struct {
	font    string // F1 Helvetica, F2 Helvetica-Bold, F3 Courier
	size    int
	leading int
	indent  int
	text    string
}

// renderPDF writes a minimal PDF 1.4 by hand: catalog, page tree, the standard Helvetica, Helvetica-Bold
// and Courier fonts (WinAnsiEncoding), one content stream per page, an info dictionary with the title, and
// a correct cross-reference table. Text is wrapped by an average character width; characters outside
// WinAnsi print as '?'.
func renderPDF(title string, content json.RawMessage) ([]byte, error) {
	blocks, err := parseBlocks(content)
	if err != nil {
		return nil, err
	}
	pages := pdfPaginate(layoutPDF(blocks))
	w := &pdfWriter{}
	w.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	nPages := len(pages)
	// Object numbers: 1 catalog, 2 pages, 3-5 fonts, 6 info, then (page, contents) pairs.
	kids := make([]string, nPages)
	for i := range pages {
		kids[i] = strconv.Itoa(7+2*i) + " 0 R"
	}
	w.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
	w.object(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), nPages))
	for i, base := range []string{"Helvetica", "Helvetica-Bold", "Courier"} {
		w.object(3+i, "<< /Type /Font /Subtype /Type1 /BaseFont /"+base+" /Encoding /WinAnsiEncoding >>")
	}
	w.object(6, "<< /Title ("+pdfString(title)+") /Producer (istaritest) >>")
	for i, lines := range pages {
		page, contents := 7+2*i, 8+2*i
		w.object(page, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "+
			"/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents %d 0 R >>", pdfWidth, pdfHeight, contents))
		stream := pageStream(lines)
		w.object(contents, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream))
	}
	w.finish(6)
	return w.buf.Bytes(), nil
}

type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // by object number; index 0 unused
}

func (w *pdfWriter) object(n int, body string) {
	for len(w.offsets) <= n {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

// finish writes the cross-reference table (20-byte entries), the trailer and %%EOF.
func (w *pdfWriter) finish(info int) {
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.offsets), info, xref)
}

// layoutPDF turns blocks into wrapped lines.
func layoutPDF(blocks []pmBlock) []pdfLine {
	var lines []pdfLine
	add := func(font string, size, indent int, text string) {
		width := (pdfWidth - 2*pdfMargin - indent) * 2 / size // average glyph ~0.5 em
		if font == "F3" {
			width = (pdfWidth - 2*pdfMargin - indent) * 5 / (size * 3)
		}
		for _, para := range strings.Split(text, "\n") {
			for _, l := range pdfWrap(para, width) {
				lines = append(lines, pdfLine{font: font, size: size, leading: size + size/3 + 1, indent: indent, text: l})
			}
		}
	}
	for _, bl := range blocks {
		switch bl.kind {
		case "heading":
			add("F2", max(12, 22-2*bl.level), 0, bl.text)
		case "bullet":
			add("F1", 11, 18*(bl.depth+1), "\u2022 "+bl.text)
		case "ordered":
			add("F1", 11, 18*(bl.depth+1), strconv.Itoa(bl.num)+". "+bl.text)
		case "code":
			add("F3", 10, 0, bl.text)
		case "quote":
			add("F1", 11, 24, bl.text)
		case "rule":
			add("F1", 11, 0, strings.Repeat("_", 40))
		default:
			add("F1", 11, 0, bl.text)
		}
	}
	if len(lines) == 0 {
		lines = append(lines, pdfLine{font: "F1", size: 11, leading: 15})
	}
	return lines
}

// pdfWrap splits text into lines of at most width characters at spaces (a longer word is cut).
func pdfWrap(text string, width int) []string {
	width = max(width, 10)
	words := strings.Fields(text)
	if len(words) == 0 {
		return []string{""}
	}
	var out []string
	cur := ""
	for _, word := range words {
		for utf8.RuneCountInString(word) > width {
			if cur != "" {
				out, cur = append(out, cur), ""
			}
			r := []rune(word)
			out, word = append(out, string(r[:width])), string(r[width:])
		}
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
			cur += " " + word
		default:
			out, cur = append(out, cur), word
		}
	}
	return append(out, cur)
}

// pdfPaginate splits lines into pages by their leading.
func pdfPaginate(lines []pdfLine) [][]pdfLine {
	var pages [][]pdfLine
	var cur []pdfLine
	y := pdfHeight - pdfMargin
	for _, l := range lines {
		if y-l.leading < pdfMargin && len(cur) > 0 {
			pages, cur, y = append(pages, cur), nil, pdfHeight-pdfMargin
		}
		cur = append(cur, l)
		y -= l.leading
	}
	return append(pages, cur)
}

func pageStream(lines []pdfLine) string {
	var b strings.Builder
	y := pdfHeight - pdfMargin
	for _, l := range lines {
		y -= l.leading
		fmt.Fprintf(&b, "BT /%s %d Tf %d %d Td (%s) Tj ET\n", l.font, l.size, pdfMargin+l.indent, y, pdfString(l.text))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// pdfString encodes text as a WinAnsi literal string body with (, ) and \ escaped.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\u2022':
			b.WriteString(`\225`) // bullet in WinAnsiEncoding
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, `\%03o`, r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
