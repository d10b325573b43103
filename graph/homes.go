package graph

import (
	"context"
	"slices"
	"time"

	"entgo.io/ent/dialect/sql"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/amendment"
	"reablement/ent/auditevent"
	"reablement/ent/careact"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/predicate"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/ent/visit"
	"reablement/graph/model"
)

// The homes of issue 13: the person's and carers' own page, and the
// managers'. What each shows is computed here, through the viewer's row
// filters and the consent policy, so screens ask rather than re-decide.

// accessEventsLimit bounds the audit events one grouped history reads: a
// fortnight of a busy record is a few thousand.
const accessEventsLimit = 10000

// accessHistory groups the audit log's events of one person by account
// and calendar day, newest day first and, within a day, latest first. The
// events are read through rule.FilterAudit, so whoever may not read the
// log gets nothing; visits are counted through the visits' row filter.
func (r *Resolver) accessHistory(ctx context.Context, p *ent.Person, days int) ([]model.AccessDay, error) {
	v := viewer.FromContext(ctx)
	days = min(max(days, 1), 92)
	from, _ := v.Day(v.Today().AddDate(0, 0, -(days - 1)))
	c := r.ent(ctx)
	events, err := c.AuditEvent.Query().Where(auditevent.PersonID(p.ID), auditevent.OccurredAtGTE(from)).
		Order(ent.Desc(auditevent.FieldOccurredAt)).Limit(accessEventsLimit).
		Select(auditevent.FieldOccurredAt, auditevent.FieldAction, auditevent.FieldViewerID, auditevent.FieldViewerName,
			auditevent.FieldViewerRoles, auditevent.FieldSections, auditevent.FieldBases, auditevent.FieldFlagged).All(ctx)
	if err != nil {
		return nil, err
	}
	loc := v.Location
	if loc == nil {
		loc = time.UTC
	}
	type key struct {
		day    string
		viewer pulid.ID
	}
	var out []model.AccessDay
	index := map[key]int{}
	var workers []pulid.ID
	for _, e := range events {
		local := e.OccurredAt.In(loc)
		k := key{local.Format(time.DateOnly), e.ViewerID}
		i, ok := index[k]
		if !ok {
			y, m, d := local.Date()
			i = len(out)
			index[k] = i
			out = append(out, model.AccessDay{Day: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), ViewerID: e.ViewerID,
				ViewerName: e.ViewerName, ViewerRoles: e.ViewerRoles, First: e.OccurredAt, Last: e.OccurredAt})
			if slices.Contains(e.ViewerRoles, policy.Worker) && !slices.Contains(workers, e.ViewerID) {
				workers = append(workers, e.ViewerID)
			}
		}
		g := &out[i]
		switch e.Action {
		case auditevent.ActionCHANGE:
			g.Changes++
		default:
			g.Views++
		}
		g.Flagged = g.Flagged || e.Flagged
		g.First = e.OccurredAt // newest first: the last seen is the earliest
		for _, s := range e.Sections {
			if !slices.Contains(g.Sections, s) {
				g.Sections = append(g.Sections, s)
			}
		}
		for _, b := range e.Bases {
			if !slices.Contains(g.Bases, b) {
				g.Bases = append(g.Bases, b)
			}
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Sections, func(a, b policy.Section) int {
			return slices.Index(policy.AllSections, a) - slices.Index(policy.AllSections, b)
		})
		if out[i].Sections == nil {
			out[i].Sections = []policy.Section{}
		}
		if out[i].Bases == nil {
			out[i].Bases = []policy.Basis{}
		}
	}
	if len(workers) == 0 {
		return out, nil
	}
	// One query for the visits of every worker in the history.
	visits, err := c.Visit.Query().Where(visit.PersonID(p.ID), visit.WorkerIDIn(workers...), visit.StartsAtGTE(from),
		visit.StatusNEQ(visit.StatusCANCELLED)).Select(visit.FieldWorkerID, visit.FieldStartsAt).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, vi := range visits {
		if i, ok := index[key{vi.StartsAt.In(loc).Format(time.DateOnly), vi.WorkerID}]; ok {
			out[i].Visits++
		}
	}
	return out, nil
}

