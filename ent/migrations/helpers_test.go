package migrations_test

import (
	"database/sql"

	_ "github.com/lib/pq" // PostgreSQL driver
)

func sqlOpen(url string) (*sql.DB, error) { return sql.Open("postgres", url) }
