package types

// This file holds the agents, agent pools, modules, functions, tools and operating systems types.

import (
	"encoding/json"

	"github.com/istari-sdk/istari-go/enums"
)

// Agent is Python's istari_digital_client Agent model: a registered execution agent. The field names are
// confirmed but several types are not; those fields are json.RawMessage so that a type surprise never fails the
// whole decode. Unmapped keys are kept in Extra.
type Agent struct {
	ID                  string             `json:"id"`
	Created             Timestamp          `json:"created"`
	DisplayNameHistory  []AgentDisplayName `json:"display_name_history,omitzero"`
	InformationHistory  []AgentInformation `json:"information_history,omitzero"`
	StatusHistory       []AgentStatus      `json:"status_history,omitzero"`
	ModulesHistory      []json.RawMessage  `json:"modules_history,omitzero"` // item type unknown
	AgentPools          json.RawMessage    `json:"agent_pools,omitempty"`    // type unconfirmed
	ArchiveStatus       json.RawMessage    `json:"archive_status,omitempty"` // type unconfirmed
	CreatedByID         *string            `json:"created_by_id,omitempty"`
	CompatibilityStatus json.RawMessage    `json:"compatibility_status,omitempty"` // type unconfirmed
	IncompatibleTags    json.RawMessage    `json:"incompatible_tags,omitempty"`    // type unconfirmed
	DeprecatedTags      json.RawMessage    `json:"deprecated_tags,omitempty"`      // type unconfirmed

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Agent) UnmarshalJSON(data []byte) error {
	type plain Agent
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Agent) MarshalJSON() ([]byte, error) {
	type plain Agent
	return encodeWithExtra(plain(m), m.Extra)
}

// DisplayName returns the newest display name (the last history entry's), or "" when there is none.
func (m *Agent) DisplayName() string {
	if m == nil || len(m.DisplayNameHistory) == 0 {
		return ""
	}
	return m.DisplayNameHistory[len(m.DisplayNameHistory)-1].DisplayName
}

// Status returns the newest status entry (the last of StatusHistory); ok is false when there is none.
func (m *Agent) Status() (status AgentStatus, ok bool) {
	if m == nil || len(m.StatusHistory) == 0 {
		return AgentStatus{}, false
	}
	return m.StatusHistory[len(m.StatusHistory)-1], true
}

// AgentDisplayName is Python's istari_digital_client AgentDisplayName model: an entry of
// Agent.display_name_history. Other fields are kept in Extra.
type AgentDisplayName struct {
	DisplayName string `json:"display_name"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *AgentDisplayName) UnmarshalJSON(data []byte) error {
	type plain AgentDisplayName
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m AgentDisplayName) MarshalJSON() ([]byte, error) {
	type plain AgentDisplayName
	return encodeWithExtra(plain(m), m.Extra)
}

// AgentInformation is Python's istari_digital_client AgentInformation model: an entry of
// Agent.information_history. APIHashes is kept raw (its type is unconfirmed). Other fields are kept in Extra.
type AgentInformation struct {
	AgentVersion string          `json:"agent_version"`
	HostOS       string          `json:"host_os"`
	APIHashes    json.RawMessage `json:"api_hashes,omitempty"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *AgentInformation) UnmarshalJSON(data []byte) error {
	type plain AgentInformation
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m AgentInformation) MarshalJSON() ([]byte, error) {
	type plain AgentInformation
	return encodeWithExtra(plain(m), m.Extra)
}

