package apitest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"reablement/server/apitest"
)

// Keeping the record (issue 12, item 2): a practitioner edits every part of
// a person's record through the API, as the web app does, and the rules of
// each part hold.

// newPerson adds a person to priya's team for one test.
func newPerson(t *testing.T, s *apitest.Server, token, name string) string {
	t.Helper()
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(apitest.System(context.Background()))
	return mustCreate(t, s, token, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": name, "preferredName": name, "dateOfBirth": "1944-03-09", "teamID": team.ID}}).ID
}

// The details, carers with their own view, contacts, communication,
// advocacy and needs with a difference of view are all changed and read
// back as saved.
func TestEveryPartOfTheRecordCanBeEdited(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	person := newPerson(t, s, priya, "Jane Orrell")

	s.MustDo(t, priya, `mutation($id: ID!) { updatePerson(id: $id, input: {phone: "01539 000111", communicationNeeds: "Speak slowly, face her", preferredFormats: "Large print",
		interpreterLanguage: "Polish", substantialDifficulty: true, advocacy: REFERRAL_WAITING}) { id } }`, map[string]any{"id": person}, nil)
	carer := mustCreate(t, s, priya, `mutation($p: ID!) { createCarer(input: {personID: $p, name: "Tom Orrell", relationship: "son", ownView: "I can do the shopping but not personal care"}) { id } }`,
		map[string]any{"p": person})
	s.MustDo(t, priya, `mutation($id: ID!) { updateCarer(id: $id, input: {livesWithPerson: true, ownView: "I can do the shopping and evenings"}) { id } }`, map[string]any{"id": carer.ID}, nil)
	contact := mustCreate(t, s, priya, `mutation($p: ID!) { createContact(input: {personID: $p, name: "Dr Lee", kind: GP}) { id } }`, map[string]any{"p": person})
	s.MustDo(t, priya, `mutation($id: ID!) { updateContact(id: $id, input: {organisation: "Fellside Surgery"}) { id } }`, map[string]any{"id": contact.ID}, nil)
	need := mustCreate(t, s, priya, `mutation($p: ID!) { createNeed(input: {personID: $p, area: "Moving around the home", description: "Mobilises with aids", personView: "I cannot move around my home"}) { id } }`,
		map[string]any{"p": person})
	s.MustDo(t, priya, `mutation($id: ID!) { updateNeed(id: $id, input: {differenceOfView: "Jane says she cannot move around; the OT saw the aids work"}) { id } }`, map[string]any{"id": need.ID}, nil)

	var got struct {
		Node struct {
			Phone, CommunicationNeeds, PreferredFormats, InterpreterLanguage, Advocacy string
			SubstantialDifficulty                                                      bool
			Carers                                                                     []struct {
				OwnView         string
				LivesWithPerson bool
			}
			Contacts []struct{ Organisation string }
			Needs    []struct{ PersonView, DifferenceOfView string }
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Person { phone communicationNeeds preferredFormats interpreterLanguage advocacy substantialDifficulty
		carers { ownView livesWithPerson } contacts { organisation } needs { personView differenceOfView } } } }`, map[string]any{"id": person}, &got)
	n := got.Node
	if n.Phone != "01539 000111" || n.CommunicationNeeds != "Speak slowly, face her" || n.PreferredFormats != "Large print" || n.InterpreterLanguage != "Polish" ||
		n.Advocacy != "REFERRAL_WAITING" || !n.SubstantialDifficulty {
		t.Errorf("details read back as %+v", n)
	}
	if len(n.Carers) != 1 || n.Carers[0].OwnView != "I can do the shopping and evenings" || !n.Carers[0].LivesWithPerson {
		t.Errorf("carers read back as %+v", n.Carers)
	}
	if len(n.Contacts) != 1 || n.Contacts[0].Organisation != "Fellside Surgery" {
		t.Errorf("contacts read back as %+v", n.Contacts)
	}
	if len(n.Needs) != 1 || n.Needs[0].PersonView != "I cannot move around my home" || n.Needs[0].DifferenceOfView == "" {
		t.Errorf("needs read back as %+v", n.Needs)
	}
}

// A capacity assessment that finds the person lacks capacity says why; a
// best-interests decision is only for a person lacking capacity and records
// who was consulted (R22); neither refusal leaves anything behind.
func TestCapacityAndBestInterestsRecordTheirReasons(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	person := newPerson(t, s, priya, "Harold Birkett")
	at := time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)
	assess := `mutation($in: CreateCapacityAssessmentInput!) { createCapacityAssessment(input: $in) { id hasCapacity notes } }`

	r := s.Do(t, priya, assess, map[string]any{"in": map[string]any{"personID": person, "decision": "Where to live", "hasCapacity": false, "assessedAt": at, "assessor": "Priya Shah"}})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.notes" {
		t.Fatalf("lacking capacity without reasons: %+v", r.Errors)
	}
	a := mustCreate(t, s, priya, assess, map[string]any{"in": map[string]any{"personID": person, "decision": "Where to live", "hasCapacity": false, "assessedAt": at,
		"assessor": "Priya Shah", "notes": "Could not retain the information across two visits"}})
	s.MustDo(t, priya, `mutation($id: ID!) { updateCapacityAssessment(id: $id, input: {assessor: "Priya Shah and Dr Lee"}) { id } }`, map[string]any{"id": a.ID}, nil)
	if r := s.Do(t, priya, `mutation($id: ID!) { updateCapacityAssessment(id: $id, input: {clearNotes: true}) { id } }`, map[string]any{"id": a.ID}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("clearing the reasons of an assessment that found no capacity: %v", r.Codes())
	}

	decide := `mutation($in: CreateConsentInput!) { recordConsent(input: $in) { id givenBy } }`
	r = s.Do(t, priya, decide, map[string]any{"in": map[string]any{"personID": person, "purpose": "SHARING", "covers": "Share the plan with his neighbour",
		"givenBy": "BEST_INTERESTS", "hadCapacity": true, "decidedAt": at}})
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R22" {
		t.Fatalf("a best-interests decision for a person with capacity: %+v", r.Errors)
	}
	if problems, _ := r.Errors[0].Extensions["problems"].([]any); len(problems) != 3 {
		t.Errorf("want the three missing parts listed, got %v", problems)
	}
	mustCreate(t, s, priya, decide, map[string]any{"in": map[string]any{"personID": person, "purpose": "SHARING", "covers": "Share the plan with his neighbour",
		"givenBy": "BEST_INTERESTS", "hadCapacity": false, "decidedByName": "Priya Shah", "bestInterestsRecord": "Consulted his son and GP; he has always relied on her", "decidedAt": at}})

	var got struct {
		Node struct {
			CapacityAssessments []struct{ Assessor string }
			Consents            []struct{ GivenBy string }
		}
	}
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Person { capacityAssessments { assessor } consents { givenBy } } } }`, map[string]any{"id": person}, &got)
	if len(got.Node.CapacityAssessments) != 1 || got.Node.CapacityAssessments[0].Assessor != "Priya Shah and Dr Lee" || len(got.Node.Consents) != 1 {
		t.Errorf("the record holds %+v", got.Node)
	}
}

