package main

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"reablement/ent/migrations"
	"reablement/server/pgcluster/pgtest"
)

// TestMain gives the tests that need one a migrated database of their own.
func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
}

// Each make load run starts from an empty audit log, and the append-only
// guard the reset lifts for one transaction is back afterwards: the log
// still refuses a DELETE, a change and a TRUNCATE.
func TestResetAuditEmptiesTheLogAndPutsTheGuardBack(t *testing.T) {
	ctx := context.Background()
	dbURL := pgtest.NewDB(t)
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insert := `INSERT INTO audit_events (id, authority_id, occurred_at, action, viewer_id, viewer_name, viewer_roles, person_id, sections, bases, request_id)
		VALUES ($1, 'AU1', now(), 'DISCLOSURE', 'AC1', 'Loadbench', '[]', 'PE1', '[]', '[]', 'r1')`
	for _, id := range []string{"AE1", "AE2"} {
		if _, err := db.ExecContext(ctx, insert, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := resetAudit(ctx, dbURL); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM audit_events`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("after the reset the log holds %d events (%v), want none", n, err)
	}
	if _, err := db.ExecContext(ctx, insert, "AE3"); err != nil {
		t.Fatalf("after the reset the log takes no new event: %v", err)
	}
	for _, q := range []string{`DELETE FROM audit_events`, `UPDATE audit_events SET viewer_name = 'x'`, `TRUNCATE audit_events`} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("after the reset the log allows %q: its append-only guard is off", q)
		}
	}
}
