package graph

import (
	"context"

	"reablement/ent"
	"reablement/ent/plan"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
	"reablement/graph/model"
)

// endAs moves a plan to an ending status with its record; R2, R14 and R15
// are checked by rule.Lifecycle.
func (r *Resolver) endAs(ctx context.Context, id pulid.ID, expectedRevision int, status plan.Status, in model.EndPlanInput) (*ent.Plan, error) {
	u := r.ent(ctx).Plan.UpdateOneID(id).SetStatus(status).
		SetNillableEndReason(in.Reason).SetNillableEndNotes(in.Notes).
		SetNillableWrittenConfirmationAt(in.WrittenConfirmationAt).SetNillableReferrerNotifiedAt(in.ReferrerNotifiedAt)
	return u.Save(rule.ExpectRevision(ctx, expectedRevision))
}
