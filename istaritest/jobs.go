package istaritest

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// jobsStore holds jobs, agents, pools, modules, functions and tools. All access
// happens with Server.mu held, except wg/ctx which the simulated agents use.
type jobsStore struct {
	jobs     map[string]*jobRec
	jobOrder []string

	agents     map[string]*agentRec
	agentOrder []string
	pools      map[string]*poolRec
	poolOrder  []string

	tools          map[string]*toolRec
	toolOrder      []string
	toolVersions   map[string]*toolVersionRec
	toolVerOrder   []string
	modules        map[string]*moduleRec
	moduleOrder    []string
	moduleVersions map[string]*moduleVersionRec
	modVerOrder    []string
	functions      map[string]*functionRec
	functionOrder  []string
	oses           []types.OperatingSystem

	secrets     map[string]*secretRec
	secretOrder []string

	handlers map[string]FunctionHandler // by function name
	simAgent string                     // id of the simulated agent, created on first use
	wg       sync.WaitGroup
	ctx      context.Context
	cancel   context.CancelFunc
	closed   bool
}

// jobRec is one job; its parameters file lives in the shared file store.
type jobRec struct {
	ID                  string
	Created             time.Time
	OwnerID             string
	TenantID            string
	FileID              string
	ModelID             string
	FunctionID          string
	AssignedAgentID     *string
	AssignedAgentPoolID *string
	AgentID             *string
	Status              []types.JobStatus
	Archive             []types.ArchiveStatusEntry
}

func newJobsStore() *jobsStore {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobsStore{
		jobs: map[string]*jobRec{}, agents: map[string]*agentRec{}, pools: map[string]*poolRec{},
		tools: map[string]*toolRec{}, toolVersions: map[string]*toolVersionRec{}, modules: map[string]*moduleRec{},
		moduleVersions: map[string]*moduleVersionRec{}, functions: map[string]*functionRec{},
		secrets: map[string]*secretRec{}, handlers: map[string]FunctionHandler{}, ctx: ctx, cancel: cancel,
	}
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateModelJob:             createModelJob,
		ops.UpdateJob:                  updateJob,
		ops.GetJob:                     getJob,
		ops.ListJobs:                   listJobs,
		ops.ListModelJobs:              listModelJobs,
		ops.UpdateJobStatus:            updateJobStatus,
		ops.UpdateJobAssignedAgent:     updateJobAssignedAgent,
		ops.RemoveJobAssignedAgent:     removeJobAssignedAgent,
		ops.UpdateJobAssignedAgentPool: updateJobAssignedAgentPool,
		ops.RemoveJobAssignedAgentPool: removeJobAssignedAgentPool,
		ops.ArchiveJob:                 archiveJob,
		ops.RestoreJob:                 restoreJob,
	})
}

// jobLifecycle is the forward order of the non-failure statuses.
var jobLifecycle = []enums.JobStatusName{
	enums.JobStatusNameCreated, enums.JobStatusNamePending, enums.JobStatusNameClaimed, enums.JobStatusNameValidating,
	enums.JobStatusNameRunning, enums.JobStatusNameUploading, enums.JobStatusNameCompleted,
}

// transitionAllowed reports whether a job may go from one status to the next: forward along the lifecycle
// (repeating a status is a progress report), or to Failed/Canceled from any non-terminal status.
func transitionAllowed(from, to enums.JobStatusName) bool {
	if from.IsTerminal() {
		return false
	}
	if to == enums.JobStatusNameFailed || to == enums.JobStatusNameCanceled {
		return true
	}
	i, j := slices.Index(jobLifecycle, from), slices.Index(jobLifecycle, to)
	return i >= 0 && j >= 0 && j >= i
}

func (j *jobRec) current() enums.JobStatusName {
	if len(j.Status) == 0 {
		return enums.JobStatusNameCreated
	}
	return j.Status[len(j.Status)-1].Name
}

