package apitest_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"reablement/ent/outcome"
	"reablement/ent/outcomestep"
	"reablement/ent/policy"
	entteam "reablement/ent/team"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// refused asserts an answer is exactly one error with one of the codes,
// naming the input field, and no data.
func refused(t *testing.T, what string, r apitest.Response, field string, codes ...string) {
	t.Helper()
	if len(r.Errors) != 1 || !slices.Contains(codes, r.Errors[0].Code()) || r.Errors[0].Extensions["field"] != field {
		t.Errorf("%s: %+v; want %v naming %s", what, r.Errors, codes, field)
		return
	}
	if r.HasData() && !strings.Contains(string(r.Data), "null") {
		t.Errorf("%s: refused, yet data came back: %s", what, r.Data)
	}
	if msg := r.Errors[0].Message; strings.Contains(msg, "(R") {
		t.Errorf("%s: a rule code in the sentence but not in extensions.rule: %q", what, msg)
	}
}

// workerVisit is one of wes's visits today, not yet recorded, on a plan
// with an outcome.
func workerVisit(t *testing.T, s *apitest.Server) (myVisit, string) {
	t.Helper()
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, s.Token(t, "wes.worker"), myVisits, nil, &out)
	for _, v := range out.MyVisits {
		if len(v.Plan.Outcomes.Edges) > 0 && len(v.Plan.Outcomes.Edges[0].Node.Steps) > 0 {
			return v, v.Plan.Outcomes.Edges[0].Node.ID
		}
	}
	t.Fatal("wes has no visit today on a plan with an outcome step")
	return myVisit{}, ""
}

// A worker records progress only on the outcomes and steps of the plan the
// visit works to; an unknown outcome id is NOT_FOUND naming the field (it
// was a CONFLICT "would duplicate": an existence oracle), and nothing of
// the refused record is kept (issue 11, item 3).
func TestVisitProgressOnlyOnTheVisitsOwnPlan(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	v, _ := workerVisit(t, s)
	elsewhere := s.Client.Outcome.Query().Where(outcome.PlanIDNEQ(toID(v.Plan.ID))).FirstX(ctx)
	// A step of this plan, paired with an outcome it is not part of.
	var strayStep, itsOutcome string
	for _, o := range s.Client.Outcome.Query().Where(outcome.PlanID(toID(v.Plan.ID))).AllX(ctx) {
		if st, err := s.Client.OutcomeStep.Query().Where(outcomestep.OutcomeIDNEQ(o.ID), outcomestep.PlanID(o.PlanID)).First(ctx); err == nil {
			strayStep, itsOutcome = string(st.ID), string(o.ID)
			break
		}
	}
	record := func(progress map[string]any) map[string]any {
		return map[string]any{"in": map[string]any{
			"recordID": "phone-progress", "visitID": v.ID, "expectedRevision": v.Revision,
			"arrivedAt": time.Now().Add(-40 * time.Minute).UTC().Format(time.RFC3339), "departedAt": time.Now().Add(-10 * time.Minute).UTC().Format(time.RFC3339),
			"progress": []map[string]any{progress},
		}}
	}
	const m = `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id } }`
	refused(t, "progress on another person's outcome", s.Do(t, wes, m, record(map[string]any{"outcomeID": elsewhere.ID})),
		"input.progress.0.outcomeID", "NOT_FOUND", "INVALID_INPUT")
	refused(t, "progress on an outcome that does not exist", s.Do(t, wes, m, record(map[string]any{"outcomeID": outcome.DefaultID()})),
		"input.progress.0.outcomeID", "NOT_FOUND")
	if strayStep != "" {
		refused(t, "a step of another outcome", s.Do(t, wes, m, record(map[string]any{"outcomeID": itsOutcome, "stepID": strayStep})),
			"input.progress.0.stepID", "INVALID_INPUT")
	}
	if got := s.Client.Visit.GetX(ctx, toID(v.ID)); got.RecordID != nil || got.Status == visit.StatusCOMPLETED {
		t.Errorf("a refused record left the visit %s (record %v)", got.Status, got.RecordID)
	}
}

