package apitest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/outcome"
	"reablement/ent/progress"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// concurrently sends n requests at once (released together, so they
// really overlap) and returns each answer.
func concurrently(n int, send func(i int) apitest.Response) []apitest.Response {
	out := make([]apitest.Response, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = send(i)
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// Eighty workers' phones recording visits at once each hold one pooled
// connection, and only one: the consent reads and both audit writes run in
// the visit record's own transaction, so the pool (20) is never starved.
// Every record is saved exactly once; resending all eighty applies none
// again (issue 11, item 2; R13's visit records).
func TestEightyConcurrentVisitRecordsAreEachSavedOnce(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Account(t, "wes.worker")
	london, _ := time.LoadLocation("Europe/London")
	now := time.Now()
	y, m, d := now.In(london).Date()
	morning := time.Date(y, m, d, 6, 0, 0, 0, london)
	// A plan wes is assigned to today, and 80 more visits on it today.
	first := s.Client.Visit.Query().Where(visit.WorkerID(wes.ID), visit.StartsAtGTE(morning), visit.StartsAtLT(morning.AddDate(0, 0, 1))).FirstX(ctx)
	out := s.Client.Outcome.Query().Where(outcome.PlanID(first.PlanID)).FirstX(ctx)
	builders := make([]*ent.VisitCreate, 80)
	for i := range builders {
		builders[i] = s.Client.Visit.Create().SetPlanID(first.PlanID).SetPersonID(first.PersonID).SetWorkerID(wes.ID).
			SetStartsAt(morning.Add(time.Duration(i) * 10 * time.Minute)).SetDurationMinutes(10)
	}
	visits := s.Client.Visit.CreateBulk(builders...).SaveX(systemFor(ctx, wes.AuthorityID))
	token := s.Token(t, "wes.worker")
	const mutation = `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id status revision arrivedAt } }`
	record := func(i int) map[string]any {
		return map[string]any{"in": map[string]any{
			"recordID": fmt.Sprintf("phone-%02d", i), "visitID": visits[i].ID, "expectedRevision": visits[i].Revision,
			"arrivedAt": now.Add(-40 * time.Minute).UTC().Format(time.RFC3339), "departedAt": now.Add(-10 * time.Minute).UTC().Format(time.RFC3339),
			"notes":    "Made a sandwich unaided.",
			"progress": []map[string]any{{"outcomeID": out.ID, "note": fmt.Sprintf("visit %d", i)}},
		}}
	}
	begun := time.Now()
	for round, name := range []string{"first sends", "resends"} {
		answers := concurrently(len(visits), func(i int) apitest.Response { return s.Do(t, token, mutation, record(i)) })
		for i, a := range answers {
			var got struct{ RecordVisit struct{ ID, Status string } }
			_ = json.Unmarshal(a.Data, &got)
			if len(a.Errors) > 0 || got.RecordVisit.ID != string(visits[i].ID) || got.RecordVisit.Status != "COMPLETED" {
				t.Errorf("%s: visit %d answered %s %+v", name, i, a.Data, a.Errors)
			}
		}
		if t.Failed() {
			t.Fatalf("round %d failed", round+1)
		}
	}
	t.Logf("160 visit records (80 at once, twice) in %s", time.Since(begun).Round(time.Millisecond))

	// From the database: each visit recorded once, by its own record.
	for i, v := range visits {
		saved := s.Client.Visit.GetX(ctx, v.ID)
		if saved.RecordID == nil || *saved.RecordID != fmt.Sprintf("phone-%02d", i) || saved.Revision != v.Revision+1 || saved.Status != visit.StatusCOMPLETED {
			t.Errorf("visit %d: record %v, revision %d (from %d), %s", i, saved.RecordID, saved.Revision, v.Revision, saved.Status)
		}
		if n := s.Client.Progress.Query().Where(progress.VisitID(v.ID)).CountX(ctx); n != 1 {
			t.Errorf("visit %d has %d progress records", i, n)
		}
	}
	// One CHANGE event per record applied, none for the resends; and every
	// answer's disclosure (arrivedAt is VISITS) is on the record.
	changes := s.Client.AuditEvent.Query().Where(auditevent.ActionEQ(auditevent.ActionCHANGE), auditevent.PersonID(first.PersonID),
		auditevent.OccurredAtGTE(begun.Add(-time.Second)), auditevent.OperationContains("Visit")).CountX(ctx)
	if changes != len(visits) {
		t.Errorf("%d CHANGE events for %d visit records", changes, len(visits))
	}
	disclosed := s.Client.AuditEvent.Query().Where(auditevent.ActionEQ(auditevent.ActionDISCLOSURE), auditevent.PersonID(first.PersonID),
		auditevent.OccurredAtGTE(begun.Add(-time.Second))).CountX(ctx)
	if disclosed != 2*len(visits) {
		t.Errorf("%d DISCLOSURE events for %d answers", disclosed, 2*len(visits))
	}
}

// Twenty saves of one plan from the same revision, at once: one wins, the
// other nineteen answer CONFLICT on expectedRevision (not a timeout, not
// INTERNAL), and the plan holds the winner's change (issue 11, item 2).
func TestTwentyConcurrentSavesOfOneRevisionHaveOneWinner(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 20})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Edith Crane", "preferredName": "Edie", "dateOfBirth": "1941-02-03", "teamID": team.ID}})
	p := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id revision } }`,
		map[string]any{"in": map[string]any{"personID": person.ID}})
	const update = `mutation($id: ID!, $rev: Int!, $in: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $in) { revision visitFrequency } }`
	begun := time.Now()
	answers := concurrently(20, func(i int) apitest.Response {
		return s.Do(t, priya, update, map[string]any{"id": p.ID, "rev": p.Revision, "in": map[string]any{"visitFrequency": fmt.Sprintf("%d times a week", i+1)}})
	})
	t.Logf("20 saves at once in %s", time.Since(begun).Round(time.Millisecond))
	winner := -1
	for i, a := range answers {
		switch {
		case len(a.Errors) == 0:
			if winner >= 0 {
				t.Errorf("saves %d and %d both won", winner, i)
			}
			winner = i
		case !slices.Equal(a.Codes(), []string{"CONFLICT"}) || a.Errors[0].Extensions["field"] != "expectedRevision" || a.Errors[0].Extensions["retryable"] != nil:
			t.Errorf("save %d: %+v; want a CONFLICT on expectedRevision that is not resent unchanged", i, a.Errors)
		}
	}
	if winner < 0 {
		t.Fatal("no save won")
	}
	saved := s.Client.Plan.GetX(ctx, toID(p.ID))
	if want := fmt.Sprintf("%d times a week", winner+1); saved.VisitFrequency != want || saved.Revision != p.Revision+1 {
		t.Errorf("the plan says %q at revision %d; want the winner's %q at %d", saved.VisitFrequency, saved.Revision, want, p.Revision+1)
	}
}
