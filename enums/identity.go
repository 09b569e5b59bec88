package enums

// This file holds the enums of the identity service (access keys).

import "slices"

// PrincipalKind is the kind of principal an access key belongs to, Python's kind argument of client.keys
// ("user" or "agent"): it selects the identity service's /api/v1/users or /api/v1/agents routes.
type PrincipalKind string

// Known PrincipalKind values.
const (
	PrincipalKindUser  PrincipalKind = "user"
	PrincipalKindAgent PrincipalKind = "agent"
)

var principalKindValues = []PrincipalKind{PrincipalKindUser, PrincipalKindAgent}

// Deprecated names of the PrincipalKind values (before every constant was named PrincipalKind<Value>).
const (
	// Deprecated: use PrincipalKindUser.
	PrincipalUser PrincipalKind = PrincipalKindUser
	// Deprecated: use PrincipalKindAgent.
	PrincipalAgent PrincipalKind = PrincipalKindAgent
)

// PrincipalKindValues returns every known PrincipalKind value, in documentation order. The slice is a fresh copy.
func PrincipalKindValues() []PrincipalKind { return slices.Clone(principalKindValues) }

// Valid reports whether v is a known PrincipalKind value.
func (v PrincipalKind) Valid() bool { return slices.Contains(principalKindValues, v) }

// String returns the wire value.
func (v PrincipalKind) String() string { return string(v) }
