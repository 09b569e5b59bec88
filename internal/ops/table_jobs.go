package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	CreateModelJob             ID = "create_model_job"
	UpdateJob                  ID = "update_job"
	GetJob                     ID = "get_job"
	ListJobs                   ID = "list_jobs"
	ListModelJobs              ID = "list_model_jobs"
	UpdateJobStatus            ID = "update_job_status"
	UpdateJobAssignedAgent     ID = "update_job_assigned_agent"
	RemoveJobAssignedAgent     ID = "remove_job_assigned_agent"
	UpdateJobAssignedAgentPool ID = "update_job_assigned_agent_pool"
	RemoveJobAssignedAgentPool ID = "remove_job_assigned_agent_pool"
	ArchiveJob                 ID = "archive_job"
	RestoreJob                 ID = "restore_job"
)

// jobsOps holds the wire operations of section 4, Jobs (4.1 wire operations).
// Verb, path template and confidence are transcribed exactly from the spec table.
var jobsOps = []Operation{
	{ID: string(CreateModelJob), GoName: "createModelJob", Method: "POST", Path: "/api/v2/models/{model_id}/jobs", Confidence: Signature, Section: "4.1"},
	{ID: string(UpdateJob), GoName: "updateJob", Method: "PUT", Path: "/api/v2/jobs/{job_id}", Confidence: Signature, Section: "4.1"},
	{ID: string(GetJob), GoName: "GetJob", Method: "GET", Path: "/api/v2/jobs/{job_id}", Confidence: Signature, Section: "4.1"},
	{ID: string(ListJobs), GoName: "ListJobs", Method: "GET", Path: "/api/v2/jobs", Confidence: Signature, Section: "4.1"},
	{ID: string(ListModelJobs), GoName: "ListModelJobs", Method: "GET", Path: "/api/v2/models/{model_id}/jobs", Confidence: Signature, Section: "4.1"},
	{ID: string(UpdateJobStatus), GoName: "UpdateJobStatus", Method: "PATCH", Path: "/api/v2/jobs/{job_id}/status", Confidence: Signature, Section: "4.1"},
	{ID: string(UpdateJobAssignedAgent), GoName: "UpdateJobAssignedAgent", Method: "PATCH", Path: "/api/v2/jobs/{job_id}/assigned_agent", Confidence: Reconstructed, Section: "4.1"},
	{ID: string(RemoveJobAssignedAgent), GoName: "RemoveJobAssignedAgent", Method: "DELETE", Path: "/api/v2/jobs/{job_id}/assigned_agent", Confidence: Reconstructed, Section: "4.1"},
	{ID: string(UpdateJobAssignedAgentPool), GoName: "UpdateJobAssignedAgentPool", Method: "PATCH", Path: "/api/v2/jobs/{job_id}/assigned_agent_pool", Confidence: Reconstructed, Section: "4.1"},
	{ID: string(RemoveJobAssignedAgentPool), GoName: "RemoveJobAssignedAgentPool", Method: "DELETE", Path: "/api/v2/jobs/{job_id}/assigned_agent_pool", Confidence: Reconstructed, Section: "4.1"},
	{ID: string(ArchiveJob), GoName: "ArchiveJob", Method: "PATCH", Path: "/api/v2/jobs/{job_id}/archive", Confidence: Signature, Section: "4.1"},
	{ID: string(RestoreJob), GoName: "RestoreJob", Method: "PATCH", Path: "/api/v2/jobs/{job_id}/restore", Confidence: Signature, Section: "4.1"},
}
