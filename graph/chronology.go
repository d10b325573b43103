package graph

import (
	"context"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/amendment"
	"reablement/ent/concern"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/review"
	"reablement/ent/schema/pulid"
	"reablement/ent/share"
	"reablement/ent/viewer"
	"reablement/ent/visit"
	"reablement/graph/model"
)

// maxChronology bounds one chronology's entries.
const maxChronology = 500

// chronologyScope says whose events a chronology gathers: one person's, or
// the versions of one plan's episode.
type chronologyScope struct {
	person pulid.ID
	// episode, when not zero, keeps the events of that episode's versions.
	episode int
}

// chronology gathers a case chronology, newest first (issue 12 item 5).
// Each kind is one query through the viewer's row filter, with the edges
// its entries show loaded in the same round (no query per entry); each
// row's presence then discloses its section and is kept only when the
// viewer may see that section (consent.Members, audited like a field), so
// an entry the viewer has no basis for is withheld, never shown as a
// blank. What each entry says is its record's own gated fields.
func (r *Resolver) chronology(ctx context.Context, sc chronologyScope, kinds []model.ChronologyKind, first *int) ([]model.ChronologyEntry, error) {
	limit := 100
	if first != nil {
		limit = min(max(*first, 0), maxChronology)
	}
	want := func(k model.ChronologyKind) bool { return len(kinds) == 0 || slices.Contains(kinds, k) }
	c := r.ent(ctx)
	now := viewer.FromContext(ctx).Now

	// The plan versions: the entries' plan, the episode's scope, and the decisions.
	pq := c.Plan.Query().Where(plan.PersonID(sc.person))
	if sc.episode > 0 {
		pq.Where(plan.Episode(sc.episode))
	}
	plans, err := pq.Order(ent.Asc(plan.FieldVersion)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[pulid.ID]*ent.Plan, len(plans))
	ids := make([]pulid.ID, 0, len(plans))
	for _, p := range plans {
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	planOf := func(id pulid.ID) *ent.Plan { return byID[id] }
	var out []model.ChronologyEntry
	if want(model.ChronologyKindVisit) {
		q := c.Visit.Query().Where(visit.PersonID(sc.person), visit.StartsAtLTE(now)).
			Order(ent.Desc(visit.FieldStartsAt)).Limit(limit)
		if selected(ctx, "visit", "Visit", "worker") {
			q.WithWorker()
		}
		// entgql resolves a list edge from the rows loaded under the name
		// the query gives it, so the visits' progress is loaded once per
		// name the request uses, not once per visit.
		for _, name := range selectedNames(ctx, "visit", "Visit", "progress") {
			q.WithNamedProgress(name, func(q *ent.ProgressQuery) { q.WithOutcome().WithStep() })
		}
		if sc.episode > 0 {
			q.Where(visit.PlanIDIn(ids...))
		}
		rows, err := kept(ctx, q.All, policy.Visits)
		if err != nil {
			return nil, err
		}
		for _, v := range rows {
			at := v.StartsAt
			if v.ArrivedAt != nil {
				at = *v.ArrivedAt
			}
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindVisit, At: at, Plan: planOf(v.PlanID), Visit: v})
		}
	}
	if want(model.ChronologyKindConcern) {
		q := c.Concern.Query().Where(concern.PersonID(sc.person)).Order(ent.Desc(concern.FieldCreatedAt)).Limit(limit)
		if selected(ctx, "concern", "Concern", "raisedBy") {
			q.WithRaisedBy()
		}
		if sc.episode > 0 {
			q.Where(concern.HasVisitWith(visit.PlanIDIn(ids...)))
		}
		rows, err := kept(ctx, q.All, policy.Safeguarding)
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindConcern, At: x.CreatedAt, Concern: x})
		}
	}
	if want(model.ChronologyKindReview) {
		q := c.Review.Query().Where(review.PersonID(sc.person)).Order(ent.Desc(review.FieldCreatedAt)).Limit(limit)
		if selected(ctx, "review", "Review", "reviewer") {
			q.WithReviewer()
		}
		if sc.episode > 0 {
			q.Where(review.PlanIDIn(ids...))
		}
		rows, err := kept(ctx, q.All, policy.Review)
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			at := x.CreatedAt
			if x.HeldAt != nil {
				at = *x.HeldAt
			}
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindReview, At: at, Plan: planOf(x.PlanID), Review: x})
		}
	}
	if want(model.ChronologyKindAmendment) {
		q := c.Amendment.Query().Where(amendment.PersonID(sc.person)).Order(ent.Desc(amendment.FieldCreatedAt)).Limit(limit)
		if selected(ctx, "amendment", "Amendment", "resultingPlan") {
			q.WithResultingPlan()
		}
		if sc.episode > 0 {
			q.Where(amendment.PlanIDIn(ids...))
		}
		rows, err := kept(ctx, q.All, policy.Involvement)
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			at := x.CreatedAt
			if x.DecidedAt != nil {
				at = *x.DecidedAt
			}
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindAmendment, At: at, Plan: planOf(x.PlanID), Amendment: x})
		}
	}
	if want(model.ChronologyKindShare) {
		q := c.Share.Query().Where(share.PersonID(sc.person)).Order(ent.Desc(share.FieldCreatedAt)).Limit(limit)
		if selected(ctx, "share", "Share", "recipientAccount") {
			q.WithRecipientAccount()
		}
		if sc.episode > 0 {
			q.Where(share.PlanIDIn(ids...))
		}
		rows, err := kept(ctx, q.All, policy.Involvement)
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			at := x.CreatedAt
			if x.SharedAt != nil {
				at = *x.SharedAt
			}
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindShare, At: at, Plan: planOf(x.PlanID), Share: x})
		}
	}
	if want(model.ChronologyKindDecision) {
		out = append(out, decisions(plans, byID)...)
	}
	slices.SortStableFunc(out, func(a, b model.ChronologyEntry) int { return b.At.Compare(a.At) })
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []model.ChronologyEntry{}
	}
	return out, nil
}

