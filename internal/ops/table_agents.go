package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	RegisterAgent            ID = "register_agent"
	GetAgent                 ID = "get_agent"
	ListAgents               ID = "list_agents"
	UpdateAgentDisplayName   ID = "update_agent_display_name"
	UpdateAgentStatus        ID = "update_agent_status"
	UpdateAgentInformation   ID = "update_agent_information"
	UpdateAgentModules       ID = "update_agent_modules"
	ListAgentStatusHistory   ID = "list_agent_status_history"
	ArchiveAgent             ID = "archive_agent"
	RestoreAgent             ID = "restore_agent"
	CreateAgentPool          ID = "create_agent_pool"
	GetAgentPool             ID = "get_agent_pool"
	ListAgentPools           ID = "list_agent_pools"
	UpdateAgentPool          ID = "update_agent_pool"
	DeleteAgentPool          ID = "delete_agent_pool"
	ArchiveAgentPool         ID = "archive_agent_pool"
	RestoreAgentPool         ID = "restore_agent_pool"
	ListAgentPoolAgents      ID = "list_agent_pool_agents"
	ListAgentPoolUsers       ID = "list_agent_pool_users"
	CreateModule             ID = "create_module"
	GetModule                ID = "get_module"
	ListModules              ID = "list_modules"
	GetModuleVersion         ID = "get_module_version"
	ListModuleVersions       ID = "list_module_versions"
	GetFunction              ID = "get_function"
	ListFunctions            ID = "list_functions"
	CreateTool               ID = "create_tool"
	GetTool                  ID = "get_tool"
	ListTools                ID = "list_tools"
	CreateToolVersions       ID = "create_tool_versions"
	GetToolVersion           ID = "get_tool_version"
	ListToolVersions         ID = "list_tool_versions"
	ListOperatingSystems     ID = "list_operating_systems"
	ListAuthors              ID = "list_authors"
	CreateFunctionAuthSecret ID = "create_function_auth_secret"
	ListFunctionAuthSecrets  ID = "list_function_auth_secrets"
	GetFunctionAuthSecret    ID = "get_function_auth_secret"
)

