package istaritest

import (
	"encoding/json"
	"strings"
)

// pmNode is a ProseMirror JSON node.
type pmNode struct {
	Type    string         `json:"type"`
	Attrs   map[string]any `json:"attrs"`
	Content []pmNode       `json:"content"`
	Text    string         `json:"text"`
	Marks   []struct {
		Type string `json:"type"`
	} `json:"marks"`
}

// pmBlock is one line-level element of a document, flattened for the exporters.
type pmBlock struct {
	kind  string // heading, paragraph, bullet, ordered, code, quote, rule
	level int    // heading level 1..6
	depth int    // list nesting, 0 at top level
	num   int    // ordered list number
	text  string // plain text
	md    string // text with markdown marks
}

// parseBlocks flattens ProseMirror JSON into blocks. Node names are accepted in both the snake_case of
// prosemirror-schema-basic and the camelCase of TipTap.
func parseBlocks(content json.RawMessage) ([]pmBlock, error) {
	var doc pmNode
	if err := json.Unmarshal(content, &doc); err != nil {
		return nil, err
	}
	var out []pmBlock
	walkBlocks(doc.Content, 0, &out)
	return out, nil
}

func pmCanon(t string) string { return strings.ToLower(strings.ReplaceAll(t, "_", "")) }

func walkBlocks(nodes []pmNode, depth int, out *[]pmBlock) {
	for _, n := range nodes {
		switch pmCanon(n.Type) {
		case "heading":
			level := 1
			if l, ok := n.Attrs["level"].(float64); ok && l >= 1 && l <= 6 {
				level = int(l)
			}
			plain, md := pmInline(n.Content)
			*out = append(*out, pmBlock{kind: "heading", level: level, text: plain, md: md})
		case "paragraph":
			plain, md := pmInline(n.Content)
			*out = append(*out, pmBlock{kind: "paragraph", text: plain, md: md})
		case "codeblock":
			plain, _ := pmInline(n.Content)
			*out = append(*out, pmBlock{kind: "code", text: plain, md: plain})
		case "blockquote":
			var inner []pmBlock
			walkBlocks(n.Content, depth, &inner)
			for _, b := range inner {
				b.kind = "quote"
				*out = append(*out, b)
			}
		case "horizontalrule":
			*out = append(*out, pmBlock{kind: "rule"})
		case "bulletlist", "orderedlist":
			kind, start := "bullet", 1
			if pmCanon(n.Type) == "orderedlist" {
				kind = "ordered"
				if o, ok := n.Attrs["order"].(float64); ok {
					start = int(o)
				} else if o, ok := n.Attrs["start"].(float64); ok {
					start = int(o)
				}
			}
			for i, item := range n.Content {
				walkListItem(item, kind, depth, start+i, out)
			}
		default:
			walkBlocks(n.Content, depth, out)
		}
	}
}

// walkListItem turns a list item's first paragraph into a list line and nests the rest one level deeper.
func walkListItem(item pmNode, kind string, depth, num int, out *[]pmBlock) {
	rest := item.Content
	b := pmBlock{kind: kind, depth: depth, num: num}
	if len(rest) > 0 && pmCanon(rest[0].Type) == "paragraph" {
		b.text, b.md = pmInline(rest[0].Content)
		rest = rest[1:]
	}
	*out = append(*out, b)
	walkBlocks(rest, depth+1, out)
}

// pmInline renders inline nodes as plain text and as markdown.
func pmInline(nodes []pmNode) (plain, md string) {
	var p, m strings.Builder
	for _, n := range nodes {
		switch pmCanon(n.Type) {
		case "text":
			p.WriteString(n.Text)
			m.WriteString(withMarks(n))
		case "hardbreak":
			p.WriteString("\n")
			m.WriteString("  \n")
		default:
			ip, im := pmInline(n.Content)
			p.WriteString(ip)
			m.WriteString(im)
		}
	}
	return p.String(), m.String()
}

func withMarks(n pmNode) string {
	s := n.Text
	for _, mk := range n.Marks {
		switch pmCanon(mk.Type) {
		case "strong", "bold":
			s = "**" + s + "**"
		case "em", "italic":
			s = "*" + s + "*"
		case "code":
			s = "`" + s + "`"
		case "strike", "strikethrough":
			s = "~~" + s + "~~"
		}
	}
	return s
}
