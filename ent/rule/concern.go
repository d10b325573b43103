package rule

import (
	"context"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// AcknowledgeOnce: a concern leaves the due list when a practitioner or
// manager acknowledges it, once, and the record keeps who and when. A
// worker who raised it cannot make it go away.
func AcknowledgeOnce() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ConcernFunc(func(ctx context.Context, m *gen.ConcernMutation) (ent.Value, error) {
			if _, acknowledging := m.AcknowledgedAt(); !acknowledging {
				return next.Mutate(ctx, m)
			}
			v := viewer.FromContext(ctx)
			if v == nil || !(v.Has(policy.Practitioner) || v.Has(policy.Manager) || v.IsSystem()) {
				return nil, fault.New(fault.Forbidden, "Only a practitioner or manager can acknowledge a concern.")
			}
			if old, err := m.OldAcknowledgedAt(ctx); err == nil && old != nil {
				return nil, fault.New(fault.Conflict, "This concern was already acknowledged on %s; nothing more is needed.", old.Format(time.DateOnly))
			}
			if !v.IsSystem() {
				m.SetAcknowledgedByID(pulid.ID(v.AccountID))
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}
