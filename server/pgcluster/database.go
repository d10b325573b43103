package pgcluster

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"
)

// CreateDatabase creates database name on the server adminURL points to,
// as a copy of database template ("" means PostgreSQL's default, template1).
// Copying a migrated template is how tests get a ready schema in a fraction
// of the time migrating takes. The server's error is wrapped, not replaced,
// so callers can look for *pq.Error code 42P04 (the database exists).
func CreateDatabase(ctx context.Context, adminURL, name, template string) error {
	stmt := "CREATE DATABASE " + pq.QuoteIdentifier(name)
	if template != "" {
		stmt += " TEMPLATE " + pq.QuoteIdentifier(template)
	}
	if err := execAdmin(ctx, adminURL, stmt); err != nil {
		return fmt.Errorf("pgcluster: creating database %q: %w", name, err)
	}
	return nil
}

// DropDatabase drops database name if it exists, ending any sessions still
// connected to it (WITH (FORCE)): callers drop databases they are finished
// with, and a pool someone forgot to close must not keep one alive.
func DropDatabase(ctx context.Context, adminURL, name string) error {
	stmt := "DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)"
	if err := execAdmin(ctx, adminURL, stmt); err != nil {
		return fmt.Errorf("pgcluster: dropping database %q: %w", name, err)
	}
	return nil
}

// execAdmin runs one statement on a connection of its own: CREATE and DROP
// DATABASE cannot run inside a transaction, and a short-lived connection
// never holds a template open for longer than needed.
func execAdmin(ctx context.Context, adminURL, stmt string) error {
	db, err := sql.Open("postgres", adminURL)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, stmt)
	return err
}
