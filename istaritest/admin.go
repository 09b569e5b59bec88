package istaritest

// This file holds adminStore (control tags, infosec, personal access tokens, user metadata, integrations and
// upstream remotes) and serves the user operations.

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// adminStore is the state of the access and admin domains. All access happens with Server.mu held.
type adminStore struct {
	tags     map[string]*controlTagRec
	tagOrder []string
	taggings []*taggingRec // every tagging ever made, oldest first

	infosec infosecState

	pats     map[string]*patRec // by id
	patOrder []string
	meta     map[string]*userMeta // by user id; absent = human, active, created at server start

	apps      map[string]json.RawMessage // app integrations as stored JSON objects
	appOrder  []string
	auths     map[string]*authIntegrationRec
	authOrder []string
	remotes   []map[string]any
	syncs     int

	started time.Time
}

// userMeta is what the fake knows about a user beyond server.go's User.
type userMeta struct {
	created  time.Time
	userType string // human | agent
	state    string // USER_STATE_*
	machine  string // agent machine name
}

func newAdminStore() *adminStore {
	return &adminStore{
		tags:    map[string]*controlTagRec{},
		pats:    map[string]*patRec{},
		meta:    map[string]*userMeta{},
		apps:    map[string]json.RawMessage{},
		auths:   map[string]*authIntegrationRec{},
		infosec: newInfosecState(),
		started: now(),
	}
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.GetCurrentUser: handleGetCurrentUser,
		ops.GetUserByID:    handleGetUserByID,
		ops.ListUsers:      handleListUsers,
	})
}

// metaLocked returns u's metadata, creating the default on first use.
func (s *Server) metaLocked(u *User) *userMeta {
	m := s.admin.meta[u.ID]
	if m == nil {
		m = &userMeta{created: s.admin.started, userType: "human", state: "USER_STATE_ACTIVE"}
		s.admin.meta[u.ID] = m
	}
	return m
}

// SetUserState sets a user's provider state (USER_STATE_ACTIVE, USER_STATE_INACTIVE, ...); list_users with
// user_state=active hides users whose state is not USER_STATE_ACTIVE.
func (s *Server) SetUserState(userID, state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.userByID[userID]; u != nil {
		s.metaLocked(u).state = state
	}
}

// wireUser is the fake's User.
type wireUser struct {
	ID                   string    `json:"id"`
	Created              time.Time `json:"created"`
	ProviderName         string    `json:"provider_name"`
	ProviderUserID       string    `json:"provider_user_id"`
	UserType             string    `json:"user_type"`
	PersonalAccessTokens []wirePAT `json:"personal_access_tokens"`
	ProviderUserState    string    `json:"provider_user_state"`
	UserName             string    `json:"user_name"`
	DisplayName          string    `json:"display_name"`
	Email                string    `json:"email"`
	MachineName          *string   `json:"machine_name,omitempty"`
	ControlTags          []wireTag `json:"control_tags"`
	TenantID             string    `json:"tenant_id"`
	ProviderTenantID     string    `json:"provider_tenant_id"`
}

func (s *Server) renderUserLocked(u *User) wireUser {
	m := s.metaLocked(u)
	out := wireUser{
		ID: u.ID, Created: m.created, ProviderName: "istaritest", ProviderUserID: "fake|" + u.ID,
		UserType: m.userType, PersonalAccessTokens: s.patsOfLocked(u.ID), ProviderUserState: m.state,
		UserName: u.Name, DisplayName: displayName(u), Email: u.Email, ControlTags: s.activeTagsLocked("user", u.ID),
		TenantID: u.TenantID, ProviderTenantID: "provider-" + u.TenantID,
	}
	if m.machine != "" {
		out.MachineName = ptr(m.machine)
	}
	return out
}

func handleGetCurrentUser(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.renderUserLocked(c.user))
}

// handleGetUserByID shows users of the caller's tenant.
func handleGetUserByID(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByID[c.param("user_id")]
	if u == nil || u.TenantID != c.user.TenantID {
		writeDetail(w, http.StatusNotFound, "User not found")
		return
	}
	writeJSON(w, http.StatusOK, s.renderUserLocked(u))
}

// handleListUsers answers a bare array of the tenant's users, oldest first, filtered by user_state (active
// by default) and user_type (all by default).
func handleListUsers(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	state, typ := r.URL.Query().Get("user_state"), r.URL.Query().Get("user_type")
	if state == "" {
		state = "active"
	}
	if typ == "" {
		typ = "all"
	}
	if state != "active" && state != "all" {
		writeValidation(w, []string{"query", "user_state"}, "Input should be 'active' or 'all'", "enum")
		return
	}
	if typ != "human" && typ != "agent" && typ != "all" {
		writeValidation(w, []string{"query", "user_type"}, "Input should be 'human', 'agent' or 'all'", "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []wireUser{}
	for _, u := range s.usersInOrderLocked() {
		m := s.metaLocked(u)
		if u.TenantID != c.user.TenantID || (state == "active" && m.state != "USER_STATE_ACTIVE") || (typ != "all" && m.userType != typ) {
			continue
		}
		out = append(out, s.renderUserLocked(u))
	}
	writeJSON(w, http.StatusOK, out)
}

// usersInOrderLocked returns the users by creation time, then name.
func (s *Server) usersInOrderLocked() []*User {
	out := make([]*User, 0, len(s.userByID))
	for _, u := range s.userByID {
		out = append(out, u)
	}
	sortUsers(out, func(u *User) time.Time { return s.metaLocked(u).created })
	return out
}
