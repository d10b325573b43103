package apitest_test

import (
	"context"
	"encoding/json"

	"slices"
	"sync"
	"testing"
	"time"

	"reablement/ent"
	"reablement/ent/concern"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/progress"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

const myVisits = `query($d: Date) { myVisits(date: $d) { id startsAt revision status
  plan { id workerTasks outcomes(first: 10) { edges { node { id statement steps { id description status } } } }
    risks { kind description contingencies { measures } } person { preferredName visitAddress } } } }`

type myVisit struct {
	ID       string
	StartsAt time.Time
	Revision int
	Plan     struct {
		ID       string
		Outcomes struct {
			Edges []struct {
				Node struct {
					ID    string
					Steps []struct{ ID string }
				}
			}
		}
		Risks  []struct{ Kind string }
		Person struct{ VisitAddress *string }
	}
}

// The worker's day: today's visits in Europe/London, each with the plan
// they work to; statements stay constant however many visits there are.
func TestWorkerSeesTodaysVisitsWithTheirPlans(t *testing.T) {
	s := server(t)
	token := s.Token(t, "wes.worker")
	r := s.Do(t, token, myVisits, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("%+v", r.Errors)
	}
	var out struct{ MyVisits []myVisit }
	_ = json.Unmarshal(r.Data, &out)
	if n := len(out.MyVisits); n < 6 || n > 10 {
		t.Fatalf("wes has %d visits today; the demo gives 6-10", n)
	}
	london, _ := time.LoadLocation("Europe/London")
	today := time.Now().In(london).Format("2006-01-02")
	for i, v := range out.MyVisits {
		if v.StartsAt.In(london).Format("2006-01-02") != today {
			t.Errorf("visit at %s is not today (%s) in London", v.StartsAt, today)
		}
		if i > 0 && v.StartsAt.Before(out.MyVisits[i-1].StartsAt) {
			t.Error("visits are not in time order")
		}
		if v.Plan.ID == "" {
			t.Error("a visit came without its plan")
		}
		if a := v.Plan.Person.VisitAddress; a == nil || *a == "" {
			t.Error("a visit came without the address to go to (the address for visits is CONTACT)")
		}
	}
	// A day with fewer visits costs the same number of statements.
	tomorrow := time.Now().In(london).AddDate(0, 0, 1).Format("2006-01-02")
	other := s.Do(t, token, myVisits, map[string]any{"d": tomorrow})
	again := s.Do(t, token, myVisits, nil)
	if other.Statements != again.Statements {
		t.Errorf("statements depend on the visits: %d today, %d tomorrow", again.Statements, other.Statements)
	}
}

// A test at 00:30 on the last Sunday of March and of October (Europe/London)
// returns the visits of the right calendar day (issue 6).
func TestMyVisitsFollowsTheCalendarDayAcrossClockChanges(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Account(t, "wes.worker")
	anyPlan := s.Client.Visit.Query().Where(visit.WorkerID(wes.ID)).FirstX(ctx).PlanID
	london, _ := time.LoadLocation("Europe/London")
	home := s.Client.Authority.Query().OnlyX(ctx)
	sys := systemFor(ctx, home.ID)
	add := func(local string) string {
		at, _ := time.ParseInLocation("2006-01-02 15:04", local, london)
		p := s.Client.Plan.Query().Where(plan.ID(anyPlan)).OnlyX(ctx)
		v := s.Client.Visit.Create().SetPlanID(anyPlan).SetPersonID(p.PersonID).SetWorkerID(wes.ID).
			SetStartsAt(at.UTC()).SetDurationMinutes(30).SaveX(sys)
		return string(v.ID)
	}
	for _, c := range []struct{ day, before, inside, late, after string }{
		{"2026-03-29", "2026-03-28 23:30", "2026-03-29 00:30", "2026-03-29 23:30", "2026-03-30 00:30"},
		{"2026-10-25", "2026-10-24 23:30", "2026-10-25 00:30", "2026-10-25 23:30", "2026-10-26 00:30"},
	} {
		t.Run(c.day, func(t *testing.T) {
			outside := []string{add(c.before), add(c.after)}
			inside := []string{add(c.inside), add(c.late)}
			token := s.Token(t, "wes.worker")
			var out struct{ MyVisits []myVisit }
			s.MustDo(t, token, `query($d: Date) { myVisits(date: $d) { id startsAt } }`, map[string]any{"d": c.day}, &out)
			var got []string
			for _, v := range out.MyVisits {
				got = append(got, v.ID)
			}
			for _, id := range inside {
				if !slices.Contains(got, id) {
					t.Errorf("a visit of %s is missing", c.day)
				}
			}
			for _, id := range outside {
				if slices.Contains(got, id) {
					t.Errorf("a visit of another day appears on %s", c.day)
				}
			}
		})
	}
}

// The same visit record sent five times at once is applied once (issue 6).
func TestARetriedVisitRecordIsAppliedOnce(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	token := s.Token(t, "wes.worker")
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, token, myVisits, nil, &out)
	var target myVisit
	for _, v := range out.MyVisits {
		if len(v.Plan.Outcomes.Edges) > 0 && len(v.Plan.Outcomes.Edges[0].Node.Steps) > 0 {
			target = v
			break
		}
	}
	if target.ID == "" {
		t.Fatal("no visit today with an outcome step to record progress on")
	}
	outcome := target.Plan.Outcomes.Edges[0].Node
	record := map[string]any{"in": map[string]any{
		"recordID": "phone-4f1c2a", "visitID": target.ID, "expectedRevision": target.Revision,
		"arrivedAt": time.Now().Add(-40 * time.Minute).UTC().Format(time.RFC3339), "departedAt": time.Now().UTC().Format(time.RFC3339),
		"notes":    "Made toast with prompting; steadier today.",
		"progress": []map[string]any{{"outcomeID": outcome.ID, "stepID": outcome.Steps[0].ID, "stepStatus": "IN_PROGRESS", "note": "Managed the kettle"}},
	}}
	mutation := `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id status revision } }`
	var wg sync.WaitGroup
	codes := make([][]string, 5)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = s.Do(t, token, mutation, record).Codes()
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if len(c) > 0 {
			t.Errorf("send %d answered %v; a retry must return the same record", i+1, c)
		}
	}
	saved := s.Client.Visit.GetX(ctx, toID(target.ID))
	if saved.Status != visit.StatusCOMPLETED || saved.Revision != target.Revision+1 {
		t.Errorf("visit is %s at revision %d; want COMPLETED at %d", saved.Status, saved.Revision, target.Revision+1)
	}
	if n := s.Client.Progress.Query().Where(progress.VisitID(saved.ID)).CountX(ctx); n != 1 {
		t.Errorf("%d progress records for one visit record", n)
	}
	// A different record from an out-of-date copy is refused, not merged.
	stale := map[string]any{"in": map[string]any{"recordID": "phone-other", "visitID": target.ID, "expectedRevision": target.Revision,
		"arrivedAt": time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), "departedAt": time.Now().UTC().Format(time.RFC3339)}}
	if r := s.Do(t, token, mutation, stale); !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
		t.Errorf("a second record from a stale copy: %v", r.Codes())
	}
}

