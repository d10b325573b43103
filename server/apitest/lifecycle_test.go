package apitest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"reablement/ent/account"
	"reablement/ent/plan"
	"reablement/ent/team"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// ruleOf returns the rule a refusal names, and its problems' fields.
func ruleOf(r apitest.Response) (string, []string) {
	if len(r.Errors) != 1 || r.Errors[0].Code() != "RULE_VIOLATION" {
		return "", nil
	}
	var fields []string
	if ps, ok := r.Errors[0].Extensions["problems"].([]any); ok {
		for _, p := range ps {
			fields = append(fields, p.(map[string]any)["field"].(string))
		}
	}
	rule, _ := r.Errors[0].Extensions["rule"].(string)
	return rule, fields
}

// A plan's life (issue 5): each duty refuses the step, naming its rule,
// while it is unmet, and the step succeeds once it is met.
func TestAgreeAndCommenceEnforceTheCareActDuties(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	priyaAcct := s.Account(t, "priya.practitioner")
	home := priyaAcct.QueryTeams().FirstX(ctx)
	north := s.Client.Team.Query().Where(team.Name("Reablement North")).OnlyX(ctx)

	person := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Mabel Stone", "preferredName": "Mabel", "dateOfBirth": "1936-02-11", "teamID": home.ID,
			"autism": true, "substantialDifficulty": true, "advocacy": "REFERRAL_WAITING"}})
	p := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "serviceTeamID": north.ID}})
	rev := p.Revision
	step := func(mutation string) apitest.Response {
		t.Helper()
		r := s.Do(t, priya, `mutation($id: ID!, $rev: Int!) { `+mutation+`(id: $id, expectedRevision: $rev) { status revision agreedAt commencedAt firstReviewDue chargeableFrom plannedEnd } }`,
			map[string]any{"id": p.ID, "rev": rev})
		return r
	}
	update := func(in map[string]any) {
		t.Helper()
		var out struct{ UpdatePlan struct{ Revision int } }
		s.MustDo(t, priya, `mutation($id: ID!, $rev: Int!, $in: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $in) { revision } }`,
			map[string]any{"id": p.ID, "rev": rev, "in": in}, &out)
		rev = out.UpdatePlan.Revision
	}
	expect := func(r apitest.Response, rule string) []string {
		t.Helper()
		got, fields := ruleOf(r)
		if got != rule {
			t.Fatalf("want %s refused; got %+v", rule, r.Errors)
		}
		return fields
	}

	// R30: no agreement while an advocate is needed and missing.
	expect(step("agreePlan"), "R30")
	s.MustDo(t, priya, `mutation($id: ID!) { updatePerson(id: $id, input: {advocacy: IN_PLACE}) { id } }`, map[string]any{"id": person.ID}, nil)

	// R1: all six items, reported field by field; the plan's readiness
	// lists the same items before anyone presses the button.
	var ready struct {
		Node struct {
			Readiness struct {
				Agree []struct{ Rule, Field, Message string }
			}
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { readiness { agree { rule field message } } } } }`, map[string]any{"id": p.ID}, &ready)
	var readyFields []string
	for _, m := range ready.Node.Readiness.Agree {
		readyFields = append(readyFields, m.Field)
	}
	fields := expect(step("agreePlan"), "R1")
	if !slices.Equal(readyFields, fields) {
		t.Errorf("readiness lists %v; agreePlan refused for %v", readyFields, fields)
	}
	for _, f := range []string{"needs", "outcomes", "visitFrequency", "visitDurationMinutes", "workerTasks", "otherSupport", "reviewFrequency", "reviewResponsibleID"} {
		if !slices.Contains(fields, f) {
			t.Errorf("R1 refusal does not list %s: %v", f, fields)
		}
	}
	need := mustCreate(t, s, priya, `mutation($in: CreateNeedInput!) { createNeed(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "area": "Washing and dressing", "description": "Needs help with buttons"}})
	outcome := mustCreate(t, s, priya, `mutation($in: CreateOutcomeInput!) { createOutcome(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "statement": "I want to dress myself", "domain": "PERSONAL_CARE"}})
	mustCreate(t, s, priya, `mutation($in: CreateOutcomeStepInput!) { createOutcomeStep(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"outcomeID": outcome.ID, "description": "Put on a cardigan with prompts"}})
	update(map[string]any{"addNeedIDs": []string{need.ID}, "visitFrequency": "Daily", "visitDurationMinutes": 45,
		"workerTasks": "Prompt and watch; do not do for", "noOtherSupport": true, "reviewFrequency": "Every three weeks", "reviewResponsibleID": priyaAcct.ID})

	// R3: involvement recorded.
	expect(step("agreePlan"), "R3")
	mustCreate(t, s, priya, `mutation($in: CreateInvolvementInput!) { createInvolvement(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "name": "Mabel Stone", "relationship": "the person", "basis": "PERSON"}})

	// R7: a contingency for every risk to the plan.
	risk := mustCreate(t, s, priya, `mutation($in: CreateRiskInput!) { createRisk(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "kind": "TO_PLAN", "category": "ENGAGEMENT", "description": "May not open the door"}})
	expect(step("agreePlan"), "R7")
	mustCreate(t, s, priya, `mutation($in: CreateContingencyInput!) { createContingency(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"riskID": risk.ID, "measures": "Phone her daughter", "trigger": "No answer after two knocks", "whoActs": "Worker"}})

	r := step("agreePlan")
	if len(r.Errors) > 0 {
		t.Fatalf("agreeing once every duty is met: %+v", r.Errors)
	}
	rev++
	if r2 := step("agreePlan"); !slices.Contains(r2.Codes(), "RULE_VIOLATION") {
		t.Errorf("agreeing twice must be refused (R2): %v", r2.Codes())
	}

	// R31: risks to the worker confirmed by the registered manager first.
	workerRisk := mustCreate(t, s, priya, `mutation($in: CreateRiskInput!) { createRisk(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "kind": "TO_WORKER", "category": "HOME_ENVIRONMENT", "description": "Steep unlit stairs"}})
	expect(step("commencePlan"), "R31")
	confirm := `mutation($id: ID!) { confirmRiskMitigation(id: $id, checked: "Stair light fitted; seen on the home visit") { id } }`
	if r := s.Do(t, priya, confirm, map[string]any{"id": workerRisk.ID}); !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
		t.Errorf("a practitioner confirming a risk to the worker: %v", r.Codes())
	}
	s.MustDo(t, s.Token(t, "rita.registered"), confirm, map[string]any{"id": workerRisk.ID}, nil)

	// R32: an autistic person's workers need autism training.
	untrained := s.Client.Account.Query().Where(account.SubjectHasPrefix("kentmere|")).AllX(ctx)
	var novice string
	for _, a := range untrained {
		if slices.Contains(a.Roles, "WORKER") && !slices.Contains(a.Trainings, "AUTISM") {
			novice = string(a.ID)
			break
		}
	}
	if novice == "" {
		t.Fatal("the demo has no worker without autism training")
	}
	visit := mustCreate(t, s, priya, `mutation($in: CreateVisitInput!) { createVisit(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "workerID": novice, "durationMinutes": 45,
			"startsAt": time.Now().Add(26 * time.Hour).UTC().Format(time.RFC3339)}})
	expect(step("commencePlan"), "R32")
	s.MustDo(t, priya, `mutation($id: ID!, $w: ID!) { updateVisit(id: $id, input: {workerID: $w}) { id } }`,
		map[string]any{"id": visit.ID, "w": s.Account(t, "wes.worker").ID}, nil)

	// R9: no later than the maximum period; an agreed plan's end moves
	// with a reason.
	move := func(days int) apitest.Response {
		return s.Do(t, priya, `mutation($id: ID!, $rev: Int!, $end: Date!) { movePlannedEnd(id: $id, expectedRevision: $rev, plannedEnd: $end, reason: "Agreed with Mabel") { revision } }`,
			map[string]any{"id": p.ID, "rev": rev, "end": time.Now().AddDate(0, 0, days).Format("2006-01-02")})
	}
	expect(move(60), "R9")
	if r := move(35); len(r.Errors) > 0 {
		t.Fatalf("moving the planned end within the maximum period: %+v", r.Errors)
	}
	rev++

	r = step("commencePlan")
	if len(r.Errors) > 0 {
		t.Fatalf("commencing once every duty is met: %+v", r.Errors)
	}
	saved := s.Client.Plan.GetX(ctx, toID(p.ID))
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if saved.Status != "ACTIVE" || saved.CommencedAt == nil || saved.FirstReviewDue == nil || saved.ChargeableFrom == nil {
		t.Fatalf("after commencing: %+v", saved)
	}
	if got := saved.FirstReviewDue.Sub(today).Hours() / 24; got != 21 {
		t.Errorf("first review due %v days after commencement; the authority's default is 21 (R11)", got)
	}
	if got := saved.ChargeableFrom.Sub(today).Hours() / 24; got != 42 {
		t.Errorf("chargeable from %v days after commencement; the first 6 weeks are free (R9)", got)
	}
}

// Ending a plan records why (R2); refusal is confirmed in writing and the
// referrer told (R14); withdrawal records the manager's decision and the
// views, confirmed in writing (R15).
func TestEndingRefusingAndWithdrawing(t *testing.T) {
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
	if len(active) < 2 {
		t.Fatalf("priya's team has %d active plans; need 2", len(active))
	}
	end := func(mutation, id string, in map[string]any) apitest.Response {
		t.Helper()
		rev := s.Client.Plan.GetX(ctx, toID(id)).Revision
		return s.Do(t, priya, `mutation($id: ID!, $rev: Int!, $in: EndPlanInput!) { `+mutation+`(id: $id, expectedRevision: $rev, input: $in) { status endedAt } }`,
			map[string]any{"id": id, "rev": rev, "in": in})
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if rule, _ := ruleOf(end("endPlan", active[0], map[string]any{})); rule != "R2" {
		t.Error("ending without a reason must be refused (R2)")
	}
	if rule, _ := ruleOf(end("endPlan", active[0], map[string]any{"reason": "PERSON_NO_LONGER_WISHES"})); rule != "R14" {
		t.Error("ending because the person no longer wishes, unconfirmed in writing, must be refused (R14)")
	}
	if r := end("endPlan", active[0], map[string]any{"reason": "PERSON_NO_LONGER_WISHES", "writtenConfirmationAt": now}); len(r.Errors) > 0 {
		t.Errorf("ending with the written confirmation: %+v", r.Errors)
	}
	if rule, fields := ruleOf(end("withdrawPlan", active[1], map[string]any{})); rule != "R15" || !slices.Contains(fields, "notes") {
		t.Error("withdrawing without the manager's decision and views must be refused (R15)")
	}
	if r := end("withdrawPlan", active[1], map[string]any{"notes": "Manager decided to withdraw after repeated obstruction by a lodger; Mr K wants to continue, his son agrees it is unsafe.", "writtenConfirmationAt": now}); len(r.Errors) > 0 {
		t.Errorf("withdrawing with the record: %+v", r.Errors)
	}

	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Harold Finch", "preferredName": "Harry", "dateOfBirth": "1939-09-09", "teamID": team.ID, "referralSource": "Ward 7, Kentmere General"}})
	draft := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id } }`, map[string]any{"in": map[string]any{"personID": person.ID}})
	if rule, fields := ruleOf(end("refusePlan", draft.ID, map[string]any{"writtenConfirmationAt": now})); rule != "R14" || !slices.Contains(fields, "referrerNotifiedAt") {
		t.Error("refusing without telling the referrer must be refused (R14)")
	}
	if r := end("refusePlan", draft.ID, map[string]any{"writtenConfirmationAt": now, "referrerNotifiedAt": now}); len(r.Errors) > 0 {
		t.Errorf("refusing with both: %+v", r.Errors)
	}
	for id, want := range map[string]plan.Status{active[0]: plan.StatusENDED, active[1]: plan.StatusWITHDRAWN, draft.ID: plan.StatusREFUSED} {
		if p := s.Client.Plan.GetX(ctx, toID(id)); p.Status != want || p.EndedAt == nil {
			t.Errorf("plan is %s (ended %v), want %s", p.Status, p.EndedAt, want)
		}
	}
}

