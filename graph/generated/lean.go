package generated

import (
	"context"
	"fmt"
	"io"
	"sync"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"reablement/ent/schema/pulid"
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
//   - an object's values are made by newObject in one allocation with the
//     object itself, where graphql.NewFieldSet made two, and the object
//     writes itself, where FieldSet.MarshalGQL made a map of the aliases
//     written for every object and copied every CollectedField to the heap
//     to hand out its address. CollectFields has already merged fields of
//     the same alias into one, so no alias comes twice; an object still
//     skips one that does, as FieldSet does;
//   - a field whose arguments are all scalars, orders or cursors parses
//     them once a request (shared.args), where gqlgen parsed them again for
//     every object the field is asked of: a plan's outcomes(first: 20,
//     orderBy: …) on an analyst's page of 100 plans (5% of the server's
//     CPU on that page), and an object's fields are collected once a
//     request for each selection set and type (shared.collect);
//   - gqlgen's @defer machinery is taken out of every object's marshaller:
//     it made a second FieldSet and a map of deferred labels for each
//     object, and a deferred field's closures escaped to the heap. This
//     server answers in one response (graph/transport.go), so a field under
//     @defer is resolved where it stands and arrives in that response.

// scalarFieldContext is graphql.NewScalarFieldContext without its per-field closure.
func scalarFieldContext(objectName string, field graphql.CollectedField, isMethod, isResolver bool) (*graphql.FieldContext, error) {
	return &graphql.FieldContext{Object: objectName, Field: field, IsMethod: isMethod, IsResolver: isResolver, Child: scalarChild}, nil
}

func scalarChild(_ context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
	return nil, fmt.Errorf("field %s does not have child fields", field.Name)
}

var trueValue = true

// codedTrue is @section's coded: true, shared (the directive only reads it).
func codedTrue() (*bool, error) { return &trueValue, nil }

// shown is what shownNext answers: the @section directive called next, so
// the value may be written.
var shown any = &struct{ byte }{}

// shownNext is the next resolver a gated field's fast path hands @section.
func shownNext(context.Context) (any, error) { return shown, nil }

// object is an object's collected fields and their values, written as a
// JSON object. Its FieldSet is what the generated code fills: Values, the
// count of invalid (null but required) fields, and the root fields run
// concurrently.
type object struct {
	graphql.FieldSet
	fields []graphql.CollectedField
}

// newObject makes an object for fields with its values in the same
// allocation for up to 32 fields (an analyst's page of 100 plans writes
// some 2,000 objects; issue 14).
func newObject(fields []graphql.CollectedField) *object {
	var o *object
	switch n := len(fields); {
	case n <= 2:
		o = inlined(func(v *[2]graphql.Marshaler) []graphql.Marshaler { return v[:n:n] })
	case n <= 4:
		o = inlined(func(v *[4]graphql.Marshaler) []graphql.Marshaler { return v[:n:n] })
	case n <= 8:
		o = inlined(func(v *[8]graphql.Marshaler) []graphql.Marshaler { return v[:n:n] })
	case n <= 16:
		o = inlined(func(v *[16]graphql.Marshaler) []graphql.Marshaler { return v[:n:n] })
	case n <= 32:
		o = inlined(func(v *[32]graphql.Marshaler) []graphql.Marshaler { return v[:n:n] })
	default:
		o = &object{FieldSet: graphql.FieldSet{Values: make([]graphql.Marshaler, n)}}
	}
	o.fields = fields
	return o
}

// inlined allocates an object together with an array of values A, and
// gives it the values slice of that array.
func inlined[A any](values func(*A) []graphql.Marshaler) *object {
	x := new(struct {
		object
		v A
	})
	x.Values = values(&x.v)
	return &x.object
}

var (
	openBrace  = []byte{'{'}
	closeBrace = []byte{'}'}
	comma      = []byte{','}
	colonQuote = []byte{'"', ':'}
	quote      = []byte{'"'}
)

// MarshalGQL writes {"alias":value,...} in the order the fields were asked for.
func (o *object) MarshalGQL(w io.Writer) {
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
		o.Values[i].MarshalGQL(w)
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

// shared is what a request's fields share, parsed or collected once for the
// request: each field's arguments, and the fields each object is asked
// for. Each request's execution context has one (leanfields adds it).
type shared struct {
	mu     sync.Mutex
	parsed map[*ast.Field]map[string]any
	fields map[selection][]graphql.CollectedField
}

// selection stands for a selection set asked of objects of one type: its
// first selection and length (a selection set of the document), and the
// type's implementors (one generated slice for each type).
type selection struct {
	first      ast.Selection
	n          int
	implements *string
}

// args gives field's parsed arguments, parsing them with parse the first
// time the request asks.
//
// Only scalars, orders and cursors are shared (leanfields decides which
// fields from the types of their arguments): no resolver writes to those.
// The field middleware opens a sealed cursor in place (graph/handler.go), so
// arguments with a cursor set are parsed afresh every time, as gqlgen does.
// An *ast.Field stands for the same arguments under the same variables
// wherever it is executed.
func (s *shared) args(ctx context.Context, field *ast.Field, variables map[string]any,
	parse func(context.Context, map[string]any) (map[string]any, error)) (map[string]any, error) {
	s.mu.Lock()
	args, ok := s.parsed[field]
	s.mu.Unlock()
	if ok {
		return args, nil
	}
	args, err := parse(ctx, field.ArgumentMap(variables))
	if err != nil || hasCursor(args) {
		return args, err
	}
	s.mu.Lock()
	if s.parsed == nil {
		s.parsed = map[*ast.Field]map[string]any{}
	}
	s.parsed[field] = args
	s.mu.Unlock()
	return args, nil
}

// collect is graphql.CollectFields, kept for the request by a key made
// without hashing the implementors' names (gqlgen's own cache hashes them
// with a new FNV hash for every object written).
func (s *shared) collect(op *graphql.OperationContext, sel ast.SelectionSet, implements []string) []graphql.CollectedField {
	if len(sel) == 0 || len(implements) == 0 {
		return graphql.CollectFields(op, sel, implements)
	}
	key := selection{sel[0], len(sel), &implements[0]}
	s.mu.Lock()
	fields, ok := s.fields[key]
	s.mu.Unlock()
	if ok {
		return fields
	}
	fields = graphql.CollectFields(op, sel, implements)
	s.mu.Lock()
	if s.fields == nil {
		s.fields = map[selection][]graphql.CollectedField{}
	}
	s.fields[key] = fields
	s.mu.Unlock()
	return fields
}

// hasCursor says whether any of args is a cursor that is set.
func hasCursor(args map[string]any) bool {
	for _, v := range args {
		if c, ok := v.(*entgql.Cursor[pulid.ID]); ok && c != nil {
			return true
		}
	}
	return false
}
