package rule

import (
	"context"
	"strings"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/review"
	"reablement/ent/viewer"
)

// ReviewRules holds reviews to R11 and R12 whatever records them: an
// unplanned review says who asked and why; every request is decided, once,
// with reasons; a result is recorded only for a review that is held (a
// scheduled one, or a request decided HOLD), and says what was found.
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
			}
			return next.Mutate(ctx, m)
		})
	}
}
