package replica

import (
	"context"
	"testing"
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
