package identity

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/istari-sdk/istari-go/internal/storage"
)

// AssertionLifetime is the validity of a client assertion: exp = iat + 300 s.
const AssertionLifetime = 300 * time.Second

// AssertionType is the client_assertion_type of the token request.
const AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// Assertion signs the ES384 client-assertion JWT for the token endpoint at audience: header kid = key id (and
// typ JWT), claims iss = sub = client id, aud = audience (a string, as PyJWT writes it), iat = now in whole
// seconds, exp = iat + 300, jti = a random UUID v4.
func (c *Credentials) Assertion(audience string, now time.Time) (string, error) {
	iat := now.Unix()
	claims := jwt.MapClaims{
		"iss": c.ClientID,
		"sub": c.ClientID,
		"aud": audience,
		"iat": iat,
		"exp": iat + int64(AssertionLifetime/time.Second),
		"jti": storage.NewUUID(),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodES384, claims)
	tok.Header["kid"] = c.KeyID
	signed, err := tok.SignedString(c.Key)
	if err != nil {
		// The library's message describes the key type, never the key; keep it out anyway.
		return "", fmt.Errorf("signing the client assertion failed")
	}
	return signed, nil
}
