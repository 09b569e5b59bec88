package ops

import "sync"

// SectionIdentity is the Section of the identity-service rows, which belong to no registry section.
const SectionIdentity = "identity"

// Operation ids of the identity service's table, for the client and the fake: a misspelt id is a compile error.
const (
	IssueToken       ID = "issue_token"
	ExchangeUserPAT  ID = "exchange_user_pat"
	ExchangeAgentPAT ID = "exchange_agent_pat"
	RegisterUserKey  ID = "register_user_key"
	RegisterAgentKey ID = "register_agent_key"
	ListUserKeys     ID = "list_user_keys"
	ListAgentKeys    ID = "list_agent_keys"
	GetUserKey       ID = "get_user_key"
	GetAgentKey      ID = "get_agent_key"
	RevokeUserKey    ID = "revoke_user_key"
	RevokeAgentKey   ID = "revoke_agent_key"
)

// identityOps are the routes of the Istari Identity Service (access keys), relative to the identity base
// <DigitalAPIURL>/identity. They are a table of their own, [Identity], never part of [Builtin]: they are checked
// against the identity service's OpenAPI document only, and never counted missing from the registry's. The
// verbs and paths are those the Python client calls; the operation ids are istari-go's names.
var identityOps = []Operation{
	{ID: string(IssueToken), GoName: "Token", Method: "POST", Path: "/oauth2/token", Confidence: Attested, Section: SectionIdentity},
	{ID: string(ExchangeUserPAT), GoName: "ExchangePAT", Method: "POST", Path: "/api/v1/users/exchange-pat", Confidence: Attested, Section: SectionIdentity},
	{ID: string(ExchangeAgentPAT), GoName: "ExchangePAT", Method: "POST", Path: "/api/v1/agents/exchange-pat", Confidence: Attested, Section: SectionIdentity},
	{ID: string(RegisterUserKey), GoName: "Register", Method: "POST", Path: "/api/v1/users/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: string(RegisterAgentKey), GoName: "Register", Method: "POST", Path: "/api/v1/agents/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: string(ListUserKeys), GoName: "List", Method: "GET", Path: "/api/v1/users/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: string(ListAgentKeys), GoName: "List", Method: "GET", Path: "/api/v1/agents/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: string(GetUserKey), GoName: "Get", Method: "GET", Path: "/api/v1/users/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: string(GetAgentKey), GoName: "Get", Method: "GET", Path: "/api/v1/agents/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: string(RevokeUserKey), GoName: "Revoke", Method: "DELETE", Path: "/api/v1/users/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: string(RevokeAgentKey), GoName: "Revoke", Method: "DELETE", Path: "/api/v1/agents/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
}

var identity = sync.OnceValue(func() *Table { return mustTable(identityOps) })

// Identity returns the table of the identity service's operations (built once; every call returns the same
// table). Its paths are relative to the identity base, not the registry base.
func Identity() *Table { return identity() }
