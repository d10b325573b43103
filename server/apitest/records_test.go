package apitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"reablement/ent/plan"
	"reablement/server/apitest"
)

// ids decodes {"x": {"id": …}} results.
type created struct {
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	Status   string `json:"status"`
}

func mustCreate(t *testing.T, s *apitest.Server, token, mutation string, vars map[string]any) created {
	t.Helper()
	r := s.Do(t, token, mutation, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %+v", mutation, r.Errors)
	}
	var out map[string]created
	_ = json.Unmarshal(r.Data, &out)
	for _, v := range out {
		return v
	}
	t.Fatalf("no data: %s", r.Data)
	return created{}
}

// A practitioner records a person and a whole draft plan through the API,
// then finds each record again by filter, order and page (issue 2).
func TestCreateQueryFilterOrderAndPageEveryMainType(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	wes := s.Account(t, "wes.worker")

	person := mustCreate(t, s, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Edith Marsh", "preferredName": "Edie", "dateOfBirth": "1941-05-02", "teamID": team.ID, "autism": true}})
	mustCreate(t, s, token, `mutation($in: CreateCarerInput!) { createCarer(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "name": "Joan Marsh", "relationship": "daughter"}})
	mustCreate(t, s, token, `mutation($in: CreateContactInput!) { createContact(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "name": "Dr Okafor", "kind": "GP"}})
	need := mustCreate(t, s, token, `mutation($in: CreateNeedInput!) { createNeed(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "area": "Preparing meals", "description": "Cannot stand long enough to cook", "personView": "I can manage with a stool"}})
	p := mustCreate(t, s, token, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision status } }`,
		map[string]any{"in": map[string]any{"personID": person.ID, "needIDs": []string{need.ID}, "visitFrequency": "Twice daily", "visitDurationMinutes": 45}})
	if p.Status != "DRAFT" || p.Revision != 1 {
		t.Fatalf("a new plan is %+v; want a DRAFT at revision 1", p)
	}
	outcome := mustCreate(t, s, token, `mutation($in: CreateOutcomeInput!) { createOutcome(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "statement": "I want to make my own breakfast", "domain": "NUTRITION"}})
	mustCreate(t, s, token, `mutation($in: CreateOutcomeStepInput!) { createOutcomeStep(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"outcomeID": outcome.ID, "description": "Make toast with support", "position": 1}})
	risk := mustCreate(t, s, token, `mutation($in: CreateRiskInput!) { createRisk(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "kind": "TO_PLAN", "category": "MOTIVATION", "description": "May lose heart after a fall"}})
	mustCreate(t, s, token, `mutation($in: CreateContingencyInput!) { createContingency(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"riskID": risk.ID, "measures": "Extra visit and OT call", "trigger": "Two missed steps in a week", "whoActs": "Allocated practitioner"}})
	start := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Minute)
	mustCreate(t, s, token, `mutation($in: CreateVisitInput!) { createVisit(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": p.ID, "workerID": wes.ID, "startsAt": start.Format(time.RFC3339), "durationMinutes": 45}})

	// Read it all back in one nested query.
	var got struct {
		Node struct {
			Person   struct{ PreferredName string }
			Needs    []struct{ Area string }
			Outcomes struct {
				TotalCount int
				PageInfo   struct{ HasNextPage bool }
				Edges      []struct {
					Node struct {
						Statement string
						Steps     []struct{ Description string }
					}
				}
			}
			Risks []struct {
				Kind          string
				Contingencies []struct{ Measures string }
			}
			Visits struct {
				Edges []struct{ Node struct{ DurationMinutes int } }
			}
		}
	}
	s.MustDo(t, token, `query($id: ID!) { node(id: $id) { ... on Plan { person { preferredName } needs { area }
		outcomes { totalCount pageInfo { hasNextPage } edges { node { statement steps { description } } } }
		risks { kind contingencies { measures } } visits { edges { node { durationMinutes } } } } } }`, map[string]any{"id": p.ID}, &got)
	n := got.Node
	if n.Person.PreferredName != "Edie" || len(n.Needs) != 1 || len(n.Outcomes.Edges) != 1 || n.Outcomes.TotalCount != 1 || len(n.Outcomes.Edges[0].Node.Steps) != 1 ||
		len(n.Risks) != 1 || len(n.Risks[0].Contingencies) != 1 || len(n.Visits.Edges) != 1 {
		t.Fatalf("read back %+v", n)
	}

	// Filter, order and page each main type.
	count := func(q string, vars map[string]any) int {
		var out map[string]struct {
			TotalCount int `json:"totalCount"`
		}
		s.MustDo(t, token, q, vars, &out)
		for _, v := range out {
			return v.TotalCount
		}
		return -1
	}
	checks := []struct {
		name string
		q    string
		want int
	}{
		{"people by id", `query($p: ID!) { people(where: {idIn: [$p]}) { totalCount } }`, 1},
		{"plans of the person in DRAFT", `query($p: ID!) { plans(where: {personID: $p, status: DRAFT}) { totalCount } }`, 1},
		{"outcomes of the plan", `query($pl: ID!) { outcomes(where: {planID: $pl}, orderBy: {field: POSITION}) { totalCount } }`, 1},
		{"risks to the plan", `query($pl: ID!) { risks(where: {planID: $pl}) { totalCount } }`, 1},
		{"visits of the plan from now", `query($pl: ID!, $from: Time!) { visits(where: {planID: $pl, startsAtGTE: $from}, orderBy: {field: STARTS_AT}) { totalCount } }`, 1},
	}
	for _, c := range checks {
		if got := count(c.q, map[string]any{"p": person.ID, "pl": p.ID, "from": time.Now().UTC().Format(time.RFC3339)}); got != c.want {
			t.Errorf("%s: totalCount %d, want %d", c.name, got, c.want)
		}
	}
	var newest struct{ People page }
	s.MustDo(t, token, `{ people(first: 1, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { id } } } }`, nil, &newest)
	if len(newest.People.Edges) != 1 || newest.People.Edges[0].Node["id"] != person.ID {
		t.Errorf("ordering people newest first did not give the new person: %+v", newest.People.Edges)
	}
	var first, second struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 3, orderBy: {field: VERSION}) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, nil, &first)
	s.MustDo(t, token, `query($after: Cursor) { plans(first: 3, after: $after, orderBy: {field: VERSION}) { edges { node { id } } } }`,
		map[string]any{"after": first.Plans.PageInfo.EndCursor}, &second)
	for _, e := range second.Plans.Edges {
		for _, f := range first.Plans.Edges {
			if e.Node["id"] == f.Node["id"] {
				t.Errorf("page two repeats %s from page one", e.Node["id"])
			}
		}
	}
}

// Two practitioners save the same plan from the same revision: one
// succeeds, the other gets CONFLICT, and the first one's change is intact.
func TestStaleSaveAnswersConflictAndOverwritesNothing(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	morgan := s.Token(t, "morgan.manager")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Arthur Pike", "preferredName": "Art", "dateOfBirth": "1938-11-20", "teamID": team.ID}})
	p := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision } }`,
		map[string]any{"in": map[string]any{"personID": person.ID}})

	update := `mutation($id: ID!, $rev: Int!, $in: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $in) { revision visitFrequency } }`
	first := s.Do(t, priya, update, map[string]any{"id": p.ID, "rev": p.Revision, "in": map[string]any{"visitFrequency": "Daily"}})
	if len(first.Errors) > 0 {
		t.Fatalf("first save: %+v", first.Errors)
	}
	second := s.Do(t, morgan, update, map[string]any{"id": p.ID, "rev": p.Revision, "in": map[string]any{"visitFrequency": "Weekly"}})
	if !slices.Equal(second.Codes(), []string{"CONFLICT"}) {
		t.Fatalf("second save from the same revision: %v", second.Codes())
	}
	saved := s.Client.Plan.Query().Where(plan.ID(toID(p.ID))).OnlyX(ctx)
	if saved.VisitFrequency != "Daily" || saved.Revision != p.Revision+1 {
		t.Errorf("after the conflict the plan says %q at revision %d", saved.VisitFrequency, saved.Revision)
	}
}

