package replica

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
)

// Only statements that surely just read may go to a standby (issue 15
// item 6); anything else, including what this cannot tell, goes to the
// primary.
func TestIsRead(t *testing.T) {
	for q, want := range map[string]bool{
		`SELECT "plans"."id" FROM "plans" WHERE "plans"."authority_id" = $1`:                true,
		"\n\t  SELECT p.id, p.updated_at FROM persons p":                                    true,
		`(SELECT 1) UNION (SELECT 2)`:                                                       true,
		`WITH e AS (SELECT * FROM plans) SELECT count(*) FROM e`:                            true,
		`SELECT last_update, deleted_flag FROM x`:                                           true,
		`INSERT INTO "audit_events" ("id") VALUES ($1) RETURNING "id"`:                      false,
		`UPDATE "plans" SET "revision" = $1 RETURNING "id"`:                                 false,
		`DELETE FROM "shares" WHERE "id" = $1`:                                              false,
		`WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved`:                     false,
		`WITH rows AS (SELECT 1) INSERT INTO audit_events SELECT * FROM unnest($1::text[])`: false,
		`SELECT * FROM plans WHERE id = $1 FOR UPDATE`:                                      false,
		`SELECT * FROM plans FOR NO KEY UPDATE`:                                             false,
		`SELECT nextval('s')`:                                                               false,
		`SELECT pg_advisory_xact_lock(1)`:                                                   false,
		`CREATE TEMP TABLE x (a int)`:                                                       false,
		`SET LOCAL statement_timeout = 0`:                                                   false,
		``:                                                                                  false,
	} {
		if got := IsRead(q); got != want {
			t.Errorf("IsRead(%q) = %v, want %v", q, got, want)
		}
	}
}

// The mark is per request, and Primary takes it off for the writes a
// read request makes.
func TestReadsAndPrimary(t *testing.T) {
	ctx := context.Background()
	if OnReplica(ctx) {
		t.Fatal("an unmarked context reads from the replica")
	}
	r := Reads(ctx)
	if !OnReplica(r) || OnReplica(Primary(r)) {
		t.Fatal("Reads marks, Primary unmarks")
	}
}

// fake records which database a statement or transaction reached.
type fake struct {
	name string
	got  *[]string
}

func (f fake) Exec(_ context.Context, q string, _, _ any) error {
	*f.got = append(*f.got, f.name+" "+q)
	return nil
}
func (f fake) Query(_ context.Context, q string, _, _ any) error {
	*f.got = append(*f.got, f.name+" "+q)
	return nil
}
func (f fake) Tx(context.Context) (dialect.Tx, error) {
	*f.got = append(*f.got, f.name+" BEGIN")
	return nil, nil
}
func (f fake) BeginTx(_ context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	*f.got = append(*f.got, fmt.Sprintf("%s BEGIN read-only=%v", f.name, opts.ReadOnly))
	return nil, nil
}
func (fake) Close() error    { return nil }
func (fake) Dialect() string { return dialect.Postgres }

// A marked request's reads and transactions reach the replica; its writes
// outside a transaction, and everyone else's statements, reach the primary
// (issue 15 item 6).
func TestRouting(t *testing.T) {
	var got []string
	d := New(fake{"primary", &got}, fake{"replica", &got})
	analyst, staff := Reads(context.Background()), context.Background()
	_ = d.Query(analyst, "SELECT 1", nil, nil)
	_ = d.Query(analyst, `INSERT INTO "audit_events" VALUES (1) RETURNING "id"`, nil, nil)
	_ = d.Exec(analyst, `INSERT INTO "audit_events" SELECT * FROM unnest($1::text[])`, nil, nil)
	_ = d.Query(Primary(analyst), "SELECT 2", nil, nil)
	_, _ = d.Tx(analyst)
	_, _ = d.BeginTx(analyst, &sql.TxOptions{ReadOnly: true})
	_, _ = d.BeginTx(analyst, &sql.TxOptions{})
	_ = d.Query(staff, "SELECT 3", nil, nil)
	_, _ = d.BeginTx(staff, &sql.TxOptions{ReadOnly: true})
	want := []string{
		"replica SELECT 1",
		`primary INSERT INTO "audit_events" VALUES (1) RETURNING "id"`,
		`primary INSERT INTO "audit_events" SELECT * FROM unnest($1::text[])`,
		"primary SELECT 2",
		"replica BEGIN read-only=true",
		"replica BEGIN read-only=true",
		"replica BEGIN read-only=true",
		"primary SELECT 3",
		"primary BEGIN read-only=true",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
