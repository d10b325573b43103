package graph

import (
	"github.com/99designs/gqlgen/graphql/handler"

	"reablement/graph/limits"
)

// applyLimits refuses, before any resolver runs, queries deeper, wider or
// costlier than the limits allow, with QUERY_TOO_COMPLEX.
func applyLimits(srv *handler.Server, l Limits) {
	limits.ApplyTokenLimit(srv, l.MaxTokens)
	srv.Use(&limits.Inputs{})
	srv.Use(limits.Depth{Max: l.MaxDepth})
	srv.Use(limits.Aliases{Max: l.MaxAliases})
	srv.Use(limits.Cost{Max: l.MaxCost, DefaultPageSize: l.DefaultPageSize, MaxPageSize: l.MaxPageSize})
}