// R25: a superseded version stays readable and never changes again.
func TestSupersededVersionNeverChanges(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "morgan.manager")
	var plans struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 1, where: {status: SUPERSEDED}) { edges { node { id revision outcomes { edges { node { statement } } } } } } }`, nil, &plans)
	if len(plans.Plans.Edges) == 0 {
		t.Fatal("morgan's team has no superseded plan in the demo data")
	}
	old := plans.Plans.Edges[0].Node
	before := s.Client.Plan.GetX(ctx, toID(old["id"].(string)))
	r := s.Do(t, token, `mutation($id: ID!, $rev: Int!) { updatePlan(id: $id, expectedRevision: $rev, input: {visitFrequency: "Hourly"}) { id } }`,
		map[string]any{"id": old["id"], "rev": before.Revision})
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R25" {
		t.Fatalf("changing a superseded version: %+v", r.Errors)
	}
	r = s.Do(t, token, `mutation($id: ID!) { createOutcome(input: {planID: $id, statement: "Sneaked in", domain: OTHER}) { id } }`, map[string]any{"id": old["id"]})
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) {
		t.Fatalf("adding an outcome to a superseded version: %v", r.Codes())
	}
	after := s.Client.Plan.GetX(ctx, before.ID)
	if after.VisitFrequency != before.VisitFrequency || after.Revision != before.Revision {
		t.Errorf("the superseded version changed: %q→%q", before.VisitFrequency, after.VisitFrequency)
	}
}

func TestBadInputSaysWhatAndWhere(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	other := s.Account(t, "sam.practitioner").QueryTeams().FirstX(ctx)
	r := s.Do(t, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Someone", "preferredName": "S", "dateOfBirth": "1950-01-01", "teamID": other.ID}})
	if !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
		t.Errorf("adding a person to another team's caseload: %v", r.Codes())
	}
	var plans struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 1, where: {status: DRAFT}) { edges { node { id } } } }`, nil, &plans)
	r = s.Do(t, token, `mutation($id: ID!) { createOutcome(input: {planID: $id, statement: "", domain: SOCIAL}) { id } }`,
		map[string]any{"id": plans.Plans.Edges[0].Node["id"]})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.statement" {
		t.Errorf("an empty outcome statement: %+v", r.Errors)
	}
	r = s.Do(t, token, `mutation($id: ID!) { createOutcome(input: {planID: $id, statement: "   ", domain: SOCIAL}) { id } }`,
		map[string]any{"id": plans.Plans.Edges[0].Node["id"]})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.statement" {
		t.Errorf("an outcome statement of only spaces: %+v", r.Errors)
	}
	r = s.Do(t, token, `{ people(first: 1, where: {legalNameContains: "a"}) { totalCount } }`, nil)
	if len(r.Errors) == 0 || r.HasData() {
		t.Errorf("filtering on a gated field must be refused: %v", r.Codes())
	}
}

