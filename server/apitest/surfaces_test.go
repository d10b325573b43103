package apitest_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/auditevent"
	"reablement/ent/outcome"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/share"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// writer is internal work in the demo authority, for arranging test data
// that the API has no way (yet) to make.
func writer(ctx context.Context, s *apitest.Server) context.Context {
	return systemFor(ctx, s.Client.Authority.Query().FirstIDX(apitest.System(ctx)))
}

// Consent at every surface (issue 10): values reached viewers through
// edges, lists, filters and computed values the @section directive never
// saw. Each test here is one of the examples, through the API as a
// client sends it.

// An analyst paging plans with their shares gets no one's name: not the
// recipients' (carers, the person), not staff's. Accounts show them a role.
// A worker reaches no share, nor its recipient, at all.
func TestStaffAndRecipientsAreShownByRoleNotName(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	r := s.Do(t, s.Token(t, "ana.analyst"), `{ plans(first: 100) { edges { node { person { pseudonym }
		shares { recipientName recipientAccount { displayName username roles } }
		visits(first: 5) { edges { node { worker { displayName username } } } } } } } }`, nil)
	if !r.HasData() {
		t.Fatalf("no data: %v", r.Codes())
	}
	for _, a := range s.Client.Account.Query().AllX(ctx) {
		if a.DisplayName != "" && strings.Contains(string(r.Data), `"`+a.DisplayName+`"`) {
			t.Errorf("the analyst received the name %q", a.DisplayName)
		}
		if strings.Contains(string(r.Data), `"`+a.Username+`"`) {
			t.Errorf("the analyst received the sign-in name %q", a.Username)
		}
	}
	if !strings.Contains(string(r.Data), `"displayName":"a reablement worker"`) {
		t.Errorf("workers are not shown to the analyst by role: %.300s", r.Data)
	}

	wes := s.Token(t, "wes.worker")
	planID, _ := firstPlan(t, s, wes, `, where: {status: ACTIVE}`)
	r = s.Do(t, wes, `query($id: ID!) { node(id: $id) { ... on Plan { shares { recipientName recipientAccount { displayName } } } } }`, map[string]any{"id": planID})
	if got := withheldSections(r); !got[policy.Involvement] || strings.Contains(string(r.Data), "recipientAccount\":{") {
		t.Errorf("a worker reached a plan's shares: %s %v", r.Data, r.Codes())
	}
	sh := s.Client.Share.Query().Where(share.PlanID(toID(planID))).FirstX(ctx)
	if sh != nil {
		if r := s.Do(t, wes, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": sh.ID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
			t.Errorf("a worker fetching a share by id: %v", r.Codes())
		}
	}
}

