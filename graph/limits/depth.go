package limits

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Depth refuses selections nested deeper than Max.
type Depth struct{ Max int }

var (
	_ graphql.HandlerExtension        = Depth{}
	_ graphql.OperationContextMutator = Depth{}
)

// ExtensionName names the extension.
func (Depth) ExtensionName() string { return "DepthLimit" }

// Validate has nothing to check against the schema.
func (Depth) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation's depth.
func (d Depth) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	deepest := 0
	walk(oc.Operation.SelectionSet, 1, func(f *ast.Field, depth int) bool {
		if introspection(f) || f.Name == "__typename" {
			return false
		}
		deepest = max(deepest, depth)
		return true
	})
	if deepest > d.Max {
		return refuse("This query is %d levels deep; the limit is %d. Ask for less nesting, or make two queries.", deepest, d.Max)
	}
	return nil
}