// agentsOps holds the wire operations of section 9, Agents, modules & tools
// (9.1 agents and pools, 9.2 modules, functions and tools, 9.3 function auth secrets).
// Verb, path template and confidence are transcribed exactly from the spec table.
var agentsOps = []Operation{
	// §9.1
	{ID: string(RegisterAgent), GoName: "RegisterAgent", Method: "POST", Path: "/api/v2/agents", Confidence: Signature, Section: "9.1"},
	{ID: string(GetAgent), GoName: "GetAgent", Method: "GET", Path: "/api/v2/agents/{agent_id}", Confidence: Signature, Section: "9.1"},
	{ID: string(ListAgents), GoName: "ListAgents", Method: "GET", Path: "/api/v2/agents", Confidence: Signature, Section: "9.1"},
	{ID: string(UpdateAgentDisplayName), GoName: "UpdateAgentDisplayName", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/display_name", Confidence: Signature, Section: "9.1"},
	{ID: string(UpdateAgentStatus), GoName: "UpdateAgentStatus", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/status", Confidence: Signature, Section: "9.1"},
	{ID: string(UpdateAgentInformation), GoName: "UpdateAgentInformation", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/information", Confidence: Signature, Section: "9.1"},
	{ID: string(UpdateAgentModules), GoName: "UpdateAgentModules", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/modules", Confidence: Reconstructed, Section: "9.1"},
	{ID: string(ListAgentStatusHistory), GoName: "ListAgentStatusHistory", Method: "GET", Path: "/api/v2/agents/{agent_id}/status_history", Confidence: Signature, Section: "9.1"},
	{ID: string(ArchiveAgent), GoName: "ArchiveAgent", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/archive", Confidence: Signature, Section: "9.1"},
	{ID: string(RestoreAgent), GoName: "RestoreAgent", Method: "PATCH", Path: "/api/v2/agents/{agent_id}/restore", Confidence: Signature, Section: "9.1"},
	{ID: string(CreateAgentPool), GoName: "CreateAgentPool", Method: "POST", Path: "/api/v2/agent_pools", Confidence: Signature, Section: "9.1"},
	{ID: string(GetAgentPool), GoName: "GetAgentPool", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Signature, Section: "9.1"},
	{ID: string(ListAgentPools), GoName: "ListAgentPools", Method: "GET", Path: "/api/v2/agent_pools", Confidence: Signature, Section: "9.1"},
	{ID: string(UpdateAgentPool), GoName: "UpdateAgentPool", Method: "PATCH", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Signature, Section: "9.1"},
	{ID: string(DeleteAgentPool), GoName: "DeleteAgentPool", Method: "DELETE", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Reconstructed, Section: "9.1"},
	{ID: string(ArchiveAgentPool), GoName: "ArchiveAgentPool", Method: "PATCH", Path: "/api/v2/agent_pools/{agent_pool_id}/archive", Confidence: Signature, Section: "9.1"},
	{ID: string(RestoreAgentPool), GoName: "RestoreAgentPool", Method: "PATCH", Path: "/api/v2/agent_pools/{agent_pool_id}/restore", Confidence: Signature, Section: "9.1"},
	{ID: string(ListAgentPoolAgents), GoName: "ListAgentPoolAgents", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}/agents", Confidence: Reconstructed, Section: "9.1"},
	{ID: string(ListAgentPoolUsers), GoName: "ListAgentPoolUsers", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}/users", Confidence: Reconstructed, Section: "9.1"},
	// §9.2
	{ID: string(CreateModule), GoName: "CreateModule", Method: "POST", Path: "/api/v2/modules", Confidence: Reconstructed, Section: "9.2"},
	{ID: string(GetModule), GoName: "GetModule", Method: "GET", Path: "/api/v2/modules/{module_id}", Confidence: Signature, Section: "9.2"},
	{ID: string(ListModules), GoName: "ListModules", Method: "GET", Path: "/api/v2/modules", Confidence: Signature, Section: "9.2"},
	{ID: string(GetModuleVersion), GoName: "GetModuleVersion", Method: "GET", Path: "/api/v2/module_versions/{version_id}", Confidence: Signature, Section: "9.2"},
	{ID: string(ListModuleVersions), GoName: "ListModuleVersions", Method: "GET", Path: "/api/v2/module_versions", Confidence: Signature, Section: "9.2"},
	{ID: string(GetFunction), GoName: "GetFunction", Method: "GET", Path: "/api/v2/functions/{function_id}", Confidence: Signature, Section: "9.2"},
	{ID: string(ListFunctions), GoName: "ListFunctions", Method: "GET", Path: "/api/v2/functions", Confidence: Signature, Section: "9.2"},
	{ID: string(CreateTool), GoName: "CreateTool", Method: "POST", Path: "/api/v2/tools", Confidence: Signature, Section: "9.2"},
	{ID: string(GetTool), GoName: "GetTool", Method: "GET", Path: "/api/v2/tools/{tool_id}", Confidence: Signature, Section: "9.2"},
	{ID: string(ListTools), GoName: "ListTools", Method: "GET", Path: "/api/v2/tools", Confidence: Signature, Section: "9.2"},
	{ID: string(CreateToolVersions), GoName: "CreateToolVersions", Method: "POST", Path: "/api/v2/tools/{tool_id}/tool_versions", Confidence: Signature, Section: "9.2"},
	{ID: string(GetToolVersion), GoName: "GetToolVersion", Method: "GET", Path: "/api/v2/tool_versions/{version_id}", Confidence: Signature, Section: "9.2"},
	{ID: string(ListToolVersions), GoName: "ListToolVersions", Method: "GET", Path: "/api/v2/tool_versions", Confidence: Signature, Section: "9.2"},
	{ID: string(ListOperatingSystems), GoName: "ListOperatingSystems", Method: "GET", Path: "/api/v2/operating_systems", Confidence: Signature, Section: "9.2"},
	{ID: string(ListAuthors), GoName: "ListAuthors", Method: "GET", Path: "/api/v2/authors", Confidence: Signature, Section: "9.2"},
	// §9.3
	{ID: string(CreateFunctionAuthSecret), GoName: "createFunctionAuthSecret", Method: "POST", Path: "/api/v2/function_auth_secrets", Confidence: Signature, Section: "9.3"},
	{ID: string(ListFunctionAuthSecrets), GoName: "ListFunctionAuthSecrets", Method: "GET", Path: "/api/v2/function_auth_secrets", Confidence: Reconstructed, Section: "9.3"},
	{ID: string(GetFunctionAuthSecret), GoName: "GetFunctionAuthSecret", Method: "GET", Path: "/api/v2/function_auth_secrets/{function_auth_secret_id}", Confidence: Reconstructed, Section: "9.3"},
}
