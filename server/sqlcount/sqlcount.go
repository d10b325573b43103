// Package sqlcount wraps the ent driver so tests and benchmarks see every
// SQL statement the API sends (sign-in, consent and audit included): they
// count them, and may watch each one go by.
package sqlcount

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// Transaction control, passed to Observe but not counted as statements.
const (
	Begin    = "BEGIN"
	Commit   = "COMMIT"
	Rollback = "ROLLBACK"
)

// Driver passes everything to the wrapped driver, counting statements.
type Driver struct {
	dialect.Driver
	// Observe, when set, sees each statement before it runs, and Begin,
	// Commit and Rollback around transactions. It must be safe for
	// concurrent use.
	Observe func(query string, args any)
	n       atomic.Int64
}

// Count is how many statements have been sent so far.
func (d *Driver) Count() int64 { return d.n.Load() }

func (d *Driver) see(q string, args any) {
	switch q {
	case Begin, Commit, Rollback:
	default:
		d.n.Add(1)
	}
	if d.Observe != nil {
		d.Observe(q, args)
	}
}

// Exec counts the statement and runs it.
func (d *Driver) Exec(ctx context.Context, q string, args, v any) error {
	d.see(q, args)
	return d.Driver.Exec(ctx, q, args, v)
}

// Query counts the statement and runs it.
func (d *Driver) Query(ctx context.Context, q string, args, v any) error {
	d.see(q, args)
	return d.Driver.Query(ctx, q, args, v)
}

// Tx starts a transaction whose statements are counted too.
func (d *Driver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	d.see(Begin, nil)
	return &countingTx{Tx: tx, d: d}, nil
}

// BeginTx is Tx with options; ent uses it when they are given.
func (d *Driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	drv, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return nil, fmt.Errorf("sqlcount: the driver has no BeginTx")
	}
	tx, err := drv.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	d.see(Begin, nil)
	return &countingTx{Tx: tx, d: d}, nil
}

type countingTx struct {
	dialect.Tx
	d *Driver
}

func (t *countingTx) Exec(ctx context.Context, q string, args, v any) error {
	t.d.see(q, args)
	return t.Tx.Exec(ctx, q, args, v)
}

func (t *countingTx) Query(ctx context.Context, q string, args, v any) error {
	t.d.see(q, args)
	return t.Tx.Query(ctx, q, args, v)
}

func (t *countingTx) Commit() error {
	t.d.see(Commit, nil)
	return t.Tx.Commit()
}

func (t *countingTx) Rollback() error {
	t.d.see(Rollback, nil)
	return t.Tx.Rollback()
}