// kept runs one kind's query and keeps the rows whose section the viewer
// may see, as records on a list (consent.Members): the row filter already
// dropped rows with no basis at all; this decides each row's section on its
// own plan version, as a share's scope does, and audits the disclosure.
func kept[T any](ctx context.Context, all func(context.Context) ([]*T, error), s policy.Section) ([]*T, error) {
	rows, err := values(all(ctx))
	if err != nil {
		return nil, err
	}
	if err := members(ctx, &rows, s); err != nil {
		return nil, err
	}
	out := make([]*T, len(rows))
	for i := range rows {
		out[i] = &rows[i]
	}
	return out, nil
}

// decisions are the dated steps of each version's life (R2). A version an
// amendment produced carries the commencement of the one it replaced;
// reablement commenced once, so only the first is an event.
func decisions(plans []*ent.Plan, byID map[pulid.ID]*ent.Plan) []model.ChronologyEntry {
	var out []model.ChronologyEntry
	add := func(p *ent.Plan, d model.PlanDecision, at *time.Time) {
		if at != nil {
			out = append(out, model.ChronologyEntry{Kind: model.ChronologyKindDecision, At: *at, Plan: p, Decision: &d})
		}
	}
	for _, p := range plans {
		add(p, model.PlanDecisionAgreed, p.AgreedAt)
		if prev := byID[ptrOr(p.SupersedesID)]; p.CommencedAt != nil && (prev == nil || prev.CommencedAt == nil || !prev.CommencedAt.Equal(*p.CommencedAt)) {
			add(p, model.PlanDecisionCommenced, p.CommencedAt)
		}
		switch p.Status {
		case plan.StatusENDED:
			add(p, model.PlanDecisionEnded, p.EndedAt)
		case plan.StatusREFUSED:
			add(p, model.PlanDecisionRefused, p.EndedAt)
		case plan.StatusWITHDRAWN:
			add(p, model.PlanDecisionWithdrawn, p.EndedAt)
		}
	}
	return out
}

func ptrOr(id *pulid.ID) pulid.ID {
	if id == nil {
		return ""
	}
	return *id
}

// selected reports whether the request asks for child of the entries'
// parent field: an edge is loaded with the rows only when it is shown.
func selected(ctx context.Context, parent, typ, child string) bool {
	return len(selectedNames(ctx, parent, typ, child)) > 0
}

// selectedNames are the names (aliases, or the field's own name) under which
// the current field's entries select child (of type typ) within field parent.
func selectedNames(ctx context.Context, parent, typ, child string) []string {
	fc := graphql.GetFieldContext(ctx)
	oc := graphql.GetOperationContext(ctx)
	if fc == nil || oc == nil {
		return []string{child} // outside a request: load it, to be safe
	}
	var out []string
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{"ChronologyEntry"}) {
		if f.Name != parent {
			continue
		}
		for _, g := range graphql.CollectFields(oc, f.Selections, []string{typ}) {
			if g.Name == child && !slices.Contains(out, g.Alias) {
				out = append(out, g.Alias)
			}
		}
	}
	return out
}
