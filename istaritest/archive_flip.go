package istaritest

import (
	"net/http"
	"strings"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// archiveFlip is the archive/restore handler body of agents, agent pools and jobs: it reads the optional
// {"reason"} body, finds the record under s.mu with find (which answers its own 404 or 403), moves the
// archive history that history returns to `to` (400 when it is already there; what names the object in
// that message) and answers render(rec).
func archiveFlip[T, R any](s *Server, w http.ResponseWriter, c *call, to enums.ArchiveStatusName, what string,
	find func() *T, history func(*T) (entries *[]types.ArchiveStatusEntry, id string), render func(*T) R) {
	reason, ok := jobsArchiveReason(w, c)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := find()
	if rec == nil {
		return
	}
	entries, id := history(rec)
	if msg := jobsChangeArchive(entries, c.user.ID, id, to, reason, what); msg != "" {
		writeDetail(w, http.StatusBadRequest, msg)
		return
	}
	writeJSON(w, http.StatusOK, render(rec))
}

// archiveTarget is the status an archive (true) or restore (false) moves to.
func archiveTarget(archive bool) enums.ArchiveStatusName {
	if archive {
		return enums.ArchiveStatusNameArchived
	}
	return enums.ArchiveStatusNameActive
}

// jobsArchiveReason reads the optional Archive/Restore body {"reason": ...}.
func jobsArchiveReason(w http.ResponseWriter, c *call) (string, bool) {
	if len(strings.TrimSpace(string(c.body))) == 0 {
		return "", true
	}
	var body struct {
		Reason *string `json:"reason"`
	}
	if !c.decode(w, &body) {
		return "", false
	}
	if body.Reason == nil {
		return "", true
	}
	return *body.Reason, true
}

// jobsChangeArchive appends an archive-status entry, or returns a 400 message when the object is already there.
func jobsChangeArchive(history *[]types.ArchiveStatusEntry, by, id string, to enums.ArchiveStatusName, reason, what string) string {
	archived := isArchived(*history)
	switch {
	case to == enums.ArchiveStatusNameArchived && archived:
		return what + " is already archived"
	case to == enums.ArchiveStatusNameActive && !archived:
		return what + " is not archived"
	}
	*history = append(*history, statusEntry(by, "resource", id, to, reason))
	return ""
}