// updateVisit is held to the visit record's rules, which now live in the
// model (rule.VisitRecord): a worker cannot set times out of order, in
// the future or off the visit's day, complete a visit without its times,
// or rewrite a record once made (issue 11, item 3).
func TestUpdateVisitObeysTheVisitRecordRules(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	v, outcomeID := workerVisit(t, s)
	const update = `mutation($id: ID!, $in: UpdateVisitInput!) { updateVisit(id: $id, input: $in) { id } }`
	at := func(d time.Duration) string { return time.Now().Add(d).UTC().Format(time.RFC3339) }
	for _, c := range []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"left before arriving", map[string]any{"arrivedAt": at(-10 * time.Minute), "departedAt": at(-40 * time.Minute)}, "input.departedAt"},
		{"left without arriving", map[string]any{"departedAt": at(-10 * time.Minute)}, "input.arrivedAt"},
		{"arrived tomorrow", map[string]any{"arrivedAt": at(26 * time.Hour)}, "input.arrivedAt"},
		{"arrived a week ago", map[string]any{"arrivedAt": at(-7 * 24 * time.Hour)}, "input.arrivedAt"},
		{"completed with no times", map[string]any{"status": "COMPLETED"}, "input.status"},
		{"a day-long visit", map[string]any{"arrivedAt": at(-20 * time.Hour), "departedAt": at(-10 * time.Minute)}, "input.departedAt"},
	} {
		refused(t, c.name, s.Do(t, wes, update, map[string]any{"id": v.ID, "in": c.in}), c.field, "INVALID_INPUT")
	}
	// Once recorded, the record is not rewritten through another door.
	s.MustDo(t, wes, `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"recordID": "phone-once", "visitID": v.ID, "expectedRevision": v.Revision,
		"arrivedAt": at(-40 * time.Minute), "departedAt": at(-10 * time.Minute),
		"progress": []map[string]any{{"outcomeID": outcomeID}},
	}}, nil)
	r := s.Do(t, wes, update, map[string]any{"id": v.ID, "in": map[string]any{"arrivedAt": at(-30 * time.Minute)}})
	if !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
		t.Errorf("rewriting a recorded visit: %+v", r.Errors)
	}
	if got := s.Client.Visit.GetX(ctx, toID(v.ID)); got.RecordID == nil || *got.RecordID != "phone-once" {
		t.Errorf("the record was changed: %v", got.RecordID)
	}
}

// A practitioner cannot point a person, a plan or a visit at another
// authority's team or staff, nor a plan at another person's needs: each is
// refused naming the input field, and a foreign id answers exactly as an id
// that does not exist (issue 11, item 3).
func TestReferencesStayWithinTheAuthorityAndTheRecord(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 20})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)

	other := s.Client.Authority.Create().SetName("Elsewhere Borough").SetCode("ELSEWHERE").SaveX(ctx)
	sys := systemFor(ctx, other.ID)
	otherTeam := s.Client.Team.Create().SetName("Elsewhere Reablement").SetKind("REABLEMENT").SetAuthorityID(other.ID).SaveX(sys)
	otherStaff := s.Client.Account.Create().SetUsername("elsewhere.practitioner").SetSubject("elsewhere-1").SetDisplayName("Elsewhere Practitioner").
		SetRoles([]policy.Role{policy.Practitioner}).SetAuthorityID(other.ID).SaveX(sys)

	newPerson := func(name string) created {
		return mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"legalName": name, "preferredName": name, "dateOfBirth": "1944-05-06", "teamID": team.ID}})
	}
	p := newPerson("Iris Vale")
	neighbour := newPerson("Jack Vale")
	theirNeed := mustCreate(t, s, priya, `mutation($in: CreateNeedInput!) { createNeed(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": neighbour.ID, "area": "Preparing meals", "description": "Cannot stand at the cooker for long"}})
	pl := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision } }`,
		map[string]any{"in": map[string]any{"personID": p.ID}})

	const updatePerson = `mutation($id: ID!, $in: UpdatePersonInput!) { updatePerson(id: $id, input: $in) { id } }`
	const updatePlan = `mutation($id: ID!, $rev: Int!, $in: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $in) { id } }`
	refused(t, "a person moved to another authority's team", s.Do(t, priya, updatePerson, map[string]any{"id": p.ID, "in": map[string]any{"teamID": otherTeam.ID}}),
		"input.teamID", "NOT_FOUND")
	refused(t, "a person allocated to another authority's practitioner", s.Do(t, priya, updatePerson, map[string]any{"id": p.ID, "in": map[string]any{"allocatedPractitionerID": otherStaff.ID}}),
		"input.allocatedPractitionerID", "NOT_FOUND")
	refused(t, "a person allocated to no one that exists", s.Do(t, priya, updatePerson, map[string]any{"id": p.ID, "in": map[string]any{"allocatedPractitionerID": otherStaff.ID[:2] + "01ZZZZZZZZZZZZZZZZZZZZZZZZ"}}),
		"input.allocatedPractitionerID", "NOT_FOUND")
	refused(t, "a plan delivered by another authority's service", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"serviceTeamID": otherTeam.ID}}),
		"input.serviceTeamID", "NOT_FOUND")
	refused(t, "a plan reviewed by another authority's practitioner", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"reviewResponsibleID": otherStaff.ID}}),
		"input.reviewResponsibleID", "NOT_FOUND")
	refused(t, "a plan addressing another person's need", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"addNeedIDs": []string{theirNeed.ID}}}),
		"input.addNeedIDs", "INVALID_INPUT")
	if r := s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"addNeedIDs": []string{theirNeed.ID}}}); len(r.Errors) == 1 && r.Errors[0].Extensions["rule"] != "R1" {
		t.Errorf("another person's need: rule %v, want R1 in extensions.rule", r.Errors[0].Extensions["rule"])
	}
	refused(t, "a visit by another authority's worker", s.Do(t, priya, `mutation($in: CreateVisitInput!) { createVisit(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": pl.ID, "workerID": otherStaff.ID, "startsAt": time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339), "durationMinutes": 30}}),
		"input.workerID", "NOT_FOUND")
	// Within the authority and the record, the same changes are made (a
	// plan is delivered by a reablement service, R20).
	service := s.Client.Team.Query().Where(entteam.KindEQ(entteam.KindREABLEMENT), entteam.AuthorityID(team.AuthorityID)).FirstX(ctx)
	s.MustDo(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"serviceTeamID": service.ID}}, nil)
}

