// Command diff writes a new migration file for the difference between the
// migrations so far and the ent schema. It needs an empty PostgreSQL database
// to replay the migrations in (DATABASE_URL); `make migration name=…` starts
// a private one.
//
//	go run -mod=mod ./ent/migrations/diff add_visits_index
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"

	"reablement/ent/migrate"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: diff <name_of_migration> | diff -hash")
	}
	if os.Args[1] == "-hash" {
		// After adding a hand-written migration: recompute atlas.sum.
		dir, err := sqltool.NewGooseDir("ent/migrations")
		if err != nil {
			log.Fatalf("diff: %v", err)
		}
		sum, err := dir.Checksum()
		if err != nil {
			log.Fatalf("diff: %v", err)
		}
		if err := atlasmigrate.WriteSumFile(dir, sum); err != nil {
			log.Fatalf("diff: %v", err)
		}
		return
	}
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		log.Fatal("diff: set DATABASE_URL to an empty database (make migration does this)")
	}
	dir, err := sqltool.NewGooseDir("ent/migrations")
	if err != nil {
		log.Fatalf("diff: opening ent/migrations: %v", err)
	}
	err = migrate.NamedDiff(context.Background(), url, os.Args[1],
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres),
		schema.WithFormatter(sqltool.GooseFormatter),
		// A removed index or column is part of the change: without these
		// Atlas would quietly keep them.
		schema.WithDropIndex(true),
		schema.WithDropColumn(true),
	)
	if err != nil {
		log.Fatalf("diff: %v", err)
	}
	fmt.Println("diff: wrote any new migration to ent/migrations")
}
