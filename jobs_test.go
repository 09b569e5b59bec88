package istari

import (
	"context"
	"net/http"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func requireAPIStatus(t *testing.T, err error, status int, detail string) {
	t.Helper()
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode)
	if detail != "" {
		assert.Equal(t, detail, apiErr.Detail)
	}
}

func TestCreateModelJobResolvesFunctions(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract", Version: "1.0.0", ToolName: "cad", ToolVersion: "7",
		OperatingSystems: []string{"Ubuntu 22.04"}, InputExtensions: []string{"step"}})
	newest := srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract", Version: "2.0.0", ToolName: "cad", ToolVersion: "8",
		OperatingSystems: []string{"Windows 11"}, InputExtensions: []string{"step"}})
	model := srv.SeedJobModel("bracket.step", []byte("ISO-10303-21;"))
	rev := srv.SeedJobParameters([]byte(`{}`))
	create := func(p *createModelJobParams) (*types.Job, error) {
		return c.createModelJob(ctx, model, &types.NewJob{Revision: rev}, p)
	}

	job, err := create(&createModelJobParams{FunctionName: "@istari:extract"})
	require.NoError(t, err)
	assert.Equal(t, newest, job.Function.ID, "newest match wins")
	require.NotNil(t, job.ModelID)
	assert.Equal(t, model, *job.ModelID)
	assert.Equal(t, "parameters.json", job.Name())
	st, ok := job.Status()
	require.True(t, ok)
	assert.Equal(t, enums.JobStatusNameCreated, st.Name)

	job, err = create(&createModelJobParams{FunctionName: "@istari:extract", ToolVersion: Ptr("7"), OperatingSystem: Ptr(enums.OSUbuntu2204)})
	require.NoError(t, err)
	assert.JSONEq(t, `"1.0.0"`, string(job.Function.Extra["version"]))

	_, err = create(&createModelJobParams{FunctionName: "@istari:extract", FunctionVersion: Ptr("3.0.0"), ToolName: Ptr("cad"), OperatingSystem: Ptr(enums.OSRHEL8)})
	requireAPIStatus(t, err, http.StatusNotFound, "no function found in registry with name @istari:extract, version: 3.0.0, tool name: cad, "+
		"tool version: any, and operating system: RHEL 8, for model with extension: step")
	require.ErrorIs(t, err, ErrNotFound)

	other := srv.SeedJobModel("notes.txt", []byte("hi"))
	_, err = c.createModelJob(ctx, other, &types.NewJob{Revision: rev}, &createModelJobParams{FunctionName: "@istari:extract"})
	requireAPIStatus(t, err, http.StatusNotFound, "no function found in registry with name @istari:extract, version: any, tool name: any, "+
		"tool version: any, and operating system: any, for model with extension: txt")

	// A file id where a resource id is expected answers a misleading 404, like the registry.
	_, err = c.createModelJob(ctx, job.File.ID, &types.NewJob{Revision: rev}, &createModelJobParams{FunctionName: "@istari:extract"})
	requireAPIStatus(t, err, http.StatusNotFound, "")

	// Another user cannot see the model.
	stranger := srv.AddUser("stranger")
	sc, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(stranger.Token)})
	require.NoError(t, err)
	defer sc.Close()
	_, err = sc.createModelJob(ctx, model, &types.NewJob{Revision: rev}, &createModelJobParams{FunctionName: "@istari:extract"})
	requireAPIStatus(t, err, http.StatusNotFound, "")
	_, err = sc.GetJob(ctx, job.ID)
	requireAPIStatus(t, err, http.StatusNotFound, "")
}

