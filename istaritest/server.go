// Package istaritest is an in-memory fake Istari Digital registry for tests and demos, in the manner of
// google-cloud-go's pstest: start one with NewServer, point a Client at its URL with its token, and the
// SDK talks to it over real HTTP on loopback.
//
// The fake routes requests with the SDK's own operation table, so a corrected route fixes the SDK and
// the fake together. It requires the bearer token (401 otherwise), answers the health probes with
// compatibility headers, keeps real state per domain, serves presigned storage URLs itself (rejecting any
// that carry an Authorization header), records every request and injects faults on demand.
package istaritest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// DefaultToken is the bearer token of the default user when WithToken is not given.
const DefaultToken = "istari-test-token"

// DefaultVersion is the registry version the fake reports in X-Istari-Registry-Version.
const DefaultVersion = "11.4.0-fake"

// Server is a running fake registry. Its methods are safe for concurrent use.
type Server struct {
	// URL is the registry base URL (Configuration.RegistryURL).
	URL string

	srv   *httptest.Server
	table *ops.Table
	cfg   config
	conns atomic.Int64
	seq   atomic.Int64

	mu       sync.Mutex       // guards everything below and every domain store
	users    map[string]*User // by token
	userByID map[string]*User
	owner    *User
	requests []Request
	faults   []*Fault
	acl      map[string]map[string]string // resource id -> user id -> relation

	store *storageStore
	files *filesStore
	jobs  *jobsStore
	sys   *systemsStore
	admin *adminStore
}

// User is an account of the fake registry with its own bearer token.
type User struct {
	ID       string
	Name     string
	Email    string
	Token    string
	TenantID string
	// Admin users (customer administrators) pass every access check.
	Admin bool
}

// Request is one request the fake received, recorded for assertions. Bodies of registry calls are kept
// (up to 1 MiB); storage transfers keep only their size.
type Request struct {
	Op       string // operation id, or "storage.put" / "storage.get" / "" when unrouted
	Method   string
	Path     string // escaped path
	RawQuery string
	Header   http.Header
	Body     []byte
	Size     int64
	UserID   string
}

type config struct {
	token        string
	version      string
	verdict      string
	incompatible []string
	deprecated   []string
	noCompat     bool
	table        *ops.Table
	// agentStepDelay is the pause of the simulated agents before each job status change.
	agentStepDelay time.Duration

	identity bool
}

// Option configures NewServer.
type Option func(*config)

// WithToken sets the default user's bearer token.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithVersion sets the registry version the fake reports.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// WithCompatibility sets the verdict (compatible, incompatible, revision-mismatch, deprecation-warning)
// and tag lists the fake reports on every response.
func WithCompatibility(verdict string, incompatibleTags, deprecatedTags []string) Option {
	return func(c *config) { c.verdict, c.incompatible, c.deprecated = verdict, incompatibleTags, deprecatedTags }
}

// WithoutCompatibilityHeaders makes the fake behave like an older registry that sends none.
func WithoutCompatibilityHeaders() Option { return func(c *config) { c.noCompat = true } }

// WithOperationTable routes with a different table (for tests of moved routes).
func WithOperationTable(t *ops.Table) Option { return func(c *config) { c.table = t } }

// WithAgentStepDelay makes the simulated agents (HandleFunction) wait d before each job status change
// (default 0).
func WithAgentStepDelay(d time.Duration) Option { return func(c *config) { c.agentStepDelay = d } }

// WithIdentityService makes the fake behave like an identity-enabled registry: every personal-access-token
// operation answers 405 (access keys replace PATs) and every response carries X-Istari-Auth-Deprecation.
func WithIdentityService() Option { return func(c *config) { c.identity = true } }

// NewServer starts a fake registry on loopback. Close it when done.
func NewServer(opts ...Option) *Server {
	cfg := config{token: DefaultToken, version: DefaultVersion, verdict: "compatible"}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{
		table:    cfg.table,
		cfg:      cfg,
		users:    map[string]*User{},
		userByID: map[string]*User{},
		acl:      map[string]map[string]string{},
	}
	if s.table == nil {
		s.table = ops.Builtin()
	}
	s.owner = s.addUser("owner", cfg.token, true)
	s.store = newStorageStore()
	s.files = newFilesStore()
	s.jobs = newJobsStore()
	s.sys = newSystemsStore()
	s.admin = newAdminStore()
	s.srv = httptest.NewUnstartedServer(s)
	s.srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.srv.Start()
	s.URL = s.srv.URL
	return s
}

// Close stops the simulated agents (waiting for their handlers to return), shuts the server down and
// deletes the stored objects.
func (s *Server) Close() {
	s.stopAgents()
	s.srv.Close()
	s.store.close()
}