// serviceDayLimit bounds each of the service day's lists.
const serviceDayLimit = 500

// lateAfter is how long after its time a visit with nothing recorded is late.
const lateAfter = 15 * time.Minute

// serviceDay sorts the day's visits the viewer may see (a registered
// manager: those of the people their services deliver to) by where each is
// now, and lists visits in the next fortnight by workers lacking a
// training the person needs (R32). Six queries whatever the number of
// visits: the day's and the fortnight's visits, each with their workers
// and their plans' people.
func (r *Resolver) serviceDay(ctx context.Context, date *time.Time) (*model.ServiceDay, error) {
	v := viewer.FromContext(ctx)
	day := v.Today()
	if date != nil {
		day = *date
	}
	start, end := v.Day(day)
	c := r.ent(ctx)
	inService := func(q *ent.VisitQuery) *ent.VisitQuery {
		if v.Has(policy.RegisteredManager) && len(v.ServiceTeamIDs) > 0 {
			ids := make([]pulid.ID, len(v.ServiceTeamIDs))
			for i, t := range v.ServiceTeamIDs {
				ids[i] = pulid.ID(t)
			}
			q.Where(visit.HasPlanWith(plan.ServiceTeamIDIn(ids...)))
		}
		return q
	}
	// Workers and people come with the visits: a screen lists each visit
	// with both, and loading them here keeps that to one query each. The
	// visits a manager may have to act on (in progress, missed, or due to
	// have started) come first, each group in time order, so a service
	// with more visits in the day than the bound loses only some of those
	// done or still to come, never a late evening visit.
	now := v.Now
	today, err := inService(c.Visit.Query().Where(visit.StartsAtGTE(start), visit.StartsAtLT(end))).
		WithWorker().WithPlan(func(q *ent.PlanQuery) { q.WithPerson() }).
		Order(actionableFirst(now), ent.Asc(visit.FieldStartsAt), ent.Asc(visit.FieldID)).Limit(5 * serviceDayLimit).All(ctx)
	if err != nil {
		return nil, err
	}
	today, err = consentMembers(ctx, today, policy.Visits)
	if err != nil {
		return nil, err
	}
	out := &model.ServiceDay{Date: day, Late: []ent.Visit{}, Missed: []ent.Visit{}, InProgress: []ent.Visit{}, Done: []ent.Visit{}, Other: []ent.Visit{}, TrainingGaps: []model.TrainingGap{}}
	add := func(list *[]ent.Visit, vi *ent.Visit) {
		if len(*list) < serviceDayLimit {
			*list = append(*list, *vi)
		}
	}
	for _, vi := range today {
		over := vi.StartsAt.Add(time.Duration(vi.DurationMinutes) * time.Minute)
		switch {
		case vi.Status == visit.StatusCOMPLETED:
			add(&out.Done, vi)
		case vi.Status == visit.StatusIN_PROGRESS:
			add(&out.InProgress, vi)
		case vi.Status == visit.StatusMISSED, vi.Status == visit.StatusSCHEDULED && now.After(over):
			add(&out.Missed, vi)
		case vi.Status == visit.StatusSCHEDULED && now.After(vi.StartsAt.Add(lateAfter)):
			add(&out.Late, vi)
		default:
			add(&out.Other, vi)
		}
	}
	// R32: the fortnight's visits, each with its worker's trainings and
	// the person's needs for them.
	_, fortnightEnd := v.Day(day.AddDate(0, 0, 13))
	ahead, err := inService(c.Visit.Query().Where(visit.StartsAtGTE(start), visit.StartsAtLT(fortnightEnd), visit.StatusNEQ(visit.StatusCANCELLED),
		trainingGap())).
		WithWorker().WithPlan(func(q *ent.PlanQuery) { q.WithPerson() }).Order(ent.Asc(visit.FieldStartsAt), ent.Asc(visit.FieldID)).Limit(2 * serviceDayLimit).All(ctx)
	if err != nil {
		return nil, err
	}
	ahead, err = consentMembers(ctx, ahead, policy.Communication)
	if err != nil {
		return nil, err
	}
	for _, vi := range ahead {
		w, pl := vi.Edges.Worker, vi.Edges.Plan
		if w == nil || pl == nil || pl.Edges.Person == nil {
			continue
		}
		p := pl.Edges.Person
		missing := careact.MissingTrainings(careact.Needs{Autism: p.Autism, Deafblind: p.Deafblind}, w.Trainings)
		if len(missing) > 0 && len(out.TrainingGaps) < serviceDayLimit {
			out.TrainingGaps = append(out.TrainingGaps, model.TrainingGap{Visit: vi, Missing: missing})
		}
	}
	return out, nil
}

