package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/demo"
	"reablement/ent/migrations"
	"reablement/server/pgcluster"
)

// adminURL returns DATABASE_URL, or starts the benchmark's own durable
// private cluster under dataDir (kept between runs, so the seeded database
// is too) and returns its URL and what stops it.
func adminURL(ctx context.Context, env, dataDir string) (string, func(), error) {
	if env != "" {
		return env, func() {}, nil
	}
	dir, err := filepath.Abs(filepath.Join(dataDir, "postgres"))
	if err != nil {
		return "", nil, err
	}
	log.Printf("DATABASE_URL is unset: starting the benchmark's PostgreSQL in %s", dir)
	c, err := pgcluster.Start(ctx, dir, pgcluster.Options{})
	if err != nil {
		return "", nil, err
	}
	return c.URL("postgres"), func() {
		if err := c.Stop(); err != nil {
			log.Print(err)
		}
	}, nil
}

// withDatabase points a server URL at database name.
func withDatabase(admin, name string) (string, error) {
	u, err := url.Parse(admin)
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL is not a URL: %w", err)
	}
	u.Path, u.RawPath = "/"+name, ""
	return u.String(), nil
}

// dbName is the benchmark database's name for a size and seed.
func dbName(people int, seed int64) string { return fmt.Sprintf("loadbench_%d_%d", people, seed) }

// marker is the database comment that says a seeding finished: which size,
// seed and day (the generated visits are anchored at that day).
func marker(people int, seed int64, day string) string {
	return fmt.Sprintf("loadbench people=%d seed=%d day=%s migrations=%s", people, seed, day, migrations.Key())
}

// prepare returns the URL of a migrated database seeded with the demo
// authority at the given size and the benchmark day (YYYY-MM-DD in
// Europe/London). A database seeded earlier today with the same size and
// seed is reused, with any newer migrations applied; one seeded on another
// day is seeded again.
func prepare(ctx context.Context, admin string, people int, seed int64) (dbURL, day string, err error) {
	name := dbName(people, seed)
	dbURL, err = withDatabase(admin, name)
	if err != nil {
		return "", "", err
	}
	adminDB, err := sql.Open("postgres", admin)
	if err != nil {
		return "", "", err
	}
	defer adminDB.Close()
	var comment sql.NullString
	err = adminDB.QueryRowContext(ctx, `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1`, name).Scan(&comment)
	switch {
	case err == nil:
		prefix := fmt.Sprintf("loadbench people=%d seed=%d day=", people, seed)
		c := comment.String
		if strings.HasPrefix(c, prefix) {
			day = strings.Fields(strings.TrimPrefix(c, prefix))[0]
		}
		// The web app's MyVisits asks for today's visits, by the server's
		// clock, while the peers are asked for the seeded day: on any later
		// day they would answer different visits, and the visits around
		// today are what the seeding shaped. A database seeded on another
		// day is seeded again.
		if today := londonDay(time.Now()); day != "" && day != today {
			log.Printf("database %s was seeded for %s, not today (%s): seeding it again", name, day, today)
			c = ""
		}
		if strings.HasPrefix(c, prefix) {
			log.Printf("reusing database %s, seeded for %s", name, day)
			if !strings.HasSuffix(c, " migrations="+migrations.Key()) {
				// Newer migrations (an index, say): apply them to the data.
				if err := migrateAndMark(ctx, adminDB, dbURL, name, marker(people, seed, day)); err != nil {
					return "", "", err
				}
			}
			return dbURL, day, nil
		}
		if c != "" {
			log.Printf("database %s is not a finished seeding (%q): making it again", name, c)
		}
		if err := pgcluster.DropDatabase(ctx, admin, name); err != nil {
			return "", "", err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return "", "", err
	}
	if err := pgcluster.CreateDatabase(ctx, admin, name, "template0"); err != nil {
		return "", "", err
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	if err := migrations.Apply(ctx, db); err != nil {
		return "", "", err
	}
	now := time.Now()
	day = londonDay(now) // the day the seeding below is shaped around
	log.Printf("seeding %d people (seed %d) for %s: about 50 s per 20,000 people on two cores…", people, seed, day)
	start := time.Now()
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, db)))
	if _, err := demo.Load(ctx, client, demo.Options{People: people, Seed: seed, Now: now}); err != nil {
		return "", "", err
	}
	if _, err := db.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		return "", "", err
	}
	log.Printf("seeded in %s", time.Since(start).Round(time.Second))
	if _, err := adminDB.ExecContext(ctx, "COMMENT ON DATABASE "+pq.QuoteIdentifier(name)+" IS "+pq.QuoteLiteral(marker(people, seed, day))); err != nil {
		return "", "", err
	}
	return dbURL, day, nil
}

