package istari

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

const wireJob = `{"id":"job-1","created":"2026-04-01T12:00:00Z","file":{"id":"f1","created":"2026-04-01T12:00:00Z","revisions":[],"archive_status_history":[]},
"comments":[],"archive_status_history":[],"created_by_id":"u1","function":{"id":"fn-1","name":"@istari:extract","version":"1.2.0"},
"assigned_agent_pool_id":"pool-9","status_history":[{"id":"s1","created":"2026-04-01T12:00:00Z","job_id":"job-1","name":"Created"},
{"id":"s2","created":"2026-04-01T12:00:01Z","job_id":"job-1","name":"Running","message":"half way","agent_id":"ag-1"}]}`

func checkJob(t *testing.T, got any) {
	t.Helper()
	j, ok := got.(*types.Job)
	require.True(t, ok, "got %T", got)
	assert.Equal(t, "job-1", j.ID)
	assert.Equal(t, "@istari:extract", j.Function.Name)
	assert.JSONEq(t, `"1.2.0"`, string(j.Function.Extra["version"]))
	require.NotNil(t, j.AssignedAgentPoolID)
	assert.Equal(t, "pool-9", *j.AssignedAgentPoolID)
	st, ok := j.Status()
	require.True(t, ok)
	assert.Equal(t, enums.JobStatusNameRunning, st.Name)
	require.NotNil(t, st.Message)
	assert.Equal(t, "half way", *st.Message)
}

func checkJobPage(t *testing.T, got any) {
	t.Helper()
	p, ok := got.(*Page[types.Job])
	require.True(t, ok, "got %T", got)
	require.Len(t, p.Items, 1)
	checkJob(t, &p.Items[0])
	require.NotNil(t, p.Total)
	assert.Equal(t, 11, *p.Total)
	assert.True(t, p.HasNext())
}

func TestJobsWire(t *testing.T) {
	page := `{"items":[` + wireJob + `],"total":11,"page":1,"size":10,"pages":2}`
	rev := types.FileRevision{ID: "rev-1", ContentTok: types.Token{ID: "t1", SHA: "abc", Salt: "s"}, Name: Ptr("parameters"), Extension: Ptr("json")}
	revJSON, err := json.Marshal(rev)
	require.NoError(t, err)
	runWireCases(t, []wireCase{
		{
			name: "createModelJob", method: "POST", path: "/api/v2/models/m%2F1/jobs",
			query: "agent_id=ag-0&assigned_agent_id=ag-1&assigned_agent_pool_id=pool-9&function_name=%40istari%3Aextract&function_version=1.2.0&operating_system=Ubuntu+22.04&tool_name=cad&tool_version=7",
			body:  `{"revision":` + string(revJSON) + `}`, status: 201, resp: wireJob,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.createModelJob(ctx, "m/1", &types.NewJob{Revision: rev}, &createModelJobParams{
					FunctionName: "@istari:extract", FunctionVersion: Ptr("1.2.0"), ToolName: Ptr("cad"), ToolVersion: Ptr("7"),
					OperatingSystem: Ptr(enums.OSUbuntu2204), AssignedAgentID: Ptr("ag-1"), AssignedAgentPoolID: Ptr("pool-9"), AgentID: Ptr("ag-0"),
				})
			},
			check: checkJob,
		},
		{
			name: "updateJob", method: "PUT", path: "/api/v2/jobs/job-1", body: string(revJSON), resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.updateJob(ctx, "job-1", &rev) },
			check: checkJob,
		},
		{
			name: "GetJob", method: "GET", path: "/api/v2/jobs/job%2F1", resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetJob(ctx, "job/1") },
			check: checkJob,
		},
		{
			name: "ListJobs", method: "GET", path: "/api/v2/jobs",
			query: "all_users=true&archive_status=all&assigned_agent_pool_id=pool-9&model_id=m1&name=param&page=1&size=10&sort=-created&status_name=Running",
			resp:  page,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListJobs(ctx, &ListJobsParams{PageOptions: PageOptions{Page: 1, Size: 10}, ModelID: Ptr("m1"),
					StatusName: Ptr(enums.JobStatusNameRunning), AllUsers: Ptr(true), AssignedAgentPoolID: Ptr("pool-9"), Name: Ptr("param"),
					ArchiveStatus: Ptr(enums.ArchiveStatusAll), Sort: Ptr("-created")})
			},
			check: checkJobPage,
		},
		{
			name: "ListJobs no filters", method: "GET", path: "/api/v2/jobs", resp: page,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListJobs(ctx, nil) },
			check: checkJobPage,
		},
		{
			name: "ListModelJobs", method: "GET", path: "/api/v2/models/m1/jobs",
			query: "archive_status=archived&size=5&sort=created&status_name=Failed", resp: page,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListModelJobs(ctx, "m1", &ListModelJobsParams{PageOptions: PageOptions{Size: 5}, StatusName: Ptr(enums.JobStatusNameFailed),
					Sort: Ptr("created"), ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})
			},
			check: checkJobPage,
		},
		{
			name: "UpdateJobStatus with message", method: "PUT", path: "/api/v2/jobs/job-1/status",
			query: "agent_id=ag-1&status_name=Running", body: `{"message":"half way"}`, resp: wireJob,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateJobStatus(ctx, "job-1", &types.JobStatusMessage{Message: "half way"},
					&UpdateJobStatusParams{StatusName: enums.JobStatusNameRunning, AgentID: Ptr("ag-1")})
			},
			check: checkJob,
		},
		{
			name: "UpdateJobStatus without message", method: "PUT", path: "/api/v2/jobs/job-1/status",
			query: "status_name=Canceled", resp: wireJob,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateJobStatus(ctx, "job-1", nil, &UpdateJobStatusParams{StatusName: enums.JobStatusNameCanceled})
			},
			check: checkJob,
		},
		{
			name: "UpdateJobAssignedAgent", method: "PUT", path: "/api/v2/jobs/job-1/assigned_agent",
			body: `{"agent_id":"ag-1"}`, resp: wireJob,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateJobAssignedAgent(ctx, "job-1", &UpdateJobAssignedAgentParams{AssignedAgentID: "ag-1"})
			},
			check: checkJob,
		},
		{
			name: "RemoveJobAssignedAgent", method: "DELETE", path: "/api/v2/jobs/job-1/assigned_agent", resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RemoveJobAssignedAgent(ctx, "job-1") },
			check: checkJob,
		},
		{
			name: "UpdateJobAssignedAgentPool", method: "PUT", path: "/api/v2/jobs/job-1/assigned_agent_pool",
			body: `{"agent_pool_id":"pool-9"}`, resp: wireJob,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateJobAssignedAgentPool(ctx, "job-1", &UpdateJobAssignedAgentPoolParams{AssignedAgentPoolID: "pool-9"})
			},
			check: checkJob,
		},
		{
			name: "RemoveJobAssignedAgentPool", method: "DELETE", path: "/api/v2/jobs/job-1/assigned_agent_pool", resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RemoveJobAssignedAgentPool(ctx, "job-1") },
			check: checkJob,
		},
		{
			name: "ArchiveJob with reason", method: "DELETE", path: "/api/v2/jobs/job-1", body: `{"reason":"old"}`, resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveJob(ctx, "job-1", Ptr("old")) },
			check: checkJob,
		},
		{
			name: "ArchiveJob without reason", method: "DELETE", path: "/api/v2/jobs/job-1", resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveJob(ctx, "job-1", nil) },
			check: checkJob,
		},
		{
			name: "RestoreJob", method: "POST", path: "/api/v2/jobs/job-1:restore", body: `{"reason":"needed"}`, resp: wireJob,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreJob(ctx, "job-1", Ptr("needed")) },
			check: checkJob,
		},
	})
}