func TestJobStatusTransitions(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	job := startFakeJob(t, srv, c, "@istari:idle", `{}`)
	agent, err := c.RegisterAgent(ctx, &types.NewAgent{AgentVersion: "9", HostOS: "Ubuntu 22.04"})
	require.NoError(t, err)

	set := func(name enums.JobStatusName, msg string) (*types.Job, error) {
		var body *types.JobStatusMessage
		if msg != "" {
			body = &types.JobStatusMessage{Message: msg}
		}
		return c.UpdateJobStatus(ctx, job.ID, body, &UpdateJobStatusParams{StatusName: name, AgentID: Ptr(agent.ID)})
	}
	got, err := set(enums.JobStatusNameClaimed, "")
	require.NoError(t, err)
	st0, _ := got.Status()
	assert.Equal(t, enums.JobStatusNameClaimed, st0.Name)
	got, err = set(enums.JobStatusNameRunning, "step 1 of 2")
	require.NoError(t, err)
	st, _ := got.Status()
	assert.Equal(t, enums.JobStatusNameRunning, st.Name)
	require.NotNil(t, st.Message)
	assert.Equal(t, "step 1 of 2", *st.Message)
	require.NotNil(t, st.AgentID)
	assert.Equal(t, agent.ID, *st.AgentID)
	require.NotNil(t, got.AgentID)
	assert.Equal(t, agent.ID, *got.AgentID)

	_, err = set(enums.JobStatusNameRunning, "step 2 of 2") // progress report: same status again
	require.NoError(t, err)
	_, err = set(enums.JobStatusNamePending, "")
	requireAPIStatus(t, err, http.StatusBadRequest, "invalid job status transition from Running to Pending")
	require.ErrorIs(t, err, ErrBadRequest)
	_, err = set(enums.JobStatusNameCompleted, "")
	require.NoError(t, err)
	_, err = set(enums.JobStatusNameFailed, "too late")
	requireAPIStatus(t, err, http.StatusBadRequest, "invalid job status transition from Completed to Failed")

	final, err := c.GetJob(ctx, job.ID)
	require.NoError(t, err)
	var names []enums.JobStatusName
	for _, s := range final.StatusHistory {
		names = append(names, s.Name)
	}
	assert.Equal(t, []enums.JobStatusName{enums.JobStatusNameCreated, enums.JobStatusNameClaimed, enums.JobStatusNameRunning,
		enums.JobStatusNameRunning, enums.JobStatusNameCompleted}, names)

	_, err = c.UpdateJobStatus(ctx, job.ID, nil, &UpdateJobStatusParams{StatusName: "Exploded"})
	requireAPIStatus(t, err, http.StatusUnprocessableEntity, "")
}

