package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent/fault"
	"reablement/ent/viewer"
	"reablement/graph/limits"
)

// applyLimits refuses, before any resolver runs, queries deeper, wider or
// costlier than the limits allow, with QUERY_TOO_COMPLEX; arguments out of
// bounds with INVALID_INPUT; and, with RATE_LIMITED, an account that has
// spent its query cost for the minute or an address that has tried to
// sign in too often.
func applyLimits(srv *handler.Server, l Limits) {
	limits.ApplyTokenLimit(srv, l.MaxTokens)
	srv.Use(&limits.Inputs{})
	srv.Use(limits.Depth{Max: l.MaxDepth})
	srv.Use(limits.Aliases{Max: l.MaxAliases})
	cost := limits.Cost{Max: l.MaxCost, DefaultPageSize: l.DefaultPageSize, MaxPageSize: l.MaxPageSize}
	if l.Rates.Cost != nil || l.Rates.AnalystCost != nil {
		cost.Spend = func(ctx context.Context, n int) *gqlerror.Error {
			v := viewer.FromContext(ctx)
			if v == nil || v.Record == nil {
				return nil
			}
			budget := l.Rates.Cost
			if v.AnalystOnly() {
				budget = l.Rates.AnalystCost
			}
			if ok, wait := budget.AllowN(string(v.Record.ID), n); !ok {
				return Present(ctx, fault.Limited(wait, fmt.Sprintf(
					"You have asked for a lot in the last minute. Wait %s, then try again; ask for smaller pages to do more.", Seconds(wait))))
			}
			return nil
		}
	}
	srv.Use(cost)
	if l.Rates.SignIn != nil {
		srv.AroundRootFields(func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
			fc := graphql.GetRootFieldContext(ctx)
			if fc == nil || !signInFields[fc.Field.Name] {
				return next(ctx)
			}
			if ok, wait := l.Rates.SignIn.Allow(limits.ClientFrom(ctx)); !ok {
				graphql.AddError(ctx, fault.Limited(wait, fmt.Sprintf(
					"Too many sign-in attempts from this address. Wait %s, then try again.", Seconds(wait))))
				return graphql.Null
			}
			return next(ctx)
		})
	}
}

// signInFields are the mutations that sign in, limited per address.
var signInFields = map[string]bool{"signInAsDemo": true}
