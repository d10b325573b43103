package pgtest_test

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"reablement/server/pgcluster/pgtest"
)

// TestMain migrates with a stand-in for the real migrations: one table.
func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, "pgtest_selftest_v1", func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, "CREATE TABLE notes (body text NOT NULL)")
		return err
	}))
}

func open(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM notes").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPackageDatabaseIsMigrated(t *testing.T) {
	db := open(t, pgtest.URL())
	if _, err := db.Exec("INSERT INTO notes VALUES ('package')"); err != nil {
		t.Fatal(err)
	}
	var name string
	if err := db.QueryRow("SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if name[:2] != "t_" {
		t.Errorf("package database %q, want t_…", name)
	}
}

func TestNewDBsAreIndependent(t *testing.T) {
	a, b := open(t, pgtest.NewDB(t)), open(t, pgtest.NewDB(t))
	if _, err := a.Exec("INSERT INTO notes VALUES ('a1'), ('a2')"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Exec("INSERT INTO notes VALUES ('b1')"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, a); n != 2 {
		t.Errorf("a has %d rows, want 2", n)
	}
	if n := count(t, b); n != 1 {
		t.Errorf("b has %d rows, want 1", n)
	}
	if n := count(t, open(t, pgtest.URL())); n > 1 {
		t.Errorf("package database has %d rows, want what TestPackageDatabaseIsMigrated put there at most", n)
	}
}

// NewDB's database is gone once its test is over.
func TestNewDBIsDropped(t *testing.T) {
	var url string
	t.Run("user", func(t *testing.T) {
		url = pgtest.NewDB(t)
		db, err := sql.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Ping(); err != nil {
			t.Fatal(err)
		}
	})
	if err := open(t, url).Ping(); err == nil {
		t.Error("NewDB's database survived its test")
	}
}
