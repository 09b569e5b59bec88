package istari

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAgentsLifecycleAgainstTheFake(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	before := time.Now().Add(-time.Second)
	a, err := c.RegisterAgent(ctx, &types.NewAgent{AgentVersion: "9.1", HostOS: "Ubuntu 22.04"})
	require.NoError(t, err)
	b, err := c.RegisterAgent(ctx, &types.NewAgent{AgentVersion: "9.2", HostOS: "Windows 11"})
	require.NoError(t, err)
	st, ok := a.Status()
	require.True(t, ok)
	assert.Equal(t, enums.AgentStatusNameIdle, st.Name)

	got, err := c.UpdateAgentDisplayName(ctx, a.ID, &types.NewAgentDisplayName{DisplayName: "runner-1"})
	require.NoError(t, err)
	assert.Equal(t, "runner-1", got.DisplayName())
	got, err = c.UpdateAgentStatus(ctx, a.ID, &types.NewAgentStatus{Name: enums.AgentStatusNameExecutingJob})
	require.NoError(t, err)
	st, _ = got.Status()
	assert.Equal(t, enums.AgentStatusNameExecutingJob, st.Name)
	got, err = c.UpdateAgentInformation(ctx, a.ID, &types.NewAgentInformation{AgentVersion: "9.3", HostOS: "Ubuntu 24.04"})
	require.NoError(t, err)
	assert.Len(t, got.InformationHistory, 2)
	got, err = c.UpdateAgentModules(ctx, a.ID, []types.NewAgentModuleVersion{{ModuleName: "cad", ModuleVersion: "2"}})
	require.NoError(t, err)
	assert.Len(t, got.ModulesHistory, 1)

	hist, err := c.ListAgentStatusHistory(ctx, a.ID, nil)
	require.NoError(t, err)
	require.Len(t, hist.Items, 2)
	assert.Equal(t, enums.AgentStatusNameExecutingJob, hist.Items[1].Name)

	ids := func(p *Page[types.Agent], err error) []string {
		t.Helper()
		require.NoError(t, err)
		var out []string
		for _, x := range p.Items {
			out = append(out, x.ID)
		}
		return out
	}
	assert.Equal(t, []string{a.ID, b.ID}, ids(c.ListAgents(ctx, nil)))
	assert.Equal(t, []string{a.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{AgentVersion: Ptr("9.3")})))
	assert.Equal(t, []string{b.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{HostOS: Ptr("Windows 11")})))
	assert.Equal(t, []string{a.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{StatusName: Ptr(enums.AgentStatusNameExecutingJob)})))
	assert.Equal(t, []string{a.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{ModuleName: Ptr("cad"), ModuleVersion: Ptr("2")})))
	assert.Equal(t, []string{a.ID, b.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{UpdatedSince: &before})))
	future := time.Now().Add(time.Hour)
	assert.Empty(t, ids(c.ListAgents(ctx, &ListAgentsParams{UpdatedSince: &future})))

	pool, err := c.CreateAgentPool(ctx, &types.NewAgentPool{Name: "gpu", Description: Ptr("big boxes")})
	require.NoError(t, err)
	require.NoError(t, srv.AddAgentToPool(pool.ID, a.ID))
	assert.Equal(t, []string{a.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{InAgentPools: Ptr(true)})))
	assert.Equal(t, []string{b.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{InAgentPools: Ptr(false)})))
	members, err := c.ListAgentPoolAgents(ctx, pool.ID, nil)
	require.NoError(t, err)
	require.Len(t, members.Items, 1)
	assert.Equal(t, a.ID, members.Items[0].AgentID)
	require.NotNil(t, members.Items[0].Agent)
	assert.Equal(t, a.ID, members.Items[0].Agent.ID)
	users, err := c.ListAgentPoolUsers(ctx, pool.ID, nil)
	require.NoError(t, err)
	require.Len(t, users.Items, 1)
	assert.Equal(t, srv.Owner().ID, users.Items[0].UserID)

	archived, err := c.ArchiveAgent(ctx, b.ID, Ptr("retired"))
	require.NoError(t, err)
	assert.Contains(t, string(archived.ArchiveStatus), `"Archived"`)
	assert.Equal(t, []string{a.ID}, ids(c.ListAgents(ctx, nil)))
	assert.Equal(t, []string{b.ID}, ids(c.ListAgents(ctx, &ListAgentsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})))
	_, err = c.RestoreAgent(ctx, b.ID, nil)
	require.NoError(t, err)
	_, err = c.RestoreAgent(ctx, b.ID, nil)
	requireAPIStatus(t, err, http.StatusBadRequest, "Agent is not archived")
	_, err = c.GetAgent(ctx, "nobody")
	requireAPIStatus(t, err, http.StatusNotFound, "Agent not found")
}

