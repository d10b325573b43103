package rule

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/viewer"
	"reablement/ent/visit"
)

// maxVisit is the longest a visit can last: a record of more is a mistyped
// date.
const maxVisit = 12 * time.Hour

// MaxVisitLength is the longest a visit can last, for readers that look
// back over visits that may still be under way.
const MaxVisitLength = maxVisit

// VisitStatusFor is the status a visit record's outcome gives the visit:
// visited is completed; no reply and declined are missed (the worker went,
// the visit did not happen); cancelled is cancelled (issue 13).
func VisitStatusFor(o visit.Outcome) visit.Status {
	switch o {
	case visit.OutcomeNO_REPLY, visit.OutcomeDECLINED:
		return visit.StatusMISSED
	case visit.OutcomeCANCELLED:
		return visit.StatusCANCELLED
	default:
		return visit.StatusCOMPLETED
	}
}

// arrivalWindow is how far from the scheduled start an arrival can be: a
// visit is made on its day, give or take the night.
const arrivalWindow = 24 * time.Hour

// VisitRecord holds the record of a visit to the same rules however it is
// written (recordVisit from a phone, updateVisit, internal tools): the
// worker leaves after arriving, on the visit's day, for less than half a
// day, never in the future; a completed visit says when; and a visit is
// recorded once: a second, different record (another record id) is a
// CONFLICT, and once recorded a worker cannot rewrite the record through
// another door. All times are judged by the request's clock.
func VisitRecord() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			vm, ok := m.(*gen.VisitMutation)
			if !ok || !m.Op().Is(ent.OpCreate|ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			if err := checkVisitRecord(ctx, vm); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

// visitAfter is a visit as it will be once the mutation is applied.
type visitAfter struct {
	startsAt          time.Time
	arrived, departed *time.Time
	status            visit.Status
	recordID          *string
	outcome           *visit.Outcome
	reason            string
}

func checkVisitRecord(ctx context.Context, m *gen.VisitMutation) error {
	touched := false
	for _, f := range []string{visit.FieldArrivedAt, visit.FieldDepartedAt, visit.FieldStatus, visit.FieldRecordID, visit.FieldStartsAt, visit.FieldOutcome, visit.FieldOutcomeReason} {
		if _, ok := m.Field(f); ok {
			touched = true
		}
	}
	for _, f := range m.ClearedFields() {
		if f == visit.FieldArrivedAt || f == visit.FieldDepartedAt {
			touched = true
		}
	}
	if !touched {
		return nil
	}
	var before visitAfter
	if m.Op().Is(ent.OpUpdateOne) {
		id, _ := m.ID()
		old, err := m.Client().Visit.Get(ctx, id)
		if err != nil {
			return notFound(err, "visit")
		}
		before = visitAfter{startsAt: old.StartsAt, arrived: old.ArrivedAt, departed: old.DepartedAt, status: old.Status, recordID: old.RecordID,
			outcome: old.Outcome, reason: old.OutcomeReason}
	}
	after := before
	if t, ok := m.StartsAt(); ok {
		after.startsAt = t
	}
	if t, ok := m.ArrivedAt(); ok {
		after.arrived = &t
	}
	if t, ok := m.DepartedAt(); ok {
		after.departed = &t
	}
	if m.ArrivedAtCleared() {
		after.arrived = nil
	}
	if m.DepartedAtCleared() {
		after.departed = nil
	}
	if s, ok := m.Status(); ok {
		after.status = s
	}
	if r, ok := m.RecordID(); ok {
		after.recordID = &r
	}
	if o, ok := m.Outcome(); ok {
		after.outcome = &o
	}
	if m.OutcomeCleared() {
		after.outcome = nil
	}
	if r, ok := m.OutcomeReason(); ok {
		after.reason = r
	}

	if before.recordID != nil {
		if after.recordID == nil || *after.recordID != *before.recordID {
			return &fault.Error{Code: fault.Conflict, Attr: visit.FieldRecordID,
				Message: "This visit was already recorded from another copy. Reload it to see that record."}
		}
		if v := viewer.FromContext(ctx); v != nil && v.Has(policy.Worker) && !v.Has(policy.Practitioner) && !v.Has(policy.Manager) && recordChanged(before, after) {
			return &fault.Error{Code: fault.Conflict, Attr: visit.FieldArrivedAt,
				Message: "This visit is already recorded. If the record is wrong, ask the office to correct it."}
		}
	}
	now := viewer.Now(ctx)
	switch {
	case after.departed != nil && after.arrived == nil:
		return fault.InvalidAttr(visit.FieldArrivedAt, "Say when you arrived as well as when you left.")
	case after.departed != nil && !after.departed.After(*after.arrived):
		return fault.InvalidAttr(visit.FieldDepartedAt, "The time you left must be after the time you arrived.")
	case after.departed != nil && after.departed.Sub(*after.arrived) > maxVisit:
		return fault.InvalidAttr(visit.FieldDepartedAt, "A visit lasts less than 12 hours. Check the date and time you left.")
	case after.arrived != nil && after.arrived.Sub(after.startsAt).Abs() > arrivalWindow:
		return fault.InvalidAttr(visit.FieldArrivedAt, "The arrival is not on the day of the visit. Check the date, or ask the office to move the visit.")
	case after.arrived != nil && after.arrived.After(now.Add(clockSkew)):
		return fault.InvalidAttr(visit.FieldArrivedAt, "The arrival time is in the future. Check the time and the phone's clock.")
	case after.status == visit.StatusCOMPLETED && (after.arrived == nil || after.departed == nil):
		// From a phone's record (which says what happened) the missing time
		// is the field to fix; from an edit of the status, the status.
		if _, recorded := m.Outcome(); !recorded {
			return fault.InvalidAttr(visit.FieldStatus, "A completed visit says when you arrived and when you left. Add both, or choose another status.")
		}
		if after.arrived == nil {
			return fault.InvalidAttr(visit.FieldArrivedAt, "Say when you arrived and when you left, or choose what happened instead (no reply, declined or cancelled).")
		}
		return fault.InvalidAttr(visit.FieldDepartedAt, "Say when you left, or choose what happened instead (no reply, declined or cancelled).")
	}
	return checkOutcome(after)
}

// checkOutcome holds a visit's outcome to what it must say (issue 13): a
// visit that did not go ahead says why when the person declined it or it
// was cancelled (the practitioner acts on the reason); at the door with no
// reply or a refusal, the worker says when they were there; and the
// outcome agrees with the status.
func checkOutcome(after visitAfter) error {
	if after.outcome == nil {
		return nil
	}
	o := *after.outcome
	switch {
	case after.status != VisitStatusFor(o):
		return fault.InvalidAttr(visit.FieldOutcome, "The visit's status and what happened disagree. Choose what happened at the visit again.")
	case (o == visit.OutcomeDECLINED || o == visit.OutcomeCANCELLED) && strings.TrimSpace(after.reason) == "":
		return fault.InvalidAttr(visit.FieldOutcomeReason, "Say why the visit did not go ahead.")
	case (o == visit.OutcomeNO_REPLY || o == visit.OutcomeDECLINED) && after.arrived == nil:
		return fault.InvalidAttr(visit.FieldArrivedAt, "Say when you were at the door.")
	}
	return nil
}

// recordChanged: the record's times or status would change.
func recordChanged(before, after visitAfter) bool {
	same := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
	return !same(before.arrived, after.arrived) || !same(before.departed, after.departed) || before.status != after.status
}

// ProgressOnPlan refuses progress on an outcome or step that is not part of
// the visit's plan version: a worker records progress on the plan they work
// to, never on another person's outcome. Guard (the outer hook) has stamped
// plan_id from the visit. Outcome and step are read through the viewer's
// filters: one that does not exist, or that the actor cannot see, answers
// NOT_FOUND naming the field, the same either way, so ids cannot be probed.
func ProgressOnPlan() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			pm, ok := m.(*gen.ProgressMutation)
			if !ok || !m.Op().Is(ent.OpCreate) {
				return next.Mutate(ctx, m)
			}
			if v := viewer.FromContext(ctx); v != nil && v.IsSystem() {
				return next.Mutate(ctx, m)
			}
			planID, _ := pm.PlanID()
			outcomeID, _ := pm.OutcomeID()
			if visitID, ok := pm.VisitID(); ok {
				vi, err := pm.Client().Visit.Get(ctx, visitID)
				if err != nil {
					return nil, attrNotFound(err, "visit_id", "visit")
				}
				if vi.Outcome != nil && *vi.Outcome != visit.OutcomeVISITED {
					return nil, fault.InvalidAttr("step_status", "Progress is recorded only for a visit that went ahead. Leave the steps as they were.")
				}
			}
			o, err := pm.Client().Outcome.Get(ctx, outcomeID)
			if err != nil {
				return nil, attrNotFound(err, "outcome_id", "outcome")
			}
			if o.PlanID != planID {
				return nil, fault.InvalidAttr("outcome_id", "That outcome is not part of the plan this visit works to. Record progress on this plan's outcomes.")
			}
			if stepID, ok := pm.StepID(); ok {
				s, err := pm.Client().OutcomeStep.Get(ctx, stepID)
				if err != nil {
					return nil, attrNotFound(err, "step_id", "step")
				}
				if s.OutcomeID != outcomeID {
					return nil, fault.InvalidAttr("step_id", "That step is not one of this outcome's steps. Choose a step of the outcome you worked on.")
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// attrNotFound is notFound naming the field that carried the id.
func attrNotFound(err error, attr, what string) error {
	if gen.IsNotFound(err) {
		return &fault.Error{Code: fault.NotFound, Attr: attr, Message: "No " + what + " with that id, or none you have a basis to see."}
	}
	return err
}
