package auth_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"reablement/server/auth"
)

const (
	testIssuer   = "https://idp.example.test/"
	testAudience = "reablement-api"
)

// Keys are generated once: RSA generation is slow enough to matter when
// every subtest would otherwise make its own.
var (
	keysOnce          sync.Once
	rsaKey            *rsa.PrivateKey
	ecKey, ecOtherKey *ecdsa.PrivateKey
	edKey             ed25519.PrivateKey
)

func testKeys(t *testing.T) {
	t.Helper()
	keysOnce.Do(func() {
		rsaKey = must(rsa.GenerateKey(rand.Reader, 2048))
		ecKey = must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader))
		ecOtherKey = must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader))
		_, edKey, _ = ed25519.GenerateKey(rand.Reader)
	})
}

// jwk describes one entry of a test key set.
type jwk struct {
	kid, alg string
	pub      crypto.PublicKey
}

func jwksJSON(t *testing.T, keys ...jwk) []byte {
	t.Helper()
	var set jwkset.JWKSMarshal
	for _, k := range keys {
		j, err := jwkset.NewJWKFromKey(k.pub, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
			KID: k.kid, ALG: jwkset.ALG(k.alg), USE: jwkset.UseSig,
		}})
		if err != nil {
			t.Fatalf("building JWK %s: %v", k.kid, err)
		}
		set.Keys = append(set.Keys, j.Marshal())
	}
	b, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func standardKeys(t *testing.T) []jwk {
	testKeys(t)
	return []jwk{
		{"rsa", "RS256", &rsaKey.PublicKey},
		{"ec", "ES256", &ecKey.PublicKey},
		{"ed", "EdDSA", edKey.Public()},
		// The RSA key again, but published for ES256 only: tokens must not
		// be able to use it for RS256.
		{"rsa-pinned-es256", "ES256", &rsaKey.PublicKey},
	}
}

// jwksServer serves a swappable key set and counts fetches, so tests can
// rotate keys and check how often the verifier calls the provider.
type jwksServer struct {
	*httptest.Server
	body atomic.Pointer[[]byte]
	hits atomic.Int64
}

func newJWKSServer(t *testing.T, body []byte) *jwksServer {
	t.Helper()
	s := &jwksServer{}
	s.body.Store(&body)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write(*s.body.Load())
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *jwksServer) serve(body []byte) { s.body.Store(&body) }

func newVerifier(t *testing.T, cfg auth.Config, extra ...auth.Key) *auth.Verifier {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel) // stops the background refresh
	if cfg.Issuer == "" {
		cfg.Issuer = testIssuer
	}
	if cfg.Audience == "" {
		cfg.Audience = testAudience
	}
	v, err := auth.NewVerifier(ctx, cfg, extra...)
	if err != nil {
		t.Fatalf("NewVerifier: %v", err)
	}
	return v
}

func goodClaims() jwt.MapClaims {
	now := time.Now()
	return jwt.MapClaims{
		"iss": testIssuer,
		"aud": testAudience,
		"sub": "user-123",
		"iat": now.Unix(),
		"exp": now.Add(5 * time.Minute).Unix(),
		"jti": "token-1",
	}
}

