package app

import (
	"container/list"
	"context"
	"database/sql"
	"fmt"
	"sync"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// prepared sends the statements a request runs on the pool (every query's
// reads and its audit write) as prepared statements, kept per statement text
// (issue 14): each connection parses and plans a statement once, then only
// binds and executes it, instead of PostgreSQL parsing and planning the same
// few dozen texts on every request. Transactions (mutations) go to the
// driver underneath unchanged. The cache is bounded: texts differ by the
// length of their IN lists, so there are a few per query shape, and the
// least recently used is closed beyond maxPrepared.
type prepared struct {
	dialect.Driver // the ent driver over db, for transactions and the rest
	db             *sql.DB

	mu    sync.Mutex
	byQ   map[string]*list.Element // of *preparedStmt
	order *list.List               // most recently used first
}

// maxPrepared bounds the statements kept; each is prepared lazily on each
// pooled connection that runs it.
const maxPrepared = 512

type preparedStmt struct {
	q    string
	stmt *sql.Stmt
}

func newPrepared(drv dialect.Driver, db *sql.DB) *prepared {
	return &prepared{Driver: drv, db: db, byQ: map[string]*list.Element{}, order: list.New()}
}

func (p *prepared) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	p.mu.Lock()
	if e, ok := p.byQ[q]; ok {
		p.order.MoveToFront(e)
		s := e.Value.(*preparedStmt).stmt
		p.mu.Unlock()
		return s, nil
	}
	p.mu.Unlock()
	s, err := p.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.byQ[q]; ok { // prepared meanwhile by another request
		_ = s.Close()
		return e.Value.(*preparedStmt).stmt, nil
	}
	p.byQ[q] = p.order.PushFront(&preparedStmt{q: q, stmt: s})
	for p.order.Len() > maxPrepared {
		old := p.order.Remove(p.order.Back()).(*preparedStmt)
		delete(p.byQ, old.q)
		// Close waits for nothing: database/sql closes it on each
		// connection once no query is using it.
		_ = old.stmt.Close()
	}
	return s, nil
}

// Exec runs a statement with arguments as a prepared statement.
func (p *prepared) Exec(ctx context.Context, q string, args, v any) error {
	argv, ok := args.([]any)
	if !ok || len(argv) == 0 {
		return p.Driver.Exec(ctx, q, args, v)
	}
	s, err := p.stmt(ctx, q)
	if err != nil {
		return err
	}
	res, err := s.ExecContext(ctx, argv...)
	if err != nil {
		return err
	}
	switch r := v.(type) {
	case nil:
	case *sql.Result:
		*r = res
	default:
		return fmt.Errorf("prepared: unexpected type %T for Exec", v)
	}
	return nil
}

// Query runs a query with arguments as a prepared statement.
func (p *prepared) Query(ctx context.Context, q string, args, v any) error {
	argv, ok := args.([]any)
	rows, isRows := v.(*entsql.Rows)
	if !ok || len(argv) == 0 || !isRows {
		return p.Driver.Query(ctx, q, args, v)
	}
	s, err := p.stmt(ctx, q)
	if err != nil {
		return err
	}
	r, err := s.QueryContext(ctx, argv...)
	if err != nil {
		return err
	}
	*rows = entsql.Rows{ColumnScanner: r}
	return nil
}

// BeginTx is the driver underneath's (ent's client uses it when present).
func (p *prepared) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	if b, ok := p.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	}); ok {
		return b.BeginTx(ctx, opts)
	}
	return p.Driver.Tx(ctx)
}