// A draft's outcomes, steps, risks and contingencies can be removed; an
// agreed plan's cannot (it changes through an amendment, R25).
func TestRemovingContentOnlyFromADraft(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Ivy Moss", "preferredName": "Ivy", "dateOfBirth": "1944-07-07", "teamID": team.ID}})
	p := mustCreate(t, s, token, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id } }`, map[string]any{"in": map[string]any{"personID": person.ID}})
	o := mustCreate(t, s, token, `mutation($id: ID!) { createOutcome(input: {planID: $id, statement: "Walk to the shop", domain: MOBILITY}) { id } }`, map[string]any{"id": p.ID})
	mustCreate(t, s, token, `mutation($id: ID!) { createOutcomeStep(input: {outcomeID: $id, description: "To the gate"}) { id } }`, map[string]any{"id": o.ID})
	rk := mustCreate(t, s, token, `mutation($id: ID!) { createRisk(input: {planID: $id, kind: TO_PLAN, description: "Low mood"}) { id } }`, map[string]any{"id": p.ID})
	mustCreate(t, s, token, `mutation($id: ID!) { createContingency(input: {riskID: $id, measures: "GP review", trigger: "Two bad weeks", whoActs: "Practitioner"}) { id } }`, map[string]any{"id": rk.ID})
	s.MustDo(t, token, `mutation($o: ID!, $r: ID!) { a: deleteOutcome(id: $o) b: deleteRisk(id: $r) }`, map[string]any{"o": o.ID, "r": rk.ID}, nil)
	left := s.Client.Plan.Query().Where(plan.ID(toID(p.ID))).QueryOutcomes().CountX(ctx) + s.Client.Plan.Query().Where(plan.ID(toID(p.ID))).QueryRisks().CountX(ctx)
	if left != 0 {
		t.Errorf("%d outcomes and risks left after removing them from the draft", left)
	}
	var active struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 20, where: {status: ACTIVE}) { edges { node { outcomes(first: 1) { edges { node { id } } } } } } }`, nil, &active)
	var outcomeID any
	for _, e := range active.Plans.Edges {
		if edges := e.Node["outcomes"].(map[string]any)["edges"].([]any); len(edges) > 0 {
			outcomeID = edges[0].(map[string]any)["node"].(map[string]any)["id"]
			break
		}
	}
	if outcomeID == nil {
		t.Fatal("no active plan with an outcome in priya's team")
	}
	r := s.Do(t, token, `mutation($id: ID!) { deleteOutcome(id: $id) }`, map[string]any{"id": outcomeID})
	if rule, _ := ruleOf(r); rule != "R25" {
		t.Errorf("removing an outcome from an active plan: %+v", r.Errors)
	}
}