// with returns goodClaims changed by edit; a nil value deletes the claim.
func with(edit map[string]any) jwt.MapClaims {
	c := goodClaims()
	for k, v := range edit {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

func mint(t *testing.T, method jwt.SigningMethod, key any, kid string, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatalf("signing: %v", err)
	}
	return s
}

func TestVerifyAcceptsValidTokens(t *testing.T) {
	keys := standardKeys(t)
	srv := newJWKSServer(t, jwksJSON(t, keys...))
	fromURL := newVerifier(t, auth.Config{JWKSURL: srv.URL})

	file := filepath.Join(t.TempDir(), "jwks.json")
	if err := os.WriteFile(file, jwksJSON(t, keys...), 0o600); err != nil {
		t.Fatal(err)
	}
	fromFile := newVerifier(t, auth.Config{JWKSFile: file})

	now := time.Now()
	tests := []struct {
		name   string
		v      *auth.Verifier
		method jwt.SigningMethod
		key    any
		kid    string
		claims jwt.MapClaims
	}{
		{"an RS256 token verifies against the JWKS URL", fromURL, jwt.SigningMethodRS256, rsaKey, "rsa", goodClaims()},
		{"an ES256 token verifies against the JWKS URL", fromURL, jwt.SigningMethodES256, ecKey, "ec", goodClaims()},
		{"an EdDSA token verifies against the JWKS URL", fromURL, jwt.SigningMethodEdDSA, edKey, "ed", goodClaims()},
		{"an RS256 token verifies against a JWKS file", fromFile, jwt.SigningMethodRS256, rsaKey, "rsa", goodClaims()},
		{"an EdDSA token verifies against a JWKS file", fromFile, jwt.SigningMethodEdDSA, edKey, "ed", goodClaims()},
		{"a token that expired within the leeway still verifies", fromURL, jwt.SigningMethodES256, ecKey, "ec",
			with(map[string]any{"exp": now.Add(-10 * time.Second).Unix(), "iat": now.Add(-time.Hour).Unix()})},
		{"a token issued slightly in the future (within the leeway) verifies", fromURL, jwt.SigningMethodES256, ecKey, "ec",
			with(map[string]any{"iat": now.Add(10 * time.Second).Unix()})},
		{"a token eleven hours old, living twelve, verifies", fromURL, jwt.SigningMethodES256, ecKey, "ec",
			with(map[string]any{"iat": now.Add(-11 * time.Hour).Unix(), "exp": now.Add(time.Hour).Unix()})},
		{"a token whose aud list includes ours verifies", fromURL, jwt.SigningMethodES256, ecKey, "ec",
			with(map[string]any{"aud": []string{"other-app", testAudience}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := mint(t, tt.method, tt.key, tt.kid, tt.claims)
			got, err := tt.v.Verify(context.Background(), tok)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if got.Subject != "user-123" {
				t.Errorf("Subject = %q, want user-123", got.Subject)
			}
			wantExp := time.Unix(tt.claims["exp"].(int64), 0)
			if !got.ExpiresAt.Equal(wantExp) {
				t.Errorf("ExpiresAt = %v, want %v", got.ExpiresAt, wantExp)
			}
			if got.ID != "token-1" {
				t.Errorf("ID = %q, want token-1", got.ID)
			}
		})
	}
}

func TestVerifyRefusesBadTokens(t *testing.T) {
	keys := standardKeys(t)
	srv := newJWKSServer(t, jwksJSON(t, keys...))
	v := newVerifier(t, auth.Config{JWKSURL: srv.URL})

	rsaPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: must(x509.MarshalPKIXPublicKey(&rsaKey.PublicKey))})
	now := time.Now()

	tests := []struct {
		name   string
		token  func(t *testing.T) string
		reason string
	}{
		{"an empty token is refused", func(*testing.T) string { return "" }, "no token"},
		{"a token that is not a JWT is refused", func(*testing.T) string { return "not.a.jwt" }, "malformed token"},
		{"an unsigned alg:none token is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, "rsa", goodClaims())
		}, "algorithm not allowed"},
		{"an HS256 token keyed with the RSA public key PEM is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodHS256, rsaPEM, "rsa", goodClaims())
		}, "algorithm not allowed"},
		{"a token signed by the wrong key under a known kid is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodES256, ecOtherKey, "ec", goodClaims())
		}, "bad signature"},
		{"a key published for ES256 cannot verify an RS256 token", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa-pinned-es256", goodClaims())
		}, "key is not for this algorithm"},
		{"an ES256 token naming the RSA key's kid is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodES256, ecKey, "rsa", goodClaims())
		}, "key is not for this algorithm"},
		{"an expired token is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa",
				with(map[string]any{"exp": now.Add(-2 * time.Minute).Unix(), "iat": now.Add(-time.Hour).Unix()}))
		}, "token expired"},
		{"a token without iat is refused (the maximum age needs it)", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"iat": nil}))
		}, "missing iat claim"},
		{"a token issued more than twelve hours ago is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa",
				with(map[string]any{"iat": now.Add(-13 * time.Hour).Unix(), "exp": now.Add(time.Hour).Unix()}))
		}, "token too old"},
		{"a token living longer than twelve hours is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa",
				with(map[string]any{"iat": now.Unix(), "exp": now.Add(7 * 24 * time.Hour).Unix()}))
		}, "token lives too long"},
		{"a token issued in the future is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa",
				with(map[string]any{"iat": now.Add(5 * time.Minute).Unix(), "exp": now.Add(10 * time.Minute).Unix()}))
		}, "token issued in the future"},
		{"a token without exp is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"exp": nil}))
		}, "missing exp claim"},
		{"a token for another audience is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"aud": "another-app"}))
		}, "wrong audience"},
		{"a token without an audience is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"aud": nil}))
		}, "missing aud claim"},
		{"a token from another issuer is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"iss": "https://evil.example.test/"}))
		}, "wrong issuer"},
		{"a token without a subject is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "rsa", with(map[string]any{"sub": nil}))
		}, "missing sub claim"},
		{"a token with an unknown kid is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "no-such-key", goodClaims())
		}, "unknown key"},
		{"a token without a kid is refused", func(t *testing.T) string {
			return mint(t, jwt.SigningMethodRS256, rsaKey, "", goodClaims())
		}, "missing kid header"},
		{"an absurdly large token is refused before parsing", func(*testing.T) string {
			return strings.Repeat("a", 64<<10)
		}, "token too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := tt.token(t)
			_, err := v.Verify(context.Background(), tok)
			if err == nil {
				t.Fatal("Verify accepted the token")
			}
			if !errors.Is(err, auth.ErrUnauthenticated) {
				t.Errorf("error %q does not wrap ErrUnauthenticated", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not say %q", err, tt.reason)
			}
			if tok != "" && strings.Contains(err.Error(), tok) {
				t.Errorf("error echoes the token")
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestJWKSURLRotation(t *testing.T) {
	testKeys(t)
	srv := newJWKSServer(t, jwksJSON(t, jwk{"old", "ES256", &ecKey.PublicKey}))
	v := newVerifier(t, auth.Config{JWKSURL: srv.URL})
	ctx := context.Background()
	before := mint(t, jwt.SigningMethodES256, ecKey, "old", goodClaims())

	t.Run("a token with the original kid verifies", func(t *testing.T) {
		if _, err := v.Verify(ctx, before); err != nil {
			t.Fatal(err)
		}
	})

	srv.serve(jwksJSON(t, jwk{"new", "ES256", &ecOtherKey.PublicKey}))

	t.Run("after the provider rotates, a token with the new kid verifies without a restart", func(t *testing.T) {
		if _, err := v.Verify(ctx, mint(t, jwt.SigningMethodES256, ecOtherKey, "new", goodClaims())); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("the withdrawn key no longer verifies", func(t *testing.T) {
		_, err := v.Verify(ctx, mint(t, jwt.SigningMethodES256, ecKey, "old", goodClaims()))
		if !errors.Is(err, auth.ErrUnauthenticated) || !strings.Contains(err.Error(), "unknown key") {
			t.Fatalf("got %v, want unknown key", err)
		}
	})
	t.Run("a token verified before the key was withdrawn is refused too", func(t *testing.T) {
		_, err := v.Verify(ctx, before)
		if !errors.Is(err, auth.ErrUnauthenticated) || !strings.Contains(err.Error(), "unknown key") {
			t.Fatalf("got %v, want unknown key", err)
		}
	})
	t.Run("the key set was fetched once at start and once on the new kid", func(t *testing.T) {
		if got := srv.hits.Load(); got != 2 {
			t.Errorf("JWKS fetched %d times, want 2", got)
		}
	})
}

func TestUnknownKIDRefreshIsRateLimited(t *testing.T) {
	testKeys(t)
	srv := newJWKSServer(t, jwksJSON(t, jwk{"ec", "ES256", &ecKey.PublicKey}))
	v := newVerifier(t, auth.Config{JWKSURL: srv.URL})
	ctx := context.Background()

	t.Run("a flood of unknown-kid tokens causes at most one refetch per interval", func(t *testing.T) {
		// Minted up front: t.Fatal must not run on the flood's goroutines.
		tokens := make([]string, 200)
		for i := range tokens {
			tokens[i] = mint(t, jwt.SigningMethodES256, ecKey, fmt.Sprintf("junk-%d", i), goodClaims())
		}
		var wg sync.WaitGroup
		var accepted atomic.Int64
		for _, tok := range tokens {
			wg.Go(func() {
				if _, err := v.Verify(ctx, tok); err == nil {
					accepted.Add(1)
				}
			})
		}
		wg.Wait()
		if accepted.Load() != 0 {
			t.Errorf("%d unknown-kid tokens were accepted", accepted.Load())
		}
		// One fetch at start-up, then at most one for the whole flood.
		if got := srv.hits.Load(); got > 2 {
			t.Errorf("JWKS fetched %d times, want at most 2", got)
		}
	})
	t.Run("known keys keep working during the flood without any fetch", func(t *testing.T) {
		before := srv.hits.Load()
		if _, err := v.Verify(ctx, mint(t, jwt.SigningMethodES256, ecKey, "ec", goodClaims())); err != nil {
			t.Fatal(err)
		}
		if after := srv.hits.Load(); after != before {
			t.Errorf("verifying a known kid fetched the JWKS")
		}
	})
}

func TestDevSigner(t *testing.T) {
	ctx := context.Background()

	t.Run("a dev token verifies with the signer's Key", func(t *testing.T) {
		ds, err := auth.NewDevSigner(testIssuer, testAudience, "")
		if err != nil {
			t.Fatal(err)
		}
		v := newVerifier(t, auth.Config{}, ds.Key())
		tok, exp, err := ds.Mint("alice", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		c, err := v.Verify(ctx, tok)
		if err != nil {
			t.Fatalf("Verify: %v", err)
		}
		if c.Subject != "alice" || !c.ExpiresAt.Equal(exp) || c.ID == "" || c.IssuedAt.IsZero() {
			t.Errorf("claims = %+v, want sub alice, exp %v, a jti and iat", c, exp)
		}
	})

	t.Run("a dev token is refused by a verifier that does not trust its key", func(t *testing.T) {
		ds := must(auth.NewDevSigner(testIssuer, testAudience, ""))
		other := must(auth.NewDevSigner(testIssuer, testAudience, ""))
		v := newVerifier(t, auth.Config{}, other.Key())
		tok, _, err := ds.Mint("alice", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(ctx, tok); !errors.Is(err, auth.ErrUnauthenticated) {
			t.Fatalf("got %v, want ErrUnauthenticated", err)
		}
	})

	t.Run("a persisted key is written 0600 and reloaded, so tokens survive a restart", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "state", "dev-signer.pem")
		first := must(auth.NewDevSigner(testIssuer, testAudience, path))
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("key file mode = %v, want 0600", perm)
		}
		tok, _, err := first.Mint("bob", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		second := must(auth.NewDevSigner(testIssuer, testAudience, path))
		if first.Key().ID != second.Key().ID {
			t.Fatalf("reloaded kid %q, want %q", second.Key().ID, first.Key().ID)
		}
		v := newVerifier(t, auth.Config{}, second.Key())
		if _, err := v.Verify(ctx, tok); err != nil {
			t.Fatalf("token from before the restart: %v", err)
		}
	})

	t.Run("a key file others can read is refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "dev-signer.pem")
		must(auth.NewDevSigner(testIssuer, testAudience, path))
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := auth.NewDevSigner(testIssuer, testAudience, path); err == nil {
			t.Fatal("NewDevSigner accepted a world-readable key")
		}
	})

	t.Run("ttl is capped at 12 hours", func(t *testing.T) {
		ds := must(auth.NewDevSigner(testIssuer, testAudience, ""))
		_, exp, err := ds.Mint("carol", 72*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Until(exp); d > 12*time.Hour || d < 11*time.Hour {
			t.Errorf("token lives %v, want 12h", d)
		}
	})
}

func TestNewVerifierRefusesBadConfig(t *testing.T) {
	testKeys(t)
	ds := must(auth.NewDevSigner(testIssuer, testAudience, ""))
	good := auth.Config{Issuer: testIssuer, Audience: testAudience}
	tests := []struct {
		name  string
		edit  func(*auth.Config)
		extra []auth.Key
	}{
		{"a leeway of exactly one minute is refused", func(c *auth.Config) { c.Leeway = time.Minute }, nil},
		{"a leeway of five minutes is refused", func(c *auth.Config) { c.Leeway = 5 * time.Minute }, nil},
		{"a negative leeway is refused", func(c *auth.Config) { c.Leeway = -time.Second }, nil},
		{"HS256 in the allow-list is refused", func(c *auth.Config) { c.Algorithms = []string{"RS256", "HS256"} }, nil},
		{"none in the allow-list is refused", func(c *auth.Config) { c.Algorithms = []string{"none"} }, nil},
		{"a missing issuer is refused", func(c *auth.Config) { c.Issuer = "" }, nil},
		{"a missing audience is refused", func(c *auth.Config) { c.Audience = "" }, nil},
		{"no key source at all is refused", func(c *auth.Config) {}, []auth.Key{}},
		{"a plain-http JWKS URL off loopback is refused", func(c *auth.Config) { c.JWKSURL = "http://idp.example.test/jwks" }, nil},
		{"an extra key whose algorithm is not allowed is refused", func(c *auth.Config) { c.Algorithms = []string{"RS256"} }, nil},
		{"an extra key of the wrong type for its algorithm is refused", func(c *auth.Config) {},
			[]auth.Key{{ID: "x", Algorithm: "RS256", Public: &ecKey.PublicKey}}},
		{"a missing JWKS file is refused", func(c *auth.Config) { c.JWKSFile = filepath.Join(t.TempDir(), "absent.json") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good
			tt.edit(&cfg)
			extra := tt.extra
			if extra == nil {
				extra = []auth.Key{ds.Key()}
			}
			if _, err := auth.NewVerifier(context.Background(), cfg, extra...); err == nil {
				t.Fatal("NewVerifier accepted the config")
			}
		})
	}
	t.Run("a leeway just under a minute is accepted", func(t *testing.T) {
		cfg := good
		cfg.Leeway = 59 * time.Second
		if _, err := auth.NewVerifier(context.Background(), cfg, ds.Key()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestBearerToken(t *testing.T) {
	tests := []struct {
		name        string
		headers     []string
		wantToken   string
		wantPresent bool
		wantErr     bool
	}{
		{"no header means an anonymous request", nil, "", false, false},
		{"a Bearer header yields its token", []string{"Bearer abc.def.ghi"}, "abc.def.ghi", true, false},
		{"the scheme is case-insensitive", []string{"bEARER abc.def.ghi"}, "abc.def.ghi", true, false},
		{"another scheme is an error", []string{"Basic dXNlcjpwYXNz"}, "", true, true},
		{"a scheme without a token is an error", []string{"Bearer"}, "", true, true},
		{"a blank token is an error", []string{"Bearer    "}, "", true, true},
		{"a token with spaces inside is an error", []string{"Bearer abc def"}, "", true, true},
		{"two Authorization headers are an error", []string{"Bearer a.b.c", "Bearer d.e.f"}, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			for _, h := range tt.headers {
				r.Header.Add("Authorization", h)
			}
			tok, present, err := auth.BearerToken(r)
			if tok != tt.wantToken || present != tt.wantPresent || (err != nil) != tt.wantErr {
				t.Fatalf("got (%q, %v, %v), want (%q, %v, err=%v)", tok, present, err, tt.wantToken, tt.wantPresent, tt.wantErr)
			}
			if err != nil && !errors.Is(err, auth.ErrUnauthenticated) {
				t.Errorf("error %q does not wrap ErrUnauthenticated", err)
			}
		})
	}
}

func TestClaimsContext(t *testing.T) {
	t.Run("an anonymous context has no claims", func(t *testing.T) {
		if _, ok := auth.ClaimsFrom(context.Background()); ok {
			t.Fatal("ClaimsFrom found claims in an empty context")
		}
	})
	t.Run("claims stored with WithClaims come back from ClaimsFrom", func(t *testing.T) {
		want := auth.Claims{Subject: "user-123", ID: "j1", ExpiresAt: time.Unix(1e9, 0)}
		got, ok := auth.ClaimsFrom(auth.WithClaims(context.Background(), want))
		if !ok || got != want {
			t.Fatalf("got (%+v, %v), want (%+v, true)", got, ok, want)
		}
	})
}
