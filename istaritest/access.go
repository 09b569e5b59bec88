package istaritest

// This file serves the sharing operations with real authorisation: a resource is
// visible to its owner and to the subjects it was shared with (and to administrators); viewers read, owners
// share. Relationships live in Server.acl (access_acl.go).

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateAccess:                       handleCreateAccess,
		ops.BulkCreateAccess:                   handleBulkCreateAccess,
		ops.UpdateAccess:                       handleUpdateAccess,
		ops.RemoveAccess:                       handleRemoveAccess,
		ops.ListAccess:                         handleListAccess,
		ops.ListModelAccess:                    listAccessOf("model", "model_id"),
		ops.ListArtifactAccess:                 listAccessOf("artifact", "artifact_id"),
		ops.ListJobAccess:                      listAccessOf("job", "job_id"),
		ops.CreateAccessByEmailForOtherTenants: handleCreateAccessByEmail,
		ops.ListResourceTypePermissions:        handleListResourceTypePermissions,
	})
}

// accessRelations are the relations the fake accepts in access bodies (AccessRelation).
var accessRelations = []string{"viewer", "editor", "owner", "administrator", "executor", "upstreamremoteowner"}

// accessResourceTypes are the AccessResourceType values.
var accessResourceTypes = []string{"model", "artifact", "job", "file", "filerevision", "tool", "function",
	"functionversion", "tenant", "system", "functionauthsecret", "authintegration", "document"}

// wireRelationship is the fake's AccessRelationship.
type wireRelationship struct {
	SubjectType  string       `json:"subject_type"`
	SubjectID    string       `json:"subject_id"`
	Relation     string       `json:"relation"`
	ResourceType string       `json:"resource_type"`
	ResourceID   string       `json:"resource_id"`
	SubjectInfo  *subjectInfo `json:"subject_info,omitempty"`
}

type subjectInfo struct {
	UserName    string `json:"username"`
	Email       string `json:"email"`
	DisplayName string `json:"display_name"`
}

// resourceExistsLocked reports whether a resource of type typ and id is known to the fake. Models, artifacts
// and files are checked in the file store; other kinds (jobs, systems, ...) exist when some user holds a
// relation on them, which their domains grant on creation.
func (s *Server) resourceExistsLocked(typ, id string) bool {
	switch typ {
	case "model", "artifact":
		r := s.resourceLocked(id)
		return r != nil && r.Type == typ
	case "file":
		return s.fileLocked(id) != nil
	}
	return len(s.acl[id]) > 0
}

// accessStatusLocked checks that resource (typ, id) exists and that u holds need on it: 0, 403 or 404.
func (s *Server) accessStatusLocked(typ, id string, u *User, need string) int {
	if !s.resourceExistsLocked(typ, id) {
		return http.StatusNotFound
	}
	return s.allowLocked(id, u, need)
}

func (s *Server) subjectInfoLocked(userID string) *subjectInfo {
	u := s.userByID[userID]
	if u == nil {
		return nil
	}
	return &subjectInfo{UserName: u.Name, Email: u.Email, DisplayName: displayName(u)}
}

func displayName(u *User) string {
	if u.Name == "" {
		return ""
	}
	return strings.ToUpper(u.Name[:1]) + u.Name[1:]
}

func (s *Server) relationshipLocked(typ, resourceID, userID, relation string) wireRelationship {
	return wireRelationship{SubjectType: "user", SubjectID: userID, Relation: relation, ResourceType: typ,
		ResourceID: resourceID, SubjectInfo: s.subjectInfoLocked(userID)}
}

// relationshipsLocked lists the relationships on a resource: strongest relation first, then by user name.
func (s *Server) relationshipsLocked(typ, id string) []wireRelationship {
	out := []wireRelationship{}
	for userID, rel := range s.acl[id] {
		out = append(out, s.relationshipLocked(typ, id, userID, rel))
	}
	slices.SortFunc(out, func(a, b wireRelationship) int {
		if d := relationRank[b.Relation] - relationRank[a.Relation]; d != 0 {
			return d
		}
		return strings.Compare(sortName(a), sortName(b))
	})
	return out
}

func sortName(r wireRelationship) string {
	if r.SubjectInfo == nil {
		return "\xff" + r.SubjectID
	}
	return r.SubjectInfo.UserName + "\x00" + r.SubjectID
}