// Every input is bounded: a one-line field holds 200 characters, free
// text 10,000; a date of birth is after 1900 and not in the future; other
// dates are within ten years. Each refusal names the GraphQL field
// (issue 11, item 3).
func TestInputsAreBounded(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 20})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	const createPerson = `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`
	person := func(name, dob string) map[string]any {
		return map[string]any{"in": map[string]any{"legalName": name, "preferredName": "Ada", "dateOfBirth": dob, "teamID": team.ID}}
	}
	// The door stops a huge variable before it is decoded; the model
	// stops anything past the field's own bound, whatever sent it.
	refused(t, "a 500,000-character name", s.Do(t, priya, createPerson, person(strings.Repeat("a", 500_000), "1940-01-01")), "variables.in.legalName", "INVALID_INPUT")
	refused(t, "a 20,000-character name", s.Do(t, priya, createPerson, person(strings.Repeat("a", 20_000), "1940-01-01")), "input.legalName", "INVALID_INPUT")
	refused(t, "a 201-character name", s.Do(t, priya, createPerson, person(strings.Repeat("a", 201), "1940-01-01")), "input.legalName", "INVALID_INPUT")
	refused(t, "born in 2999", s.Do(t, priya, createPerson, person("Ada Lark", "2999-01-01")), "input.dateOfBirth", "INVALID_INPUT")
	refused(t, "born in 1850", s.Do(t, priya, createPerson, person("Ada Lark", "1850-01-01")), "input.dateOfBirth", "INVALID_INPUT")
	tomorrow := time.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	refused(t, "born the day after tomorrow", s.Do(t, priya, createPerson, person("Ada Lark", tomorrow)), "input.dateOfBirth", "INVALID_INPUT")
	p := mustCreate(t, s, priya, createPerson, person(strings.Repeat("a", 200), "1940-01-01"))

	pl := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision } }`, map[string]any{"in": map[string]any{"personID": p.ID}})
	const updatePlan = `mutation($id: ID!, $rev: Int!, $in: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $in) { revision } }`
	refused(t, "10,001 characters of free text", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"workerTasks": strings.Repeat("b", 10_001)}}),
		"input.workerTasks", "INVALID_INPUT")
	refused(t, "a first review in 2999", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"firstReviewDue": "2999-01-01"}}),
		"input.firstReviewDue", "INVALID_INPUT")
	refused(t, "a written record given next year", s.Do(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"writtenRecordAt": time.Now().AddDate(1, 0, 0).UTC().Format(time.RFC3339)}}),
		"input.writtenRecordAt", "INVALID_INPUT")
	refused(t, "an outcome targeted for 2999", s.Do(t, priya, `mutation($in: CreateOutcomeInput!) { createOutcome(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"planID": pl.ID, "statement": "Walk to the shop", "domain": "OTHER", "targetDate": "2999-01-01"}}),
		"input.targetDate", "INVALID_INPUT")
	s.MustDo(t, priya, updatePlan, map[string]any{"id": pl.ID, "rev": pl.Revision, "in": map[string]any{"workerTasks": strings.Repeat("b", 10_000)}}, nil)
}
