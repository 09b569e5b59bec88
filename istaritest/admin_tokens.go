package istaritest

// This file serves the personal-access-token operations. A created token works against
// the fake at once (as its user's bearer token); deleting it revokes it. Only tokens created through the API
// are listed and revoked: a user's initial token (AddUser) stays valid. With WithIdentityService every
// personal-access-token operation answers 405, as identity-enabled registries do.

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// PATDeprecatedDetail is the 405 detail of personal-access-token operations in identity mode.
const PATDeprecatedDetail = "Personal access tokens are deprecated; use access keys"

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreatePersonalAccessToken:      identityGuard(handleCreatePAT(false)),
		ops.CreateAgentPersonalAccessToken: identityGuard(handleCreatePAT(true)),
		ops.ListPersonalAccessTokens:       identityGuard(handleListPATs),
		ops.DeletePersonalAccessToken:      identityGuard(handleDeletePAT),
		ops.RevokeAllPersonalAccessTokens:  identityGuard(handleRevokeAllPATs),
	})
}

type patRec struct {
	ID          string
	Name        string
	Token       string
	TokenID     string
	UserID      string // the user the token authenticates as
	CreatedByID string
	Created     time.Time
	UserType    string
}

type wirePAT struct {
	ID            string    `json:"id"`
	MachineUserID *string   `json:"machine_user_id"`
	Token         string    `json:"token"`
	TokenID       string    `json:"token_id"`
	Name          string    `json:"name"`
	UserType      string    `json:"user_type"`
	CreatedByID   string    `json:"created_by_id"`
	Created       time.Time `json:"created"`
}

func (p *patRec) wire(withSecret bool) wirePAT {
	out := wirePAT{ID: p.ID, TokenID: p.TokenID, Name: p.Name, UserType: p.UserType, CreatedByID: p.CreatedByID, Created: p.Created}
	if withSecret {
		out.Token = p.Token
	}
	if p.UserType == "agent" {
		out.MachineUserID = ptr(p.UserID)
	}
	return out
}

// identityGuard answers 405 in identity mode.
func identityGuard(h handlerFunc) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		if s.cfg.identity {
			writeDetail(w, http.StatusMethodNotAllowed, PATDeprecatedDetail)
			return
		}
		h(s, w, r, c)
	}
}

// patsOfLocked lists the tokens created by userID (secrets empty), oldest first.
func (s *Server) patsOfLocked(userID string) []wirePAT {
	return listFiltered(s.admin.patOrder, s.admin.pats, func(p *patRec) bool { return p.CreatedByID == userID },
		func(p *patRec) wirePAT { return p.wire(false) })
}

func handleCreatePAT(agent bool) handlerFunc {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		name := r.URL.Query().Get("name")
		if !requiredQuery(w, r.URL.Query(), "name") {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		token := "pat-" + randomHex(20)
		p := &patRec{ID: newID(), Name: name, Token: token, TokenID: token[:12], UserID: c.user.ID,
			CreatedByID: c.user.ID, Created: now(), UserType: "human"}
		if agent {
			machine := &User{ID: newID(), Name: name, Email: name + "@agents.example.test", Token: token, TenantID: c.user.TenantID}
			s.userByID[machine.ID] = machine
			s.admin.meta[machine.ID] = &userMeta{created: now(), userType: "agent", state: "USER_STATE_ACTIVE", machine: name}
			p.UserID, p.UserType = machine.ID, "agent"
			s.users[token] = machine
		} else {
			s.users[token] = c.user
		}
		s.admin.pats[p.ID] = p
		s.admin.patOrder = append(s.admin.patOrder, p.ID)
		writeJSON(w, http.StatusCreated, p.wire(true))
	}
}

// handleListPATs pages the caller's tokens without secrets; sort accepts created, name (and "-" forms).
func handleListPATs(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	items := s.patsOfLocked(c.user.ID)
	s.mu.Unlock()
	switch sortKey := r.URL.Query().Get("sort"); strings.TrimPrefix(sortKey, "-") {
	case "", "created":
		if strings.HasPrefix(sortKey, "-") {
			slices.Reverse(items)
		}
	case "name":
		slices.SortStableFunc(items, func(a, b wirePAT) int { return strings.Compare(a.Name, b.Name) })
		if strings.HasPrefix(sortKey, "-") {
			slices.Reverse(items)
		}
	default:
		writeDetail(w, http.StatusBadRequest, "Invalid sort field "+sortKey)
		return
	}
	writePage(w, r, items)
}

func (s *Server) revokePATLocked(p *patRec) {
	delete(s.users, p.Token)
	delete(s.admin.pats, p.ID)
	s.admin.patOrder = slices.DeleteFunc(s.admin.patOrder, func(id string) bool { return id == p.ID })
}

func handleDeletePAT(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.admin.pats[c.param("pat_id")]
	if p == nil || (p.CreatedByID != c.user.ID && !c.user.Admin) {
		writeDetail(w, http.StatusNotFound, "Personal access token not found")
		return
	}
	s.revokePATLocked(p)
	w.WriteHeader(http.StatusNoContent)
}

func handleRevokeAllPATs(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range slices.Clone(s.admin.patOrder) {
		if p := s.admin.pats[id]; p.CreatedByID == c.user.ID {
			s.revokePATLocked(p)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