// checkRelationship validates one body item: 422 text or "".
func checkRelationship(rel wireRelationship) string {
	switch {
	case rel.SubjectType != "user":
		return "subject_type: Input should be 'user'"
	case rel.SubjectID == "":
		return "subject_id: Field required"
	case !slices.Contains(accessRelations, rel.Relation):
		return "relation: Input should be one of " + strings.Join(accessRelations, ", ")
	case !slices.Contains(accessResourceTypes, rel.ResourceType):
		return "resource_type: Input should be one of " + strings.Join(accessResourceTypes, ", ")
	case rel.ResourceID == "":
		return "resource_id: Field required"
	}
	return ""
}

// shareLocked applies one relationship after the checks: 0 and the stored relationship, or an error status
// and message.
func (s *Server) shareLocked(u *User, rel wireRelationship) (wireRelationship, int, string) {
	if st := s.accessStatusLocked(rel.ResourceType, rel.ResourceID, u, "owner"); st != 0 {
		return rel, st, ""
	}
	if s.userByID[rel.SubjectID] == nil {
		return rel, http.StatusNotFound, "User " + rel.SubjectID + " not found"
	}
	if s.acl[rel.ResourceID][rel.SubjectID] == "owner" && rel.Relation != "owner" {
		return rel, http.StatusBadRequest, "The owner's relation cannot be changed"
	}
	s.grantLocked(rel.ResourceID, rel.SubjectID, rel.Relation)
	return s.relationshipLocked(rel.ResourceType, rel.ResourceID, rel.SubjectID, rel.Relation), 0, ""
}

func writeStatus(w http.ResponseWriter, status int, msg string) {
	if msg != "" {
		writeDetail(w, status, msg)
		return
	}
	denyStatus(w, status)
}

