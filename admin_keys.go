package istari

// This file holds access-key management on the Istari Identity Service (Python client.keys): exchanging a
// personal access token for an access key, and registering, listing, reading and revoking the keys of users
// and agents.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/identity"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/redact"
	"github.com/istari-sdk/istari-go/internal/transport"
	"github.com/istari-sdk/istari-go/types"
)

// ErrIdentityService matches every *IdentityServiceError.
var ErrIdentityService = errors.New("istari: identity service error")

// IdentityServiceError is a failure of the Istari Identity Service: the access-token request of identity mode
// (which then fails the registry call that needed the token), a personal-access-token exchange, or a
// key-management call. It is Python's IdentityServiceError, ExchangePatError and KeyRegistrationError.
//
// errors.Is matches ErrIdentityService and the sentinel of the HTTP status (ErrUnauthorized, ErrNotFound,
// ErrConflict...). The message never contains a response body, an access token, an assertion or a key.
type IdentityServiceError struct {
	// Op is the identity operation: "issue_token", "exchange_user_pat", "register_agent_key", ...
	Op string
	// StatusCode is the HTTP status when the service answered, 0 when it could not be reached.
	StatusCode int
	// Code is the service's error code when it sent one: "invalid_pat", "duplicate_key_id", "not_found",
	// "invalid_client"...
	Code string
	// Message is Python's message, e.g. "Identity-router authentication failed: HTTP 401".
	Message string

	err error // the transport or context error, when there was no answer
}

// Error renders "istari: identity service: <op>: <message>".
func (e *IdentityServiceError) Error() string {
	return "istari: identity service: " + e.Op + ": " + e.Message
}

// Is matches ErrIdentityService and the sentinel of StatusCode.
func (e *IdentityServiceError) Is(target error) bool {
	if target == ErrIdentityService {
		return true
	}
	s := sentinelFor(e.StatusCode, "")
	return s != nil && target == s
}

// Unwrap returns the transport or context error behind a call that got no answer.
func (e *IdentityServiceError) Unwrap() error { return e.err }

// KeyManager manages access keys: Python's client.keys. Get it with [Client.Keys].
//
// ExchangePAT and GenerateAndExchange need only DigitalAPIURL and a personal access token; every other method
// needs identity mode (IdentityServiceEnabled with credentials) and authenticates with the client's access
// token. Every call takes ctx, is retried like a registry call on timeouts, connection errors and 5xx (10 s per
// attempt), and fails with *IdentityServiceError when the service refuses.
type KeyManager struct{ c *Client }

// Keys returns the access-key manager of the client (Python client.keys).
func (c *Client) Keys() *KeyManager { return &KeyManager{c: c} }

// KeyTarget names whose keys a call manages. The zero value is the caller itself ("me", a user).
type KeyTarget struct {
	// PrincipalID is the user or agent id; "" or "me" is the caller (user routes only).
	PrincipalID string
	// Kind is enums.PrincipalKindUser ("" too) or enums.PrincipalKindAgent. Agents cannot manage their own keys: agent
	// routes need an explicit PrincipalID and an administrator of the same tenant.
	Kind enums.PrincipalKind
}

// ExchangePATOptions are the optional settings of [KeyManager.ExchangePAT].
type ExchangePATOptions struct {
	// PAT is the personal access token to exchange; "" = Configuration.RegistryAuthToken.
	PAT Secret
	// Kind is the kind of principal the PAT belongs to: user ("") or agent.
	Kind enums.PrincipalKind
	// Name labels the key; "" lets the server use the key id.
	Name string
}

// GenerateAndExchangeOptions are the optional settings of [KeyManager.GenerateAndExchange].
type GenerateAndExchangeOptions struct {
	// PAT is the personal access token to exchange; "" = Configuration.RegistryAuthToken.
	PAT Secret
	// Kind is the kind of principal the PAT belongs to: user ("") or agent.
	Kind enums.PrincipalKind
	// KeyID is the id of the new key; "" = "key-" and 8 random hex digits.
	KeyID string
	// Name labels the key; "" lets the server use the key id.
	Name string
}

// ExchangePATResult is what [KeyManager.ExchangePAT] returns (Python ExchangePatResponse with its key pair): the
// server's answer, and the credentials bound to the server's client id and key id, ready for
// [Credentials.WriteFile] or [Credentials.InlineSecret].
type ExchangePATResult struct {
	types.ExchangePATResponse
	Credentials *Credentials
}

// RegisterKeyOptions are the optional settings of [KeyManager.Register].
type RegisterKeyOptions struct {
	// Target is whose key it is; the zero value is the caller.
	Target KeyTarget
	// Name labels the key; "" lets the server use the key id.
	Name string
	// Username and DisplayName describe a new agent when an administrator registers its first key.
	Username, DisplayName string
	// ExpiresAt is when the key stops working: in the future and at most one year away; nil = the server's
	// default of one year.
	ExpiresAt *time.Time
}

