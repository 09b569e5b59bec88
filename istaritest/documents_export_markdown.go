package istaritest

import (
	"encoding/json"
	"strconv"
	"strings"
)

// renderMarkdown renders ProseMirror JSON as CommonMark: headings, paragraphs, bullet and ordered lists
// (nested by two spaces), code blocks, block quotes and rules, with strong/em/code/strike marks.
func renderMarkdown(_ string, content json.RawMessage) ([]byte, error) {
	blocks, err := parseBlocks(content)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i, bl := range blocks {
		isList := bl.kind == "bullet" || bl.kind == "ordered"
		prevList := i > 0 && (blocks[i-1].kind == "bullet" || blocks[i-1].kind == "ordered")
		if i > 0 && (!isList || !prevList) {
			b.WriteString("\n")
		}
		indent := strings.Repeat("  ", bl.depth)
		switch bl.kind {
		case "heading":
			b.WriteString(strings.Repeat("#", bl.level) + " " + bl.md + "\n")
		case "bullet":
			b.WriteString(indent + "- " + bl.md + "\n")
		case "ordered":
			b.WriteString(indent + strconv.Itoa(bl.num) + ". " + bl.md + "\n")
		case "code":
			b.WriteString("```\n" + bl.text + "\n```\n")
		case "quote":
			b.WriteString("> " + strings.ReplaceAll(bl.md, "\n", "\n> ") + "\n")
		case "rule":
			b.WriteString("---\n")
		default:
			b.WriteString(indent + bl.md + "\n")
		}
	}
	return []byte(b.String()), nil
}