// A safeguarding concern raised at a visit goes straight to the allocated
// practitioner's due list (issue 6); acknowledging it, once, says it was
// seen, and it stays due until it is closed with what was done (issue 13).
func TestSafeguardingConcernReachesThePractitionersDueList(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, wes, myVisits, nil, &out)
	if len(out.MyVisits) == 0 {
		t.Fatal("wes has no visits today")
	}
	v := out.MyVisits[0]
	// The worker has no basis to read safeguarding back; the record is made.
	s.MustDo(t, wes, `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"recordID": "phone-sg-1", "visitID": v.ID, "expectedRevision": v.Revision,
		"arrivedAt": time.Now().Add(-30 * time.Minute).UTC().Format(time.RFC3339), "departedAt": time.Now().UTC().Format(time.RFC3339),
		"concerns": []map[string]any{{"kind": "SAFEGUARDING", "details": "Bruising on both forearms; says she fell, seemed frightened of her nephew"}},
	}}, nil)
	concerns := s.Client.Concern.Query().Where(concern.VisitID(toID(v.ID))).AllX(ctx)
	if len(concerns) != 1 {
		t.Fatalf("the record holds %d concerns", len(concerns))
	}
	concernID := string(concerns[0].ID)
	practitioner := allocatedFor(t, s, s.Client.Visit.GetX(ctx, toID(v.ID)).QueryPlan().QueryPerson().OnlyX(ctx))

	due := func() []string {
		var d struct {
			DueList struct{ SafeguardingConcerns []struct{ ID string } }
		}
		s.MustDo(t, practitioner, `{ dueList { safeguardingConcerns { id } } }`, nil, &d)
		var ids []string
		for _, c := range d.DueList.SafeguardingConcerns {
			ids = append(ids, c.ID)
		}
		return ids
	}
	if !slices.Contains(due(), concernID) {
		t.Fatal("the concern is not on the practitioner's due list")
	}
	ack := `mutation($id: ID!) { acknowledgeConcern(id: $id) { acknowledgedAt } }`
	// A worker has no SAFEGUARDING basis: once raised, the concern is not
	// theirs to see, so acknowledging it finds nothing (issue 10).
	if r := s.Do(t, wes, ack, map[string]any{"id": concernID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("the worker acknowledging their own concern: %v", r.Codes())
	}
	s.MustDo(t, practitioner, ack, map[string]any{"id": concernID}, nil)
	if !slices.Contains(due(), concernID) {
		t.Error("an acknowledged concern left the due list before it was closed")
	}
	if r := s.Do(t, practitioner, ack, map[string]any{"id": concernID}); !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
		t.Errorf("acknowledging twice: %v", r.Codes())
	}
	if c := s.Client.Concern.GetX(ctx, toID(concernID)); c.AcknowledgedByID == nil {
		t.Error("the record does not say who acknowledged it")
	}
}

// The worker goes to the home address when no other is recorded for visits,
// without being shown the identity section that holds it.
func TestWorkerIsGivenTheAddressForVisitsButNotIdentity(t *testing.T) {
	s := server(t)
	token := s.Token(t, "wes.worker")
	r := s.Do(t, token, `{ myVisits { plan { person { visitAddress address } } } }`, nil)
	withheld := withheldSections(r)
	if !withheld[policy.Identity] {
		t.Errorf("the worker was shown the home address field (identity): %s", r.Data)
	}
	var out struct {
		MyVisits []struct {
			Plan struct {
				Person struct{ VisitAddress, Address *string }
			}
		}
	}
	_ = json.Unmarshal(r.Data, &out)
	if len(out.MyVisits) == 0 {
		t.Fatal("no visits today")
	}
	for _, v := range out.MyVisits {
		if v.Plan.Person.Address != nil || v.Plan.Person.VisitAddress == nil || *v.Plan.Person.VisitAddress == "" {
			t.Errorf("visitAddress %v, address %v; want the address for visits only", v.Plan.Person.VisitAddress, v.Plan.Person.Address)
		}
	}
}

// Two of a worker's visits at the same time (a double-up, or a visit
// booked twice) come in one order, by id, at every fetch: the list on the
// worker's phone does not reshuffle between refreshes. The visit with the
// smaller id is moved to the other's time, so PostgreSQL, which writes an
// updated row anew, would otherwise return it second.
func TestAWorkersVisitsAtTheSameTimeKeepOneOrder(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 30})
	ctx := apitest.System(context.Background())
	token := s.Token(t, "wes.worker")
	start := startOfToday(t)
	today := s.Client.Visit.Query().Where(visit.WorkerID(s.Account(t, "wes.worker").ID), visit.StartsAtGTE(start),
		visit.StartsAtLT(start.AddDate(0, 0, 1))).Order(ent.Asc(visit.FieldID)).AllX(ctx)
	if len(today) < 2 {
		t.Fatalf("wes has %d visits today; the test needs two", len(today))
	}
	first, other := today[0], today[len(today)-1]
	s.Client.Visit.UpdateOneID(first.ID).SetStartsAt(other.StartsAt).ExecX(writer(context.Background(), s))
	for fetch := 1; fetch <= 3; fetch++ {
		var out struct{ MyVisits []struct{ ID string } }
		s.MustDo(t, token, `{ myVisits { id } }`, nil, &out)
		at := map[string]int{}
		for i, v := range out.MyVisits {
			at[v.ID] = i
		}
		i, ok1 := at[string(first.ID)]
		j, ok2 := at[string(other.ID)]
		if !ok1 || !ok2 || j != i+1 {
			t.Fatalf("fetch %d: the two visits at %s are at places %d and %d of %d, want %s straight before %s",
				fetch, other.StartsAt.Format(time.Kitchen), i, j, len(out.MyVisits), first.ID, other.ID)
		}
	}
}
