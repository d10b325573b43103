package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/rule"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// readiness lists what still stops the plan being agreed and commenced.
// Each item quotes or reveals one section (an advocate missing is CAPACITY,
// a risk's description is RISKS), so each is shown only to a viewer who may
// see that section, decided and audited by consent.Disclose like a field;
// for the rest the answer carries one SECTION_WITHHELD error per section.
func (r *Resolver) readiness(ctx context.Context, p *ent.Plan) (*model.PlanReadiness, error) {
	agree, commence, err := rule.Readiness(ctx, r.ent(ctx), p.ID, viewer.FromContext(ctx).Now)
	if err != nil {
		return nil, err
	}
	k := consent.Key{Person: p.PersonID, Plan: p.ID}
	reported := map[policy.Section]bool{}
	visible := func(ps []fault.Problem) ([]fault.Problem, error) {
		out := []fault.Problem{}
		for _, pr := range ps {
			ok, err := consent.DiscloseAll(ctx, k, sectionsOf(pr))
			if err != nil {
				if f, isFault := fault.As(err); isFault && f.Code == fault.SectionWithheld {
					if !reported[policy.Section(f.Section)] {
						reported[policy.Section(f.Section)] = true
						graphql.AddError(ctx, err)
					}
					continue
				}
				return nil, err
			}
			if ok {
				out = append(out, pr)
			}
		}
		return out, nil
	}
	if agree, err = visible(agree); err != nil {
		return nil, err
	}
	if commence, err = visible(commence); err != nil {
		return nil, err
	}
	return &model.PlanReadiness{Agree: missingItems(agree), Commence: missingItems(commence)}, nil
}

// sectionsOf is what a readiness item reveals: its own section, or, for an
// item that names none, every section (fail closed).
func sectionsOf(p fault.Problem) []policy.Section {
	if p.Section == "" {
		return policy.AllSections
	}
	return []policy.Section{policy.Section(p.Section)}
}

func missingItems(ps []fault.Problem) []model.MissingItem {
	out := make([]model.MissingItem, len(ps))
	for i, p := range ps {
		out[i] = model.MissingItem{Field: p.Field, Message: p.Message}
		if p.Section != "" {
			section := policy.Section(p.Section)
			out[i].Section = &section
		}
		if p.Rule != "" {
			rule := p.Rule
			out[i].Rule = &rule
		}
	}
	return out
}
