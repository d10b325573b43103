package limits

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// listFactor is what a plain list (not a connection) multiplies its
// children by: such lists here are a record's own children (an outcome's
// steps, a risk's contingencies), a handful each; ten is a generous guess.
const listFactor = 10

// Cost refuses operations whose cost exceeds Max. Each field costs 1 plus
// its children; a connection's children count once per row of its page
// (first or last, or DefaultPageSize when neither is given), so asking for
// 100 plans with 100 outcomes each costs what it will really do. A page
// larger than MaxPageSize is refused outright, naming the field.
type Cost struct {
	Max             int
	DefaultPageSize int
	MaxPageSize     int
	// Spend, when set, is told the cost of every operation within Max
	// before it runs, and may refuse it (a per-account budget a minute).
	Spend func(ctx context.Context, cost int) *gqlerror.Error
}

var (
	_ graphql.HandlerExtension        = Cost{}
	_ graphql.OperationContextMutator = Cost{}
)

// ExtensionName names the extension.
func (Cost) ExtensionName() string { return "CostLimit" }

// Validate has nothing to check against the schema.
func (Cost) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext computes the operation's cost.
func (c Cost) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	total, err := c.cost(oc.Operation.SelectionSet, oc.Variables, false)
	if err != nil {
		return err
	}
	if total > c.Max {
		return refuse("This query would cost %d; the limit is %d. Ask for smaller pages (first) or fewer nested lists.", total, c.Max)
	}
	if c.Spend != nil {
		return c.Spend(ctx, total)
	}
	return nil
}

// cost of a selection set; inConnection says the set belongs to a
// connection, whose edges and nodes lists are its page, already counted.
func (c Cost) cost(set ast.SelectionSet, vars map[string]any, inConnection bool) (int, *gqlerror.Error) {
	total := 0
	var err *gqlerror.Error
	visit := func(f *ast.Field) {
		if err != nil || introspection(f) || f.Definition == nil {
			return
		}
		factor := 1
		connection := strings.HasSuffix(f.Definition.Type.Name(), "Connection")
		switch {
		case connection:
			factor, err = c.pageSize(f, vars)
		case f.Definition.Type.Elem != nil && f.Definition.Arguments.ForName("ids") != nil:
			// nodes(ids:) loads what it is asked for: its length is its size.
			factor = max(1, listLength(f.ArgumentMap(vars)["ids"]))
		case f.Definition.Type.Elem != nil && !(inConnection && (f.Name == "edges" || f.Name == "nodes")):
			factor = listFactor
		}
		if err != nil {
			return
		}
		children, cerr := c.cost(f.SelectionSet, vars, connection)
		if cerr != nil {
			err = cerr
			return
		}
		total += 1 + factor*children
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			visit(s)
		case *ast.InlineFragment:
			n, ferr := c.cost(s.SelectionSet, vars, inConnection)
			total, err = total+n, firstErr(err, ferr)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				n, ferr := c.cost(s.Definition.SelectionSet, vars, inConnection)
				total, err = total+n, firstErr(err, ferr)
			}
		}
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

func firstErr(a, b *gqlerror.Error) *gqlerror.Error {
	if a != nil {
		return a
	}
	return b
}

// pageSize reads first or last (variables and schema defaults applied).
func (c Cost) pageSize(f *ast.Field, vars map[string]any) (int, *gqlerror.Error) {
	args := f.ArgumentMap(vars)
	size := 0
	for _, name := range []string{"first", "last"} {
		v, ok := args[name]
		if !ok || v == nil {
			continue
		}
		n, ok := asInt(v)
		if !ok {
			continue
		}
		if n > c.MaxPageSize {
			return 0, refuse("%s: %s may be at most %d, got %d.", describe(f), name, c.MaxPageSize, n)
		}
		size = max(size, n)
	}
	if size == 0 {
		size = c.DefaultPageSize
	}
	return size, nil
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// listLength is the length of a list argument (a single value counts one).
func listLength(v any) int {
	switch l := v.(type) {
	case nil:
		return 0
	case []any:
		return len(l)
	}
	return 1
}
