package istaritest

// This file is the fake Istari Identity Service, served on the same server under /identity (the gateway
// layout: DigitalAPIURL = Server.URL, registry under /registry, identity service under /identity). It keeps
// registered ECDSA P-384 public keys per principal, verifies ES384 client assertions at the token endpoint
// (signature, kid, iss = sub, aud, exp, iat, and a jti never seen before), issues access tokens the fake
// registry accepts as the key's principal, exchanges personal access tokens for keys, and serves the key
// routes with the principal rules: "me" is the caller on user routes only; another principal needs an
// administrator of the same tenant; agent routes always need an administrator.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// identityPrefix is where the identity service is mounted; registryPrefix is the registry's gateway mount.
const (
	identityPrefix = "/identity"
	registryPrefix = "/registry"
)

// DefaultTokenLifetime is the lifetime of the access tokens the fake issues unless WithTokenLifetime says
// otherwise.
const DefaultTokenLifetime = time.Hour

// WithTokenLifetime sets the lifetime of the access tokens the identity service issues (whole seconds, at
// least one).
func WithTokenLifetime(d time.Duration) Option { return func(c *config) { c.tokenLifetime = d } }

// identityStore is the identity service's state; Server.mu guards it.
type identityStore struct {
	keys     map[string]*accessKey // by key id (unique across principals)
	tokens   map[string]issuedToken
	jtis     map[string]time.Time // seen assertion ids -> their exp
	lifetime time.Duration

	inflight, maxInflight, issued int
}

type accessKey struct {
	KeyID    string
	Name     string
	UserID   string // the principal
	ClientID string // the client id the key was issued for
	Pub      *ecdsa.PublicKey
	Created  time.Time
	Expires  time.Time
}

type issuedToken struct {
	userID  string
	expires time.Time
}

func newIdentityStore(lifetime time.Duration) *identityStore {
	if lifetime <= 0 {
		lifetime = DefaultTokenLifetime
	}
	return &identityStore{keys: map[string]*accessKey{}, tokens: map[string]issuedToken{}, jtis: map[string]time.Time{},
		lifetime: max(lifetime.Round(time.Second), time.Second)}
}

// IdentityStats counts the token endpoint's work.
type IdentityStats struct {
	// TokensIssued is the number of access tokens issued.
	TokensIssued int
	// MaxConcurrentTokenRequests is the largest number of token requests that were being served at once.
	MaxConcurrentTokenRequests int
}

// IdentityStats reports the token endpoint's counters.
func (s *Server) IdentityStats() IdentityStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return IdentityStats{TokensIssued: s.ident.issued, MaxConcurrentTokenRequests: s.ident.maxInflight}
}

// SetTokenLifetime changes the lifetime of the access tokens issued from now on.
func (s *Server) SetTokenLifetime(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ident.lifetime = max(d.Round(time.Second), time.Second)
}

// ExpireAccessTokens makes every access token issued so far invalid, as if they had expired: the registry then
// answers 401 to them.
func (s *Server) ExpireAccessTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.ident.tokens)
}

// ClientID is the identity service's client id of a user: a human user's name (preferred user name), an
// agent's id (subject).
func (s *Server) ClientID(u User) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clientIDLocked(&u)
}

func (s *Server) clientIDLocked(u *User) string {
	if m := s.admin.meta[u.ID]; m != nil && m.userType == "agent" {
		return u.ID
	}
	return u.Name
}

func (s *Server) isAgentLocked(u *User) bool {
	m := s.admin.meta[u.ID]
	return m != nil && m.userType == "agent"
}

// accessTokenUserLocked is the user an unexpired access token was issued to.
func (s *Server) accessTokenUserLocked(token string) *User {
	t, ok := s.ident.tokens[token]
	if !ok || !now().Before(t.expires) {
		return nil
	}
	return s.userByID[t.userID]
}

