package istaritest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/query"
	"github.com/istari-sdk/istari-go/types"
)

type agentRec struct {
	ID           string
	Created      time.Time
	Updated      time.Time
	OwnerID      string
	TenantID     string
	DisplayNames []types.AgentDisplayName
	Info         []types.AgentInformation
	Status       []types.AgentStatus
	Modules      []json.RawMessage // each entry: the array body of one update_agent_modules
	Archive      []types.ArchiveStatusEntry
}

type poolRec struct {
	ID          string
	Name        string
	Description *string
	Created     time.Time
	OwnerID     string
	Archive     []types.ArchiveStatusEntry
	Agents      []string // agent ids, in joining order
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.RegisterAgent:          registerAgent,
		ops.GetAgent:               getAgent,
		ops.ListAgents:             listAgents,
		ops.UpdateAgentDisplayName: updateAgentDisplayName,
		ops.UpdateAgentStatus:      updateAgentStatus,
		ops.UpdateAgentInformation: updateAgentInformation,
		ops.UpdateAgentModules:     updateAgentModules,
		ops.ListAgentStatusHistory: listAgentStatusHistory,
		ops.ArchiveAgent:           func(s *Server, w http.ResponseWriter, r *http.Request, c *call) { setAgentArchive(s, w, c, true) },
		ops.RestoreAgent:           func(s *Server, w http.ResponseWriter, r *http.Request, c *call) { setAgentArchive(s, w, c, false) },
		ops.CreateAgentPool:        createAgentPool,
		ops.GetAgentPool:           getAgentPool,
		ops.ListAgentPools:         listAgentPools,
		ops.UpdateAgentPool:        updateAgentPool,
		ops.ArchiveAgentPool:       func(s *Server, w http.ResponseWriter, r *http.Request, c *call) { setPoolArchive(s, w, c, true) },
		ops.RestoreAgentPool:       func(s *Server, w http.ResponseWriter, r *http.Request, c *call) { setPoolArchive(s, w, c, false) },
		ops.ListAgentPoolAgents:    listAgentPoolAgents,
		ops.ListAgentPoolUsers:     listAgentPoolUsers,
	})
}

// newAgentLocked registers an agent owned by owner, Idle.
func (s *Server) newAgentLocked(owner *User, body types.NewAgent) *agentRec {
	a := &agentRec{ID: newID(), Created: now(), OwnerID: owner.ID, TenantID: owner.TenantID}
	a.Updated = a.Created
	a.Info = []types.AgentInformation{{AgentVersion: body.AgentVersion, HostOS: body.HostOS, APIHashes: body.APIHashes}}
	a.Archive = []types.ArchiveStatusEntry{activeEntry(owner.ID, "resource", a.ID)}
	s.jobs.agents[a.ID] = a
	s.jobs.agentOrder = append(s.jobs.agentOrder, a.ID)
	s.grantLocked(a.ID, owner.ID, "owner")
	s.addAgentStatusLocked(a, owner.ID, enums.AgentStatusNameIdle)
	return a
}

func (s *Server) addAgentStatusLocked(a *agentRec, by string, name enums.AgentStatusName) {
	a.Status = append(a.Status, types.AgentStatus{Name: name, Extra: agentExtra(map[string]any{
		"id": newID(), "created": types.Timestamp{Time: now()}, "agent_id": a.ID, "created_by_id": by,
	})})
	a.Updated = now()
}

func (s *Server) renderAgentLocked(a *agentRec) types.Agent {
	var pools []string
	for _, id := range s.jobs.poolOrder {
		if slices.Contains(s.jobs.pools[id].Agents, a.ID) {
			pools = append(pools, id)
		}
	}
	if pools == nil {
		pools = []string{}
	}
	raw := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	modules := slices.Clone(a.Modules)
	if modules == nil {
		modules = []json.RawMessage{}
	}
	return types.Agent{
		ID: a.ID, Created: types.Timestamp{Time: a.Created},
		DisplayNameHistory: slices.Clone(a.DisplayNames), InformationHistory: slices.Clone(a.Info),
		StatusHistory: slices.Clone(a.Status), ModulesHistory: modules,
		AgentPools: raw(pools), ArchiveStatus: raw(a.Archive[len(a.Archive)-1]), CreatedByID: ptr(a.OwnerID),
		CompatibilityStatus: raw("compatible"), IncompatibleTags: raw([]string{}), DeprecatedTags: raw([]string{}),
		Extra: agentExtra(map[string]any{"tenant_id": a.TenantID, "updated": types.Timestamp{Time: a.Updated}}),
	}
}

// agentFor looks an agent up and checks the caller's relation (tenant users see their tenant's agents).
func (s *Server) agentFor(w http.ResponseWriter, c *call, need string) *agentRec {
	a := s.jobs.agents[c.param("agent_id")]
	if a == nil || (a.TenantID != c.user.TenantID && !c.user.Admin) {
		writeDetail(w, http.StatusNotFound, "Agent not found")
		return nil
	}
	if need != "viewer" && denyStatus(w, s.allowLocked(a.ID, c.user, need)) {
		return nil
	}
	return a
}

