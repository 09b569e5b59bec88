package ops

// agentsOps holds the wire operations of operations.md §9 Agents, modules & tools
// (9.1 agents and pools, 9.2 modules, functions and tools, 9.3 function auth secrets).
// Verb, path template and confidence are transcribed exactly from the spec table.
var agentsOps = []Operation{
	// §9.1
	{ID: "register_agent", GoName: "RegisterAgent", Method: "POST", Path: "/api/v2/agents", Confidence: Published, Section: "9.1"},
	{ID: "get_agent", GoName: "GetAgent", Method: "GET", Path: "/api/v2/agents/{agent_id}", Confidence: Published, Section: "9.1"},
	{ID: "list_agents", GoName: "ListAgents", Method: "GET", Path: "/api/v2/agents", Confidence: Published, Section: "9.1"},
	{ID: "update_agent_display_name", GoName: "UpdateAgentDisplayName", Method: "PUT", Path: "/api/v2/agents/{agent_id}/display_name", Confidence: Published, Section: "9.1"},
	{ID: "update_agent_status", GoName: "UpdateAgentStatus", Method: "PUT", Path: "/api/v2/agents/{agent_id}/status", Confidence: Published, Section: "9.1"},
	{ID: "update_agent_information", GoName: "UpdateAgentInformation", Method: "PUT", Path: "/api/v2/agents/{agent_id}", Confidence: Published, Section: "9.1"},
	{ID: "update_agent_modules", GoName: "UpdateAgentModules", Method: "PUT", Path: "/api/v2/agents/{agent_id}/modules", Confidence: Published, Section: "9.1"},
	{ID: "list_agent_status_history", GoName: "ListAgentStatusHistory", Method: "GET", Path: "/api/v2/agents/{agent_id}/status/history", Confidence: Published, Section: "9.1"},
	{ID: "archive_agent", GoName: "ArchiveAgent", Method: "DELETE", Path: "/api/v2/agents/{agent_id}", Confidence: Published, Section: "9.1"},
	{ID: "restore_agent", GoName: "RestoreAgent", Method: "POST", Path: "/api/v2/agents/{agent_id}:restore", Confidence: Published, Section: "9.1"},
	{ID: "create_agent_pool", GoName: "CreateAgentPool", Method: "POST", Path: "/api/v2/agent_pools", Confidence: Published, Section: "9.1"},
	{ID: "get_agent_pool", GoName: "GetAgentPool", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Published, Section: "9.1"},
	{ID: "list_agent_pools", GoName: "ListAgentPools", Method: "GET", Path: "/api/v2/agent_pools", Confidence: Published, Section: "9.1"},
	{ID: "update_agent_pool", GoName: "UpdateAgentPool", Method: "PUT", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Published, Section: "9.1"},
	{ID: "archive_agent_pool", GoName: "ArchiveAgentPool", Method: "DELETE", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Published, Section: "9.1"},
	{ID: "restore_agent_pool", GoName: "RestoreAgentPool", Method: "POST", Path: "/api/v2/agent_pools/{agent_pool_id}:restore", Confidence: Published, Section: "9.1"},
	{ID: "list_agent_pool_agents", GoName: "ListAgentPoolAgents", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}/agents", Confidence: Published, Section: "9.1"},
	{ID: "list_agent_pool_users", GoName: "ListAgentPoolUsers", Method: "GET", Path: "/api/v2/agent_pools/{agent_pool_id}/users", Confidence: Published, Section: "9.1"},
	// §9.2
	{ID: "create_module", GoName: "CreateModule", Method: "POST", Path: "/api/v2/modules", Confidence: Published, Section: "9.2"},
	{ID: "get_module", GoName: "GetModule", Method: "GET", Path: "/api/v2/modules/{module_id}", Confidence: Published, Section: "9.2"},
	{ID: "list_modules", GoName: "ListModules", Method: "GET", Path: "/api/v2/modules", Confidence: Published, Section: "9.2"},
	{ID: "get_module_version", GoName: "GetModuleVersion", Method: "GET", Path: "/api/v2/modules/versions/{module_version_id}", Confidence: Published, Section: "9.2"},
	{ID: "list_module_versions", GoName: "ListModuleVersions", Method: "GET", Path: "/api/v2/modules/versions", Confidence: Published, Section: "9.2"},
	{ID: "get_function", GoName: "GetFunction", Method: "GET", Path: "/api/v2/modules/versions/functions/{function_id}", Confidence: Published, Section: "9.2"},
	{ID: "list_functions", GoName: "ListFunctions", Method: "GET", Path: "/api/v2/modules/versions/functions", Confidence: Published, Section: "9.2"},
	{ID: "create_tool", GoName: "CreateTool", Method: "POST", Path: "/api/v2/tools", Confidence: Published, Section: "9.2"},
	{ID: "get_tool", GoName: "GetTool", Method: "GET", Path: "/api/v2/tools/{tool_id}", Confidence: Published, Section: "9.2"},
	{ID: "list_tools", GoName: "ListTools", Method: "GET", Path: "/api/v2/tools", Confidence: Published, Section: "9.2"},
	{ID: "create_tool_versions", GoName: "CreateToolVersions", Method: "POST", Path: "/api/v2/tools-versions/{tool_id}", Confidence: Published, Section: "9.2"},
	{ID: "get_tool_version", GoName: "GetToolVersion", Method: "GET", Path: "/api/v2/tools-versions/{tool_version_id}", Confidence: Published, Section: "9.2"},
	{ID: "list_tool_versions", GoName: "ListToolVersions", Method: "GET", Path: "/api/v2/tools-versions", Confidence: Published, Section: "9.2"},
	{ID: "list_operating_systems", GoName: "ListOperatingSystems", Method: "GET", Path: "/api/v2/modules/operatingsystems", Confidence: Published, Section: "9.2"},
	{ID: "list_authors", GoName: "ListAuthors", Method: "GET", Path: "/api/v2/author", Confidence: Published, Section: "9.2"},
	// §9.3
	{ID: "create_function_auth_secret", GoName: "createFunctionAuthSecret", Method: "POST", Path: "/api/v2/app_integrations/authsecrets", Confidence: Published, Section: "9.3"},
	{ID: "find_function_auth_secret", GoName: "ListFunctionAuthSecrets", Method: "GET", Path: "/api/v2/app_integrations/authsecrets", Confidence: Published, Section: "9.3"},
	{ID: "fetch_function_auth_secret", GoName: "GetFunctionAuthSecret", Method: "GET", Path: "/api/v2/app_integrations/authsecrets/{auth_secret_id}", Confidence: Published, Section: "9.3"},
}