// isIdentityOp reports whether op is one of the identity service's operations.
func isIdentityOp(op string) bool {
	_, ok := ops.Identity().Lookup(op)
	return ok
}

// writeOAuthError answers the identity service's {error, error_description}.
func writeOAuthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// serveIdentity routes a request under /identity.
func (s *Server) serveIdentity(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.EscapedPath(), identityPrefix)
	op, params, ok := ops.Identity().Match(r.Method, path)
	body, _ := readLimited(r)
	rec := Request{Method: r.Method, Path: path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body, Size: int64(len(body))}
	if ok {
		rec.Op = op.ID
	}
	s.record(rec)
	if s.applyFault(w, r, rec.Op) {
		return
	}
	w.Header().Set("X-Request-Id", "req-"+strconv.FormatInt(s.seq.Add(1), 10))
	if !ok {
		writeOAuthError(w, http.StatusNotFound, "not_found", "no such route")
		return
	}
	c := &call{params: params, op: op, body: body}
	switch ops.ID(op.ID) {
	case ops.IssueToken:
		s.handleIssueToken(w, r, body)
	case ops.ExchangeUserPAT, ops.ExchangeAgentPAT:
		s.handleExchangePAT(w, r, c, ops.ID(op.ID) == ops.ExchangeAgentPAT)
	default:
		s.handleKeyRoute(w, r, c, strings.HasPrefix(op.Path, "/api/v1/agents/"))
	}
}

// handleIssueToken verifies the client assertion and issues an access token.
func (s *Server) handleIssueToken(w http.ResponseWriter, r *http.Request, body []byte) {
	s.mu.Lock()
	s.ident.inflight++
	s.ident.maxInflight = max(s.ident.maxInflight, s.ident.inflight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.ident.inflight--
		s.mu.Unlock()
	}()
	form, err := url.ParseQuery(string(body))
	if err != nil || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "a form-encoded body is required")
		return
	}
	if form.Get("grant_type") != "client_credentials" {
		writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be client_credentials")
		return
	}
	if form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "client_assertion_type must be jwt-bearer")
		return
	}
	audience := "http://" + r.Host + identityPrefix + "/oauth2/token"
	var key *accessKey
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(form.Get("client_assertion"), claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		s.mu.Lock()
		defer s.mu.Unlock()
		key = s.ident.keys[kid]
		if key == nil {
			return nil, errors.New("unknown kid")
		}
		return key.Pub, nil
	}, jwt.WithValidMethods([]string{"ES384"}), jwt.WithAudience(audience), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
	if err != nil {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "client assertion rejected: "+err.Error())
		return
	}
	iss, _ := claims["iss"].(string)
	sub, _ := claims["sub"].(string)
	jti, _ := claims["jti"].(string)
	exp, _ := claims.GetExpirationTime()
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByID[key.UserID]
	switch {
	case u == nil || s.ident.keys[key.KeyID] != key:
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "the key was revoked")
		return
	case iss == "" || iss != sub || (iss != key.ClientID && iss != u.ID && iss != s.clientIDLocked(u)):
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "iss and sub must be the key's client id")
		return
	case !key.Expires.IsZero() && !now().Before(key.Expires):
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "the key has expired")
		return
	case jti == "":
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "jti is required")
		return
	}
	for id, until := range s.ident.jtis {
		if now().After(until) {
			delete(s.ident.jtis, id)
		}
	}
	if _, seen := s.ident.jtis[jti]; seen {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "the assertion was already used (jti replayed)")
		return
	}
	s.ident.jtis[jti] = exp.Time
	token := "idt-" + randomHex(24)
	s.ident.tokens[token] = issuedToken{userID: u.ID, expires: now().Add(s.ident.lifetime)}
	s.ident.issued++
	writeJSON(w, http.StatusOK, map[string]any{"access_token": token, "token_type": "Bearer", "expires_in": int(s.ident.lifetime / time.Second)})
}

