package rule

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/careact"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/risk"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// Lifecycle holds every status change of a plan to R2 and the duties
// around it (ent/careact): agreeing needs R1, R3, R7 and R30; commencing
// needs R31, R32 and R9, and sets the first review (R11) and the chargeable
// date (R9). Whatever entry point changes a status passes here.
func Lifecycle() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PlanFunc(func(ctx context.Context, m *gen.PlanMutation) (ent.Value, error) {
			if err := writtenRecord(ctx, m); err != nil {
				return nil, err
			}
			to, changing := m.Status()
			if !changing {
				return next.Mutate(ctx, m)
			}
			from, err := m.OldStatus(ctx)
			if err != nil {
				return nil, err
			}
			if to == plan.StatusSUPERSEDED && isSuperseding(ctx) {
				return next.Mutate(ctx, m) // an agreed amendment (R25), never a status change
			}
			if err := careact.Transition(careact.Status(from), careact.Status(to)); err != nil {
				return nil, err
			}
			now := viewer.Now(ctx)
			if v := viewer.FromContext(ctx); v != nil {
				now = v.Now
			}
			id, _ := m.ID()
			switch to {
			case plan.StatusAGREED, plan.StatusACTIVE:
				facts, settings, err := planFacts(ctx, m.Client(), id)
				if err != nil {
					return nil, err
				}
				if to == plan.StatusAGREED {
					if err := careact.CanAgree(facts); err != nil {
						return nil, err
					}
					m.SetAgreedAt(now)
					// An amendment draft, once agreed, replaces the version it
					// amends (R25, R26) and takes over its place in the plan's life.
					if p, err := m.Client().Plan.Get(ctx, id); err != nil {
						return nil, err
					} else if p.SupersedesID != nil && from == plan.StatusDRAFT {
						status, err := Supersede(ctx, m.Client(), p, now)
						if err != nil {
							return nil, err
						}
						m.SetStatus(status)
					}
					break
				}
				if err := careact.CanCommence(facts, settings, now); err != nil {
					return nil, err
				}
				m.SetCommencedAt(now)
				// R9 counts from the plan's start (the planned start, or
				// today when none was planned); R11 from commencement.
				start := careact.Start(facts, dateOf(now))
				if facts.PlannedStart == nil {
					m.SetPlannedStart(start)
				}
				p, _ := m.Client().Plan.Get(ctx, id)
				if p.FirstReviewDue == nil {
					m.SetFirstReviewDue(careact.FirstReviewDue(settings, dateOf(now)))
				}
				if p.PlannedEnd == nil {
					m.SetPlannedEnd(careact.MaxEnd(settings, start))
				}
				m.SetChargeableFrom(careact.ChargeableFrom(settings, start))
			case plan.StatusENDED, plan.StatusREFUSED, plan.StatusWITHDRAWN:
				if from == plan.StatusDRAFT {
					// An amendment draft is not a plan of its own (R25): the
					// person's plan is the version it amends.
					if p, err := m.Client().Plan.Get(ctx, id); err != nil {
						return nil, err
					} else if p.SupersedesID != nil {
						return nil, fault.Rule("R25", "This is an amendment draft, not a plan of its own: agree it once the change is made. To stop reablement, end the version in force.")
					}
				}
				if err := canEnd(ctx, m, to); err != nil {
					return nil, err
				}
				m.SetEndedAt(now)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

func dateOf(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// planFacts reads what the duties need about one plan version and its person.
func planFacts(ctx context.Context, client *gen.Client, id pulid.ID) (careact.Plan, careact.Settings, error) {
	var f careact.Plan
	p, err := client.Plan.Query().Where(plan.ID(id)).
		WithPerson().WithNeeds().WithInvolvements().WithReviewResponsible().
		WithOutcomes(func(q *gen.OutcomeQuery) { q.WithSteps() }).
		WithRisks(func(q *gen.RiskQuery) { q.WithContingencies() }).
		WithVisits(func(q *gen.VisitQuery) { q.WithWorker() }).WithWorkers().
		Only(ctx)
	if err != nil {
		return f, careact.Settings{}, notFound(err, "plan")
	}
	a, err := client.Authority.Get(ctx, p.AuthorityID)
	if err != nil {
		return f, careact.Settings{}, err
	}
	person := p.Edges.Person
	f.Needs, f.Outcomes, f.Involvements = len(p.Edges.Needs), len(p.Edges.Outcomes), len(p.Edges.Involvements)
	for _, o := range p.Edges.Outcomes {
		if o.TargetDate == nil && len(o.Edges.Steps) == 0 {
			f.OutcomesWithoutTarget++
		}
	}
	f.VisitFrequency, f.WorkerTasks, f.OtherSupport, f.NoOtherSupport = p.VisitFrequency, p.WorkerTasks, p.OtherSupport, p.NoOtherSupport
	if p.VisitDurationMinutes != nil {
		f.VisitDurationMinutes = *p.VisitDurationMinutes
	}
	f.ReviewFrequency, f.ReviewResponsible = p.ReviewFrequency, p.ReviewResponsibleID != nil
	f.InterimMeasures, f.PlannedStart, f.PlannedEnd = p.InterimMeasures, p.PlannedStart, p.PlannedEnd
	f.ServiceChosen, f.Workers, f.ScheduledVisits = p.ServiceTeamID != nil, len(p.Edges.Workers), scheduledVisits(p.Edges.Visits)
	for _, r := range p.Edges.Risks {
		switch r.Kind {
		case risk.KindTO_PLAN:
			if len(r.Edges.Contingencies) == 0 {
				f.PlanRisksWithoutContingency = append(f.PlanRisksWithoutContingency, r.Description)
			}
		case risk.KindTO_WORKER:
			f.WorkerRisks = append(f.WorkerRisks, careact.WorkerRisk{Description: r.Description, Confirmed: r.MitigationConfirmedAt != nil,
				EnvironmentAssessmentRequired: r.EnvironmentAssessmentRequired, EnvironmentAssessmentDone: r.EnvironmentAssessmentDoneAt != nil})
		}
	}
	f.SubstantialDifficulty, f.AppropriatePerson = person.SubstantialDifficulty, person.AppropriatePerson != ""
	f.AdvocateInPlace = person.Advocacy == "IN_PLACE"
	// R32: the workers assigned to the plan, and those of its visits still
	// to happen or happened (a cancelled visit sends nobody).
	seen := map[string]bool{}
	needs := needsOf(person)
	check := func(w *gen.Account) {
		if w == nil || seen[w.DisplayName] {
			return
		}
		if trained, _ := careact.MatchWorker(needs, w.Trainings); !trained {
			seen[w.DisplayName] = true
			f.VisitWorkersUntrained = append(f.VisitWorkersUntrained, w.DisplayName)
		}
	}
	for _, w := range p.Edges.Workers {
		check(w)
	}
	for _, v := range p.Edges.Visits {
		if v.Status != "CANCELLED" {
			check(v.Edges.Worker)
		}
	}
	return f, careact.Settings{MaxWeeks: a.MaxReablementWeeks, FirstReviewDays: a.FirstReviewDays, NonChargeableWeeks: a.NonChargeableWeeks}, nil
}

// canEnd applies R2, R14 and R15 to ending a plan: an ended plan says why;
// a person who does not wish to proceed has that confirmed in writing, and
// whoever referred them is told; a withdrawal records the manager's
// decision and the person's and carer's views, confirmed in writing.
func canEnd(ctx context.Context, m *gen.PlanMutation, to plan.Status) error {
	old, err := m.Client().Plan.Query().Where(plan.ID(mustID(m))).WithPerson().Only(ctx)
	if err != nil {
		return notFound(err, "plan")
	}
	reason, hasReason := m.EndReason()
	if !hasReason && old.EndReason != nil {
		reason, hasReason = *old.EndReason, true
	}
	_, confirmed := m.WrittenConfirmationAt()
	confirmed = confirmed || old.WrittenConfirmationAt != nil
	_, notified := m.ReferrerNotifiedAt()
	notified = notified || old.ReferrerNotifiedAt != nil
	notes, _ := m.EndNotes()
	notes += old.EndNotes
	var problems []fault.Problem
	missing := func(ok bool, rule, field, msg string) {
		if !ok {
			problems = append(problems, fault.Problem{Field: field, Message: msg, Rule: rule})
		}
	}
	rule := "R2"
	switch to {
	case plan.StatusENDED:
		missing(hasReason, "R2", "reason", "Say why the plan ended.")
		if hasReason && reason == plan.EndReasonPERSON_NO_LONGER_WISHES {
			rule = "R14"
			missing(confirmed, "R14", "writtenConfirmationAt", "Confirm in writing that the person no longer wishes to continue.")
		}
	case plan.StatusREFUSED:
		rule = "R14"
		missing(confirmed, "R14", "writtenConfirmationAt", "Confirm the information and advice given in writing to the person.")
		missing(old.Edges.Person.ReferralSource == "" || notified, "R14", "referrerNotifiedAt", "Tell whoever asked for reablement that the person does not wish to proceed.")
	case plan.StatusWITHDRAWN:
		rule = "R15"
		missing(strings.TrimSpace(notes) != "", "R15", "notes", "Record the manager's decision and the person's and carer's views, and the impact on wellbeing.")
		missing(confirmed, "R15", "writtenConfirmationAt", "Confirm the withdrawal in writing.")
	}
	if len(problems) > 0 {
		return fault.Rule(rule, "The plan cannot be ended yet: "+problems[0].Message, problems...)
	}
	return nil
}

func mustID(m *gen.PlanMutation) pulid.ID {
	id, _ := m.ID()
	return id
}

// Readiness says what still stops a plan version being agreed and being
// commenced, by the very checks agreePlan and commencePlan make (R1, R3,
// R7, R30; R31, R32, R9), so a screen can list what is missing before
// anyone presses the button.
func Readiness(ctx context.Context, client *gen.Client, id pulid.ID, now time.Time) (agree, commence []fault.Problem, err error) {
	facts, settings, err := planFacts(ctx, client, id)
	if err != nil {
		return nil, nil, err
	}
	return problemsOf(careact.CanAgree(facts)), problemsOf(careact.CanCommence(facts, settings, now)), nil
}

// problemsOf lists a refusal's problems; a refusal without any is one.
func problemsOf(err error) []fault.Problem {
	if err == nil {
		return []fault.Problem{}
	}
	if f, ok := fault.As(err); ok {
		if len(f.Problems) > 0 {
			return f.Problems
		}
		return []fault.Problem{{Message: f.Message, Rule: f.Rule}}
	}
	return []fault.Problem{{Message: err.Error()}}
}

// writtenRecord holds R13 and R4 when a written record is recorded: it is
// a record of the plan as agreed, so a draft has none, and it says which
// format the person was given.
func writtenRecord(ctx context.Context, m *gen.PlanMutation) error {
	if _, giving := m.WrittenRecordAt(); !giving {
		return nil
	}
	if format, _ := m.WrittenRecordFormat(); strings.TrimSpace(format) == "" {
		return fault.Rule("R13", "Say which format the person was given, for example large print.",
			fault.Problem{Field: "format", Message: "Say which format the written record was given in.", Rule: "R13"})
	}
	if status, err := m.OldStatus(ctx); err != nil {
		return err
	} else if status == plan.StatusDRAFT {
		return fault.Rule("R13", "The written record is of the agreed plan. Agree the plan first, then print the person's copy.")
	}
	return nil
}
