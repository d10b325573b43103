package auth

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

const (
	// maxTokenBytes refuses absurd tokens before any decoding work; real
	// access tokens are well under 4 KiB.
	maxTokenBytes = 16 << 10
	// maxJWKSBytes bounds what we read from a JWKS file or URL, so a broken
	// or hostile endpoint cannot exhaust memory.
	maxJWKSBytes = 1 << 20
	// unknownKIDRefreshEvery is the shortest gap between refetches caused by
	// unknown kids: short enough that a rotated key works within half a
	// minute, long enough that junk tokens cannot hammer the provider.
	unknownKIDRefreshEvery = 30 * time.Second
	// unknownKIDWaitMax caps how long a request waits for its turn to
	// refetch and for the fetch itself. A request whose turn is further off
	// is refused at once instead of queueing.
	unknownKIDWaitMax = 10 * time.Second
	// jwksRefreshEvery makes keys the provider has withdrawn stop working
	// without a restart.
	jwksRefreshEvery = time.Hour
	// jwksFetchTimeout bounds each background or start-up fetch.
	jwksFetchTimeout = 10 * time.Second
	// verifiedTokens is how many checked signatures are remembered: more
	// than the tokens a large authority's staff hold at once.
	verifiedTokens = 8192
)

// Claims is what a verified token tells us: who the caller is and how long
// that statement holds. It deliberately has no roles or permissions; those
// come from the database so that they can be changed or revoked at once.
type Claims struct {
	// Subject is the identity provider's stable ID for the user ("sub");
	// it is never empty in claims returned by Verify.
	Subject string
	// ExpiresAt is when the token stops being accepted ("exp"); sessions
	// built on it must not outlive it.
	ExpiresAt time.Time
	// IssuedAt is when the provider minted the token ("iat"); zero if the
	// token did not say. Useful in audit logs.
	IssuedAt time.Time
	// ID is the token's unique ID ("jti"), if any, so audit logs can tie
	// actions to one sign-in without storing the token.
	ID string
}

// Verifier checks tokens against one identity provider's rules and keys.
// It is safe for concurrent use; build one at start-up and share it.
type Verifier struct {
	parser *jwt.Parser
	maxAge time.Duration
	leeway time.Duration
	algs   []string
	keys   jwkset.Storage
	// verified remembers tokens whose signature was good, by their SHA-256
	// (the token itself is not kept), so a client sending the same token
	// on every request pays for one signature check, not one a request
	// (issue 14: Ed25519 was 2 to 3% of the server's CPU under make load).
	// Everything else is checked again on every use: expiry, age, and that
	// the key that signed it is still in the key set.
	verified *lru.Cache[[sha256.Size]byte, verifiedToken]
	// now is the clock every check reads; tests move it.
	now func() time.Time
}

// verifiedToken is what Verify remembers of a token whose signature was good.
type verifiedToken struct {
	claims Claims
	kid    string
}

