package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// isolateTemp points os.TempDir at a fresh directory so parameters*.json files can be counted exactly.
func isolateTemp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	require.Equal(t, dir, os.TempDir())
	return dir
}

func parameterFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "parameters*.json"))
	require.NoError(t, err)
	return m
}

func writeTestFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

func readRevision(t *testing.T, c *Client, rev *types.FileRevision) string {
	t.Helper()
	require.NotNil(t, rev)
	var buf bytes.Buffer
	require.NoError(t, c.ReadContents(context.Background(), rev.ContentTok, &buf, nil))
	return buf.String()
}

func TestAddJobArgumentErrorsSendNothing(t *testing.T) {
	existing := writeTestFile(t, "params.json", `{}`)
	cases := []struct {
		field string
		call  func(ctx context.Context, c *Client) error
	}{
		{"function", func(ctx context.Context, c *Client) error {
			_, err := c.AddJob(ctx, "m1", "", nil)
			return err
		}},
		{"model_id", func(ctx context.Context, c *Client) error {
			_, err := c.AddJob(ctx, "", "@istari:extract", nil)
			return err
		}},
		{"parameters", func(ctx context.Context, c *Client) error {
			_, err := c.AddJob(ctx, "m1", "@istari:extract", &AddJobOptions{Parameters: map[string]any{"a": 1}, ParametersFile: existing})
			return err
		}},
		{"description", func(ctx context.Context, c *Client) error {
			_, err := c.AddJob(ctx, "m1", "@istari:extract", &AddJobOptions{Upload: UploadOptions{Description: Ptr(strings.Repeat("x", 256))}})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.field, func(t *testing.T) {
			ve := localFailure(t, tc.field, tc.call)
			if tc.field == "parameters" {
				assert.Equal(t, "exclusive", ve.Rule)
				assert.Contains(t, ve.Error(), "Can't combine a parameters file with explicit parameters")
			}
		})
	}

	t.Run("missing parameters file", func(t *testing.T) {
		c, mt := mockClient(t)
		_, err := c.AddJob(context.Background(), "m1", "@istari:extract", &AddJobOptions{ParametersFile: filepath.Join(t.TempDir(), "nope.json")})
		require.ErrorIs(t, err, os.ErrNotExist)
		assert.Equal(t, 0, mt.GetTotalCallCount())
	})
	t.Run("unencodable parameters", func(t *testing.T) {
		dir := isolateTemp(t)
		c, mt := mockClient(t)
		_, err := c.AddJob(context.Background(), "m1", "@istari:extract", &AddJobOptions{Parameters: map[string]any{"f": func() {}}})
		require.Error(t, err)
		assert.Equal(t, 0, mt.GetTotalCallCount())
		assert.Empty(t, parameterFiles(t, dir))
	})
}

// TestAddJobLifecycle: upload a model, AddJob, the simulated agent reads the parameters and writes an
// artifact, WaitForJob, then download the artifact with checksum verification.
func TestAddJobLifecycle(t *testing.T) {
	dir := isolateTemp(t)
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	srv.HandleFunction("@istari:extract", func(ctx context.Context, job istaritest.JobContext) error {
		var p struct {
			Scale int `json:"scale"`
		}
		if err := json.Unmarshal(job.Parameters, &p); err != nil {
			return err
		}
		return job.AddArtifact("out.json", []byte(`{"scaled":`+strings.Repeat("9", p.Scale)+`}`))
	})
	model, err := c.AddModel(ctx, writeTestFile(t, "part.step", "ISO-10303-21;"), nil)
	require.NoError(t, err)

	job, err := c.AddJob(ctx, model.ID, "@istari:extract", &AddJobOptions{
		Parameters: map[string]any{"scale": 3},
		Upload:     UploadOptions{Description: Ptr("run 1"), Sources: []types.NewSource{{RevisionID: model.File.Revision().ID, RelationshipIdentifier: Ptr("input")}}},
	})
	require.NoError(t, err)
	assert.Empty(t, parameterFiles(t, dir), "temp parameters file removed")
	require.NotNil(t, job.ModelID)
	assert.Equal(t, model.ID, *job.ModelID)
	assert.True(t, strings.HasPrefix(job.Name(), "parameters") && strings.HasSuffix(job.Name(), ".json"), job.Name())
	assert.Equal(t, "run 1", job.File.Description())
	require.Len(t, job.Revision().Sources, 1)
	assert.Equal(t, model.File.Revision().ID, job.Revision().Sources[0].RevisionID)
	assert.Equal(t, "{\n    \"scale\": 3\n}", readRevision(t, c, job.Revision()), "4-space indented JSON")

	var seen []enums.JobStatusName
	done, err := c.WaitForJob(ctx, job.ID, &WaitOptions{Interval: 5 * time.Millisecond, OnStatus: func(s types.JobStatus) { seen = append(seen, s.Name) }})
	require.NoError(t, err)
	st, _ := done.Status()
	assert.Equal(t, enums.JobStatusNameCompleted, st.Name)
	assert.Equal(t, enums.JobStatusNameCompleted, seen[len(seen)-1])

	page, err := c.ListModelArtifacts(ctx, model.ID, nil)
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	art := page.Items[0]
	assert.Equal(t, "out.json", art.File.Name())
	assert.Equal(t, `{"scaled":999}`, readRevision(t, c, art.File.Revision()))
}

func TestAddJobEmptyParametersAndFile(t *testing.T) {
	dir := isolateTemp(t)
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	model := srv.SeedJobModel("part.step", []byte("solid"))

	job, err := c.AddJob(ctx, model, "@istari:extract", nil)
	require.NoError(t, err)
	assert.Equal(t, "{}", readRevision(t, c, job.Revision()))
	job, err = c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{Parameters: map[string]any(nil)})
	require.NoError(t, err)
	assert.Equal(t, "{}", readRevision(t, c, job.Revision()), "a typed nil map is no parameters")
	type nested struct {
		Name  string   `json:"name"`
		Items []string `json:"items"`
	}
	job, err = c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{Parameters: nested{Name: "n", Items: []string{"a"}}})
	require.NoError(t, err)
	assert.Equal(t, "{\n    \"name\": \"n\",\n    \"items\": [\n        \"a\"\n    ]\n}", readRevision(t, c, job.Revision()))

	pf := writeTestFile(t, "my-params.json", `{"k": "v"}`)
	job, err = c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{ParametersFile: pf})
	require.NoError(t, err)
	assert.Equal(t, "my-params.json", job.Name())
	assert.Equal(t, `{"k": "v"}`, readRevision(t, c, job.Revision()))
	_, err = os.Stat(pf)
	require.NoError(t, err, "the caller's parameters file is kept")
	assert.Empty(t, parameterFiles(t, dir))
}

