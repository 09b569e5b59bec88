package ops

// adminOps holds the wire operations of operations.md §10 Users, tokens & admin.
// Verb, path template and confidence are transcribed exactly from the spec table.
var adminOps = []Operation{
	{ID: "get_current_user", GoName: "GetCurrentUser", Method: "GET", Path: "/api/v2/users/me", Confidence: Published, Section: "10"},
	{ID: "get_user_by_id", GoName: "GetUserByID", Method: "GET", Path: "/api/v2/users/{user_id}", Confidence: Published, Section: "10"},
	{ID: "list_users", GoName: "ListUsers", Method: "GET", Path: "/api/v2/users", Confidence: Published, Section: "10"},
	{ID: "create_personal_access_token", GoName: "CreatePersonalAccessToken", Method: "POST", Path: "/api/v2/pat", Confidence: Published, Section: "10"},
	{ID: "create_agent_personal_access_token", GoName: "CreateAgentPersonalAccessToken", Method: "POST", Path: "/api/v2/pat/agent", Confidence: Published, Section: "10"},
	{ID: "list_personal_access_tokens", GoName: "ListPersonalAccessTokens", Method: "GET", Path: "/api/v2/pat", Confidence: Published, Section: "10"},
	{ID: "delete_personal_access_token", GoName: "DeletePersonalAccessToken", Method: "DELETE", Path: "/api/v2/pat/{pat_id}", Confidence: Published, Section: "10"},
	{ID: "revoke_all_personal_access_tokens", GoName: "RevokeAllPersonalAccessTokens", Method: "DELETE", Path: "/api/v2/pat", Confidence: Published, Section: "10"},
	{ID: "create_app_integration", GoName: "CreateAppIntegration", Method: "POST", Path: "/api/v2/app_integrations", Confidence: Reconstructed, Section: "10"},
	{ID: "list_app_integrations", GoName: "ListAppIntegrations", Method: "GET", Path: "/api/v2/app_integrations", Confidence: Reconstructed, Section: "10"},
	{ID: "create_auth_integration", GoName: "createAuthIntegration", Method: "POST", Path: "/api/v2/app_integrations/authintegrations", Confidence: Published, Section: "10"},
	{ID: "update_auth_integration", GoName: "updateAuthIntegration", Method: "PUT", Path: "/api/v2/app_integrations/authintegrations/{auth_integration_id}", Confidence: Published, Section: "10"},
	{ID: "get_auth_integration", GoName: "GetAuthIntegration", Method: "GET", Path: "/api/v2/app_integrations/authintegrations/{auth_integration_id}", Confidence: Published, Section: "10"},
	{ID: "list_auth_integrations", GoName: "ListAuthIntegrations", Method: "GET", Path: "/api/v2/app_integrations/authintegrations", Confidence: Published, Section: "10"},
	{ID: "list_upstream_remotes", GoName: "ListUpstreamRemotes", Method: "GET", Path: "/api/v2/upstream_remotes", Confidence: Reconstructed, Section: "10"},
	{ID: "sync_upstream_remotes", GoName: "SyncUpstreamRemotes", Method: "POST", Path: "/api/v2/upstream_remotes/sync", Confidence: Reconstructed, Section: "10"},
	{ID: "check_upstream_remote_compatibility", GoName: "CheckUpstreamRemoteCompatibility", Method: "GET", Path: "/api/v2/upstream_remotes/compatibility", Confidence: Reconstructed, Section: "10"},
}
