package istaritest

import "net/http"

// relationRank orders access relations: a higher rank includes the lower ones.
var relationRank = map[string]int{"viewer": 1, "executor": 1, "editor": 2, "owner": 3, "administrator": 3, "upstreamremoteowner": 3}

// grantLocked records that user holds relation on resource. s.mu must be held.
func (s *Server) grantLocked(resourceID, userID, relation string) {
	m := s.acl[resourceID]
	if m == nil {
		m = map[string]string{}
		s.acl[resourceID] = m
	}
	m[userID] = relation
}

// revokeLocked removes user's relation on resource. s.mu must be held.
func (s *Server) revokeLocked(resourceID, userID string) { delete(s.acl[resourceID], userID) }

// relationLocked is user's relation on resource ("" when none). Admins are administrators of everything.
func (s *Server) relationLocked(resourceID string, u *User) string {
	if u == nil {
		return ""
	}
	if rel := s.acl[resourceID][u.ID]; rel != "" {
		return rel
	}
	if u.Admin {
		return "administrator"
	}
	return ""
}

// canSeeLocked reports whether u may see resource at all.
func (s *Server) canSeeLocked(resourceID string, u *User) bool {
	return s.relationLocked(resourceID, u) != ""
}

// allowLocked answers whether u may act with the need relation on resource: 0 when allowed, 404 when
// the resource is invisible to u (the registry does not reveal it exists), 403 when visible but the
// relation is too weak.
func (s *Server) allowLocked(resourceID string, u *User, need string) int {
	rel := s.relationLocked(resourceID, u)
	switch {
	case rel == "":
		return http.StatusNotFound
	case relationRank[rel] < relationRank[need]:
		return http.StatusForbidden
	}
	return 0
}

// denyStatus writes the answer for a failed access check and returns true, or returns false when allowed.
func denyStatus(w http.ResponseWriter, status int) bool {
	switch status {
	case 0:
		return false
	case http.StatusForbidden:
		writeDetail(w, status, "Forbidden: insufficient permissions")
	default:
		writeDetail(w, http.StatusNotFound, "Not Found")
	}
	return true
}
