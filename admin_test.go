package istari

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

const levelJSON = `{"id":"l1","name":"SECRET","order":3,"display_color":"#f00","schema_id":"s1","created":"2026-03-30T09:15:00Z","schema":"US_DOD"}`

func checkLevel(t *testing.T, out any) {
	t.Helper()
	l := out.(*types.InfosecLevel)
	assert.Equal(t, "SECRET", l.Name)
	assert.Equal(t, 3, l.Order)
	assert.JSONEq(t, `"US_DOD"`, string(l.Extra["schema"]))
}

func checkSettings(t *testing.T, out any) {
	t.Helper()
	s := out.(*types.PlatformInfosecSettings)
	on, _, err := types.ExtraValue[bool](s.Extra, "enabled")
	require.NoError(t, err)
	assert.True(t, on)
}

func TestInfosecOperationsOnTheWire(t *testing.T) {
	runWireCases(t, []wireCase{
		{name: "assign_infosec_level", method: "POST", path: "/api/v2/infosec/model/m%2F1",
			body: `{"infosec_level_id":"l1"}`, resp: levelJSON,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AssignInfosecLevel(ctx, enums.InfosecLevelObjectTypeModel, "m/1", &types.AssignInfosecLevel{InfosecLevelID: "l1"})
			}, check: checkLevel},
		{name: "list_infosec_levels bare array", method: "GET", path: "/api/v2/infosec/",
			resp: `[{"id":"l0","name":"UNCLASSIFIED"},` + levelJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.ListInfosecLevels(ctx) },
			check: func(t *testing.T, out any) {
				ls := out.([]types.InfosecLevel)
				require.Len(t, ls, 2)
				assert.Equal(t, "UNCLASSIFIED", ls[0].Name)
			}},
		{name: "list_infosec_levels older page", method: "GET", path: "/api/v2/infosec/",
			resp:  `{"items":[` + levelJSON + `],"total":1,"page":1,"size":50,"pages":1}`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListInfosecLevels(ctx) },
			check: func(t *testing.T, out any) { assert.Len(t, out.([]types.InfosecLevel), 1) }},
		{name: "get_platform_infosec_settings", method: "GET", path: "/api/v2/infosec/settings",
			resp: `{"enabled":true,"schema":"US_DOD"}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetPlatformInfosecSettings(ctx) }, check: checkSettings},
		{name: "enable_platform_infosec_settings", method: "POST", path: "/api/v2/infosec/settings",
			body: `{"schema":"US_DOD","max_infosec_level_id":"l5"}`, resp: `{"enabled":true,"schema":"US_DOD"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.EnablePlatformInfosecSettings(ctx, &types.EnablePlatformInfosecSettings{Extra: map[string]json.RawMessage{
					"schema": json.RawMessage(`"US_DOD"`), "max_infosec_level_id": json.RawMessage(`"l5"`)}})
			}, check: checkSettings},
	})
}

func TestAssignInfosecLevelRejectsFilesLocally(t *testing.T) {
	ve := localFailure(t, "subject_type", func(ctx context.Context, c *Client) error {
		_, err := c.AssignInfosecLevel(ctx, "file", "f1", &types.AssignInfosecLevel{InfosecLevelID: "l1"})
		return err
	})
	assert.Contains(t, ve.Error(), "files cannot be classified")
	ve = localFailure(t, "subject_type", func(ctx context.Context, c *Client) error {
		_, err := c.AssignInfosecLevel(ctx, "job", "j1", &types.AssignInfosecLevel{InfosecLevelID: "l1"})
		return err
	})
	assert.Contains(t, ve.Error(), "must be one of: model, artifact, system, user")
	noRequest(t, "infosec_level_id", func(ctx context.Context, c *Client) error {
		_, err := c.AssignInfosecLevel(ctx, "user", "u1", &types.AssignInfosecLevel{})
		return err
	})
}

