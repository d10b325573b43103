package rule

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/amendment"
	"reablement/ent/careact"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/ent/visit"
)

type supersedingKey struct{}

// AmendmentRules holds every amendment decision to R25 and R26, whatever
// makes it: a decision is made once, with reasons and the evidence
// reviewed, after consulting the person when someone else asked; a decline
// records that the person was told of their right to complain; an agreed
// amendment opens the next version as a DRAFT (outcomes, steps, risks,
// contingencies, needs and involvement carried over) in which the requested
// change is made section by section. The earlier version stays in force
// until that draft is agreed (Supersede), so an agreed request never
// produces a copy that is already agreed but does not yet say what was
// asked for.
func AmendmentRules() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.AmendmentFunc(func(ctx context.Context, m *gen.AmendmentMutation) (ent.Value, error) {
			decision, deciding := m.Decision()
			if !deciding {
				return next.Mutate(ctx, m)
			}
			id, _ := m.ID()
			client := m.Client()
			a, err := client.Amendment.Get(ctx, id)
			if err != nil {
				return nil, notFound(err, "amendment request")
			}
			if a.Decision != amendment.DecisionPENDING {
				return nil, fault.Rule("R25", "This amendment request has already been decided. Reload the plan to see the decision.")
			}
			var problems []fault.Problem
			missing := func(ok bool, field, msg string) {
				if !ok {
					problems = append(problems, fault.Problem{Field: field, Message: msg, Rule: "R25"})
				}
			}
			reason, _ := m.DecisionReason()
			evidence, _ := m.EvidenceReviewed()
			missing(strings.TrimSpace(reason) != "", "reason", "Record the reasons for the decision.")
			missing(strings.TrimSpace(evidence+a.EvidenceReviewed) != "", "evidenceReviewed", "Record the evidence reviewed.")
			if a.RequestedBy != amendment.RequestedByPERSON {
				_, consulting := m.PersonConsultedAt()
				missing(a.PersonConsultedAt != nil || consulting, "personConsultedAt", "Someone other than the person asked: consult the person first.")
			}
			if decision == amendment.DecisionDECLINED {
				_, told := m.ComplaintRightToldAt()
				missing(told || a.ComplaintRightToldAt != nil, "toldOfRightToComplain", "Tell the person of their right to complain, and record it.")
			}
			if len(problems) > 0 {
				return nil, fault.Rule("R25", "The amendment cannot be decided yet: "+problems[0].Message, problems...)
			}
			now := viewer.Now(ctx)
			m.SetDecidedAt(now)
			if decision == amendment.DecisionAGREED {
				v2, err := openDraft(ctx, client, a)
				if err != nil {
					return nil, err
				}
				m.SetResultingPlanID(v2)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// openDraft writes the next version of a's plan as an amendment draft: a
// copy of the current version's content, to be changed and then agreed.
// Only the newest version of an episode can be amended, and only one
// amendment draft is open at a time.
func openDraft(ctx context.Context, client *gen.Client, a *gen.Amendment) (pulid.ID, error) {
	old, err := client.Plan.Query().Where(plan.ID(a.PlanID)).
		WithNeeds().WithInvolvements().WithWorkers().
		WithOutcomes(func(q *gen.OutcomeQuery) { q.WithSteps() }).
		WithRisks(func(q *gen.RiskQuery) { q.WithContingencies() }).
		Only(ctx)
	if err != nil {
		return "", notFound(err, "plan")
	}
	if old.Status == plan.StatusSUPERSEDED {
		return "", fault.Rule("R25", "This version has already been superseded; amend the current version.")
	}
	if !careact.InProgress(careact.Status(old.Status)) || old.Status == plan.StatusDRAFT {
		return "", fault.Rule("R25", "Only an agreed plan that is still in progress is amended; a draft is changed directly, and an ended plan is not changed.")
	}
	// Plans the viewer cannot see still hold the version number: allow the lookup.
	if next, err := client.Plan.Query().Where(plan.SupersedesID(old.ID)).Only(privacy.DecisionContext(ctx, privacy.Allow)); err == nil {
		return "", fault.Rule("R25", fmt.Sprintf("Version %d is already open as an amendment draft. Make this change there too, or agree that draft first.", next.Version))
	} else if !gen.IsNotFound(err) {
		return "", err
	}
	c := client.Plan.Create().SetPersonID(old.PersonID).SetEpisode(old.Episode).SetVersion(old.Version + 1).SetSupersedesID(old.ID).SetStatus(plan.StatusDRAFT).
		SetVisitFrequency(old.VisitFrequency).SetNillableVisitDurationMinutes(old.VisitDurationMinutes).
		SetWorkerTasks(old.WorkerTasks).SetFluctuatingNeeds(old.FluctuatingNeeds).SetOtherSupport(old.OtherSupport).
		SetNoOtherSupport(old.NoOtherSupport).SetReviewFrequency(old.ReviewFrequency).SetNillableReviewResponsibleID(old.ReviewResponsibleID).
		SetNillableFirstReviewDue(old.FirstReviewDue).SetNillablePlannedStart(old.PlannedStart).SetNillablePlannedEnd(old.PlannedEnd).
		SetNillableChargeableFrom(old.ChargeableFrom).SetAccessibleFormats(old.AccessibleFormats).
		SetInterimMeasures(old.InterimMeasures).SetNillableServiceTeamID(old.ServiceTeamID).
		SetNillableCommencedAt(old.CommencedAt).
		SetPlannedEndReason(old.PlannedEndReason).SetNillableVisitsGeneratedAt(old.VisitsGeneratedAt)
	// Not carried: agreement (the draft is agreed in its own right) and the
	// written record (R13: the person is given the new version too).
	for _, w := range old.Edges.Workers {
		c.AddWorkerIDs(w.ID)
	}
	for _, n := range old.Edges.Needs {
		c.AddNeedIDs(n.ID)
	}
	v2, err := c.Save(ctx)
	if err != nil {
		return "", err
	}
	for _, o := range old.Edges.Outcomes {
		no, err := client.Outcome.Create().SetPlanID(v2.ID).SetStatement(o.Statement).SetKind(o.Kind).SetDomain(o.Domain).
			SetSupportRequired(o.SupportRequired).SetMeasure(o.Measure).SetNillableTargetDate(o.TargetDate).
			SetAchievement(o.Achievement).SetPosition(o.Position).Save(ctx)
		if err != nil {
			return "", err
		}
		for _, s := range o.Edges.Steps {
			if err := client.OutcomeStep.Create().SetOutcomeID(no.ID).SetDescription(s.Description).SetPosition(s.Position).
				SetNillableTargetDate(s.TargetDate).SetStatus(s.Status).Exec(ctx); err != nil {
				return "", err
			}
		}
	}
	for _, r := range old.Edges.Risks {
		nr, err := client.Risk.Create().SetPlanID(v2.ID).SetKind(r.Kind).SetNillableCategory(r.Category).SetDescription(r.Description).
			SetWellbeingImpact(r.WellbeingImpact).SetLikelihood(r.Likelihood).SetLikelihoodEvidence(r.LikelihoodEvidence).
			SetBenefits(r.Benefits).SetStrategy(r.Strategy).SetEnvironmentAssessmentRequired(r.EnvironmentAssessmentRequired).
			SetNillableEnvironmentAssessmentDoneAt(r.EnvironmentAssessmentDoneAt).SetEnvironmentAssessmentFindings(r.EnvironmentAssessmentFindings).Save(superseding(ctx))
		if err != nil {
			return "", err
		}
		if r.MitigationConfirmedAt != nil { // the confirmation carries over with the risk
			if err := client.Risk.UpdateOneID(nr.ID).SetNillableMitigationConfirmedAt(r.MitigationConfirmedAt).
				SetNillableMitigationConfirmedByID(r.MitigationConfirmedByID).SetMitigationChecked(r.MitigationChecked).Exec(superseding(ctx)); err != nil {
				return "", err
			}
		}
		for _, cg := range r.Edges.Contingencies {
			if err := client.Contingency.Create().SetRiskID(nr.ID).SetMeasures(cg.Measures).SetTrigger(cg.Trigger).
				SetWhoActs(cg.WhoActs).Exec(ctx); err != nil {
				return "", err
			}
		}
	}
	for _, in := range old.Edges.Involvements {
		if err := client.Involvement.Create().SetPlanID(v2.ID).SetName(in.Name).SetRelationship(in.Relationship).
			SetBasis(in.Basis).Exec(ctx); err != nil {
			return "", err
		}
	}
	return v2.ID, nil
}

// Supersede is the other half of an agreed amendment (R25, R26), run when
// its draft is agreed: the earlier version is superseded for ever, the
// scheduled visits work to the new one, and every share of the earlier
// version is re-circulated with the same scope unless the person asked
// otherwise, each a recorded share. It returns the status the new version
// takes: reablement that had commenced goes on under it.
func Supersede(ctx context.Context, client *gen.Client, draft *gen.Plan, now time.Time) (plan.Status, error) {
	// The caller's expected revision was for the draft, not for these rows.
	ctx = context.WithValue(ctx, revisionKey{}, nil)
	old, err := client.Plan.Query().Where(plan.ID(*draft.SupersedesID)).
		WithShares(func(q *gen.ShareQuery) { q.WithConsent() }).
		Only(ctx)
	if err != nil {
		return "", notFound(err, "plan")
	}
	status, err := careact.Amended(careact.Status(old.Status))
	if err != nil {
		return "", err
	}
	a, err := client.Amendment.Query().Where(amendment.ResultingPlanID(draft.ID)).First(ctx)
	if err != nil && !gen.IsNotFound(err) {
		return "", err
	}
	noRecirculation := a != nil && a.NoRecirculation
	// Visits not yet recorded, from the start of today, now work to the new
	// version: a worker recording this morning's visit this afternoon marks
	// the steps of the plan in force, so what they record flows back to it.
	from := now
	if v := viewer.FromContext(ctx); v != nil {
		from, _ = v.Day(time.Time{})
	}
	upcoming, err := client.Visit.Query().Where(visit.PlanID(old.ID), visit.StatusEQ(visit.StatusSCHEDULED), visit.StartsAtGTE(from)).IDs(ctx)
	if err != nil {
		return "", err
	}
	for _, vid := range upcoming {
		if err := client.Visit.UpdateOneID(vid).SetPlanID(draft.ID).Exec(ctx); err != nil {
			return "", err
		}
	}
	// R26: the new version goes to everyone who held the old one, with the
	// same scope, unless the person asked otherwise; each is a recorded share.
	for _, s := range old.Edges.Shares {
		active := s.Decision != "DECLINED" && s.RevokedAt == nil && (s.ExpiresAt == nil || s.ExpiresAt.After(now)) &&
			(s.Edges.Consent == nil || s.Edges.Consent.WithdrawnAt == nil)
		if !active || (noRecirculation && s.RecipientKind != "PROVIDER") {
			continue
		}
		if err := client.Share.Create().SetPlanID(draft.ID).SetRecipientKind(s.RecipientKind).SetRecipientName(s.RecipientName).
			SetNillableRecipientAccountID(s.RecipientAccountID).SetBasis(s.Basis).SetSections(s.Sections).SetDecision(s.Decision).
			SetDecisionReason(s.DecisionReason).SetManagerAdvice(s.ManagerAdvice).SetRequestedByPerson(s.RequestedByPerson).
			SetNillableConsentID(s.ConsentID).SetMethod(s.Method).SetNillableExpiresAt(s.ExpiresAt).
			SetRecirculatedFromID(s.ID).SetSharedAt(now).Exec(ctx); err != nil {
			return "", err
		}
	}
	if err := client.Plan.UpdateOneID(old.ID).SetStatus(plan.StatusSUPERSEDED).Exec(superseding(ctx)); err != nil {
		return "", err
	}
	return plan.Status(status), nil
}

// superseding marks the one change allowed to supersede a version, and to
// carry a registered manager's R31 confirmation over to the new version.
func superseding(ctx context.Context) context.Context {
	return context.WithValue(ctx, supersedingKey{}, true)
}

func isSuperseding(ctx context.Context) bool {
	b, _ := ctx.Value(supersedingKey{}).(bool)
	return b
}