// TestJobsRequiredParametersFailLocally checks that missing required parameters send no request.
func TestJobsRequiredParametersFailLocally(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		field string
		call  func(c *Client) error
	}{
		{"function_name", "function_name", func(c *Client) error {
			_, err := c.createModelJob(ctx, "m1", &types.NewJob{}, &createModelJobParams{})
			return err
		}},
		{"function_name nil params", "function_name", func(c *Client) error {
			_, err := c.createModelJob(ctx, "m1", &types.NewJob{}, nil)
			return err
		}},
		{"model_id", "model_id", func(c *Client) error {
			_, err := c.createModelJob(ctx, "", &types.NewJob{}, &createModelJobParams{FunctionName: "f"})
			return err
		}},
		{"status_name", "status_name", func(c *Client) error {
			_, err := c.UpdateJobStatus(ctx, "j1", nil, nil)
			return err
		}},
		{"agent_id", "agent_id", func(c *Client) error {
			_, err := c.UpdateJobAssignedAgent(ctx, "j1", &UpdateJobAssignedAgentParams{})
			return err
		}},
		{"agent_pool_id", "agent_pool_id", func(c *Client) error {
			_, err := c.UpdateJobAssignedAgentPool(ctx, "j1", nil)
			return err
		}},
		{"job_id", "job_id", func(c *Client) error {
			_, err := c.GetJob(ctx, "")
			return err
		}},
		{"size", "size", func(c *Client) error {
			_, err := c.ListJobs(ctx, &ListJobsParams{PageOptions: PageOptions{Size: 101}})
			return err
		}},
		{"agent status name", "name", func(c *Client) error {
			_, err := c.UpdateAgentStatus(ctx, "a1", &types.NewAgentStatus{})
			return err
		}},
		{"pool name", "name", func(c *Client) error {
			_, err := c.CreateAgentPool(ctx, &types.NewAgentPool{})
			return err
		}},
		{"tool name", "name", func(c *Client) error {
			_, err := c.CreateTool(ctx, &types.NewTool{})
			return err
		}},
		{"tool_version", "tool_version", func(c *Client) error {
			_, err := c.CreateToolVersions(ctx, "t1", &types.NewToolVersion{})
			return err
		}},
		{"secret sha", "sha", func(c *Client) error {
			_, err := c.createFunctionAuthSecret(ctx, &types.NewFunctionAuthSecret{FunctionAuthType: enums.FunctionAuthTypeBasic, Salt: "s"})
			return err
		}},
		{"wait interval", "interval", func(c *Client) error {
			_, err := c.WaitForJob(ctx, "j1", &WaitOptions{Interval: -time.Second})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			err := tc.call(c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
			assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent")
		})
	}
}
