package istari

// This file holds the agents and agent pools wire operations: registration, heartbeats, status and pools.

import (
	"context"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// RegisterAgent registers an execution agent (Python Client.register_agent, operation register_agent).
func (c *Client) RegisterAgent(ctx context.Context, body *types.NewAgent) (*types.Agent, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "is required")
	}
	return invokeOne[types.Agent](ctx, c, request{op: ops.RegisterAgent, body: body})
}

// GetAgent fetches an agent (Python Client.get_agent, operation get_agent).
func (c *Client) GetAgent(ctx context.Context, agentID string) (*types.Agent, error) {
	return invokeOne[types.Agent](ctx, c, request{op: ops.GetAgent, path: []string{agentID}})
}

// ListAgentsParams are the filters of ListAgents. Nil fields are not sent.
//
// Python: the keyword arguments of Client.list_agents.
type ListAgentsParams struct {
	PageOptions
	AgentVersion  *string                `query:"agent_version"`
	HostOS        *string                `query:"host_os"`
	UpdatedSince  *time.Time             `query:"updated_since"`
	ModuleName    *string                `query:"module_name"`
	ModuleVersion *string                `query:"module_version"`
	StatusName    *enums.AgentStatusName `query:"status_name"`
	TenantID      *string                `query:"tenant_id"`
	// AllTenants lists the agents of every tenant (customer administrators).
	AllTenants *bool `query:"all_tenants"`
	// InAgentPools keeps agents that are (true) or are not (false) members of an active pool.
	InAgentPools  *bool                `query:"in_agent_pools"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
	Sort          *string              `query:"sort"`
}

// ListAgents lists agents page by page (Python Client.list_agents, operation list_agents).
func (c *Client) ListAgents(ctx context.Context, params *ListAgentsParams) (*Page[types.Agent], error) {
	return listPage[types.Agent](ctx, c, ops.ListAgents, nil, params)
}

// UpdateAgentDisplayName renames an agent (Python Client.update_agent_display_name, operation
// update_agent_display_name).
func (c *Client) UpdateAgentDisplayName(ctx context.Context, agentID string, body *types.NewAgentDisplayName) (*types.Agent, error) {
	return invokeOne[types.Agent](ctx, c, request{op: ops.UpdateAgentDisplayName, path: []string{agentID}, body: body})
}

// UpdateAgentStatus appends a status to an agent's history (Python Client.update_agent_status, operation
// update_agent_status).
func (c *Client) UpdateAgentStatus(ctx context.Context, agentID string, body *types.NewAgentStatus) (*types.Agent, error) {
	return invokeOne[types.Agent](ctx, c, request{op: ops.UpdateAgentStatus, path: []string{agentID}, body: body})
}

// UpdateAgentInformation records an agent's version and host (Python Client.update_agent_information,
// operation update_agent_information).
func (c *Client) UpdateAgentInformation(ctx context.Context, agentID string, body *types.NewAgentInformation) (*types.Agent, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "is required")
	}
	return invokeOne[types.Agent](ctx, c, request{op: ops.UpdateAgentInformation, path: []string{agentID}, body: body})
}

// UpdateAgentModules records the module versions an agent has installed (Python Client.update_agent_modules,
// operation update_agent_modules). The body is a JSON array; nil is sent as [].
func (c *Client) UpdateAgentModules(ctx context.Context, agentID string, modules []types.NewAgentModuleVersion) (*types.Agent, error) {
	if modules == nil {
		modules = []types.NewAgentModuleVersion{}
	}
	return invokeOne[types.Agent](ctx, c, request{op: ops.UpdateAgentModules, path: []string{agentID}, body: modules})
}

// ListAgentStatusHistoryParams are the paging and sort options of ListAgentStatusHistory.
//
// Python: the keyword arguments of Client.list_agent_status_history.
type ListAgentStatusHistoryParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListAgentStatusHistory lists an agent's status entries page by page (Python
// Client.list_agent_status_history, operation list_agent_status_history).
func (c *Client) ListAgentStatusHistory(ctx context.Context, agentID string, params *ListAgentStatusHistoryParams) (*Page[types.AgentStatus], error) {
	return listPage[types.AgentStatus](ctx, c, ops.ListAgentStatusHistory, []string{agentID}, params)
}

// ArchiveAgent archives an agent: it claims no new jobs, running jobs continue (Python Client.archive_agent,
// operation archive_agent). reason nil sends no body.
func (c *Client) ArchiveAgent(ctx context.Context, agentID string, reason *string) (*types.Agent, error) {
	return archiveCall[types.Agent](ctx, c, ops.ArchiveAgent, agentID, reason)
}

// RestoreAgent restores an archived agent (Python Client.restore_agent, operation restore_agent). reason nil
// sends no body.
func (c *Client) RestoreAgent(ctx context.Context, agentID string, reason *string) (*types.Agent, error) {
	return archiveCall[types.Agent](ctx, c, ops.RestoreAgent, agentID, reason)
}

// CreateAgentPool creates an agent pool (Python Client.create_agent_pool, operation create_agent_pool).
func (c *Client) CreateAgentPool(ctx context.Context, body *types.NewAgentPool) (*types.AgentPool, error) {
	return invokeOne[types.AgentPool](ctx, c, request{op: ops.CreateAgentPool, body: body})
}

// GetAgentPool fetches an agent pool (Python Client.get_agent_pool, operation get_agent_pool).
func (c *Client) GetAgentPool(ctx context.Context, agentPoolID string) (*types.AgentPool, error) {
	return invokeOne[types.AgentPool](ctx, c, request{op: ops.GetAgentPool, path: []string{agentPoolID}})
}

// ListAgentPoolsParams are the filters of ListAgentPools. Nil fields are not sent.
//
// Python: the keyword arguments of Client.list_agent_pools.
type ListAgentPoolsParams struct {
	PageOptions
	// AllUsers lists the pools of every user (administrators).
	AllUsers      *bool                `query:"all_users"`
	ArchiveStatus *enums.ArchiveStatus `query:"archive_status"`
	Sort          *string              `query:"sort"`
}

// ListAgentPools lists agent pools page by page (Python Client.list_agent_pools, operation list_agent_pools).
func (c *Client) ListAgentPools(ctx context.Context, params *ListAgentPoolsParams) (*Page[types.AgentPool], error) {
	return listPage[types.AgentPool](ctx, c, ops.ListAgentPools, nil, params)
}

// UpdateAgentPool renames or re-describes an agent pool (Python Client.update_agent_pool, operation
// update_agent_pool). The body reuses the create type.
func (c *Client) UpdateAgentPool(ctx context.Context, agentPoolID string, body *types.NewAgentPool) (*types.AgentPool, error) {
	return invokeOne[types.AgentPool](ctx, c, request{op: ops.UpdateAgentPool, path: []string{agentPoolID}, body: body})
}

// DeleteAgentPool deletes an agent pool (Python Client.delete_agent_pool, operation delete_agent_pool). Its
// registry behaviour is unconfirmed; ArchiveAgentPool is the documented soft delete.
func (c *Client) DeleteAgentPool(ctx context.Context, agentPoolID string) error {
	return c.invoke(ctx, request{op: ops.DeleteAgentPool, path: []string{agentPoolID}})
}

// ArchiveAgentPool archives an agent pool; jobs routed to it wait until it is restored (Python
// Client.archive_agent_pool, operation archive_agent_pool). reason nil sends no body.
func (c *Client) ArchiveAgentPool(ctx context.Context, agentPoolID string, reason *string) (*types.AgentPool, error) {
	return archiveCall[types.AgentPool](ctx, c, ops.ArchiveAgentPool, agentPoolID, reason)
}

// RestoreAgentPool restores an archived agent pool (Python Client.restore_agent_pool, operation
// restore_agent_pool). reason nil sends no body.
func (c *Client) RestoreAgentPool(ctx context.Context, agentPoolID string, reason *string) (*types.AgentPool, error) {
	return archiveCall[types.AgentPool](ctx, c, ops.RestoreAgentPool, agentPoolID, reason)
}

// ListAgentPoolAgentsParams are the paging options of ListAgentPoolAgents.
//
// Python: the keyword arguments of Client.list_agent_pool_agents.
type ListAgentPoolAgentsParams struct {
	PageOptions
}

// ListAgentPoolUsersParams are the paging options of ListAgentPoolUsers.
//
// Python: the keyword arguments of Client.list_agent_pool_users.
type ListAgentPoolUsersParams struct {
	PageOptions
}

// ListAgentPoolAgents lists the agent memberships of a pool page by page (Python
// Client.list_agent_pool_agents, operation list_agent_pool_agents).
func (c *Client) ListAgentPoolAgents(ctx context.Context, agentPoolID string, params *ListAgentPoolAgentsParams) (*Page[types.AgentPoolAgentMembershipWithAgent], error) {
	return listPage[types.AgentPoolAgentMembershipWithAgent](ctx, c, ops.ListAgentPoolAgents, []string{agentPoolID}, params)
}

// ListAgentPoolUsers lists the user memberships of a pool page by page (Python Client.list_agent_pool_users,
// operation list_agent_pool_users).
func (c *Client) ListAgentPoolUsers(ctx context.Context, agentPoolID string, params *ListAgentPoolUsersParams) (*Page[types.AgentPoolUserMembershipWithUser], error) {
	return listPage[types.AgentPoolUserMembershipWithUser](ctx, c, ops.ListAgentPoolUsers, []string{agentPoolID}, params)
}
