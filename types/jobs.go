package types

// This file holds the jobs types.

import (
	"encoding/json"

	"github.com/istari-sdk/istari-go/enums"
)

// Job is Python's istari_digital_client Job model: one run of a function on a resource. Its File is the uploaded
// parameters JSON (file-backed properties: j.File.DisplayName() etc.). Status() is the last status-history entry.
type Job struct {
	ID                   string               `json:"id"`
	Created              Timestamp            `json:"created"`
	File                 File                 `json:"file"`
	Comments             []Comment            `json:"comments"`
	ArchiveStatusHistory []ArchiveStatusEntry `json:"archive_status_history"`
	CreatedByID          string               `json:"created_by_id"`
	Function             FunctionVersion      `json:"function"`
	AssignedAgentID      *string              `json:"assigned_agent_id,omitempty"`
	AssignedAgentPoolID  *string              `json:"assigned_agent_pool_id,omitempty"`
	AgentID              *string              `json:"agent_id,omitempty"` // the agent that executes or executed the job
	TenantID             *string              `json:"tenant_id,omitempty"`
	ModelID              *string              `json:"model_id,omitempty"` // deprecated name; holds a resource id
	StatusHistory        []JobStatus          `json:"status_history,omitzero"`
	ResourceID           *string              `json:"resource_id,omitempty"` // newer servers (unconfirmed)
}

// Status returns the current status (the last element of StatusHistory). ok is false when the history is empty
// (Python raises "Status history is empty").
func (j *Job) Status() (status JobStatus, ok bool) {
	if j == nil || len(j.StatusHistory) == 0 {
		return JobStatus{}, false
	}
	return j.StatusHistory[len(j.StatusHistory)-1], true
}

// BackingFile implements FileBacked: the parameters file.
func (j *Job) BackingFile() *File {
	if j == nil {
		return nil
	}
	return &j.File
}

// Revision returns the latest revision of the job's parameters file, or nil.
func (j *Job) Revision() *FileRevision { return j.BackingFile().Revision() }

// Name returns the job's parameters file name (see FileRevision.FullName).
func (j *Job) Name() string { return j.BackingFile().Name() }

// ArchiveStatus returns the current archive status (the last history entry), or nil.
func (j *Job) ArchiveStatus() *ArchiveStatusEntry {
	if j == nil {
		return nil
	}
	return lastArchiveStatus(j.ArchiveStatusHistory)
}

// AccessResource implements Shareable: ("job", id).
func (j *Job) AccessResource() (enums.AccessResourceType, string) {
	return enums.AccessResourceTypeJob, j.ID
}

// ArchiveKind implements Archivable: "job".
func (j *Job) ArchiveKind() string { return "job" }

// GetID implements Archivable.
func (j *Job) GetID() string { return j.ID }

// JobStatus is Python's istari_digital_client JobStatus model: one entry of a job's status history.
type JobStatus struct {
	ID          string              `json:"id"`
	Created     Timestamp           `json:"created"`
	JobID       string              `json:"job_id"`
	Name        enums.JobStatusName `json:"name"`
	CreatedByID *string             `json:"created_by_id,omitempty"`
	Message     *string             `json:"message,omitempty"`
	AgentID     *string             `json:"agent_id,omitempty"`
}

// JobStatusMessage is Python's istari_digital_client JobStatusMessage model: the optional job_status_message of
// update_job_status. Its shape is unconfirmed: a wrapper carrying the text (which ends up in JobStatus.message)
// is assumed; any other key can be sent through Extra.
type JobStatusMessage struct {
	Message string `json:"message,omitempty"`

	// Extra holds JSON keys this struct does not map; they are decoded and encoded too.
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *JobStatusMessage) UnmarshalJSON(data []byte) error {
	type plain JobStatusMessage
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m JobStatusMessage) MarshalJSON() ([]byte, error) {
	type plain JobStatusMessage
	return encodeWithExtra(plain(m), m.Extra)
}

// NewJob is Python's istari_digital_client NewJob model: the body of create_model_job. Revision is the
// uploaded parameters file; the function, tool, OS and agent selection travel as separate query parameters.
type NewJob struct {
	Revision FileRevision `json:"revision"`
}
