package graph

import (
	"context"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/rule"
	"reablement/ent/viewer"
	"reablement/graph/model"
)

// readiness lists what still stops the plan being agreed and commenced.
func (r *Resolver) readiness(ctx context.Context, p *ent.Plan) (*model.PlanReadiness, error) {
	agree, commence, err := rule.Readiness(ctx, r.ent(ctx), p.ID, viewer.FromContext(ctx).Now)
	if err != nil {
		return nil, err
	}
	return &model.PlanReadiness{Agree: missingItems(agree), Commence: missingItems(commence)}, nil
}

func missingItems(ps []fault.Problem) []model.MissingItem {
	out := make([]model.MissingItem, len(ps))
	for i, p := range ps {
		out[i] = model.MissingItem{Field: p.Field, Message: p.Message}
		if p.Rule != "" {
			rule := p.Rule
			out[i].Rule = &rule
		}
	}
	return out
}