// appendStatusLocked records a status change after checking the transition. It returns the 400 message
// when the transition is impossible.
func (s *Server) appendStatusLocked(j *jobRec, by string, name enums.JobStatusName, message, agentID *string) string {
	from := j.current()
	if len(j.Status) > 0 && !transitionAllowed(from, name) {
		return "invalid job status transition from " + string(from) + " to " + string(name)
	}
	st := types.JobStatus{ID: newID(), Created: types.Timestamp{Time: now()}, JobID: j.ID, Name: name, CreatedByID: ptr(by), Message: message, AgentID: agentID}
	j.Status = append(j.Status, st)
	if agentID != nil {
		j.AgentID = ptr(*agentID)
	}
	return ""
}

// renderJobLocked is the wire form of j.
func (s *Server) renderJobLocked(j *jobRec) types.Job {
	out := types.Job{
		ID:                   j.ID,
		Created:              types.Timestamp{Time: j.Created},
		Comments:             []types.Comment{},
		ArchiveStatusHistory: slices.Clone(j.Archive),
		CreatedByID:          j.OwnerID,
		AssignedAgentID:      j.AssignedAgentID,
		AssignedAgentPoolID:  j.AssignedAgentPoolID,
		AgentID:              j.AgentID,
		TenantID:             ptr(j.TenantID),
		ModelID:              ptr(j.ModelID),
		ResourceID:           ptr(j.ModelID),
		StatusHistory:        slices.Clone(j.Status),
	}
	if f := s.fileLocked(j.FileID); f != nil {
		out.File = s.renderFileLocked(f)
	}
	if fn := s.jobs.functions[j.FunctionID]; fn != nil {
		out.Function = s.renderFunctionLocked(fn)
	}
	return out
}

// jobFor looks a job up and checks the caller's relation; it writes the answer and returns nil on failure.
func (s *Server) jobFor(w http.ResponseWriter, c *call, need string) *jobRec {
	return lookupAllowed(s, w, s.jobs.jobs[c.param("job_id")], "Job not found", func(j *jobRec) string { return j.ID }, c.user, need)
}

func createModelJob(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	name := q.Get("function_name")
	if name == "" {
		writeValidation(w, []string{"query", "function_name"}, "Field required", "missing")
		return
	}
	var body types.NewJob
	if !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	modelID := c.param("model_id")
	res := s.resourceLocked(modelID)
	if res == nil || (res.Type != "model" && res.Type != "artifact") {
		writeDetail(w, http.StatusNotFound, "Not Found") // a file id or unknown id, as the registry answers
		return
	}
	if denyStatus(w, s.allowLocked(res.ID, c.user, "editor")) {
		return
	}
	ext := ""
	if f := s.fileLocked(res.FileID); f != nil && f.currentRevision() != nil && f.currentRevision().Extension != nil {
		ext = *f.currentRevision().Extension
	}
	sel := functionSelector{name: name, version: q.Get("function_version"), tool: q.Get("tool_name"), toolVersion: q.Get("tool_version"), os: q.Get("operating_system"), ext: ext}
	fn := s.matchFunctionLocked(sel)
	if fn == nil {
		writeDetail(w, http.StatusNotFound, sel.notFound())
		return
	}
	for _, key := range []string{"assigned_agent_id", "agent_id"} {
		if id := q.Get(key); id != "" && s.jobs.agents[id] == nil {
			writeDetail(w, http.StatusNotFound, "Agent not found")
			return
		}
	}
	if id := q.Get("assigned_agent_pool_id"); id != "" && s.jobs.pools[id] == nil {
		writeDetail(w, http.StatusNotFound, "Agent pool not found")
		return
	}
	j := &jobRec{ID: newID(), Created: now(), OwnerID: c.user.ID, TenantID: c.user.TenantID, ModelID: res.ID, FunctionID: fn.ID,
		AssignedAgentID: optParam(q.Get("assigned_agent_id")), AssignedAgentPoolID: optParam(q.Get("assigned_agent_pool_id"))}
	j.Archive = []types.ArchiveStatusEntry{activeEntry(c.user.ID, "resource", j.ID)}
	rev := body.Revision
	if rev.ID == "" {
		rev.ID = newID()
	}
	j.FileID = s.createFileLocked(c.user, "job", j.ID, rev).ID
	s.appendStatusLocked(j, c.user.ID, enums.JobStatusNameCreated, nil, optParam(q.Get("agent_id")))
	s.jobs.jobs[j.ID] = j
	s.jobs.jobOrder = append(s.jobs.jobOrder, j.ID)
	s.grantLocked(j.ID, c.user.ID, "owner")
	s.startAgentLocked(j, fn, c.user)
	writeJSON(w, http.StatusOK, s.renderJobLocked(j))
}