// R34: advice records who follows it up and when; it is on the due list
// until followed up, which is recorded once.
func TestAdviceIsFollowedUpFromTheDueList(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	me := s.Account(t, "priya.practitioner")
	person := newPerson(t, s, priya, "Mary Dixon")
	given := time.Now().UTC().Add(-2 * time.Hour).Format(time.RFC3339)
	due := time.Now().UTC().Add(48 * time.Hour).Format(time.RFC3339)
	create := `mutation($in: CreateAdviceInput!) { createAdvice(input: $in) { id } }`

	r := s.Do(t, priya, create, map[string]any{"in": map[string]any{"personID": person, "summary": "Told about the falls service", "givenAt": given}})
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R34" {
		t.Fatalf("advice with no follow-up: %+v", r.Errors)
	}
	fields := map[string]bool{}
	for _, p := range r.Errors[0].Extensions["problems"].([]any) {
		fields[p.(map[string]any)["field"].(string)] = true
	}
	if !fields["input.followUpByID"] || !fields["input.followUpDue"] {
		t.Errorf("the refusal names %v; want who and when", fields)
	}
	advice := mustCreate(t, s, priya, create, map[string]any{"in": map[string]any{"personID": person, "summary": "Told about the falls service", "givenAt": given,
		"followUpDue": due, "followUpByID": me.ID}})

	onList := func() bool {
		var d struct {
			DueList struct{ AdviceFollowUps []struct{ ID string } }
		}
		s.MustDo(t, priya, `{ dueList(withinDays: 7) { adviceFollowUps { id } } }`, nil, &d)
		return slices.ContainsFunc(d.DueList.AdviceFollowUps, func(a struct{ ID string }) bool { return a.ID == advice.ID })
	}
	if !onList() {
		t.Fatal("advice due in two days is not on the due list")
	}
	follow := `mutation($id: ID!) { followUpAdvice(id: $id, notes: "She has been to the falls clinic") { id followedUpAt followUpNotes } }`
	s.MustDo(t, priya, follow, map[string]any{"id": advice.ID}, nil)
	if onList() {
		t.Error("advice followed up is still on the due list")
	}
	if r := s.Do(t, priya, follow, map[string]any{"id": advice.ID}); !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
		t.Errorf("following up twice: %v", r.Codes())
	}
}

// Plan.inProgress answers from the server's one list of statuses (R2), so
// screens do not keep their own.
func TestPlanSaysWhetherItIsInProgress(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	person := newPerson(t, s, priya, "Alan Hebden")
	p := mustCreate(t, s, priya, `mutation($p: ID!) { createPlan(input: {personID: $p}) { id } }`, map[string]any{"p": person})
	var got struct{ Node struct{ InProgress bool } }
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { ... on Plan { inProgress } } }`, map[string]any{"id": p.ID}, &got)
	if !got.Node.InProgress {
		t.Error("a draft plan is not in progress")
	}
	var ended struct {
		Plans struct {
			Edges []struct{ Node struct{ InProgress bool } }
		}
	}
	s.MustDo(t, priya, `{ plans(first: 5, where: {status: ENDED}) { edges { node { inProgress } } } }`, nil, &ended)
	if len(ended.Plans.Edges) == 0 {
		t.Fatal("priya's team has no ended plan in the demo data")
	}
	for _, e := range ended.Plans.Edges {
		if e.Node.InProgress {
			t.Error("an ended plan says it is in progress")
		}
	}
}