const userJSON = `{"id":"u1","created":"2026-01-02T03:04:05Z","provider_name":"zitadel","provider_user_id":"p1",
	"user_type":"human","personal_access_tokens":[{"id":"pat1","name":"ci","token":""}],"user_name":"alice",
	"email":"alice@example.test","provider_user_state":"USER_STATE_ACTIVE","tenant_id":"t1"}`

func checkUser(t *testing.T, out any) {
	t.Helper()
	u := out.(*types.User)
	assert.Equal(t, "u1", u.ID)
	assert.Equal(t, enums.UserTypeHuman, u.UserType)
	require.NotNil(t, u.Email)
	assert.Equal(t, "alice@example.test", *u.Email)
	require.Len(t, u.PersonalAccessTokens, 1)
	assert.Equal(t, "", u.PersonalAccessTokens[0].Token.Reveal())
}

const patJSON = `{"id":"pat1","token":"pat-SECRET-abc","token_id":"pat-SEC","name":"ci","user_type":"human","created_by_id":"u1"}`

func TestUserAndTokenOperationsOnTheWire(t *testing.T) {
	runWireCases(t, []wireCase{
		{name: "get_current_user", method: "GET", path: "/api/v2/users/me", resp: userJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetCurrentUser(ctx) }, check: checkUser},
		{name: "get_user_by_id", method: "GET", path: "/api/v2/users/u%2F1", resp: userJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetUserByID(ctx, "u/1") }, check: checkUser},
		{name: "GetUser alias", method: "GET", path: "/api/v2/users/u1", resp: userJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetUser(ctx, "u1") }, check: checkUser},
		{name: "list_users bare array with filters", method: "GET", path: "/api/v2/users", query: "user_state=all&user_type=agent",
			resp: `[` + userJSON + `,` + userJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListUsers(ctx, &ListUsersParams{UserState: Ptr(enums.UserStateOptionAll), UserType: Ptr(enums.UserTypeAgent)})
			}, check: func(t *testing.T, out any) { assert.Len(t, out.([]types.User), 2) }},
		{name: "list_users older page", method: "GET", path: "/api/v2/users", resp: `{"items":[` + userJSON + `],"total":1}`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListUsers(ctx, nil) },
			check: func(t *testing.T, out any) { assert.Len(t, out.([]types.User), 1) }},
		{name: "create_personal_access_token", method: "POST", path: "/api/v2/pat", query: "name=ci+bot",
			status: 201, resp: patJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.CreatePersonalAccessToken(ctx, "ci bot") },
			check: func(t *testing.T, out any) {
				p := out.(*types.PersonalAccessToken)
				assert.Equal(t, "pat-SECRET-abc", p.Token.Reveal())
				assert.Equal(t, "ci", *p.Name)
			}},
		{name: "create_agent_personal_access_token", method: "POST", path: "/api/v2/pat/agent", query: "name=agent-7",
			resp: `{"id":"pat2","token":"pat-AGENT","machine_user_id":"mu1","user_type":"agent"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAgentPersonalAccessToken(ctx, "agent-7")
			},
			check: func(t *testing.T, out any) {
				p := out.(*types.PersonalAccessToken)
				assert.Equal(t, "pat-AGENT", p.Token.Reveal())
				assert.Equal(t, "mu1", *p.MachineUserID)
			}},
		{name: "list_personal_access_tokens", method: "GET", path: "/api/v2/pat", query: "page=1&size=20&sort=-created",
			resp: `{"items":[{"id":"pat1","name":"ci","token":""}],"total":1,"page":1,"size":20,"pages":1}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListPersonalAccessTokens(ctx, &ListPersonalAccessTokensParams{PageOptions: PageOptions{Page: 1, Size: 20}, Sort: Ptr("-created")})
			}, check: func(t *testing.T, out any) {
				p := out.(*Page[types.PersonalAccessToken])
				require.Len(t, p.Items, 1)
				assert.Empty(t, p.Items[0].Token.Reveal())
			}},
		{name: "delete_personal_access_token", method: "DELETE", path: "/api/v2/pat/pat%201", status: 204,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeletePersonalAccessToken(ctx, "pat 1")
			}},
		{name: "revoke_all_personal_access_tokens", method: "DELETE", path: "/api/v2/pat", status: 204,
			call: func(ctx context.Context, c *Client) (any, error) { return nil, c.RevokeAllPersonalAccessTokens(ctx) }},
	})
}

