package istari

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// Regression tests for defects found in review.

func TestArchiveOfTypedNilFailsLocally(t *testing.T) {
	c, mt := mockClient(t)
	var f *types.File
	err := c.Archive(context.Background(), f, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Zero(t, mt.GetTotalCallCount())
}

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

func TestCopyToCreatesAnOrdinaryFile(t *testing.T) {
	c, _ := fakeClient(t)
	ctx := context.Background()
	m, err := c.AddModelFromReader(ctx, "a.txt", strings.NewReader("hello"), nil)
	require.NoError(t, err)
	dst := filepath.Join(t.TempDir(), "copy.txt")
	require.NoError(t, c.CopyTo(ctx, m.Revision().ContentToken(), dst))
	st, err := os.Stat(dst)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "not the 0600 of a temp file")

	require.NoError(t, os.Chmod(dst, 0o640))
	require.NoError(t, c.CopyTo(ctx, m.Revision().ContentToken(), dst))
	st, err = os.Stat(dst)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "a replaced file keeps its mode")
}

func TestAddJobNamesTheParametersRevision(t *testing.T) {
	c, srv := fakeClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	m, err := c.AddModelFromReader(ctx, "a.csv", strings.NewReader("a\n1\n"), nil)
	require.NoError(t, err)
	job, err := c.AddJob(ctx, m.ID, "@istari:extract", &AddJobOptions{Parameters: map[string]int{"n": 1}})
	require.NoError(t, err)
	assert.Equal(t, "parameters.json", job.Name())
}
