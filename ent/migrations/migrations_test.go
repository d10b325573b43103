package migrations_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"

	"reablement/ent/migrate"
	"reablement/ent/migrations"
	"reablement/server/pgcluster/pgtest"
)

func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
}

// The database schema is only ever what the migration files make: a schema
// change without its migration fails here (and so in CI), with the SQL the
// missing migration needs.
func TestMigrationsMatchTheEntSchema(t *testing.T) {
	dir := t.TempDir()
	entries, err := migrations.Files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := migrations.Files.ReadFile(e.Name())
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := os.ReadFile(filepath.Join("atlas.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "atlas.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	gooseDir, err := sqltool.NewGooseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = migrate.NamedDiff(context.Background(), pgtest.EmptyDB(t), "missing",
		schema.WithDir(gooseDir), schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres), schema.WithFormatter(sqltool.GooseFormatter))
	if err != nil {
		t.Fatalf("replaying the migrations: %v", err)
	}
	after, _ := os.ReadDir(dir)
	if len(after) != len(entries)+1 {
		for _, e := range after {
			if _, err := migrations.Files.ReadFile(e.Name()); err != nil && e.Name() != "atlas.sum" {
				b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
				t.Errorf("the ent schema has changes no migration makes; run `make migration name=…`. Missing:\n%s", b)
			}
		}
	}
}

// Migrating twice, as two servers starting together would, is harmless.
func TestApplyIsIdempotent(t *testing.T) {
	db, err := sqlOpen(pgtest.EmptyDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < 2; i++ {
		if err := migrations.Apply(context.Background(), db); err != nil {
			t.Fatalf("apply %d: %v", i+1, err)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'plans'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("plans table: %d, %v", n, err)
	}
	if _, err := db.Exec(`INSERT INTO audit_events (id, authority_id, occurred_at, action, viewer_id, viewer_name, viewer_roles, person_id, sections, bases, request_id)
		VALUES ('AE1', 'AU1', now(), 'DISCLOSURE', 'AC1', 'x', '[]', 'PE1', '[]', '[]', 'r')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit_events SET viewer_name = 'y'`); err == nil {
		t.Error("the database let an audit event be changed")
	}
	if _, err := db.Exec(`DELETE FROM audit_events`); err == nil {
		t.Error("the database let an audit event be deleted")
	}
}
