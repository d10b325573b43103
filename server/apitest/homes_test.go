package apitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"reablement/ent"
	"reablement/ent/advice"
	"reablement/ent/amendment"
	"reablement/ent/auditevent"
	"reablement/ent/plan"
	"reablement/ent/review"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// The homes of issue 13: the person and their carers ask for a review
// (R12) or a change (R25) and see the answer; the access history grouped by
// who and by day; a registered manager's day across the service (R32).

// planInForce finds the newest plan version in force the viewer holds.
func planInForce(t *testing.T, s *apitest.Server, token string) (planID, personID string) {
	t.Helper()
	return firstPlan(t, s, token, `, where: {statusIn: [AGREED, ACTIVE, UNDER_REVIEW]}, orderBy: {field: VERSION, direction: DESC}`)
}

// The requests as the web app sends them: a carer whose copy leaves out
// reviews or involvement is not shown what she asked, which would answer
// SECTION_WITHHELD and roll the request back.
const askReview = `mutation($input: CreateReviewInput!) { requestReview(input: $input) { id } }`
const askChange = `mutation($input: CreateAmendmentInput!) { requestAmendment(input: $input) { id } }`

// R12: the person asks for a review of her plan with a reason; it reaches
// the practitioner's due list, is decided there, and the person sees the
// decision and its reasons. The request is on the record as the person's
// own change.
func TestThePersonAsksForAReviewAndSeesTheAnswer(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	pat := s.Token(t, "pat.person")
	planID, personID := planInForce(t, s, pat)

	var asked struct {
		RequestReview struct{ ID, Kind, RequestedBy, Reason, Decision string }
	}
	s.MustDo(t, pat, `mutation($input: CreateReviewInput!) { requestReview(input: $input) { id kind requestedBy reason decision } }`, map[string]any{"input": map[string]any{"planID": planID, "kind": "UNPLANNED", "reason": "My hip is worse since I fell on Sunday"}}, &asked)
	if asked.RequestReview.RequestedBy != "PERSON" || asked.RequestReview.Decision != "PENDING" {
		t.Fatalf("the person's request: %+v", asked.RequestReview)
	}
	change := s.Client.AuditEvent.Query().Where(auditevent.PersonID(toID(personID)), auditevent.ActionEQ(auditevent.ActionCHANGE),
		auditevent.ViewerID(s.Account(t, "pat.person").ID)).AllX(ctx)
	if len(change) != 1 || !slices.Contains(change[0].Bases, "OWN_RECORD") || !slices.Contains(change[0].Sections, "REVIEW") {
		t.Errorf("the request's CHANGE event: %+v", change)
	}

	practitioner := practitionerFor(t, s, personID)
	var due struct {
		DueList struct {
			Reviews []struct {
				ID, Decision, Reason string
				Plan                 struct{ ID string }
			}
		}
	}
	s.MustDo(t, practitioner, `{ dueList { reviews { id decision reason plan { id } } } }`, nil, &due)
	if !slices.ContainsFunc(due.DueList.Reviews, func(r struct {
		ID, Decision, Reason string
		Plan                 struct{ ID string }
	}) bool {
		return r.ID == asked.RequestReview.ID && r.Decision == "PENDING" && r.Plan.ID == planID
	}) {
		t.Fatalf("the request is not on the practitioner's due list: %+v", due.DueList.Reviews)
	}
	s.MustDo(t, practitioner, `mutation($id: ID!) { decideReviewRequest(id: $id, decision: HOLD, reason: "We will visit on Thursday to review your plan") { id } }`,
		map[string]any{"id": asked.RequestReview.ID}, nil)

	var seen struct {
		Node struct {
			Reviews []struct{ ID, Decision, DecisionReason string }
		}
	}
	s.MustDo(t, pat, `query($id: ID!) { node(id: $id) { ... on Plan { reviews { id decision decisionReason } } } }`, map[string]any{"id": planID}, &seen)
	i := slices.IndexFunc(seen.Node.Reviews, func(r struct{ ID, Decision, DecisionReason string }) bool { return r.ID == asked.RequestReview.ID })
	if i < 0 || seen.Node.Reviews[i].Decision != "HOLD" || seen.Node.Reviews[i].DecisionReason != "We will visit on Thursday to review your plan" {
		t.Errorf("the person sees her request as %+v", seen.Node.Reviews)
	}
}

