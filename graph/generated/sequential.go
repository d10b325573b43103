package generated

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSliceSequentially marshals a list's elements one after another on
// the request's goroutine. `make generate-gql` puts it where gqlgen calls
// graphql.MarshalSliceConcurrently, which starts a goroutine per element
// even with exec.worker_limit 1: on two cores serving many requests at
// once that only adds scheduling and the growth of each new goroutine's
// stack (runtime.newstack and copystack were a tenth of the server's CPU
// under make load; issue 14). The resolvers use no dataloader, so no
// element waits for a sibling. Like gqlgen's, it gives each element its
// field context with its index, and a panic in any element nulls the list
// after recording the error.
func marshalSliceSequentially(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	// The elements' field contexts and indexes, made in one go rather than
	// two allocations an element.
	contexts := make([]graphql.FieldContext, length)
	indexes := make([]int, length)
	panicked := false
	for i := range length {
		indexes[i] = i
		contexts[i].Index = &indexes[i]
		childCtx := graphql.WithFieldContext(ctx, &contexts[i])
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					panicked = true
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	if panicked {
		return nil
	}
	return ret
}
