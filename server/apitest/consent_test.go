package apitest_test

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"reablement/ent/auditevent"
	"reablement/ent/policy"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// planProbe asks for one field (or edge) of every section of a plan and its
// person. Withheld sections answer SECTION_WITHHELD errors naming them.
const planProbe = `
  id
  workerTasks
  visitFrequency
  otherSupport
  reviewFrequency
  writtenRecordFormat
  interimMeasures
  chargeableFrom
  outcomes(first: 3) { edges { node { statement } } }
  risks { description }
  needs { area }
  visits(first: 20) { edges { node { concerns { details } } } }
  person { legalName preferredName communicationNeeds appropriatePerson ordinaryResidence }`

// queryShapes are the ways a client can reach the same plan; every one must
// disclose exactly the same sections (consent.md, "whatever query it writes").
var queryShapes = map[string]string{
	"node by id":               `query($id: ID!) { node(id: $id) { ... on Plan {` + planProbe + `} } }`,
	"aliases and a fragment":   `query($id: ID!) { a: node(id: $id) { ...P } b: node(id: $id) { id } } fragment P on Plan {` + planProbe + `}`,
	"a filtered list":          `query($id: ID!) { plans(where: {idIn: [$id]}) { edges { node {` + planProbe + `} } } }`,
	"nested under the person":  `query($id: ID!, $person: ID!) { people(first: 1, where: {idIn: [$person]}) { edges { node { plans(first: 1, where: {idIn: [$id]}) { edges { node {` + planProbe + `} } } } } } }`,
	"inline fragment in nodes": `query($id: ID!) { nodes(ids: [$id]) { ... on Plan {` + planProbe + `} } }`,
}

var probed = []policy.Section{policy.WorkerSupport, policy.Visits, policy.OtherSupport, policy.Review, policy.Involvement,
	policy.Capacity, policy.Finance, policy.Outcomes, policy.Risks, policy.Needs, policy.Identity, policy.Contact, policy.Communication}

func withheldSections(r apitest.Response) map[policy.Section]bool {
	out := map[policy.Section]bool{}
	for _, e := range r.Errors {
		if e.Code() == "SECTION_WITHHELD" {
			out[policy.Section(e.Extensions["section"].(string))] = true
		}
	}
	return out
}

func allBut(except ...policy.Section) []policy.Section {
	var out []policy.Section
	for _, s := range probed {
		if !slices.Contains(except, s) {
			out = append(out, s)
		}
	}
	return out
}