// R12, R25: who may ask for a review or a change, and how. The person on
// her own plan in force and a carer on the copy they hold may ask for
// either; an advocate for a change; a worker, an analyst or anyone on a
// plan they do not hold may not. A requester says who they are by their
// account, not a choice, and says only why: a due date, a decision or
// "do not re-circulate" on the person's behalf is refused, and a refused
// request leaves nothing behind.
func TestWhoMayAskForAReviewOrAChange(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	pat, carol, adam := s.Token(t, "pat.person"), s.Token(t, "carol.carer"), s.Token(t, "adam.advocate")
	patPlan, patPerson := planInForce(t, s, pat)
	carolPlan, _ := planInForce(t, s, carol)
	adamPlan, _ := planInForce(t, s, adam)
	superseded := s.Client.Plan.Query().Where(plan.PersonID(toID(patPerson)), plan.StatusEQ(plan.StatusSUPERSEDED)).FirstX(ctx)
	wesPlan, _ := firstPlan(t, s, s.Token(t, "wes.worker"), "")

	reviewOf := func(planID string, extra map[string]any) map[string]any {
		in := map[string]any{"planID": planID, "kind": "UNPLANNED", "reason": "Things have changed at home"}
		for k, v := range extra {
			in[k] = v
		}
		return map[string]any{"input": in}
	}
	changeOf := func(planID, as string, extra map[string]any) map[string]any {
		in := map[string]any{"planID": planID, "requestedBy": as, "reason": "MISINTERPRETATION", "details": "I do want to go to the lunch club"}
		for k, v := range extra {
			in[k] = v
		}
		return map[string]any{"input": in}
	}
	cases := []struct {
		name, who, token, doc string
		vars                  map[string]any
		code                  string // "" when allowed
		requestedBy           string
	}{
		{"the person asks for a review of her plan", "pat", pat, askReview, reviewOf(patPlan, nil), "", "PERSON"},
		{"the person asks for a change to her plan", "pat", pat, askChange, changeOf(patPlan, "PERSON", nil), "", "PERSON"},
		{"a carer asks for a review of the plan she holds", "carol", carol, askReview, reviewOf(carolPlan, nil), "", "CARER"},
		{"a carer asks for a change to the plan she holds", "carol", carol, askChange, changeOf(carolPlan, "CARER", nil), "", "CARER"},
		{"an advocate asks for a change on the person's behalf", "adam", adam, askChange, changeOf(adamPlan, "ADVOCATE", nil), "", "ADVOCATE"},
		{"an advocate cannot ask for a review (R12 names the person, carers and providers)", "adam", adam, askReview, reviewOf(adamPlan, nil), "FORBIDDEN", ""},
		{"the person cannot schedule a review", "pat", pat, askReview, reviewOf(patPlan, map[string]any{"kind": "SCHEDULED"}), "INVALID_INPUT", ""},
		{"the person cannot set when a review is due", "pat", pat, askReview, reviewOf(patPlan, map[string]any{"due": "2030-01-01"}), "FORBIDDEN", ""},
		{"the person cannot ask as a carer", "pat", pat, askReview, reviewOf(patPlan, map[string]any{"requestedBy": "CARER"}), "INVALID_INPUT", ""},
		{"the person cannot record the evidence reviewed", "pat", pat, askChange, changeOf(patPlan, "PERSON", map[string]any{"evidenceReviewed": "none"}), "FORBIDDEN", ""},
		{"a carer cannot ask as the person", "carol", carol, askChange, changeOf(carolPlan, "PERSON", nil), "INVALID_INPUT", ""},
		{"only the person can ask that a new version not be re-circulated (R26)", "carol", carol, askChange, changeOf(carolPlan, "CARER", map[string]any{"noRecirculation": true}), "INVALID_INPUT", ""},
		{"a superseded version cannot be asked about", "pat", pat, askReview, reviewOf(string(superseded.ID), nil), "RULE_VIOLATION", ""},
		{"the person cannot ask about someone else's plan", "pat", pat, askReview, reviewOf(carolPlan, nil), "NOT_FOUND", ""},
		{"a worker cannot ask for a review", "wes", s.Token(t, "wes.worker"), askReview, reviewOf(wesPlan, nil), "FORBIDDEN", ""},
		{"an analyst cannot ask for a change", "ana", s.Token(t, "ana.analyst"), askChange, changeOf(patPlan, "OTHER", nil), "NOT_FOUND", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := s.Client.Review.Query().CountX(ctx) + s.Client.Amendment.Query().CountX(ctx)
			r := s.Do(t, c.token, c.doc, c.vars)
			after := s.Client.Review.Query().CountX(ctx) + s.Client.Amendment.Query().CountX(ctx)
			if c.code != "" {
				if !slices.Contains(r.Codes(), c.code) {
					t.Fatalf("%s: codes %v (%+v); want %s", c.who, r.Codes(), r.Errors, c.code)
				}
				if after != before {
					t.Errorf("a refused request left %d rows behind", after-before)
				}
				for _, e := range r.Errors {
					if strings.Contains(e.Message, "R1") || strings.Contains(e.Message, "R2") {
						t.Errorf("the message names a rule: %q", e.Message)
					}
				}
				return
			}
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", c.who, r.Errors)
			}
			var got string
			if strings.Contains(c.doc, "requestReview") {
				rv := s.Client.Review.Query().Order(ent.Desc(review.FieldCreatedAt)).FirstX(ctx)
				got = string(*rv.RequestedBy)
			} else {
				got = string(s.Client.Amendment.Query().Order(ent.Desc(amendment.FieldCreatedAt)).FirstX(ctx).RequestedBy)
			}
			if got != c.requestedBy {
				t.Errorf("recorded as asked by %s; want %s", got, c.requestedBy)
			}
			if after != before+1 {
				t.Errorf("the request made %d rows", after-before)
			}
		})
	}
	// Every request recorded says who asked, whatever the client sent.
	for _, r := range s.Client.Review.Query().Where(review.KindEQ(review.KindUNPLANNED), review.RequestedByNotNil()).AllX(ctx) {
		if r.Reason == "Things have changed at home" && (r.RequestedBy == nil || (*r.RequestedBy != review.RequestedByPERSON && *r.RequestedBy != review.RequestedByCARER)) {
			t.Errorf("a request recorded as asked by %v", r.RequestedBy)
		}
	}

	// The person's change request reaches the practitioner's due list (R25).
	var due struct {
		DueList struct {
			AmendmentRequests []struct{ Plan struct{ ID string } }
		}
	}
	s.MustDo(t, practitionerFor(t, s, patPerson), `{ dueList { amendmentRequests { plan { id } } } }`, nil, &due)
	if !slices.ContainsFunc(due.DueList.AmendmentRequests, func(a struct{ Plan struct{ ID string } }) bool { return a.Plan.ID == patPlan }) {
		t.Errorf("the person's change request is not on the practitioner's due list: %+v", due.DueList.AmendmentRequests)
	}
}

