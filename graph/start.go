package graph

import (
	"context"
	"time"

	"reablement/ent"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/graph/model"
)

// assignReablement sets a plan's service and workers (and planned start);
// R20 and R32 are checked by rule.Staffing, R9 by rule.Period.
func (r *Resolver) assignReablement(ctx context.Context, id pulid.ID, expectedRevision int, in model.AssignReablementInput) (*ent.Plan, error) {
	u := r.ent(ctx).Plan.UpdateOneID(id).SetServiceTeamID(in.ServiceTeamID).ClearWorkers().AddWorkerIDs(in.WorkerIDs...).
		SetNillablePlannedStart(in.PlannedStart)
	return u.Save(rule.ExpectRevision(ctx, expectedRevision))
}

// movePlannedEnd moves a planned end with its reason; R9 is checked by rule.Period.
func (r *Resolver) movePlannedEnd(ctx context.Context, id pulid.ID, expectedRevision int, end time.Time, reason string) (*ent.Plan, error) {
	return r.ent(ctx).Plan.UpdateOneID(id).SetPlannedEnd(end).SetPlannedEndReason(reason).Save(rule.ExpectRevision(ctx, expectedRevision))
}

// recordEnvironmentAssessment records a risk to the worker's environment
// assessment as done now, with its findings; R31 is checked by rule.WorkerRisk.
func (r *Resolver) recordEnvironmentAssessment(ctx context.Context, id pulid.ID, findings string) (*ent.Risk, error) {
	return r.ent(ctx).Risk.UpdateOneID(id).SetEnvironmentAssessmentDoneAt(viewer.Now(ctx)).SetEnvironmentAssessmentFindings(findings).Save(ctx)
}

// workerMatches lists the workers who could deliver the plan (R32).
func (r *Resolver) workerMatches(ctx context.Context, p *ent.Plan) ([]model.WorkerMatch, error) {
	ms, err := rule.WorkerMatches(ctx, r.ent(ctx), p)
	if err != nil {
		return nil, err
	}
	out := make([]model.WorkerMatch, len(ms))
	for i, m := range ms {
		out[i] = model.WorkerMatch{Worker: m.Worker, Service: m.Service, Trained: m.Trained, Reasons: m.Reasons}
	}
	return out, nil
}