// resetAudit empties the audit log a reused database gathered in earlier
// runs. Every request the project answers appends audit events (the
// analyst's page some 70), so a full run adds about half a million rows,
// and a log several runs long made each run slower than the last (its
// indexes outgrow PostgreSQL's buffers; the extra WAL brings checkpoints
// into the measured runs), for the project and not for PostGraphile, which
// writes nothing. The seeded authority holds no events, so each run starts
// from that state, as ../shared/bench/run-project.sh does. The append-only
// guard (migration audit_append_only) is lifted for this one transaction,
// in the benchmark's own database only.
func resetAudit(ctx context.Context, dbURL string) error {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var n int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM audit_events`).Scan(&n); err != nil || n == 0 {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{`ALTER TABLE audit_events DISABLE TRIGGER USER`, `TRUNCATE audit_events`, `ALTER TABLE audit_events ENABLE TRIGGER USER`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("emptying the audit log of earlier runs: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE audit_events`); err != nil {
		return err
	}
	log.Printf("audit_events: %d rows left by earlier runs removed (-keep-audit keeps them)", n)
	return nil
}

// workerRow is a worker and their visits on the benchmark day.
type workerRow struct {
	ID, Subject string
	Visits      int
}

// dataset counts what was generated and lists the workers with visits on day.
type dataset struct {
	People, Plans, Workers int
	WithVisits             []workerRow
}

func describe(ctx context.Context, dbURL, day string) (dataset, error) {
	var d dataset
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return d, err
	}
	defer db.Close()
	err = db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM persons), (SELECT count(*) FROM plans),
		(SELECT count(*) FROM accounts WHERE roles ? 'WORKER')`).Scan(&d.People, &d.Plans, &d.Workers)
	if err != nil {
		return d, err
	}
	// The day's bounds in Europe/London, as the API computes them.
	rows, err := db.QueryContext(ctx, `SELECT a.id, a.subject, count(v.id) FROM accounts a
		JOIN visits v ON v.worker_id = a.id
		  AND v.starts_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/London'
		  AND v.starts_at < ($1::date + 1)::timestamp AT TIME ZONE 'Europe/London'
		GROUP BY a.id, a.subject ORDER BY a.id`, day)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var w workerRow
		if err := rows.Scan(&w.ID, &w.Subject, &w.Visits); err != nil {
			return d, err
		}
		d.WithVisits = append(d.WithVisits, w)
	}
	return d, rows.Err()
}

// migrateAndMark applies newer migrations to a seeded database, refreshes
// the planner's statistics and records the new set in the marker.
func migrateAndMark(ctx context.Context, adminDB *sql.DB, dbURL, name, mark string) error {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	log.Printf("applying newer migrations to %s", name)
	if err := migrations.Apply(ctx, db); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	_, err = adminDB.ExecContext(ctx, "COMMENT ON DATABASE "+pq.QuoteIdentifier(name)+" IS "+pq.QuoteLiteral(mark))
	return err
}

// londonDay is t's date where the seeded authority is.
func londonDay(t time.Time) string {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		loc = time.UTC // no time zone database: the seeding says which day it used
	}
	return t.In(loc).Format(time.DateOnly)
}
