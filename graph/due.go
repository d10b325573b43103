package graph

import (
	"context"
	"slices"

	"reablement/ent"
	"reablement/ent/advice"
	"reablement/ent/concern"
	"reablement/ent/episode"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/review"
	"reablement/ent/risk"
	"reablement/ent/rule"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// dueLimit bounds each list of the due list.
const dueLimit = 100

// dueList gathers what is due for the viewer's people. Each list is one
// query through the viewer's row filter, so a practitioner sees their team's
// and a manager their teams'.
func (r *Resolver) dueList(ctx context.Context, withinDays int) (*model.DueList, error) {
	v := viewer.FromContext(ctx)
	horizon := v.Today().AddDate(0, 0, max(withinDays, 0)+1)
	c := r.ent(ctx)
	out := &model.DueList{}
	var err error
	// Each list loads the edges its rows show with it (listField).
	if out.Reviews, err = listed(ctx, "reviews", c.Review.Query().Where(review.HeldAtIsNil(), review.Or(
		review.And(review.DecisionEQ(review.DecisionHOLD), review.DueLT(horizon)),
		review.DecisionEQ(review.DecisionPENDING))).Order(ent.Asc(review.FieldDue)).Limit(dueLimit)); err != nil {
		return nil, err
	}
	if out.FirstReviewsDue, err = listed(ctx, "firstReviewsDue", c.Plan.Query().Where(plan.StatusEQ(plan.StatusACTIVE), plan.FirstReviewDueLT(horizon),
		plan.Not(plan.HasReviewsWith(review.HeldAtNotNil()))).Order(ent.Asc(plan.FieldFirstReviewDue)).Limit(dueLimit)); err != nil {
		return nil, err
	}
	if out.PlansNearingEnd, err = listed(ctx, "plansNearingEnd", c.Plan.Query().Where(plan.StatusIn(plan.StatusACTIVE, plan.StatusUNDER_REVIEW), plan.PlannedEndLT(horizon)).
		Order(ent.Asc(plan.FieldPlannedEnd)).Limit(dueLimit)); err != nil {
		return nil, err
	}
	if out.AdviceFollowUps, err = listed(ctx, "adviceFollowUps", c.Advice.Query().Where(advice.FollowedUpAtIsNil(), advice.FollowUpDueLT(horizon)).
		Order(ent.Asc(advice.FieldFollowUpDue)).Limit(dueLimit)); err != nil {
		return nil, err
	}
	if out.WorkerRisksToConfirm, err = listed(ctx, "workerRisksToConfirm", c.Risk.Query().Where(risk.KindEQ(risk.KindTO_WORKER), risk.MitigationConfirmedAtIsNil(),
		risk.HasPlanWith(plan.StatusEQ(plan.StatusAGREED))).Limit(dueLimit)); err != nil {
		return nil, err
	}
	if out.AdvocacyReferralsWaiting, err = listed(ctx, "advocacyReferralsWaiting", c.Person.Query().Where(person.AdvocacyEQ(person.AdvocacyREFERRAL_WAITING)).
		Limit(dueLimit)); err != nil {
		return nil, err
	}
	// Concerns routed to the viewer (rule.ConcernRoutes), open until closed
	// with what was done recorded; most urgent kind first, then oldest.
	concerns, err := c.Concern.Query().Where(rule.ConcernsRoutedTo(v)).Order(ent.Asc(concern.FieldCreatedAt)).Limit(dueLimit).All(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(concerns, func(a, b *ent.Concern) int {
		return rule.ConcernRoutes[a.Kind].Urgency - rule.ConcernRoutes[b.Kind].Urgency
	})
	if out.Concerns, err = values(concerns, nil); err != nil {
		return nil, err
	}
	for _, c := range out.Concerns {
		if c.Kind == concern.KindSAFEGUARDING {
			out.SafeguardingConcerns = append(out.SafeguardingConcerns, c)
		}
	}
	if out.SafeguardingConcerns == nil {
		out.SafeguardingConcerns = []ent.Concern{}
	}
	if out.AmendmentRequests, err = r.amendmentRequests(ctx); err != nil {
		return nil, err
	}
	if out.FollowUpsDue, err = listed(ctx, "followUpsDue", c.Episode.Query().Where(episode.FollowUpDueLT(horizon), episode.FollowUpSituationIsNil()).
		Order(ent.Asc(episode.FieldFollowUpDue)).Limit(dueLimit)); err != nil {
		return nil, err
	}
	// An item's presence on the list discloses the section that put it there.
	if err := members(ctx, &out.Reviews, policy.Review); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.FirstReviewsDue, policy.Review); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.PlansNearingEnd, policy.Visits); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.AdviceFollowUps, policy.OtherSupport); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.WorkerRisksToConfirm, policy.Risks); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.AdvocacyReferralsWaiting, policy.Capacity); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.FollowUpsDue, policy.Review); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.SafeguardingConcerns, policy.Safeguarding); err != nil {
		return nil, err
	}
	if err := members(ctx, &out.Concerns, policy.Safeguarding); err != nil {
		return nil, err
	}
	return out, nil
}

// members keeps the items of one list the viewer may know are on it.
func members[T any](ctx context.Context, rows *[]T, s policy.Section) error {
	kept, err := consent.Members(ctx, *rows, s)
	*rows = kept
	return err
}

// values copies a query's rows into the value slices the schema's
// non-null lists are generated with.
func values[T any](rows []*T, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = *r
	}
	return out, nil
}
