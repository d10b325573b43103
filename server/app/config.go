package app

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is everything the server reads from its environment. The README
// lists every variable; keep the two in step.
type Config struct {
	Addr            string        // ADDR: where to listen
	DatabaseURL     string        // DATABASE_URL: PostgreSQL; unset = private cluster under DataDir
	ReplicaURL      string        // DATABASE_REPLICA_URL: streaming replica for analysts' reads; "private": one of the private cluster
	DataDir         string        // DATA_DIR: private PostgreSQL, dev keys
	StaticDir       string        // STATIC_DIR: the built SPA
	StatementTimout time.Duration // DB_STATEMENT_TIMEOUT: per statement, in PostgreSQL
	RequestTimeout  time.Duration // REQUEST_TIMEOUT: per request, whole
	MaxBodyBytes    int64         // MAX_BODY_BYTES: request body limit
	DevSigner       bool          // DEV_SIGNER: development sign-in (never in production)
	DemoData        bool          // DEMO_DATA: load demo data when the database is empty
	DemoPeople      int           // DEMO_PEOPLE: size of the demo authority
	DemoSeed        int64         // DEMO_SEED: seed of the demo generator
	PseudonymKey    []byte        // PSEUDONYM_KEY: hex key for analysts' pseudonyms
	Issuer          string        // AUTH_ISSUER
	Audience        string        // AUTH_AUDIENCE
	JWKSFile        string        // AUTH_JWKS_FILE
	JWKSURL         string        // AUTH_JWKS_URL
	Algorithms      []string      // AUTH_ALGORITHMS, comma-separated
	Leeway          time.Duration // AUTH_LEEWAY
	LogFormat       string        // LOG_FORMAT: text or json
	MaxTokenAge     time.Duration // AUTH_MAX_TOKEN_AGE: oldest iat, and longest exp-iat, accepted
	ReadTimeout     time.Duration // HTTP_READ_TIMEOUT: the longest a client may take to send a request
	IdleTimeout     time.Duration // HTTP_IDLE_TIMEOUT: how long an idle keep-alive connection is kept
	// RATE_SIGN_IN: sign-in attempts a minute from one address (0: no limit)
	RateSignIn int
	// RATE_BAD_TOKENS: refused bearer tokens a minute from one address (0: no limit)
	RateBadTokens int
	// RATE_QUERY_COST: query cost a minute for one account (0: no limit)
	RateQueryCost int
	// RATE_ANALYST_QUERY_COST: the same for an analyst's account (0, the
	// default: no limit; see limits.Rates.AnalystCost)
	RateAnalystQueryCost int
	// PERSISTED_DOCUMENTS: the web app's operations by sha256 (the allow-list)
	PersistedDocuments string
	// OPERATIONS_ALLOWLIST: "enforce" (default without DEV_SIGNER) lets the
	// app's roles run only the app's operations; "off" allows free-form
	// queries for every role (the default with DEV_SIGNER, for GraphiQL).
	EnforceOperations bool
	// STATS_THRESHOLD and STATS_ROUND_TO: the statistics' disclosure
	// control (counts of 1 to the threshold suppressed, others rounded);
	// NHS England's 7 and 5 by default (issue 15).
	StatsThreshold, StatsRoundTo int
}

// The limits at the door, by default generous enough that the web app, the
// test suites and the load benchmark never meet them, and tight enough
// that guessing tokens or flooding the database from one place is slow.
const (
	// DefaultRateSignIn is sign-in attempts a minute from one address.
	DefaultRateSignIn = 120
	// DefaultRateBadTokens is refused tokens a minute from one address.
	DefaultRateBadTokens = 60
	// DefaultRateQueryCost is query cost a minute for one account: the
	// cost of 100 of the most expensive queries allowed. The worker's Today
	// screen costs about 52,000 (a page of 100 outcomes with their steps,
	// for each of up to 10 visits); the load benchmark asks it for each of
	// 400 workers about once a second, 60 times what a phone does, and at
	// 1,000,000 its workers met 429s once the server served 400 a second
	// (issue 14). One account cannot take more than its share of the
	// server however it spends its budget: the gate at the door gives a
	// freed turn to the account with the fewest requests running.
	DefaultRateQueryCost = 6_000_000
)