// NewVerifier loads the key set described by cfg, plus any extra keys (for
// example [DevSigner.Key]), and returns a Verifier that enforces cfg.
//
// When cfg.JWKSURL is set the key set is fetched before NewVerifier
// returns, so a wrong URL fails at start-up rather than on the first
// sign-in; ctx bounds that fetch and also the background refresh, which
// stops when ctx is cancelled — pass a context that lives as long as the
// server.
func NewVerifier(ctx context.Context, cfg Config, extra ...Key) (*Verifier, error) {
	cfg, err := cfg.normalise()
	if err != nil {
		return nil, err
	}
	if cfg.JWKSFile == "" && cfg.JWKSURL == "" && len(extra) == 0 {
		return nil, errors.New("auth: config: no keys: set JWKSFile or JWKSURL")
	}

	// given holds the keys we know up front; jwkset consults it before the
	// remote set, so a pinned key cannot be displaced by the URL's.
	given := jwkset.NewMemoryStorage()
	seen := map[string]bool{}
	add := func(j jwkset.JWK, from string) error {
		kid := j.Marshal().KID
		if kid == "" {
			return fmt.Errorf("auth: %s: a key has no kid; tokens must name their key", from)
		}
		if seen[kid] {
			return fmt.Errorf("auth: %s: kid %q appears twice", from, kid)
		}
		seen[kid] = true
		return given.KeyWrite(ctx, j)
	}
	if cfg.JWKSFile != "" {
		jwks, err := readJWKSFile(cfg.JWKSFile)
		if err != nil {
			return nil, err
		}
		for _, j := range jwks {
			if err := add(j, "JWKSFile"); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range extra {
		if !slices.Contains(cfg.Algorithms, k.Algorithm) {
			return nil, fmt.Errorf("auth: extra key %q: algorithm %q is not in Algorithms %v", k.ID, k.Algorithm, cfg.Algorithms)
		}
		if !keyFits(k.Algorithm, k.Public) {
			return nil, fmt.Errorf("auth: extra key %q: a %T cannot verify %s", k.ID, k.Public, k.Algorithm)
		}
		j, err := jwkset.NewJWKFromKey(k.Public, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
			ALG: jwkset.ALG(k.Algorithm),
			KID: k.ID,
			USE: jwkset.UseSig,
		}})
		if err != nil {
			return nil, fmt.Errorf("auth: extra key %q: %w", k.ID, err)
		}
		if err := add(j, "extra key"); err != nil {
			return nil, err
		}
	}

	var keys jwkset.Storage = given
	if cfg.JWKSURL != "" {
		remote, err := jwkset.NewStorageFromHTTP(cfg.JWKSURL, jwkset.HTTPClientStorageOptions{
			Client:          jwksHTTPClient(),
			Ctx:             ctx,
			HTTPTimeout:     jwksFetchTimeout,
			RefreshInterval: jwksRefreshEvery,
			RefreshErrorHandler: func(ctx context.Context, err error) {
				// Keep serving with the keys we have: a provider blip should
				// not sign everyone out.
				slog.WarnContext(ctx, "auth: refreshing JWKS failed; keeping the previous keys", "url", cfg.JWKSURL, "err", err)
			},
		})
		if err != nil {
			return nil, fmt.Errorf("auth: loading JWKSURL: %w", err)
		}
		keys, err = jwkset.NewHTTPClient(jwkset.HTTPClientOptions{
			Given:             given,
			HTTPURLs:          map[string]jwkset.Storage{cfg.JWKSURL: remote},
			RateLimitWaitMax:  unknownKIDWaitMax,
			RefreshUnknownKID: rate.NewLimiter(rate.Every(unknownKIDRefreshEvery), 1),
		})
		if err != nil {
			return nil, fmt.Errorf("auth: JWKS client: %w", err)
		}
	}

	verified, err := lru.New[[sha256.Size]byte, verifiedToken](verifiedTokens)
	if err != nil {
		return nil, err
	}
	v := &Verifier{
		verified: verified,
		now:      time.Now,
		algs:     cfg.Algorithms,
		keys:     keys,
		maxAge:   cfg.MaxAge,
		leeway:   cfg.Leeway,
	}
	v.parser = jwt.NewParser(
		jwt.WithValidMethods(cfg.Algorithms),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(cfg.Leeway),
		jwt.WithTimeFunc(func() time.Time { return v.now() }),
	)
	return v, nil
}

// Verify checks token and returns who it names. Any failure returns an
// error wrapping [ErrUnauthenticated] whose message gives the reason but
// never the token. ctx bounds a JWKS refetch triggered by an unknown kid.
func (v *Verifier) Verify(ctx context.Context, token string) (Claims, error) {
	if token == "" {
		return Claims{}, reject("no token", nil)
	}
	if len(token) > maxTokenBytes {
		return Claims{}, reject("token too large", nil)
	}
	sum := sha256.Sum256([]byte(token))
	if seen, ok := v.verified.Get(sum); ok {
		return v.stillGood(ctx, seen)
	}
	var rc jwt.RegisteredClaims
	tok, err := v.parser.ParseWithClaims(token, &rc, v.keyfunc(ctx))
	if err != nil {
		return Claims{}, v.explain(tok, &rc, err)
	}
	if rc.Subject == "" {
		return Claims{}, reject("missing sub claim", nil)
	}
	switch {
	case rc.IssuedAt == nil:
		return Claims{}, reject("missing iat claim", nil)
	case v.tooOld(rc.IssuedAt.Time):
		return Claims{}, reject("token too old", nil)
	case rc.ExpiresAt != nil && rc.ExpiresAt.Sub(rc.IssuedAt.Time) > v.maxAge:
		return Claims{}, reject("token lives too long", nil)
	}
	c := Claims{Subject: rc.Subject, ID: rc.ID}
	if rc.ExpiresAt != nil {
		c.ExpiresAt = rc.ExpiresAt.Time
	}
	if rc.IssuedAt != nil {
		c.IssuedAt = rc.IssuedAt.Time
	}
	kid, _ := tok.Header["kid"].(string)
	v.verified.Add(sum, verifiedToken{claims: c, kid: kid})
	return c, nil
}

// tooOld reports whether a token issued at iat is past the maximum age.
func (v *Verifier) tooOld(iat time.Time) bool { return v.now().Sub(iat) > v.maxAge+v.leeway }

// stillGood checks again, without the signature, what can change after a
// token was first verified: time passes it by, and its key can be
// withdrawn from the key set.
func (v *Verifier) stillGood(ctx context.Context, t verifiedToken) (Claims, error) {
	now := v.now()
	if !now.Before(t.claims.ExpiresAt.Add(v.leeway)) {
		return Claims{}, reject("token expired", nil)
	}
	if v.tooOld(t.claims.IssuedAt) {
		return Claims{}, reject("token too old", nil)
	}
	if _, err := v.keys.KeyRead(ctx, t.kid); err != nil {
		return Claims{}, reject("unknown key", err)
	}
	return t.claims, nil
}

