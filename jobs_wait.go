package istari

// This file holds WaitForJob, the Go form of Python's Job.poll_job.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// Defaults of WaitOptions.
const (
	DefaultJobPollInterval    = 5 * time.Second // Python poll_job's interval
	DefaultJobPollMaxInterval = time.Minute     // cap when BackoffFactor > 1 and MaxInterval is 0
	DefaultJobMaxPollErrors   = 5
)

// ErrJobFailed matches (errors.Is) the *JobFailedError of a job that ended Failed or Canceled.
var ErrJobFailed = errors.New("istari: job did not complete")

// JobFailedError is returned by WaitForJob when a job ends with status Failed or Canceled. Python's
// Job.poll_job returns the final status name instead of raising; Go makes the failure an error.
type JobFailedError struct {
	Job    *types.Job      // the job as last read
	Status types.JobStatus // its terminal status entry (Name is Failed or Canceled)
}

// Error names the job, its terminal status and the status message when there is one.
func (e *JobFailedError) Error() string {
	msg := fmt.Sprintf("istari: job %s ended with status %s", e.jobID(), e.Status.Name)
	if e.Status.Message != nil && *e.Status.Message != "" {
		msg += ": " + *e.Status.Message
	}
	return msg
}

// Is matches ErrJobFailed.
func (e *JobFailedError) Is(target error) bool { return target == ErrJobFailed }

func (e *JobFailedError) jobID() string {
	if e.Job == nil {
		return e.Status.JobID
	}
	return e.Job.ID
}

// WaitOptions tune WaitForJob. The zero value (or nil) polls every 5 s, like Python's poll_job.
type WaitOptions struct {
	// Interval between two polls; 0 = DefaultJobPollInterval.
	Interval time.Duration
	// BackoffFactor multiplies the interval after each poll when > 1 (0 or 1 = fixed interval).
	BackoffFactor float64
	// MaxInterval caps the interval grown by BackoffFactor; 0 = DefaultJobPollMaxInterval.
	MaxInterval time.Duration
	// MaxPollErrors is how many consecutive polls may fail with a 5xx or 429 answer (after the transport's own
	// retries) before WaitForJob gives up and returns that error; 0 = DefaultJobMaxPollErrors, negative = none
	// tolerated. Other errors (404, 403, ...) end the wait at once.
	MaxPollErrors int
	// OnStatus, when set, is called from WaitForJob's goroutine for each status change, in history order:
	// every new status-history entry whose name differs from the previously reported one (the first entry seen
	// is always reported). Changes between two polls are all reported.
	OnStatus func(types.JobStatus)
}

// WaitForJob polls GetJob until the job's status is terminal (Python Job.poll_job, which re-reads the job
// every 5 s without a timeout; here ctx bounds the wait). It returns the final job when the job Completed,
// and a *JobFailedError (matching ErrJobFailed, carrying the job and its last status message) when it
// Failed or was Canceled. An empty status history means the job has not started: the wait goes on.
//
// When ctx ends, WaitForJob returns promptly with an error wrapping ctx.Err(). Polls answered 5xx/429 after
// the transport's retries are tolerated up to WaitOptions.MaxPollErrors in a row; see WaitOptions.
func (c *Client) WaitForJob(ctx context.Context, jobID string, opts *WaitOptions) (_ *types.Job, err error) {
	ctx, span := c.tel.StartCall(ctx, "WaitForJob")
	defer span.Done(&err)
	o, err := waitDefaults(opts)
	if err != nil {
		return nil, err
	}
	if jobID == "" {
		return nil, newValidationError("job_id", "required", "", "is required")
	}
	var (
		interval = o.Interval
		seen     int                 // status-history entries already examined
		last     enums.JobStatusName // last status reported to OnStatus
		failures int                 // consecutive tolerated poll errors
	)
	for poll := 1; ; poll++ {
		pctx, pspan := c.tel.StartPoll(ctx, poll)
		job, err := c.GetJob(pctx, jobID)
		pspan.EndPoll(jobStatusOf(job), err)
		switch {
		case err != nil && ctx.Err() != nil:
			return nil, fmt.Errorf("istari: waiting for job %s: %w", jobID, ctx.Err())
		case err != nil && transientPollError(err) && failures < o.MaxPollErrors:
			failures++
		case err != nil:
			return nil, fmt.Errorf("istari: waiting for job %s: %w", jobID, err)
		default:
			failures = 0
			seen, last = reportStatuses(job.StatusHistory, seen, last, o.OnStatus)
			if status, ok := job.Status(); ok && status.Name.IsTerminal() {
				if status.Name == enums.JobStatusNameCompleted {
					return job, nil
				}
				return nil, &JobFailedError{Job: job, Status: status}
			}
		}
		if err := sleepJobPoll(ctx, interval); err != nil {
			return nil, fmt.Errorf("istari: waiting for job %s: %w", jobID, err)
		}
		interval = o.next(interval)
	}
}

func waitDefaults(opts *WaitOptions) (WaitOptions, error) {
	var o WaitOptions
	if opts != nil {
		o = *opts
	}
	switch {
	case o.Interval < 0:
		return o, newValidationError("interval", "gte", "0", "must not be negative")
	case o.MaxInterval < 0:
		return o, newValidationError("max_interval", "gte", "0", "must not be negative")
	case o.BackoffFactor < 0:
		return o, newValidationError("backoff_factor", "gte", "0", "must not be negative")
	}
	if o.Interval == 0 {
		o.Interval = DefaultJobPollInterval
	}
	if o.MaxInterval == 0 {
		o.MaxInterval = max(DefaultJobPollMaxInterval, o.Interval)
	}
	switch {
	case o.MaxPollErrors == 0:
		o.MaxPollErrors = DefaultJobMaxPollErrors
	case o.MaxPollErrors < 0:
		o.MaxPollErrors = 0
	}
	return o, nil
}

// next is the interval after cur: grown by BackoffFactor (when > 1) up to MaxInterval.
func (o WaitOptions) next(cur time.Duration) time.Duration {
	if o.BackoffFactor <= 1 {
		return cur
	}
	return min(time.Duration(float64(cur)*o.BackoffFactor), max(o.MaxInterval, cur))
}

// reportStatuses calls onStatus for each entry of history after the first seen ones whose name differs from
// last, and returns the new seen count and last reported name.
func reportStatuses(history []types.JobStatus, seen int, last enums.JobStatusName, onStatus func(types.JobStatus)) (int, enums.JobStatusName) {
	if seen > len(history) {
		seen = len(history) // the history never shrinks on a real registry; do not index past it
	}
	for _, st := range history[seen:] {
		if st.Name != last {
			last = st.Name
			if onStatus != nil {
				onStatus(st)
			}
		}
	}
	return len(history), last
}

// transientPollError reports a 5xx or 429 answer.
func transientPollError(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.StatusCode >= 500 || apiErr.StatusCode == http.StatusTooManyRequests
}

// sleepJobPoll waits d or until ctx ends, whichever is first.
func sleepJobPoll(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
