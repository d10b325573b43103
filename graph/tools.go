//go:build tools

package graph

// Pinned code generators: `go run` uses the versions in go.mod.
import (
	_ "github.com/99designs/gqlgen"
)