// AgentStatus is Python's istari_digital_client AgentStatus model: an entry of Agent.status_history and the
// item of list_agent_status_history. Other fields are kept in Extra.
type AgentStatus struct {
	Name enums.AgentStatusName `json:"name"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *AgentStatus) UnmarshalJSON(data []byte) error {
	type plain AgentStatus
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m AgentStatus) MarshalJSON() ([]byte, error) {
	type plain AgentStatus
	return encodeWithExtra(plain(m), m.Extra)
}

// NewAgent is Python's istari_digital_client NewAgent model: the body of register_agent. APIHashes is raw JSON
// (its type is unconfirmed); leave it nil to omit it.
type NewAgent struct {
	AgentVersion string          `json:"agent_version"`
	HostOS       string          `json:"host_os"`
	APIHashes    json.RawMessage `json:"api_hashes,omitempty"`
}

// NewAgentDisplayName is Python's istari_digital_client NewAgentDisplayName model: the body of
// update_agent_display_name.
type NewAgentDisplayName struct {
	DisplayName string `json:"display_name" validate:"required"`
}

// NewAgentStatus is Python's istari_digital_client NewAgentStatus model: the body of update_agent_status.
type NewAgentStatus struct {
	Name enums.AgentStatusName `json:"name" validate:"required"`
}

// NewAgentInformation is Python's istari_digital_client NewAgentInformation model: the body of
// update_agent_information. APIHashes is raw JSON (its type is unconfirmed); leave it nil to omit it.
type NewAgentInformation struct {
	AgentVersion string          `json:"agent_version"`
	HostOS       string          `json:"host_os"`
	APIHashes    json.RawMessage `json:"api_hashes,omitempty"`
}

// NewAgentModuleVersion is Python's istari_digital_client NewAgentModuleVersion model: an item of the
// update_agent_modules array body, the name and version of a module the agent has installed. Keys set in Extra
// are sent too.
type NewAgentModuleVersion struct {
	ModuleName    string `json:"module_name"`
	ModuleVersion string `json:"module_version"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *NewAgentModuleVersion) UnmarshalJSON(data []byte) error {
	type plain NewAgentModuleVersion
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m NewAgentModuleVersion) MarshalJSON() ([]byte, error) {
	type plain NewAgentModuleVersion
	return encodeWithExtra(plain(m), m.Extra)
}

// AgentPool is Python's istari_digital_client AgentPool model: a named group of agents that jobs can target.
// Only the id is known; other fields are kept in Extra.
type AgentPool struct {
	ID string `json:"id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *AgentPool) UnmarshalJSON(data []byte) error {
	type plain AgentPool
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m AgentPool) MarshalJSON() ([]byte, error) {
	type plain AgentPool
	return encodeWithExtra(plain(m), m.Extra)
}

// NewAgentPool is Python's istari_digital_client NewAgentPool model: the body of create_agent_pool and
// update_agent_pool.
type NewAgentPool struct {
	Name        string  `json:"name" validate:"required"`
	Description *string `json:"description,omitempty"`
}

// AgentPoolAgentMembershipWithAgent is Python's istari_digital_client AgentPoolAgentMembershipWithAgent
// model (items of list_agent_pool_agents), a membership row embedding the agent. The pool and agent ids and the
// embedded agent are typed; other keys are kept in Extra.
type AgentPoolAgentMembershipWithAgent struct {
	AgentPoolID string `json:"agent_pool_id"`
	AgentID     string `json:"agent_id"`
	Agent       *Agent `json:"agent,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *AgentPoolAgentMembershipWithAgent) UnmarshalJSON(data []byte) error {
	type plain AgentPoolAgentMembershipWithAgent
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m AgentPoolAgentMembershipWithAgent) MarshalJSON() ([]byte, error) {
	type plain AgentPoolAgentMembershipWithAgent
	return encodeWithExtra(plain(m), m.Extra)
}

// AgentPoolUserMembershipWithUser is Python's istari_digital_client AgentPoolUserMembershipWithUser model
// (items of list_agent_pool_users), a membership row embedding the user. The pool and user ids and the relation
// are typed; other keys (the embedded user among them) are kept in Extra.
type AgentPoolUserMembershipWithUser struct {
	AgentPoolID string `json:"agent_pool_id"`
	UserID      string `json:"user_id"`
	Relation    string `json:"relation,omitempty"` // the user's relation to the pool, e.g. "viewer"

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *AgentPoolUserMembershipWithUser) UnmarshalJSON(data []byte) error {
	type plain AgentPoolUserMembershipWithUser
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m AgentPoolUserMembershipWithUser) MarshalJSON() ([]byte, error) {
	type plain AgentPoolUserMembershipWithUser
	return encodeWithExtra(plain(m), m.Extra)
}

// Module is Python's istari_digital_client Module model: a published integration module. Only
// module_versions is known; other fields are kept in Extra.
type Module struct {
	ModuleVersions []ModuleVersion `json:"module_versions,omitzero"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Module) UnmarshalJSON(data []byte) error {
	type plain Module
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Module) MarshalJSON() ([]byte, error) {
	type plain Module
	return encodeWithExtra(plain(m), m.Extra)
}

// NewModule is the body of create_module, the module manifest (Python's Manifest model, not yet mapped
// here: set its keys, such as module_name and module_version, in Extra). Modules are normally published by the CLI or agents. Python: the body of Client.create_module.
type NewModule struct {
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *NewModule) UnmarshalJSON(data []byte) error {
	type plain NewModule
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m NewModule) MarshalJSON() ([]byte, error) {
	type plain NewModule
	return encodeWithExtra(plain(m), m.Extra)
}

// ModuleVersion is Python's istari_digital_client ModuleVersion model. The id, module id, version and
// creation time are typed; other keys (the functions among them) are kept in Extra.
type ModuleVersion struct {
	ID       string    `json:"id"`
	ModuleID string    `json:"module_id,omitempty"`
	Version  string    `json:"version,omitempty"`
	Created  Timestamp `json:"created,omitzero"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *ModuleVersion) UnmarshalJSON(data []byte) error {
	type plain ModuleVersion
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m ModuleVersion) MarshalJSON() ([]byte, error) {
	type plain ModuleVersion
	return encodeWithExtra(plain(m), m.Extra)
}