// R12: anyone may ask for an unplanned review; every request is decided,
// once, with reasons; only a held review has a result (R11).
func TestReviewRequestsAreConsideredAndDecided(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	planID, _ := firstPlan(t, s, priya, `, where: {status: ACTIVE}`)
	r := s.Do(t, priya, `mutation($id: ID!) { requestReview(input: {planID: $id, kind: UNPLANNED}) { id } }`, map[string]any{"id": planID})
	if rule, _ := ruleOf(r); rule != "R12" {
		t.Errorf("an unplanned review with nobody asking: %+v", r.Errors)
	}
	req := mustCreate(t, s, priya, `mutation($id: ID!) { requestReview(input: {planID: $id, kind: UNPLANNED, requestedBy: CARER, reason: "She fell on Tuesday"}) { id } }`, map[string]any{"id": planID})
	result := `mutation($id: ID!) { recordReviewResult(id: $id, result: CONTINUE, notes: "Carry on with a rail fitted") { heldAt } }`
	if rule, _ := ruleOf(s.Do(t, priya, result, map[string]any{"id": req.ID})); rule != "R12" {
		t.Error("a result before the request was decided must be refused")
	}
	decide := `mutation($id: ID!, $why: String!) { decideReviewRequest(id: $id, decision: HOLD, reason: $why) { decision } }`
	if rule, _ := ruleOf(s.Do(t, priya, decide, map[string]any{"id": req.ID, "why": ""})); rule != "R12" {
		t.Error("a decision without reasons must be refused")
	}
	s.MustDo(t, priya, decide, map[string]any{"id": req.ID, "why": "New information about falls"}, nil)
	if rule, _ := ruleOf(s.Do(t, priya, decide, map[string]any{"id": req.ID, "why": "Again"})); rule != "R12" {
		t.Error("deciding a request twice must be refused")
	}
	var held struct{ RecordReviewResult struct{ HeldAt *time.Time } }
	s.MustDo(t, priya, result, map[string]any{"id": req.ID}, &held)
	if held.RecordReviewResult.HeldAt == nil {
		t.Error("the held review has no date")
	}
}

