package apitest_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// The case chronology (issue 12 item 5): a person's visits with the
// worker's notes, reviews, amendments, shares and decisions, newest first,
// filterable by kind; and each entry decided by consent like the fields it
// shows: a viewer without VISITS gets no visit, and so no visit note, in it,
// while the practitioner sees them.
func TestChronologyNewestFirstAndWithheldWithoutTheSection(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	pat := s.Account(t, "pat.person")
	if pat.PersonID == nil {
		t.Fatal("the demo's pat.person is linked to no person")
	}
	personID := *pat.PersonID
	current := s.Client.Plan.Query().Where(plan.PersonID(personID)).Order(plan.ByVersion()).AllX(ctx)
	if len(current) == 0 {
		t.Fatal("pat has no plan in the demo authority")
	}
	p := current[len(current)-1]
	const note = "Made tea using the kettle tipper; chronology-note-7731"
	s.Client.Visit.Create().SetPlanID(p.ID).SetWorkerID(s.Account(t, "wes.worker").ID).SetStartsAt(time.Now().Add(-26 * time.Hour)).
		SetArrivedAt(time.Now().Add(-26 * time.Hour)).SetDepartedAt(time.Now().Add(-25 * time.Hour)).SetDurationMinutes(45).SetStatus(visit.StatusCOMPLETED).SetNotes(note).ExecX(writer(ctx, s))

	const q = `query($id: ID!, $kinds: [ChronologyKind!]) { node(id: $id) { ... on Person { chronology(kinds: $kinds) { kind at decision visit { notes } review { id } amendment { details } share { id } } } } }`
	type entry struct {
		Kind     string
		At       time.Time
		Decision *string
		Visit    *struct{ Notes *string }
	}
	var out struct {
		Node struct{ Chronology []entry }
	}
	s.MustDo(t, priya, q, map[string]any{"id": personID}, &out)
	all := out.Node.Chronology
	kinds := map[string]bool{}
	for i, e := range all {
		kinds[e.Kind] = true
		if i > 0 && e.At.After(all[i-1].At) {
			t.Errorf("entry %d (%s at %s) is newer than the one before it (%s)", i, e.Kind, e.At, all[i-1].At)
		}
	}
	if !slices.ContainsFunc(all, func(e entry) bool { return e.Visit != nil && e.Visit.Notes != nil && *e.Visit.Notes == note }) {
		t.Errorf("the practitioner's chronology lacks the visit and its notes: %+v", all)
	}
	for _, k := range []string{"VISIT", "DECISION", "AMENDMENT"} {
		if !kinds[k] {
			t.Errorf("the practitioner's chronology has no %s entry; kinds: %v", k, kinds)
		}
	}

	// Filtered by kind.
	s.MustDo(t, priya, q, map[string]any{"id": personID, "kinds": []string{"DECISION"}}, &out)
	if len(out.Node.Chronology) == 0 || slices.ContainsFunc(out.Node.Chronology, func(e entry) bool { return e.Kind != "DECISION" }) {
		t.Errorf("only decisions asked for: %+v", out.Node.Chronology)
	}

	// The person, with their visits withheld from them by decision, sees
	// the rest of their chronology and no visit, note or sign of one.
	s.Client.Person.UpdateOneID(personID).SetWithheldFromPerson([]policy.Section{policy.Visits}).
		SetWithholdingReason("Test: the visit records name a third party").ExecX(writer(ctx, s))
	r := s.Do(t, s.Token(t, "pat.person"), q, map[string]any{"id": personID})
	if strings.Contains(string(r.Data), "chronology-note-7731") || strings.Contains(string(r.Data), `"VISIT"`) {
		t.Errorf("a viewer without VISITS sees visits in the chronology: %s", r.Data)
	}
	if err := json.Unmarshal(r.Data, &out); err != nil || len(out.Node.Chronology) == 0 {
		t.Errorf("the person's own chronology without visits: %s %+v", r.Data, r.Errors)
	}
}