// ModuleAuthor is Python's istari_digital_client ModuleAuthor model (items of list_authors). The id and name
// are typed; other keys are kept in Extra.
type ModuleAuthor struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *ModuleAuthor) UnmarshalJSON(data []byte) error {
	type plain ModuleAuthor
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m ModuleAuthor) MarshalJSON() ([]byte, error) {
	type plain ModuleAuthor
	return encodeWithExtra(plain(m), m.Extra)
}

// Function is Python's istari_digital_client Function model: the result of get_function. The id and name
// (e.g. "@istari:extract") are typed; other keys are kept in Extra.
type Function struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`

	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON keeps every key in Extra.
func (m *Function) UnmarshalJSON(data []byte) error {
	type plain Function
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON writes the Extra keys back.
func (m Function) MarshalJSON() ([]byte, error) {
	type plain Function
	return encodeWithExtra(plain(m), m.Extra)
}

// FunctionVersion is Python's istari_digital_client FunctionVersion model: the function a job runs
// (Job.function) and the item of list_functions. Only id and name (e.g. @istari:extract) are known; other
// fields are kept in Extra.
type FunctionVersion struct {
	ID   string `json:"id"`
	Name string `json:"name"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *FunctionVersion) UnmarshalJSON(data []byte) error {
	type plain FunctionVersion
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m FunctionVersion) MarshalJSON() ([]byte, error) {
	type plain FunctionVersion
	return encodeWithExtra(plain(m), m.Extra)
}

// Tool is Python's istari_digital_client Tool model: an engineering tool functions run in. Only id and name
// are known (the JSON name of its versions is not); other fields are kept in Extra.
type Tool struct {
	ID   string `json:"id"`
	Name string `json:"name"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *Tool) UnmarshalJSON(data []byte) error {
	type plain Tool
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m Tool) MarshalJSON() ([]byte, error) {
	type plain Tool
	return encodeWithExtra(plain(m), m.Extra)
}

// NewTool is Python's istari_digital_client NewTool model: the body of create_tool. ToolVersions is required:
// a nil slice is sent as [].
type NewTool struct {
	Name         string           `json:"name" validate:"required"`
	ToolVersions []NewToolVersion `json:"tool_versions"`
}

// MarshalJSON encodes t, sending a nil ToolVersions as [] (the registry requires the key).
func (t NewTool) MarshalJSON() ([]byte, error) {
	type plain NewTool
	if t.ToolVersions == nil {
		t.ToolVersions = []NewToolVersion{}
	}
	return json.Marshal(plain(t))
}

// NewToolVersion is Python's istari_digital_client NewToolVersion model: the body of create_tool_versions and
// an item of NewTool.tool_versions.
type NewToolVersion struct {
	ToolVersion string `json:"tool_version" validate:"required"`
}

// ToolVersion is Python's istari_digital_client ToolVersion model. Only its globally unique id is known;
// other fields are kept in Extra.
type ToolVersion struct {
	ID string `json:"id"`

	// Extra holds the JSON keys this struct does not map.
	Extra ExtraFields `json:"-"`
}

// UnmarshalJSON decodes the known fields and keeps the other keys in Extra.
func (m *ToolVersion) UnmarshalJSON(data []byte) error {
	type plain ToolVersion
	return decodeWithExtra(data, (*plain)(m), &m.Extra)
}

// MarshalJSON encodes the known fields followed by the Extra keys.
func (m ToolVersion) MarshalJSON() ([]byte, error) {
	type plain ToolVersion
	return encodeWithExtra(plain(m), m.Extra)
}

// OperatingSystem is Python's istari_digital_client OperatingSystem model (items of list_operating_systems).
type OperatingSystem struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created Timestamp `json:"created"`
}

// NewOperatingSystem is Python's istari_digital_client NewOperatingSystem model.
type NewOperatingSystem struct {
	Name string `json:"name"`
}
