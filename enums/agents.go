package enums

// This file holds the enums of agents, functions and tools.

import "slices"

// AgentStatusName is Python's istari_digital_client.v2.models.AgentStatusName: the name of an agent status entry.
type AgentStatusName string

// Known AgentStatusName values.
const (
	AgentStatusNameIdle                   AgentStatusName = "Idle"
	AgentStatusNameClaimingJob            AgentStatusName = "ClaimingJob"
	AgentStatusNameValidatingJob          AgentStatusName = "ValidatingJob"
	AgentStatusNameExecutingJob           AgentStatusName = "ExecutingJob"
	AgentStatusNameUploadingJob           AgentStatusName = "UploadingJob"
	AgentStatusNameExecutionFailed        AgentStatusName = "ExecutionFailed"
	AgentStatusNameExecutionSuccess       AgentStatusName = "ExecutionSuccess"
	AgentStatusNameUpdatingAgent          AgentStatusName = "UpdatingAgent"
	AgentStatusNameSuccessfulAgentUpdate  AgentStatusName = "SuccessfulAgentUpdate"
	AgentStatusNameFailedAgentUpdate      AgentStatusName = "FailedAgentUpdate"
	AgentStatusNameUpdatingModule         AgentStatusName = "UpdatingModule"
	AgentStatusNameSuccessfulModuleUpdate AgentStatusName = "SuccessfulModuleUpdate"
	AgentStatusNameFailedModuleUpdate     AgentStatusName = "FailedModuleUpdate"
	AgentStatusNamePaused                 AgentStatusName = "Paused"
	AgentStatusNameUnknown                AgentStatusName = "Unknown"
)

var agentStatusNameValues = []AgentStatusName{
	AgentStatusNameIdle,
	AgentStatusNameClaimingJob,
	AgentStatusNameValidatingJob,
	AgentStatusNameExecutingJob,
	AgentStatusNameUploadingJob,
	AgentStatusNameExecutionFailed,
	AgentStatusNameExecutionSuccess,
	AgentStatusNameUpdatingAgent,
	AgentStatusNameSuccessfulAgentUpdate,
	AgentStatusNameFailedAgentUpdate,
	AgentStatusNameUpdatingModule,
	AgentStatusNameSuccessfulModuleUpdate,
	AgentStatusNameFailedModuleUpdate,
	AgentStatusNamePaused,
	AgentStatusNameUnknown,
}

// Deprecated names of the AgentStatusName values (before every constant was named AgentStatusName<Value>).
const (
	// Deprecated: use AgentStatusNameIdle.
	AgentStatusIdle AgentStatusName = AgentStatusNameIdle
	// Deprecated: use AgentStatusNameClaimingJob.
	AgentStatusClaimingJob AgentStatusName = AgentStatusNameClaimingJob
	// Deprecated: use AgentStatusNameValidatingJob.
	AgentStatusValidatingJob AgentStatusName = AgentStatusNameValidatingJob
	// Deprecated: use AgentStatusNameExecutingJob.
	AgentStatusExecutingJob AgentStatusName = AgentStatusNameExecutingJob
	// Deprecated: use AgentStatusNameUploadingJob.
	AgentStatusUploadingJob AgentStatusName = AgentStatusNameUploadingJob
	// Deprecated: use AgentStatusNameExecutionFailed.
	AgentStatusExecutionFailed AgentStatusName = AgentStatusNameExecutionFailed
	// Deprecated: use AgentStatusNameExecutionSuccess.
	AgentStatusExecutionSuccess AgentStatusName = AgentStatusNameExecutionSuccess
	// Deprecated: use AgentStatusNameUpdatingAgent.
	AgentStatusUpdatingAgent AgentStatusName = AgentStatusNameUpdatingAgent
	// Deprecated: use AgentStatusNameSuccessfulAgentUpdate.
	AgentStatusSuccessfulAgentUpdate AgentStatusName = AgentStatusNameSuccessfulAgentUpdate
	// Deprecated: use AgentStatusNameFailedAgentUpdate.
	AgentStatusFailedAgentUpdate AgentStatusName = AgentStatusNameFailedAgentUpdate
	// Deprecated: use AgentStatusNameUpdatingModule.
	AgentStatusUpdatingModule AgentStatusName = AgentStatusNameUpdatingModule
	// Deprecated: use AgentStatusNameSuccessfulModuleUpdate.
	AgentStatusSuccessfulModuleUpdate AgentStatusName = AgentStatusNameSuccessfulModuleUpdate
	// Deprecated: use AgentStatusNameFailedModuleUpdate.
	AgentStatusFailedModuleUpdate AgentStatusName = AgentStatusNameFailedModuleUpdate
	// Deprecated: use AgentStatusNamePaused.
	AgentStatusPaused AgentStatusName = AgentStatusNamePaused
	// Deprecated: use AgentStatusNameUnknown.
	AgentStatusUnknown AgentStatusName = AgentStatusNameUnknown
)

