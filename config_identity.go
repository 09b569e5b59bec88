package istari

// This file holds the identity-service (access-key) settings: their checks, and the bearer tokens of registry
// calls, a fixed personal access token or identity-service access tokens.

import (
	"context"
	"errors"
	"net/http"

	"github.com/istari-sdk/istari-go/internal/identity"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/redact"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/transport"
)

// identityNeeds ends the identity-mode configuration messages, as Python words them.
const identityNeeds = " must be set when identity-service auth is enabled (" + envIdentityEnabled + ")"

// checkIdentity reports the identity-mode problems of c in Python's order: the gateway URL, a secret, then the
// credentials themselves. It reads the credentials file.
func (c Configuration) checkIdentity() []error {
	if !c.IdentityServiceEnabled {
		return nil
	}
	var errs []error
	if c.DigitalAPIURL == "" {
		errs = append(errs, confErr("DigitalAPIURL", envDigitalAPIURL, "%s", envDigitalAPIURL+identityNeeds))
	}
	if c.IdentityServiceSecret == "" && c.IdentityServiceSecretFile == "" {
		return append(errs, confErr("IdentityServiceSecret", envIdentitySecret, "%s", envIdentitySecret+" or "+envIdentitySecretFile+identityNeeds))
	}
	if _, err := c.identityCredentials(); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// identityCredentials loads the configured credentials: the file wins over the inline secret. Its error is a
// *ConfigurationError "Invalid Identity Service credentials: <detail>" naming the source.
func (c Configuration) identityCredentials() (*identity.Credentials, error) {
	var creds *identity.Credentials
	var err error
	field, env := "IdentityServiceSecretFile", envIdentitySecretFile
	if c.IdentityServiceSecretFile != "" {
		creds, err = identity.ReadFile(c.IdentityServiceSecretFile)
	} else {
		field, env = "IdentityServiceSecret", envIdentitySecret
		creds, err = identity.DecodeInline(c.IdentityServiceSecret.Reveal())
	}
	if err != nil {
		return nil, confErr(field, env, "Invalid Identity Service credentials: %s", err.Error())
	}
	return creds, nil
}

// patAuth sends the configured personal access token; a 401 cannot be cured by sending it again.
type patAuth struct{ token Secret }

func (a patAuth) Token(context.Context) (string, error) { return a.token.Reveal(), nil }
func (patAuth) Invalidate(string) bool                  { return false }

// identityAuth sends identity-service access tokens; a registry 401 drops the token so that the request is
// sent once more with a fresh one.
type identityAuth struct{ src *identity.TokenSource }

func (a identityAuth) Token(ctx context.Context) (string, error) {
	tok, err := a.src.Token(ctx)
	if err != nil {
		return "", identityError(string(ops.IssueToken), err)
	}
	return tok, nil
}

func (a identityAuth) Invalidate(token string) bool { return a.src.Invalidate(token) }

// newTokenSource builds the identity token source of identity mode, on the client's HTTP client so that the
// proxy and CA settings apply to the token requests too.
func (c Configuration) newTokenSource(creds *identity.Credentials, hc *http.Client, scrub *redact.Scrubber, tel *telemetry.Telemetry) *identity.TokenSource {
	op, _ := ops.Identity().Lookup(string(ops.IssueToken))
	return identity.NewTokenSource(identity.Config{
		TokenURL:    c.identityBaseURL() + op.Path,
		Credentials: creds,
		HTTPClient:  hc,
		Attempts:    c.retryAttempts(),
		MinInterval: c.retryMinInterval(),
		MaxInterval: c.retryMaxInterval(),
		Jitter:      c.retryJitter(),
		Logger:      c.Logger,
		Telemetry:   tel,
		OnToken:     scrub.Remember,
	})
}

// identityError turns an error of internal/identity into an *IdentityServiceError of op; context errors stay
// as they are.
func identityError(op string, err error) error {
	var ie *identity.Error
	if !errors.As(err, &ie) {
		return err
	}
	return &IdentityServiceError{Op: op, StatusCode: ie.StatusCode, Code: ie.Code, Message: ie.Message}
}

// identityState is what identity mode adds to a Client: the credentials and their token source (both nil
// without identity mode).
type identityState struct {
	creds  *identity.Credentials
	tokens *identity.TokenSource
}

// newAuth returns the bearer-token supplier of registry calls: identity-service access tokens in identity mode,
// the personal access token otherwise.
func (c Configuration) newAuth(hc *http.Client, scrub *redact.Scrubber, tel *telemetry.Telemetry) (transport.Authorizer, identityState, error) {
	if !c.IdentityServiceEnabled {
		if c.RegistryAuthToken == "" {
			return nil, identityState{}, nil
		}
		return patAuth{token: c.RegistryAuthToken}, identityState{}, nil
	}
	creds, err := c.identityCredentials()
	if err != nil {
		return nil, identityState{}, err
	}
	st := identityState{creds: creds, tokens: c.newTokenSource(creds, hc, scrub, tel)}
	return identityAuth{src: st.tokens}, st, nil
}
