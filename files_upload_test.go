package istari

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpdateWithOverlongNameSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		return httpmock.NewStringResponse(500, ""), nil
	})
	name := strings.Repeat("n", 256) + ".csv"
	_, err := c.UpdateModelFromReader(context.Background(), "m1", name, strings.NewReader("x"), nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "name", ve.Field)
	assert.Zero(t, mt.GetTotalCallCount(), "the current model is not even read")
}

func TestUploadRevisionFromBytes(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	rev, err := c.revisionWith(ctx, readerSource("dir/params.JSON", bytes.NewReader([]byte(`{"a":1}`))), "", nil)
	require.NoError(t, err)
	assert.Equal(t, "params.JSON", *rev.Name)
	assert.Equal(t, "json", *rev.Extension)
	assert.Equal(t, "application/json", *rev.MIME)
	assert.Len(t, rev.ContentToken().Salt, 32)
	again, err := c.revisionWith(ctx, readerSource("params.json", bytes.NewReader([]byte(`{"a":1}`))), rev.ContentToken().Salt, nil)
	require.NoError(t, err)
	assert.Equal(t, rev.ContentToken().SHA, again.ContentToken().SHA)
	var v map[string]int
	require.NoError(t, c.ReadJSON(ctx, again.ContentToken(), &v))
	assert.Equal(t, 1, v["a"])

	noExt, err := c.revisionWith(ctx, readerSource("README", bytes.NewReader(nil)), "", nil)
	require.NoError(t, err)
	assert.Equal(t, "", *noExt.Extension)
	assert.Equal(t, "application/octet-stream", *noExt.MIME)
}

func TestFaultMultipartPartFailsOnce(t *testing.T) {
	e := newRelEnv(t, smallMultipart)
	data := randomBytes(t, 6<<20)
	// Baseline: the same upload shape without a fault.
	_, err := e.c.AddModelFromReader(context.Background(), "a.bin", bytes.NewReader(data), nil)
	require.NoError(t, err)
	base := len(e.srv.RequestsFor("storage.put"))
	require.Greater(t, base, 6, "6 parts plus the properties blob")
	e.srv.ResetRequests()

	other := append([]byte(nil), data...)
	other[0] ^= 0xff
	e.srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 500})
	m, err := e.c.AddModelFromReader(context.Background(), "b.bin", bytes.NewReader(other), nil)
	require.NoError(t, err)
	assert.Len(t, e.srv.RequestsFor("storage.put"), base+1, "exactly one extra part PUT")
	assert.Len(t, e.srv.RequestsFor("create_model"), 1)
	assert.Zero(t, e.srv.MultipartUploadsInProgress())
	got, err := e.c.ReadBytes(context.Background(), m.File.Revisions[len(m.File.Revisions)-1].ContentToken())
	require.NoError(t, err)
	assert.True(t, bytes.Equal(other, got))
}

// Hostile row 9 (uploads): a typed-nil reader such as (*bytes.Reader)(nil) compares unequal to nil and used to
// panic in Seek; every FromReader method returns a *ValidationError before any request instead.
func TestHostileTypedNilReader(t *testing.T) {
	reg, regHits := recordingServer(t, presigningRegistry("http://127.0.0.1:1/x"))
	c := hostileClient(t, reg.URL, nil)
	ctx := context.Background()
	for _, r := range []io.Reader{nil, (*bytes.Reader)(nil), (*strings.Reader)(nil), (*os.File)(nil), (*bytes.Buffer)(nil)} {
		name := reflect.TypeOf(r)
		calls := map[string]func() error{
			"AddModelFromReader":       func() error { _, err := c.AddModelFromReader(ctx, "m.bin", r, nil); return err },
			"AddFileFromReader":        func() error { _, err := c.AddFileFromReader(ctx, "m.bin", r, nil); return err },
			"UpdateModelFromReader":    func() error { _, err := c.UpdateModelFromReader(ctx, "id", "m.bin", r, nil); return err },
			"AddArtifactFromReader":    func() error { _, err := c.AddArtifactFromReader(ctx, "id", "m.bin", r, nil); return err },
			"AddCommentFromReader":     func() error { _, err := c.AddCommentFromReader(ctx, "id", "m.bin", r, nil); return err },
			"CreateRevisionFromReader": func() error { _, err := c.CreateRevisionFromReader(ctx, "m.bin", r, nil); return err },
			"UpdateJobFromReader":      func() error { _, err := c.UpdateJobFromReader(ctx, "id", "m.bin", r, nil); return err },
		}
		for method, call := range calls {
			var ve *ValidationError
			require.NotPanics(t, func() { require.ErrorAs(t, call(), &ve, "%s(%v)", method, name) })
			assert.Equal(t, "reader", ve.Field, "%s(%v)", method, name)
		}
	}
	assert.Zero(t, regHits.count(), "nothing was sent")
}

// slowReader yields one byte per tick, forever: a producer slower than the caller's deadline.
type slowReader struct{ tick time.Duration }

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(s.tick)
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = 'x'
	return 1, nil
}

// Spooling a reader that cannot seek honours the context: the upload stops at the next Read after ctx ends,
// before any request.
func TestReaderSpoolHonoursContext(t *testing.T) {
	srv, hits := recordingServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	c := hostileClient(t, srv.URL, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.CreateRevisionFromReader(ctx, "a.txt", slowReader{tick: 5 * time.Millisecond}, nil)
		done <- err
	}()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.DeadlineExceeded)
	case <-time.After(5 * time.Second):
		t.Fatal("CreateRevisionFromReader still spooling long after its context ended")
	}
	assert.Zero(t, hits.count(), "nothing was sent")
}
