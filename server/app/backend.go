package app

import (
	"database/sql"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq" // PostgreSQL driver

	"reablement/ent"
	_ "reablement/ent/runtime" // the schema's hooks and privacy policies
	"reablement/graph/consent"
)

// The pool. Every request holds at most one connection at a time: a query
// reads on pooled connections one statement after another, and a mutation
// does everything (its writes, the consent layer's reads, both audit
// writes) on its transaction's one connection. So the pool never deadlocks
// against itself, and its size only bounds how many requests talk to
// PostgreSQL at once; the rest wait in database/sql's queue until a
// connection is free or their deadline (REQUEST_TIMEOUT) passes, which
// answers a retryable CONFLICT. Twenty keeps two cores' PostgreSQL busy
// without thrashing, and leaves room under max_connections (100) for a
// second server, migrations and psql.
const (
	// PoolSize is the most connections the server opens.
	PoolSize = 20
	// poolIdleTime is how long an idle connection is kept.
	poolIdleTime = 5 * time.Minute
)

// Backend is the server's database side, built the same way for the
// server, the API tests and the load benchmark.
type Backend struct {
	// DB is the pool.
	DB *sql.DB
	// Driver is what the ent client sends statements to (wrapped, in tests).
	Driver dialect.Driver
	// Client is the ent client the API runs on, the consent interceptor in place.
	Client *ent.Client
}

// Open opens the pool on dbURL, with cfg's statement timeout set by
// PostgreSQL on every connection and lib/pq's binary_parameters on (one
// round trip per statement; the ent driver sends []byte arguments as text,
// see pqargs.go, so write JSON through ent, not through DB directly), and builds the ent client over it with
// the consent interceptor, which keeps every query's record keys and
// primes each request's consent decisions. wrap, when set, wraps the
// driver (tests and the benchmark count statements through it). The
// schema's hooks and privacy policies are registered by importing
// reablement/ent/runtime, which this package does.
func Open(dbURL string, cfg Config, wrap func(dialect.Driver) dialect.Driver) (*Backend, error) {
	u := dbURL
	var err error
	if cfg.StatementTimout > 0 {
		if u, err = WithStatementTimeout(dbURL, cfg.StatementTimout); err != nil {
			return nil, err
		}
	}
	if u, err = WithBinaryParameters(u); err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", u)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(PoolSize)
	db.SetMaxIdleConns(PoolSize)
	db.SetConnMaxIdleTime(poolIdleTime)
	// One round trip per statement (pqargs.go), each parsed and planned
	// once per connection (prepared.go).
	var drv dialect.Driver = textArgs{newPrepared(entsql.OpenDB(dialect.Postgres, db), db)}
	if wrap != nil {
		drv = wrap(drv)
	}
	client := ent.NewClient(ent.Driver(drv))
	client.Intercept(consent.Interceptor())
	return &Backend{DB: db, Driver: drv, Client: client}, nil
}

// Close closes the client and its pool.
func (b *Backend) Close() error { return b.Client.Close() }
