package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// uncounted keeps a connection from being counted when the client did not
// ask for its totalCount. entgql's Paginate counts every matching row
// whenever pageInfo is selected (ent/contrib#625, open), although it works
// out pageInfo from the page itself whenever edges are read (one row past
// the page says whether there is a next). Counting the auditor's log meant
// reading four million events to show fifty. So the resolver is shown the
// selection without pageInfo; the answer is still written from the
// client's own selection, pageInfo included.
func uncounted(ctx context.Context, fc *graphql.FieldContext) context.Context {
	def := fc.Field.Definition
	if def == nil || !strings.HasSuffix(def.Type.Name(), "Connection") || !mayHavePageInfo(fc.Field.Selections) {
		return ctx
	}
	fields := graphql.CollectFields(graphql.GetOperationContext(ctx), fc.Field.Selections, nil)
	kept := make(ast.SelectionSet, 0, len(fields))
	var pageInfo, edges bool
	for _, f := range fields {
		switch f.Name {
		case "totalCount":
			return ctx // counted anyway, and the count gives pageInfo too
		case "pageInfo":
			pageInfo = true
			continue
		case "edges":
			edges = true
		}
		// Directives were applied in collecting; the sub-selections are
		// those of every occurrence of the field, merged.
		kept = append(kept, &ast.Field{Alias: f.Alias, Name: f.Name, Arguments: f.Arguments,
			SelectionSet: f.Selections, Definition: f.Definition, ObjectDefinition: f.ObjectDefinition, Position: f.Position})
	}
	// Without edges no page is read, and only the count can say whether
	// there is more.
	if !pageInfo || !edges {
		return ctx
	}
	c := *fc
	c.Field.Selections = kept
	ctx = graphql.WithFieldContext(ctx, &c)
	c.Parent = fc.Parent // the same field, not a child of itself: paths stay right
	return ctx
}

// mayHavePageInfo is the cheap test first: pageInfo selected directly, or
// fragments that may hold it.
func mayHavePageInfo(set ast.SelectionSet) bool {
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "pageInfo" {
				return true
			}
		default:
			return true
		}
	}
	return false
}
