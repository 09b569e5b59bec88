package ops

// jobsOps holds the wire operations of operations.md §4 Jobs (4.1 wire operations).
// Verb, path template and confidence are transcribed exactly from the spec table.
var jobsOps = []Operation{
	{ID: "create_model_job", GoName: "createModelJob", Method: "POST", Path: "/api/v2/models/{model_id}/jobs", Confidence: Published, Section: "4.1"},
	{ID: "update_job", GoName: "updateJob", Method: "PUT", Path: "/api/v2/jobs/{job_id}", Confidence: Published, Section: "4.1"},
	{ID: "get_job", GoName: "GetJob", Method: "GET", Path: "/api/v2/jobs/{job_id}", Confidence: Published, Section: "4.1"},
	{ID: "list_jobs", GoName: "ListJobs", Method: "GET", Path: "/api/v2/jobs", Confidence: Published, Section: "4.1"},
	{ID: "list_model_jobs", GoName: "ListModelJobs", Method: "GET", Path: "/api/v2/models/{model_id}/jobs", Confidence: Published, Section: "4.1"},
	{ID: "update_job_status", GoName: "UpdateJobStatus", Method: "PUT", Path: "/api/v2/jobs/{job_id}/status", Confidence: Published, Section: "4.1"},
	{ID: "update_job_assigned_agent", GoName: "UpdateJobAssignedAgent", Method: "PUT", Path: "/api/v2/jobs/{job_id}/assigned_agent", Confidence: Published, Section: "4.1"},
	{ID: "remove_job_assigned_agent", GoName: "RemoveJobAssignedAgent", Method: "DELETE", Path: "/api/v2/jobs/{job_id}/assigned_agent", Confidence: Published, Section: "4.1"},
	{ID: "update_job_assigned_agent_pool", GoName: "UpdateJobAssignedAgentPool", Method: "PUT", Path: "/api/v2/jobs/{job_id}/assigned_agent_pool", Confidence: Published, Section: "4.1"},
	{ID: "remove_job_assigned_agent_pool", GoName: "RemoveJobAssignedAgentPool", Method: "DELETE", Path: "/api/v2/jobs/{job_id}/assigned_agent_pool", Confidence: Published, Section: "4.1"},
	{ID: "archive_job", GoName: "ArchiveJob", Method: "DELETE", Path: "/api/v2/jobs/{job_id}", Confidence: Published, Section: "4.1"},
	{ID: "restore_job", GoName: "RestoreJob", Method: "POST", Path: "/api/v2/jobs/{job_id}:restore", Confidence: Published, Section: "4.1"},
}
