package enums

// This file holds the enums of users and integrations.

import "slices"

// AuthIntegrationType is Python's istari_digital_client.v2.models.AuthIntegrationType: the identity provider of an
// auth integration.
type AuthIntegrationType string

// Known AuthIntegrationType values.
const (
	AuthIntegrationTypeGoogleAccounts     AuthIntegrationType = "google_accounts"
	AuthIntegrationTypeWindchill          AuthIntegrationType = "windchill"
	AuthIntegrationTypeTeamworkCloud      AuthIntegrationType = "teamwork_cloud"
	AuthIntegrationTypeDassault3DPassport AuthIntegrationType = "dassault_3d_passport"
	AuthIntegrationTypePingID             AuthIntegrationType = "ping_id"
	AuthIntegrationTypeMicrosoftEntra     AuthIntegrationType = "microsoft_entra"
)

var authIntegrationTypeValues = []AuthIntegrationType{
	AuthIntegrationTypeGoogleAccounts,
	AuthIntegrationTypeWindchill,
	AuthIntegrationTypeTeamworkCloud,
	AuthIntegrationTypeDassault3DPassport,
	AuthIntegrationTypePingID,
	AuthIntegrationTypeMicrosoftEntra,
}

// AuthIntegrationTypeValues returns every known AuthIntegrationType value, in documentation order. The slice is a fresh copy.
func AuthIntegrationTypeValues() []AuthIntegrationType {
	return slices.Clone(authIntegrationTypeValues)
}

// Valid reports whether v is a known AuthIntegrationType value. Unknown values still decode and encode unchanged.
func (v AuthIntegrationType) Valid() bool { return slices.Contains(authIntegrationTypeValues, v) }

// String returns the wire value.
func (v AuthIntegrationType) String() string { return string(v) }

// UserType is Python's istari_digital_client.v2.models.UserType: a user's kind (User.user_type) and the user_type
// filter of list_users (All only as a filter).
type UserType string

// Known UserType values.
const (
	UserTypeHuman UserType = "human"
	UserTypeAgent UserType = "agent"
	UserTypeAll   UserType = "all" // filter only
)

var userTypeValues = []UserType{
	UserTypeHuman,
	UserTypeAgent,
	UserTypeAll,
}

// UserTypeValues returns every known UserType value, in documentation order. The slice is a fresh copy.
func UserTypeValues() []UserType { return slices.Clone(userTypeValues) }

// Valid reports whether v is a known UserType value. Unknown values still decode and encode unchanged.
func (v UserType) Valid() bool { return slices.Contains(userTypeValues, v) }

// String returns the wire value.
func (v UserType) String() string { return string(v) }

// UserStateOption is Python's istari_digital_client.v2.models.UserStateOption: the user_state filter of list_users.
type UserStateOption string

// Known UserStateOption values.
const (
	UserStateOptionActive UserStateOption = "active" // the default
	UserStateOptionAll    UserStateOption = "all"
)

var userStateOptionValues = []UserStateOption{
	UserStateOptionActive,
	UserStateOptionAll,
}

// UserStateOptionValues returns every known UserStateOption value, in documentation order. The slice is a fresh copy.
func UserStateOptionValues() []UserStateOption { return slices.Clone(userStateOptionValues) }

// Valid reports whether v is a known UserStateOption value. Unknown values still decode and encode unchanged.
func (v UserStateOption) Valid() bool { return slices.Contains(userStateOptionValues, v) }

// String returns the wire value.
func (v UserStateOption) String() string { return string(v) }

// UserState is Python's istari_digital_client.v2.models.UserState: a user's state at the identity provider
// (User.provider_user_state); the wire uses the member names verbatim.
type UserState string

// UserState values. Wire strings are those of the published Python client 13.3.4 unless a value says unconfirmed.
const (
	UserStateActive      UserState = "USER_STATE_ACTIVE"
	UserStateInactive    UserState = "USER_STATE_INACTIVE"
	UserStateDeleted     UserState = "USER_STATE_DELETED"
	UserStateLocked      UserState = "USER_STATE_LOCKED"
	UserStateSuspend     UserState = "USER_STATE_SUSPEND"
	UserStateInitial     UserState = "USER_STATE_INITIAL"
	UserStateUnspecified UserState = "USER_STATE_UNSPECIFIED"
)

var userStateValues = []UserState{
	UserStateActive,
	UserStateInactive,
	UserStateDeleted,
	UserStateLocked,
	UserStateSuspend,
	UserStateInitial,
	UserStateUnspecified,
}

// UserStateValues returns every known UserState value, in documentation order. The slice is a fresh copy.
func UserStateValues() []UserState { return slices.Clone(userStateValues) }

// Valid reports whether v is a known UserState value. Unknown values still decode and encode unchanged.
func (v UserState) Valid() bool { return slices.Contains(userStateValues, v) }

// String returns the wire value.
func (v UserState) String() string { return string(v) }
