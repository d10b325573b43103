package generated

import (
	"context"
	"fmt"
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Per-field allocations gqlgen's generated code makes and this server never
// needs, taken out by `make generate-gql` (issue 14: an analyst's page of
// 100 plans resolves some 3,000 fields, and allocation and garbage
// collection were a quarter of the server's CPU):
//
//   - scalarFieldContext stands in for graphql.NewScalarFieldContext, whose
//     Child is a closure over an error made with errors.New for every
//     scalar field resolved; the error is only for a query asking for a
//     scalar's children, which validation refuses before anything runs;
//   - deferredPath stands in for graphql.GetPath(ctx) where an object hands
//     its @defer groups on: the path is built only when there are any
//     (the web app never defers), not for every object;
//   - codedTrue stands in for unmarshalling the constant `coded: true` of
//     @section, which allocated a *bool for every gated field;
//   - an object's fields with resolvers (a visit's plan, a plan's outcomes
//     and risks…) are resolved in turn where they stand, not handed to
//     FieldSet.Dispatch, which starts a goroutine for each but one: every
//     such goroutine began with a small stack and grew it through gqlgen's
//     deep recursion (runtime.newstack and copystack were 8% of the
//     server's CPU under make load). Children are loaded a level at a time
//     by the parent's query (CollectFields), and no resolver waits for a
//     sibling (no dataloader), so nothing is gained by running them at once;
//   - a field that only reads a scalar column of its object (go run
//     ./graph/internal/leanfields) is marshalled straight from the object,
//     without a field context, the field middleware, a resolver closure and
//     boxing its value twice (some ten allocations a field). The field
//     middleware (graph/handler.go) has nothing to do for such a field: it
//     takes no arguments, is no list and no Cursor. A field gated by
//     @section asks the directive first, with shownNext as its next: only
//     when the directive shows the value (and notes the disclosure) is it
//     written this way; a withheld field takes gqlgen's path, where the same
//     directive withholds it with the error at the field's path;
//   - an object is written by objectOf, not FieldSet.MarshalGQL, which made
//     a map of the aliases written for every object and copied every
//     CollectedField to the heap to hand out its address. CollectFields
//     has already merged fields of the same alias into one, so no alias
//     comes twice; objectOf still skips one that does, as FieldSet does.

// scalarFieldContext is graphql.NewScalarFieldContext without its per-field closure.
func scalarFieldContext(objectName string, field graphql.CollectedField, isMethod, isResolver bool) (*graphql.FieldContext, error) {
	return &graphql.FieldContext{Object: objectName, Field: field, IsMethod: isMethod, IsResolver: isResolver, Child: scalarChild}, nil
}

func scalarChild(_ context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
	return nil, fmt.Errorf("field %s does not have child fields", field.Name)
}

// deferredPath is the object's path when it has deferred fields, else nil
// (graphql's ProcessDeferredGroup ignores a group without defers).
func deferredPath(ctx context.Context, defers map[string]*graphql.FieldSetView) ast.Path {
	if len(defers) == 0 {
		return nil
	}
	return graphql.GetPath(ctx)
}

var trueValue = true

// codedTrue is @section's coded: true, shared (the directive only reads it).
func codedTrue() (*bool, error) { return &trueValue, nil }

// shown is what shownNext answers: the @section directive called next, so
// the value may be written.
var shown any = &struct{ byte }{}

// shownNext is the next resolver a gated field's fast path hands @section.
func shownNext(context.Context) (any, error) { return shown, nil }

// objectFields is an object's collected fields and their values, written as
// a JSON object.
type objectFields struct {
	fields []graphql.CollectedField
	values []graphql.Marshaler
}

// objectOf is what an object's marshaller returns once its fields are resolved.
func objectOf(fields []graphql.CollectedField, out *graphql.FieldSet) graphql.Marshaler {
	return &objectFields{fields: fields, values: out.Values}
}

var (
	openBrace  = []byte{'{'}
	closeBrace = []byte{'}'}
	comma      = []byte{','}
	colonQuote = []byte{'"', ':'}
	quote      = []byte{'"'}
)

// MarshalGQL writes {"alias":value,...} in the order the fields were asked for.
func (o *objectFields) MarshalGQL(w io.Writer) {
	_, _ = w.Write(openBrace)
	for i := range o.fields {
		alias := o.fields[i].Alias
		if seenBefore(o.fields[:i], alias) {
			continue
		}
		if i > 0 {
			_, _ = w.Write(comma)
		}
		// An alias is a GraphQL name ([_A-Za-z][_0-9A-Za-z]*): nothing in
		// it needs escaping.
		_, _ = w.Write(quote)
		_, _ = io.WriteString(w, alias)
		_, _ = w.Write(colonQuote)
		o.values[i].MarshalGQL(w)
	}
	_, _ = w.Write(closeBrace)
}

func seenBefore(fields []graphql.CollectedField, alias string) bool {
	for i := range fields {
		if fields[i].Alias == alias {
			return true
		}
	}
	return false
}
