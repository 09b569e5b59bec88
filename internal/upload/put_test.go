package upload

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
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

	created   *types.NewMultipartUpload
	createErr error
	finalized []*types.FinalizeMultipartUpload
	failPart  string // URL path answered 403
	inFlight  atomic.Int32
	maxFlight atomic.Int32
}

func newStore(t *testing.T) *store {
	s := &store{t: t, got: map[string][]byte{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.add("put " + r.URL.Path)
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for m := s.maxFlight.Load(); n > m && !s.maxFlight.CompareAndSwap(m, n); m = s.maxFlight.Load() {
		}
		if r.URL.Path == s.failPart {
			w.WriteHeader(http.StatusForbidden)
			return
		}
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

func (s *store) CreateMultipart(_ context.Context, b *types.NewMultipartUpload) (*types.MultipartUpload, error) {
	s.add(fmt.Sprintf("create %d", b.NumParts))
	s.mu.Lock()
	s.created = b
	createErr := s.createErr
	s.mu.Unlock()
	if createErr != nil {
		return nil, createErr
	}
	up := &types.MultipartUpload{UploadID: "up-1", UploadURLs: map[string]types.TemporaryURL{}}
	for p := 1; p <= b.NumParts; p++ {
		up.UploadURLs[strconv.Itoa(p)] = types.TemporaryURL{URL: fmt.Sprintf("%s/part/%d", s.srv.URL, p)}
	}
	return up, nil
}

func (s *store) FinalizeMultipart(_ context.Context, b *types.FinalizeMultipartUpload) error {
	s.add(fmt.Sprintf("%s %d", b.Action, len(b.CompletedParts)))
	s.mu.Lock()
	s.finalized = append(s.finalized, b)
	s.mu.Unlock()
	return nil
}

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

func TestMultipartFollowsThePublishedProtocol(t *testing.T) {
	s := newStore(t)
	const chunk, parts, concurrency = 64 << 10, 10, 2
	data := randomContent(t, chunk*(parts-1)+17)
	u := s.uploader(chunk, chunk, concurrency)
	if err := u.Put(context.Background(), "sha", "salt", bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatal(err)
	}
	if s.created == nil || s.created.SHA != "sha" || s.created.NumParts != parts || s.created.ModelID != nil {
		t.Errorf("create body %+v, want sha, %d parts, no model", s.created, parts)
	}
	if s.log[0] != "create 10" || s.log[len(s.log)-1] != "complete 10" {
		t.Errorf("calls %v: want create first, complete last", s.log)
	}
	if got := s.maxFlight.Load(); got < 1 || got > concurrency {
		t.Errorf("%d parts in flight, want at most %d", got, concurrency)
	}
	done := s.finalized[len(s.finalized)-1]
	if done.Action != types.MultipartComplete || done.SHA != "sha" || done.UploadID != "up-1" {
		t.Errorf("finalize %+v", done)
	}
	for i, p := range done.CompletedParts {
		// The store answers the quoted URL path as the ETag; the quotes are stripped as Python does.
		if want := fmt.Sprintf("/part/%d", i+1); p.PartNumber != i+1 || p.ETag != want {
			t.Errorf("completed part %d = %+v, want ETag %s", i, p, want)
		}
	}
	var joined []byte
	for p := 1; p <= parts; p++ {
		joined = append(joined, s.got[fmt.Sprintf("/part/%d", p)]...)
	}
	if !bytes.Equal(joined, data) {
		t.Error("parts do not add up to the content")
	}
}

func TestMultipartThresholdIsInclusiveOfASinglePut(t *testing.T) {
	s := newStore(t)
	data := randomContent(t, 64<<10)
	if err := s.uploader(int64(len(data)), 16<<10, 2).Put(context.Background(), "sha", "salt", bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.log, ",") != "url,put /obj/sha" {
		t.Errorf("calls %v: content of exactly the threshold goes up in one PUT", s.log)
	}
}

func TestMultipartPartFailureCancels(t *testing.T) {
	s := newStore(t)
	s.failPart = "/part/3"
	data := randomContent(t, 5*(16<<10))
	err := s.uploader(16<<10, 16<<10, 2).Put(context.Background(), "sha", "salt", bytes.NewReader(data), int64(len(data)), nil)
	if err == nil || !strings.Contains(err.Error(), "up-1") || !strings.Contains(err.Error(), "part 3") {
		t.Fatalf("err = %v, want the upload id and the failed part", err)
	}
	last := s.finalized[len(s.finalized)-1]
	if len(s.finalized) != 1 || last.Action != types.MultipartCancel || last.UploadID != "up-1" || last.CompletedParts != nil {
		t.Errorf("finalize calls %+v, want one cancel without parts", s.finalized)
	}
}

func TestMultipartContextCancelCancelsTheUpload(t *testing.T) {
	s := newStore(t)
	data := randomContent(t, 5*(16<<10))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.uploader(16<<10, 16<<10, 2).Put(ctx, "sha", "salt", bytes.NewReader(data), int64(len(data)), nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(s.finalized) != 1 || s.finalized[0].Action != types.MultipartCancel {
		t.Errorf("finalize calls %+v, want one cancel", s.finalized)
	}
}

func TestMultipartExistingShaIsDone(t *testing.T) {
	s := newStore(t)
	s.createErr = errors.New("409 Conflict: Sha already exists")
	data := randomContent(t, 5*(16<<10))
	if err := s.uploader(16<<10, 16<<10, 2).Put(context.Background(), "sha", "salt", bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatalf("err = %v, want nil: the registry holds the content", err)
	}
	if strings.Join(s.log, ",") != "create 5" {
		t.Errorf("calls %v, want only create", s.log)
	}
}

func TestPartETag(t *testing.T) {
	for _, c := range []struct{ url, etag, want string }{
		{"https://s3.example/b/k?partNumber=1", `"abc"`, "abc"},
		{"https://acct.blob.core.windows.net/c/b?comp=block", "", "N/A"},
	} {
		if got, err := partETag(c.url, c.etag); err != nil || got != c.want {
			t.Errorf("partETag(%s, %s) = %q, %v; want %q", c.url, c.etag, got, err, c.want)
		}
	}
	if _, err := partETag("https://s3.example/b/k", ""); err == nil {
		t.Error("a missing S3 ETag passed")
	}
}