// keyfunc picks the one key a token may be checked with. It never falls
// back to trying every key: without a kid there is no key, and a key whose
// JWKS entry names an algorithm is used for that algorithm only.
func (v *Verifier) keyfunc(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		if kid == "" {
			return nil, reject("missing kid header", nil)
		}
		alg := t.Method.Alg()
		if !slices.Contains(v.algs, alg) { // the parser checked already; belt and braces
			return nil, reject("algorithm not allowed", nil)
		}
		j, err := v.keys.KeyRead(ctx, kid)
		if err != nil {
			return nil, reject("unknown key", err)
		}
		m := j.Marshal()
		if m.USE != "" && m.USE != jwkset.UseSig {
			return nil, reject("key is not for signatures", nil)
		}
		if m.ALG != "" && m.ALG.String() != alg {
			return nil, reject("key is not for this algorithm", nil)
		}
		key := publicOf(j.Key())
		if !keyFits(alg, key) {
			return nil, reject("key is not for this algorithm", nil)
		}
		return key, nil
	}
}

// explain turns a jwt error into a rejection with a short, fixed reason.
// Claim checks come first because they only run once the signature is
// known good, so they are the most specific.
func (v *Verifier) explain(tok *jwt.Token, rc *jwt.RegisteredClaims, err error) error {
	var r *rejection
	if errors.As(err, &r) {
		return r
	}
	switch {
	case errors.Is(err, jwt.ErrTokenInvalidClaims):
		switch {
		case errors.Is(err, jwt.ErrTokenExpired):
			return reject("token expired", err)
		case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
			return reject("token issued in the future", err)
		case errors.Is(err, jwt.ErrTokenNotValidYet):
			return reject("token not valid yet", err)
		case errors.Is(err, jwt.ErrTokenInvalidIssuer):
			return reject("wrong issuer", err)
		case errors.Is(err, jwt.ErrTokenInvalidAudience):
			return reject("wrong audience", err)
		case rc.ExpiresAt == nil:
			return reject("missing exp claim", err)
		case rc.Issuer == "":
			return reject("missing iss claim", err)
		case len(rc.Audience) == 0:
			return reject("missing aud claim", err)
		}
		return reject("invalid claims", err)
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		if tok != nil && tok.Method != nil && !slices.Contains(v.algs, tok.Method.Alg()) {
			return reject("algorithm not allowed", err)
		}
		return reject("bad signature", err)
	case errors.Is(err, jwt.ErrTokenMalformed):
		return reject("malformed token", err)
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		return reject("algorithm not allowed", err)
	}
	return reject("invalid token", err)
}

// readJWKSFile parses a key set from disk. Unlike the URL, a file is our
// own configuration, so any key we cannot use is an error, not skipped.
func readJWKSFile(path string) ([]jwkset.JWK, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("auth: JWKSFile: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxJWKSBytes+1))
	if err != nil {
		return nil, fmt.Errorf("auth: JWKSFile: %w", err)
	}
	if len(raw) > maxJWKSBytes {
		return nil, fmt.Errorf("auth: JWKSFile %s is larger than %d bytes", path, maxJWKSBytes)
	}
	var set jwkset.JWKSMarshal
	if err := json.Unmarshal(raw, &set); err != nil {
		return nil, fmt.Errorf("auth: JWKSFile %s is not a JWK Set: %w", path, err)
	}
	if len(set.Keys) == 0 {
		return nil, fmt.Errorf("auth: JWKSFile %s has no keys", path)
	}
	out := make([]jwkset.JWK, 0, len(set.Keys))
	for i, m := range set.Keys {
		// Private: false drops any private parameters: we only verify.
		j, err := jwkset.NewJWKFromMarshal(m, jwkset.JWKMarshalOptions{}, jwkset.JWKValidateOptions{})
		if err != nil {
			return nil, fmt.Errorf("auth: JWKSFile %s: key %d: %w", path, i, err)
		}
		out = append(out, j)
	}
	return out, nil
}

// jwksHTTPClient has its own timeout and caps response size, because the
// default client has neither and jwkset reads the whole body.
func jwksHTTPClient() *http.Client {
	return &http.Client{
		Timeout:   jwksFetchTimeout,
		Transport: limitBody{base: http.DefaultTransport, max: maxJWKSBytes},
	}
}

// limitBody truncates response bodies at max bytes; an oversized key set
// then fails to parse instead of filling memory.
type limitBody struct {
	base http.RoundTripper
	max  int64
}

func (l limitBody) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = http.MaxBytesReader(nil, resp.Body, l.max)
	return resp, nil
}