func TestAgentPoolsAgainstTheFake(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	p, err := c.CreateAgentPool(ctx, &types.NewAgentPool{Name: "gpu"})
	require.NoError(t, err)
	q, err := c.CreateAgentPool(ctx, &types.NewAgentPool{Name: "cpu"})
	require.NoError(t, err)
	got, err := c.UpdateAgentPool(ctx, p.ID, &types.NewAgentPool{Name: "gpu-2", Description: Ptr("renamed")})
	require.NoError(t, err)
	assert.JSONEq(t, `"gpu-2"`, string(got.Extra["name"]))
	got, err = c.GetAgentPool(ctx, p.ID)
	require.NoError(t, err)
	assert.JSONEq(t, `"renamed"`, string(got.Extra["description"]))

	names := func(pg *Page[types.AgentPool], err error) []string {
		t.Helper()
		require.NoError(t, err)
		var out []string
		for _, x := range pg.Items {
			out = append(out, x.ID)
		}
		return out
	}
	_, err = c.ArchiveAgentPool(ctx, q.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{p.ID}, names(c.ListAgentPools(ctx, nil)))
	assert.Equal(t, []string{p.ID, q.ID}, names(c.ListAgentPools(ctx, &ListAgentPoolsParams{ArchiveStatus: Ptr(enums.ArchiveStatusAll)})))
	_, err = c.RestoreAgentPool(ctx, q.ID, Ptr("needed again"))
	require.NoError(t, err)

	// A stranger sees neither pool, even with all_users (not an administrator).
	stranger := srv.AddUser("stranger")
	sc, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(stranger.Token)})
	require.NoError(t, err)
	defer sc.Close()
	assert.Empty(t, names(sc.ListAgentPools(ctx, &ListAgentPoolsParams{AllUsers: Ptr(true)})))
	require.ErrorIs(t, sc.DeleteAgentPool(ctx, p.ID), ErrNotFound)

	require.NoError(t, c.DeleteAgentPool(ctx, p.ID)) // the registry's DELETE archives the pool
	gone, err := c.GetAgentPool(ctx, p.ID)
	require.NoError(t, err)
	require.Contains(t, string(gone.Extra["archive_status_history"]), `"Archived"`)
	assert.Equal(t, []string{q.ID}, names(c.ListAgentPools(ctx, nil)))
}

