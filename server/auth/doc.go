// Package auth checks who is calling the reablement API.
//
// A caller proves who they are with a JSON Web Token issued by the
// council's identity provider. [Verifier] checks that token's signature
// against the provider's published keys (a JWKS file or URL) and checks its
// issuer, audience, lifetime and key ID. The token only names the user: what
// they may see or change is decided from the database elsewhere, so that
// revoking someone's access never waits for their token to expire.
//
// Every rejection wraps [ErrUnauthenticated], so HTTP and GraphQL layers can
// answer 401 with one errors.Is check, and every message says briefly why
// without repeating the token, so logs never hold a usable credential.
//
// [DevSigner] mints tokens for local demos where no identity provider runs.
package auth