func TestUserAndTokenValidationSendsNothing(t *testing.T) {
	noRequest(t, "name", func(ctx context.Context, c *Client) error {
		_, err := c.CreatePersonalAccessToken(ctx, "")
		return err
	})
	noRequest(t, "name", func(ctx context.Context, c *Client) error {
		_, err := c.CreateAgentPersonalAccessToken(ctx, "")
		return err
	})
	noRequest(t, "user_type", func(ctx context.Context, c *Client) error {
		_, err := c.ListUsers(ctx, &ListUsersParams{UserType: Ptr(enums.UserType("robot"))})
		return err
	})
	noRequest(t, "user_state", func(ctx context.Context, c *Client) error {
		_, err := c.ListUsers(ctx, &ListUsersParams{UserState: Ptr(enums.UserStateOption("ACTIVE"))})
		return err
	})
	noRequest(t, "size", func(ctx context.Context, c *Client) error {
		_, err := c.ListPersonalAccessTokens(ctx, &ListPersonalAccessTokensParams{PageOptions: PageOptions{Size: 101}})
		return err
	})
	noRequest(t, "pat_id", func(ctx context.Context, c *Client) error { return c.DeletePersonalAccessToken(ctx, "") })
}

const authJSON = `{"id":"ai1","auth_integration_type":"windchill","file":{"id":"f1","created":"2026-01-02T03:04:05Z",
	"revisions":[],"archive_status_history":[]}}`

func checkAuth(t *testing.T, out any) {
	t.Helper()
	a := out.(*types.AuthIntegration)
	assert.Equal(t, "ai1", a.ID)
	require.NotNil(t, a.File)
	assert.Equal(t, "f1", a.File.ID)
	assert.JSONEq(t, `"windchill"`, string(a.Extra["auth_integration_type"]))
}

