package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	GetCurrentUser                   ID = "get_current_user"
	GetUserByID                      ID = "get_user_by_id"
	ListUsers                        ID = "list_users"
	CreatePersonalAccessToken        ID = "create_personal_access_token"
	CreateAgentPersonalAccessToken   ID = "create_agent_personal_access_token"
	ListPersonalAccessTokens         ID = "list_personal_access_tokens"
	DeletePersonalAccessToken        ID = "delete_personal_access_token"
	RevokeAllPersonalAccessTokens    ID = "revoke_all_personal_access_tokens"
	CreateAppIntegration             ID = "create_app_integration"
	ListAppIntegrations              ID = "list_app_integrations"
	CreateAuthIntegration            ID = "create_auth_integration"
	UpdateAuthIntegration            ID = "update_auth_integration"
	GetAuthIntegration               ID = "get_auth_integration"
	ListAuthIntegrations             ID = "list_auth_integrations"
	ListUpstreamRemotes              ID = "list_upstream_remotes"
	SyncUpstreamRemotes              ID = "sync_upstream_remotes"
	CheckUpstreamRemoteCompatibility ID = "check_upstream_remote_compatibility"
)

// adminOps holds the wire operations of section 10, Users, tokens & admin.
// Verb, path template and confidence are transcribed exactly from the spec table.
var adminOps = []Operation{
	{ID: string(GetCurrentUser), GoName: "GetCurrentUser", Method: "GET", Path: "/api/v2/users/me", Confidence: Signature, Section: "10"},
	{ID: string(GetUserByID), GoName: "GetUserByID", Method: "GET", Path: "/api/v2/users/{user_id}", Confidence: Signature, Section: "10"},
	{ID: string(ListUsers), GoName: "ListUsers", Method: "GET", Path: "/api/v2/users", Confidence: Signature, Section: "10"},
	{ID: string(CreatePersonalAccessToken), GoName: "CreatePersonalAccessToken", Method: "POST", Path: "/api/v2/personal_access_tokens", Confidence: Signature, Section: "10"},
	{ID: string(CreateAgentPersonalAccessToken), GoName: "CreateAgentPersonalAccessToken", Method: "POST", Path: "/api/v2/personal_access_tokens/agent", Confidence: Signature, Section: "10"},
	{ID: string(ListPersonalAccessTokens), GoName: "ListPersonalAccessTokens", Method: "GET", Path: "/api/v2/personal_access_tokens", Confidence: Signature, Section: "10"},
	{ID: string(DeletePersonalAccessToken), GoName: "DeletePersonalAccessToken", Method: "DELETE", Path: "/api/v2/personal_access_tokens/{pat_id}", Confidence: Signature, Section: "10"},
	{ID: string(RevokeAllPersonalAccessTokens), GoName: "RevokeAllPersonalAccessTokens", Method: "DELETE", Path: "/api/v2/personal_access_tokens", Confidence: Signature, Section: "10"},
	{ID: string(CreateAppIntegration), GoName: "CreateAppIntegration", Method: "POST", Path: "/api/v2/app_integrations", Confidence: Reconstructed, Section: "10"},
	{ID: string(ListAppIntegrations), GoName: "ListAppIntegrations", Method: "GET", Path: "/api/v2/app_integrations", Confidence: Reconstructed, Section: "10"},
	{ID: string(CreateAuthIntegration), GoName: "createAuthIntegration", Method: "POST", Path: "/api/v2/auth_integrations", Confidence: Signature, Section: "10"},
	{ID: string(UpdateAuthIntegration), GoName: "updateAuthIntegration", Method: "PUT", Path: "/api/v2/auth_integrations/{auth_integration_id}", Confidence: Signature, Section: "10"},
	{ID: string(GetAuthIntegration), GoName: "GetAuthIntegration", Method: "GET", Path: "/api/v2/auth_integrations/{auth_integration_id}", Confidence: Signature, Section: "10"},
	{ID: string(ListAuthIntegrations), GoName: "ListAuthIntegrations", Method: "GET", Path: "/api/v2/auth_integrations", Confidence: Reconstructed, Section: "10"},
	{ID: string(ListUpstreamRemotes), GoName: "ListUpstreamRemotes", Method: "GET", Path: "/api/v2/upstream_remotes", Confidence: Reconstructed, Section: "10"},
	{ID: string(SyncUpstreamRemotes), GoName: "SyncUpstreamRemotes", Method: "POST", Path: "/api/v2/upstream_remotes/sync", Confidence: Reconstructed, Section: "10"},
	{ID: string(CheckUpstreamRemoteCompatibility), GoName: "CheckUpstreamRemoteCompatibility", Method: "GET", Path: "/api/v2/upstream_remotes/compatibility", Confidence: Reconstructed, Section: "10"},
}
