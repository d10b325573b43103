package apitest_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"slices"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Every way a token can be wrong answers UNAUTHENTICATED and no data
// (issue 2). The verifier's own tests cover each check in depth; these
// prove the server refuses them end to end.
func TestEveryBadTokenIsRefusedWithNoData(t *testing.T) {
	s := server(t)
	key, kid := s.SigningKey(t)
	subject := s.Account(t, "priya.practitioner").Subject
	claims := func(edit func(jwt.MapClaims)) jwt.MapClaims {
		c := jwt.MapClaims{"iss": "reablement-test", "aud": "reablement", "sub": subject,
			"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
		if edit != nil {
			edit(c)
		}
		return c
	}
	sign := func(method jwt.SigningMethod, kid string, c jwt.MapClaims, k any) string {
		tok := jwt.NewWithClaims(method, c)
		tok.Header["kid"] = kid
		out, err := tok.SignedString(k)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)

	good := sign(jwt.SigningMethodEdDSA, kid, claims(nil), key)
	if r := s.Do(t, good, `{ me { roles } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("a well-made token was refused: %+v", r.Errors)
	}
	cases := map[string]string{
		"no token":                       "",
		"alg none":                       sign(jwt.SigningMethodNone, kid, claims(nil), jwt.UnsafeAllowNoneSignatureType),
		"HS256 made with the public key": sign(jwt.SigningMethodHS256, kid, claims(nil), []byte(key.Public().(ed25519.PublicKey))),
		"a wrong key":                    sign(jwt.SigningMethodEdDSA, kid, claims(nil), otherKey),
		"expired":                        sign(jwt.SigningMethodEdDSA, kid, claims(func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-5 * time.Minute).Unix() }), key),
		"wrong audience":                 sign(jwt.SigningMethodEdDSA, kid, claims(func(c jwt.MapClaims) { c["aud"] = "someone-else" }), key),
		"wrong issuer":                   sign(jwt.SigningMethodEdDSA, kid, claims(func(c jwt.MapClaims) { c["iss"] = "https://evil.example" }), key),
		"unknown kid":                    sign(jwt.SigningMethodEdDSA, "not-a-key-we-know", claims(nil), key),
		"no expiry":                      sign(jwt.SigningMethodEdDSA, kid, claims(func(c jwt.MapClaims) { delete(c, "exp") }), key),
		"a subject with no account":      sign(jwt.SigningMethodEdDSA, kid, claims(func(c jwt.MapClaims) { c["sub"] = "nobody" }), key),
	}
	for name, token := range cases {
		t.Run(name, func(t *testing.T) {
			r := s.Do(t, token, `{ me { roles } people(first: 3) { edges { node { id legalName } } } }`, nil)
			if !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) || r.HasData() {
				t.Fatalf("status %d codes %v data %.200s", r.Status, r.Codes(), r.Data)
			}
		})
	}
}
