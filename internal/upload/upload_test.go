package upload

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

func violation(t *testing.T, err error) *validate.Violation {
	t.Helper()
	var v *validate.Violation
	if !errors.As(err, &v) {
		t.Fatalf("error %v is not a *validate.Violation", err)
	}
	return v
}

func TestOptionsValidateColumnsAndSources(t *testing.T) {
	long := strings.Repeat("é", 256)
	v := violation(t, (&Options{VersionName: &long}).Validate())
	if v.Field != "version_name" || v.Rule != "max" || v.Param != "255" || v.Length != 256 {
		t.Errorf("violation %+v", v)
	}
	ok := strings.Repeat("é", 255)
	if err := (&Options{Description: &ok, Sources: []types.NewSource{types.SourceRevision("r1")}}).Validate(); err != nil {
		t.Errorf("255 characters and a sourced revision id: %v", err)
	}
	v = violation(t, (&Options{Sources: []types.NewSource{types.SourceRevision("r1"), {}}}).Validate())
	if v.Field != "sources[1].revision_id" || v.Rule != "required" {
		t.Errorf("violation %+v", v)
	}
	if err := (*Options)(nil).Validate(); err != nil {
		t.Errorf("nil options: %v", err)
	}
}

func TestCheckNameAndFileFacts(t *testing.T) {
	v := violation(t, CheckName(strings.Repeat("n", 252)+".json"))
	if v.Field != "name" || v.Rule != "max" || v.Length != 257 {
		t.Errorf("violation %+v", v)
	}
	if err := CheckName(strings.Repeat("n", 250) + ".json"); err != nil {
		t.Errorf("255 characters: %v", err)
	}
	base, ext, mime := FileFacts("dir/Model.JSON")
	if base != "Model.JSON" || ext != "json" || mime != "application/json" {
		t.Errorf("FileFacts = %q %q %q", base, ext, mime)
	}
	if _, ext, mime := FileFacts("README"); ext != "" || mime != "application/octet-stream" {
		t.Errorf("FileFacts(README) = %q %q", ext, mime)
	}
	// Python's mimetypes.guess_type never carries a parameter; Go's own table says "; charset=utf-8".
	for _, name := range []string{"a.txt", "a.md", "a.html", "a.css", "a.js"} {
		if _, _, mime := FileFacts(name); strings.Contains(mime, ";") {
			t.Errorf("FileFacts(%s) mime %q has a parameter", name, mime)
		}
	}
	// The mime.types files Python reads win over Go's table (on this machine: whatever they say of .step).
	if want := systemMIMETypes()[".step"]; want != "" {
		if _, _, mime := FileFacts("wing.STEP"); mime != want {
			t.Errorf("FileFacts(wing.STEP) mime %q, want %q from the system mime.types", mime, want)
		}
	}
}

func TestSystemMIMETypesParsesLikePython(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.types"), filepath.Join(dir, "b.types")
	if err := os.WriteFile(a, []byte("# comment\nmodel/step\t\tstp step\ntext/x-old\tfoo\nbare/type\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("text/x-new foo # later file wins\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got := parseMIMETypes([]string{a, filepath.Join(dir, "missing"), b})
	want := map[string]string{".stp": "model/step", ".step": "model/step", ".foo": "text/x-new"}
	if len(got) != len(want) {
		t.Errorf("parsed %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestSourcesInPlaceSpooledAndNamed(t *testing.T) {
	// A seekable reader is used in place from its current position.
	r := bytes.NewReader([]byte("0123456789"))
	_, _ = r.Seek(4, io.SeekStart)
	src, err := Reader("d/x.bin", r)(context.Background())
	if err != nil || src.Name != "x.bin" || src.Size != 6 {
		t.Fatalf("in place: %+v, %v", src, err)
	}
	// Any other reader is spooled, and Close removes the spool.
	src, err = Reader("y.txt", io.MultiReader(strings.NewReader("abc")))(context.Background())
	if err != nil || src.Size != 3 {
		t.Fatalf("spooled: %+v, %v", src, err)
	}
	spool := src.RA.(*os.File).Name()
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spool); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spool %s left behind: %v", spool, err)
	}
	if v := violation(t, errOf(Reader("", r)(context.Background()))); v.Field != "name" || v.Rule != "required" {
		t.Errorf("violation %+v", v)
	}
	path := filepath.Join(t.TempDir(), "tmp-123")
	if err := os.WriteFile(path, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	src, err = Named(Path(path), "parameters.json")(context.Background())
	if err != nil || src.Name != "parameters.json" || src.Size != 2 {
		t.Fatalf("named: %+v, %v", src, err)
	}
	_ = src.Close()
	if _, err := Path(t.TempDir())(context.Background()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
}

func errOf(_ *Source, err error) error { return err }