func registerAgent(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgent
	if !c.decode(w, &body) {
		return
	}
	if body.AgentVersion == "" || body.HostOS == "" {
		writeValidation(w, []string{"body", "agent_version"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.renderAgentLocked(s.newAgentLocked(c.user, body)))
}

func getAgent(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "viewer"); a != nil {
		writeJSON(w, http.StatusOK, s.renderAgentLocked(a))
	}
}

func listAgents(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	if !jobsArchiveFilterOK(w, q.Get("archive_status")) {
		return
	}
	var since time.Time
	if v := q.Get("updated_since"); v != "" {
		t, err := time.Parse(query.TimeLayout, v)
		if err != nil {
			if t, err = time.Parse(time.RFC3339Nano, v); err != nil {
				writeValidation(w, []string{"query", "updated_since"}, "Input should be a valid datetime", "datetime_parsing")
				return
			}
		}
		since = t
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := func(a *agentRec) bool {
		info := a.Info[len(a.Info)-1]
		inPool := false
		for _, pid := range s.jobs.poolOrder {
			if p := s.jobs.pools[pid]; !isArchived(p.Archive) && slices.Contains(p.Agents, a.ID) {
				inPool = true
			}
		}
		tenantOK := a.TenantID == c.user.TenantID || (q.Get("all_tenants") == "true" && c.user.Admin)
		return tenantOK && jobsArchiveMatches(a.Archive, q.Get("archive_status")) &&
			(q.Get("tenant_id") == "" || a.TenantID == q.Get("tenant_id")) &&
			(q.Get("agent_version") == "" || info.AgentVersion == q.Get("agent_version")) &&
			(q.Get("host_os") == "" || info.HostOS == q.Get("host_os")) &&
			(q.Get("status_name") == "" || string(a.Status[len(a.Status)-1].Name) == q.Get("status_name")) &&
			(q.Get("in_agent_pools") == "" || inPool == (q.Get("in_agent_pools") == "true")) &&
			(since.IsZero() || !a.Updated.Before(since)) &&
			agentHasModule(a, q.Get("module_name"), q.Get("module_version"))
	}
	writeOrderedPage(w, r, listFiltered(s.jobs.agentOrder, s.jobs.agents, keep, s.renderAgentLocked))
}

// agentHasModule checks the module filters against the agent's newest modules entry (items with the
// module_name and module_version keys of NewAgentModuleVersion).
func agentHasModule(a *agentRec, name, version string) bool {
	if name == "" && version == "" {
		return true
	}
	if len(a.Modules) == 0 {
		return false
	}
	var items []struct {
		Name    string `json:"module_name"`
		Version string `json:"module_version"`
	}
	_ = json.Unmarshal(a.Modules[len(a.Modules)-1], &items)
	for _, it := range items {
		if (name == "" || it.Name == name) && (version == "" || it.Version == version) {
			return true
		}
	}
	return false
}

func updateAgentDisplayName(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgentDisplayName
	if !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "editor"); a != nil {
		a.DisplayNames = append(a.DisplayNames, types.AgentDisplayName{DisplayName: body.DisplayName,
			Extra: agentExtra(map[string]any{"id": newID(), "created": types.Timestamp{Time: now()}})})
		a.Updated = now()
		writeJSON(w, http.StatusOK, s.renderAgentLocked(a))
	}
}

func updateAgentStatus(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgentStatus
	if !c.decode(w, &body) {
		return
	}
	if !body.Name.Valid() {
		writeValidation(w, []string{"body", "name"}, "Input should be a valid AgentStatusName", "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "editor"); a != nil {
		s.addAgentStatusLocked(a, c.user.ID, body.Name)
		writeJSON(w, http.StatusOK, s.renderAgentLocked(a))
	}
}

func updateAgentInformation(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgentInformation
	if !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "editor"); a != nil {
		a.Info = append(a.Info, types.AgentInformation{AgentVersion: body.AgentVersion, HostOS: body.HostOS, APIHashes: body.APIHashes})
		a.Updated = now()
		writeJSON(w, http.StatusOK, s.renderAgentLocked(a))
	}
}

func updateAgentModules(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body []json.RawMessage
	if !c.decode(w, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "editor"); a != nil {
		b, _ := json.Marshal(body)
		a.Modules = append(a.Modules, b)
		a.Updated = now()
		writeJSON(w, http.StatusOK, s.renderAgentLocked(a))
	}
}

func listAgentStatusHistory(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.agentFor(w, c, "viewer"); a != nil {
		writeOrderedPage(w, r, slices.Clone(a.Status))
	}
}

func setAgentArchive(s *Server, w http.ResponseWriter, c *call, archive bool) {
	archiveFlip(s, w, c, archiveTarget(archive), "Agent", func() *agentRec { return s.agentFor(w, c, "owner") },
		func(a *agentRec) (*[]types.ArchiveStatusEntry, string) { return &a.Archive, a.ID }, s.renderAgentLocked)
}

func (s *Server) renderPoolLocked(p *poolRec) types.AgentPool {
	fields := map[string]any{
		"name": p.Name, "created": types.Timestamp{Time: p.Created}, "created_by_id": p.OwnerID,
		"archive_status_history": p.Archive, "agent_ids": append([]string{}, p.Agents...),
	}
	if p.Description != nil {
		fields["description"] = *p.Description
	}
	return types.AgentPool{ID: p.ID, Extra: agentExtra(fields)}
}

func (s *Server) poolFor(w http.ResponseWriter, c *call, need string) *poolRec {
	return lookupAllowed(s, w, s.jobs.pools[c.param("agent_pool_id")], "Agent pool not found", func(p *poolRec) string { return p.ID }, c.user, need)
}

func createAgentPool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgentPool
	if !c.decode(w, &body) {
		return
	}
	if body.Name == "" {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &poolRec{ID: newID(), Name: body.Name, Description: body.Description, Created: now(), OwnerID: c.user.ID}
	p.Archive = []types.ArchiveStatusEntry{activeEntry(c.user.ID, "resource", p.ID)}
	s.jobs.pools[p.ID] = p
	s.jobs.poolOrder = append(s.jobs.poolOrder, p.ID)
	s.grantLocked(p.ID, c.user.ID, "owner")
	writeJSON(w, http.StatusOK, s.renderPoolLocked(p))
}

func getAgentPool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.poolFor(w, c, "viewer"); p != nil {
		writeJSON(w, http.StatusOK, s.renderPoolLocked(p))
	}
}

