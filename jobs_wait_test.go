package istari

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// fakeJobsClient starts a fake registry with opts and a client pointed at it.
func fakeJobsClient(t *testing.T, opts ...istaritest.Option) (*istaritest.Server, *Client) {
	t.Helper()
	srv := newFake(t, opts...)
	return srv, testClient(t, srv.URL, Secret(srv.Token()))
}

// startFakeJob creates a job for function on a seeded model, as AddJob will once uploads exist.
func startFakeJob(t *testing.T, srv *istaritest.Server, c *Client, function, params string) *types.Job {
	t.Helper()
	model := srv.SeedJobModel("bracket.step", []byte("ISO-10303-21;"))
	rev := srv.SeedJobParameters([]byte(params))
	job, err := c.createModelJob(context.Background(), model, &types.NewJob{Revision: rev}, &createModelJobParams{FunctionName: function})
	require.NoError(t, err)
	return job
}

var fullLifecycle = []enums.JobStatusName{
	enums.JobStatusNameCreated, enums.JobStatusNamePending, enums.JobStatusNameClaimed, enums.JobStatusNameValidating,
	enums.JobStatusNameRunning, enums.JobStatusNameUploading, enums.JobStatusNameCompleted,
}

func TestWaitForJobCompletesAndReportsEveryChange(t *testing.T) {
	srv, c := fakeJobsClient(t, istaritest.WithAgentStepDelay(2*time.Millisecond))
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract", InputExtensions: []string{".step"}})
	var gotParams atomic.Value
	srv.HandleFunction("@istari:extract", func(ctx context.Context, job istaritest.JobContext) error {
		gotParams.Store(string(job.Parameters))
		return job.AddArtifact("extract.json", []byte(`{"faces":12}`))
	})
	job := startFakeJob(t, srv, c, "@istari:extract", `{"units":"mm"}`)

	var seen []enums.JobStatusName
	final, err := c.WaitForJob(context.Background(), job.ID, &WaitOptions{Interval: time.Millisecond,
		OnStatus: func(s types.JobStatus) { seen = append(seen, s.Name) }})
	require.NoError(t, err)
	assert.Equal(t, job.ID, final.ID)
	st, _ := final.Status()
	assert.Equal(t, enums.JobStatusNameCompleted, st.Name)
	assert.Equal(t, fullLifecycle, seen, "each change once, in order")
	assert.Equal(t, `{"units":"mm"}`, gotParams.Load())
	require.NotNil(t, final.AgentID, "the simulated agent reports itself")
}

func TestWaitForJobFailedReturnsJobFailedError(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:mesh"})
	srv.HandleFunction("@istari:mesh", func(ctx context.Context, job istaritest.JobContext) error {
		return errors.New("mesh too coarse")
	})
	job := startFakeJob(t, srv, c, "@istari:mesh", `{}`)
	final, err := c.WaitForJob(context.Background(), job.ID, &WaitOptions{Interval: time.Millisecond})
	assert.Nil(t, final)
	require.ErrorIs(t, err, ErrJobFailed)
	var jf *JobFailedError
	require.ErrorAs(t, err, &jf)
	assert.Equal(t, enums.JobStatusNameFailed, jf.Status.Name)
	assert.Equal(t, job.ID, jf.Job.ID)
	assert.Contains(t, err.Error(), job.ID)
	assert.Contains(t, err.Error(), "Failed")
	assert.Contains(t, err.Error(), "mesh too coarse")
}

func TestWaitForJobCanceledJob(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	job := startFakeJob(t, srv, c, "@istari:idle", `{}`)
	_, err := c.UpdateJobStatus(context.Background(), job.ID, &types.JobStatusMessage{Message: "user gave up"},
		&UpdateJobStatusParams{StatusName: enums.JobStatusNameCanceled})
	require.NoError(t, err)
	_, err = c.WaitForJob(context.Background(), job.ID, &WaitOptions{Interval: time.Millisecond})
	var jf *JobFailedError
	require.ErrorAs(t, err, &jf)
	assert.Equal(t, enums.JobStatusNameCanceled, jf.Status.Name)
	assert.Contains(t, err.Error(), "user gave up")
}

func TestWaitForJobReturnsPromptlyWhenContextEnds(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	job := startFakeJob(t, srv, c, "@istari:idle", `{}`) // no handler: stays Created

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(30*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.WaitForJob(ctx, job.ID, &WaitOptions{Interval: time.Hour})
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), job.ID)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.NotErrorIs(t, err, ErrJobFailed)
}

func TestWaitForJobSurvivesA503BurstWhilePolling(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract"})
	srv.HandleFunction("@istari:extract", func(ctx context.Context, job istaritest.JobContext) error { return nil })
	job := startFakeJob(t, srv, c, "@istari:extract", `{}`)
	srv.ResetRequests()
	// Four 503s outlast the transport's three attempts of the first poll; the wait goes on.
	srv.InjectFault(istaritest.Fault{Op: "get_job", Status: http.StatusServiceUnavailable, Times: 4})
	final, err := c.WaitForJob(context.Background(), job.ID, &WaitOptions{Interval: time.Millisecond})
	require.NoError(t, err)
	st, _ := final.Status()
	assert.Equal(t, enums.JobStatusNameCompleted, st.Name)
	assert.Zero(t, srv.PendingFaults())
	assert.GreaterOrEqual(t, len(srv.RequestsFor("get_job")), 5)
}

