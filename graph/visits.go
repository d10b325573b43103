package graph

import (
	"context"
	"fmt"
	"time"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/rule"
	"reablement/ent/viewer"
	"reablement/ent/visit"
	"reablement/graph/model"
)

// myVisits lists the signed-in worker's visits on one calendar day of the
// authority's time zone, in time order.
func (r *Resolver) myVisits(ctx context.Context, date *time.Time) ([]ent.Visit, error) {
	v := viewer.FromContext(ctx)
	var day time.Time
	if date != nil {
		day = *date
	}
	start, end := v.Day(day)
	q, err := r.ent(ctx).Visit.Query().
		Where(visit.WorkerID(v.Account()), visit.StartsAtGTE(start), visit.StartsAtLT(end)).
		Order(ent.Asc(visit.FieldStartsAt)).CollectFields(ctx) // children in one query per level
	if err != nil {
		return nil, err
	}
	return values(q.All(ctx))
}

// recordVisit applies a phone's visit record exactly once. The visit row is
// locked for the transaction, so concurrent retries queue: the first applies
// the record, the rest find its recordID and return the same visit. A copy
// made from an older revision answers CONFLICT (rule.Revisioned), as does a
// second, different record for a visit already recorded.
func (r *Resolver) recordVisit(ctx context.Context, in model.RecordVisitInput) (*ent.Visit, error) {
	client := r.ent(ctx)
	current, err := client.Visit.Query().Where(visit.ID(in.VisitID)).ForUpdate().Only(ctx)
	if err != nil {
		return nil, err
	}
	if current.RecordID != nil {
		if *current.RecordID == in.RecordID {
			return current, nil // a retry of what was already applied
		}
		return nil, &fault.Error{Code: fault.Conflict, Field: "input.visitID",
			Message: "This visit was already recorded from another copy. Reload it to see that record."}
	}
	// The record's own rules (left after arriving, on the visit's day, not
	// in the future; progress only on this plan's outcomes) are the model's
	// (rule.VisitRecord, rule.ProgressOnPlan), so updateVisit obeys them too.
	upd := client.Visit.UpdateOneID(in.VisitID).
		SetRecordID(in.RecordID).SetArrivedAt(in.ArrivedAt.UTC()).SetDepartedAt(in.DepartedAt.UTC()).
		SetStatus(visit.StatusCOMPLETED).SetNillableNotes(in.Notes)
	saved, err := upd.Save(rule.ExpectRevision(ctx, in.ExpectedRevision))
	if err != nil {
		return nil, err
	}
	for i, p := range in.Progress {
		c := client.Progress.Create().SetVisitID(saved.ID).SetOutcomeID(p.OutcomeID).
			SetNillableStepID(p.StepID).SetNillableStepStatus(p.StepStatus).SetNillableNote(p.Note)
		if _, err := c.Save(ctx); err != nil {
			return nil, withField(err, "input.progress", i)
		}
	}
	for i, c := range in.Concerns {
		if _, err := client.Concern.Create().SetVisitID(saved.ID).SetKind(c.Kind).SetDetails(c.Details).
			SetRaisedByID(viewer.FromContext(ctx).Account()).Save(ctx); err != nil {
			return nil, withField(err, "input.concerns", i)
		}
	}
	return saved, nil
}

// withField says which list item a failure was about, and which of its
// fields when the model named one ("input.progress.0.outcomeID").
func withField(err error, list string, i int) error {
	if f, ok := fault.As(err); ok && f.Field == "" {
		f.Field = fmt.Sprintf("%s.%d", list, i)
		if f.Attr != "" {
			f.Field += "." + gqlName(f.Attr)
		}
	}
	return err
}
