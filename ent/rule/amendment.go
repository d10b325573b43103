package rule

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/amendment"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/ent/visit"
)

type supersedingKey struct{}

// AmendmentRules holds every amendment decision to R25 and R26, whatever
// makes it: a decision is made once, with reasons and the evidence
// reviewed, after consulting the person when someone else asked; a decline
// records that the person was told of their right to complain; an agreed
// amendment produces the next version (outcomes, steps, risks,
// contingencies, needs and involvement carried over), supersedes the old one
// for ever, moves scheduled visits to it, and re-circulates every share of
// the old version with the same scope unless the person asked otherwise.
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
				v2, err := newVersion(ctx, client, a, now)
				if err != nil {
					return nil, err
				}
				m.SetResultingPlanID(v2)
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// newVersion writes the next version of a's plan and supersedes the old one.
func newVersion(ctx context.Context, client *gen.Client, a *gen.Amendment, now time.Time) (pulid.ID, error) {
	old, err := client.Plan.Query().Where(plan.ID(a.PlanID)).
		WithNeeds().WithInvolvements().
		WithOutcomes(func(q *gen.OutcomeQuery) { q.WithSteps() }).
		WithRisks(func(q *gen.RiskQuery) { q.WithContingencies() }).
		WithShares(func(q *gen.ShareQuery) { q.WithConsent() }).
		Only(ctx)
	if err != nil {
		return "", notFound(err, "plan")
	}
	if old.Status == plan.StatusSUPERSEDED {
		return "", fault.Rule("R25", "This version has already been superseded; amend the current version.")
	}
	c := client.Plan.Create().SetPersonID(old.PersonID).SetEpisode(old.Episode).SetVersion(old.Version + 1).SetSupersedesID(old.ID).SetStatus(old.Status).
		SetVisitFrequency(old.VisitFrequency).SetNillableVisitDurationMinutes(old.VisitDurationMinutes).
		SetWorkerTasks(old.WorkerTasks).SetFluctuatingNeeds(old.FluctuatingNeeds).SetOtherSupport(old.OtherSupport).
		SetNoOtherSupport(old.NoOtherSupport).SetReviewFrequency(old.ReviewFrequency).SetNillableReviewResponsibleID(old.ReviewResponsibleID).
		SetNillableFirstReviewDue(old.FirstReviewDue).SetNillablePlannedStart(old.PlannedStart).SetNillablePlannedEnd(old.PlannedEnd).
		SetNillableChargeableFrom(old.ChargeableFrom).SetAccessibleFormats(old.AccessibleFormats).
		SetNillableWrittenRecordAt(old.WrittenRecordAt).SetWrittenRecordFormat(old.WrittenRecordFormat).
		SetInterimMeasures(old.InterimMeasures).SetNillableServiceTeamID(old.ServiceTeamID).
		SetNillableAgreedAt(old.AgreedAt).SetNillableCommencedAt(old.CommencedAt)
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
			SetNillableEnvironmentAssessmentDoneAt(r.EnvironmentAssessmentDoneAt).Save(superseding(ctx))
		if err != nil {
			return "", err
		}
		if r.MitigationConfirmedAt != nil { // the confirmation carries over with the risk
			if err := client.Risk.UpdateOneID(nr.ID).SetNillableMitigationConfirmedAt(r.MitigationConfirmedAt).
				SetNillableMitigationConfirmedByID(r.MitigationConfirmedByID).Exec(superseding(ctx)); err != nil {
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
	// Scheduled visits now work to the new version.
	upcoming, err := client.Visit.Query().Where(visit.PlanID(old.ID), visit.StatusEQ(visit.StatusSCHEDULED), visit.StartsAtGT(now)).IDs(ctx)
	if err != nil {
		return "", err
	}
	for _, vid := range upcoming {
		if err := client.Visit.UpdateOneID(vid).SetPlanID(v2.ID).Exec(ctx); err != nil {
			return "", err
		}
	}
	// R26: the new version goes to everyone who held the old one, with the
	// same scope, unless the person asked otherwise; each is a recorded share.
	for _, s := range old.Edges.Shares {
		active := s.Decision != "DECLINED" && s.RevokedAt == nil && (s.ExpiresAt == nil || s.ExpiresAt.After(now)) &&
			(s.Edges.Consent == nil || s.Edges.Consent.WithdrawnAt == nil)
		if !active || (a.NoRecirculation && s.RecipientKind != "PROVIDER") {
			continue
		}
		if err := client.Share.Create().SetPlanID(v2.ID).SetRecipientKind(s.RecipientKind).SetRecipientName(s.RecipientName).
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
	return v2.ID, nil
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
