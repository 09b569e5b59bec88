package istaritest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// createJobRaw posts create_model_job directly and decodes the job.
func createJobRaw(t *testing.T, s *Server, modelID, function string, params []byte) types.Job {
	t.Helper()
	body, err := json.Marshal(types.NewJob{Revision: s.SeedJobParameters(params)})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, s.URL+"/api/v2/models/"+modelID+"/jobs?function_name="+url.QueryEscape(function), bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+s.Token())
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var job types.Job
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&job))
	return job
}

func waitTerminal(t *testing.T, s *Server, jobID string) enums.JobStatusName {
	t.Helper()
	var name enums.JobStatusName
	require.Eventually(t, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		name = s.jobs.jobs[jobID].current()
		return name.IsTerminal()
	}, 5*time.Second, time.Millisecond)
	return name
}

func TestSimulatedAgentAddsArtifactsToTheJobModel(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.RegisterFunction(FunctionSpec{Name: "@istari:extract"})
	s.HandleFunction("@istari:extract", func(ctx context.Context, job JobContext) error {
		if string(job.Parameters) != `{"k":"v"}` {
			return errors.New("unexpected parameters " + string(job.Parameters))
		}
		return job.AddArtifact("summary.json", []byte(`{"ok":true}`))
	})
	model := s.SeedJobModel("part.step", []byte("solid"))
	job := createJobRaw(t, s, model, "@istari:extract", []byte(`{"k":"v"}`))
	require.Equal(t, enums.JobStatusNameCompleted, waitTerminal(t, s, job.ID))

	s.mu.Lock()
	defer s.mu.Unlock()
	var artifacts []*resourceRec
	for _, id := range s.files.order {
		if r := s.files.resources[id]; r.Type == "artifact" && r.ParentID == model {
			artifacts = append(artifacts, r)
		}
	}
	require.Len(t, artifacts, 1)
	assert.Equal(t, s.owner.ID, artifacts[0].OwnerID)
	rev := s.fileLocked(artifacts[0].FileID).currentRevision()
	assert.Equal(t, "summary", *rev.Name)
	assert.Equal(t, "json", *rev.Extension)
	content, ok := s.store.object(rev.ContentTok.SHA, rev.ContentTok.Salt)
	require.True(t, ok)
	assert.Equal(t, `{"ok":true}`, string(content))
	require.NoError(t, rev.ContentTok.Verify(bytes.NewReader(content)))
}

func TestSimulatedAgentPanicFailsTheJob(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.RegisterFunction(FunctionSpec{Name: "@istari:boom"})
	s.HandleFunction("@istari:boom", func(ctx context.Context, job JobContext) error { panic("kaboom") })
	job := createJobRaw(t, s, s.SeedJobModel("a.step", []byte("x")), "@istari:boom", []byte(`{}`))
	require.Equal(t, enums.JobStatusNameFailed, waitTerminal(t, s, job.ID))
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.jobs.jobs[job.ID].Status
	assert.Contains(t, *st[len(st)-1].Message, "kaboom")
}

func TestCloseStopsRunningAgentsWithoutDeadlock(t *testing.T) {
	s := NewServer(WithAgentStepDelay(time.Millisecond))
	s.RegisterFunction(FunctionSpec{Name: "@istari:slow"})
	started := make(chan struct{})
	s.HandleFunction("@istari:slow", func(ctx context.Context, job JobContext) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	createJobRaw(t, s, s.SeedJobModel("a.step", []byte("x")), "@istari:slow", []byte(`{}`))
	<-started
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
}

func TestJobTransitions(t *testing.T) {
	cases := []struct {
		from, to enums.JobStatusName
		ok       bool
	}{
		{enums.JobStatusNameCreated, enums.JobStatusNamePending, true},
		{enums.JobStatusNameCreated, enums.JobStatusNameRunning, true},
		{enums.JobStatusNameRunning, enums.JobStatusNameRunning, true},
		{enums.JobStatusNameRunning, enums.JobStatusNameClaimed, false},
		{enums.JobStatusNameUploading, enums.JobStatusNameCompleted, true},
		{enums.JobStatusNamePending, enums.JobStatusNameCanceled, true},
		{enums.JobStatusNameRunning, enums.JobStatusNameFailed, true},
		{enums.JobStatusNameCompleted, enums.JobStatusNameFailed, false},
		{enums.JobStatusNameFailed, enums.JobStatusNameRunning, false},
		{enums.JobStatusNameCanceled, enums.JobStatusNameCanceled, false},
		{enums.JobStatusNameCreated, enums.JobStatusNameUnknown, false},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.ok, transitionAllowed(tc.from, tc.to), "%s -> %s", tc.from, tc.to)
	}
}

func TestJobContextModelContent(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.RegisterFunction(FunctionSpec{Name: "@istari:extract"})
	got := make(chan string, 1)
	s.HandleFunction("@istari:extract", func(ctx context.Context, job JobContext) error {
		b, err := job.ModelContent()
		if err != nil {
			return err
		}
		got <- string(b)
		return nil
	})
	model := s.SeedJobModel("part.step", []byte("solid body"))
	job := createJobRaw(t, s, model, "@istari:extract", []byte(`{}`))
	require.Equal(t, enums.JobStatusNameCompleted, waitTerminal(t, s, job.ID))
	assert.Equal(t, "solid body", <-got)

	_, err := JobContext{}.ModelContent()
	require.Error(t, err)
}

func TestJobOnArtifactAddsResultsToItsModel(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.RegisterFunction(FunctionSpec{Name: "@example:summarize"})
	s.HandleFunction("@example:summarize", func(ctx context.Context, job JobContext) error {
		return job.AddArtifact("summary.json", []byte(`{}`))
	})
	model := s.SeedJobModel("part.csv", []byte("a,b"))
	s.mu.Lock()
	art := s.createResourceLocked(s.owner, "artifact", model, s.jobsStoreContent("extract.json", []byte(`{"v":1}`))).ID
	s.mu.Unlock()
	job := createJobRaw(t, s, art, "@example:summarize", []byte(`{}`))
	require.Equal(t, enums.JobStatusNameCompleted, waitTerminal(t, s, job.ID))
	s.mu.Lock()
	defer s.mu.Unlock()
	var parents []string
	for _, id := range s.files.order {
		if r := s.files.resources[id]; r.Type == "artifact" && r.ID != art {
			parents = append(parents, r.ParentID)
		}
	}
	assert.Equal(t, []string{model}, parents)
}
