// Command export-document writes a design review as a registry document and exports it to PDF: it uploads
// a model, creates a system and a configuration that tracks the model's latest revision, creates a
// ProseMirror document in that configuration (a heading, two paragraphs and a bullet list), exports it as
// PDF into a file and checks that the file is a PDF.
//
//	go run ./examples/export-document [output.pdf]
//
// The output path defaults to ./document.pdf. With no ISTARI_REGISTRY_URL it runs against the embedded
// fake registry, which renders a small but real PDF.
package main

import (
	"flag"
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	flag.Parse()
	setup.Main(2*time.Minute, run)
}