func optParam(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

func updateJob(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var rev types.FileRevision
	if !c.decode(w, &rev) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobFor(w, c, "editor")
	if j == nil {
		return
	}
	if rev.ID == "" {
		rev.ID = newID()
	}
	s.appendRevisionLocked(c.user, s.fileLocked(j.FileID), rev)
	writeJSON(w, http.StatusOK, s.renderJobLocked(j))
}

func getJob(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j := s.jobFor(w, c, "viewer"); j != nil {
		writeJSON(w, http.StatusOK, s.renderJobLocked(j))
	}
}

// jobFilter holds the list filters shared by list_jobs and list_model_jobs.
type jobFilter struct {
	status, modelID, poolID, name string
	allUsers                      bool
	archive                       string
}

func listJobs(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	f := jobFilter{status: q.Get("status_name"), modelID: q.Get("model_id"), poolID: q.Get("assigned_agent_pool_id"),
		name: q.Get("name"), allUsers: q.Get("all_users") == "true", archive: q.Get("archive_status")}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writeJobsLocked(w, r, c, f)
}

func listModelJobs(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	id := c.param("model_id")
	if s.resourceLocked(id) == nil {
		writeDetail(w, http.StatusNotFound, "Not Found")
		return
	}
	if denyStatus(w, s.allowLocked(id, c.user, "viewer")) {
		return
	}
	s.writeJobsLocked(w, r, c, jobFilter{status: q.Get("status_name"), modelID: id, archive: q.Get("archive_status")})
}

func (s *Server) writeJobsLocked(w http.ResponseWriter, r *http.Request, c *call, f jobFilter) {
	if f.status != "" && !enums.JobStatusName(f.status).Valid() {
		writeValidation(w, []string{"query", "status_name"}, "Input should be a valid JobStatusName", "enum")
		return
	}
	if !jobsArchiveFilterOK(w, f.archive) {
		return
	}
	var out []types.Job
	for _, id := range s.jobs.jobOrder {
		j := s.jobs.jobs[id]
		visible := s.acl[id][c.user.ID] != "" || (f.allUsers && c.user.Admin)
		if !visible || !jobsArchiveMatches(j.Archive, f.archive) ||
			(f.status != "" && string(j.current()) != f.status) ||
			(f.modelID != "" && j.ModelID != f.modelID) ||
			(f.poolID != "" && (j.AssignedAgentPoolID == nil || *j.AssignedAgentPoolID != f.poolID)) {
			continue
		}
		job := s.renderJobLocked(j)
		if f.name != "" && !strings.Contains(strings.ToLower(job.Name()), strings.ToLower(f.name)) {
			continue
		}
		out = append(out, job)
	}
	if strings.HasPrefix(r.URL.Query().Get("sort"), "-") {
		slices.Reverse(out)
	}
	writePage(w, r, out)
}

// jobsArchiveFilterOK answers 422 for an archive_status value other than active, archived or all.
func jobsArchiveFilterOK(w http.ResponseWriter, v string) bool {
	if v == "" || enums.ArchiveStatus(v).Valid() {
		return true
	}
	writeValidation(w, []string{"query", "archive_status"}, "Input should be 'active', 'archived' or 'all'", "enum")
	return false
}

// jobsArchiveMatches applies an archive_status filter ("" = active, the registry default).
func jobsArchiveMatches(history []types.ArchiveStatusEntry, filter string) bool {
	switch filter {
	case "all":
		return true
	case "archived":
		return isArchived(history)
	default:
		return !isArchived(history)
	}
}

func updateJobStatus(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	name := enums.JobStatusName(q.Get("status_name"))
	if name == "" {
		writeValidation(w, []string{"query", "status_name"}, "Field required", "missing")
		return
	}
	if !name.Valid() || name == enums.JobStatusNameUnknown {
		writeValidation(w, []string{"query", "status_name"}, "Input should be a valid JobStatusName", "enum")
		return
	}
	var msg types.JobStatusMessage
	if len(strings.TrimSpace(string(c.body))) > 0 && !c.decode(w, &msg) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobFor(w, c, "editor")
	if j == nil {
		return
	}
	agentID := optParam(q.Get("agent_id"))
	if agentID != nil && s.jobs.agents[*agentID] == nil {
		writeDetail(w, http.StatusNotFound, "Agent not found")
		return
	}
	if bad := s.appendStatusLocked(j, c.user.ID, name, optParam(msg.Message), agentID); bad != "" {
		writeDetail(w, http.StatusBadRequest, bad)
		return
	}
	writeJSON(w, http.StatusOK, s.renderJobLocked(j))
}

func updateJobAssignedAgent(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	setJobAssignment(s, w, r, c, "agent_id", "Agent not found",
		func(id string) bool { return s.jobs.agents[id] != nil }, func(j *jobRec) **string { return &j.AssignedAgentID })
}

func removeJobAssignedAgent(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	clearJobAssignment(s, w, c, func(j *jobRec) **string { return &j.AssignedAgentID })
}

func updateJobAssignedAgentPool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	setJobAssignment(s, w, r, c, "agent_pool_id", "Agent pool not found",
		func(id string) bool { return s.jobs.pools[id] != nil }, func(j *jobRec) **string { return &j.AssignedAgentPoolID })
}

