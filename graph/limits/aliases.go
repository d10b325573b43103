package limits

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Aliases refuses operations with more than Max aliased fields (counted
// with fragments expanded): aliases multiply work without adding depth.
type Aliases struct{ Max int }

var (
	_ graphql.HandlerExtension        = Aliases{}
	_ graphql.OperationContextMutator = Aliases{}
)

// ExtensionName names the extension.
func (Aliases) ExtensionName() string { return "AliasLimit" }

// Validate has nothing to check against the schema.
func (Aliases) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext counts the operation's aliases.
func (a Aliases) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	n := 0
	walk(oc.Operation.SelectionSet, 1, func(f *ast.Field, _ int) bool {
		if f.Alias != "" && f.Alias != f.Name {
			n++
		}
		return true
	})
	if n > a.Max {
		return refuse("This query uses %d aliases; the limit is %d.", n, a.Max)
	}
	return nil
}