// An emergency grant's reason is free text about a person: only those with
// the person's INVOLVEMENT section read it, and analysts never do.
func TestEmergencyAccessIsPartOfThePersonsRecord(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	sam := s.Account(t, "sam.practitioner")
	outsider := s.Client.Person.Query().Where(person.TeamIDNotIn(sam.QueryTeams().IDsX(ctx)...)).FirstX(ctx)
	var granted struct{ RequestEmergencyAccess struct{ ID, Reason string } }
	s.MustDo(t, s.Token(t, "sam.practitioner"), `mutation($p: ID!) { requestEmergencyAccess(personID: $p, reason: "Ward asking about discharge tonight", hours: 24) { id reason } }`,
		map[string]any{"p": outsider.ID}, &granted)
	if granted.RequestEmergencyAccess.Reason == "" {
		t.Fatal("the practitioner holding the grant cannot read its reason")
	}
	read := `query($id: ID!) { node(id: $id) { ... on EmergencyAccess { reason expiresAt } } }`
	for _, who := range []string{"wes.worker", "carol.carer"} {
		if r := s.Do(t, s.Token(t, who), read, map[string]any{"id": granted.RequestEmergencyAccess.ID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
			t.Errorf("%s fetching the grant: %v %s", who, r.Codes(), r.Data)
		}
	}
	r := s.Do(t, s.Token(t, "ana.analyst"), read, map[string]any{"id": s.AnalystID(toID(granted.RequestEmergencyAccess.ID))})
	if strings.Contains(string(r.Data), "discharge") || !withheldSections(r)[policy.Involvement] {
		t.Errorf("the analyst read the reason: %s %v", r.Data, r.Codes())
	}
}

// A diff is decided change by change, each by its own field's section and
// coded flag: an analyst sees a changed achievement, never the statement
// beside it.
func TestPlanDiffDecidesEachChangeByItsOwnField(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	v2 := s.Client.Plan.Query().Where(plan.SupersedesIDNotNil()).WithOutcomes().FirstX(ctx)
	v1 := s.Client.Plan.Query().Where(plan.ID(*v2.SupersedesID)).WithOutcomes().OnlyX(ctx)
	if len(v1.Edges.Outcomes) == 0 || len(v2.Edges.Outcomes) == 0 {
		t.Fatal("the demo's amended plan should have outcomes to compare")
	}
	// The first outcome of version 2 changes both its achievement (coded)
	// and its statement (free text).
	o := v2.Edges.Outcomes[0]
	next := outcome.AchievementACHIEVED
	if o.Achievement == next {
		next = outcome.AchievementNOT_STARTED
	}
	s.Client.Outcome.UpdateOneID(o.ID).SetStatement(o.Statement + ", and to go to the shop on my own").SetAchievement(next).ExecX(writer(ctx, s))

	diff := `query($a: ID!, $b: ID!) { planDiff(from: $a, to: $b) { section field before after } }`
	vars := map[string]any{"a": v1.ID, "b": v2.ID}
	var staff struct{ PlanDiff []struct{ Field string } }
	s.MustDo(t, practitionerFor(t, s, string(v2.PersonID)), diff, vars, &staff)
	var fields []string
	for _, c := range staff.PlanDiff {
		fields = append(fields, c.Field)
	}
	if !slices.Contains(fields, "outcome 1 statement") || !slices.Contains(fields, "outcome 1 achievement") {
		t.Fatalf("the practitioner's diff lacks the changes: %v", fields)
	}
	r := s.Do(t, s.Token(t, "ana.analyst"), diff, map[string]any{"a": s.AnalystID(v1.ID), "b": s.AnalystID(v2.ID)})
	if strings.Contains(string(r.Data), "statement") || strings.Contains(string(r.Data), "shop on my own") {
		t.Errorf("the analyst read a changed statement: %s", r.Data)
	}
	if !strings.Contains(string(r.Data), "outcome 1 achievement") {
		t.Errorf("the analyst should see the coded change: %s", r.Data)
	}
}

// What still stops a plan is shown item by item, each only where its own
// section is: a worker is not told that an advocate is missing (CAPACITY).
func TestReadinessShowsEachItemByItsOwnSection(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	planID, personID := firstPlan(t, s, wes, `, where: {status: ACTIVE}`)
	s.Client.Person.UpdateOneID(toID(personID)).SetSubstantialDifficulty(true).SetAppropriatePerson("").
		SetAdvocacy(person.AdvocacyREFERRAL_WAITING).ExecX(writer(ctx, s))
	q := `query($id: ID!) { node(id: $id) { ... on Plan { readiness { agree { rule field message } } } } }`
	var staff struct {
		Node struct {
			Readiness struct{ Agree []struct{ Field string } }
		}
	}
	s.MustDo(t, practitionerFor(t, s, personID), q, map[string]any{"id": planID}, &staff)
	if !slices.ContainsFunc(staff.Node.Readiness.Agree, func(i struct{ Field string }) bool { return i.Field == "person.advocacy" }) {
		t.Fatalf("the practitioner is not told the advocate is missing: %+v", staff)
	}
	r := s.Do(t, wes, q, map[string]any{"id": planID})
	if strings.Contains(string(r.Data), "advoca") {
		t.Errorf("a worker was told about advocacy: %s", r.Data)
	}
	if !withheldSections(r)[policy.Capacity] {
		t.Errorf("the worker's answer should say CAPACITY is withheld: %v", r.Errors)
	}
}

// An item's presence on the due list discloses its section: a safeguarding
// concern is listed only for viewers with SAFEGUARDING, and listing it is
// audited; first reviews and advocacy waiting need REVIEW and CAPACITY.
func TestDueListShowsOnlyWhatTheViewerMayKnow(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 80})
	ctx := apitest.System(context.Background())
	// A safeguarding concern on each of: the carer's mother's plan, a plan
	// in the registered manager's service, and a plan the worker visits.
	var concerns []string
	var people []string
	for _, who := range []string{"carol.carer", "rita.registered", "wes.worker"} {
		planID, personID := firstPlan(t, s, s.Token(t, who), "")
		vi := s.Client.Visit.Query().Where(visit.PlanID(toID(planID))).FirstX(ctx)
		if vi == nil {
			t.Fatalf("%s's plan has no visit", who)
		}
		c := s.Client.Concern.Create().SetVisitID(vi.ID).SetKind("SAFEGUARDING").SetDetails("Bruising on both arms").SetRaisedByID(vi.WorkerID).SaveX(writer(ctx, s))
		concerns = append(concerns, string(c.ID))
		people = append(people, personID)
	}
	due := `{ dueList(withinDays: 400) { safeguardingConcerns { id } firstReviewsDue { id } advocacyReferralsWaiting { id } } }`
	for _, who := range []string{"carol.carer", "rita.registered", "wes.worker"} {
		var d struct {
			DueList struct{ SafeguardingConcerns, FirstReviewsDue, AdvocacyReferralsWaiting []struct{ ID string } }
		}
		s.MustDo(t, s.Token(t, who), due, nil, &d)
		if len(d.DueList.SafeguardingConcerns) > 0 {
			t.Errorf("%s sees %d safeguarding concerns on their due list", who, len(d.DueList.SafeguardingConcerns))
		}
		if who == "wes.worker" && (len(d.DueList.FirstReviewsDue) > 0 || len(d.DueList.AdvocacyReferralsWaiting) > 0) {
			t.Errorf("a worker sees first reviews (%d) or advocacy referrals (%d)", len(d.DueList.FirstReviewsDue), len(d.DueList.AdvocacyReferralsWaiting))
		}
		for _, id := range concerns {
			if r := s.Do(t, s.Token(t, who), `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
				t.Errorf("%s fetching a concern by id: %v", who, r.Codes())
			}
		}
	}
	// The practitioner it is routed to sees theirs, and the listing is on the record.
	practitioner := allocatedFor(t, s, s.Client.Person.GetX(ctx, toID(people[2])))
	var d struct {
		DueList struct{ SafeguardingConcerns []struct{ ID string } }
	}
	s.MustDo(t, practitioner, `{ dueList { safeguardingConcerns { id } } }`, nil, &d)
	if !slices.ContainsFunc(d.DueList.SafeguardingConcerns, func(c struct{ ID string }) bool { return c.ID == concerns[2] }) {
		t.Fatal("the practitioner does not see the concern")
	}
	events := s.Client.AuditEvent.Query().Where(auditevent.PersonID(toID(people[2])), auditevent.ActionEQ(auditevent.ActionDISCLOSURE), auditevent.OperationEQ("")).AllX(ctx)
	if !slices.ContainsFunc(events, func(e *ent.AuditEvent) bool { return slices.Contains(e.Sections, policy.Safeguarding) }) {
		t.Error("listing the concern is not audited as a SAFEGUARDING disclosure")
	}
}

// A share that leaves out a section leaves out its rows: no list, count or
// filter shows the carer visits or risks she was not given.
func TestRowsOfAWithheldSectionAreNotListedOrCounted(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	carol := s.Account(t, "carol.carer")
	sh := s.Client.Share.Query().Where(share.RecipientAccountID(carol.ID)).FirstX(ctx)
	s.Client.Share.UpdateOneID(sh.ID).SetSections([]policy.Section{policy.Outcomes}).ExecX(writer(ctx, s))
	token := s.Token(t, "carol.carer")
	var out struct {
		Visits, Risks, Outcomes page
	}
	s.MustDo(t, token, `query($p: ID!) {
		visits(where: {hasPlanWith: {idIn: [$p]}}) { totalCount edges { node { startsAt status } } }
		risks { totalCount }
		outcomes { totalCount } }`, map[string]any{"p": sh.PlanID}, &out)
	if out.Visits.TotalCount != 0 || len(out.Visits.Edges) != 0 || out.Risks.TotalCount != 0 {
		t.Errorf("with OUTCOMES only, the carer counts %d visits and %d risks", out.Visits.TotalCount, out.Risks.TotalCount)
	}
	if out.Outcomes.TotalCount == 0 {
		t.Error("the carer should still see the outcomes she was given")
	}
}

// A filter through an edge matches only rows the viewer could read: it
// cannot confirm a plan id the viewer gets NOT_FOUND for, and there is no
// filter through a visit's worker to test names with.
func TestEdgeFiltersMatchOnlyRowsTheViewerCouldRead(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	// Nell is given version 2 of a plan; version 1 of the same person's
	// plan is not hers to see.
	v2 := s.Client.Plan.Query().Where(plan.SupersedesIDNotNil()).FirstX(ctx)
	hidden := *v2.SupersedesID
	nell := s.Client.Account.Create().SetSubject("demo|nell.neighbour").SetUsername("nell.neighbour").SetDisplayName("Nell Moss").
		SetRoles([]policy.Role{policy.CarerRole}).SaveX(writer(ctx, s))
	s.Client.Share.Create().SetPlanID(v2.ID).SetRecipientKind(share.RecipientKindCARER).SetRecipientName("Nell Moss").
		SetRecipientAccountID(nell.ID).SetBasis(policy.CarerShare).ExecX(writer(ctx, s))
	token := s.Token(t, "nell.neighbour")
	if r := s.Do(t, token, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": hidden}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Fatalf("Nell fetching version 1: %v", r.Codes())
	}
	count := func(q string, vars map[string]any) int {
		var out struct{ People page }
		s.MustDo(t, token, q, vars, &out)
		return out.People.TotalCount
	}
	withPlan := `query($p: ID!) { people(where: {hasPlansWith: {idIn: [$p]}}) { totalCount } }`
	if n := count(withPlan, map[string]any{"p": hidden}); n != 0 {
		t.Errorf("a filter through plans confirmed a plan Nell may not see: %d people", n)
	}
	if n := count(withPlan, map[string]any{"p": v2.ID}); n != 1 {
		t.Errorf("the filter should find the shared plan's person: %d", n)
	}
	// Nested and negated filters are scoped too.
	if n := count(`query($p: ID!) { people(where: {not: {or: [{hasPlansWith: {idIn: [$p]}}]}}) { totalCount } }`, map[string]any{"p": hidden}); n != 1 {
		t.Errorf("a negated filter through plans: %d", n)
	}
	r := s.Do(t, token, `{ visits(where: {hasWorkerWith: {displayNameContains: "a"}}) { totalCount } }`, nil)
	if r.HasData() || len(r.Errors) == 0 {
		t.Errorf("a filter through a visit's worker was accepted: %s", r.Data)
	}
}

// No write widens its actor's access: emergency access reads, it does not
// change or allocate; a team member does not allocate to themself; a worker
// does not move a visit.
func TestNoWriteWidensItsActorsAccess(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	sam := s.Account(t, "sam.practitioner")
	samToken := s.Token(t, "sam.practitioner")
	outsider := s.Client.Person.Query().Where(person.TeamIDNotIn(sam.QueryTeams().IDsX(ctx)...), person.HasPlans()).FirstX(ctx)
	s.MustDo(t, samToken, `mutation($p: ID!) { requestEmergencyAccess(personID: $p, reason: "Ward asking about discharge tonight", hours: 1) { id } }`,
		map[string]any{"p": outsider.ID}, nil)
	expectForbidden := func(what, token, q string, vars map[string]any) {
		t.Helper()
		if r := s.Do(t, token, q, vars); !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
			t.Errorf("%s: %v %s", what, r.Codes(), r.Data)
		}
	}
	expectForbidden("emergency access allocating to self", samToken,
		`mutation($p: ID!, $a: ID!) { updatePerson(id: $p, input: {allocatedPractitionerID: $a}) { id } }`, map[string]any{"p": outsider.ID, "a": sam.ID})
	expectForbidden("emergency access moving the person to one's own team", samToken,
		`mutation($p: ID!, $t: ID!) { updatePerson(id: $p, input: {teamID: $t}) { id } }`, map[string]any{"p": outsider.ID, "t": sam.QueryTeams().FirstIDX(ctx)})
	pl := s.Client.Plan.Query().Where(plan.PersonID(outsider.ID)).FirstX(ctx)
	expectForbidden("emergency access editing the plan", samToken,
		`mutation($id: ID!, $rev: Int!) { updatePlan(id: $id, expectedRevision: $rev, input: {visitFrequency: "Daily"}) { id } }`, map[string]any{"id": pl.ID, "rev": pl.Revision})
	if got := s.Client.Person.GetX(ctx, outsider.ID); got.AllocatedPractitionerID != nil && *got.AllocatedPractitionerID == sam.ID {
		t.Error("the allocation was saved")
	}

	// A team member allocating a person of the team to themself needs the manager.
	priya := s.Account(t, "priya.practitioner")
	mine := s.Client.Person.Query().Where(person.TeamIDIn(priya.QueryTeams().IDsX(ctx)...), person.Or(person.AllocatedPractitionerIDIsNil(), person.AllocatedPractitionerIDNEQ(priya.ID))).FirstX(ctx)
	allocate := `mutation($p: ID!, $a: ID!) { updatePerson(id: $p, input: {allocatedPractitionerID: $a}) { id } }`
	expectForbidden("a team member allocating to self", s.Token(t, "priya.practitioner"), allocate, map[string]any{"p": mine.ID, "a": priya.ID})
	s.MustDo(t, s.Token(t, "morgan.manager"), allocate, map[string]any{"p": mine.ID, "a": priya.ID}, nil)

	// A worker records visits; moving one (and so their window) is the office's.
	wes := s.Account(t, "wes.worker")
	vi := s.Client.Visit.Query().Where(visit.WorkerID(wes.ID), visit.StatusEQ(visit.StatusSCHEDULED)).FirstX(ctx)
	expectForbidden("a worker moving a visit 300 days on", s.Token(t, "wes.worker"),
		`mutation($id: ID!, $at: Time!) { updateVisit(id: $id, input: {startsAt: $at}) { id } }`, map[string]any{"id": vi.ID, "at": vi.StartsAt.AddDate(0, 0, 300)})
	if got := s.Client.Visit.GetX(ctx, vi.ID); !got.StartsAt.Equal(vi.StartsAt) {
		t.Error("the visit moved")
	}
}

// Every change is on the record, in the same transaction: a journey of
// creating a person, drafting, sharing, revoking and emergency access
// leaves a CHANGE event for each change with the sections it changed, an
// EMERGENCY_ACCESS event for the grant, and DISCLOSURE events for reads.
func TestEveryChangeIsOnTheRecord(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	priya := s.Account(t, "priya.practitioner")
	token := s.Token(t, "priya.practitioner")
	team := priya.QueryTeams().FirstIDX(ctx)

	var created struct{ CreatePerson struct{ ID string } }
	s.MustDo(t, token, `mutation($t: ID!) { createPerson(input: {legalName: "Ada Change", preferredName: "Ada", dateOfBirth: "1941-02-03", teamID: $t}) { id legalName } }`,
		map[string]any{"t": team}, &created)
	personID := created.CreatePerson.ID
	var drafted struct{ CreatePlan struct{ ID string } }
	s.MustDo(t, token, `mutation($p: ID!) { createPlan(input: {personID: $p, visitFrequency: "Twice a day"}) { id } }`, map[string]any{"p": personID}, &drafted)
	carer := s.Client.Account.Query().Where(account.Username("dan.daughter")).OnlyX(ctx)
	var shared struct{ SharePlan struct{ ID string } }
	s.MustDo(t, token, `mutation($pl: ID!, $a: ID!) { sharePlan(input: {planID: $pl, recipientKind: CARER, recipientName: "Dan", recipientAccountID: $a, basis: CARER_SHARE}) { id } }`,
		map[string]any{"pl": drafted.CreatePlan.ID, "a": carer.ID}, &shared)
	s.MustDo(t, token, `mutation($id: ID!) { revokeShare(id: $id, reason: "Asked to stop") { id } }`, map[string]any{"id": shared.SharePlan.ID}, nil)
	s.MustDo(t, s.Token(t, "sam.practitioner"), `mutation($p: ID!) { requestEmergencyAccess(personID: $p, reason: "Ward asking about discharge tonight", hours: 2) { id } }`,
		map[string]any{"p": personID}, nil)

	events := s.Client.AuditEvent.Query().Where(auditevent.PersonID(toID(personID))).Order(auditevent.ByOccurredAt()).AllX(ctx)
	var changes, reads, grants int
	var changedSections []policy.Section
	for _, e := range events {
		switch e.Action {
		case auditevent.ActionCHANGE:
			changes++
			if e.ViewerID != priya.ID || len(e.Bases) == 0 {
				t.Errorf("a change event without its actor or basis: %+v", e)
			}
			for _, sec := range e.Sections {
				if !slices.Contains(changedSections, sec) {
					changedSections = append(changedSections, sec)
				}
			}
		case auditevent.ActionDISCLOSURE:
			reads++
		case auditevent.ActionEMERGENCY_ACCESS:
			grants++
		}
	}
	if changes < 4 {
		t.Errorf("%d CHANGE events for create, draft, share and revoke", changes)
	}
	for _, want := range []policy.Section{policy.Identity, policy.Visits, policy.Involvement} {
		if !slices.Contains(changedSections, want) {
			t.Errorf("no CHANGE event names %s (got %v)", want, changedSections)
		}
	}
	if reads == 0 || grants != 1 {
		t.Errorf("%d disclosures and %d emergency grants", reads, grants)
	}
	// The audit log through the API tells them apart.
	var log struct{ AuditEvents page }
	s.MustDo(t, s.Token(t, "ian.auditor"), `query($p: ID!) { auditEvents(first: 50, where: {personID: $p}) { edges { node { action sections } } } }`, map[string]any{"p": personID}, &log)
	actions := map[string]bool{}
	for _, e := range log.AuditEvents.Edges {
		actions[e.Node["action"].(string)] = true
	}
	for _, a := range []string{"CHANGE", "DISCLOSURE", "EMERGENCY_ACCESS"} {
		if !actions[a] {
			b, _ := json.Marshal(log)
			t.Errorf("the audit log has no %s: %s", a, b)
		}
	}
}

// Analysts get ids of their own: stable from one request to the next, so
// they can page and join within their own queries, usable in node(id:) and
// filters, but never the ids staff and the audit log use, and a staff id
// finds nothing for them.
func TestAnalystsGetIdsOfTheirOwn(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "ana.analyst")
	q := `{ plans(first: 20) { edges { node { id personID person { id } } } } }`
	var first, again struct{ Plans page }
	s.MustDo(t, token, q, nil, &first)
	s.MustDo(t, token, q, nil, &again)
	if len(first.Plans.Edges) == 0 {
		t.Fatal("the analyst sees no plans")
	}
	realPlans := map[string]bool{}
	for _, id := range s.Client.Plan.Query().IDsX(ctx) {
		realPlans[string(id)] = true
	}
	for i, e := range first.Plans.Edges {
		id, personID := e.Node["id"].(string), e.Node["personID"].(string)
		if realPlans[id] || s.Client.Person.Query().Where(person.ID(toID(personID))).ExistX(ctx) {
			t.Fatalf("the analyst received a staff id: %s / %s", id, personID)
		}
		if again.Plans.Edges[i].Node["id"] != id {
			t.Fatal("an analyst's ids changed between requests")
		}
		if e.Node["person"].(map[string]any)["id"] != personID {
			t.Error("an analyst's person id and personID do not join")
		}
	}
	// Their ids work in node(id:) and in filters.
	id := first.Plans.Edges[0].Node["id"].(string)
	var node struct{ Node struct{ ID string } }
	s.MustDo(t, token, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, &node)
	if node.Node.ID != id {
		t.Errorf("node(id:) with the analyst's id answered %q", node.Node.ID)
	}
	var filtered struct{ Plans page }
	s.MustDo(t, token, `query($id: ID!) { plans(where: {id: $id}) { totalCount } }`, map[string]any{"id": id}, &filtered)
	if filtered.Plans.TotalCount != 1 {
		t.Errorf("filtering by the analyst's id found %d plans", filtered.Plans.TotalCount)
	}
	// Paging hands them cursors that carry their ids too, and that page on.
	var paged struct {
		Plans struct {
			PageInfo struct{ EndCursor string }
			Edges    []struct{ Cursor string }
		}
	}
	s.MustDo(t, token, `{ plans(first: 5) { pageInfo { endCursor } edges { cursor } } }`, nil, &paged)
	for id := range realPlans {
		for _, c := range append([]string{paged.Plans.PageInfo.EndCursor}, paged.Plans.Edges[0].Cursor) {
			if raw, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(c, "=")); err == nil && strings.Contains(string(raw), id) {
				t.Fatalf("an analyst's cursor carries the staff id %s", id)
			}
		}
	}
	var next struct{ Plans page }
	s.MustDo(t, token, `query($after: Cursor) { plans(first: 5, after: $after) { edges { node { id } } } }`, map[string]any{"after": paged.Plans.PageInfo.EndCursor}, &next)
	if len(next.Plans.Edges) == 0 || next.Plans.Edges[0].Node["id"] == first.Plans.Edges[0].Node["id"] {
		t.Error("an analyst's cursor does not page on")
	}

	// A staff id names nothing for an analyst.
	staffID := s.Client.Plan.Query().FirstIDX(ctx)
	if r := s.Do(t, token, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": staffID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("an analyst using a staff id: %v %s", r.Codes(), r.Data)
	}
}

// Third-party information can be withheld from the person's own view by
// their practitioner, with a reason: the person sees that a section is
// withheld and why, gets neither its fields nor its rows, and the decision
// is on the record; withholding nothing gives it back.
func TestThirdPartyInformationCanBeWithheldFromThePerson(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	pat := s.Account(t, "pat.person")
	personID := string(*pat.PersonID)
	practitioner := practitionerFor(t, s, personID)
	patToken := s.Token(t, "pat.person")
	withhold := `mutation($p: ID!, $s: [Section!]!, $why: String!) { withholdFromPerson(personID: $p, sections: $s, reason: $why) { id } }`

	if r := s.Do(t, practitioner, withhold, map[string]any{"p": personID, "s": []string{"RISKS"}, "why": " "}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("withholding without a reason: %v", r.Codes())
	}
	if r := s.Do(t, patToken, withhold, map[string]any{"p": personID, "s": []string{"RISKS"}, "why": "Mine"}); len(r.Errors) == 0 {
		t.Error("the person withheld part of their own record from themself")
	}
	reason := "It holds what your neighbour told us in confidence."
	s.MustDo(t, practitioner, withhold, map[string]any{"p": personID, "s": []string{"RISKS"}, "why": reason}, nil)

	var got struct {
		Node struct {
			ViewerAccess []struct {
				Section            string
				Allowed            bool
				WithheldFromPerson *string
			}
		}
		Risks page
	}
	q := `query($p: ID!) { node(id: $p) { ... on Person { viewerAccess { section allowed withheldFromPerson } } } risks { totalCount } }`
	s.MustDo(t, patToken, q, map[string]any{"p": personID}, &got)
	for _, a := range got.Node.ViewerAccess {
		if a.Section == "RISKS" && (a.Allowed || a.WithheldFromPerson == nil || *a.WithheldFromPerson != reason) {
			t.Errorf("the person's view of RISKS: %+v", a)
		}
		if a.Section == "OUTCOMES" && (!a.Allowed || a.WithheldFromPerson != nil) {
			t.Errorf("the person's view of OUTCOMES: %+v", a)
		}
	}
	if got.Risks.TotalCount != 0 {
		t.Errorf("the person still counts %d risks", got.Risks.TotalCount)
	}
	events := s.Client.AuditEvent.Query().Where(auditevent.PersonID(toID(personID)), auditevent.ActionEQ(auditevent.ActionCHANGE)).AllX(ctx)
	if len(events) == 0 {
		t.Error("withholding is not on the record")
	}

	s.MustDo(t, practitioner, withhold, map[string]any{"p": personID, "s": []string{}, "why": ""}, nil)
	s.MustDo(t, patToken, q, map[string]any{"p": personID}, &got)
	if got.Risks.TotalCount == 0 {
		t.Error("withholding nothing did not give the person their risks back")
	}
}
