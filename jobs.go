package istari

// This file holds the jobs wire operations. The upload composites AddJob and UpdateJob
// build on createModelJob and updateJob; WaitForJob lives in jobs_wait.go.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// createModelJobParams are the query parameters of create_model_job. FunctionName is required.
type createModelJobParams struct {
	FunctionName        string    `query:"function_name" validate:"required"`
	FunctionVersion     *string   `query:"function_version"`
	ToolName            *string   `query:"tool_name"`
	ToolVersion         *string   `query:"tool_version"`
	OperatingSystem     *enums.OS `query:"operating_system"`
	AssignedAgentID     *string   `query:"assigned_agent_id"`
	AssignedAgentPoolID *string   `query:"assigned_agent_pool_id"`
	AgentID             *string   `query:"agent_id"`
}

// createModelJob creates a job on a resource from an already uploaded parameters revision (Python
// Client._create_model_job, operation create_model_job). modelID holds a resource id (model or artifact): a
// file id answers a misleading 403/404. No registered function matching the parameters answers 404 ("no
// function found in registry with name ..."); an agent token answers 403.
func (c *Client) createModelJob(ctx context.Context, modelID string, body *types.NewJob, params *createModelJobParams) (*types.Job, error) {
	if params == nil {
		params = &createModelJobParams{}
	}
	if body == nil {
		return nil, newValidationError("revision", "required", "", "is required")
	}
	return invokeOne[types.Job](ctx, c, request{op: ops.CreateModelJob, path: []string{modelID}, query: params, body: body})
}

// updateJob points a job at a new revision of its parameters file (Python Client._update_job, operation
// update_job). The composite UpdateJob uploads the content first.
func (c *Client) updateJob(ctx context.Context, jobID string, body *types.FileRevision) (*types.Job, error) {
	if body == nil {
		return nil, newValidationError("revision", "required", "", "is required")
	}
	return invokeOne[types.Job](ctx, c, request{op: ops.UpdateJob, path: []string{jobID}, body: body})
}

// GetJob fetches a job (Python Client.get_job, operation get_job). Its current status is the last entry of
// StatusHistory (Job.Status).
func (c *Client) GetJob(ctx context.Context, jobID string) (*types.Job, error) {
	return invokeOne[types.Job](ctx, c, request{op: ops.GetJob, path: []string{jobID}})
}

// ListJobsParams are the filters of ListJobs (Python list_jobs keyword arguments). Nil fields are not sent.
type ListJobsParams struct {
	PageOptions
	// ModelID filters by the resource the job runs on (the registry's deprecated name for a resource id).
	ModelID *string `query:"model_id"`
	// StatusName filters by current status.
	StatusName *enums.JobStatusName `query:"status_name"`
	// AllUsers lists the jobs of every user (administrators).
	AllUsers *bool `query:"all_users"`
	// AssignedAgentPoolID filters by the agent pool the job is routed to.
	AssignedAgentPoolID *string `query:"assigned_agent_pool_id"`
	// Name filters by a substring of the job's name.
	Name          *string              `query:"name"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
	Sort          *string              `query:"sort"`
}

// ListJobs lists jobs page by page (Python Client.list_jobs, operation list_jobs).
func (c *Client) ListJobs(ctx context.Context, params *ListJobsParams) (*Page[types.Job], error) {
	return listPage[types.Job](ctx, c, ops.ListJobs, nil, params)
}

// ListModelJobsParams are the filters of ListModelJobs (Python list_model_jobs keyword arguments). Nil fields are not sent.
type ListModelJobsParams struct {
	PageOptions
	StatusName    *enums.JobStatusName `query:"status_name"`
	Sort          *string              `query:"sort"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
}

// ListModelJobs lists the jobs of one resource (model or artifact) page by page (Python
// Client.list_model_jobs, operation list_model_jobs).
func (c *Client) ListModelJobs(ctx context.Context, modelID string, params *ListModelJobsParams) (*Page[types.Job], error) {
	return listPage[types.Job](ctx, c, ops.ListModelJobs, []string{modelID}, params)
}

