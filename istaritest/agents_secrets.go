package istaritest

import (
	"net/http"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// secretRec is a function auth secret: an encrypted credential whose revision lives in the file store.
type secretRec struct {
	ID                string
	Created           time.Time
	OwnerID           string
	FileID            string
	FunctionAuthType  string
	AuthIntegrationID *string
	Expiration        *types.Timestamp
	SHA, Salt         string
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateFunctionAuthSecret: createFunctionAuthSecret,
		ops.ListFunctionAuthSecrets:  listFunctionAuthSecrets,
		ops.GetFunctionAuthSecret:    getFunctionAuthSecret,
	})
}

func (s *Server) renderSecretLocked(sec *secretRec) map[string]any {
	out := map[string]any{
		"id": sec.ID, "created": types.Timestamp{Time: sec.Created}, "created_by_id": sec.OwnerID,
		"function_auth_type": sec.FunctionAuthType, "sha": sec.SHA, "salt": sec.Salt,
		"auth_integration_id": sec.AuthIntegrationID, "expiration": sec.Expiration,
	}
	if f := s.fileLocked(sec.FileID); f != nil {
		out["revision"] = f.currentRevision()
	}
	return out
}

func createFunctionAuthSecret(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewFunctionAuthSecret
	if !c.decode(w, &body) {
		return
	}
	for field, v := range map[string]string{"function_auth_type": string(body.FunctionAuthType), "sha": body.SHA, "salt": body.Salt} {
		if v == "" {
			writeValidation(w, []string{"body", field}, "Field required", "missing")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := &secretRec{ID: newID(), Created: now(), OwnerID: c.user.ID, FunctionAuthType: string(body.FunctionAuthType),
		AuthIntegrationID: body.AuthIntegrationID, Expiration: body.Expiration, SHA: body.SHA, Salt: body.Salt}
	rev := body.Revision
	if rev.ID == "" {
		rev.ID = newID()
	}
	sec.FileID = s.createFileLocked(c.user, "functionauthsecret", sec.ID, rev).ID
	s.jobs.secrets[sec.ID] = sec
	s.jobs.secretOrder = append(s.jobs.secretOrder, sec.ID)
	s.grantLocked(sec.ID, c.user.ID, "owner")
	writeJSON(w, http.StatusCreated, s.renderSecretLocked(sec))
}

// listFunctionAuthSecrets answers a plain array of the caller's secrets. Filters: function_auth_type,
// latest=true (only the newest per type and integration). auth_integration_type is accepted but not applied
// (integrations belong to another domain of the fake).
func listFunctionAuthSecrets(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	newest := map[string]bool{}
	for i := len(s.jobs.secretOrder) - 1; i >= 0; i-- {
		sec := s.jobs.secrets[s.jobs.secretOrder[i]]
		if s.acl[sec.ID][c.user.ID] == "" || (q.Get("function_auth_type") != "" && sec.FunctionAuthType != q.Get("function_auth_type")) {
			continue
		}
		key := sec.FunctionAuthType + "|"
		if sec.AuthIntegrationID != nil {
			key += *sec.AuthIntegrationID
		}
		if q.Get("latest") == "true" && newest[key] {
			continue
		}
		newest[key] = true
		out = append([]map[string]any{s.renderSecretLocked(sec)}, out...)
	}
	writeJSON(w, http.StatusOK, out)
}

func getFunctionAuthSecret(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := lookupAllowed(s, w, s.jobs.secrets[c.param("function_auth_secret_id")], "Function auth secret not found",
		func(sec *secretRec) string { return sec.ID }, c.user, "viewer")
	if sec != nil {
		writeJSON(w, http.StatusOK, s.renderSecretLocked(sec))
	}
}