func handleCreateAccess(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var rel wireRelationship
	if !c.decode(w, &rel) {
		return
	}
	if msg := checkRelationship(rel); msg != "" {
		writeValidation(w, []string{"body"}, msg, "value_error")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out, st, msg := s.shareLocked(c.user, rel)
	if st != 0 {
		writeStatus(w, st, msg)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handleBulkCreateAccess shares everything or nothing. Like real registries it answers 500 when any item asks
// for executor, and it needs share permission on every resource.
func handleBulkCreateAccess(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var rels []wireRelationship
	if !c.decode(w, &rels) {
		return
	}
	for _, rel := range rels {
		if rel.Relation == "executor" {
			writeDetail(w, http.StatusInternalServerError, "Internal Server Error")
			return
		}
		if msg := checkRelationship(rel); msg != "" {
			writeValidation(w, []string{"body"}, msg, "value_error")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rel := range rels {
		if st := s.accessStatusLocked(rel.ResourceType, rel.ResourceID, c.user, "owner"); st != 0 {
			denyStatus(w, st)
			return
		}
		if s.userByID[rel.SubjectID] == nil {
			writeDetail(w, http.StatusNotFound, "User "+rel.SubjectID+" not found")
			return
		}
	}
	out := make([]wireRelationship, 0, len(rels))
	for _, rel := range rels {
		r, st, msg := s.shareLocked(c.user, rel)
		if st != 0 {
			writeStatus(w, st, msg)
			return
		}
		out = append(out, r)
	}
	writeJSON(w, http.StatusOK, out)
}

// existingRelationLocked checks the path of update/remove: the caller shares, the relationship exists.
func (s *Server) existingRelationLocked(w http.ResponseWriter, c *call) (typ, resourceID, subjectID string, ok bool) {
	typ, resourceID, subjectID = c.param("resource_type"), c.param("resource_id"), c.param("subject_id")
	if c.param("subject_type") != "user" || !slices.Contains(accessResourceTypes, typ) {
		writeValidation(w, []string{"path"}, "unknown subject_type or resource_type", "enum")
		return "", "", "", false
	}
	if denyStatus(w, s.accessStatusLocked(typ, resourceID, c.user, "owner")) {
		return "", "", "", false
	}
	if s.acl[resourceID][subjectID] == "" {
		writeDetail(w, http.StatusNotFound, "Access relationship not found")
		return "", "", "", false
	}
	return typ, resourceID, subjectID, true
}

func handleUpdateAccess(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var body struct {
		Relation string `json:"relation"`
	}
	if !c.decode(w, &body) {
		return
	}
	if !slices.Contains(accessRelations, body.Relation) {
		writeValidation(w, []string{"body", "relation"}, "Input should be one of "+strings.Join(accessRelations, ", "), "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	typ, resourceID, subjectID, ok := s.existingRelationLocked(w, c)
	if !ok {
		return
	}
	if s.acl[resourceID][subjectID] == "owner" {
		writeDetail(w, http.StatusBadRequest, "The owner's relation cannot be changed")
		return
	}
	s.grantLocked(resourceID, subjectID, body.Relation)
	writeJSON(w, http.StatusOK, s.relationshipLocked(typ, resourceID, subjectID, body.Relation))
}

func handleRemoveAccess(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, resourceID, subjectID, ok := s.existingRelationLocked(w, c)
	if !ok {
		return
	}
	if s.acl[resourceID][subjectID] == "owner" {
		writeDetail(w, http.StatusBadRequest, "The owner's access cannot be removed")
		return
	}
	s.revokeLocked(resourceID, subjectID)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) serveAccessList(w http.ResponseWriter, c *call, typ, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if denyStatus(w, s.accessStatusLocked(typ, id, c.user, "viewer")) {
		return
	}
	writeJSON(w, http.StatusOK, s.relationshipsLocked(typ, id))
}

func handleListAccess(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	typ := c.param("resource_type")
	if !slices.Contains(accessResourceTypes, typ) {
		writeValidation(w, []string{"path", "resource_type"}, "Input should be one of "+strings.Join(accessResourceTypes, ", "), "enum")
		return
	}
	s.serveAccessList(w, c, typ, c.param("resource_id"))
}

func listAccessOf(typ, param string) handlerFunc {
	return func(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
		s.serveAccessList(w, c, typ, c.param(param))
	}
}

// requiredQuery answers 422 naming the first missing query parameter and returns false.
func requiredQuery(w http.ResponseWriter, q url.Values, names ...string) bool {
	for _, n := range names {
		if q.Get(n) == "" {
			writeValidation(w, []string{"query", n}, "Field required", "missing")
			return false
		}
	}
	return true
}

func handleCreateAccessByEmail(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query() // the subject type, email and resource are path parameters, the relation a query one
	if !requiredQuery(w, q, "access_relationship") {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var subject *User
	for _, u := range s.userByID {
		if strings.EqualFold(u.Email, c.param("email")) {
			subject = u
		}
	}
	rel := wireRelationship{SubjectType: c.param("subject_type"), Relation: q.Get("access_relationship"),
		ResourceType: c.param("resource_type"), ResourceID: c.param("resource_id"), SubjectID: "-"}
	if msg := checkRelationship(rel); msg != "" {
		writeValidation(w, []string{"query"}, msg, "value_error")
		return
	}
	if denyStatus(w, s.accessStatusLocked(rel.ResourceType, rel.ResourceID, c.user, "owner")) {
		return
	}
	if subject == nil {
		writeDetail(w, http.StatusNotFound, "No user with that email")
		return
	}
	rel.SubjectID = subject.ID
	out, st, msg := s.shareLocked(c.user, rel)
	if st != 0 {
		writeStatus(w, st, msg)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// permissionNeeds maps a Permission wire string to the relation it needs.
var permissionNeeds = map[string]string{
	"view": "viewer", "access": "viewer", "member": "viewer", "execute": "executor",
	"edit": "editor", "archive": "owner", "manage": "owner", "access_manage": "owner", "access_view_manage": "owner",
}

// handleListResourceTypePermissions pages the resources of one type (models, artifacts or files) on which the
// subject holds the permission. Callers may ask about themselves; administrators about anyone.
func handleListResourceTypePermissions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query() // subject_type, subject_id and resource_type are path parameters
	if !requiredQuery(w, q, "permission") {
		return
	}
	need, known := permissionNeeds[q.Get("permission")]
	if !known {
		writeValidation(w, []string{"query", "permission"}, "unknown permission", "enum")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	subject := s.userByID[c.param("subject_id")]
	if subject == nil || c.param("subject_type") != "user" {
		writeDetail(w, http.StatusNotFound, "Subject not found")
		return
	}
	if subject.ID != c.user.ID && !c.user.Admin {
		writeDetail(w, http.StatusForbidden, "Forbidden: insufficient permissions")
		return
	}
	type item struct {
		ResourceID   string `json:"resource_id"`
		ResourceType string `json:"resource_type"`
		Permission   string `json:"permission"`
	}
	typ := c.param("resource_type")
	items := []item{}
	add := func(id string) {
		if s.allowLocked(id, subject, need) == 0 {
			items = append(items, item{ResourceID: id, ResourceType: typ, Permission: q.Get("permission")})
		}
	}
	switch typ {
	case "model", "artifact":
		for _, id := range s.files.order {
			if s.files.resources[id].Type == typ {
				add(id)
			}
		}
	case "file":
		for _, id := range s.files.fileOrder {
			add(id)
		}
	}
	writePage(w, r, items)
}