// keyBody is the ExchangePat and RegisterKey request body.
type keyBody struct {
	KeyID        string  `json:"key_id"`
	PublicKeyPEM string  `json:"public_key_pem"`
	Name         *string `json:"name"`
	Username     *string `json:"username"`
	DisplayName  *string `json:"display_name"`
	ExpiresAt    *string `json:"expires_at"`
}

// decodeKeyBody reads and checks a key body, answering 400 and returning nil when it is unusable.
func decodeKeyBody(w http.ResponseWriter, c *call) (*keyBody, *ecdsa.PublicKey, time.Time) {
	var b keyBody
	if err := json.Unmarshal(c.body, &b); err != nil || b.KeyID == "" || b.PublicKeyPEM == "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "key_id and public_key_pem are required")
		return nil, nil, time.Time{}
	}
	block, _ := pem.Decode([]byte(b.PublicKeyPEM))
	var pub *ecdsa.PublicKey
	if block != nil && block.Type == "PUBLIC KEY" {
		if k, err := x509.ParsePKIXPublicKey(block.Bytes); err == nil {
			pub, _ = k.(*ecdsa.PublicKey)
		}
	}
	if pub == nil || pub.Curve != elliptic.P384() {
		writeOAuthError(w, http.StatusBadRequest, "invalid_public_key", "public_key_pem must be an ECDSA P-384 public key")
		return nil, nil, time.Time{}
	}
	expires := now().AddDate(1, 0, 0)
	if b.ExpiresAt != nil {
		at, err := time.Parse(time.RFC3339, *b.ExpiresAt)
		if err != nil || !at.After(now()) || at.After(now().AddDate(1, 0, 1)) {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "expires_at must be an RFC 3339 time in the future, at most one year away")
			return nil, nil, time.Time{}
		}
		expires = at
	}
	return &b, pub, expires
}

// addKeyLocked registers a key, answering 409 duplicate_key_id when the id is taken.
func (s *Server) addKeyLocked(w http.ResponseWriter, b *keyBody, pub *ecdsa.PublicKey, expires time.Time, u *User) *accessKey {
	if s.ident.keys[b.KeyID] != nil {
		writeOAuthError(w, http.StatusConflict, "duplicate_key_id", "a key with this id is already registered")
		return nil
	}
	name := b.KeyID
	if b.Name != nil && strings.TrimSpace(*b.Name) != "" {
		name = *b.Name
	}
	k := &accessKey{KeyID: b.KeyID, Name: name, UserID: u.ID, ClientID: s.clientIDLocked(u), Pub: pub, Created: now(), Expires: expires}
	s.ident.keys[k.KeyID] = k
	return k
}

func (k *accessKey) wire() map[string]any {
	m := map[string]any{"key_id": k.KeyID, "name": k.Name, "algorithm": "ES384", "created_at": k.Created.Format(time.RFC3339Nano)}
	if !k.Expires.IsZero() {
		m["expires_at"] = k.Expires.Format(time.RFC3339Nano)
	}
	return m
}

// handleExchangePAT registers a key for the owner of a personal access token.
func (s *Server) handleExchangePAT(w http.ResponseWriter, r *http.Request, c *call, agent bool) {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	u := s.users[token]
	s.mu.Unlock()
	if u == nil || token == "" {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_pat", "the personal access token is not valid")
		return
	}
	b, pub, expires := decodeKeyBody(w, c)
	if b == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.isAgentLocked(u) != agent {
		writeOAuthError(w, http.StatusForbidden, "forbidden", "the token's principal is not of this kind")
		return
	}
	k := s.addKeyLocked(w, b, pub, expires, u)
	if k == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"client_id": k.ClientID, "key_id": k.KeyID, "tenant_id": u.TenantID,
		"user_uuid": u.ID, "name": k.Name})
}