// firstPlan finds a plan the viewer can reach, and its person.
func firstPlan(t *testing.T, s *apitest.Server, token, where string) (plan, person string) {
	t.Helper()
	var out struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 1`+where+`) { edges { node { id personID } } } }`, nil, &out)
	if len(out.Plans.Edges) == 0 {
		t.Fatalf("no plan%s for this viewer", where)
	}
	n := out.Plans.Edges[0].Node
	return n["id"].(string), n["personID"].(string)
}

// The consent matrix (issue 4): for each kind of viewer, the sections they
// may see are disclosed and audited, the others are withheld with
// SECTION_WITHHELD, in every query shape.
func TestConsentMatrixThroughTheAPI(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	workerSections := []policy.Section{policy.Contact, policy.Communication, policy.Needs, policy.Outcomes, policy.Visits,
		policy.WorkerSupport, policy.OtherSupport, policy.Risks}
	cases := []struct {
		viewer  string
		where   string           // which of their plans
		allowed []policy.Section // of the probed sections
		basis   policy.Basis
	}{
		{"priya.practitioner", `, where: {status: ACTIVE}`, probed, ""},
		{"morgan.manager", `, where: {status: ACTIVE}`, probed, ""},
		{"rita.registered", `, where: {status: ACTIVE}`, allBut(policy.Safeguarding, policy.Finance), policy.ServiceProvider},
		{"wes.worker", `, where: {status: ACTIVE}`, workerSections, policy.ProviderDuty},
		{"carol.carer", ``, []policy.Section{policy.Outcomes, policy.Visits}, policy.CarerShare},
		{"dan.daughter", ``, probed, policy.CarerShare},
		{"adam.advocate", ``, probed, policy.AdvocateShare},
		{"pat.person", `, where: {status: ACTIVE}`, probed, ""},
		{"ana.analyst", ``, nil, policy.Statistics},
	}
	for _, c := range cases {
		t.Run(c.viewer, func(t *testing.T) {
			token := s.Token(t, c.viewer)
			viewer := s.Account(t, c.viewer)
			planID, personID := firstPlan(t, s, token, c.where)
			recordPerson := toID(personID) // the id the audit log keeps
			if c.viewer == "ana.analyst" {
				recordPerson = s.StaffID(personID) // analysts know records by ids of their own
			}
			var want []policy.Section
			for _, sec := range probed {
				if !slices.Contains(c.allowed, sec) {
					want = append(want, sec)
				}
			}
			for shape, q := range queryShapes {
				before := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(viewer.ID), auditevent.PersonID(recordPerson)).CountX(ctx)
				r := s.Do(t, token, q, map[string]any{"id": planID, "person": personID})
				for _, e := range r.Errors {
					if e.Code() != "SECTION_WITHHELD" {
						t.Fatalf("%s: unexpected error %+v", shape, e)
					}
					if strings.Contains(e.Message, "Edith") || e.Extensions["section"] == nil {
						t.Errorf("%s: a withheld error must name its section and echo nothing: %+v", shape, e)
					}
				}
				got := withheldSections(r)
				delete(got, policy.Safeguarding) // probed only where the plan has visits with concerns
				if gotList := sortedKeys(got); !slices.Equal(gotList, sortSections(want)) {
					t.Errorf("%s: withheld %v, want %v", shape, gotList, sortSections(want))
				}
				if !r.HasData() || strings.Contains(string(r.Data), `"id":null`) {
					t.Errorf("%s: the plan itself must still come back: %.200s", shape, r.Data)
				}
				// One audit event per person per request, listing what was disclosed.
				events := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(viewer.ID), auditevent.PersonID(recordPerson)).
					Order(auditevent.ByOccurredAt()).AllX(ctx)
				if len(events) != before+1 {
					t.Fatalf("%s: %d new audit events for one request, want 1", shape, len(events)-before)
				}
				ev := events[len(events)-1]
				for _, sec := range c.allowed {
					if !slices.Contains(ev.Sections, sec) && sec != policy.Safeguarding {
						t.Errorf("%s: audit event lists %v; %s was disclosed", shape, ev.Sections, sec)
					}
				}
				for _, sec := range want {
					// An analyst's section may be partly disclosed (its coded
					// fields), and the audit rightly records that.
					if slices.Contains(ev.Sections, sec) && c.basis != policy.Statistics {
						t.Errorf("%s: audit event lists withheld section %s", shape, sec)
					}
				}
				if c.basis != "" && !slices.Contains(ev.Bases, c.basis) {
					t.Errorf("%s: audit bases %v, want %s among them", shape, ev.Bases, c.basis)
				}
			}
		})
	}
}

func TestAuditorSeesNoCareRecordOnlyTheLog(t *testing.T) {
	s := server(t)
	planID, _ := firstPlan(t, s, s.Token(t, "priya.practitioner"), "")
	token := s.Token(t, "ian.auditor")
	r := s.Do(t, token, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": planID})
	if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Fatalf("auditor fetching a plan: %v", r.Codes())
	}
	var people struct{ People page }
	s.MustDo(t, token, `{ people { totalCount } }`, nil, &people)
	if people.People.TotalCount != 0 {
		t.Errorf("the auditor counts %d people; the log is all they see", people.People.TotalCount)
	}
	var log struct{ AuditEvents page }
	s.MustDo(t, token, `{ auditEvents(first: 5, orderBy: {field: OCCURRED_AT, direction: DESC}) { totalCount edges { node { viewerName sections bases } } } }`, nil, &log)
	if log.AuditEvents.TotalCount == 0 {
		t.Error("the auditor sees no audit events")
	}
}

// Analysts query the whole authority on pseudonymised data: pseudonyms and
// age bands, never names, dates of birth, NHS numbers, addresses or free
// text; and they cannot filter or order on those (issue 4).
func TestAnalystSeesPseudonymsAndAgeBandsOnly(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "ana.analyst")
	r := s.Do(t, token, `{ people(first: 50) { totalCount edges { node { id pseudonym ageBand autism advocacy
		legalName dateOfBirth nhsNumber address postcode preferredName communicationNeeds
		plans(first: 5) { edges { node { status version outcomes(first: 5) { edges { node { domain achievement statement } } } } } } } } } }`, nil)
	var out struct{ People page }
	_ = json.Unmarshal(r.Data, &out)
	all := s.Client.Person.Query().CountX(ctx)
	if out.People.TotalCount != all {
		t.Errorf("the analyst counts %d people; the authority has %d", out.People.TotalCount, all)
	}
	pseudonyms := map[string]bool{}
	for _, e := range out.People.Edges {
		n := e.Node
		for _, f := range []string{"legalName", "dateOfBirth", "nhsNumber", "address", "postcode", "preferredName", "communicationNeeds"} {
			if n[f] != nil {
				t.Fatalf("the analyst received %s = %v", f, n[f])
			}
		}
		p, _ := n["pseudonym"].(string)
		if !strings.HasPrefix(p, "P-") || n["ageBand"] == nil || n["advocacy"] == nil {
			t.Fatalf("pseudonym %q ageBand %v advocacy %v", p, n["ageBand"], n["advocacy"])
		}
		pseudonyms[p] = true
	}
	if len(pseudonyms) != len(out.People.Edges) {
		t.Error("pseudonyms are not unique per person")
	}
	if strings.Contains(string(r.Data), `"statement":"`) {
		t.Error("outcome statements (free text) reached the analyst")
	}
	if !strings.Contains(string(r.Data), `"achievement":"`) {
		t.Error("coded outcome fields should reach the analyst")
	}
	// The same person keeps the same pseudonym from one request to the next.
	again := s.Do(t, token, `{ people(first: 50) { edges { node { pseudonym } } } }`, nil)
	for p := range pseudonyms {
		if !strings.Contains(string(again.Data), p) {
			t.Fatal("pseudonyms changed between requests")
		}
	}
	for _, q := range []string{
		`{ people(where: {legalNameContains: "a"}) { totalCount } }`,
		`{ people(where: {nhsNumber: "4857773456"}) { totalCount } }`,
		`{ people(where: {dateOfBirthLT: "1950-01-01"}) { totalCount } }`,
		`{ people(orderBy: {field: LEGAL_NAME}) { totalCount } }`,
		`{ plans(where: {hasPersonWith: {addressContains: "Road"}}) { totalCount } }`,
	} {
		if r := s.Do(t, token, q, nil); len(r.Errors) == 0 || r.HasData() {
			t.Errorf("%s was not refused", q)
		}
	}
}