func TestAddJobRemovesTempFileOnFailure(t *testing.T) {
	ctx := context.Background()
	t.Run("upload failure", func(t *testing.T) {
		dir := isolateTemp(t)
		srv, c := fakeJobsClient(t)
		srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
		model := srv.SeedJobModel("part.step", []byte("solid"))
		srv.InjectFault(istaritest.Fault{Op: "storage.put", Status: 500, Times: 10})
		_, err := c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{Parameters: map[string]int{"a": 1}})
		require.ErrorIs(t, err, ErrServer)
		assert.Empty(t, srv.RequestsFor("create_model_job"))
		assert.Empty(t, parameterFiles(t, dir))
	})
	t.Run("registry failure", func(t *testing.T) {
		dir := isolateTemp(t)
		srv, c := fakeJobsClient(t)
		srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
		model := srv.SeedJobModel("part.step", []byte("solid"))
		srv.InjectFault(istaritest.Fault{Op: "create_model_job", Status: 400})
		_, err := c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{Parameters: map[string]int{"a": 1}})
		require.ErrorIs(t, err, ErrBadRequest)
		assert.Regexp(t, `^istari: create_model_job POST \S+: 400 Bad Request.* \(after uploading content sha [0-9a-f]+, which stays in storage\)$`, err.Error(), "operation and status first, the orphaned sha last")
		assert.Equal(t, 1, strings.Count(err.Error(), "istari:"))
		assert.Len(t, srv.RequestsFor("create_model_job"), 1, "a 400 is not retried with a resource id")
		assert.Empty(t, parameterFiles(t, dir))
	})
	t.Run("unknown function", func(t *testing.T) {
		dir := isolateTemp(t)
		srv, c := fakeJobsClient(t)
		model := srv.SeedJobModel("part.step", []byte("solid"))
		_, err := c.AddJob(ctx, model, "@istari:nothing", nil)
		require.ErrorIs(t, err, ErrNotFound)
		assert.Empty(t, parameterFiles(t, dir))
	})
}

func TestAddJobRetriesWithResourceIDOnFake(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	model, err := c.AddModel(ctx, writeTestFile(t, "part.step", "solid"), nil)
	require.NoError(t, err)
	require.NotEqual(t, model.ID, model.File.ID)
	job, err := c.AddJob(ctx, model.File.ID, "@istari:extract", nil)
	require.NoError(t, err)
	assert.Equal(t, model.ID, *job.ModelID)
	assert.Len(t, srv.RequestsFor("create_model_job"), 2)
}