func TestIntegrationAndUpstreamOperationsOnTheWire(t *testing.T) {
	rev := types.FileRevision{ID: "r1", Name: Ptr("reg"), Extension: Ptr("json")}
	runWireCases(t, []wireCase{
		{name: "create_app_integration", method: "POST", path: "/api/v2/app_integrations", body: `{"name":"plm"}`,
			resp: `{"id":"app1","name":"plm"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAppIntegration(ctx, &types.NewAppIntegration{Extra: map[string]json.RawMessage{"name": json.RawMessage(`"plm"`)}})
			}, check: func(t *testing.T, out any) {
				assert.JSONEq(t, `"app1"`, string(out.(*types.AppIntegration).Extra["id"]))
			}},
		{name: "list_app_integrations", method: "GET", path: "/api/v2/app_integrations", query: "size=50",
			resp: `{"items":[{"id":"app1"}],"total":1,"page":1,"size":50,"pages":1}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListAppIntegrations(ctx, &ListAppIntegrationsParams{PageOptions{Size: 50}})
			}, check: func(t *testing.T, out any) { assert.Len(t, out.(*Page[types.AppIntegration]).Items, 1) }},
		{name: "create_auth_integration", method: "POST", path: "/api/v2/app_integrations/authintegrations", resp: authJSON,
			body: `{"auth_integration_type":"windchill","app_integration_id":"app1","auth_type":"oauth2",
				"revision":{"id":"r1","created":null,"file_id":null,"name":"reg","extension":"json",
				"content_token":{"id":"","created":null,"sha":"","salt":""},
				"properties_token":{"id":"","created":null,"sha":"","salt":""},"archive_status_history":null}}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.createAuthIntegration(ctx, &types.NewAuthIntegration{AuthIntegrationType: enums.AuthIntegrationTypeWindchill,
					AppIntegrationID: "app1", AuthType: enums.FunctionAuthTypeOAuth2, Revision: rev})
			}, check: checkAuth},
		{name: "update_auth_integration", method: "PUT", path: "/api/v2/app_integrations/authintegrations/ai1", body: `{"auth_type":"basic"}`, resp: authJSON,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.updateAuthIntegration(ctx, "ai1", &types.AuthIntegrationUpdate{AuthType: Ptr(enums.FunctionAuthTypeBasic)})
			}, check: checkAuth},
		{name: "get_auth_integration", method: "GET", path: "/api/v2/app_integrations/authintegrations/ai%2F1", resp: authJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetAuthIntegration(ctx, "ai/1") }, check: checkAuth},
		{name: "list_auth_integrations", method: "GET", path: "/api/v2/app_integrations/authintegrations", resp: `[` + authJSON + `]`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListAuthIntegrations(ctx, nil) },
			check: func(t *testing.T, out any) { assert.Len(t, out.(*Page[types.AuthIntegration]).Items, 1) }},
		{name: "list_upstream_remotes", method: "GET", path: "/api/v2/upstream_remotes", query: "page=2",
			resp: `{"items":[{"id":"r1","url":"https://up"}],"total":11,"page":2,"size":10,"pages":2}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListUpstreamRemotes(ctx, &ListUpstreamRemotesParams{PageOptions{Page: 2}})
			}, check: func(t *testing.T, out any) {
				p := out.(*Page[types.UpstreamRemote])
				require.Len(t, p.Items, 1)
				assert.Equal(t, "https://up", p.Items[0].URL)
			}},
		{name: "sync_upstream_remotes", method: "POST", path: "/api/v2/upstream_remotes/sync", query: "remote_id=r1",
			body: `{"force":true}`, resp: `{"synced_remotes":1}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SyncUpstreamRemotes(ctx, &SyncUpstreamRemotesParams{Query: url.Values{"remote_id": {"r1"}}, Body: map[string]bool{"force": true}})
			}, check: func(t *testing.T, out any) {
				var v struct {
					Synced int `json:"synced_remotes"`
				}
				require.NoError(t, out.(*types.UpstreamRemoteSyncResult).Decode(&v))
				assert.Equal(t, 1, v.Synced)
			}},
		{name: "sync_upstream_remotes no body", method: "POST", path: "/api/v2/upstream_remotes/sync", status: 202,
			call: func(ctx context.Context, c *Client) (any, error) { return c.SyncUpstreamRemotes(ctx, nil) },
			check: func(t *testing.T, out any) {
				r := out.(*types.UpstreamRemoteSyncResult)
				assert.Empty(t, r.Raw)
				var v any
				require.NoError(t, r.Decode(&v))
				assert.Nil(t, v)
			}},
		{name: "check_upstream_remote_compatibility", method: "GET", path: "/api/v2/upstream_remotes/compatibility",
			resp: `[{"remote":"r1","compatible":false}]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.CheckUpstreamRemoteCompatibility(ctx, nil) },
			check: func(t *testing.T, out any) {
				var v []map[string]any
				require.NoError(t, out.(*types.UpstreamRemoteCompatibility).Decode(&v))
				assert.Equal(t, false, v[0]["compatible"])
			}},
	})
}

func TestIntegrationValidationSendsNothing(t *testing.T) {
	noRequest(t, "auth_integration_type", func(ctx context.Context, c *Client) error {
		_, err := c.createAuthIntegration(ctx, &types.NewAuthIntegration{AuthIntegrationType: "okta", AppIntegrationID: "a", AuthType: "basic",
			Revision: types.FileRevision{ID: "r"}})
		return err
	})
	noRequest(t, "revision.id", func(ctx context.Context, c *Client) error {
		_, err := c.createAuthIntegration(ctx, &types.NewAuthIntegration{AuthIntegrationType: "windchill", AppIntegrationID: "a", AuthType: "basic"})
		return err
	})
	noRequest(t, "auth_integration_type", func(ctx context.Context, c *Client) error {
		_, err := c.updateAuthIntegration(ctx, "ai1", &types.AuthIntegrationUpdate{AuthIntegrationType: Ptr(enums.AuthIntegrationType("x"))})
		return err
	})
}
