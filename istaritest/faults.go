package istaritest

import (
	"net/http"
	"strconv"
	"time"
)

// Fault makes the fake misbehave for the next matching requests.
type Fault struct {
	// Op is the operation id to match ("get_model"), "" for any registry operation, or
	// "storage.put" / "storage.get" for presigned transfers. Operations of the identity service
	// ("issue_token", "list_user_keys"...) are matched by their id only, never by "".
	Op string
	// Times is how many matching requests get the fault (0 means 1).
	Times int
	// Status answers with this HTTP status and a {"detail": ...} body (0 = no status fault).
	Status int
	// RetryAfter is sent as the Retry-After header with Status.
	RetryAfter string
	// Latency delays the answer (the request then proceeds normally unless Status or Drop is set).
	Latency time.Duration
	// Drop closes the connection without answering.
	Drop bool

	remaining int
}

// InjectFault queues f. Faults are matched in the order they were injected.
func (s *Server) InjectFault(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	f.remaining = f.Times
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// PendingFaults is the number of fault occurrences not yet used.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, f := range s.faults {
		n += f.remaining
	}
	return n
}

// takeFault consumes one occurrence of the first fault matching op.
func (s *Server) takeFault(op string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		isStorage := op == "storage.put" || op == "storage.get"
		if f.Op == op || (f.Op == "" && !isStorage && !isIdentityOp(op)) {
			f.remaining--
			if f.remaining <= 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			c := *f
			return &c
		}
	}
	return nil
}

// applyFault serves a fault for op; it reports true when the request was answered (or dropped).
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, op string) bool {
	f := s.takeFault(op)
	if f == nil {
		return false
	}
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	switch {
	case f.Drop:
		dropConnection(w)
		return true
	case f.Status != 0:
		s.writeCommonHeaders(w)
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		writeDetail(w, f.Status, "istaritest: injected fault "+strconv.Itoa(f.Status))
		return true
	}
	return false
}

// dropConnection closes the client connection without a response.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