// TestAddJobFileIDRetryWire checks the exact retry sequence: 404 on the file id, get_file, then the
// resource id.
func TestAddJobFileIDRetryWire(t *testing.T) {
	logs := &logBuffer{}
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	var jobPaths []string
	var queries []string
	fileGets := 0
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		p := r.URL.EscapedPath()
		json := func(status int, body string) (*http.Response, error) {
			resp := httpmock.NewStringResponse(status, body)
			resp.Header.Set("Content-Type", "application/json")
			return resp, nil
		}
		switch {
		case r.Method == http.MethodGet && strings.HasPrefix(p, "/api/v2/tokens/") && strings.HasSuffix(p, "/upload-url"):
			return json(200, `{"url":"https://store.example.test/put/1?sig=x"}`)
		case r.Method == http.MethodPut && r.URL.Host == "store.example.test":
			_ = readAll(r)
			return httpmock.NewStringResponse(200, ""), nil
		case r.Method == http.MethodPost && strings.HasPrefix(p, "/api/v2/models/") && strings.HasSuffix(p, "/jobs"):
			jobPaths = append(jobPaths, p)
			queries = append(queries, r.URL.RawQuery)
			if p == "/api/v2/models/file-1/jobs" {
				return json(404, `{"detail":"Not Found"}`)
			}
			return json(200, `{"id":"job-1","model_id":"model-9","file":{"id":"f-job","created":"2026-01-01T00:00:00Z","revisions":[],"archive_status_history":[]}}`)
		case r.Method == http.MethodGet && p == "/api/v2/files/file-1":
			fileGets++
			return json(200, `{"id":"file-1","created":"2026-01-01T00:00:00Z","revisions":[],"archive_status_history":[],"resource_id":"model-9","resource_type":"model"}`)
		}
		t.Errorf("unexpected %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(500, ""), nil
	})
	job, err := c.AddJob(context.Background(), "file-1", "@istari:extract", &AddJobOptions{ToolName: Ptr("cad"), AgentID: Ptr("a1")})
	require.NoError(t, err)
	assert.Equal(t, "job-1", job.ID)
	assert.Equal(t, []string{"/api/v2/models/file-1/jobs", "/api/v2/models/model-9/jobs"}, jobPaths)
	assert.Equal(t, queries[0], queries[1])
	assert.Equal(t, "agent_id=a1&function_name=%40istari%3Aextract&tool_name=cad", queries[0])
	assert.Equal(t, 1, fileGets)
	assert.Contains(t, logs.String(), "resource_id=model-9")
	assert.Contains(t, logs.String(), "level=DEBUG")
}

func TestAddJobNoRetryWhenNotAFile(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	_, err := c.AddJob(context.Background(), "00000000-0000-0000-0000-000000000000", "@istari:extract", nil)
	require.ErrorIs(t, err, ErrNotFound)
	assert.Len(t, srv.RequestsFor("create_model_job"), 1)
	assert.Len(t, srv.RequestsFor("get_file"), 1)
}

func TestUpdateJobKeepsSalt(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	model := srv.SeedJobModel("part.step", []byte("solid"))
	job, err := c.AddJob(ctx, model, "@istari:extract", &AddJobOptions{Parameters: map[string]int{"v": 1}})
	require.NoError(t, err)
	salt := job.Revision().ContentTok.Salt

	updated, err := c.UpdateJob(ctx, job.ID, writeTestFile(t, "params.json", `{"v":2}`), &UploadOptions{VersionName: Ptr("v2")})
	require.NoError(t, err)
	require.Len(t, updated.File.Revisions, 2)
	assert.Equal(t, salt, updated.Revision().ContentTok.Salt)
	assert.Equal(t, "v2", updated.File.VersionName())
	assert.Equal(t, `{"v":2}`, readRevision(t, c, updated.Revision()))

	updated, err = c.UpdateJobFromReader(ctx, job.ID, "p.json", strings.NewReader(`{"v":3}`), nil)
	require.NoError(t, err)
	assert.Len(t, updated.File.Revisions, 3)
	assert.Equal(t, salt, updated.Revision().ContentTok.Salt)
	assert.Equal(t, `{"v":3}`, readRevision(t, c, updated.Revision()))

	srv.ResetRequests()
	_, err = c.UpdateJob(ctx, job.ID, filepath.Join(t.TempDir(), "missing.json"), nil)
	require.True(t, errors.Is(err, os.ErrNotExist))
	assert.Empty(t, srv.Requests())
	noRequest(t, "job_id", func(ctx context.Context, c *Client) error {
		_, err := c.UpdateJobFromReader(ctx, "", "p.json", strings.NewReader("{}"), nil)
		return err
	})
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
