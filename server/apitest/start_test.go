package apitest_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"reablement/ent/plan"
	"reablement/ent/risk"
	"reablement/ent/team"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// startFixture is an agreed plan for an autistic person in priya's team,
// with a risk to the worker whose evidence calls for an environment
// assessment: everything item 3 of issue 12 starts from.
type startFixture struct {
	s                     *apitest.Server
	priya, rita, wes      string
	plan, workerRisk      string
	north                 string
	wesID, noviceID       string
	london                *time.Location
	today                 time.Time
	personName, frequency string
}

func newStartFixture(t *testing.T, start *time.Time) startFixture {
	t.Helper()
	// A database of its own: the visits made here for wes.worker must not
	// change what other tests see on his Today.
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := writer(context.Background(), s)
	london, _ := time.LoadLocation("Europe/London")
	y, m, d := time.Now().In(london).Date()
	f := startFixture{s: s, london: london, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), personName: "Mabel", frequency: "Twice daily, reducing to daily"}
	f.priya, f.rita, f.wes = s.Token(t, "priya.practitioner"), s.Token(t, "rita.registered"), s.Token(t, "wes.worker")
	home := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	north := s.Client.Team.Query().Where(team.Name("Reablement North")).OnlyX(ctx)
	f.north = string(north.ID)
	f.wesID = string(s.Account(t, "wes.worker").ID)
	for _, a := range north.QueryMembers().AllX(ctx) {
		if slices.Contains(a.Roles, "WORKER") && !slices.Contains(a.Trainings, "AUTISM") {
			f.noviceID = string(a.ID)
			break
		}
	}
	if f.noviceID == "" {
		t.Fatal("Reablement North has no worker without autism training")
	}
	person := s.Client.Person.Create().SetLegalName("Mabel Stone").SetPreferredName(f.personName).SetDateOfBirth(time.Date(1936, 2, 11, 0, 0, 0, 0, time.UTC)).
		SetTeamID(home.ID).SetAutism(true).SaveX(ctx)
	p := s.Client.Plan.Create().SetPersonID(person.ID).SetStatus(plan.StatusAGREED).SetAgreedAt(time.Now()).
		SetVisitFrequency(f.frequency).SetVisitDurationMinutes(30).SetWorkerTasks("Prompt; do not do for").SetNoOtherSupport(true).
		SetReviewFrequency("Every three weeks").SetNillablePlannedStart(start).SaveX(ctx)
	f.plan = string(p.ID)
	f.workerRisk = string(s.Client.Risk.Create().SetPlanID(p.ID).SetPersonID(person.ID).SetKind(risk.KindTO_WORKER).SetCategory(risk.CategoryHOME_ENVIRONMENT).
		SetDescription("Steep unlit stairs to the flat").SetEnvironmentAssessmentRequired(true).SaveX(ctx).ID)
	return f
}

func (f startFixture) revision(t *testing.T) int {
	return f.s.Client.Plan.GetX(apitest.System(context.Background()), toID(f.plan)).Revision
}

func (f startFixture) visits(t *testing.T) []*visitRow {
	var out []*visitRow
	for _, v := range f.s.Client.Visit.Query().Where(visit.PlanID(toID(f.plan))).Order(visit.ByStartsAt()).AllX(apitest.System(context.Background())) {
		out = append(out, &visitRow{worker: string(v.WorkerID), startsAt: v.StartsAt, minutes: v.DurationMinutes})
	}
	return out
}

type visitRow struct {
	worker   string
	startsAt time.Time
	minutes  int
}

