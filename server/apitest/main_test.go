package apitest_test

import (
	"os"
	"testing"

	"reablement/ent/migrations"
	"reablement/server/pgcluster/pgtest"
)

// TestMain gives this package its own database, made from a migrated
// template, on the PostgreSQL `make test` started (or a private one).
func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
}
