package istari

// This file holds the jobs upload composites AddJob and UpdateJob: the job's parameters are uploaded
// as a revision's content, then the job is registered.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/upload"
	"github.com/istari-sdk/istari-go/types"
)

// AddJobOptions are the optional settings of AddJob (Python add_job's keyword arguments).
type AddJobOptions struct {
	// Parameters is the job's parameters: any value encoding to JSON (usually a map or a struct). nil sends
	// {}. It is written as indented JSON (4 spaces) to a temporary parameters*.json file, uploaded as the
	// job's revision. Setting it together with ParametersFile is an error (non-nil counts as set, even an
	// empty map).
	Parameters any
	// ParametersFile is the path of a parameters file to upload as is, instead of Parameters.
	ParametersFile string
	// ToolName, ToolVersion and OperatingSystem narrow the function match.
	ToolName        *string
	ToolVersion     *string
	OperatingSystem *enums.OS
	// AssignedAgentID / AssignedAgentPoolID route the job to one agent or an agent pool.
	AssignedAgentID     *string
	AssignedAgentPoolID *string
	// AgentID is the agent creating the job (older name agent_identifier).
	AgentID *string
	// FunctionVersion selects a function version (default: the newest match).
	FunctionVersion *string
	// Upload holds the sources and metadata of the parameters revision.
	Upload UploadOptions
}

// AddJob runs function (e.g. "@istari:extract") on a model or artifact (Python Client.add_job: write the
// parameters file, create_revision, create_model_job, remove the temporary file).
//
// modelID must be a resource id (model or artifact). When the registry answers 403 or 404 and modelID turns
// out to be a file id (GetFile succeeds with a resource id), AddJob retries once with that resource id, like
// the newest Python client. Errors: function empty, Parameters together with ParametersFile (rule
// "exclusive") and invalid upload options are *ValidationError, and a missing ParametersFile is an error,
// all before any request; no function matching the selection answers 404 (ErrNotFound, "no function found
// in registry with name ..."); an agent token answers 403. A registry failure after the upload names the
// orphaned content sha. The temporary parameters file is removed whatever the outcome.
func (c *Client) AddJob(ctx context.Context, modelID string, function string, opts *AddJobOptions) (_ *types.Job, err error) {
	ctx, span := c.tel.StartCall(ctx, "AddJob")
	defer span.Done(&err)
	if opts == nil {
		opts = &AddJobOptions{}
	}
	switch {
	case modelID == "":
		return nil, newValidationError("model_id", "required", "", "is required")
	case function == "":
		return nil, newValidationError("function", "required", "", "is required (a function name such as @istari:extract)")
	case opts.ParametersFile != "" && opts.Parameters != nil:
		return nil, newValidationError("parameters", "exclusive", "parameters_file", "Can't combine a parameters file with explicit parameters")
	}
	if err := opts.Upload.internal().Validate(); err != nil {
		return nil, uploadErr(err)
	}
	path := opts.ParametersFile
	if path != "" {
		if err := requireRegularFile(path); err != nil {
			return nil, err
		}
	} else {
		tmp, err := writeParametersFile(opts.Parameters)
		if err != nil {
			return nil, err
		}
		defer func() { _ = os.Remove(tmp) }()
		path = tmp
	}
	open := pathSource(path)
	if opts.ParametersFile == "" {
		open = upload.Named(open, "parameters.json") // not the temp file's random name
	}
	rev, err := c.revisionWith(ctx, open, "", &opts.Upload)
	if err != nil {
		return nil, err
	}
	params := &createModelJobParams{
		FunctionName: function, FunctionVersion: opts.FunctionVersion, ToolName: opts.ToolName,
		ToolVersion: opts.ToolVersion, OperatingSystem: opts.OperatingSystem, AssignedAgentID: opts.AssignedAgentID,
		AssignedAgentPoolID: opts.AssignedAgentPoolID, AgentID: opts.AgentID,
	}
	body := &types.NewJob{Revision: *rev}
	job, err := c.createModelJob(ctx, modelID, body, params)
	if err != nil && isForbiddenOrNotFound(err) {
		if resID := c.resourceIDOfFile(ctx, modelID); resID != "" {
			c.logger.DebugContext(ctx, "istari: add_job got a file id; retrying with its resource id",
				"file_id", modelID, "resource_id", resID)
			job, err = c.createModelJob(ctx, resID, body, params)
		}
	}
	if err != nil {
		return nil, c.afterUpload(ctx, ops.CreateModelJob, rev, err)
	}
	return job, nil
}

// isForbiddenOrNotFound reports a 403 or 404 answer.
func isForbiddenOrNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusForbidden || apiErr.StatusCode == http.StatusNotFound)
}

// resourceIDOfFile returns the resource id of the file id, or "" when id is not a readable file with a
// resource id different from itself.
func (c *Client) resourceIDOfFile(ctx context.Context, id string) string {
	f, err := c.GetFile(ctx, id)
	if err != nil || f.ResourceID == nil || *f.ResourceID == "" || *f.ResourceID == id {
		return ""
	}
	return *f.ResourceID
}

// writeParametersFile writes params (nil, or anything encoding to null, = {}) as JSON indented by 4 spaces to a new temporary
// parameters*.json file and returns its path. The caller removes it.
func writeParametersFile(params any) (string, error) {
	if params == nil {
		params = map[string]any{}
	}
	b, err := json.MarshalIndent(params, "", "    ")
	if err != nil {
		return "", fmt.Errorf("istari: encoding job parameters: %w", err)
	}
	if string(b) == "null" { // a typed nil (nil map, nil pointer) is no parameters too
		b = []byte("{}")
	}
	f, err := os.CreateTemp("", "parameters*.json")
	if err != nil {
		return "", fmt.Errorf("istari: writing job parameters: %w", err)
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(f.Name())
		return "", fmt.Errorf("istari: writing job parameters: %w", err)
	}
	return f.Name(), nil
}

// requireRegularFile fails when path does not name a readable regular file (Python's "missing file" checks
// that run before any request).
func requireRegularFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("istari: %w", err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("istari: %s is not a regular file", path)
	}
	return nil
}

// UpdateJob uploads new content for a job's parameters file and appends it as a revision (Python
// Client.update_job: get_job, upload with the current content salt, update_job). A missing file fails
// before any request.
func (c *Client) UpdateJob(ctx context.Context, jobID, path string, opts *UploadOptions) (*types.Job, error) {
	if jobID != "" {
		if err := requireRegularFile(path); err != nil {
			return nil, err
		}
	}
	return updateWith(ctx, c, "UpdateJob", "job_id", jobID, pathSource(path), opts, ops.UpdateJob, c.GetJob, c.updateJob)
}

// UpdateJobFromReader is UpdateJob for content read from r (Python Client.update_job takes a path; this Go-only
// variant takes a reader); name is the file name with its extension.
func (c *Client) UpdateJobFromReader(ctx context.Context, jobID, name string, r io.Reader, opts *UploadOptions) (*types.Job, error) {
	return updateWith(ctx, c, "UpdateJob", "job_id", jobID, readerSource(name, r), opts, ops.UpdateJob, c.GetJob, c.updateJob)
}
