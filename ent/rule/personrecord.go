package rule

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/consent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/schema/pulid"
)

// This file holds the rules of the person's record outside any plan:
// capacity assessments, best-interests decisions and information and
// advice (issue 12).

// FollowUp holds information and advice to R34: whoever follows it up, and
// when, are recorded together so the follow-up happens (it is on the due
// list until then); a follow-up is recorded once, and not before the advice
// was given.
func FollowUp() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.AdviceFunc(func(ctx context.Context, m *gen.AdviceMutation) (ent.Value, error) {
			update := m.Op().Is(ent.OpUpdateOne)
			_, dueSet := m.FollowUpDue()
			_, bySet := m.FollowUpByID()
			given, givenSet := m.GivenAt()
			var followed *time.Time
			if at, ok := m.FollowedUpAt(); ok {
				followed = &at
			}
			hasDue, hasBy := dueSet, bySet
			if update {
				old, err := m.Client().Advice.Get(ctx, updatedID(m))
				if err != nil {
					return nil, err
				}
				if !dueSet && !m.FollowUpDueCleared() {
					hasDue = old.FollowUpDue != nil
				}
				if !bySet && !m.FollowUpByCleared() {
					hasBy = old.FollowUpByID != nil
				}
				if !givenSet {
					given = old.GivenAt
				}
				if followed != nil && old.FollowedUpAt != nil {
					return nil, fault.New(fault.Conflict, "This follow-up was already recorded on %s; nothing was changed.", old.FollowedUpAt.Format("2 January 2006"))
				}
				if followed == nil && !m.FollowedUpAtCleared() {
					followed = old.FollowedUpAt
				}
			}
			if followed != nil && followed.Before(given) {
				return nil, fault.InvalidAttr("followed_up_at", "The follow-up date must be on or after the day the advice was given.")
			}
			if followed == nil {
				var problems []fault.Problem
				if !hasBy {
					problems = append(problems, fault.Problem{Field: "input.followUpByID", Message: "Choose who will follow up this advice.", Rule: "R34", Section: "OTHER_SUPPORT"})
				}
				if !hasDue {
					problems = append(problems, fault.Problem{Field: "input.followUpDue", Message: "Enter the date it will be followed up by.", Rule: "R34", Section: "OTHER_SUPPORT"})
				}
				if len(problems) > 0 {
					return nil, fault.Rule("R34", "Record who will follow up this information and advice, and by when, so that it happens.", problems...)
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

// CapacityReasons: an assessment that the person lacks capacity for a
// decision records the reasons and evidence for it (Mental Capacity Act
// 2005, s.2-3), since everything decided for them afterwards rests on it.
func CapacityReasons() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.CapacityAssessmentFunc(func(ctx context.Context, m *gen.CapacityAssessmentMutation) (ent.Value, error) {
			has, hasSet := m.HasCapacity()
			notes, notesSet := m.Notes()
			if m.Op().Is(ent.OpUpdateOne) && (!hasSet || !notesSet) {
				old, err := m.Client().CapacityAssessment.Get(ctx, updatedID(m))
				if err != nil {
					return nil, err
				}
				if !hasSet {
					has = old.HasCapacity
				}
				if !notesSet && !m.NotesCleared() {
					notes = old.Notes
				}
			}
			if !has && strings.TrimSpace(notes) == "" {
				return nil, fault.InvalidAttr("notes", "Record why the person lacks capacity for this decision: what they could not understand, retain, weigh or communicate, and the evidence.")
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

// BestInterests: a best-interests decision is made only for a person who
// lacked capacity for it, and records who decided, who was consulted and why
// it is in their best interests (R22; Mental Capacity Act 2005, s.4).
func BestInterests() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ConsentFunc(func(ctx context.Context, m *gen.ConsentMutation) (ent.Value, error) {
			givenBy, _ := m.GivenBy()
			if givenBy != consent.GivenByBEST_INTERESTS {
				return next.Mutate(ctx, m)
			}
			var problems []fault.Problem
			if had, _ := m.HadCapacity(); had {
				problems = append(problems, fault.Problem{Field: "input.hadCapacity", Message: "A person who has capacity for the decision makes it themself: record their consent instead.", Rule: "R22", Section: "CAPACITY"})
			}
			if record, _ := m.BestInterestsRecord(); strings.TrimSpace(record) == "" {
				problems = append(problems, fault.Problem{Field: "input.bestInterestsRecord", Message: "Record who was consulted and why this is in the person's best interests.", Rule: "R22", Section: "CAPACITY"})
			}
			if name, _ := m.DecidedByName(); strings.TrimSpace(name) == "" {
				problems = append(problems, fault.Problem{Field: "input.decidedByName", Message: "Enter the name of whoever made the decision.", Rule: "R22", Section: "INVOLVEMENT"})
			}
			if len(problems) > 0 {
				return nil, fault.Rule("R22", "A best-interests decision needs the person's lack of capacity, who decided, and who was consulted and why.", problems...)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate)
}

// updatedID is the id of an update-one mutation (ent always sets it).
func updatedID(m ent.Mutation) pulid.ID {
	id, _ := idOf(m)
	return id
}
