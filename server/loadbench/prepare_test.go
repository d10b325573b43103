package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"reablement/server/pgcluster"
	"reablement/server/pgcluster/pgtest"
)

// make load asks the project for the web app's MyVisits, which answers the
// worker's visits today by the server's clock, and asks the peers for the
// seeded day: a database seeded on an earlier day is seeded again for
// today, or the two would be answering different days' visits (as they
// were on the first run after midnight).
func TestADatabaseSeededOnAnotherDayIsSeededAgainForToday(t *testing.T) {
	admin := pgtest.AdminURL()
	ctx := context.Background()
	const people, seed = 40, 424242
	name := dbName(people, seed)
	t.Cleanup(func() { _ = pgcluster.DropDatabase(context.Background(), admin, name) })

	_, day, err := prepare(ctx, admin, people, seed)
	if err != nil {
		t.Fatal(err)
	}
	if today := londonDay(time.Now()); day != today {
		t.Fatalf("a fresh seeding is for %s, want today %s", day, today)
	}
	adminDB, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adminDB.Close()
	comment := func() string {
		var c string
		if err := adminDB.QueryRowContext(ctx, `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1`, name).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Reused the same day.
	if _, again, err := prepare(ctx, admin, people, seed); err != nil || again != day {
		t.Fatalf("prepared again the same day: %s, %v; want the same database for %s", again, err, day)
	}
	// Seeded on an earlier day: made again, for today.
	if _, err := adminDB.ExecContext(ctx, fmt.Sprintf(`COMMENT ON DATABASE %s IS '%s'`, name, marker(people, seed, "2000-01-01"))); err != nil {
		t.Fatal(err)
	}
	_, later, err := prepare(ctx, admin, people, seed)
	if err != nil {
		t.Fatal(err)
	}
	if later != londonDay(time.Now()) || !strings.Contains(comment(), "day="+londonDay(time.Now())+" ") {
		t.Errorf("a database seeded for 2000-01-01 was prepared for %s (comment %q), want it seeded again for today %s", later, comment(), londonDay(time.Now()))
	}
}
