package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"time"
)

// Algorithm names, as they appear in a token's "alg" header. Only
// asymmetric algorithms are supported: with a shared secret (HS256) anyone
// who can verify a token can also forge one.
const (
	algRS256 = "RS256"
	algES256 = "ES256"
	algEdDSA = "EdDSA"
)

// supportedAlgorithms is both the default allow-list and the limit on what
// Config.Algorithms may name.
var supportedAlgorithms = []string{algRS256, algES256, algEdDSA}

const (
	defaultLeeway = 30 * time.Second
	// maxLeeway bounds clock-skew tolerance: a minute is already generous for
	// NTP-synced machines, and more would quietly extend every token's life.
	maxLeeway = time.Minute
	// minRSABits rejects keys that are cheap to factor; 2048 is the NCSC and
	// NIST floor.
	minRSABits = 2048
)

// Config says which tokens a [Verifier] accepts. Issuer, Audience and at
// least one key source (JWKSFile, JWKSURL or an extra key passed to
// [NewVerifier]) are required: a verifier that skipped any of them would
// accept tokens minted for someone else.
type Config struct {
	// Issuer must equal the token's "iss" claim exactly. It names the
	// identity provider so that tokens from any other provider, even one
	// whose keys we happen to hold, are refused.
	Issuer string
	// Audience must appear in the token's "aud" claim. It stops a token the
	// provider issued for another council application being replayed here.
	Audience string
	// JWKSFile is the path of a JSON Web Key Set on disk, for deployments
	// that pin keys or run without network access to the provider. Every key
	// in it must have a "kid". It is read once, at start-up.
	JWKSFile string
	// JWKSURL is the provider's JWKS endpoint (https, or http on loopback
	// only, since a key fetched in clear text could be swapped in transit).
	// It is fetched at start-up, refreshed hourly so removed keys stop
	// working, and refetched when a token names an unknown kid — at most
	// once every 30 seconds, so a flood of junk tokens cannot turn into a
	// flood of requests to the provider.
	JWKSURL string
	// Algorithms is the allow-list of "alg" values; empty means RS256, ES256
	// and EdDSA. Only those three may be named: an explicit list stops the
	// classic attacks of "alg: none" and of HS256 keyed with a public key.
	Algorithms []string
	// Leeway is how far clocks may disagree when checking exp, nbf and iat.
	// Zero means 30 seconds (some tolerance is always needed because clocks
	// drift); it must be less than a minute, or NewVerifier refuses the
	// config, because large leeway silently lengthens every token's life.
	Leeway time.Duration
	// MaxAge is the oldest a token may be: one whose iat is further back,
	// or whose exp is further than MaxAge after its iat, is refused, so a
	// provider misconfigured to mint week-long tokens (or a token stolen
	// from a log) does not open a week-long session. Zero means 12 hours;
	// with a maximum, iat is required.
	MaxAge time.Duration
}

// defaultMaxAge is a working day and a half: a shift's sign-in lasts the
// shift, never the week.
const defaultMaxAge = 12 * time.Hour

// Key is a public key the [Verifier] trusts in addition to its JWKS, such
// as the [DevSigner]'s. It carries its algorithm because a key must only
// ever verify the one algorithm it was made for.
type Key struct {
	// ID is the "kid" tokens signed with this key carry in their header.
	ID string
	// Algorithm is the only "alg" this key will verify (RS256, ES256 or
	// EdDSA).
	Algorithm string
	// Public is an *rsa.PublicKey, a P-256 *ecdsa.PublicKey or an
	// ed25519.PublicKey.
	Public crypto.PublicKey
}

// normalise fills in defaults and checks cfg, so the rest of the package
// can rely on a complete, sane config.
func (cfg Config) normalise() (Config, error) {
	if cfg.Issuer == "" {
		return cfg, errors.New("auth: config: Issuer is required")
	}
	if cfg.Audience == "" {
		return cfg, errors.New("auth: config: Audience is required")
	}
	switch {
	case cfg.Leeway < 0:
		return cfg, fmt.Errorf("auth: config: Leeway %v is negative", cfg.Leeway)
	case cfg.Leeway == 0:
		cfg.Leeway = defaultLeeway
	case cfg.Leeway >= maxLeeway:
		return cfg, fmt.Errorf("auth: config: Leeway %v must be less than %v", cfg.Leeway, maxLeeway)
	}
	switch {
	case cfg.MaxAge < 0:
		return cfg, fmt.Errorf("auth: config: MaxAge %v is negative", cfg.MaxAge)
	case cfg.MaxAge == 0:
		cfg.MaxAge = defaultMaxAge
	}
	if len(cfg.Algorithms) == 0 {
		cfg.Algorithms = slices.Clone(supportedAlgorithms)
	} else {
		algs := make([]string, 0, len(cfg.Algorithms))
		for _, a := range cfg.Algorithms {
			if !slices.Contains(supportedAlgorithms, a) {
				return cfg, fmt.Errorf("auth: config: algorithm %q is not supported (use %v)", a, supportedAlgorithms)
			}
			if !slices.Contains(algs, a) {
				algs = append(algs, a)
			}
		}
		cfg.Algorithms = algs
	}
	if cfg.JWKSURL != "" {
		if err := checkJWKSURL(cfg.JWKSURL); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// checkJWKSURL insists on https because whoever controls the key set can
// sign in as anyone; plain http is allowed only on loopback, for tests and
// sidecars.
func checkJWKSURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("auth: config: JWKSURL is not an absolute URL")
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		host := u.Hostname()
		if host == "localhost" {
			return nil
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			return nil
		}
		return fmt.Errorf("auth: config: JWKSURL must use https (plain http is allowed only on loopback)")
	default:
		return fmt.Errorf("auth: config: JWKSURL scheme %q is not https", u.Scheme)
	}
}

// publicOf returns the public half when given a private key, because a
// JWKS may (wrongly) publish private material and we only ever verify.
func publicOf(key any) any {
	if pk, ok := key.(interface{ Public() crypto.PublicKey }); ok {
		return pk.Public()
	}
	return key
}

// keyFits reports whether key is the right kind of key for alg. The JWT
// library checks Go types too, but checking here as well keeps the rule in
// one visible place and adds what it does not check: the curve and the RSA
// key size.
func keyFits(alg string, key any) bool {
	switch alg {
	case algRS256:
		k, ok := key.(*rsa.PublicKey)
		return ok && k.N != nil && k.N.BitLen() >= minRSABits
	case algES256:
		k, ok := key.(*ecdsa.PublicKey)
		return ok && k.Curve == elliptic.P256()
	case algEdDSA:
		k, ok := key.(ed25519.PublicKey)
		return ok && len(k) == ed25519.PublicKeySize
	}
	return false
}
