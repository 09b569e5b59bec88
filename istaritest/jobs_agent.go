package istaritest

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"path"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// FunctionHandler is a simulated agent's implementation of a function. It runs in its own goroutine while the
// job is Running; returning an error fails the job with the error text as the status message. ctx ends when
// the server closes: a handler must return then, or Close waits for it.
type FunctionHandler func(ctx context.Context, job JobContext) error

// JobContext is what a FunctionHandler gets: the job, the resource it runs on and its parameters.
type JobContext struct {
	JobID      string
	ModelID    string // the model or artifact (resource) id the job runs on
	Function   string // the function name, e.g. "@istari:extract"
	Parameters []byte // the content of the job's parameters file (nil when the fake does not hold it)

	s     *Server
	owner *User
}

// AddArtifact stores content and attaches it as a new artifact of the job's model, owned by the job's owner,
// as an agent uploading a job result does. For a job that runs on an artifact, the new artifact belongs to
// that artifact's model. name is the file name with its extension ("out.json").
func (j JobContext) AddArtifact(name string, content []byte) error {
	if j.s == nil {
		return fmt.Errorf("istaritest: JobContext not from a running job")
	}
	if name == "" {
		return fmt.Errorf("istaritest: artifact name is required")
	}
	rev := j.s.jobsStoreContent(name, content)
	j.s.mu.Lock()
	defer j.s.mu.Unlock()
	res := j.s.resourceLocked(j.ModelID)
	if res == nil {
		return fmt.Errorf("istaritest: resource %s not found", j.ModelID)
	}
	parent := res.ID
	if res.Type == "artifact" && res.ParentID != "" {
		parent = res.ParentID // a job on an artifact adds its results to the artifact's model
	}
	j.s.createResourceLocked(j.owner, "artifact", parent, rev)
	return nil
}

// ModelContent returns the current content of the model or artifact the job runs on, read from the fake's
// object store, as an agent downloading its input does.
func (j JobContext) ModelContent() ([]byte, error) {
	if j.s == nil {
		return nil, fmt.Errorf("istaritest: JobContext not from a running job")
	}
	j.s.mu.Lock()
	var tok types.Token
	res := j.s.resourceLocked(j.ModelID)
	if res != nil {
		if f := j.s.fileLocked(res.FileID); f != nil && f.currentRevision() != nil {
			tok = f.currentRevision().ContentTok
		}
	}
	j.s.mu.Unlock()
	if tok.SHA == "" {
		return nil, fmt.Errorf("istaritest: resource %s has no content", j.ModelID)
	}
	b, ok := j.s.store.object(tok.SHA, tok.Salt)
	if !ok {
		return nil, fmt.Errorf("istaritest: content of resource %s not in the object store", j.ModelID)
	}
	return b, nil
}

// jobsStoreContent puts content into the object store under a fresh token and returns a revision describing it
// (not yet attached to a file). name "report.json" gives name "report", extension "json".
func (s *Server) jobsStoreContent(name string, content []byte) types.FileRevision {
	salt := randomHex(16)
	sha, _, _ := types.ComputeSHA(bytes.NewReader(content), salt)
	s.store.putObject(sha, salt, content)
	ext := strings.TrimPrefix(path.Ext(name), ".")
	base := strings.TrimSuffix(name, path.Ext(name))
	mt := mime.TypeByExtension(path.Ext(name))
	if mt == "" {
		mt = "application/octet-stream"
	}
	size := int64(len(content))
	ts := types.Timestamp{Time: now()}
	rev := types.FileRevision{
		ID:         newID(),
		Created:    ts,
		ContentTok: types.Token{ID: newID(), Created: ts, SHA: sha, Salt: salt},
		Name:       ptr(base),
		Size:       &size,
		MIME:       ptr(mt),
	}
	if ext != "" {
		rev.Extension = ptr(strings.ToLower(ext))
	}
	return rev
}

// jobParameters reads a job's parameters content from the object store. It is the only place the jobs domain
// reads stored objects.
func (s *Server) jobParameters(tok types.Token) []byte {
	b, _ := s.store.object(tok.SHA, tok.Salt)
	return b
}

