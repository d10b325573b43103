package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// listField returns ctx as the child field name of the current field would
// see it, for entgql's CollectFields. A resolver that answers several lists
// at once (the due list) then loads each list's edges with the list, one
// query per level, instead of one query per row and edge as the rows are
// shown (issue 14: a registered manager's DueList sent some 600 statements).
// Every selection of the child, under any alias, is merged, so each is
// served; a child the query does not ask for selects no edges.
func listField(ctx context.Context, name string) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return ctx
	}
	oc := graphql.GetOperationContext(ctx)
	child := graphql.CollectedField{Field: &ast.Field{Name: name, Alias: name}}
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, nil) {
		if f.Name != name {
			continue
		}
		if child.Definition == nil {
			child.Field = f.Field
		}
		child.Selections = append(slices.Clip(child.Selections), f.Selections...)
	}
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Parent: fc, Field: child})
}

// collectable is an ent query that can load the edges a field selects, and
// then its rows.
type collectable[Q any, T any] interface {
	CollectFields(context.Context, ...string) (Q, error)
	All(context.Context) ([]*T, error)
}

// listed reads q's rows as the list field name of the current field, each
// with the edges that field selects loaded with the list (listField).
func listed[T any, Q collectable[Q, T]](ctx context.Context, name string, q Q) ([]T, error) {
	q, err := q.CollectFields(listField(ctx, name))
	if err != nil {
		return nil, err
	}
	return values(q.All(ctx))
}