// Issue 12 item 3, as one journey through the API: readiness lists every
// missing thing at once (R31, R20, R32, R10); workers are matched on
// training and refused without it (R32); the schedule is generated once
// from the agreed frequency and duration (R10); the environment assessment
// comes before the registered manager's confirmation, which says what was
// checked (R31); and R9's period counts from the plan's start.
func TestStartReablementFromAnAgreedPlan(t *testing.T) {
	y, m, d := time.Now().In(mustLondon()).Date()
	start := time.Date(y, m, d-2, 0, 0, 0, 0, time.UTC) // planned to start two days ago
	f := newStartFixture(t, &start)
	s := f.s

	// Readiness lists everything missing at once, each with its rule.
	var ready struct {
		Node struct {
			Readiness struct {
				Commence []struct {
					Rule, Field, Message string
					Section              *string
				}
			}
		}
	}
	s.MustDo(t, f.priya, `query($id: ID!) { node(id: $id) { ... on Plan { readiness { commence { rule field section message } } } } }`, map[string]any{"id": f.plan}, &ready)
	var got []string
	for _, it := range ready.Node.Readiness.Commence {
		got = append(got, it.Rule+" "+it.Field)
		if strings.Contains(it.Message, "R3") || strings.Contains(it.Message, "R1") {
			t.Errorf("a readiness message names its rule in the sentence: %q", it.Message)
		}
		if it.Section == nil {
			t.Errorf("readiness item %s has no section to link to", it.Field)
		}
	}
	if want := []string{"R31 environmentAssessment", "R20 serviceTeam", "R32 workers", "R10 visits"}; !slices.Equal(got, want) {
		t.Errorf("readiness to commence lists %v; want every missing thing at once: %v", got, want)
	}
	if r := s.Do(t, f.priya, `mutation($id: ID!, $rev: Int!) { commencePlan(id: $id, expectedRevision: $rev) { id } }`, map[string]any{"id": f.plan, "rev": f.revision(t)}); len(r.Errors) != 1 || len(r.Errors[0].Extensions["problems"].([]any)) != 4 {
		t.Errorf("commencing lists the same four problems: %+v", r.Errors)
	}

	// R32: the workers are matched on training, and shown why.
	var matches struct {
		Node struct {
			WorkerMatches []struct {
				Worker  struct{ ID string }
				Service struct{ ID string }
				Trained bool
				Reasons []string
			}
		}
	}
	s.MustDo(t, f.priya, `query($id: ID!) { node(id: $id) { ... on Plan { workerMatches { worker { id } service { id } trained reasons } } } }`, map[string]any{"id": f.plan}, &matches)
	seen := map[string]bool{}
	for _, wm := range matches.Node.WorkerMatches {
		switch wm.Worker.ID {
		case f.wesID:
			seen["wes"] = true
			if !wm.Trained || !slices.ContainsFunc(wm.Reasons, func(r string) bool { return strings.Contains(r, "Has autism training") }) {
				t.Errorf("wes.worker (autism trained) for an autistic person: %+v", wm)
			}
		case f.noviceID:
			seen["novice"] = true
			if wm.Trained || !slices.ContainsFunc(wm.Reasons, func(r string) bool { return strings.Contains(r, "Lacks the autism training") }) {
				t.Errorf("a worker without autism training for an autistic person: %+v", wm)
			}
		}
	}
	if !seen["wes"] || !seen["novice"] {
		t.Errorf("workerMatches lists %d workers, missing wes or the novice", len(matches.Node.WorkerMatches))
	}
	if last := matches.Node.WorkerMatches[len(matches.Node.WorkerMatches)-1]; last.Trained {
		t.Error("untrained workers are listed after trained ones")
	}

	assign := `mutation($id: ID!, $rev: Int!, $in: AssignReablementInput!) { assignReablement(id: $id, expectedRevision: $rev, input: $in) { id revision workers { id } serviceTeam { id } } }`
	r := s.Do(t, f.priya, assign, map[string]any{"id": f.plan, "rev": f.revision(t), "in": map[string]any{"serviceTeamID": f.north, "workerIDs": []string{f.wesID, f.noviceID}}})
	if rule, fields := ruleOf(r); rule != "R32" || !slices.Equal(fields, []string{"workers"}) {
		t.Errorf("assigning a worker without the autism training the person needs: %+v", r.Errors)
	}
	s.MustDo(t, f.priya, assign, map[string]any{"id": f.plan, "rev": f.revision(t), "in": map[string]any{"serviceTeamID": f.north, "workerIDs": []string{f.wesID}}}, nil)

	// R10: the schedule from the agreed frequency (twice daily) and
	// duration, from today (the planned start is past) to the end of the
	// maximum period from the planned start (R9), once only.
	generate := `mutation($id: ID!, $rev: Int!) { generateVisits(id: $id, expectedRevision: $rev) { id plannedStart plannedEnd visits(first: 1) { totalCount } } }`
	rev := f.revision(t)
	var gen struct {
		GenerateVisits struct {
			PlannedStart, PlannedEnd string
			Visits                   struct{ TotalCount int }
		}
	}
	s.MustDo(t, f.priya, generate, map[string]any{"id": f.plan, "rev": rev}, &gen)
	end := start.AddDate(0, 0, 42)
	days := int(end.Sub(f.today).Hours()/24) + 1
	if gen.GenerateVisits.PlannedEnd != end.Format("2006-01-02") {
		t.Errorf("planned end %s; R9's 6 weeks count from the planned start %s, so %s", gen.GenerateVisits.PlannedEnd, start.Format("2006-01-02"), end.Format("2006-01-02"))
	}
	vs := f.visits(t)
	if len(vs) != 2*days || gen.GenerateVisits.Visits.TotalCount != 2*days {
		t.Fatalf("%d visits (answer says %d); twice daily for %d days is %d", len(vs), gen.GenerateVisits.Visits.TotalCount, days, 2*days)
	}
	for _, v := range vs {
		if v.worker != f.wesID || v.minutes != 30 {
			t.Fatalf("a generated visit is %+v; want wes.worker for 30 minutes", v)
		}
	}
	if first := vs[0].startsAt.In(f.london); first.Format("2006-01-02 15:04") != f.today.Format("2006-01-02")+" 09:00" {
		t.Errorf("the first visit is at %v; want today's morning round", first)
	}
	// A retry (the same request again) and a second request change nothing.
	s.MustDo(t, f.priya, generate, map[string]any{"id": f.plan, "rev": rev}, &gen)
	s.MustDo(t, f.priya, generate, map[string]any{"id": f.plan, "rev": f.revision(t)}, &gen)
	if n := len(f.visits(t)); n != 2*days || gen.GenerateVisits.Visits.TotalCount != 2*days {
		t.Errorf("generating again made %d visits; want still %d", n, 2*days)
	}
	// The worker sees today's visits.
	var today struct {
		MyVisits []struct{ Plan struct{ ID string } }
	}
	s.MustDo(t, f.wes, `{ myVisits { plan { id } } }`, nil, &today)
	if n := slices.IndexFunc(today.MyVisits, func(v struct{ Plan struct{ ID string } }) bool { return v.Plan.ID == f.plan }); n < 0 {
		t.Error("wes.worker does not see the generated visits on today's list")
	}

	// R31: the registered manager confirms after the environment
	// assessment, saying what was checked; a practitioner cannot confirm.
	confirm := `mutation($id: ID!, $checked: String!) { confirmRiskMitigation(id: $id, checked: $checked) { id mitigationConfirmedAt mitigationChecked } }`
	if rule, _ := ruleOf(s.Do(t, f.rita, confirm, map[string]any{"id": f.workerRisk, "checked": "Stair light fitted"})); rule != "R31" {
		t.Error("confirming before the environment assessment must be refused (R31)")
	}
	assess := `mutation($id: ID!, $findings: String!) { recordEnvironmentAssessment(id: $id, findings: $findings) { id environmentAssessmentDoneAt environmentAssessmentFindings } }`
	if r := s.Do(t, f.priya, assess, map[string]any{"id": f.workerRisk, "findings": "  "}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("an environment assessment without findings: %v", r.Codes())
	}
	s.MustDo(t, f.priya, assess, map[string]any{"id": f.workerRisk, "findings": "Stairs unlit; landlord fitting a light, torch in the key safe until then"}, nil)
	if r := s.Do(t, f.priya, confirm, map[string]any{"id": f.workerRisk, "checked": "Light fitted"}); !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
		t.Errorf("a practitioner confirming a risk to the worker: %v", r.Codes())
	}
	if r := s.Do(t, f.rita, confirm, map[string]any{"id": f.workerRisk, "checked": ""}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("a confirmation that does not say what was checked: %v", r.Codes())
	}
	var confirmed struct {
		ConfirmRiskMitigation struct{ MitigationChecked string }
	}
	s.MustDo(t, f.rita, confirm, map[string]any{"id": f.workerRisk, "checked": "Saw the photo of the new stair light; torch in key safe"}, &confirmed)
	if confirmed.ConfirmRiskMitigation.MitigationChecked == "" {
		t.Error("the confirmation does not keep what was checked")
	}
	if rule, _ := ruleOf(s.Do(t, f.rita, confirm, map[string]any{"id": f.workerRisk, "checked": "Again"})); rule != "R31" {
		t.Error("confirming twice must be refused")
	}

	// Commencement: the plan has its visits; R9 counts from the planned start.
	var commenced struct {
		CommencePlan struct {
			Status, ChargeableFrom, PlannedStart string
		}
	}
	s.MustDo(t, f.priya, `mutation($id: ID!, $rev: Int!) { commencePlan(id: $id, expectedRevision: $rev) { status chargeableFrom plannedStart } }`,
		map[string]any{"id": f.plan, "rev": f.revision(t)}, &commenced)
	if c := commenced.CommencePlan; c.Status != "ACTIVE" || c.ChargeableFrom != end.Format("2006-01-02") || c.PlannedStart != start.Format("2006-01-02") {
		t.Errorf("commenced: %+v; want ACTIVE, chargeable from %s (6 weeks from the planned start)", c, end.Format("2006-01-02"))
	}
	if n := len(f.visits(t)); n != 2*days {
		t.Errorf("the active plan has %d visits; want %d", n, 2*days)
	}
}

