package ops

import "sync"

// SectionIdentity is the Section of the identity-service rows, which belong to no registry section.
const SectionIdentity = "identity"

// identityOps are the routes of the Istari Identity Service (access keys), relative to the identity base
// <DigitalAPIURL>/identity. They are a table of their own, [Identity], never part of [Builtin]: they are checked
// against the identity service's OpenAPI document only, and never counted missing from the registry's. The
// verbs and paths are those the Python client calls; the operation ids are istari-go's names.
var identityOps = []Operation{
	{ID: "issue_token", GoName: "Token", Method: "POST", Path: "/oauth2/token", Confidence: Attested, Section: SectionIdentity},
	{ID: "exchange_user_pat", GoName: "ExchangePAT", Method: "POST", Path: "/api/v1/users/exchange-pat", Confidence: Attested, Section: SectionIdentity},
	{ID: "exchange_agent_pat", GoName: "ExchangePAT", Method: "POST", Path: "/api/v1/agents/exchange-pat", Confidence: Attested, Section: SectionIdentity},
	{ID: "register_user_key", GoName: "Register", Method: "POST", Path: "/api/v1/users/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: "register_agent_key", GoName: "Register", Method: "POST", Path: "/api/v1/agents/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: "list_user_keys", GoName: "List", Method: "GET", Path: "/api/v1/users/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: "list_agent_keys", GoName: "List", Method: "GET", Path: "/api/v1/agents/{principal_id}/keys", Confidence: Attested, Section: SectionIdentity},
	{ID: "get_user_key", GoName: "Get", Method: "GET", Path: "/api/v1/users/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: "get_agent_key", GoName: "Get", Method: "GET", Path: "/api/v1/agents/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: "revoke_user_key", GoName: "Revoke", Method: "DELETE", Path: "/api/v1/users/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
	{ID: "revoke_agent_key", GoName: "Revoke", Method: "DELETE", Path: "/api/v1/agents/{principal_id}/keys/{key_id}", Confidence: Attested, Section: SectionIdentity},
}

var identity = sync.OnceValue(func() *Table { return mustTable(identityOps) })

// Identity returns the table of the identity service's operations (built once; every call returns the same
// table). Its paths are relative to the identity base, not the registry base.
func Identity() *Table { return identity() }
