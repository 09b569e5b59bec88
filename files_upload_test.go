package istari

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

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
	assert.Len(t, rev.ContentToken().Salt, 64)
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