// Printing the person's copy records the written record given, with its
// date and format (issue 12 item 6, R13, R4): of an agreed plan only, and
// saying which format.
func TestWrittenRecordGivenIsRecorded(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	activeID, _ := firstPlan(t, s, priya, `, where: {status: ACTIVE}`)
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	person := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Edna Marsh", "preferredName": "Edna", "dateOfBirth": "1941-02-03", "teamID": team.ID}})
	draft := mustCreate(t, s, priya, `mutation($in: CreatePlanInput!) { createPlan(input: $in) { id } }`, map[string]any{"in": map[string]any{"personID": person.ID}})
	const give = `mutation($id: ID!, $rev: Int!, $format: String!) { recordWrittenRecord(id: $id, expectedRevision: $rev, format: $format) { writtenRecordAt writtenRecordFormat } }`
	rev := func(id string) int { return s.Client.Plan.GetX(ctx, toID(id)).Revision }
	if rule, _ := ruleOf(s.Do(t, priya, give, map[string]any{"id": draft.ID, "rev": rev(draft.ID), "format": "Standard print"})); rule != "R13" {
		t.Error("a written record of a draft was not refused under R13")
	}
	if rule, fields := ruleOf(s.Do(t, priya, give, map[string]any{"id": activeID, "rev": rev(activeID), "format": " "})); rule != "R13" || !slices.Contains(fields, "format") {
		t.Error("a written record without its format was not refused under R13")
	}
	var out struct {
		RecordWrittenRecord struct {
			WrittenRecordAt     *time.Time
			WrittenRecordFormat *string
		}
	}
	s.MustDo(t, priya, give, map[string]any{"id": activeID, "rev": rev(activeID), "format": "Large print"}, &out)
	if got := out.RecordWrittenRecord; got.WrittenRecordAt == nil || time.Since(*got.WrittenRecordAt) > time.Minute || got.WrittenRecordFormat == nil || *got.WrittenRecordFormat != "Large print" {
		t.Errorf("the written record given: %+v", got)
	}
}

// The chronology sends one query per kind of entry, whatever the number of
// entries (issue 12 item 5: no N+1): the web app's own operation costs the
// same, statement for statement, for a person with few events as for one
// with many, and exactly the figure below (sign-in and audit included).
func TestChronologyStatementsDoNotGrowWithEntries(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	priya := s.Token(t, "priya.practitioner")
	teams := s.Account(t, "priya.practitioner").QueryTeams().IDsX(ctx)
	counts := map[string]int{}
	for _, v := range s.Client.Visit.Query().Where(visit.StartsAtLT(time.Now())).WithPlan().AllX(ctx) {
		counts[string(v.Edges.Plan.PersonID)]++
	}
	var few, many string
	for _, p := range s.Client.Person.Query().AllX(ctx) {
		if !slices.Contains(teams, p.TeamID) || counts[string(p.ID)] == 0 {
			continue
		}
		if few == "" || counts[string(p.ID)] < counts[few] {
			few = string(p.ID)
		}
		if many == "" || counts[string(p.ID)] > counts[many] {
			many = string(p.ID)
		}
	}
	if few == "" || counts[many] < counts[few]+5 {
		t.Fatalf("priya's team lacks people with few and many past visits: %d and %d", counts[few], counts[many])
	}
	hash := appOperationContaining(t, "query PersonChronology(")
	statements := func(id string) int64 {
		r := s.DoPersisted(t, priya, hash, map[string]any{"id": id})
		if len(r.Errors) > 0 || !r.HasData() {
			t.Fatalf("PersonChronology: %v", r.Errors)
		}
		return r.Statements
	}
	statements(few) // warm: the authority's time zone is cached after the first request
	a, b := statements(few), statements(many)
	t.Logf("chronology statements: %d (%d past visits), %d (%d past visits)", a, counts[few], b, counts[many])
	if a != b {
		t.Errorf("the chronology sends %d statements for %d visits and %d for %d: it grows with the entries", a, counts[few], b, counts[many])
	}
	// What every request on a person sends (2 since the viewer cache of
	// issue 14 keeps the viewer, confirmed by the audit write: consent
	// facts, the audit), then one query per kind and per edge the app shows:
	// plan versions, visits, their workers, progress (with outcomes and
	// steps: 3), concerns, reviews, amendments, their resulting versions,
	// shares.
	const want = 13
	if b != want {
		t.Errorf("the chronology sends %d SQL statements, want exactly %d", b, want)
	}
}

// appOperationContaining is appOperation for a document that starts with
// the fragments it spreads: the operation is found by its name anywhere.
func appOperationContaining(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile("../../frontend/src/gql/persisted-documents.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	for hash, doc := range docs {
		if strings.Contains(doc, name) {
			return hash
		}
	}
	t.Fatalf("the web app has no operation %q", name)
	return ""
}