// handleKeyRoute serves register, list, get and revoke for users and agents.
func (s *Server) handleKeyRoute(w http.ResponseWriter, r *http.Request, c *call, agent bool) {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	caller := s.accessTokenUserLocked(token)
	s.mu.Unlock()
	if caller == nil {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_token", "an identity access token is required")
		return
	}
	var b *keyBody
	var pub *ecdsa.PublicKey
	var expires time.Time
	if c.op.Method == http.MethodPost {
		if b, pub, expires = decodeKeyBody(w, c); b == nil {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	principal, ok := s.principalLocked(w, caller, c.param("principal_id"), agent, b)
	if !ok {
		return
	}
	keyID := c.param("key_id")
	key := s.ident.keys[keyID]
	if key != nil && key.UserID != principal.ID {
		key = nil
	}
	switch c.op.Method {
	case http.MethodPost:
		if k := s.addKeyLocked(w, b, pub, expires, principal); k != nil {
			writeJSON(w, http.StatusCreated, k.wire())
		}
	case http.MethodDelete:
		if key == nil {
			writeOAuthError(w, http.StatusNotFound, "not_found", "no such key")
			return
		}
		delete(s.ident.keys, keyID)
		w.WriteHeader(http.StatusNoContent)
	case http.MethodGet:
		if keyID == "" {
			writeJSON(w, http.StatusOK, s.principalKeysLocked(principal))
			return
		}
		if key == nil {
			writeOAuthError(w, http.StatusNotFound, "not_found", "no such key")
			return
		}
		writeJSON(w, http.StatusOK, key.wire())
	}
}

// principalLocked resolves the path principal under the rules of the identity service. An administrator
// registering the first key of an unknown agent with a username creates the agent.
func (s *Server) principalLocked(w http.ResponseWriter, caller *User, id string, agent bool, b *keyBody) (*User, bool) {
	if id == "me" {
		if agent {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", `"me" is not valid on agent routes`)
			return nil, false
		}
		return caller, true
	}
	var p *User
	if u := s.userByID[id]; u != nil {
		p = u
	} else {
		for _, u := range s.userByID {
			if !s.isAgentLocked(u) && u.Name == id {
				p = u
				break
			}
		}
	}
	self := p != nil && p.ID == caller.ID
	if !self && !caller.Admin || agent && !caller.Admin {
		writeOAuthError(w, http.StatusForbidden, "forbidden", "only an administrator of the tenant manages another principal's keys")
		return nil, false
	}
	if p == nil && agent && b != nil && b.Username != nil && *b.Username != "" {
		p = &User{ID: id, Name: *b.Username, Email: *b.Username + "@agents.example.test", TenantID: caller.TenantID}
		s.userByID[p.ID] = p
		s.admin.meta[p.ID] = &userMeta{created: now(), userType: "agent", state: "USER_STATE_ACTIVE", machine: *b.Username}
	}
	if p == nil || p.TenantID != caller.TenantID || s.isAgentLocked(p) != agent {
		writeOAuthError(w, http.StatusNotFound, "not_found", "no such principal")
		return nil, false
	}
	return p, true
}

func (s *Server) principalKeysLocked(p *User) map[string]any {
	keys := []map[string]any{}
	var mine []*accessKey
	for _, k := range s.ident.keys {
		if k.UserID == p.ID {
			mine = append(mine, k)
		}
	}
	sort.Slice(mine, func(i, j int) bool {
		return mine[i].Created.Before(mine[j].Created) || mine[i].Created.Equal(mine[j].Created) && mine[i].KeyID < mine[j].KeyID
	})
	for _, k := range mine {
		keys = append(keys, k.wire())
	}
	return map[string]any{"client_id": s.clientIDLocked(p), "user_uuid": p.ID, "tenant_id": p.TenantID, "enabled": true, "keys": keys}
}

// AccessKeys lists the key ids registered for a user, oldest first (for tests).
func (s *Server) AccessKeys(u User) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, k := range s.ident.keys {
		if k.UserID == u.ID {
			ids = append(ids, k.KeyID)
		}
	}
	slices.Sort(ids)
	return ids
}
