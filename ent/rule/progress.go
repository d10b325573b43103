package rule

import (
	"context"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/outcome"
	"reablement/ent/outcomestep"
	"reablement/ent/plan"
)

// ProgressFlowsBack carries what a worker records at a visit back into the
// plan (issue 13): a step marked done or in progress at a visit takes that
// status in the plan, and an outcome not yet started is in progress once a
// step of it moves; the practitioner, the worker and everyone with OUTCOMES
// see it there, and who recorded it and when is the progress record itself
// (OutcomeStep.progress). A practitioner corrects it by editing the step.
// It changes nothing on a version already superseded (R25): the record of
// the visit is kept either way.
func ProgressFlowsBack() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			pm, ok := m.(*gen.ProgressMutation)
			if !ok || !m.Op().Is(ent.OpCreate) {
				return next.Mutate(ctx, m)
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			stepID, hasStep := pm.StepID()
			status, hasStatus := pm.StepStatus()
			if !hasStep || !hasStatus {
				return v, nil
			}
			client := pm.Client()
			step, err := client.OutcomeStep.Query().Where(outcomestep.ID(stepID)).
				WithOutcome(func(q *gen.OutcomeQuery) { q.WithPlan() }).Only(ctx)
			if err != nil {
				return nil, err
			}
			if p := step.Edges.Outcome.Edges.Plan; p == nil || p.Status == plan.StatusSUPERSEDED {
				return v, nil
			}
			flow := flowingBack(ctx)
			if string(step.Status) != string(status) {
				if err := client.OutcomeStep.UpdateOneID(stepID).SetStatus(outcomestep.Status(status)).Exec(flow); err != nil {
					return nil, err
				}
			}
			if o := step.Edges.Outcome; o.Achievement == outcome.AchievementNOT_STARTED {
				if err := client.Outcome.UpdateOneID(o.ID).SetAchievement(outcome.AchievementIN_PROGRESS).Exec(flow); err != nil {
					return nil, err
				}
			}
			return v, nil
		})
	}
}

type flowingBackKey struct{}

// flowingBack marks the plan changes a visit record makes, which the write
// guard lets a worker make on the plan they are assigned to (and only the
// status of a step or an outcome's achievement).
func flowingBack(ctx context.Context) context.Context {
	return context.WithValue(ctx, flowingBackKey{}, true)
}

func isFlowingBack(ctx context.Context) bool {
	b, _ := ctx.Value(flowingBackKey{}).(bool)
	return b
}