// AgentStatusNameValues returns every known AgentStatusName value, in documentation order. The slice is a fresh copy.
func AgentStatusNameValues() []AgentStatusName { return slices.Clone(agentStatusNameValues) }

// Valid reports whether v is a known AgentStatusName value. Unknown values still decode and encode unchanged.
func (v AgentStatusName) Valid() bool { return slices.Contains(agentStatusNameValues, v) }

// String returns the wire value.
func (v AgentStatusName) String() string { return string(v) }

// FunctionAuthType is Python's istari_digital_client.v2.models.FunctionAuthType: how a function authenticates
// against an external system, with the client's wire strings.
type FunctionAuthType string

// FunctionAuthType values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	FunctionAuthTypeBasic           FunctionAuthType = "basic"  // Python BASIC
	FunctionAuthTypeOAuth2          FunctionAuthType = "oauth2" // Python OAUTH2
	FunctionAuthTypeJWT             FunctionAuthType = "jwt"
	FunctionAuthTypeToken           FunctionAuthType = "token"
	FunctionAuthTypeOAuth1          FunctionAuthType = "oauth1"
	FunctionAuthTypeCASDelegated3DX FunctionAuthType = "cas_delegated_3dx"
)

var functionAuthTypeValues = []FunctionAuthType{
	FunctionAuthTypeBasic,
	FunctionAuthTypeOAuth2,
	FunctionAuthTypeJWT,
	FunctionAuthTypeToken,
	FunctionAuthTypeOAuth1,
	FunctionAuthTypeCASDelegated3DX,
}

// FunctionAuthTypeValues returns every known FunctionAuthType value, in documentation order. The slice is a fresh copy.
func FunctionAuthTypeValues() []FunctionAuthType { return slices.Clone(functionAuthTypeValues) }

// Valid reports whether v is a known FunctionAuthType value. Unknown values still decode and encode unchanged.
func (v FunctionAuthType) Valid() bool { return slices.Contains(functionAuthTypeValues, v) }

// String returns the wire value.
func (v FunctionAuthType) String() string { return string(v) }

// ToolInclude is Python's istari_digital_client.v2.models.ToolInclude: the include parameter of tool listings.
// Embed the functions or the function versions.
type ToolInclude string

// ToolInclude values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	ToolIncludeFunctions        ToolInclude = "functions" // Python FUNCTIONS
	ToolIncludeFunctionVersions ToolInclude = "function_versions"
)

var toolIncludeValues = []ToolInclude{
	ToolIncludeFunctions,
	ToolIncludeFunctionVersions,
}

// ToolIncludeValues returns every known ToolInclude value, in documentation order. The slice is a fresh copy.
func ToolIncludeValues() []ToolInclude { return slices.Clone(toolIncludeValues) }

// Valid reports whether v is a known ToolInclude value. Unknown values still decode and encode unchanged.
func (v ToolInclude) Valid() bool { return slices.Contains(toolIncludeValues, v) }

// String returns the wire value.
func (v ToolInclude) String() string { return string(v) }

// UserModelInputs is Python's istari_digital_client.v2.models.UserModelInputs: the input_user_models filter of
// list_functions. Its values are unknown, so UserModelInputsValues is empty and Valid reports false for every
// value; any string the server documents can still be sent.
type UserModelInputs string

var userModelInputsValues []UserModelInputs

// UserModelInputsValues returns every known UserModelInputs value, in documentation order. The slice is a fresh copy.
func UserModelInputsValues() []UserModelInputs { return slices.Clone(userModelInputsValues) }

// Valid reports whether v is a known UserModelInputs value. Unknown values still decode and encode unchanged.
func (v UserModelInputs) Valid() bool { return slices.Contains(userModelInputsValues, v) }

// String returns the wire value.
func (v UserModelInputs) String() string { return string(v) }

// UsabilityStatusParams is Python's istari_digital_client.v2.models.UsabilityStatusParams: the status filter of
// list_functions. Its values are unknown, so UsabilityStatusParamsValues is empty and Valid reports false for
// every value; any string the server documents can still be sent.
type UsabilityStatusParams string

var usabilityStatusParamsValues []UsabilityStatusParams

// UsabilityStatusParamsValues returns every known UsabilityStatusParams value, in documentation order. The slice is a fresh copy.
func UsabilityStatusParamsValues() []UsabilityStatusParams {
	return slices.Clone(usabilityStatusParamsValues)
}

// Valid reports whether v is a known UsabilityStatusParams value. Unknown values still decode and encode unchanged.
func (v UsabilityStatusParams) Valid() bool { return slices.Contains(usabilityStatusParamsValues, v) }

// String returns the wire value.
func (v UsabilityStatusParams) String() string { return string(v) }