func sortedKeys(m map[policy.Section]bool) []policy.Section {
	return sortSections(slices.Collect(maps.Keys(m)))
}

func sortSections(s []policy.Section) []policy.Section {
	out := slices.Clone(s)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// No disclosure without its record: when the audit events cannot be written
// (the database connection is lost at that moment), the response is an
// error and carries none of the data (issue 4).
func TestLostAuditWriteReturnsAnErrorNotTheData(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 30})
	token := s.Token(t, "priya.practitioner")
	var people struct{ People page }
	s.MustDo(t, token, `{ people(first: 1) { edges { node { id legalName } } } }`, nil, &people)
	name := people.People.Edges[0].Node["legalName"].(string)

	s.KillDatabaseBeforeAudit()
	r := s.Do(t, token, `{ people(first: 1) { edges { node { id legalName } } } }`, nil)
	if r.HasData() || strings.Contains(string(r.Data), name) {
		t.Fatalf("data left without its audit record: %s", r.Data)
	}
	if !slices.Equal(r.Codes(), []string{"INTERNAL"}) {
		t.Errorf("codes %v; want one INTERNAL error", r.Codes())
	}
}

// Caldicott principle 8: the person can see who has seen their record and
// what they saw; auditors filter the whole log by viewer and date.
func TestAccessHistoryForThePersonAndAuditors(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	pat := s.Account(t, "pat.person")
	patToken := s.Token(t, "pat.person")
	// Someone looks at pat's record.
	planID, _ := firstPlan(t, s, patToken, "")
	dan := s.Token(t, "priya.practitioner")
	s.Do(t, dan, `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks person { legalName } } } }`, map[string]any{"id": planID})

	var history struct{ AuditEvents page }
	s.MustDo(t, patToken, `{ auditEvents(first: 100, orderBy: {field: OCCURRED_AT, direction: DESC}) { totalCount edges { node { viewerName sections bases personID } } } }`, nil, &history)
	if history.AuditEvents.TotalCount == 0 {
		t.Fatal("pat sees no history of her record")
	}
	sawPriya := false
	for _, e := range history.AuditEvents.Edges {
		if e.Node["personID"] != string(*pat.PersonID) {
			t.Fatalf("pat sees an audit event about someone else: %v", e.Node)
		}
		sawPriya = sawPriya || e.Node["viewerName"] == s.Account(t, "priya.practitioner").DisplayName
	}
	if !sawPriya {
		t.Error("pat's history does not show the practitioner who just read her plan")
	}

	ian := s.Token(t, "ian.auditor")
	priya := s.Account(t, "priya.practitioner")
	since := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	var byViewer struct{ AuditEvents page }
	s.MustDo(t, ian, `query($v: ID!, $since: Time!) { auditEvents(first: 100, where: {viewerID: $v, occurredAtGTE: $since}) { totalCount edges { node { viewerName } } } }`,
		map[string]any{"v": priya.ID, "since": since}, &byViewer)
	want := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(priya.ID), auditevent.OccurredAtGTE(time.Now().Add(-time.Hour))).CountX(ctx)
	if byViewer.AuditEvents.TotalCount != want || want == 0 {
		t.Errorf("the auditor's filter by viewer and date found %d events; the log holds %d", byViewer.AuditEvents.TotalCount, want)
	}
}
