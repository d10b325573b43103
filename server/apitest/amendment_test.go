package apitest_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"reablement/ent/plan"
	"reablement/ent/share"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// An agreed amendment produces version 2; version 1 stays readable and can
// never change; every holder of a version 1 share has a version 2 share with
// the same scope (issue 5, R25, R26).
func TestAgreedAmendmentMakesVersionTwoAndRecirculatesShares(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	teams := s.Account(t, "priya.practitioner").QueryTeams().IDsX(ctx)

	// An active plan of priya's team with shares, outcomes and risks.
	var v1 *planWithShares
	for _, p := range s.Client.Plan.Query().Where(plan.StatusEQ(plan.StatusACTIVE)).WithPerson().WithShares().WithOutcomes().WithRisks().AllX(ctx) {
		if slices.Contains(teams, p.Edges.Person.TeamID) && len(p.Edges.Shares) >= 2 && len(p.Edges.Outcomes) > 0 && len(p.Edges.Risks) > 0 {
			v1 = &planWithShares{id: string(p.ID), version: p.Version, outcomes: len(p.Edges.Outcomes), risks: len(p.Edges.Risks)}
			for _, sh := range p.Edges.Shares {
				if sh.Decision != share.DecisionDECLINED && sh.RevokedAt == nil {
					v1.holders = append(v1.holders, sh.RecipientName+"|"+sectionsKey(sh.Sections))
				}
			}
			break
		}
	}
	if v1 == nil {
		t.Fatal("no active plan in priya's team with shares, outcomes and risks")
	}

	req := mustCreate(t, s, priya, `mutation($in: CreateAmendmentInput!) { requestAmendment(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": v1.id, "requestedBy": "CARER", "requesterName": "Her daughter", "reason": "MISINTERPRETATION",
			"details": "The first outcome should say 'with my frame', not 'without help'."}})
	decide := `mutation($id: ID!, $d: AmendmentDecision!, $told: Boolean) { decideAmendment(id: $id, decision: $d, reason: "The OT's notes agree", evidenceReviewed: "OT assessment 3 May", toldOfRightToComplain: $told) { decision resultingPlan { id version status } } }`
	r := s.Do(t, priya, decide, map[string]any{"id": req.ID, "d": "AGREED"})
	if rule, fields := ruleOf(r); rule != "R25" || !slices.Contains(fields, "personConsultedAt") {
		t.Fatalf("deciding before consulting the person: %+v", r.Errors)
	}
	s.MustDo(t, priya, `mutation($id: ID!) { consultPersonOnAmendment(id: $id, personView: "Yes, I use my frame") { id } }`, map[string]any{"id": req.ID}, nil)
	var decided struct {
		DecideAmendment struct {
			ResultingPlan struct {
				ID      string
				Version int
				Status  string
			}
		}
	}
	s.MustDo(t, priya, decide, map[string]any{"id": req.ID, "d": "AGREED"}, &decided)
	v2 := decided.DecideAmendment.ResultingPlan
	if v2.Version != v1.version+1 || v2.Status != "ACTIVE" {
		t.Fatalf("version 2 is %+v", v2)
	}

	// Version 1: readable, superseded, unchangeable.
	var old struct {
		Node struct {
			Status       string
			SupersededBy struct{ ID string }
			Outcomes     struct {
				Edges []struct {
					Node struct{ ID, Statement string }
				}
			}
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { status supersededBy { id } outcomes { edges { node { id statement } } } } } }`, map[string]any{"id": v1.id}, &old)
	if old.Node.Status != "SUPERSEDED" || old.Node.SupersededBy.ID != v2.ID || len(old.Node.Outcomes.Edges) != v1.outcomes {
		t.Fatalf("version 1 after the amendment: %+v", old.Node)
	}
	rev := s.Client.Plan.GetX(ctx, toID(v1.id)).Revision
	attempts := map[string]struct {
		q    string
		vars map[string]any
	}{
		"update the plan":     {`mutation($id: ID!, $rev: Int!) { updatePlan(id: $id, expectedRevision: $rev, input: {workerTasks: "x"}) { id } }`, map[string]any{"id": v1.id, "rev": rev}},
		"edit an outcome":     {`mutation($id: ID!) { updateOutcome(id: $id, input: {statement: "x"}) { id } }`, map[string]any{"id": old.Node.Outcomes.Edges[0].Node.ID}},
		"delete an outcome":   {`mutation($id: ID!) { deleteOutcome(id: $id) }`, map[string]any{"id": old.Node.Outcomes.Edges[0].Node.ID}},
		"add a risk":          {`mutation($id: ID!) { createRisk(input: {planID: $id, kind: TO_PLAN, description: "x"}) { id } }`, map[string]any{"id": v1.id}},
		"agree it again":      {`mutation($id: ID!, $rev: Int!) { agreePlan(id: $id, expectedRevision: $rev) { id } }`, map[string]any{"id": v1.id, "rev": rev}},
		"amend it a 2nd time": {`mutation($id: ID!) { requestAmendment(input: {planID: $id, requestedBy: PERSON, reason: MISSING_INFORMATION, details: "x"}) { id } }`, map[string]any{"id": v1.id}},
	}
	for name, a := range attempts {
		r := s.Do(t, priya, a.q, a.vars)
		if name == "amend it a 2nd time" {
			continue // a request may be recorded; deciding it is refused below
		}
		if rule, _ := ruleOf(r); rule != "R25" {
			t.Errorf("%s on version 1: %+v", name, r.Errors)
		}
	}

	// Carried over, and re-circulated with the same scope (R26).
	p2 := s.Client.Plan.Query().Where(plan.ID(toID(v2.ID))).WithOutcomes().WithRisks().WithShares().OnlyX(ctx)
	if len(p2.Edges.Outcomes) != v1.outcomes || len(p2.Edges.Risks) != v1.risks {
		t.Errorf("version 2 carries %d outcomes and %d risks; version 1 had %d and %d", len(p2.Edges.Outcomes), len(p2.Edges.Risks), v1.outcomes, v1.risks)
	}
	var holders []string
	for _, sh := range p2.Edges.Shares {
		if sh.RecirculatedFromID == nil {
			t.Errorf("share to %s on version 2 does not record what it re-circulates", sh.RecipientName)
		}
		holders = append(holders, sh.RecipientName+"|"+sectionsKey(sh.Sections))
	}
	sort.Strings(holders)
	sort.Strings(v1.holders)
	if !slices.Equal(holders, v1.holders) {
		t.Errorf("version 2 shares %v\nversion 1 shares %v", holders, v1.holders)
	}

	// The diff between the versions shows the reworded outcome, section by
	// section, and never what the viewer could not see in the fields.
	var v2Outcomes struct {
		Node struct {
			Outcomes struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { outcomes(orderBy: {field: POSITION}) { edges { node { id } } } } } }`, map[string]any{"id": v2.ID}, &v2Outcomes)
	s.MustDo(t, priya, `mutation($id: ID!) { updateOutcome(id: $id, input: {statement: "I want to walk to the shop with my frame"}) { id } }`,
		map[string]any{"id": v2Outcomes.Node.Outcomes.Edges[0].Node.ID}, nil)
	diffQ := `query($a: ID!, $b: ID!) { planDiff(from: $a, to: $b) { section field before after } }`
	var diff struct {
		PlanDiff []struct {
			Section, Field string
			Before, After  *string
		}
	}
	s.MustDo(t, priya, diffQ, map[string]any{"a": v1.id, "b": v2.ID}, &diff)
	if len(diff.PlanDiff) != 1 || diff.PlanDiff[0].Field != "outcome 1 statement" || diff.PlanDiff[0].Section != "OUTCOMES" ||
		*diff.PlanDiff[0].After != "I want to walk to the shop with my frame" {
		t.Errorf("diff between the versions: %+v", diff.PlanDiff)
	}
	r = s.Do(t, s.Token(t, "ana.analyst"), diffQ, map[string]any{"a": s.AnalystID(toID(v1.id)), "b": s.AnalystID(toID(v2.ID))})
	if strings.Contains(string(r.Data), "frame") || !slices.Equal(r.Codes(), []string{"SECTION_WITHHELD"}) {
		t.Errorf("an analyst's diff shows free text or no withheld error: %s %v", r.Data, r.Codes())
	}

	// A declined request records the reasons and the right to complain.
	req2 := mustCreate(t, s, priya, `mutation($in: CreateAmendmentInput!) { requestAmendment(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": v2.ID, "requestedBy": "PERSON", "reason": "MISSING_INFORMATION", "details": "Add that I can drive"}})
	r = s.Do(t, priya, decide, map[string]any{"id": req2.ID, "d": "DECLINED", "told": false})
	if rule, fields := ruleOf(r); rule != "R25" || !slices.Contains(fields, "toldOfRightToComplain") {
		t.Errorf("declining without telling the person of their right to complain: %+v", r.Errors)
	}
	s.MustDo(t, priya, decide, map[string]any{"id": req2.ID, "d": "DECLINED", "told": true}, nil)
	if got := s.Client.Plan.GetX(ctx, toID(v2.ID)).Status; got != "ACTIVE" {
		t.Errorf("a declined amendment changed the plan to %s", got)
	}
}

type planWithShares struct {
	id              string
	version         int
	outcomes, risks int
	holders         []string
}

func sectionsKey[S ~string](ss []S) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
