package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func TestRun(t *testing.T) {
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out, "uploading 5 file(s), 2 at a time",
		"notes.txt  0 B / 0 B  100%", "mesh.stl  0 B / 2.0 MiB  0%", "/ 2.0 MiB  50%",
		"mesh.stl  2.0 MiB / 2.0 MiB  100%", "NAME", "REVISION ID", "uploaded 5 file(s), 4.1 MiB in total")
	if n := len(res.Env.Fake.RequestsFor("create_file")); n != 5 {
		t.Errorf("%d create_file requests, want 5", n)
	}
}

// TestUploadDirSkipsSubdirectories uploads a given directory: only its regular files are uploaded, and the
// table lists each with its file id.
func TestUploadDirSkipsSubdirectories(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.txt": "alpha", "b.csv": "x,y\n1,2\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := exampletest.Run(t, func(ctx context.Context, env *setup.Env, w io.Writer) error {
		return uploadDir(ctx, env.Client, dir, w)
	})
	if res.Err != nil {
		t.Fatalf("uploadDir: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out, "uploading 2 file(s)", "a.txt  5 B / 5 B  100%", "uploaded 2 file(s), 13 B in total")
	if strings.Contains(res.Out, "sub") {
		t.Errorf("the subdirectory was uploaded:\n%s", res.Out)
	}
	if n := len(res.Env.Fake.RequestsFor("create_file")); n != 2 {
		t.Errorf("%d create_file requests, want 2", n)
	}
}

func TestHumanSize(t *testing.T) {
	var b bytes.Buffer
	for _, n := range []int64{0, 1023, 1024, 1536 << 10, 3 << 20} {
		b.WriteString(humanSize(n) + "|")
	}
	if got, want := b.String(), "0 B|1023 B|1.0 KiB|1.5 MiB|3.0 MiB|"; got != want {
		t.Errorf("humanSize: %q, want %q", got, want)
	}
}
