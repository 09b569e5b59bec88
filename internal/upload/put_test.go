package upload

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/types"
)

// store is an object store and registry in one: it hands out URLs of its own server and logs every call and
// the start of every PUT, in order.
type store struct {
	t   *testing.T
	srv *httptest.Server
	mu  sync.Mutex
	log []string
	got map[string][]byte // URL path -> body
}

func newStore(t *testing.T) *store {
	s := &store{t: t, got: map[string][]byte{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.add("put " + r.URL.Path)
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.got[r.URL.Path] = b
		s.mu.Unlock()
		w.Header().Set("ETag", fmt.Sprintf("%q", r.URL.Path))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *store) add(e string) {
	s.mu.Lock()
	s.log = append(s.log, e)
	s.mu.Unlock()
}

func (s *store) UploadURL(_ context.Context, sha, _ string) (string, error) {
	s.add("url")
	return s.srv.URL + "/obj/" + sha, nil
}

func (s *store) UploadURLs(context.Context, []types.UploadURLRequest) ([]string, error) {
	panic("not used")
}

func (s *store) CreateMultipart(context.Context, *types.NewMultipartUpload) (string, error) {
	s.add("create")
	return "up-1", nil
}

func (s *store) PartURLs(_ context.Context, _ string, parts []int) ([]types.MultipartPartURL, error) {
	s.add(fmt.Sprintf("part_urls %d-%d", parts[0], parts[len(parts)-1]))
	out := make([]types.MultipartPartURL, len(parts))
	for i, p := range parts {
		out[i] = types.MultipartPartURL{PartNumber: p, URL: fmt.Sprintf("%s/part/%d", s.srv.URL, p)}
	}
	return out, nil
}

func (s *store) CompleteMultipart(_ context.Context, _ string, parts []types.CompletedPart) error {
	s.add(fmt.Sprintf("complete %d", len(parts)))
	return nil
}

func (s *store) AbortMultipart(context.Context, string) error { s.add("abort"); return nil }

func (s *store) uploader(threshold, chunk int64, concurrency int) *Uploader {
	return &Uploader{Registry: s, Transfers: &storage.Transfers{TR: transport.New(transport.Options{})},
		Threshold: threshold, ChunkSize: chunk, Concurrency: concurrency, Logger: slog.New(slog.DiscardHandler)}
}

// countingRA counts the content bytes read.
type countingRA struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingRA) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

func randomContent(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func TestPathContentIsReadExactlyTwice(t *testing.T) {
	s := newStore(t)
	data := randomContent(t, 3<<20)
	ra := &countingRA{r: bytes.NewReader(data)}
	rev, err := s.uploader(1<<30, 1<<20, 2).Upload(context.Background(), &Source{Name: "m.bin", RA: ra, Size: int64(len(data))}, "salt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ra.n.Load(); got != 2*int64(len(data)) {
		t.Errorf("read %d bytes of %d: want exactly two passes (hash, send)", got, len(data))
	}
	if !bytes.Equal(s.got["/obj/"+rev.ContentTok.SHA], data) {
		t.Error("stored bytes differ")
	}
}

func TestSpooledReaderIsHashedWhileSpooled(t *testing.T) {
	s := newStore(t)
	data := randomContent(t, 1<<20)
	src, err := Reader("r.bin", io.MultiReader(bytes.NewReader(data)))(context.Background()) // not seekable: spooled
	if err != nil {
		t.Fatal(err)
	}
	ra := &countingRA{r: src.RA}
	src.RA = ra
	for _, salt := range []string{"a", "b"} { // the salt may come after the spool (updates)
		want, _, _ := checksum.Reader(bytes.NewReader(data), salt)
		if got, _ := src.Checksum(salt); got != want {
			t.Errorf("Checksum(%q) = %s, want %s", salt, got, want)
		}
	}
	if ra.n.Load() != 0 {
		t.Errorf("the spool was read back %d bytes to hash it", ra.n.Load())
	}
	rev, err := s.uploader(1<<30, 1<<20, 2).Upload(context.Background(), src, "salt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ra.n.Load(); got != int64(len(data)) {
		t.Errorf("spool read %d bytes: want one pass (the send)", got)
	}
	if !bytes.Equal(s.got["/obj/"+rev.ContentTok.SHA], data) {
		t.Error("stored bytes differ")
	}
}

func TestMultipartPartURLsAreFetchedLazilyInBatches(t *testing.T) {
	s := newStore(t)
	const chunk, parts, concurrency = 64 << 10, 10, 2
	data := randomContent(t, chunk*(parts-1)+17)
	u := s.uploader(chunk, chunk, concurrency)
	if err := u.Put(context.Background(), "sha", "salt", bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatal(err)
	}
	var calls []string
	firstPut, secondBatch := -1, -1
	for i, e := range s.log {
		switch {
		case strings.HasPrefix(e, "part_urls"):
			calls = append(calls, e)
			if len(calls) == 2 {
				secondBatch = i
			}
		case strings.HasPrefix(e, "put") && firstPut < 0:
			firstPut = i
		}
	}
	want := []string{"part_urls 1-4", "part_urls 5-8", "part_urls 9-10"}
	if strings.Join(calls, ",") != strings.Join(want, ",") {
		t.Errorf("part URL calls %v, want %v (batches of twice the concurrency)", calls, want)
	}
	if firstPut < 0 || secondBatch < firstPut {
		t.Errorf("the second batch was fetched before any byte was sent: %v", s.log)
	}
	if last := s.log[len(s.log)-1]; last != "complete 10" {
		t.Errorf("last call %q", last)
	}
	var joined []byte
	for p := 1; p <= parts; p++ {
		joined = append(joined, s.got[fmt.Sprintf("/part/%d", p)]...)
	}
	if !bytes.Equal(joined, data) {
		t.Error("parts do not add up to the content")
	}
}
