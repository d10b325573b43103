// Package replica sends the reads of chosen requests (analysts' queries) to
// a PostgreSQL streaming replica, so heavy analysis never competes with a
// worker's day on the primary, and reports how far behind the replica is.
//
// The choice is made once, per request, by marking its context (Reads);
// the Driver then routes each statement: a read with a marked context goes
// to the replica, everything else to the primary. Writes sent outside a
// transaction go to the primary whatever the mark, so a read request's own
// writes (the audit of what it disclosed, written before the answer
// leaves) land where every other write does. A transaction a marked
// request opens (statistics read several statements from one snapshot)
// opens on the replica: a standby's transactions are read-only, so a write
// in one fails loudly instead of landing anywhere. Mutations are never
// marked.
package replica

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

type readsKey struct{}

// Reads returns ctx marked so that its reads outside a transaction are
// served by the replica, when there is one.
func Reads(ctx context.Context) context.Context {
	return context.WithValue(ctx, readsKey{}, true)
}

// Primary returns ctx with its reads back on the primary: for the writes a
// read request makes (the audit of its disclosures), so that the checks
// their hooks read run against the database the write goes to.
func Primary(ctx context.Context) context.Context {
	if !OnReplica(ctx) {
		return ctx
	}
	return context.WithValue(ctx, readsKey{}, false)
}

// OnReplica reports whether ctx's reads go to the replica (Reads marked it).
func OnReplica(ctx context.Context) bool {
	on, _ := ctx.Value(readsKey{}).(bool)
	return on
}

// Driver is an ent driver over a primary and a replica: it routes each
// statement as the package describes; Tx and BeginTx open on the replica
// for a marked context, on the primary otherwise.
type Driver struct {
	// Driver is the primary.
	dialect.Driver
	// Replica serves marked reads.
	Replica dialect.Driver
}

// New returns the routing driver over primary and replica.
func New(primary, replica dialect.Driver) *Driver {
	return &Driver{Driver: primary, Replica: replica}
}

// Query runs a read on the replica when ctx asks for it, and anything
// else (ent sends INSERT … RETURNING through Query too) on the primary.
func (d *Driver) Query(ctx context.Context, q string, args, v any) error {
	if OnReplica(ctx) && IsRead(q) {
		return d.Replica.Query(ctx, q, args, v)
	}
	return d.Driver.Query(ctx, q, args, v)
}

// Exec runs on the primary: Exec is for statements that change something.
func (d *Driver) Exec(ctx context.Context, q string, args, v any) error {
	return d.Driver.Exec(ctx, q, args, v)
}

// Tx opens a transaction: on the replica for a marked context, read-only
// (a standby refuses lib/pq's default BEGIN READ WRITE), on the primary
// otherwise.
func (d *Driver) Tx(ctx context.Context) (dialect.Tx, error) {
	if OnReplica(ctx) {
		return d.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	}
	return d.Driver.Tx(ctx)
}

// BeginTx is Tx with options; on the replica the transaction is read-only
// whatever they say.
func (d *Driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	target := d.Driver
	if OnReplica(ctx) {
		target = d.Replica
		ro := sql.TxOptions{ReadOnly: true}
		if opts != nil {
			ro.Isolation = opts.Isolation
		}
		opts = &ro
	}
	drv, ok := target.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return nil, fmt.Errorf("replica: the driver has no BeginTx")
	}
	return drv.BeginTx(ctx, opts)
}

// Close closes both.
func (d *Driver) Close() error {
	err := d.Replica.Close()
	if perr := d.Driver.Close(); perr != nil {
		err = perr
	}
	return err
}

// writes finds a data-modifying keyword in a statement that starts with
// WITH (a CTE may insert); `updated_at` and the like are not words here.
var writes = regexp.MustCompile(`(?i)\b(INSERT|UPDATE|DELETE|MERGE|COPY|CALL)\b|\bFOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE)\b|nextval\s*\(|setval\s*\(|pg_advisory`)

// IsRead reports whether a statement only reads and may run on a standby:
// a SELECT, or a WITH query, with no write, no row lock, no sequence
// advance and no advisory lock in it. Anything it is unsure of is not a
// read, and goes to the primary.
func IsRead(q string) bool {
	s := strings.TrimLeft(q, " \t\r\n(")
	if len(s) < 6 {
		return false
	}
	head := strings.ToUpper(s[:6])
	if head != "SELECT" && !strings.HasPrefix(head, "WITH") {
		return false
	}
	return !writes.MatchString(s)
}

// Status is how far behind the primary the replica's data is, as an
// answer served from it reports it.
type Status struct {
	// Lag is how far behind the primary the replica's data is: zero when it
	// has replayed everything it received (and is receiving); otherwise the
	// time since the last change it replayed was committed on the primary.
	Lag time.Duration
	// ReplayedAt is when the last change the replica has replayed was
	// committed on the primary; zero if it has replayed none since it started.
	ReplayedAt time.Time
	// Streaming is false when the replica is not receiving from the
	// primary: its data is then as old as ReplayedAt, whatever Lag says.
	Streaming bool
	// Standby is false when the database is not a standby at all (the
	// replica URL names a primary): nothing then lags.
	Standby bool
}

// lagSQL measures on the standby itself. A standby that has replayed all
// it received is up to date as far as it knows, even on an idle primary
// whose last commit was long ago; otherwise the age of its last replayed
// commit is the lag. pg_stat_wal_receiver shows its pid to every user and
// its status only to privileged ones: no row means no receiver at all.
const lagSQL = `SELECT pg_is_in_recovery(),
	COALESCE(pg_last_xact_replay_timestamp(), 'epoch'::timestamptz),
	CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
	     ELSE GREATEST(0, EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())) END,
	EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL AND COALESCE(status, 'streaming') = 'streaming')`

// Lag measures the replica behind drv.
func Lag(ctx context.Context, drv dialect.Driver) (Status, error) {
	rows := &entsql.Rows{}
	if err := drv.Query(ctx, lagSQL, []any{}, rows); err != nil {
		return Status{}, fmt.Errorf("replica: measuring lag: %w", err)
	}
	defer rows.Close()
	var st Status
	var secs float64
	if !rows.Next() {
		return st, fmt.Errorf("replica: measuring lag: no row: %w", rows.Err())
	}
	if err := rows.Scan(&st.Standby, &st.ReplayedAt, &secs, &st.Streaming); err != nil {
		return st, fmt.Errorf("replica: measuring lag: %w", err)
	}
	if st.ReplayedAt.Unix() == 0 {
		st.ReplayedAt = time.Time{}
	}
	if !st.Standby {
		st.Streaming = false
	}
	st.Lag = time.Duration(secs * float64(time.Second))
	return st, rows.Err()
}
