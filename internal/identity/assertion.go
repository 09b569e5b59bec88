package identity

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
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
		"jti": newUUID(),
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

// newUUID returns a random (version 4) UUID in its canonical text form.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
