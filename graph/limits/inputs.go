package limits

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Bounds on argument values. A filter is compiled to SQL as it is given:
// each nested has…With is an EXISTS subquery, each …In list a parameter
// list, so without bounds one request can keep PostgreSQL busy until the
// statement timeout (issue 11 measured 14 s for a worker's query while
// 24 such filters ran).
const (
	// MaxWhereDepth is the deepest nesting of where-inputs (and, or, not,
	// has…With) below the argument itself.
	MaxWhereDepth = 4
	// MaxListValues is the longest list any argument may hold: an …In
	// filter, the ids of nodes(ids:), a mutation's list of items.
	MaxListValues = 100
	// MaxEdgePredicates is the most has…With filters in one where-input.
	MaxEdgePredicates = 4
	// MaxPredicates is the most filter fields set in one where argument,
	// however they are nested.
	MaxPredicates = 32
	// MaxStringBytes is the longest string any argument may hold.
	MaxStringBytes = 64 << 10
)

// Inputs refuses operations whose arguments are larger than the bounds
// above, with INVALID_INPUT naming the argument path (such as
// "where.and.0.hasPlansWith.0"). It runs after variables are coerced, so
// literal values, variables and persisted operations' variables are
// checked alike; and it walks any input type whose name ends in
// WhereInput, so entgql's generated filters are covered as they grow.
type Inputs struct {
	schema *ast.Schema
}

var (
	_ graphql.HandlerExtension        = (*Inputs)(nil)
	_ graphql.OperationContextMutator = (*Inputs)(nil)
)

// ExtensionName names the extension.
func (*Inputs) ExtensionName() string { return "InputBounds" }

// Validate keeps the schema, to know the type of every input field.
func (in *Inputs) Validate(s graphql.ExecutableSchema) error {
	in.schema = s.Schema()
	return nil
}

// MutateOperationContext checks every argument of every field.
func (in *Inputs) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	var err *gqlerror.Error
	walk(oc.Operation.SelectionSet, 1, func(f *ast.Field, _ int) bool {
		if err != nil {
			return false
		}
		err = in.CheckArguments(f, oc.Variables)
		return err == nil
	})
	return err
}

// CheckArguments checks one field's arguments against the bounds.
func (in *Inputs) CheckArguments(f *ast.Field, vars map[string]any) *gqlerror.Error {
	if f.Definition == nil {
		return nil
	}
	for _, arg := range f.Arguments {
		def := f.Definition.Arguments.ForName(arg.Name)
		if def == nil || arg.Value == nil {
			continue
		}
		v, verr := arg.Value.Value(vars)
		if verr != nil {
			continue // the validator has already refused it
		}
		if err := CheckValue(in.schema, def.Type, v, arg.Name); err != nil {
			out := invalid(err.path, "In %s, %s %s", describe(f), err.path, err.msg)
			if arg.Position != nil {
				out.Locations = []gqlerror.Location{{Line: arg.Position.Line, Column: arg.Position.Column}}
			}
			return out
		}
	}
	return nil
}

// BoundError is a value out of bounds, at a path such as "where.idIn".
type BoundError struct {
	path, msg string
}

// Path is the argument path of the value, dotted: "where.and.0.idIn".
func (e *BoundError) Path() string { return e.path }

func (e *BoundError) Error() string { return e.path + ": " + e.msg }

// CheckValue checks a value of type t, rooted at path, against the bounds.
// schema gives the input types' fields; it never fails on a value that
// does not fit its type (the validator refuses those).
func CheckValue(schema *ast.Schema, t *ast.Type, v any, path string) *BoundError {
	c := checker{schema: schema}
	return c.value(t, v, path, -1)
}

type checker struct {
	schema *ast.Schema
	// predicates counts the filter fields set in the current where argument.
	predicates int
}

// value checks v; level is the where-input nesting (-1 outside a filter).
func (c *checker) value(t *ast.Type, v any, path string, level int) *BoundError {
	if v == nil || t == nil {
		return nil
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return c.value(t.Elem, v, path, level) // a single value given for a list
		}
		if len(list) > MaxListValues {
			return &BoundError{path, fmt.Sprintf("holds %d values; at most %d are accepted. Split the request, or narrow it another way.", len(list), MaxListValues)}
		}
		for i, e := range list {
			if err := c.value(t.Elem, e, path+"."+strconv.Itoa(i), level); err != nil {
				return err
			}
		}
		return nil
	}
	if s, ok := v.(string); ok && len(s) > MaxStringBytes {
		return &BoundError{path, fmt.Sprintf("is %d bytes long; at most %d are accepted.", len(s), MaxStringBytes)}
	}
	m, ok := v.(map[string]any)
	if !ok || c.schema == nil {
		return nil
	}
	def := c.schema.Types[t.NamedType]
	if def == nil || def.Kind != ast.InputObject {
		return nil
	}
	if strings.HasSuffix(def.Name, "WhereInput") {
		level++
		if level == 0 {
			c.predicates = 0
		}
		if level > MaxWhereDepth {
			return &BoundError{path, fmt.Sprintf("is nested %d levels deep; at most %d are accepted. Use a simpler filter.", level, MaxWhereDepth)}
		}
		edges := 0
		for k, e := range m {
			if e == nil {
				continue
			}
			c.predicates++
			if strings.HasPrefix(k, "has") && strings.HasSuffix(k, "With") {
				if l, ok := e.([]any); ok {
					edges += len(l)
				} else {
					edges++
				}
			}
		}
		if edges > MaxEdgePredicates {
			return &BoundError{path, fmt.Sprintf("follows %d links (has…With); at most %d are accepted in one filter. Use a simpler filter.", edges, MaxEdgePredicates)}
		}
		if c.predicates > MaxPredicates {
			return &BoundError{path, fmt.Sprintf("has more than %d conditions; at most %d are accepted. Use a simpler filter.", MaxPredicates, MaxPredicates)}
		}
	}
	for _, k := range sortedKeys(m) {
		fd := def.Fields.ForName(k)
		if fd == nil {
			continue
		}
		if err := c.value(fd.Type, m[k], path+"."+k, level); err != nil {
			return err
		}
	}
	return nil
}
