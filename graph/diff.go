package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/outcome"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// diffValue is one compared value: its section, name, and whether analysts
// may see it (coded).
type diffValue struct {
	section policy.Section
	field   string
	coded   bool
	value   *string
}

// planDiff compares two versions of one person's plan. Every change passes
// the consent decision for its section on both versions (consent.Disclose),
// so a diff never shows what the fields themselves would withhold.
func (r *Resolver) planDiff(ctx context.Context, from, to pulid.ID) ([]model.PlanChange, error) {
	load := func(id pulid.ID) (*ent.Plan, error) {
		p, err := r.ent(ctx).Plan.Query().Where(plan.ID(id)).
			WithOutcomes(func(q *ent.OutcomeQuery) { q.Order(ent.Asc(outcome.FieldPosition), ent.Asc(outcome.FieldCreatedAt)) }).
			WithRisks().Only(ctx)
		if ent.IsNotFound(err) {
			return nil, fault.New(fault.NotFound, "No plan version %q, or none you have a basis to see.", string(id))
		}
		return p, err
	}
	a, err := load(from)
	if err != nil {
		return nil, err
	}
	b, err := load(to)
	if err != nil {
		return nil, err
	}
	if a.PersonID != b.PersonID {
		return nil, fault.Invalid("to", "Compare two versions of the same person's plan.")
	}
	before, after := diffValues(a), diffValues(b)
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)

	allowed := map[policy.Section]bool{}
	decided := map[policy.Section]bool{}
	var out []model.PlanChange
	for _, name := range names {
		x, y := before[name], after[name]
		v := x
		if v.field == "" {
			v = y
		}
		if equal(x.value, y.value) {
			continue
		}
		if !decided[v.section] {
			decided[v.section] = true
			okA, errA := consent.Disclose(ctx, consent.Key{Person: a.PersonID, Plan: a.ID}, v.section, v.coded)
			okB, errB := consent.Disclose(ctx, consent.Key{Person: b.PersonID, Plan: b.ID}, v.section, v.coded)
			allowed[v.section] = okA && okB
			if !allowed[v.section] {
				if errA == nil {
					errA = errB
				}
				graphql.AddError(ctx, errA)
			}
		}
		if allowed[v.section] {
			out = append(out, model.PlanChange{Section: v.section, Field: v.field, Before: x.value, After: y.value})
		}
	}
	return out, nil
}

func equal(a, b *string) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func str(s string) *string { return &s }

// diffValues flattens the comparable content of a plan version. Outcomes
// and risks are matched by their order, since a new version's copies have
// new ids.
func diffValues(p *ent.Plan) map[string]diffValue {
	m := map[string]diffValue{}
	put := func(s policy.Section, field string, coded bool, v *string) {
		m[field] = diffValue{section: s, field: field, coded: coded, value: v}
	}
	put(policy.Visits, "visitFrequency", false, str(p.VisitFrequency))
	if p.VisitDurationMinutes != nil {
		put(policy.Visits, "visitDurationMinutes", true, str(strconv.Itoa(*p.VisitDurationMinutes)))
	}
	put(policy.WorkerSupport, "workerTasks", false, str(p.WorkerTasks))
	put(policy.WorkerSupport, "fluctuatingNeeds", false, str(p.FluctuatingNeeds))
	put(policy.OtherSupport, "otherSupport", false, str(p.OtherSupport))
	put(policy.OtherSupport, "noOtherSupport", true, str(strconv.FormatBool(p.NoOtherSupport)))
	put(policy.Review, "reviewFrequency", false, str(p.ReviewFrequency))
	for i, o := range p.Edges.Outcomes {
		prefix := fmt.Sprintf("outcome %d ", i+1)
		put(policy.Outcomes, prefix+"statement", false, str(o.Statement))
		put(policy.Outcomes, prefix+"achievement", true, str(string(o.Achievement)))
		if o.TargetDate != nil {
			put(policy.Outcomes, prefix+"target date", true, str(o.TargetDate.Format("2006-01-02")))
		}
	}
	for i, rk := range p.Edges.Risks {
		prefix := fmt.Sprintf("risk %d ", i+1)
		put(policy.Risks, prefix+"description", false, str(rk.Description))
		put(policy.Risks, prefix+"strategy", false, str(rk.Strategy))
	}
	return m
}