type accessDay struct {
	Day, ViewerID, ViewerName string
	ViewerRoles, Bases        []string
	Sections                  []string
	Views, Changes, Visits    int
	Flagged                   bool
}

// Caldicott principle 8, issue 13: the person's access history is grouped
// by who and by day, one entry per account per day, and adds up to the
// audit log it is made from; a worker's entry counts their visits that
// day. A carer, who may not read the log, gets nothing.
func TestAccessHistoryIsGroupedByPersonAndDay(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	var today struct {
		MyVisits []struct {
			ID   string
			Plan struct{ ID, PersonID string }
		}
	}
	s.MustDo(t, wes, `{ myVisits { id plan { id personID } } }`, nil, &today)
	if len(today.MyVisits) == 0 {
		t.Fatal("wes has no visits today in the demo authority")
	}
	first := today.MyVisits[0]
	// Wes reads the plan three times; the practitioner once.
	for range 3 {
		s.MustDo(t, wes, `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks } } }`, map[string]any{"id": first.Plan.ID}, nil)
	}
	practitioner := practitionerFor(t, s, first.Plan.PersonID)
	s.MustDo(t, practitioner, `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks } } }`, map[string]any{"id": first.Plan.ID}, nil)

	var out struct {
		Node        struct{ AccessHistory []accessDay }
		AuditEvents struct{ TotalCount int }
	}
	from, _ := time.Parse(time.DateOnly, time.Now().In(londonTZ(t)).AddDate(0, 0, -1).Format(time.DateOnly))
	since := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, londonTZ(t)).UTC().Format(time.RFC3339)
	r := s.Do(t, practitioner, `query($id: ID!, $since: Time!) {
		node(id: $id) { ... on Person { accessHistory(days: 2) { day viewerID viewerName viewerRoles bases sections views changes visits flagged } } }
		auditEvents(where: {personID: $id, occurredAtGTE: $since}) { totalCount } }`, map[string]any{"id": first.Plan.PersonID, "since": since})
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	total := 0
	var wesDay *accessDay
	wesID := string(s.Account(t, "wes.worker").ID)
	for i, d := range out.Node.AccessHistory {
		k := d.Day + "/" + d.ViewerID
		if seen[k] {
			t.Errorf("two entries for %s", k)
		}
		seen[k] = true
		total += d.Views + d.Changes
		if d.ViewerID == wesID && wesDay == nil {
			wesDay = &out.Node.AccessHistory[i]
		}
	}
	if total != out.AuditEvents.TotalCount {
		t.Errorf("the grouped history counts %d events; the audit log holds %d", total, out.AuditEvents.TotalCount)
	}
	if wesDay == nil {
		t.Fatalf("no entry for wes: %+v", out.Node.AccessHistory)
	}
	wantVisits := s.Client.Visit.Query().Where(visit.PersonID(toID(first.Plan.PersonID)), visit.WorkerID(toID(wesID)),
		visit.StartsAtGTE(startOfToday(t)), visit.StartsAtLT(startOfToday(t).AddDate(0, 0, 1)), visit.StatusNEQ(visit.StatusCANCELLED)).CountX(ctx)
	if wesDay.Views < 3 || wesDay.Visits != wantVisits || !slices.Contains(wesDay.Bases, "PROVIDER_DUTY") || !slices.Contains(wesDay.Sections, "WORKER_SUPPORT") {
		t.Errorf("wes's day: %+v; want at least 3 views, %d visits, PROVIDER_DUTY, WORKER_SUPPORT", *wesDay, wantVisits)
	}

	// A carer cannot read the audit log: her history of anyone is empty.
	carol := s.Token(t, "carol.carer")
	_, carolPerson := firstPlan(t, s, carol, "")
	var carols struct {
		Node struct{ AccessHistory []accessDay }
	}
	s.MustDo(t, carol, `query($id: ID!) { node(id: $id) { ... on Person { accessHistory { viewerID } } } }`, map[string]any{"id": carolPerson}, &carols)
	if len(carols.Node.AccessHistory) != 0 {
		t.Errorf("a carer reads the access history: %+v", carols.Node.AccessHistory)
	}
}