func removeJobAssignedAgentPool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	clearJobAssignment(s, w, c, func(j *jobRec) **string { return &j.AssignedAgentPoolID })
}

// setJobAssignment points one of a job's assignment fields (field) at the record the required body field
// key names (NewJobAssignedAgent's agent_id, NewJobAssignedAgentPool's agent_pool_id); exists checks that
// record under s.mu (404 notFound when it does not).
func setJobAssignment(s *Server, w http.ResponseWriter, _ *http.Request, c *call, key, notFound string,
	exists func(id string) bool, field func(*jobRec) **string) {
	var body map[string]string
	if !c.decode(w, &body) {
		return
	}
	id := body[key]
	if id == "" {
		writeValidation(w, []string{"body", key}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobFor(w, c, "editor")
	if j == nil {
		return
	}
	if !exists(id) {
		writeDetail(w, http.StatusNotFound, notFound)
		return
	}
	*field(j) = &id
	writeJSON(w, http.StatusOK, s.renderJobLocked(j))
}

// clearJobAssignment empties one of a job's assignment fields.
func clearJobAssignment(s *Server, w http.ResponseWriter, c *call, field func(*jobRec) **string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j := s.jobFor(w, c, "editor"); j != nil {
		*field(j) = nil
		writeJSON(w, http.StatusOK, s.renderJobLocked(j))
	}
}

func archiveJob(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	setJobArchive(s, w, c, enums.ArchiveStatusNameArchived)
}

func restoreJob(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	setJobArchive(s, w, c, enums.ArchiveStatusNameActive)
}

func setJobArchive(s *Server, w http.ResponseWriter, c *call, to enums.ArchiveStatusName) {
	archiveFlip(s, w, c, to, "Job", func() *jobRec { return s.jobFor(w, c, "owner") },
		func(j *jobRec) (*[]types.ArchiveStatusEntry, string) { return &j.Archive, j.ID }, s.renderJobLocked)
}
