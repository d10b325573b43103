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

// diffValue is one compared value: the type and GraphQL field it comes
// from (whose @section decides it), its label in the diff, and the value.
type diffValue struct {
	typ, gqlField string
	field         string
	value         *string
}

// planDiff compares two versions of one person's plan. Every change is
// decided on its own, by the @section and coded flag of the field it comes
// from (read from the schema, consent.FieldSection), on both versions
// (consent.Disclose): a diff never shows what the fields themselves would
// withhold, and a coded change never vouches for free text beside it.
func (r *Resolver) planDiff(ctx context.Context, from, to pulid.ID) ([]model.PlanChange, error) {
	load := func(id pulid.ID) (*ent.Plan, error) {
		p, err := r.ent(ctx).Plan.Query().Where(plan.ID(id)).
			WithOutcomes(func(q *ent.OutcomeQuery) { q.Order(ent.Asc(outcome.FieldPosition), ent.Asc(outcome.FieldCreatedAt)) }).
			WithRisks().Only(ctx)
		if ent.IsNotFound(err) {
			return nil, fault.New(fault.NotFound, "No such plan version, or none you have a basis to see.")
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

	reported := map[policy.Section]bool{}
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
		section, coded, ok := consent.FieldSection(v.typ, v.gqlField)
		if !ok {
			return nil, fmt.Errorf("planDiff: %s.%s has no @section", v.typ, v.gqlField)
		}
		okA, errA := consent.Disclose(ctx, consent.Key{Person: a.PersonID, Plan: a.ID}, section, coded)
		okB, errB := consent.Disclose(ctx, consent.Key{Person: b.PersonID, Plan: b.ID}, section, coded)
		if okA && okB {
			out = append(out, model.PlanChange{Section: section, Field: v.field, Before: x.value, After: y.value})
			continue
		}
		if errA == nil {
			errA = errB
		}
		if f, isFault := fault.As(errA); !isFault || f.Code != fault.SectionWithheld {
			return nil, errA
		}
		if !reported[section] {
			reported[section] = true
			graphql.AddError(ctx, errA)
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
	put := func(typ, gqlField, label string, v *string) {
		m[label] = diffValue{typ: typ, gqlField: gqlField, field: label, value: v}
	}
	put("Plan", "visitFrequency", "visitFrequency", str(p.VisitFrequency))
	if p.VisitDurationMinutes != nil {
		put("Plan", "visitDurationMinutes", "visitDurationMinutes", str(strconv.Itoa(*p.VisitDurationMinutes)))
	}
	put("Plan", "workerTasks", "workerTasks", str(p.WorkerTasks))
	put("Plan", "fluctuatingNeeds", "fluctuatingNeeds", str(p.FluctuatingNeeds))
	put("Plan", "otherSupport", "otherSupport", str(p.OtherSupport))
	put("Plan", "noOtherSupport", "noOtherSupport", str(strconv.FormatBool(p.NoOtherSupport)))
	put("Plan", "reviewFrequency", "reviewFrequency", str(p.ReviewFrequency))
	for i, o := range p.Edges.Outcomes {
		prefix := fmt.Sprintf("outcome %d ", i+1)
		put("Outcome", "statement", prefix+"statement", str(o.Statement))
		put("Outcome", "achievement", prefix+"achievement", str(string(o.Achievement)))
		if o.TargetDate != nil {
			put("Outcome", "targetDate", prefix+"target date", str(o.TargetDate.Format("2006-01-02")))
		}
	}
	for i, rk := range p.Edges.Risks {
		prefix := fmt.Sprintf("risk %d ", i+1)
		put("Risk", "description", prefix+"description", str(rk.Description))
		put("Risk", "strategy", prefix+"strategy", str(rk.Strategy))
	}
	return m
}
