//go:build linux

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// The baselines must do the real protocol: what one uploads, the SDK downloads, and the reverse.
func TestBaselinesDoTheProtocol(t *testing.T) {
	srv := istaritest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	dir := t.TempDir()
	data := make([]byte, 3<<20+5)
	_, _ = rand.Read(data)
	src := filepath.Join(dir, "m.bin")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	sha, salt, err := baseUpload(ctx, srv.URL, srv.Token(), src)
	if err != nil {
		t.Fatal(err)
	}
	c, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token()),
		FilesystemCacheEnabled: istari.Bool(false)})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	got, err := c.ReadBytes(ctx, types.Token{SHA: sha, Salt: salt})
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("the SDK reads back %d bytes, err %v", len(got), err)
	}
	page, err := c.ListModels(ctx, nil)
	if err != nil || len(page.Items) != 1 {
		t.Errorf("models registered: %+v, %v; want 1", page, err)
	}

	out := filepath.Join(dir, "out.bin")
	if err := baseDownload(ctx, srv.URL, srv.Token(), types.Token{SHA: sha, Salt: salt}, out); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, data) {
		t.Error("the baseline download differs")
	}
	srv.CorruptDownloads(1)
	if err := baseDownload(ctx, srv.URL, srv.Token(), types.Token{SHA: sha, Salt: salt}, filepath.Join(dir, "bad.bin")); err == nil {
		t.Error("the baseline download must verify the checksum, as the SDK does")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

func TestSizesAndStats(t *testing.T) {
	for in, want := range map[string]int64{"1GiB": 1 << 30, "64MiB": 64 << 20, "3KiB": 3 << 10, "17": 17} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v", in, got, err)
		}
	}
	if _, err := parseSize("1GB"); err == nil {
		t.Error("1GB accepted")
	}
	if lo, med, hi := stats([]float64{3, 1, 2, 10}); lo != 1 || med != 2.5 || hi != 10 {
		t.Errorf("stats = %v %v %v", lo, med, hi)
	}
}