func mustLondon() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return l
}

// R9: the maximum period counts from the plan's start, not from today; an
// agreed plan's planned end moves before commencement only with a reason.
func TestPlannedEndCountsFromThePlansStart(t *testing.T) {
	y, m, d := time.Now().In(mustLondon()).Date()
	start := time.Date(y, m, d-14, 0, 0, 0, 0, time.UTC) // planned to start a fortnight ago
	f := newStartFixture(t, &start)
	move := `mutation($id: ID!, $rev: Int!, $end: Date!, $why: String!) { movePlannedEnd(id: $id, expectedRevision: $rev, plannedEnd: $end, reason: $why) { plannedEnd plannedEndReason } }`
	limit := start.AddDate(0, 0, 42)
	r := f.s.Do(t, f.priya, move, map[string]any{"id": f.plan, "rev": f.revision(t), "end": limit.AddDate(0, 0, 1).Format("2006-01-02"), "why": "Needs longer"})
	if rule, _ := ruleOf(r); rule != "R9" || !strings.Contains(r.Errors[0].Message, limit.Format("2 January 2006")) {
		t.Errorf("a planned end a day beyond 6 weeks from the planned start (6 weeks from today would allow it): %+v", r.Errors)
	}
	var moved struct {
		MovePlannedEnd struct{ PlannedEnd, PlannedEndReason string }
	}
	f.s.MustDo(t, f.priya, move, map[string]any{"id": f.plan, "rev": f.revision(t), "end": limit.Format("2006-01-02"), "why": "Outcomes should be met by then"}, &moved)
	if moved.MovePlannedEnd.PlannedEnd != limit.Format("2006-01-02") || moved.MovePlannedEnd.PlannedEndReason == "" {
		t.Errorf("moved: %+v", moved)
	}
	if rule, _ := ruleOf(f.s.Do(t, f.priya, move, map[string]any{"id": f.plan, "rev": f.revision(t), "end": limit.AddDate(0, 0, -7).Format("2006-01-02"), "why": " "})); rule != "R9" {
		t.Error("moving an agreed plan's end without a reason must be refused")
	}
	// R10: requests sent at once make the schedule once; each either gets
	// the plan or CONFLICT, and none doubles the visits.
	f.s.MustDo(t, f.priya, `mutation($id: ID!, $rev: Int!, $in: AssignReablementInput!) { assignReablement(id: $id, expectedRevision: $rev, input: $in) { id } }`,
		map[string]any{"id": f.plan, "rev": f.revision(t), "in": map[string]any{"serviceTeamID": f.north, "workerIDs": []string{f.wesID}}}, nil)
	rev := f.revision(t)
	for _, r := range concurrently(4, func(int) apitest.Response {
		return f.s.Do(t, f.priya, `mutation($id: ID!, $rev: Int!) { generateVisits(id: $id, expectedRevision: $rev) { id } }`, map[string]any{"id": f.plan, "rev": rev})
	}) {
		if len(r.Errors) > 0 && !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
			t.Errorf("generating at once: %+v", r.Errors)
		}
	}
	days := int(limit.Sub(f.today).Hours()/24) + 1
	if n := len(f.visits(t)); n != 2*days {
		t.Errorf("%d visits after four requests at once; want %d (twice daily for %d days, once)", n, 2*days, days)
	}

	// Workers and a schedule are for agreed plans and reablement services only.
	ctx := writer(context.Background(), f.s)
	other := f.s.Client.Team.Query().Where(team.KindNEQ(team.KindREABLEMENT)).FirstX(ctx)
	r = f.s.Do(t, f.priya, `mutation($id: ID!, $rev: Int!, $in: AssignReablementInput!) { assignReablement(id: $id, expectedRevision: $rev, input: $in) { id } }`,
		map[string]any{"id": f.plan, "rev": f.revision(t), "in": map[string]any{"serviceTeamID": string(other.ID), "workerIDs": []string{}}})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("choosing a team that is not a reablement service: %v", r.Codes())
	}
}