// UpdateJobStatusParams are the query parameters of UpdateJobStatus (Python update_job_status's status_name and
// agent_id). StatusName is required.
type UpdateJobStatusParams struct {
	StatusName enums.JobStatusName `query:"status_name" validate:"required"`
	// AgentID is the agent reporting the status (older SDKs: agent_identifier).
	AgentID *string `query:"agent_id"`
}

// UpdateJobStatus appends a status to a job's history (Python Client.update_job_status, operation
// update_job_status). message is the optional JobStatusMessage body (nil = no body); its text ends up in
// JobStatus.Message. The registry rejects impossible transitions (e.g. out of a terminal status) with 400.
func (c *Client) UpdateJobStatus(ctx context.Context, jobID string, message *types.JobStatusMessage, params *UpdateJobStatusParams) (*types.Job, error) {
	if params == nil {
		params = &UpdateJobStatusParams{}
	}
	r := request{op: ops.UpdateJobStatus, path: []string{jobID}, query: params}
	if message != nil {
		r.body = message
	}
	return invokeOne[types.Job](ctx, c, r)
}

// UpdateJobAssignedAgentParams are the query parameters of UpdateJobAssignedAgent (Python
// update_job_assigned_agent's assigned_agent_id). AssignedAgentID is required.
type UpdateJobAssignedAgentParams struct {
	AssignedAgentID string `query:"assigned_agent_id" validate:"required"`
}

// UpdateJobAssignedAgent routes a job to one agent (Python Client.update_job_assigned_agent, operation
// update_job_assigned_agent).
func (c *Client) UpdateJobAssignedAgent(ctx context.Context, jobID string, params *UpdateJobAssignedAgentParams) (*types.Job, error) {
	if params == nil {
		params = &UpdateJobAssignedAgentParams{}
	}
	return invokeOne[types.Job](ctx, c, request{op: ops.UpdateJobAssignedAgent, path: []string{jobID}, query: params})
}

// RemoveJobAssignedAgent clears a job's assigned agent (Python Client.remove_job_assigned_agent, operation
// remove_job_assigned_agent).
func (c *Client) RemoveJobAssignedAgent(ctx context.Context, jobID string) (*types.Job, error) {
	return invokeOne[types.Job](ctx, c, request{op: ops.RemoveJobAssignedAgent, path: []string{jobID}})
}

// UpdateJobAssignedAgentPoolParams are the query parameters of UpdateJobAssignedAgentPool (Python
// update_job_assigned_agent_pool's assigned_agent_pool_id).
// AssignedAgentPoolID is required.
type UpdateJobAssignedAgentPoolParams struct {
	AssignedAgentPoolID string `query:"assigned_agent_pool_id" validate:"required"`
}

// UpdateJobAssignedAgentPool routes a job to an agent pool (Python Client.update_job_assigned_agent_pool,
// operation update_job_assigned_agent_pool). Jobs on an archived pool wait until the pool is restored.
func (c *Client) UpdateJobAssignedAgentPool(ctx context.Context, jobID string, params *UpdateJobAssignedAgentPoolParams) (*types.Job, error) {
	if params == nil {
		params = &UpdateJobAssignedAgentPoolParams{}
	}
	return invokeOne[types.Job](ctx, c, request{op: ops.UpdateJobAssignedAgentPool, path: []string{jobID}, query: params})
}

// RemoveJobAssignedAgentPool clears a job's assigned agent pool (Python Client.remove_job_assigned_agent_pool,
// operation remove_job_assigned_agent_pool).
func (c *Client) RemoveJobAssignedAgentPool(ctx context.Context, jobID string) (*types.Job, error) {
	return invokeOne[types.Job](ctx, c, request{op: ops.RemoveJobAssignedAgentPool, path: []string{jobID}})
}

// ArchiveJob archives a job (Python Client.archive_job, operation archive_job). reason nil sends no body.
func (c *Client) ArchiveJob(ctx context.Context, jobID string, reason *string) (*types.Job, error) {
	return archiveCall[types.Job](ctx, c, ops.ArchiveJob, jobID, reason)
}

// RestoreJob restores an archived job (Python Client.restore_job, operation restore_job). reason nil sends
// no body.
func (c *Client) RestoreJob(ctx context.Context, jobID string, reason *string) (*types.Job, error) {
	return archiveCall[types.Job](ctx, c, ops.RestoreJob, jobID, reason)
}
