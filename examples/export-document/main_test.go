package main

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
)

// TestRun runs the example in a temporary directory, so it writes ./document.pdf there.
func TestRun(t *testing.T) {
	t.Chdir(t.TempDir())
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out, `model loads.csv tracked by configuration "review"`,
		"created document ", "bytes of PDF to document.pdf")

	pdf, err := os.ReadFile("document.pdf")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`exported (\d+) bytes`).FindStringSubmatch(res.Out)
	if m == nil || m[1] != strconv.Itoa(len(pdf)) {
		t.Errorf("printed byte count %v, the file has %d bytes", m, len(pdf))
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("document.pdf does not start with %%PDF-: %q", pdf[:min(len(pdf), 16)])
	}
	// The fake writes the text uncompressed, so the heading and a list item are in the file.
	for _, want := range []string{"Landing gear design review", "Takeoff load needs no change."} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
