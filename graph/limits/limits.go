// Package limits refuses GraphQL operations that ask for too much, before
// any resolver runs and so before the database is touched: too deep, too
// many aliases, too costly (a connection costs its page size times its
// children), too many tokens, or too large a body. Every refusal is a
// protocol error (HTTP 422) with extensions.code QUERY_TOO_COMPLEX and a
// message giving the numbers.
package limits

import (
	"fmt"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Code is the extensions.code of every refusal.
const Code = "QUERY_TOO_COMPLEX"

func init() {
	// Without this the refusal would be an HTTP 200 with errors.
	errcode.RegisterErrorType(Code, errcode.KindProtocol)
}

func refuse(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, Code)
	return err
}

// ApplyTokenLimit bounds the parser's work on one document; gqlgen parses
// without a limit by default.
func ApplyTokenLimit(srv *handler.Server, n int) { srv.SetParserTokenLimit(n) }

// walk calls fn for each field of a selection set, fragments expanded, with
// the field's depth (1 for the operation's own fields).
func walk(set ast.SelectionSet, depth int, fn func(f *ast.Field, depth int) bool) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if fn(s, depth) {
				walk(s.SelectionSet, depth+1, fn)
			}
		case *ast.InlineFragment:
			walk(s.SelectionSet, depth, fn)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				walk(s.Definition.SelectionSet, depth, fn)
			}
		}
	}
}

// introspection reports whether a field is schema introspection, which
// GraphiQL sends and which reads no data.
func introspection(f *ast.Field) bool { return strings.HasPrefix(f.Name, "__") }

func describe(f *ast.Field) string {
	if f.Alias != "" && f.Alias != f.Name {
		return fmt.Sprintf("%s (as %s)", f.Name, f.Alias)
	}
	return f.Name
}

// InvalidCode is the extensions.code of an argument out of bounds.
const InvalidCode = "INVALID_INPUT"

// invalid is an argument out of bounds: INVALID_INPUT naming its path.
func invalid(field, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": InvalidCode, "field": field}
	return err
}

// sortedKeys gives a map's keys in order, so the first problem reported is
// the same every time.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
