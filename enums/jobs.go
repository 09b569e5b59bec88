package enums

// This file holds the enums of jobs.

import "slices"

// JobStatusName is Python's istari_digital_client.v2.models.JobStatusName: the name of a job status-history
// entry (Title case on the wire). Completed, Failed and Canceled are terminal (IsTerminal).
type JobStatusName string

// Known JobStatusName values.
const (
	JobStatusNameCreated    JobStatusName = "Created"
	JobStatusNamePending    JobStatusName = "Pending"
	JobStatusNameClaimed    JobStatusName = "Claimed"
	JobStatusNameValidating JobStatusName = "Validating"
	JobStatusNameRunning    JobStatusName = "Running"
	JobStatusNameUploading  JobStatusName = "Uploading"
	JobStatusNameCompleted  JobStatusName = "Completed" // terminal
	JobStatusNameFailed     JobStatusName = "Failed"    // terminal
	JobStatusNameCanceled   JobStatusName = "Canceled"  // terminal
)

// JobStatusName values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	JobStatusNameUnknown JobStatusName = "Unknown" // the client lists it: a status the registry may report
)

var jobStatusNameValues = []JobStatusName{
	JobStatusNameCreated,
	JobStatusNamePending,
	JobStatusNameClaimed,
	JobStatusNameValidating,
	JobStatusNameRunning,
	JobStatusNameUploading,
	JobStatusNameCompleted,
	JobStatusNameFailed,
	JobStatusNameCanceled,
	JobStatusNameUnknown,
}

// Deprecated names of the JobStatusName values (before every constant was named JobStatusName<Value>).
const (
	// Deprecated: use JobStatusNameCreated.
	JobStatusCreated JobStatusName = JobStatusNameCreated
	// Deprecated: use JobStatusNamePending.
	JobStatusPending JobStatusName = JobStatusNamePending
	// Deprecated: use JobStatusNameClaimed.
	JobStatusClaimed JobStatusName = JobStatusNameClaimed
	// Deprecated: use JobStatusNameValidating.
	JobStatusValidating JobStatusName = JobStatusNameValidating
	// Deprecated: use JobStatusNameRunning.
	JobStatusRunning JobStatusName = JobStatusNameRunning
	// Deprecated: use JobStatusNameUploading.
	JobStatusUploading JobStatusName = JobStatusNameUploading
	// Deprecated: use JobStatusNameCompleted.
	JobStatusCompleted JobStatusName = JobStatusNameCompleted
	// Deprecated: use JobStatusNameFailed.
	JobStatusFailed JobStatusName = JobStatusNameFailed
	// Deprecated: use JobStatusNameCanceled.
	JobStatusCanceled JobStatusName = JobStatusNameCanceled
	// Deprecated: use JobStatusNameUnknown.
	JobStatusUnknown JobStatusName = JobStatusNameUnknown
)

// JobStatusNameValues returns every known JobStatusName value, in documentation order. The slice is a fresh copy.
func JobStatusNameValues() []JobStatusName { return slices.Clone(jobStatusNameValues) }

// Valid reports whether v is a known JobStatusName value. Unknown values still decode and encode unchanged.
func (v JobStatusName) Valid() bool { return slices.Contains(jobStatusNameValues, v) }

// String returns the wire value.
func (v JobStatusName) String() string { return string(v) }

// IsTerminal reports whether v ends a job: Completed, Failed or Canceled.
func (v JobStatusName) IsTerminal() bool {
	return v == JobStatusNameCompleted || v == JobStatusNameFailed || v == JobStatusNameCanceled
}

// OS is Python's istari_digital_client.v2.models.OS: an operating system a function runs on (the operating_system
// parameter of add_job and of function lookups). The wire values are display strings with spaces.
type OS string

// Known OS values: the wire strings of the published Python client 13.3.4.
const (
	OSWindows10         OS = "Windows 10"
	OSWindows11         OS = "Windows 11"
	OSWindowsServer2019 OS = "Windows Server 2019"
	OSWindowsServer2022 OS = "Windows Server 2022"
	OSUbuntu2004        OS = "Ubuntu 20.04"
	OSUbuntu2204        OS = "Ubuntu 22.04"
	OSUbuntu2404        OS = "Ubuntu 24.04"
	OSRHEL8             OS = "RHEL 8"
	OSRHEL9             OS = "RHEL 9"
	OSRHEL10            OS = "RHEL 10"
	OSMacOS14           OS = "macOS 14"
	OSMacOS15           OS = "macOS 15"
	OSMacOS26           OS = "macOS 26"
)

var osValues = []OS{
	OSWindows10,
	OSWindows11,
	OSWindowsServer2022,
	OSUbuntu2204,
	OSUbuntu2404,
	OSRHEL8,
	OSUbuntu2004,
	OSRHEL9,
	OSWindowsServer2019,
	OSRHEL10,
	OSMacOS14,
	OSMacOS15,
	OSMacOS26,
}

// OSValues returns every known OS value, in documentation order. The slice is a fresh copy.
func OSValues() []OS { return slices.Clone(osValues) }

// Valid reports whether v is a known OS value. Unknown values still decode and encode unchanged.
func (v OS) Valid() bool { return slices.Contains(osValues, v) }

// String returns the wire value.
func (v OS) String() string { return string(v) }
