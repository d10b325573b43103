package rule

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/careact"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/privacy"
)

// Episodes numbers a new plan's episode: one more than the person's last,
// so a plan started after an earlier one ended, was refused or withdrawn
// begins again at version 1. A new plan while another is still in progress
// is refused: that plan should be amended or ended first (R2, R25). Two
// plans started at once for the same person meet the unique index and the
// second answers CONFLICT.
func Episodes() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PlanFunc(func(ctx context.Context, m *gen.PlanMutation) (ent.Value, error) {
			if _, amending := m.SupersedesID(); amending {
				return next.Mutate(ctx, m) // a new version of the same episode (R25)
			}
			personID, ok := m.PersonID()
			if !ok {
				return next.Mutate(ctx, m)
			}
			// Plans the viewer cannot see still count: allow the lookup.
			all := privacy.DecisionContext(ctx, privacy.Allow)
			last, err := m.Client().Plan.Query().Where(plan.PersonID(personID)).
				Order(gen.Desc(plan.FieldEpisode), gen.Desc(plan.FieldVersion)).First(all)
			switch {
			case gen.IsNotFound(err):
				return next.Mutate(ctx, m)
			case err != nil:
				return nil, err
			}
			if careact.InProgress(careact.Status(last.Status)) {
				return nil, fault.Rule("R2", fmt.Sprintf("This person already has a plan in progress (version %d, %s). Amend or end it before starting a new one.",
					last.Version, strings.ToLower(strings.ReplaceAll(string(last.Status), "_", " "))))
			}
			m.SetEpisode(last.Episode + 1)
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate)
}