func TestWaitForJobGivesUpAfterMaxPollErrors(t *testing.T) {
	srv, c := fakeJobsClient(t)
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	job := startFakeJob(t, srv, c, "@istari:idle", `{}`)
	srv.ResetRequests()
	srv.InjectFault(istaritest.Fault{Op: "get_job", Status: http.StatusServiceUnavailable, Times: 1000})
	_, err := c.WaitForJob(context.Background(), job.ID, &WaitOptions{Interval: time.Millisecond, MaxPollErrors: 2})
	require.ErrorIs(t, err, ErrServer)
	assert.Len(t, srv.RequestsFor("get_job"), 9, "3 polls of 3 attempts: 2 tolerated, the third returned")
}

func TestWaitForJobStopsAtOnceOnNotFound(t *testing.T) {
	_, c := fakeJobsClient(t)
	_, err := c.WaitForJob(context.Background(), "no-such-job", &WaitOptions{Interval: time.Millisecond})
	require.ErrorIs(t, err, ErrNotFound)
}

func TestWaitForJobKeepsWaitingOnEmptyHistory(t *testing.T) {
	c, mt := mockClient(t)
	var polls atomic.Int32
	mt.RegisterResponder("GET", testBase+"/api/v2/jobs/j1", func(r *http.Request) (*http.Response, error) {
		n := polls.Add(1)
		history := `[]`
		switch {
		case n == 3:
			history = `[{"id":"a","created":"2026-04-01T12:00:00Z","job_id":"j1","name":"Running"}]`
		case n >= 4:
			history = `[{"id":"a","created":"2026-04-01T12:00:00Z","job_id":"j1","name":"Running"},
{"id":"b","created":"2026-04-01T12:00:01Z","job_id":"j1","name":"Running","message":"progress"},
{"id":"c","created":"2026-04-01T12:00:02Z","job_id":"j1","name":"Completed"}]`
		}
		return httpmock.NewStringResponse(200, fmt.Sprintf(`{"id":"j1","status_history":%s}`, history)), nil
	})
	var mu sync.Mutex
	var seen []enums.JobStatusName
	job, err := c.WaitForJob(context.Background(), "j1", &WaitOptions{Interval: time.Millisecond, OnStatus: func(s types.JobStatus) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, s.Name)
	}})
	require.NoError(t, err)
	assert.Equal(t, "j1", job.ID)
	assert.Equal(t, int32(4), polls.Load())
	assert.Equal(t, []enums.JobStatusName{enums.JobStatusNameRunning, enums.JobStatusNameCompleted}, seen, "a repeated status is not a change")
}

func TestWaitOptionsBackoff(t *testing.T) {
	o, err := waitDefaults(&WaitOptions{Interval: time.Second, BackoffFactor: 2, MaxInterval: 5 * time.Second})
	require.NoError(t, err)
	var got []time.Duration
	for d := o.Interval; len(got) < 5; d = o.next(d) {
		got = append(got, d)
	}
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}, got)

	fixed, err := waitDefaults(nil)
	require.NoError(t, err)
	assert.Equal(t, DefaultJobPollInterval, fixed.Interval)
	assert.Equal(t, DefaultJobMaxPollErrors, fixed.MaxPollErrors)
	assert.Equal(t, 5*time.Second, fixed.next(5*time.Second))

	none, err := waitDefaults(&WaitOptions{MaxPollErrors: -1})
	require.NoError(t, err)
	assert.Zero(t, none.MaxPollErrors)
}

func TestJobFailedErrorText(t *testing.T) {
	e := &JobFailedError{Job: &types.Job{ID: "j9"}, Status: types.JobStatus{Name: enums.JobStatusNameCanceled}}
	assert.Equal(t, "istari: job j9 ended with status Canceled", e.Error())
	e.Status.Message = Ptr("license server down")
	assert.Equal(t, "istari: job j9 ended with status Canceled: license server down", e.Error())
	assert.ErrorIs(t, fmt.Errorf("wrapped: %w", e), ErrJobFailed)
}

func TestWaitForJobToleratesRateLimitedPolls(t *testing.T) {
	c, mt := mockClient(t)
	var calls atomic.Int32
	mt.RegisterResponder("GET", testBase+"/api/v2/jobs/j1", func(r *http.Request) (*http.Response, error) {
		if calls.Add(1) <= 3 { // one whole poll: every transport attempt is rate limited
			return httpmock.NewStringResponse(http.StatusTooManyRequests, `{"detail":"slow down"}`), nil
		}
		return httpmock.NewStringResponse(200, `{"id":"j1","status_history":[{"id":"a","created":"2026-04-01T12:00:00Z","job_id":"j1","name":"Completed"}]}`), nil
	})
	job, err := c.WaitForJob(context.Background(), "j1", &WaitOptions{Interval: time.Millisecond})
	require.NoError(t, err)
	assert.Equal(t, "j1", job.ID)
	assert.Equal(t, int32(4), calls.Load())

	_, err = c.WaitForJob(context.Background(), "", nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "job_id", ve.Field)
}