// Counts and page info of a nested connection work under node(id:) and
// under a list, with and without paging arguments: entgql counts those with
// a grouped query that the consent interceptor must leave alone.
func TestNestedConnectionCountsUnderNodeAndList(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	var pl struct {
		Plans struct {
			Edges []struct {
				Node struct {
					ID       string
					Outcomes struct {
						Edges []struct{ Node struct{ ID string } }
					}
				}
			}
		}
	}
	s.MustDo(t, token, `{ plans(first: 20) { edges { node { id outcomes(first: 100) { edges { node { id } } } } } } }`, nil, &pl)
	var id string
	var want int
	for _, e := range pl.Plans.Edges {
		if n := len(e.Node.Outcomes.Edges); n > want {
			id, want = e.Node.ID, n
		}
	}
	if want == 0 {
		t.Fatal("no demo plan has outcomes")
	}
	for _, q := range []string{
		`query($id: ID!) { node(id: $id) { ... on Plan { outcomes { totalCount } } } }`,
		`query($id: ID!) { node(id: $id) { ... on Plan { outcomes { totalCount pageInfo { hasNextPage } } } } }`,
		`query($id: ID!) { node(id: $id) { ... on Plan { outcomes(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id statement } } } } } }`,
		`query($id: ID!) { plans(where: {idIn: [$id]}) { edges { node { outcomes { totalCount } } } } }`,
	} {
		r := s.Do(t, token, q, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", q, r.Errors)
		}
		var probe struct {
			Node  *struct{ Outcomes struct{ TotalCount int } }
			Plans *struct {
				Edges []struct {
					Node struct{ Outcomes struct{ TotalCount int } }
				}
			}
		}
		_ = json.Unmarshal(r.Data, &probe)
		n := -1
		if probe.Node != nil {
			n = probe.Node.Outcomes.TotalCount
		} else if probe.Plans != nil && len(probe.Plans.Edges) == 1 {
			n = probe.Plans.Edges[0].Node.Outcomes.TotalCount
		}
		if n != want {
			t.Errorf("%s: totalCount %d; want %d", q, n, want)
		}
	}
}

// A person has one plan in progress at a time; once it has ended, a new
// plan starts a new episode at version 1 (R2).
func TestANewPlanAfterAnEndedOneStartsANewEpisode(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Rose Hart", "preferredName": "Rose", "dateOfBirth": "1939-03-03", "teamID": team.ID}})
	newPlan := `mutation($p: ID!) { createPlan(input: {personID: $p}) { id episode version status } }`
	first := s.Do(t, token, newPlan, map[string]any{"p": person.ID})
	if len(first.Errors) > 0 {
		t.Fatalf("first plan: %+v", first.Errors)
	}
	var p1 struct {
		CreatePlan struct {
			ID               string
			Episode, Version int
		}
	}
	_ = json.Unmarshal(first.Data, &p1)
	if p1.CreatePlan.Episode != 1 || p1.CreatePlan.Version != 1 {
		t.Fatalf("first plan is episode %d version %d", p1.CreatePlan.Episode, p1.CreatePlan.Version)
	}
	r := s.Do(t, token, newPlan, map[string]any{"p": person.ID})
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R2" {
		t.Fatalf("a second plan while the draft is in progress: %+v", r.Errors)
	}
	// The person refuses before the plan is agreed (R15): the episode ends.
	now := time.Now().UTC().Format(time.RFC3339)
	s.MustDo(t, token, `mutation($id: ID!, $at: Time!) { refusePlan(id: $id, expectedRevision: 1, input: {writtenConfirmationAt: $at, referrerNotifiedAt: $at}) { status } }`,
		map[string]any{"id": p1.CreatePlan.ID, "at": now}, nil)
	var p2 struct {
		CreatePlan struct {
			Episode, Version int
			Status           string
		}
	}
	s.MustDo(t, token, newPlan, map[string]any{"p": person.ID}, &p2)
	if p2.CreatePlan.Episode != 2 || p2.CreatePlan.Version != 1 || p2.CreatePlan.Status != "DRAFT" {
		t.Fatalf("the plan after a refusal is %+v; want episode 2, version 1, DRAFT", p2.CreatePlan)
	}
}

// A mutation answers with the record it made, gated fields included: the
// new person's transaction commits after the answer is built, so their
// facts come from the row itself.
func TestANewPersonIsShownToWhoeverAddedThem(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	r := s.Do(t, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id preferredName legalName dateOfBirth } }`,
		map[string]any{"in": map[string]any{"legalName": "Olive Dunn", "preferredName": "Olive", "dateOfBirth": "1940-10-10", "teamID": team.ID}})
	if len(r.Errors) > 0 {
		t.Fatalf("the new person's own fields: %+v", r.Errors)
	}
	var out struct {
		CreatePerson struct{ PreferredName, LegalName string }
	}
	_ = json.Unmarshal(r.Data, &out)
	if out.CreatePerson.PreferredName != "Olive" || out.CreatePerson.LegalName != "Olive Dunn" {
		t.Errorf("createPerson answered %s", r.Data)
	}
}
