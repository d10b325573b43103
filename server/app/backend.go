package app

import (
	"database/sql"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq" // PostgreSQL driver

	"reablement/ent"
	"reablement/ent/replica"
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
	// ReplicaPoolSize is the most connections the server opens to the
	// replica: analysts are few, and each of their requests holds one
	// connection at a time, as on the primary.
	ReplicaPoolSize = 10
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
	// Replica routes analysts' reads to the streaming replica
	// (DATABASE_REPLICA_URL); nil without one. Driver wraps it.
	Replica *replica.Driver
	// ReplicaDB is the replica's pool, or nil.
	ReplicaDB *sql.DB
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
//
// With cfg.ReplicaURL set, a second pool on the replica serves the reads of
// the requests graph routes there (analysts' queries), through a
// replica.Driver under wrap, so tests count the replica's statements too.
func Open(dbURL string, cfg Config, wrap func(dialect.Driver) dialect.Driver) (*Backend, error) {
	db, err := openPool(dbURL, cfg, PoolSize)
	if err != nil {
		return nil, err
	}
	b := &Backend{DB: db}
	// One round trip per statement (pqargs.go), each parsed and planned
	// once per connection (prepared.go), on the primary and the replica.
	var drv dialect.Driver = textArgs{newPrepared(entsql.OpenDB(dialect.Postgres, db), db)}
	if cfg.ReplicaURL != "" {
		if b.ReplicaDB, err = openPool(cfg.ReplicaURL, cfg, ReplicaPoolSize); err != nil {
			db.Close()
			return nil, fmt.Errorf("DATABASE_REPLICA_URL: %w", err)
		}
		b.Replica = replica.New(drv, textArgs{newPrepared(entsql.OpenDB(dialect.Postgres, b.ReplicaDB), b.ReplicaDB)})
		drv = b.Replica
	}
	if wrap != nil {
		drv = wrap(drv)
	}
	b.Driver = drv
	b.Client = ent.NewClient(ent.Driver(drv))
	b.Client.Intercept(consent.Interceptor())
	return b, nil
}

// openPool opens a pool of at most size connections on dbURL, with cfg's
// statement timeout set by PostgreSQL on every connection, and JIT
// compilation off.
func openPool(dbURL string, cfg Config, size int) (*sql.DB, error) {
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
	if u, err = WithoutJIT(u); err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", u)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(size)
	db.SetMaxIdleConns(size)
	db.SetConnMaxIdleTime(poolIdleTime)
	return db, nil
}

// Close closes the client and its pools (the replica's too: the ent
// client's driver closes both).
func (b *Backend) Close() error { return b.Client.Close() }
