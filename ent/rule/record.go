package rule

import (
	"context"
	"strings"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/policy"
)

// Record annotates an ent type that is part of a person's record. It is the
// one source of how a row belongs to a record: the generated table
// ent.RecordTypes and ent.RecordKeyOf (template/records.tmpl) come from it,
// and so do the row filter (FilterScope) and the consent directive's keys,
// so a new entity cannot be half-wired.
type Record struct {
	// PersonField holds the person's id: "id" for a person, "person_id" otherwise.
	PersonField string `json:"person_field"`
	// PlanField holds the plan version's id: "id" for a plan, "plan_id" for
	// rows of one plan version, empty for rows about the person only.
	PlanField string `json:"plan_field,omitempty"`
	// Section is the section a row of this type discloses by existing: the
	// row is visible exactly when the viewer may see that section of the
	// record. Empty for a person and a plan version, visible when any
	// section is.
	Section policy.Section `json:"section,omitempty"`
}

// Name of the annotation, as ent and the template know it.
func (Record) Name() string { return "Record" }

// Scope is the row scope of the annotated type.
func (r Record) Scope() Scope {
	return Scope{PersonCol: r.PersonField, PlanCol: r.PlanField, Section: r.Section}
}

// Withholding holds a decision to withhold sections from the person's own
// view (consent.md: third-party information) to having a reason the person
// can read, and forgets the reason once nothing is withheld.
func Withholding() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			pm, ok := m.(*gen.PersonMutation)
			if !ok {
				return next.Mutate(ctx, m)
			}
			sections, set := pm.WithheldFromPerson()
			if !set {
				return next.Mutate(ctx, m)
			}
			if len(sections) == 0 {
				pm.SetWithholdingReason("")
				return next.Mutate(ctx, m)
			}
			if reason, _ := pm.WithholdingReason(); strings.TrimSpace(reason) == "" {
				return nil, fault.Invalid("reason", "Say why these sections are withheld, in words the person will read.")
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne|ent.OpCreate)
}
