package auth

import (
	"net/http"
	"strings"
)

// BearerToken extracts the token from an "Authorization: Bearer <token>"
// header (RFC 6750; the scheme is matched case-insensitively, as RFC 9110
// requires).
//
// present reports whether an Authorization header was sent at all, so the
// caller can tell an anonymous request (present false, err nil) from a
// broken one. A header that is there but malformed — another scheme, no
// token, more than one header, stray characters — returns an error wrapping
// [ErrUnauthenticated]: guessing what the client meant could let a
// malformed credential be treated as anonymous access.
func BearerToken(r *http.Request) (token string, present bool, err error) {
	values := r.Header.Values("Authorization")
	switch len(values) {
	case 0:
		return "", false, nil
	case 1:
	default:
		return "", true, reject("more than one Authorization header", nil)
	}
	scheme, rest, _ := strings.Cut(strings.TrimSpace(values[0]), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", true, reject("Authorization header is not a Bearer token", nil)
	}
	token = strings.TrimLeft(rest, " ")
	if token == "" {
		return "", true, reject("Authorization header has no token", nil)
	}
	if !isB64Token(token) {
		return "", true, reject("malformed Bearer token", nil)
	}
	return token, true, nil
}

// isB64Token reports whether s matches RFC 6750's b64token:
// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
func isB64Token(s string) bool {
	body := strings.TrimRight(s, "=")
	if body == "" {
		return false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '-', c == '.', c == '_', c == '~', c == '+', c == '/':
		default:
			return false
		}
	}
	return true
}