// Token is the default user's bearer token.
func (s *Server) Token() string { return s.owner.Token }

// Owner is the default user (a customer administrator).
func (s *Server) Owner() User { return *s.owner }

// AddUser creates a regular (non-admin) user with a fresh token.
func (s *Server) AddUser(name string) User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.addUser(name, "tok-"+name+"-"+randomHex(8), false)
}

func (s *Server) addUser(name, token string, admin bool) *User {
	u := &User{ID: newID(), Name: name, Email: name + "@example.test", Token: token, TenantID: "tenant-1", Admin: admin}
	s.users[token] = u
	s.userByID[u.ID] = u
	return u
}

// ConnectionCount is the number of TCP connections the server has accepted (to show connection reuse).
func (s *Server) ConnectionCount() int64 { return s.conns.Load() }

// Requests returns a copy of the recorded requests, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestsFor returns the recorded requests of one operation id.
func (s *Server) RequestsFor(op string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Op == op {
			out = append(out, r)
		}
	}
	return out
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// ServeHTTP routes one request: storage, fault injection, auth, operation table, handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, storagePrefix) {
		s.serveStorage(w, r)
		return
	}
	path := r.URL.EscapedPath()
	op, params, ok := s.table.Match(r.Method, path)
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	rec := Request{Method: r.Method, Path: path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body, Size: int64(len(body))}
	if ok {
		rec.Op = op.ID
	}
	user := s.userFor(r)
	if user != nil {
		rec.UserID = user.ID
	}
	s.record(rec)
	if s.applyFault(w, r, rec.Op) {
		return
	}
	s.writeCommonHeaders(w)
	if !ok {
		writeDetail(w, http.StatusNotFound, "Not Found")
		return
	}
	if user == nil && !isProbe(ops.ID(op.ID)) {
		writeDetail(w, http.StatusUnauthorized, "Not authenticated")
		return
	}
	h := handlers[ops.ID(op.ID)]
	if h == nil {
		writeDetail(w, http.StatusNotImplemented, "istaritest: operation "+op.ID+" is not implemented by the fake registry")
		return
	}
	h(s, w, r, &call{user: user, params: params, op: op, body: body})
}

func isProbe(op ops.ID) bool { return op == ops.LivenessCheck || op == ops.ReadinessCheck }

func (s *Server) userFor(r *http.Request) *User {
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || token == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[token]
}

func (s *Server) writeCommonHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("X-Request-Id", fmt.Sprintf("req-%d", s.seq.Add(1)))
	if s.cfg.identity {
		h.Set("X-Istari-Auth-Deprecation", PATDeprecatedDetail)
	}
	if s.cfg.noCompat {
		return
	}
	h.Set("X-Istari-Registry-Version", s.cfg.version)
	h.Set("X-Istari-Compatibility", s.cfg.verdict)
	if len(s.cfg.incompatible) > 0 {
		h.Set("X-Istari-Incompatible-Tags", strings.Join(s.cfg.incompatible, ","))
	}
	if len(s.cfg.deprecated) > 0 {
		h.Set("X-Istari-Deprecated-Tags", strings.Join(s.cfg.deprecated, ","))
	}
}

// call is what a handler gets besides the request: the caller, path parameters and the JSON body.
type call struct {
	user   *User
	params map[string]string
	op     ops.Operation
	body   []byte
}

func (c *call) param(name string) string { return c.params[name] }

// decode unmarshals the JSON body into v, answering 422 and returning false when it does not parse.
func (c *call) decode(w http.ResponseWriter, v any) bool {
	if len(bytes.TrimSpace(c.body)) == 0 {
		writeDetail(w, http.StatusUnprocessableEntity, "request body is required")
		return false
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		writeValidation(w, []string{"body"}, "invalid JSON: "+err.Error(), "json_invalid")
		return false
	}
	return true
}

// handlerFunc serves one operation.
type handlerFunc func(s *Server, w http.ResponseWriter, r *http.Request, c *call)

var handlers = map[ops.ID]handlerFunc{}

// register adds domain handlers; domain files call it from init.
func register(m map[ops.ID]handlerFunc) {
	for id, h := range m {
		handlers[id] = h
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeDetail answers FastAPI-style {"detail": msg}.
func writeDetail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"detail": msg})
}

// writeValidation answers a FastAPI 422 with one validation entry.
func writeValidation(w http.ResponseWriter, loc []string, msg, typ string) {
	l := make([]any, len(loc))
	for i, p := range loc {
		l[i] = p
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"detail": []map[string]any{{"loc": l, "msg": msg, "type": typ}},
	})
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func now() time.Time { return time.Now().UTC() }
