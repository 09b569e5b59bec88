package istaritest

// This file serves app integrations, auth integrations and upstream remotes, stored
// minimally. App integrations and upstream remotes have unknown shapes: the fake keeps whatever JSON object
// it is given and adds id, created and created_by_id. The upstream sync and compatibility answers are the
// fake's own proposal.

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateAppIntegration:             handleCreateAppIntegration,
		ops.ListAppIntegrations:              handleListAppIntegrations,
		ops.CreateAuthIntegration:            handleCreateAuthIntegration,
		ops.UpdateAuthIntegration:            handleUpdateAuthIntegration,
		ops.GetAuthIntegration:               handleGetAuthIntegration,
		ops.ListAuthIntegrations:             handleListAuthIntegrations,
		ops.ListUpstreamRemotes:              handleListUpstreamRemotes,
		ops.SyncUpstreamRemotes:              handleSyncUpstreamRemotes,
		ops.CheckUpstreamRemoteCompatibility: handleUpstreamCompatibility,
	})
}

var authIntegrationTypes = []string{"google_accounts", "windchill", "teamwork_cloud", "dassault_3d_passport", "ping_id", "microsoft_entra"}

type authIntegrationRec struct {
	ID               string
	Created          time.Time
	CreatedByID      string
	Type             string
	AppIntegrationID string
	AuthType         string
	FileID           string
}

func handleCreateAppIntegration(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var obj map[string]any
	if !c.decode(w, &obj) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := newID()
	obj["id"], obj["created"], obj["created_by_id"] = id, now(), c.user.ID
	raw, _ := json.Marshal(obj)
	s.admin.apps[id] = raw
	s.admin.appOrder = append(s.admin.appOrder, id)
	s.grantLocked(id, c.user.ID, "owner")
	writeJSON(w, http.StatusCreated, json.RawMessage(raw))
}

func handleListAppIntegrations(s *Server, w http.ResponseWriter, r *http.Request, _ *call) {
	s.mu.Lock()
	items := renderInOrder(s.admin.appOrder, s.admin.apps, func(app json.RawMessage) json.RawMessage { return app })
	s.mu.Unlock()
	writePage(w, r, items)
}

func (s *Server) renderAuthIntegrationLocked(a *authIntegrationRec) map[string]any {
	return map[string]any{
		"id": a.ID, "created": a.Created, "created_by_id": a.CreatedByID, "auth_integration_type": a.Type,
		"app_integration_id": a.AppIntegrationID, "auth_type": a.AuthType, "file": s.renderFileLocked(s.fileLocked(a.FileID)),
	}
}

// handleCreateAuthIntegration stores the registration revision as the integration's file.
func handleCreateAuthIntegration(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct {
		Type             string              `json:"auth_integration_type"`
		AppIntegrationID string              `json:"app_integration_id"`
		AuthType         string              `json:"auth_type"`
		Revision         *types.FileRevision `json:"revision"`
	}
	if !c.decode(w, &body) {
		return
	}
	switch {
	case !slices.Contains(authIntegrationTypes, body.Type):
		writeValidation(w, []string{"body", "auth_integration_type"}, "unknown auth_integration_type", "enum")
		return
	case body.AuthType == "" || body.AppIntegrationID == "":
		writeValidation(w, []string{"body"}, "auth_type and app_integration_id are required", "missing")
		return
	case body.Revision == nil || body.Revision.ID == "":
		writeValidation(w, []string{"body", "revision"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.admin.apps[body.AppIntegrationID] == nil {
		writeDetail(w, http.StatusNotFound, "App integration not found")
		return
	}
	a := &authIntegrationRec{ID: newID(), Created: now(), CreatedByID: c.user.ID, Type: body.Type,
		AppIntegrationID: body.AppIntegrationID, AuthType: body.AuthType}
	a.FileID = s.createFileLocked(c.user, "authintegration", a.ID, *body.Revision).ID
	s.admin.auths[a.ID] = a
	s.admin.authOrder = append(s.admin.authOrder, a.ID)
	s.grantLocked(a.ID, c.user.ID, "owner")
	writeJSON(w, http.StatusCreated, s.renderAuthIntegrationLocked(a))
}

// handleUpdateAuthIntegration changes the fields sent; a revision becomes the file's newest revision.
func handleUpdateAuthIntegration(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct {
		Type     *string             `json:"auth_integration_type"`
		AuthType *string             `json:"auth_type"`
		Revision *types.FileRevision `json:"revision"`
	}
	if !c.decode(w, &body) {
		return
	}
	if body.Type != nil && !slices.Contains(authIntegrationTypes, *body.Type) {
		writeValidation(w, []string{"body", "auth_integration_type"}, "unknown auth_integration_type", "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := lookupAllowed(s, w, s.admin.auths[c.param("auth_integration_id")], "Auth integration not found",
		func(a *authIntegrationRec) string { return a.ID }, c.user, "editor")
	if a == nil {
		return
	}
	if body.Type != nil {
		a.Type = *body.Type
	}
	if body.AuthType != nil {
		a.AuthType = *body.AuthType
	}
	if body.Revision != nil {
		s.appendRevisionLocked(c.user, s.fileLocked(a.FileID), *body.Revision)
	}
	writeJSON(w, http.StatusOK, s.renderAuthIntegrationLocked(a))
}

func handleGetAuthIntegration(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.admin.auths[c.param("auth_integration_id")], "Auth integration not found", s.renderAuthIntegrationLocked)
}

func handleListAuthIntegrations(s *Server, w http.ResponseWriter, r *http.Request, _ *call) {
	s.mu.Lock()
	items := renderInOrder(s.admin.authOrder, s.admin.auths, s.renderAuthIntegrationLocked)
	s.mu.Unlock()
	writePage(w, r, items)
}

// AddUpstreamRemote registers an upstream remote (the registry's real shape is unknown; the fake lists
// {id, name, url, created}) and returns its id.
func (s *Server) AddUpstreamRemote(name, url string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := newID()
	s.admin.remotes = append(s.admin.remotes, map[string]any{"id": id, "name": name, "url": url, "created": now()})
	return id
}

func handleListUpstreamRemotes(s *Server, w http.ResponseWriter, r *http.Request, _ *call) {
	s.mu.Lock()
	items := slices.Clone(s.admin.remotes)
	s.mu.Unlock()
	writePage(w, r, items)
}

// handleSyncUpstreamRemotes needs a customer administrator; it answers {synced_remotes, sync_count}.
func handleSyncUpstreamRemotes(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	if !c.user.Admin {
		writeDetail(w, http.StatusForbidden, "Forbidden: syncing upstream remotes needs upstream_remote_sync")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.admin.syncs++
	writeJSON(w, http.StatusOK, map[string]any{"synced_remotes": len(s.admin.remotes), "sync_count": s.admin.syncs})
}

// handleUpstreamCompatibility answers {compatible, registry_version, remotes}.
func handleUpstreamCompatibility(s *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"compatible": true, "registry_version": s.cfg.version, "remotes": len(s.admin.remotes)})
}
