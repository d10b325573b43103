package rule

import (
	"context"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/account"
	"reablement/ent/careact"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/risk"
	"reablement/ent/schema/pulid"
	"reablement/ent/team"
	"reablement/ent/viewer"
	"reablement/ent/visit"
)

// Staffing holds a plan's reablement service and workers to R20 and R32,
// whoever sets them: the service is a reablement service of the authority,
// and every worker added is a reablement worker of that service holding the
// training the person's needs call for (autism, deafblind). Workers are
// chosen only once the plan is agreed and until it ends.
func Staffing() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PlanFunc(func(ctx context.Context, m *gen.PlanMutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			serviceID, settingService := m.ServiceTeamID()
			added := m.WorkersIDs()
			if v == nil || v.IsSystem() || (!settingService && len(added) == 0) {
				return next.Mutate(ctx, m)
			}
			id, _ := m.ID()
			p, err := m.Client().Plan.Query().Where(plan.ID(id)).WithPerson().Only(ctx)
			if err != nil {
				return nil, notFound(err, "plan")
			}
			if len(added) > 0 && p.Status != plan.StatusAGREED && p.Status != plan.StatusACTIVE && p.Status != plan.StatusUNDER_REVIEW {
				return nil, fault.Rule("R20", "Workers are chosen once the plan is agreed, and until it ends. Agree the plan first.")
			}
			if !settingService {
				if p.ServiceTeamID == nil {
					return nil, fault.Rule("R20", "Choose the reablement service first: workers come from the service that delivers the plan.")
				}
				serviceID = *p.ServiceTeamID
			}
			svc, err := m.Client().Team.Query().Where(team.ID(serviceID)).Only(ctx)
			if err != nil {
				return nil, attrNotFound(err, "service_team_id", "reablement service")
			}
			if svc.Kind != team.KindREABLEMENT {
				return nil, fault.InvalidAttr("service_team_id", "%s is not a reablement service. Choose the reablement service that will deliver the plan.", svc.Name)
			}
			if len(added) == 0 {
				return next.Mutate(ctx, m)
			}
			workers, err := m.Client().Account.Query().Where(account.IDIn(added...)).WithTeams().All(ctx)
			if err != nil {
				return nil, err
			}
			needs := needsOf(p.Edges.Person)
			var problems []fault.Problem
			for _, id := range added {
				i := slices.IndexFunc(workers, func(a *gen.Account) bool { return a.ID == id })
				if i < 0 {
					return nil, &fault.Error{Code: fault.NotFound, Attr: "workers", Message: "No worker with that id, or none you have a basis to see. Choose one from the service's workers."}
				}
				w := workers[i]
				inService := slices.ContainsFunc(w.Edges.Teams, func(t *gen.Team) bool { return t.ID == serviceID })
				if !slices.Contains(w.Roles, policy.Worker) || !inService {
					problems = append(problems, fault.Problem{Field: "workers", Rule: "R20", Section: "VISITS", Message: w.DisplayName + " is not a reablement worker of " + svc.Name + ". Choose the service's own workers."})
					continue
				}
				if trained, reasons := careact.MatchWorker(needs, w.Trainings); !trained {
					problems = append(problems, fault.Problem{Field: "workers", Rule: "R32", Section: "VISITS", Message: w.DisplayName + ": " + strings.Join(reasons, " ")})
				}
			}
			if len(problems) > 0 {
				return nil, fault.Rule(problems[0].Rule, "These workers cannot visit this person. Choose workers of the service with the training the person needs.", problems...)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// needsOf is what a person's needs ask of a worker's training (R32).
func needsOf(p *gen.Person) careact.Needs {
	if p == nil {
		return careact.Needs{}
	}
	name := p.PreferredName
	if name == "" {
		name = "the person"
	}
	return careact.Needs{Name: name, Autism: p.Autism, Deafblind: p.Deafblind}
}

// Period holds a plan's planned start and end to R9 whoever sets them: the
// end no later than the authority's maximum period counted from the
// planned start (or today, when none is planned), and, once the plan is
// agreed, moved only with a reason, before reablement commences. A status
// change (commencement sets the dates itself) passes to Lifecycle.
func Period() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PlanFunc(func(ctx context.Context, m *gen.PlanMutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			newStart, settingStart := m.PlannedStart()
			newEnd, settingEnd := m.PlannedEnd()
			if _, changing := m.Status(); v == nil || v.IsSystem() || changing || (!settingStart && !settingEnd) {
				return next.Mutate(ctx, m)
			}
			status, start, end := plan.StatusDRAFT, (*time.Time)(nil), (*time.Time)(nil)
			var authorityID pulid.ID = v.Authority()
			if m.Op().Is(ent.OpUpdateOne) {
				id, _ := m.ID()
				old, err := m.Client().Plan.Get(ctx, id)
				if err != nil {
					return nil, notFound(err, "plan")
				}
				status, start, end, authorityID = old.Status, old.PlannedStart, old.PlannedEnd, old.AuthorityID
			}
			if status != plan.StatusDRAFT && status != plan.StatusAGREED {
				return next.Mutate(ctx, m) // after commencement the period changes through reviews and amendments
			}
			if status == plan.StatusAGREED && settingEnd && end != nil && !end.Equal(newEnd) { // moving it; setting a first end is not
				if reason, ok := m.PlannedEndReason(); !ok || strings.TrimSpace(reason) == "" {
					return nil, &fault.Error{Code: fault.RuleViolation, Rule: "R9", Attr: "planned_end_reason",
						Message: "The plan is agreed: say why the planned end moves, so the person and everyone with a copy know."}
				}
			}
			if settingStart {
				start = &newStart
			}
			if settingEnd {
				end = &newEnd
			}
			if end == nil {
				return next.Mutate(ctx, m)
			}
			from := v.Today()
			if start != nil {
				from = *start
			}
			settings, err := settingsOf(ctx, m.Client(), authorityID)
			if err != nil {
				return nil, err
			}
			if err := careact.CheckPeriod(settings, from, *end); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

func settingsOf(ctx context.Context, client *gen.Client, authorityID pulid.ID) (careact.Settings, error) {
	a, err := client.Authority.Get(ctx, authorityID)
	if err != nil {
		return careact.Settings{}, err
	}
	return careact.Settings{MaxWeeks: a.MaxReablementWeeks, FirstReviewDays: a.FirstReviewDays, NonChargeableWeeks: a.NonChargeableWeeks}, nil
}

// WorkerRisk holds the records of a risk to the worker to R31, whoever
// writes them: an environment risk assessment says what it found, and only
// a risk to the worker has one; a registered manager's confirmation says
// what they checked, comes after the environment assessment where the
// evidence called for one, and is given once.
func WorkerRisk() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.RiskFunc(func(ctx context.Context, m *gen.RiskMutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			findings, assessing := m.EnvironmentAssessmentFindings()
			_, confirming := m.MitigationConfirmedAt()
			if v == nil || v.IsSystem() || isSuperseding(ctx) || (!assessing && !confirming) {
				return next.Mutate(ctx, m)
			}
			id, _ := m.ID()
			r, err := m.Client().Risk.Get(ctx, id)
			if err != nil {
				return nil, notFound(err, "risk")
			}
			if r.Kind != risk.KindTO_WORKER {
				return nil, fault.Rule("R31", "Only a risk to the worker has an environment assessment and a registered manager's confirmation.")
			}
			if assessing && strings.TrimSpace(findings) == "" {
				return nil, &fault.Error{Code: fault.InvalidInput, Attr: "environment_assessment_findings", Rule: "R31", Message: "Say what the environment risk assessment found and what was put in place."}
			}
			if confirming {
				checked, _ := m.MitigationChecked()
				_, assessedNow := m.EnvironmentAssessmentDoneAt()
				switch {
				case r.MitigationConfirmedAt != nil:
					return nil, fault.Rule("R31", "This risk to the worker is already confirmed as mitigated.")
				case r.EnvironmentAssessmentRequired && r.EnvironmentAssessmentDoneAt == nil && !assessedNow:
					return nil, fault.Rule("R31", "The environment risk assessment has not been recorded yet. Ask the practitioner to record it, then confirm.")
				case strings.TrimSpace(checked) == "":
					return nil, &fault.Error{Code: fault.InvalidInput, Attr: "mitigation_checked", Rule: "R31", Message: "Say what you checked before confirming the risk is mitigated."}
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// GenerateVisits makes an agreed plan's visit schedule (R10): from the
// agreed frequency (or the times given) and duration, on each visiting day
// from the planned start (or today, if later) to the planned end (or the
// end of the maximum period, R9), shared among the plan's workers, a day's
// round each. It is done once: when the schedule exists, it returns the
// plan unchanged, so a retried request never doubles the visits; single
// visits are then moved, added or cancelled one by one. The plan's update
// comes first, under its revision, so two requests at once cannot both
// make a schedule. Today's round is made whole even if some of it is
// already past, so the worker's day shows every visit to record.
func GenerateVisits(ctx context.Context, client *gen.Client, id pulid.ID, expectedRevision int, times []string) (*gen.Plan, error) {
	p, err := client.Plan.Query().Where(plan.ID(id)).WithPerson().
		WithWorkers(func(q *gen.AccountQuery) { q.Order(gen.Asc(account.FieldDisplayName), gen.Asc(account.FieldID)) }).Only(ctx)
	if err != nil {
		return nil, notFound(err, "plan")
	}
	if p.VisitsGeneratedAt != nil {
		return p, nil
	}
	v := viewer.FromContext(ctx)
	if p.Status != plan.StatusAGREED && p.Status != plan.StatusACTIVE {
		return nil, fault.Rule("R10", "Visits are scheduled from an agreed plan. Agree the plan first.")
	}
	var problems []fault.Problem
	missing := func(ok bool, rule, field, msg string) {
		if !ok {
			problems = append(problems, fault.Problem{Field: field, Message: msg, Rule: rule, Section: "VISITS"})
		}
	}
	missing(p.ServiceTeamID != nil, "R20", "serviceTeam", "Choose the reablement service that will deliver the plan.")
	missing(len(p.Edges.Workers) > 0, "R32", "workers", "Choose the workers who will visit, trained for the person's needs.")
	missing(p.VisitDurationMinutes != nil && *p.VisitDurationMinutes > 0, "R10", "visitDurationMinutes", "The plan does not say how long visits last.")
	days := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	if freq, err := careact.ParseFrequency(p.VisitFrequency); err == nil {
		days = freq.Days
		if len(times) == 0 {
			times = careact.DefaultTimes(freq.PerDay)
		}
	} else if len(times) == 0 {
		missing(false, "R10", "times", "The agreed frequency (“"+p.VisitFrequency+"”) does not say plainly how many visits a day or a week: give the times of day for visits.")
	}
	if len(problems) > 0 {
		return nil, fault.Rule(problems[0].Rule, "The visit schedule cannot be made yet: "+problems[0].Message, problems...)
	}
	settings, err := settingsOf(ctx, client, p.AuthorityID)
	if err != nil {
		return nil, err
	}
	today := v.Today()
	start := today
	if p.PlannedStart != nil {
		start = *p.PlannedStart
	}
	end := careact.MaxEnd(settings, start)
	if p.PlannedEnd != nil {
		end = *p.PlannedEnd
	}
	from := start
	if from.Before(today) {
		from = today
	}
	slots, err := careact.Schedule{Days: days, Times: times, From: from, To: end, Location: v.Location, Workers: len(p.Edges.Workers)}.Slots()
	if err != nil {
		return nil, err
	}
	if len(slots) == 0 {
		return nil, fault.Rule("R10", "No visiting day falls between the planned start and the planned end. Move the planned end, or give the visits' days.")
	}
	u := client.Plan.UpdateOneID(p.ID).SetVisitsGeneratedAt(v.Now)
	if p.PlannedStart == nil {
		u.SetPlannedStart(start)
	}
	if p.PlannedEnd == nil {
		u.SetPlannedEnd(end)
	}
	updated, err := u.Save(ExpectRevision(ctx, expectedRevision))
	if err != nil {
		return nil, err
	}
	builders := make([]*gen.VisitCreate, len(slots))
	for i, s := range slots {
		builders[i] = client.Visit.Create().SetPlanID(p.ID).SetWorkerID(p.Edges.Workers[s.Worker].ID).
			SetStartsAt(s.StartsAt).SetDurationMinutes(*p.VisitDurationMinutes)
	}
	if err := client.Visit.CreateBulk(builders...).Exec(ctx); err != nil {
		return nil, err
	}
	return updated, nil
}

// WorkerMatch is one worker who could deliver a plan, matched on training
// against the person's needs (R32).
type WorkerMatch struct {
	Worker  *gen.Account
	Service *gen.Team
	Trained bool
	Reasons []string
}

// WorkerMatches lists the workers of the authority's reablement services,
// each matched on training against the person's needs by the same rule
// Staffing applies, trained workers first, then by name.
func WorkerMatches(ctx context.Context, client *gen.Client, p *gen.Plan) ([]WorkerMatch, error) {
	person, err := client.Person.Get(ctx, p.PersonID)
	if err != nil {
		return nil, notFound(err, "person")
	}
	services, err := client.Team.Query().Where(team.KindEQ(team.KindREABLEMENT)).WithMembers().Order(gen.Asc(team.FieldName)).All(ctx)
	if err != nil {
		return nil, err
	}
	needs := needsOf(person)
	var out []WorkerMatch
	for _, svc := range services {
		for _, w := range svc.Edges.Members {
			if !slices.Contains(w.Roles, policy.Worker) || !w.Active {
				continue
			}
			trained, reasons := careact.MatchWorker(needs, w.Trainings)
			out = append(out, WorkerMatch{Worker: w, Service: svc, Trained: trained, Reasons: reasons})
		}
	}
	slices.SortStableFunc(out, func(a, b WorkerMatch) int {
		if a.Trained != b.Trained {
			if a.Trained {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Worker.DisplayName, b.Worker.DisplayName)
	})
	return out, nil
}

// scheduledVisits counts a plan's visits that are not cancelled (R10).
func scheduledVisits(vs []*gen.Visit) int {
	n := 0
	for _, v := range vs {
		if v.Status != visit.StatusCANCELLED {
			n++
		}
	}
	return n
}
