package auth

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// maxDevTTL caps dev tokens at a working day, so a token copied out of a
// demo does not stay useful for long.
const maxDevTTL = 12 * time.Hour

// DevSigner mints Ed25519-signed tokens for local demos and tests, where
// no identity provider runs. Anyone holding its key can sign in as anyone,
// so it must stay off unless explicitly configured, and the server must log
// loudly (at warning level, at start-up) whenever it is on, so it is never
// left enabled in a council's deployment by accident. Trust it by passing
// [DevSigner.Key] to [NewVerifier] as an extra key.
type DevSigner struct {
	issuer   string
	audience string
	kid      string
	key      ed25519.PrivateKey
}

// NewDevSigner returns a signer whose tokens carry issuer and audience;
// use the same values as the Verifier's [Config].
//
// With keyPath "" the key lives only in memory, so tokens die with the
// process. Otherwise the key is loaded from keyPath, or created there
// (mode 0600) if missing, so demo sessions survive restarts. A key file
// others can read is refused rather than used, since it would let them
// sign in as anyone.
func NewDevSigner(issuer, audience string, keyPath string) (*DevSigner, error) {
	if issuer == "" || audience == "" {
		return nil, errors.New("auth: dev signer: issuer and audience are required")
	}
	var key ed25519.PrivateKey
	var err error
	if keyPath == "" {
		_, key, err = ed25519.GenerateKey(rand.Reader)
	} else {
		key, err = loadOrCreateDevKey(keyPath)
	}
	if err != nil {
		return nil, err
	}
	return &DevSigner{
		issuer:   issuer,
		audience: audience,
		kid:      devKID(key.Public().(ed25519.PublicKey)),
		key:      key,
	}, nil
}

// Mint returns a signed token for subject, valid for ttl (capped at 12
// hours), and its expiry time. The token carries kid, iss, aud, sub, iat,
// exp and a random jti, the same shape a real provider's tokens have, so
// demos exercise the same Verifier path as production.
func (s *DevSigner) Mint(subject string, ttl time.Duration) (string, time.Time, error) {
	if subject == "" {
		return "", time.Time{}, errors.New("auth: dev signer: subject is required")
	}
	if ttl <= 0 {
		return "", time.Time{}, fmt.Errorf("auth: dev signer: ttl %v is not positive", ttl)
	}
	ttl = min(ttl, maxDevTTL)
	var jti [16]byte
	if _, err := rand.Read(jti[:]); err != nil {
		return "", time.Time{}, err
	}
	// Whole seconds, because that is all a JWT carries: the returned expiry
	// then matches the token's exactly.
	now := time.Now().Truncate(time.Second)
	exp := now.Add(ttl)
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.RegisteredClaims{
		Issuer:    s.issuer,
		Subject:   subject,
		Audience:  jwt.ClaimStrings{s.audience},
		ExpiresAt: jwt.NewNumericDate(exp),
		IssuedAt:  jwt.NewNumericDate(now),
		ID:        base64.RawURLEncoding.EncodeToString(jti[:]),
	})
	t.Header["kid"] = s.kid
	signed, err := t.SignedString(s.key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("auth: dev signer: %w", err)
	}
	return signed, exp, nil
}

// Key returns the signer's public key, for [NewVerifier]'s extra keys.
func (s *DevSigner) Key() Key {
	return Key{ID: s.kid, Algorithm: algEdDSA, Public: s.key.Public()}
}

// devKID is "dev-" plus the key's RFC 7638 thumbprint: stable across
// restarts for a persisted key, and the prefix makes dev tokens obvious in
// logs.
func devKID(pub ed25519.PublicKey) string {
	x := base64.RawURLEncoding.EncodeToString(pub)
	sum := sha256.Sum256([]byte(`{"crv":"Ed25519","kty":"OKP","x":"` + x + `"}`))
	return "dev-" + base64.RawURLEncoding.EncodeToString(sum[:])
}

func loadOrCreateDevKey(path string) (ed25519.PrivateKey, error) {
	key, err := loadDevKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	_, key, err = ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("auth: dev signer: %w", err)
	}
	// O_EXCL: if another process created the file meanwhile, use its key
	// rather than overwrite it and invalidate its tokens.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return loadDevKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("auth: dev signer: %w", err)
	}
	err = pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a half-written key would fail every later start
		return nil, fmt.Errorf("auth: dev signer: writing %s: %w", path, err)
	}
	return key, nil
}

func loadDevKey(path string) (ed25519.PrivateKey, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("auth: dev signer: %s is readable by others (mode %v); chmod 600 it", path, fi.Mode().Perm())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("auth: dev signer: %w", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("auth: dev signer: %s is not a PEM private key", path)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("auth: dev signer: %s: %w", path, err)
	}
	key, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("auth: dev signer: %s holds a %T, not an Ed25519 key", path, parsed)
	}
	return key, nil
}