// GenerateAndRegisterOptions are the optional settings of [KeyManager.GenerateAndRegister].
type GenerateAndRegisterOptions struct {
	// Target is whose key it is; the zero value is the caller.
	Target KeyTarget
	// KeyID is the id of the new key; "" = "key-" and 8 random hex digits.
	KeyID string
	// Name labels the key; "" lets the server use the key id.
	Name string
}

// GeneratedKey is a key made and registered by [KeyManager.GenerateAndRegister]: its metadata and the
// credentials bound to the principal and the server's key id.
type GeneratedKey struct {
	Metadata    *types.KeyMetadata
	Credentials *Credentials
}

// keyOps are the identity operations of one principal kind.
type keyOps struct{ exchange, register, list, get, revoke ops.ID }

var keyRoutes = map[enums.PrincipalKind]keyOps{
	enums.PrincipalKindUser:  {ops.ExchangeUserPAT, ops.RegisterUserKey, ops.ListUserKeys, ops.GetUserKey, ops.RevokeUserKey},
	enums.PrincipalKindAgent: {ops.ExchangeAgentPAT, ops.RegisterAgentKey, ops.ListAgentKeys, ops.GetAgentKey, ops.RevokeAgentKey},
}

// exchangePAT is the ExchangePat body.
type exchangePAT struct {
	KeyID        string `json:"key_id"`
	PublicKeyPEM string `json:"public_key_pem"`
	Name         string `json:"name,omitempty"`
}

// registerKey is the RegisterKey body.
type registerKey struct {
	KeyID        string `json:"key_id"`
	PublicKeyPEM string `json:"public_key_pem"`
	Username     string `json:"username,omitempty"`
	DisplayName  string `json:"display_name,omitempty"`
	ExpiresAt    string `json:"expires_at,omitempty"`
	Name         string `json:"name,omitempty"`
}

// ExchangePAT registers the public key of creds for the owner of a personal access token and returns the
// server's ids with creds re-bound to them (Python client.keys.exchange_pat). It needs only DigitalAPIURL.
// The PAT is terminal on 401: it is not sent again.
func (k *KeyManager) ExchangePAT(ctx context.Context, creds *Credentials, opts *ExchangePATOptions) (*ExchangePATResult, error) {
	if opts == nil {
		opts = &ExchangePATOptions{}
	}
	kind, err := principalKind(opts.Kind)
	if err != nil {
		return nil, err
	}
	ic, err := creds.internal()
	if err != nil {
		return nil, err
	}
	pat, err := k.exchangePrereqs(opts.PAT)
	if err != nil {
		return nil, err
	}
	pub, err := ic.PublicKeyPEM()
	if err != nil {
		return nil, err
	}
	var out types.ExchangePATResponse
	body := exchangePAT{KeyID: creds.KeyID, PublicKeyPEM: pub, Name: strings.TrimSpace(opts.Name)}
	if err := k.do(ctx, keyRoutes[kind].exchange, nil, pat, body, &out); err != nil {
		return nil, err
	}
	return &ExchangePATResult{ExchangePATResponse: out, Credentials: creds.rebind(out.ClientID, out.KeyID)}, nil
}

// GenerateAndExchange makes a new P-384 key pair and exchanges a personal access token for it (Python
// client.keys.generate_keypair_and_exchange). It needs only DigitalAPIURL.
func (k *KeyManager) GenerateAndExchange(ctx context.Context, opts *GenerateAndExchangeOptions) (*ExchangePATResult, error) {
	if opts == nil {
		opts = &GenerateAndExchangeOptions{}
	}
	creds, err := GenerateCredentials("", opts.KeyID)
	if err != nil {
		return nil, err
	}
	return k.ExchangePAT(ctx, creds, &ExchangePATOptions{PAT: opts.PAT, Kind: opts.Kind, Name: opts.Name})
}

// ClientID is the client id of the configured credentials (Python client.keys.client_id), without any request.
func (k *KeyManager) ClientID() (string, error) {
	if err := k.identityPrereqs(); err != nil {
		return "", err
	}
	return k.c.identity.creds.ClientID, nil
}

