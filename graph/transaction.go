package graph

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent"
)

// transactioner runs each mutation in one transaction, as
// entgql.Transactioner does, with two differences that matter under load.
// Everything the mutation does runs on the transaction's one connection:
// its writes, the consent layer's reads (consent.Request reads through the
// transaction in ctx) and the audit of what its answer discloses (flushed
// by the response middleware inside this one, with the transaction's
// client). And a transaction that cannot be opened or committed answers
// through Present, so a pool that stays busy past the request's deadline,
// a serialization failure or a lock timeout is a retryable CONFLICT rather
// than an uncoded INTERNAL.
type transactioner struct{ client *ent.Client }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
} = transactioner{}

// ExtensionName names the extension for gqlgen.
func (transactioner) ExtensionName() string { return "Transactioner" }

// Validate accepts any schema.
func (transactioner) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext serializes a mutation's field resolvers: a
// transaction is one connection, and one connection runs one statement at
// a time.
func (transactioner) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if !isMutation(oc) {
		return nil
	}
	previous := oc.ResolverMiddleware
	var mu sync.Mutex
	oc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		return previous(ctx, next)
	}
	return nil
}

// InterceptResponse runs a mutation in a transaction: committed when the
// answer has no errors, rolled back (and the answer's data dropped, since
// it describes changes that did not happen) otherwise.
func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !isMutation(graphql.GetOperationContext(ctx)) {
		return next(ctx)
	}
	txCtx, tx, err := t.client.OpenTx(ctx)
	if err != nil {
		return &graphql.Response{Errors: gqlerror.List{Present(ctx, fmt.Errorf("opening a transaction: %w", err))}}
	}
	done := false
	defer func() {
		if !done {
			_ = tx.Rollback() // a panic: gqlgen's recover answers it
		}
	}()
	rsp := next(txCtx)
	done = true
	if rsp == nil || len(rsp.Errors) > 0 {
		_ = tx.Rollback()
		if rsp == nil {
			return nil
		}
		return &graphql.Response{Errors: rsp.Errors, Extensions: rsp.Extensions}
	}
	if err := tx.Commit(); err != nil {
		slog.WarnContext(ctx, "commit failed; nothing was changed", "err", err)
		return &graphql.Response{Errors: gqlerror.List{Present(ctx, fmt.Errorf("committing: %w", err))}}
	}
	return rsp
}

func isMutation(oc *graphql.OperationContext) bool {
	return oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Mutation
}