func londonTZ(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func startOfToday(t *testing.T) time.Time {
	now := time.Now().In(londonTZ(t))
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, londonTZ(t))
}

type serviceVisit struct {
	ID, StartsAt, Status string
	DurationMinutes      int
}

// Issue 13, R32: the registered manager's day sorts each of the service's
// visits of the day into exactly one list by where it is now, and lists
// the fortnight's visits by a worker without the training the person
// needs; the number of statements does not grow with the visits.
func TestServiceDayForTheRegisteredManager(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	rita := s.Token(t, "rita.registered")
	const q = `{ serviceDay { date late { id startsAt status durationMinutes worker { displayName } plan { person { preferredName } } }
		missed { id startsAt status durationMinutes } inProgress { id startsAt status durationMinutes } done { id startsAt status durationMinutes }
		other { id startsAt status durationMinutes } trainingGaps { missing visit { id worker { id } plan { person { id } } } } } }`
	var out struct {
		ServiceDay struct {
			Late, Missed, InProgress, Done, Other []serviceVisit
			TrainingGaps                          []struct {
				Missing []string
				Visit   struct {
					ID     string
					Worker struct{ ID string }
					Plan   struct{ Person struct{ ID string } }
				}
			}
		}
	}
	r := s.Do(t, rita, q, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	_ = json.Unmarshal(r.Data, &out)
	day := out.ServiceDay
	now := time.Now()
	ids := map[string]bool{}
	for name, list := range map[string][]serviceVisit{"late": day.Late, "missed": day.Missed, "inProgress": day.InProgress, "done": day.Done, "other": day.Other} {
		for _, v := range list {
			if ids[v.ID] {
				t.Errorf("visit %s is on two lists", v.ID)
			}
			ids[v.ID] = true
			starts, _ := time.Parse(time.RFC3339, v.StartsAt)
			switch name {
			case "late":
				if v.Status != "SCHEDULED" || now.Before(starts.Add(15*time.Minute)) || now.After(starts.Add(time.Duration(v.DurationMinutes)*time.Minute)) {
					t.Errorf("late: %+v", v)
				}
			case "done":
				if v.Status != "COMPLETED" {
					t.Errorf("done: %+v", v)
				}
			}
		}
	}
	services := s.Account(t, "rita.registered").QueryServices().IDsX(ctx)
	want := s.Client.Visit.Query().Where(visit.StartsAtGTE(startOfToday(t)), visit.StartsAtLT(startOfToday(t).AddDate(0, 0, 1)),
		visit.HasPlanWith(plan.ServiceTeamIDIn(services...))).CountX(ctx)
	if len(ids) != want || want == 0 {
		t.Errorf("the day lists %d visits; the service has %d today", len(ids), want)
	}

	// R32: a person becomes autistic on record; the worker visiting her at
	// the far end of the fortnight has no autism training.
	fortnightEnd := startOfToday(t).AddDate(0, 0, 14)
	v := s.Client.Visit.Query().Where(visit.StartsAtGTE(now), visit.StartsAtLT(fortnightEnd), visit.HasPlanWith(plan.ServiceTeamIDIn(services...)),
		visit.StatusEQ(visit.StatusSCHEDULED)).Order(ent.Desc(visit.FieldStartsAt)).WithPlan().FirstX(ctx)
	w := writer(context.Background(), s)
	s.Client.Person.UpdateOneID(v.Edges.Plan.PersonID).SetAutism(true).ExecX(w)
	s.Client.Account.UpdateOneID(v.WorkerID).SetTrainings([]string{}).ExecX(w)
	listed := func() bool {
		t.Helper()
		r := s.Do(t, rita, q, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		_ = json.Unmarshal(r.Data, &out)
		return slices.ContainsFunc(out.ServiceDay.TrainingGaps, func(g struct {
			Missing []string
			Visit   struct {
				ID     string
				Worker struct{ ID string }
				Plan   struct{ Person struct{ ID string } }
			}
		}) bool {
			return g.Visit.ID == string(v.ID) && slices.Equal(g.Missing, []string{"AUTISM"})
		})
	}
	if !listed() {
		t.Errorf("the visit on %s by a worker with no trainings is not listed: %+v", v.StartsAt, out.ServiceDay.TrainingGaps)
	}
	r2 := s.Do(t, rita, q, nil)
	// A worker with no trainings on record at all has no autism training either.
	s.Client.Account.UpdateOneID(v.WorkerID).ClearTrainings().ExecX(w)
	if !listed() {
		t.Errorf("the visit by a worker whose trainings were never recorded is not listed: %+v", out.ServiceDay.TrainingGaps)
	}
	// Trained since: the gap is closed and leaves the list.
	s.Client.Account.UpdateOneID(v.WorkerID).SetTrainings([]string{"MEDICATION", "AUTISM"}).ExecX(w)
	if listed() {
		t.Errorf("the visit is still listed after the worker was trained in autism: %+v", out.ServiceDay.TrainingGaps)
	}
	if r2.Statements > r.Statements {
		t.Errorf("serviceDay sent %d statements, then %d with more training gaps: it grows with the list", r.Statements, r2.Statements)
	}
	t.Logf("serviceDay: %d visits today, %d statements", want, r.Statements)
}

// A service's day and fortnight of visits are read from the authority's
// visits by time, not by reading every visit the authority has ever had,
// and the service's plans (its filter and the registered manager's scope)
// from the service's index alone, not from every plan row: visits and plan
// versions only accumulate, and at make load's scale the service day's read
// took 67 ms of sequential scans over 95,000 visits and 15,000 plans twice,
// and takes 16 ms from the indexes (issue 14).
func TestTheServiceDayReadsVisitsByTimeFromAnIndex(t *testing.T) {
	s := server(t)
	rita := s.Token(t, "rita.registered")
	var mu sync.Mutex
	var reads []string
	var args [][]any
	stop := s.Observe(func(q string, a any) {
		if strings.HasPrefix(q, "SELECT") && strings.Contains(q, `FROM "visits"`) && strings.Contains(q, `"visits"."starts_at" >=`) &&
			!strings.Contains(q, `"visits"."worker_id" =`) {
			mu.Lock()
			defer mu.Unlock()
			reads = append(reads, q)
			aa, _ := a.([]any)
			args = append(args, aa)
		}
	})
	r := s.DoPersisted(t, rita, appOperation(t, "query ServiceHome "), nil)
	stop()
	if len(r.Errors) > 0 || !r.HasData() {
		t.Fatalf("ServiceHome: %v", r.Codes())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reads) != 2 {
		t.Fatalf("ServiceHome read the service's visits by time in %d statements, want 2 (the day, the fortnight's training gaps): %q", len(reads), reads)
	}
	for i, q := range reads {
		text := explainIndexed(t, s, q, args[i])
		if !strings.Contains(text, "visit_authority_id_starts_at") {
			t.Errorf("the service's visits are not read by time from their index:\n%s\n\n%s", q, text)
		}
		// Index only, once vacuumed; the small test tables are not.
		if !strings.Contains(text, "plan_service_team_id_person_id") {
			t.Errorf("the service's plans are not read from the service's index of people and plans:\n%s\n\n%s", q, text)
		}
	}
}

// Issue 13: the person is told the names of the care staff who work on her
// record (her practitioner, the worker at her visits), reached through its
// own edges; staff reached any other way (her team's members) stay named
// by role, and sign-in names stay hidden. A carer still sees the worker by
// role (consent.md).
func TestThePersonIsToldTheNamesOfHerCareStaff(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	pat := s.Token(t, "pat.person")
	var out struct {
		Node struct {
			AllocatedPractitioner *struct{ ID, DisplayName, Username string }
			Team                  *struct {
				Members []struct{ ID, DisplayName string }
			}
		}
	}
	personID := string(*s.Account(t, "pat.person").PersonID)
	s.MustDo(t, pat, `query($id: ID!) { node(id: $id) { ... on Person { allocatedPractitioner { id displayName username } team { members { id displayName } } } } }`,
		map[string]any{"id": personID}, &out)
	p := out.Node.AllocatedPractitioner
	if p == nil {
		t.Fatal("pat has no allocated practitioner in the demo authority")
	}
	real := s.Client.Account.GetX(ctx, toID(p.ID))
	if p.DisplayName != real.DisplayName || p.Username == real.Username {
		t.Errorf("pat sees her practitioner as %+v; want the name %q and no sign-in name", *p, real.DisplayName)
	}
	if out.Node.Team == nil || len(out.Node.Team.Members) == 0 {
		t.Fatal("pat's team has no members")
	}
	for _, m := range out.Node.Team.Members {
		if a := s.Client.Account.GetX(ctx, toID(m.ID)); m.DisplayName == a.DisplayName {
			t.Errorf("pat sees a team member's name %q through the team, not her record", m.DisplayName)
		}
	}
}

// The due list loads each list's edges with the list, one statement per
// level, not one per row and edge (N+1): a registered manager's DueList at
// make load's scale sent some 600 statements. More reviews and advices
// falling due show more rows, each with its plan and person, for no more
// statements.
func TestTheDueListsStatementsDoNotGrowWithItsRows(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	priya := s.Token(t, "priya.practitioner")
	doc := appOperation(t, "query DueList(")
	type due struct {
		DueList struct {
			AdviceFollowUps []struct {
				Person struct{ PreferredName *string }
			}
			Reviews []struct {
				Plan struct {
					Person struct{ PreferredName *string }
				}
			}
		}
	}
	ask := func() (due, int64) {
		t.Helper()
		r := s.DoPersisted(t, priya, doc, map[string]any{"withinDays": 7})
		if len(r.Errors) > 0 || !r.HasData() {
			t.Fatalf("DueList: %v", r.Codes())
		}
		var d due
		if err := json.Unmarshal(r.Data, &d); err != nil {
			t.Fatal(err)
		}
		return d, r.Statements
	}
	ask() // signs the viewer in: the cached viewer's later requests read no account
	before, n := ask()
	yesterday, later := startOfToday(t).AddDate(0, 0, -1), time.Now().AddDate(0, 0, 8)
	w := writer(context.Background(), s)
	advices := s.Client.Advice.Update().Where(advice.FollowedUpAtIsNil(), advice.FollowUpDueGT(later)).SetFollowUpDue(yesterday).SaveX(w)
	// Scheduled reviews of plans in force, brought forward one by one (a
	// superseded version's reviews do not change).
	reviews := 0
	for _, id := range s.Client.Review.Query().Where(review.HeldAtIsNil(), review.DecisionEQ(review.DecisionHOLD), review.DueGT(later),
		review.HasPlanWith(plan.StatusIn(plan.StatusACTIVE, plan.StatusAGREED))).Limit(20).IDsX(apitest.System(context.Background())) {
		if s.Client.Review.UpdateOneID(id).SetDue(yesterday).Exec(w) == nil {
			reviews++
		}
	}
	after, m := ask()
	if len(after.DueList.Reviews) <= len(before.DueList.Reviews) || len(after.DueList.AdviceFollowUps) <= len(before.DueList.AdviceFollowUps) {
		t.Fatalf("bringing %d reviews and %d advices forward to yesterday took the practitioner's lists from %d reviews and %d advices to %d and %d",
			reviews, advices, len(before.DueList.Reviews), len(before.DueList.AdviceFollowUps), len(after.DueList.Reviews), len(after.DueList.AdviceFollowUps))
	}
	for _, r := range after.DueList.Reviews {
		if r.Plan.Person.PreferredName == nil {
			t.Error("a review came without its plan's person's name")
		}
	}
	for _, a := range after.DueList.AdviceFollowUps {
		if a.Person.PreferredName == nil {
			t.Error("an advice to follow up came without its person's name")
		}
	}
	if m > n {
		t.Errorf("DueList sent %d statements for %d reviews and %d advices, and %d for %d and %d: it grows with the rows",
			n, len(before.DueList.Reviews), len(before.DueList.AdviceFollowUps), m, len(after.DueList.Reviews), len(after.DueList.AdviceFollowUps))
	}
	t.Logf("DueList: %d statements for %d reviews and %d advices, then %d for %d and %d", n, len(before.DueList.Reviews),
		len(before.DueList.AdviceFollowUps), m, len(after.DueList.Reviews), len(after.DueList.AdviceFollowUps))
}

// A service with more visits in a day than the service day reads still
// shows every visit a manager may have to act on: the bound drops visits
// done or still to come, never a missed one late in the day. Yesterday gets
// 2,600 visits done in the morning and one never made in the evening.
func TestTheServiceDayKeepsAMissedEveningVisitOfABusyDay(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 30})
	ctx := apitest.System(context.Background())
	rita := s.Token(t, "rita.registered")
	services := s.Account(t, "rita.registered").QueryServices().IDsX(ctx)
	v := s.Client.Visit.Query().Where(visit.HasPlanWith(plan.ServiceTeamIDIn(services...))).FirstX(ctx)
	yesterday := startOfToday(t).AddDate(0, 0, -1)
	insert := `INSERT INTO visits (id, authority_id, created_at, updated_at, person_id, plan_id, worker_id, starts_at, duration_minutes, status, revision)
		SELECT $1 || lpad(g::text, 22, '0'), authority_id, now(), now(), person_id, plan_id, worker_id, $2, 30, $3, 0
		FROM visits, generate_series(1, $4) g WHERE visits.id = $5`
	if _, err := s.DB.ExecContext(ctx, insert, "VIDONE", yesterday.Add(8*time.Hour), "COMPLETED", 2600, v.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.ExecContext(ctx, insert, "VIMISS", yesterday.Add(21*time.Hour), "SCHEDULED", 1, v.ID); err != nil {
		t.Fatal(err)
	}
	missed := "VIMISS" + strings.Repeat("0", 21) + "1"
	var out struct {
		ServiceDay struct{ Missed, Done []struct{ ID string } }
	}
	s.MustDo(t, rita, `query($d: Date) { serviceDay(date: $d) { missed { id } done { id } } }`,
		map[string]any{"d": yesterday.Format(time.DateOnly)}, &out)
	if !slices.ContainsFunc(out.ServiceDay.Missed, func(m struct{ ID string }) bool { return m.ID == missed }) {
		t.Errorf("the evening's missed visit is not on a day of %d visits done: missed %v", len(out.ServiceDay.Done), out.ServiceDay.Missed)
	}
	if len(out.ServiceDay.Done) != 500 {
		t.Errorf("the day lists %d visits done, want the list's bound of 500", len(out.ServiceDay.Done))
	}
}
