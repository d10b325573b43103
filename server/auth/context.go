package auth

import "context"

// claimsKey is unexported so no other package can set or overwrite the
// verified identity by accident or on purpose.
type claimsKey struct{}

// WithClaims returns a context carrying verified claims. Only call it with
// claims that came from [Verifier.Verify]: resolvers further down trust
// whatever they find here.
func WithClaims(ctx context.Context, c Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

// ClaimsFrom returns the claims stored by [WithClaims]. ok is false for an
// anonymous request, so callers must decide explicitly what an unknown
// caller may do rather than getting a zero-valued identity.
func ClaimsFrom(ctx context.Context) (c Claims, ok bool) {
	c, ok = ctx.Value(claimsKey{}).(Claims)
	return c, ok
}