func listAgentPools(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	if !jobsArchiveFilterOK(w, q.Get("archive_status")) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := func(p *poolRec) bool {
		visible := s.acl[p.ID][c.user.ID] != "" || (q.Get("all_users") == "true" && c.user.Admin)
		return visible && jobsArchiveMatches(p.Archive, q.Get("archive_status"))
	}
	writeOrderedPage(w, r, listFiltered(s.jobs.poolOrder, s.jobs.pools, keep, s.renderPoolLocked))
}

func updateAgentPool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewAgentPool
	if !c.decode(w, &body) {
		return
	}
	if body.Name == "" {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.poolFor(w, c, "editor"); p != nil {
		p.Name, p.Description = body.Name, body.Description
		writeJSON(w, http.StatusOK, s.renderPoolLocked(p))
	}
}

func setPoolArchive(s *Server, w http.ResponseWriter, c *call, archive bool) {
	archiveFlip(s, w, c, archiveTarget(archive), "Agent pool", func() *poolRec { return s.poolFor(w, c, "owner") },
		func(p *poolRec) (*[]types.ArchiveStatusEntry, string) { return &p.Archive, p.ID }, s.renderPoolLocked)
}

func listAgentPoolAgents(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.poolFor(w, c, "viewer")
	if p == nil {
		return
	}
	out := []types.AgentPoolAgentMembershipWithAgent{}
	for _, id := range p.Agents {
		agent := s.renderAgentLocked(s.jobs.agents[id])
		out = append(out, types.AgentPoolAgentMembershipWithAgent{AgentPoolID: p.ID, AgentID: id, Agent: &agent})
	}
	writePage(w, r, out)
}

func listAgentPoolUsers(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.poolFor(w, c, "viewer")
	if p == nil {
		return
	}
	out := []types.AgentPoolUserMembershipWithUser{}
	for _, u := range s.userByID {
		rel := s.acl[p.ID][u.ID]
		if rel == "" {
			continue
		}
		out = append(out, types.AgentPoolUserMembershipWithUser{AgentPoolID: p.ID, UserID: u.ID, Relation: rel,
			Extra: agentExtra(map[string]any{"user": map[string]string{"id": u.ID, "user_name": u.Name, "email": u.Email}})})
	}
	slices.SortFunc(out, func(a, b types.AgentPoolUserMembershipWithUser) int { return strings.Compare(a.UserID, b.UserID) })
	writePage(w, r, out)
}

// AddAgentToPool makes an agent a member of a pool (the registry does this through agent configuration,
// which has no SDK operation).
func (s *Server) AddAgentToPool(poolID, agentID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, a := s.jobs.pools[poolID], s.jobs.agents[agentID]
	if p == nil || a == nil {
		return fmt.Errorf("istaritest: pool %q or agent %q not found", poolID, agentID)
	}
	if !slices.Contains(p.Agents, agentID) {
		p.Agents = append(p.Agents, agentID)
	}
	return nil
}
