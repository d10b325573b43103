package rule

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	gen "reablement/ent"
	"reablement/ent/fault"
)

type revisionKey struct{}

// ExpectRevision returns ctx saying the next update of a revisioned row
// (a plan version, a visit) was made from this revision.
func ExpectRevision(ctx context.Context, revision int) context.Context {
	return context.WithValue(ctx, revisionKey{}, revision)
}

// Revisioned bumps a row's revision on every update and, when the caller
// said which revision it edited (ExpectRevision), applies the update only
// if that is still the current one: a save from a stale copy answers
// CONFLICT and overwrites nothing.
func Revisioned() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			rm, ok := m.(interface {
				AddRevision(int)
				WhereP(...func(*sql.Selector))
			})
			if !ok {
				return next.Mutate(ctx, m)
			}
			rm.AddRevision(1)
			expected, checked := ctx.Value(revisionKey{}).(int)
			if checked {
				rm.WhereP(sql.FieldEQ("revision", expected))
			}
			v, err := next.Mutate(ctx, m)
			if checked && gen.IsNotFound(err) {
				// The row was readable (the guard resolved it) but not at that revision.
				return nil, &fault.Error{Code: fault.Conflict, Message: "Someone else saved this since you opened it. Reload to see their changes, then make yours again.", Field: "expectedRevision"}
			}
			return v, err
		})
	}
}
