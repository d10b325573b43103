package auth

import "errors"

// ErrUnauthenticated is wrapped by every error that means "we do not know
// who this caller is". Callers test for it with errors.Is and answer 401,
// rather than matching messages, which are for people and may change.
var ErrUnauthenticated = errors.New("unauthenticated")

// rejection is the one error type Verify and BearerToken return. Its
// message is a fixed, short reason chosen here, never text taken from the
// token or from a library error, because those can carry attacker-chosen
// strings (kid, alg) or the token itself into logs.
type rejection struct {
	reason string
	cause  error // kept for errors.Is/As (e.g. jwt.ErrTokenExpired), never printed
}

func (e *rejection) Error() string { return ErrUnauthenticated.Error() + ": " + e.reason }

func (e *rejection) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrUnauthenticated}
	}
	return []error{ErrUnauthenticated, e.cause}
}

func reject(reason string, cause error) error {
	return &rejection{reason: reason, cause: cause}
}