// actionableFirst orders first the visits of the day a manager may have to
// act on as of now: in progress, missed, or scheduled to have started.
func actionableFirst(now time.Time) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.OrderExpr(sql.P(func(b *sql.Builder) {
			b.WriteString("CASE WHEN ").Ident(s.C(visit.FieldStatus)).WriteString(" IN (").
				Arg(visit.StatusIN_PROGRESS.String()).Comma().Arg(visit.StatusMISSED.String()).WriteString(") OR (").
				Ident(s.C(visit.FieldStatus)).WriteString(" = ").Arg(visit.StatusSCHEDULED.String()).WriteString(" AND ").
				Ident(s.C(visit.FieldStartsAt)).WriteString(" < ").Arg(now).WriteString(") THEN 0 ELSE 1 END")
		}))
	}
}

// trainingGap keeps the visits whose person has a need of R32's
// (careact.TrainingNeeds) that the visit's worker has no training for. It is
// decided in the query, not after it: a service's fortnight runs to tens of
// thousands of visits, and reading them all to find a few gaps was slow,
// and with a bound on the rows read, blind to every gap after the first few
// days (R32). Which gaps the viewer may see is still decided by consent,
// row by row.
func trainingGap() predicate.Visit {
	return func(s *sql.Selector) {
		var gaps []*sql.Predicate
		for _, n := range careact.TrainingNeeds {
			p, a := sql.Table(person.Table), sql.Table(account.Table)
			// A worker with no trainings on record (NULL) has none of them.
			untrained := sql.Select(a.C(account.FieldID)).From(a).Where(sql.P(func(b *sql.Builder) {
				b.WriteString("NOT COALESCE(").Ident(a.C(account.FieldTrainings)).WriteString(" @> jsonb_build_array(").
					Arg(n.Training).WriteString("::text), false)")
			}))
			gaps = append(gaps, sql.And(
				sql.In(s.C(visit.FieldPersonID), sql.Select(p.C(person.FieldID)).From(p).Where(sql.EQ(p.C(n.Column), true))),
				sql.In(s.C(visit.FieldWorkerID), untrained),
			))
		}
		s.Where(sql.Or(gaps...))
	}
}

// consentMembers keeps the rows of a list the viewer may know are on it
// (consent.Members, for pointer rows).
func consentMembers(ctx context.Context, rows []*ent.Visit, s policy.Section) ([]*ent.Visit, error) {
	vals := make([]ent.Visit, len(rows))
	for i, r := range rows {
		vals[i] = *r
	}
	if err := members(ctx, &vals, s); err != nil {
		return nil, err
	}
	out := make([]*ent.Visit, len(vals))
	for i := range vals {
		out[i] = &vals[i]
	}
	return out, nil
}

// amendmentRequests are the requests to change a plan (R25) still waiting
// for a decision, oldest first, for the due list.
func (r *Resolver) amendmentRequests(ctx context.Context) ([]ent.Amendment, error) {
	rows, err := listed(ctx, "amendmentRequests", r.ent(ctx).Amendment.Query().Where(amendment.DecisionEQ(amendment.DecisionPENDING)).
		Order(ent.Asc(amendment.FieldCreatedAt)).Limit(dueLimit))
	if err != nil {
		return nil, err
	}
	return rows, members(ctx, &rows, policy.Involvement)
}