// LoadConfig reads the environment and refuses an unsafe or malformed configuration.
func LoadConfig() (Config, error) {
	c := Config{
		Addr:            env("ADDR", "127.0.0.1:8080"),
		DatabaseURL:     os.Getenv("DATABASE_URL"),
		ReplicaURL:      os.Getenv("DATABASE_REPLICA_URL"),
		DataDir:         env("DATA_DIR", ".data"),
		StaticDir:       env("STATIC_DIR", filepath.Join("frontend", "dist")),
		Issuer:          env("AUTH_ISSUER", "reablement-dev"),
		Audience:        env("AUTH_AUDIENCE", "reablement"),
		JWKSFile:        os.Getenv("AUTH_JWKS_FILE"),
		JWKSURL:         os.Getenv("AUTH_JWKS_URL"),
		LogFormat:       env("LOG_FORMAT", "text"),
		DevSigner:       os.Getenv("DEV_SIGNER") == "1",
		DemoData:        os.Getenv("DEMO_DATA") == "1",
		StatementTimout: 5 * time.Second,
		RequestTimeout:  15 * time.Second,
		MaxBodyBytes:    1 << 20,
		DemoPeople:      400,
		DemoSeed:        1,
		Leeway:          30 * time.Second,
		MaxTokenAge:     12 * time.Hour,
		ReadTimeout:     30 * time.Second,
		IdleTimeout:     2 * time.Minute,
		RateSignIn:      DefaultRateSignIn,
		RateBadTokens:   DefaultRateBadTokens,
		RateQueryCost:   DefaultRateQueryCost,
		StatsThreshold:  7,
		StatsRoundTo:    5,
	}
	c.PersistedDocuments = env("PERSISTED_DOCUMENTS", filepath.Join("frontend", "src", "gql", "persisted-documents.json"))
	switch env("OPERATIONS_ALLOWLIST", map[bool]string{true: "off", false: "enforce"}[c.DevSigner]) {
	case "enforce":
		c.EnforceOperations = true
	case "off":
	default:
		return c, fmt.Errorf("configuration: OPERATIONS_ALLOWLIST must be enforce or off")
	}
	var errs []string
	parse := func(name string, f func(string) error) {
		if v := os.Getenv(name); v != "" {
			if err := f(v); err != nil {
				errs = append(errs, fmt.Sprintf("%s=%q: %v", name, v, err))
			}
		}
	}
	parse("DB_STATEMENT_TIMEOUT", func(v string) (err error) { c.StatementTimout, err = time.ParseDuration(v); return })
	parse("REQUEST_TIMEOUT", func(v string) (err error) { c.RequestTimeout, err = time.ParseDuration(v); return })
	parse("AUTH_LEEWAY", func(v string) (err error) { c.Leeway, err = time.ParseDuration(v); return })
	parse("AUTH_MAX_TOKEN_AGE", func(v string) (err error) { c.MaxTokenAge, err = time.ParseDuration(v); return })
	parse("HTTP_READ_TIMEOUT", func(v string) (err error) { c.ReadTimeout, err = time.ParseDuration(v); return })
	parse("HTTP_IDLE_TIMEOUT", func(v string) (err error) { c.IdleTimeout, err = time.ParseDuration(v); return })
	parse("RATE_SIGN_IN", func(v string) (err error) { c.RateSignIn, err = strconv.Atoi(v); return })
	parse("RATE_BAD_TOKENS", func(v string) (err error) { c.RateBadTokens, err = strconv.Atoi(v); return })
	parse("RATE_QUERY_COST", func(v string) (err error) { c.RateQueryCost, err = strconv.Atoi(v); return })
	parse("RATE_ANALYST_QUERY_COST", func(v string) (err error) { c.RateAnalystQueryCost, err = strconv.Atoi(v); return })
	parse("MAX_BODY_BYTES", func(v string) (err error) { c.MaxBodyBytes, err = strconv.ParseInt(v, 10, 64); return })
	parse("DEMO_PEOPLE", func(v string) (err error) { c.DemoPeople, err = strconv.Atoi(v); return })
	parse("DEMO_SEED", func(v string) (err error) { c.DemoSeed, err = strconv.ParseInt(v, 10, 64); return })
	parse("STATS_THRESHOLD", func(v string) (err error) { c.StatsThreshold, err = strconv.Atoi(v); return })
	parse("STATS_ROUND_TO", func(v string) (err error) { c.StatsRoundTo, err = strconv.Atoi(v); return })
	if c.StatsThreshold < 0 || c.StatsRoundTo < 1 {
		errs = append(errs, "STATS_THRESHOLD must be 0 or more and STATS_ROUND_TO 1 or more")
	}
	parse("AUTH_ALGORITHMS", func(v string) error { c.Algorithms = strings.Split(v, ","); return nil })
	parse("PSEUDONYM_KEY", func(v string) (err error) {
		c.PseudonymKey, err = hex.DecodeString(v)
		if err == nil && len(c.PseudonymKey) < 32 {
			err = fmt.Errorf("must be at least 32 bytes (64 hex digits)")
		}
		return
	})
	if len(errs) > 0 {
		return c, fmt.Errorf("configuration: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

// CheckServe refuses to serve without a way to sign in or a pseudonym key;
// migrate and seed need neither.
func (c Config) CheckServe() error {
	if !c.DevSigner && c.JWKSFile == "" && c.JWKSURL == "" {
		return fmt.Errorf("configuration: set AUTH_JWKS_FILE or AUTH_JWKS_URL to your identity provider's keys (or DEV_SIGNER=1 for a local demo)")
	}
	if !c.DevSigner && c.PseudonymKey == nil {
		return fmt.Errorf("configuration: set PSEUDONYM_KEY (64 hex digits) so analysts' pseudonyms are stable and secret")
	}
	return nil
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