// HandleFunction installs a simulated agent for the function name: every job created afterwards for a function
// of that name is claimed and run by h in the background, moving Pending → Claimed → Validating → Running →
// Uploading → Completed (or Failed with h's error text). Without a handler jobs stay Created until someone
// calls update_job_status. A function of that name that is not registered yet is registered with the
// defaults of RegisterFunction (version 1.0.0, any OS and input), so AddJob finds it; call RegisterFunction
// first to give it a tool, OS or input extensions.
func (s *Server) HandleFunction(name string, h FunctionHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	known := false
	for _, fn := range s.jobs.functions {
		if fn.Name == name {
			known = true
			break
		}
	}
	if !known {
		s.registerFunctionLocked(FunctionSpec{Name: name}, "istaritest")
	}
	s.jobs.handlers[name] = h
}

// startAgentLocked runs the simulated agent of fn's handler for j, if there is one. s.mu must be held.
func (s *Server) startAgentLocked(j *jobRec, fn *functionRec, owner *User) {
	h := s.jobs.handlers[fn.Name]
	if h == nil || s.jobs.closed {
		return
	}
	agentID := s.simulatedAgentLocked()
	jc := JobContext{JobID: j.ID, ModelID: j.ModelID, Function: fn.Name, s: s, owner: owner}
	var tok types.Token
	if f := s.fileLocked(j.FileID); f != nil && f.currentRevision() != nil {
		tok = f.currentRevision().ContentTok
	}
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		jc.Parameters = s.jobParameters(tok)
		s.runAgent(s.jobs.ctx, h, jc, agentID)
	}()
}

// runAgent drives one job through its lifecycle.
func (s *Server) runAgent(ctx context.Context, h FunctionHandler, jc JobContext, agentID string) {
	for _, st := range []enums.JobStatusName{enums.JobStatusNamePending, enums.JobStatusNameClaimed, enums.JobStatusNameValidating, enums.JobStatusNameRunning} {
		if !s.agentStep(ctx, jc.JobID, agentID, st, nil) {
			return
		}
	}
	if err := runHandler(ctx, h, jc); err != nil {
		s.agentStep(ctx, jc.JobID, agentID, enums.JobStatusNameFailed, ptr(err.Error()))
		return
	}
	if s.agentStep(ctx, jc.JobID, agentID, enums.JobStatusNameUploading, nil) {
		s.agentStep(ctx, jc.JobID, agentID, enums.JobStatusNameCompleted, nil)
	}
}

func runHandler(ctx context.Context, h FunctionHandler, jc JobContext) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("handler panicked: %v", p)
		}
	}()
	return h(ctx, jc)
}

// agentStep waits the step delay, then records status; false stops the agent (server closing, job gone, or
// the job was moved elsewhere, e.g. canceled, so the transition is no longer possible).
func (s *Server) agentStep(ctx context.Context, jobID, agentID string, status enums.JobStatusName, msg *string) bool {
	if d := s.cfg.agentStepDelay; d > 0 {
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
	}
	if ctx.Err() != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobs.jobs[jobID]
	if j == nil {
		return false
	}
	return s.appendStatusLocked(j, agentID, status, msg, &agentID) == ""
}

// simulatedAgentLocked returns the id of the fake's simulated agent, registering it on first use.
func (s *Server) simulatedAgentLocked() string {
	if s.jobs.simAgent == "" {
		a := s.newAgentLocked(s.owner, types.NewAgent{AgentVersion: "istaritest", HostOS: "Ubuntu 22.04"})
		a.DisplayNames = append(a.DisplayNames, types.AgentDisplayName{DisplayName: "istaritest simulated agent"})
		s.jobs.simAgent = a.ID
	}
	return s.jobs.simAgent
}

// stopAgents ends the simulated agents and waits for them (Close).
func (s *Server) stopAgents() {
	s.mu.Lock()
	s.jobs.closed = true
	s.mu.Unlock()
	s.jobs.cancel()
	s.jobs.wg.Wait()
}