func TestModulesToolsAndFunctionsAgainstTheFake(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	extract := srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:extract", ToolName: "cad", ToolVersion: "7",
		OperatingSystems: []string{"Windows 11"}, InputExtensions: []string{".step"}})
	srv.RegisterFunction(istaritest.FunctionSpec{Name: "@istari:mesh", ToolName: "fem", OperatingSystems: []string{"Ubuntu 22.04"}})

	fnIDs := func(p *Page[types.FunctionVersion], err error) []string {
		t.Helper()
		require.NoError(t, err)
		var out []string
		for _, f := range p.Items {
			out = append(out, f.ID)
		}
		return out
	}
	assert.Len(t, fnIDs(c.ListFunctions(ctx, nil)), 2)
	assert.Equal(t, []string{extract}, fnIDs(c.ListFunctions(ctx, &ListFunctionsParams{Name: Ptr("@istari:extract")})))
	assert.Equal(t, []string{extract}, fnIDs(c.ListFunctions(ctx, &ListFunctionsParams{Tool: Ptr("cad"), ToolVersion: Ptr("7")})))
	assert.Equal(t, []string{extract}, fnIDs(c.ListFunctions(ctx, &ListFunctionsParams{InputExtension: Ptr("step"), OperatingSystem: Ptr("Windows 11")})))
	assert.Empty(t, fnIDs(c.ListFunctions(ctx, &ListFunctionsParams{OperatingSystem: Ptr("RHEL 8")})))

	fn, err := c.GetFunction(ctx, extract)
	require.NoError(t, err)
	assert.Equal(t, "@istari:extract", fn.Name)
	assert.JSONEq(t, `["step"]`, string(fn.Extra["input_extensions"]))

	tools, err := c.ListTools(ctx, &ListToolsParams{Include: []enums.ToolInclude{enums.ToolIncludeFunctions}})
	require.NoError(t, err)
	require.Len(t, tools.Items, 2)
	assert.Equal(t, "cad", tools.Items[0].Name)
	assert.Contains(t, string(tools.Items[0].Extra["functions"]), extract)
	plain, err := c.ListTools(ctx, nil)
	require.NoError(t, err)
	assert.NotContains(t, plain.Items[0].Extra, "functions")

	tool, err := c.CreateTool(ctx, &types.NewTool{Name: "cam", ToolVersions: []types.NewToolVersion{{ToolVersion: "1"}}})
	require.NoError(t, err)
	_, err = c.CreateTool(ctx, &types.NewTool{Name: "cam"})
	require.ErrorIs(t, err, ErrConflict)
	tv, err := c.CreateToolVersions(ctx, tool.ID, &types.NewToolVersion{ToolVersion: "2"})
	require.NoError(t, err)
	_, err = c.CreateToolVersions(ctx, tool.ID, &types.NewToolVersion{ToolVersion: "2"})
	require.ErrorIs(t, err, ErrConflict)
	gotTV, err := c.GetToolVersion(ctx, tv.ID)
	require.NoError(t, err)
	assert.JSONEq(t, `"2"`, string(gotTV.Extra["tool_version"]))
	gotTool, err := c.GetTool(ctx, tool.ID)
	require.NoError(t, err)
	assert.Equal(t, "cam", gotTool.Name)
	versions, err := c.ListToolVersions(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, versions.Items, 3) // cad 7, cam 1, cam 2

	mods, err := c.ListModules(ctx, &ListModulesParams{Name: Ptr("@istari")})
	require.NoError(t, err)
	require.Len(t, mods.Items, 1)
	require.Len(t, mods.Items[0].ModuleVersions, 1)
	var modID, mvID string
	require.NoError(t, json.Unmarshal(mods.Items[0].Extra["id"], &modID))
	mvID = mods.Items[0].ModuleVersions[0].ID
	mod, err := c.GetModule(ctx, modID)
	require.NoError(t, err)
	assert.JSONEq(t, `"@istari"`, string(mod.Extra["name"]))
	mv, err := c.GetModuleVersion(ctx, mvID)
	require.NoError(t, err)
	assert.Contains(t, string(mv.Extra["functions"]), extract)
	mvs, err := c.ListModuleVersions(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, mvs.Items, 1)

	_, err = c.CreateModule(ctx, &types.NewModule{Extra: map[string]json.RawMessage{
		"name": json.RawMessage(`"@istari"`), "tool_name": json.RawMessage(`"other"`)}})
	requireAPIStatus(t, err, http.StatusBadRequest, "Module tool cad does not match manifest tool other")
	created, err := c.CreateModule(ctx, &types.NewModule{Extra: map[string]json.RawMessage{
		"name": json.RawMessage(`"@acme"`), "version": json.RawMessage(`"0.1.0"`), "author": json.RawMessage(`"Acme"`),
		"functions": json.RawMessage(`[{"name":"@acme:check","operating_systems":["RHEL 8"]}]`)}})
	require.NoError(t, err)
	assert.JSONEq(t, `"@acme"`, string(created.Extra["name"]))
	require.Len(t, created.ModuleVersions, 1)
	assert.Len(t, fnIDs(c.ListFunctions(ctx, &ListFunctionsParams{Name: Ptr("@acme:check")})), 1)

	oses, err := c.ListOperatingSystems(ctx, nil)
	require.NoError(t, err)
	var osNames []string
	for _, o := range oses.Items {
		osNames = append(osNames, o.Name)
	}
	assert.Equal(t, []string{"Windows 11", "Ubuntu 22.04", "RHEL 8"}, osNames)
	authors, err := c.ListAuthors(ctx, nil)
	require.NoError(t, err)
	require.Len(t, authors.Items, 2)
	assert.Equal(t, "Acme", authors.Items[1].Name)
}

func TestFunctionAuthSecretsAgainstTheFake(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	newSecret := func(typ enums.FunctionAuthType) *types.FunctionAuthSecret {
		rev := srv.SeedJobParameters([]byte("encrypted"))
		s, err := c.createFunctionAuthSecret(ctx, &types.NewFunctionAuthSecret{Revision: rev, FunctionAuthType: typ, SHA: "plain-sha", Salt: "plain-salt"})
		require.NoError(t, err)
		require.NotNil(t, s.Revision)
		assert.Equal(t, rev.ID, s.Revision.ID)
		return s
	}
	id := func(s types.FunctionAuthSecret) string {
		var v string
		require.NoError(t, json.Unmarshal(s.Extra["id"], &v))
		return v
	}
	first := newSecret(enums.FunctionAuthTypeBasic)
	second := newSecret(enums.FunctionAuthTypeBasic)
	third := newSecret(enums.FunctionAuthTypeOAuth2)

	all, err := c.ListFunctionAuthSecrets(ctx, nil)
	require.NoError(t, err)
	require.Len(t, all, 3)
	assert.Equal(t, id(*first), id(all[0]))
	basic, err := c.ListFunctionAuthSecrets(ctx, &ListFunctionAuthSecretsParams{FunctionAuthType: Ptr(enums.FunctionAuthTypeBasic), Latest: Ptr(true)})
	require.NoError(t, err)
	require.Len(t, basic, 1)
	assert.Equal(t, id(*second), id(basic[0]))

	got, err := c.GetFunctionAuthSecret(ctx, id(*third))
	require.NoError(t, err)
	assert.JSONEq(t, `"plain-sha"`, string(got.Extra["sha"]))

	stranger := srv.AddUser("stranger")
	sc, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(stranger.Token)})
	require.NoError(t, err)
	defer sc.Close()
	_, err = sc.GetFunctionAuthSecret(ctx, id(*third))
	require.ErrorIs(t, err, ErrNotFound)
	mine, err := sc.ListFunctionAuthSecrets(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, mine)
}