// Register registers the public key of creds for a principal (Python client.keys.register) and returns the
// key's metadata.
func (k *KeyManager) Register(ctx context.Context, creds *Credentials, opts *RegisterKeyOptions) (*types.KeyMetadata, error) {
	if opts == nil {
		opts = &RegisterKeyOptions{}
	}
	kind, principal, err := k.target(opts.Target)
	if err != nil {
		return nil, err
	}
	ic, err := creds.internal()
	if err != nil {
		return nil, err
	}
	body := registerKey{KeyID: creds.KeyID, Username: opts.Username, DisplayName: opts.DisplayName, Name: strings.TrimSpace(opts.Name)}
	if opts.ExpiresAt != nil {
		if err := checkKeyExpiry(*opts.ExpiresAt); err != nil {
			return nil, err
		}
		body.ExpiresAt = opts.ExpiresAt.UTC().Format(time.RFC3339)
	}
	if body.PublicKeyPEM, err = ic.PublicKeyPEM(); err != nil {
		return nil, err
	}
	var out types.KeyMetadata
	if err := k.do(ctx, keyRoutes[kind].register, []string{principal}, "", body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GenerateAndRegister makes a new P-384 key pair and registers it (Python
// client.keys.generate_keypair_and_register). For the caller (Target zero or "me") the credentials carry the
// caller's own client id; otherwise the principal id.
func (k *KeyManager) GenerateAndRegister(ctx context.Context, opts *GenerateAndRegisterOptions) (*GeneratedKey, error) {
	if opts == nil {
		opts = &GenerateAndRegisterOptions{}
	}
	_, principal, err := k.target(opts.Target)
	if err != nil {
		return nil, err
	}
	clientID := principal
	if principal == "me" {
		clientID = k.c.identity.creds.ClientID
	}
	creds, err := GenerateCredentials(clientID, opts.KeyID)
	if err != nil {
		return nil, err
	}
	meta, err := k.Register(ctx, creds, &RegisterKeyOptions{Target: opts.Target, Name: opts.Name})
	if err != nil {
		return nil, err
	}
	return &GeneratedKey{Metadata: meta, Credentials: creds.rebind(clientID, meta.KeyID)}, nil
}

// List returns a principal's keys (Python client.keys.list).
func (k *KeyManager) List(ctx context.Context, target KeyTarget) (*types.PrincipalKeys, error) {
	kind, principal, err := k.target(target)
	if err != nil {
		return nil, err
	}
	var out types.PrincipalKeys
	if err := k.do(ctx, keyRoutes[kind].list, []string{principal}, "", nil, &out); err != nil {
		return nil, err
	}
	if out.Keys == nil {
		out.Keys = []types.KeyMetadata{}
	}
	return &out, nil
}

// Get returns one key's metadata (Python client.keys.get); an absent key is an *IdentityServiceError matching
// ErrNotFound.
func (k *KeyManager) Get(ctx context.Context, keyID string, target KeyTarget) (*types.KeyMetadata, error) {
	kind, principal, err := k.target(target)
	if err != nil {
		return nil, err
	}
	var out types.KeyMetadata
	if err := k.do(ctx, keyRoutes[kind].get, []string{principal, keyID}, "", nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Revoke deletes a key for good (Python client.keys.revoke): access tokens can no longer be obtained with it.
func (k *KeyManager) Revoke(ctx context.Context, keyID string, target KeyTarget) error {
	kind, principal, err := k.target(target)
	if err != nil {
		return err
	}
	return k.do(ctx, keyRoutes[kind].revoke, []string{principal, keyID}, "", nil, nil)
}

// principalKind validates a kind, "" meaning user.
func principalKind(kind enums.PrincipalKind) (enums.PrincipalKind, error) {
	if kind == "" {
		return enums.PrincipalKindUser, nil
	}
	if err := checkEnum("kind", lowerEnum(kind), enums.PrincipalKindValues()); err != nil {
		return "", err
	}
	return lowerEnum(kind), nil
}

// target checks a key target and the identity-mode prerequisites, in Python's order, and returns the kind and
// the principal path segment.
func (k *KeyManager) target(t KeyTarget) (enums.PrincipalKind, string, error) {
	kind, err := principalKind(t.Kind)
	if err != nil {
		return "", "", err
	}
	principal := t.PrincipalID
	if principal == "" {
		principal = "me"
	}
	if kind == enums.PrincipalKindAgent && principal == "me" {
		return "", "", newValidationError("principal_id", "required", "",
			`"me" is not valid on agent key routes, and an agent cannot manage its own keys; pass the agent's id as KeyTarget.PrincipalID`)
	}
	if err := k.identityPrereqs(); err != nil {
		return "", "", err
	}
	return kind, principal, nil
}

func (k *KeyManager) identityPrereqs() error {
	if k.c.cfg.DigitalAPIURL == "" {
		return confErr("DigitalAPIURL", envDigitalAPIURL, "Identity Service URL could not be derived; set DigitalAPIURL (%s)", envDigitalAPIURL)
	}
	if k.c.identity.tokens == nil {
		return confErr("IdentityServiceEnabled", envIdentityEnabled,
			"Identity Service mode is not enabled; key management requires it. Enable it (%s=true) with access-key credentials (%s or %s), e.g. from KeyManager.ExchangePAT",
			envIdentityEnabled, envIdentitySecretFile, envIdentitySecret)
	}
	return nil
}

func (k *KeyManager) exchangePrereqs(pat Secret) (string, error) {
	if k.c.cfg.DigitalAPIURL == "" {
		return "", confErr("DigitalAPIURL", envDigitalAPIURL, "Identity Service URL could not be derived; set DigitalAPIURL (%s)", envDigitalAPIURL)
	}
	if pat == "" {
		pat = k.c.cfg.RegistryAuthToken
	}
	if pat == "" {
		return "", confErr("RegistryAuthToken", envRegistryAuthToken,
			"No PAT provided and no registry auth token is configured; pass ExchangePATOptions.PAT or set RegistryAuthToken (%s)", envRegistryAuthToken)
	}
	return pat.Reveal(), nil
}

// checkKeyExpiry applies the server's rule locally: in the future, at most one year away.
func checkKeyExpiry(at time.Time) error {
	now := time.Now()
	if !at.After(now) {
		return newValidationError("expires_at", "future", "", "must be in the future")
	}
	if at.After(now.AddDate(1, 0, 0)) {
		return newValidationError("expires_at", "max", "1 year", "must be at most one year away")
	}
	return nil
}

// do performs one identity-service operation: route from the identity table (strictly escaped segments),
// JSON body, the PAT or (pat "") the client's access token, and the transport's retries and 401 refresh.
func (k *KeyManager) do(ctx context.Context, id ops.ID, path []string, pat string, body, out any) error {
	opID := string(id)
	op, ok := ops.Identity().Lookup(opID)
	if !ok {
		return fmt.Errorf("istari: unknown identity operation %q", opID)
	}
	p, err := op.ExpandStrict(path...)
	if err != nil {
		return k.c.pathError(op.Params(), path, err)
	}
	var payload []byte
	if body != nil {
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("istari: %s: encoding request body: %w", opID, err)
		}
	}
	target := k.c.cfg.identityBaseURL() + p
	timeout := identity.AttemptTimeout
	h := make(http.Header, 4)
	h.Set("User-Agent", k.c.userAgent)
	h.Set("Accept", "application/json")
	if payload != nil {
		h.Set("Content-Type", "application/json")
	}
	// The exchange sends the PAT, which a 401 cannot cure; the other calls send the client's access token,
	// refreshed once on a 401.
	var auth transport.Authorizer = patAuth{token: Secret(pat)}
	if pat == "" {
		auth = identityAuth{src: k.c.identity.tokens}
	}
	resp, attempts, err := k.c.tr.Do(ctx, &transport.Request{Method: op.Method, URL: target, Header: h, Body: payload, //nolint:bodyclose // drainAndClose below
		AttemptTimeout: &timeout, RetryUnsafe: true, Label: opID, Auth: auth})
	if err != nil {
		var ie *IdentityServiceError
		if errors.As(err, &ie) {
			return err // the access token could not be obtained
		}
		return &IdentityServiceError{Op: opID, Message: "Identity-router request failed after " + strconv.Itoa(attempts) + " attempt(s): " + err.Error(), err: err}
	}
	defer drainAndClose(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		// The service's text may echo the PAT or the access token: scrub it with every secret the client knows
		// and the PAT of this call.
		return identityAPIError(k.c.scrub.With(pat), opID, resp.StatusCode, raw)
	}
	if out == nil {
		return nil
	}
	// Bounded like every registry answer the SDK decodes (Configuration.MaxResponseBytes).
	if err := json.NewDecoder(&limitedBody{r: resp.Body, left: k.c.cfg.maxResponseBytes()}).Decode(out); err != nil {
		if errors.Is(err, ErrResponseTooLarge) {
			return &IdentityServiceError{Op: opID, StatusCode: resp.StatusCode, Message: "Identity-router response is larger than the client's limit (MaxResponseBytes)", err: err}
		}
		if errors.Is(err, io.EOF) {
			return &IdentityServiceError{Op: opID, StatusCode: resp.StatusCode, Message: "Identity-router returned an empty response body"}
		}
		return &IdentityServiceError{Op: opID, StatusCode: resp.StatusCode, Message: "Identity-router returned a malformed response body"}
	}
	return nil
}

// identityAPIError decodes the service's {error, error_description} answer into Python's message
// "Identity-router request failed: HTTP <s> (<error>): <error_description>".
func identityAPIError(scrub *redact.Scrubber, op string, status int, raw []byte) *IdentityServiceError {
	var env struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	e := &IdentityServiceError{Op: op, StatusCode: status, Message: "Identity-router request failed: HTTP " + strconv.Itoa(status)}
	if json.Unmarshal(raw, &env) == nil && env.Error != "" {
		e.Code = scrub.String(env.Error)
		e.Message += " (" + e.Code + ")"
		if env.Description != "" {
			e.Message += ": " + scrub.String(env.Description)
		}
	}
	return e
}