// The due list shows a team's reviews, follow-ups, plans nearing their end,
// risks awaiting confirmation, advocacy referrals and safeguarding concerns,
// and only for the viewer's people.
func TestDueListForTheTeam(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	teams := s.Account(t, "priya.practitioner").QueryTeams().IDsX(ctx)
	var out struct {
		DueList map[string][]map[string]any
	}
	s.MustDo(t, priya, `{ dueList(withinDays: 14) {
		reviews { id planID due } firstReviewsDue { id personID } plansNearingEnd { id personID } adviceFollowUps { id followUpDue }
		workerRisksToConfirm { id planID } advocacyReferralsWaiting { id } safeguardingConcerns { id } } }`, nil, &out)
	total := 0
	for name, list := range out.DueList {
		total += len(list)
		for _, item := range list {
			if pid, ok := item["personID"].(string); ok {
				p := s.Client.Person.GetX(ctx, toID(pid))
				if !slices.Contains(teams, p.TeamID) {
					t.Errorf("%s lists a person outside priya's team", name)
				}
			}
		}
	}
	if total == 0 {
		t.Error("nothing is due for priya's team in the demo authority; the due list should show something")
	}
	for _, p := range out.DueList["advocacyReferralsWaiting"] {
		person := s.Client.Person.GetX(ctx, toID(p["id"].(string)))
		if person.Advocacy != "REFERRAL_WAITING" || !slices.Contains(teams, person.TeamID) {
			t.Errorf("advocacy list holds %s (%s)", person.ID, person.Advocacy)
		}
	}
}