func TestJobAssignmentArchiveAndListFilters(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	a := startFakeJob(t, srv, c, "@istari:idle", `{}`)
	b := startFakeJob(t, srv, c, "@istari:idle", `{}`)
	agent, err := c.RegisterAgent(ctx, &types.NewAgent{AgentVersion: "9", HostOS: "Ubuntu 22.04"})
	require.NoError(t, err)
	pool, err := c.CreateAgentPool(ctx, &types.NewAgentPool{Name: "gpu"})
	require.NoError(t, err)

	got, err := c.UpdateJobAssignedAgent(ctx, a.ID, &UpdateJobAssignedAgentParams{AssignedAgentID: agent.ID})
	require.NoError(t, err)
	require.NotNil(t, got.AssignedAgentID)
	assert.Equal(t, agent.ID, *got.AssignedAgentID)
	got, err = c.RemoveJobAssignedAgent(ctx, a.ID)
	require.NoError(t, err)
	assert.Nil(t, got.AssignedAgentID)
	_, err = c.UpdateJobAssignedAgent(ctx, a.ID, &UpdateJobAssignedAgentParams{AssignedAgentID: "nobody"})
	requireAPIStatus(t, err, http.StatusNotFound, "Agent not found")

	got, err = c.UpdateJobAssignedAgentPool(ctx, a.ID, &UpdateJobAssignedAgentPoolParams{AssignedAgentPoolID: pool.ID})
	require.NoError(t, err)
	require.NotNil(t, got.AssignedAgentPoolID)
	assert.Equal(t, pool.ID, *got.AssignedAgentPoolID)

	_, err = c.UpdateJobStatus(ctx, b.ID, nil, &UpdateJobStatusParams{StatusName: enums.JobStatusNameFailed})
	require.NoError(t, err)

	ids := func(p *Page[types.Job], err error) []string {
		t.Helper()
		require.NoError(t, err)
		var out []string
		for _, j := range p.Items {
			out = append(out, j.ID)
		}
		return out
	}
	assert.Equal(t, []string{a.ID, b.ID}, ids(c.ListJobs(ctx, nil)))
	assert.Equal(t, []string{b.ID, a.ID}, ids(c.ListJobs(ctx, &ListJobsParams{Sort: Ptr("-created")})))
	assert.Equal(t, []string{b.ID}, ids(c.ListJobs(ctx, &ListJobsParams{StatusName: Ptr(enums.JobStatusNameFailed)})))
	assert.Equal(t, []string{a.ID}, ids(c.ListJobs(ctx, &ListJobsParams{AssignedAgentPoolID: Ptr(pool.ID)})))
	assert.Equal(t, []string{a.ID}, ids(c.ListJobs(ctx, &ListJobsParams{ModelID: a.ModelID})))
	assert.Equal(t, []string{a.ID, b.ID}, ids(c.ListJobs(ctx, &ListJobsParams{Name: Ptr("PARAM")})))
	assert.Empty(t, ids(c.ListJobs(ctx, &ListJobsParams{Name: Ptr("nope")})))
	assert.Equal(t, []string{b.ID}, ids(c.ListModelJobs(ctx, *b.ModelID, nil)))

	got, err = c.RemoveJobAssignedAgentPool(ctx, a.ID)
	require.NoError(t, err)
	assert.Nil(t, got.AssignedAgentPoolID)

	archived, err := c.ArchiveJob(ctx, a.ID, Ptr("done with it"))
	require.NoError(t, err)
	require.NotNil(t, archived.ArchiveStatus())
	assert.Equal(t, enums.ArchiveStatusNameArchived, archived.ArchiveStatus().Name)
	_, err = c.ArchiveJob(ctx, a.ID, nil)
	requireAPIStatus(t, err, http.StatusBadRequest, "Job is already archived")
	assert.Equal(t, []string{b.ID}, ids(c.ListJobs(ctx, nil)))
	assert.Equal(t, []string{a.ID}, ids(c.ListJobs(ctx, &ListJobsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})))
	assert.Equal(t, []string{a.ID, b.ID}, ids(c.ListJobs(ctx, &ListJobsParams{ArchiveStatus: Ptr(enums.ArchiveStatusAll)})))
	restored, err := c.RestoreJob(ctx, a.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, enums.ArchiveStatusNameActive, restored.ArchiveStatus().Name)

	// Another user sees none of these jobs; the administrator owner sees a stranger's job only with all_users.
	stranger := srv.AddUser("stranger")
	sc, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(stranger.Token)})
	require.NoError(t, err)
	defer sc.Close()
	assert.Empty(t, ids(sc.ListJobs(ctx, &ListJobsParams{AllUsers: Ptr(true)})))
	_, err = sc.ArchiveJob(ctx, a.ID, nil)
	requireAPIStatus(t, err, http.StatusNotFound, "")
}

func TestUpdateJobAddsARevision(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:idle"})
	job := startFakeJob(t, srv, c, "@istari:idle", `{"a":1}`)
	rev := srv.SeedJobParameters([]byte(`{"a":2}`))
	got, err := c.updateJob(ctx, job.ID, &rev)
	require.NoError(t, err)
	require.Len(t, got.File.Revisions, 2)
	assert.Equal(t, rev.ID, got.Revision().ID)
	assert.Equal(t, rev.ContentTok.SHA, got.Revision().ContentToken().SHA)
}
