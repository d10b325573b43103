// Package migrations holds the versioned SQL migrations (goose format),
// generated from the ent schema by `make migration name=…` and never written
// by the server at run time: the database schema is only ever what these
// files make. Apply runs them at start-up under a PostgreSQL advisory lock,
// so several servers starting at once migrate exactly once.
package migrations

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Files are the migration files, embedded in the binary.
//
//go:embed *.sql
var Files embed.FS

// Apply brings db up to the newest migration.
func Apply(ctx context.Context, db *sql.DB) error {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, Files, goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: applying: %w", err)
	}
	return nil
}

// Key identifies the set of migrations, so test template databases built
// from one set are not reused with another.
func Key() string {
	var names []string
	_ = fs.WalkDir(Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, path)
		}
		return nil
	})
	h := fnv64(names)
	return fmt.Sprintf("%016x", h)
}

// fnv64 hashes the names and contents of the files.
func fnv64(names []string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for _, n := range names {
		b, _ := Files.ReadFile(n)
		for _, c := range append([]byte(n), b...) {
			h ^= uint64(c)
			h *= prime
		}
	}
	return h
}
