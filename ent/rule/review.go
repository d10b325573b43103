package rule

import (
	"context"
	"strings"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/amendment"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/review"
	"reablement/ent/viewer"
)

// ReviewRules holds reviews to R11 and R12 whatever records them: an
// unplanned review says who asked and why; every request is decided, once,
// with reasons; a result is recorded only for a review that is held (a
// scheduled one, or a request decided HOLD), says what was found, and
// changes the plan as it says (reviewChangesPlan).
func ReviewRules() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.ReviewFunc(func(ctx context.Context, m *gen.ReviewMutation) (ent.Value, error) {
			if m.Op().Is(ent.OpCreate) {
				kind, _ := m.Kind()
				_, asked := m.RequestedBy()
				reason, _ := m.Reason()
				if kind == review.KindUNPLANNED && (!asked || strings.TrimSpace(reason) == "") {
					return nil, fault.Rule("R12", "An unplanned review request records who asked and why.",
						fault.Problem{Field: "input.requestedBy", Message: "Say who asked (person, carer, provider, practitioner).", Rule: "R12"},
						fault.Problem{Field: "input.reason", Message: "Say why they asked.", Rule: "R12"})
				}
				if kind == review.KindSCHEDULED {
					m.SetDecision(review.DecisionHOLD) // a scheduled review is held by definition (R11)
				}
				return next.Mutate(ctx, m)
			}
			id, _ := m.ID()
			old, err := m.Client().Review.Get(ctx, id)
			if err != nil {
				return nil, notFound(err, "review")
			}
			if decision, deciding := m.Decision(); deciding {
				if old.Decision != review.DecisionPENDING {
					return nil, fault.Rule("R12", "This review request has already been decided. Reload the plan to see the decision.")
				}
				if reason, _ := m.DecisionReason(); strings.TrimSpace(reason) == "" || decision == review.DecisionPENDING {
					return nil, fault.Rule("R12", "Decide the request, hold or decline, and record the reasons.",
						fault.Problem{Field: "reason", Message: "Record the reasons for the decision.", Rule: "R12"})
				}
			}
			if _, resulting := m.Result(); resulting {
				decision, deciding := m.Decision()
				if !deciding {
					decision = old.Decision
				}
				if decision != review.DecisionHOLD {
					return nil, fault.Rule("R12", "Decide to hold this review before recording its result.")
				}
				if notes, _ := m.ResultNotes(); strings.TrimSpace(notes+old.ResultNotes) == "" {
					return nil, fault.Rule("R11", "Record what the review found and agreed.",
						fault.Problem{Field: "notes", Message: "Record what was found and agreed.", Rule: "R11"})
				}
				m.SetHeldAt(viewer.Now(ctx))
				v, err := next.Mutate(ctx, m)
				if err != nil {
					return nil, err
				}
				result, _ := m.Result()
				notes, _ := m.ResultNotes()
				return v, reviewChangesPlan(ctx, m.Client(), old, result, notes)
			}
			return next.Mutate(ctx, m)
		})
	}
}

// reviewChangesPlan does what a review's result says (R11, R12), through
// the same rules as every other change: CONTINUE puts a plan under review
// back to active; END ends it, decided at review (R2, R9); REVISE records
// the change agreed at the review as an amendment, agreed there with the
// person, which opens the next version as a draft (R25) to be changed and
// agreed like any other.
func reviewChangesPlan(ctx context.Context, client *gen.Client, rv *gen.Review, result review.Result, notes string) error {
	p, err := client.Plan.Get(ctx, rv.PlanID)
	if err != nil {
		return notFound(err, "plan")
	}
	// The caller's expected revision, if any, was for the review.
	ctx = context.WithValue(ctx, revisionKey{}, nil)
	switch result {
	case review.ResultCONTINUE:
		if p.Status == plan.StatusUNDER_REVIEW {
			return client.Plan.UpdateOneID(p.ID).SetStatus(plan.StatusACTIVE).Exec(ctx)
		}
		return nil
	case review.ResultEND:
		return client.Plan.UpdateOneID(p.ID).SetStatus(plan.StatusENDED).SetEndReason(plan.EndReasonDECIDED_AT_REVIEW).
			SetEndNotes("Decided at review: " + notes).Exec(ctx)
	case review.ResultREVISE:
		now := viewer.Now(ctx)
		name := ""
		if v := viewer.FromContext(ctx); v != nil {
			name = v.Name
		}
		a, err := client.Amendment.Create().SetPlanID(p.ID).SetRequestedBy(amendment.RequestedByPRACTITIONER).SetRequesterName(name).
			SetReason(amendment.ReasonMISSING_INFORMATION).SetDetails(notes).
			SetPersonConsultedAt(now).SetPersonView("Given at the review; see the review's result.").Save(ctx)
		if err != nil {
			return err
		}
		return client.Amendment.UpdateOneID(a.ID).SetDecision(amendment.DecisionAGREED).
			SetDecisionReason("Agreed at the review held on " + now.Format("2 January 2006") + ".").
			SetEvidenceReviewed("What the review found: " + notes).Exec(ctx)
	}
	return nil
}
