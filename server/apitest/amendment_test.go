package apitest_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"reablement/ent/plan"
	"reablement/ent/schema/pulid"
	"reablement/ent/share"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// An agreed amendment opens version 2 as a draft carrying the request; the
// change is made in it; agreeing it supersedes version 1, which stays
// readable and can never change, and every holder of a version 1 share gets
// a version 2 share with the same scope (issue 5, issue 12 item 4, R25, R26).
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
	if v2.Version != v1.version+1 || v2.Status != "DRAFT" {
		t.Fatalf("version 2 is %+v, want an amendment draft", v2)
	}

	// R25: until the draft is agreed, version 1 stays in force, unsuperseded,
	// and its holders keep it; the draft carries the request it answers.
	var draft struct {
		Node struct {
			Status     string
			Supersedes struct {
				ID         string
				Status     string
				Amendments []struct {
					Details       string
					ResultingPlan *struct{ ID string }
				}
			}
			Shares []struct{ ID string }
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { status supersedes { id status amendments { details resultingPlan { id } } } shares { id } } } }`, map[string]any{"id": v2.ID}, &draft)
	carried := slices.ContainsFunc(draft.Node.Supersedes.Amendments, func(a struct {
		Details       string
		ResultingPlan *struct{ ID string }
	}) bool {
		return a.ResultingPlan != nil && a.ResultingPlan.ID == v2.ID && strings.Contains(a.Details, "with my frame")
	})
	if draft.Node.Supersedes.ID != v1.id || draft.Node.Supersedes.Status != "ACTIVE" || !carried || len(draft.Node.Shares) != 0 {
		t.Fatalf("the amendment draft before it is agreed: %+v", draft.Node)
	}
	// One amendment draft at a time: a second agreed request is made in the open draft.
	other := mustCreate(t, s, priya, `mutation($in: CreateAmendmentInput!) { requestAmendment(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": v1.id, "requestedBy": "PERSON", "reason": "MISSING_INFORMATION", "details": "Add my cat"}})
	if rule, _ := ruleOf(s.Do(t, priya, decide, map[string]any{"id": other.ID, "d": "AGREED"})); rule != "R25" {
		t.Errorf("a second amendment draft of version 1 was not refused under R25")
	}

	// The draft is not a plan of its own: it is not refused apart from the version in force.
	refuse := `mutation($id: ID!, $rev: Int!) { refusePlan(id: $id, expectedRevision: $rev, input: {writtenConfirmationAt: "2026-01-02T10:00:00Z", referrerNotifiedAt: "2026-01-02T10:00:00Z"}) { id } }`
	if rule, _ := ruleOf(s.Do(t, priya, refuse, map[string]any{"id": v2.ID, "rev": s.Client.Plan.GetX(ctx, toID(v2.ID)).Revision})); rule != "R25" {
		t.Errorf("refusing an amendment draft was not refused under R25")
	}

	// The requested change is made in the draft, then the draft is agreed.
	var v2Outcomes struct {
		Node struct {
			Revision int
			Outcomes struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { revision outcomes(orderBy: {field: POSITION}) { edges { node { id } } } } } }`, map[string]any{"id": v2.ID}, &v2Outcomes)
	s.MustDo(t, priya, `mutation($id: ID!) { updateOutcome(id: $id, input: {statement: "I want to walk to the shop with my frame"}) { id } }`,
		map[string]any{"id": v2Outcomes.Node.Outcomes.Edges[0].Node.ID}, nil)
	// Visits not yet recorded from the start of today work to the version
	// in force once it is agreed (a visit this morning, recorded this
	// afternoon, marks the new version's steps); yesterday's stays with the
	// version it was made under.
	inForce := s.Client.Plan.GetX(ctx, toID(v1.id))
	today := startOfToday(t)
	visitAt := func(at time.Time) pulid.ID {
		return s.Client.Visit.Create().SetPlanID(inForce.ID).SetPersonID(inForce.PersonID).SetWorkerID(s.Account(t, "wes.worker").ID).
			SetStartsAt(at).SetDurationMinutes(30).SaveX(writer(ctx, s)).ID
	}
	yesterday, thisMorning, tomorrow := visitAt(today.Add(-14*time.Hour)), visitAt(today.Add(time.Now().Sub(today)/2)), visitAt(today.Add(33*time.Hour))
	var agreed struct{ AgreePlan struct{ Status string } }
	s.MustDo(t, priya, `mutation($id: ID!, $rev: Int!) { agreePlan(id: $id, expectedRevision: $rev) { status } }`,
		map[string]any{"id": v2.ID, "rev": s.Client.Plan.GetX(ctx, toID(v2.ID)).Revision}, &agreed)
	if agreed.AgreePlan.Status != "ACTIVE" {
		t.Errorf("the agreed amendment of an active plan is %s; reablement should go on under it", agreed.AgreePlan.Status)
	}
	for id, want := range map[pulid.ID]string{yesterday: v1.id, thisMorning: v2.ID, tomorrow: v2.ID} {
		if got := string(s.Client.Visit.GetX(ctx, id).PlanID); got != want {
			t.Errorf("visit %s works to plan %s, want %s", id, got, want)
		}
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

// A held review changes the plan as its result says (issue 12 item 4, R11,
// R12, R25): REVISE opens the next version as an amendment draft carrying
// what the review agreed, the current version staying in force until it is
// agreed; END ends the plan, decided at review; CONTINUE leaves it active.
func TestReviewResultChangesThePlan(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	teams := s.Account(t, "priya.practitioner").QueryTeams().IDsX(ctx)
	var active []string
	for _, p := range s.Client.Plan.Query().Where(plan.StatusEQ(plan.StatusACTIVE)).WithPerson().AllX(ctx) {
		if slices.Contains(teams, p.Edges.Person.TeamID) {
			active = append(active, string(p.ID))
		}
	}
	if len(active) < 3 {
		t.Fatalf("priya's team has %d active plans; the test needs 3", len(active))
	}
	held := func(planID string) string {
		return mustCreate(t, s, priya, `mutation($id: ID!) { requestReview(input: {planID: $id, kind: SCHEDULED}) { id } }`, map[string]any{"id": planID}).ID
	}
	result := `mutation($id: ID!, $r: ReviewResult!, $notes: String!) { recordReviewResult(id: $id, result: $r, notes: $notes) { result } }`
	type version struct {
		Status       string
		EndReason    *string
		SupersededBy *struct {
			ID, Status string
			Version    int
		}
		Amendments []struct {
			Details, Decision string
			ResultingPlan     *struct{ ID string }
		}
	}
	read := func(id string) version {
		var out struct{ Node version }
		s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { status endReason supersededBy { id status version } amendments { details decision resultingPlan { id } } } } }`, map[string]any{"id": id}, &out)
		return out.Node
	}

	s.MustDo(t, priya, result, map[string]any{"id": held(active[0]), "r": "REVISE", "notes": "Add a Saturday visit while her daughter is away"}, nil)
	v := read(active[0])
	if v.Status != "ACTIVE" || v.SupersededBy == nil || v.SupersededBy.Status != "DRAFT" || len(v.Amendments) == 0 ||
		v.Amendments[len(v.Amendments)-1].Decision != "AGREED" || v.Amendments[len(v.Amendments)-1].ResultingPlan == nil ||
		v.Amendments[len(v.Amendments)-1].ResultingPlan.ID != v.SupersededBy.ID {
		t.Errorf("a review that revises the plan: %+v", v)
	}
	if !slices.ContainsFunc(v.Amendments, func(a struct {
		Details, Decision string
		ResultingPlan     *struct{ ID string }
	}) bool {
		return strings.Contains(a.Details, "Saturday visit")
	}) {
		t.Errorf("the amendment draft does not carry what the review agreed: %+v", v.Amendments)
	}

	s.MustDo(t, priya, result, map[string]any{"id": held(active[1]), "r": "END", "notes": "Outcomes met; she manages on her own"}, nil)
	if v := read(active[1]); v.Status != "ENDED" || v.EndReason == nil || *v.EndReason != "DECIDED_AT_REVIEW" {
		t.Errorf("a review that ends the plan: %+v", v)
	}

	s.MustDo(t, priya, result, map[string]any{"id": held(active[2]), "r": "CONTINUE", "notes": "Going well"}, nil)
	if v := read(active[2]); v.Status != "ACTIVE" || v.SupersededBy != nil {
		t.Errorf("a review that continues the plan: %+v", v)
	}
}
