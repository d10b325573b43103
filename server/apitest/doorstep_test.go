package apitest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"reablement/ent"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// allocatedFor signs in as the person's allocated practitioner: the one a
// concern is routed to (issue 13); for a person with none, a practitioner
// of their team.
func allocatedFor(t *testing.T, s *apitest.Server, p *ent.Person) string {
	t.Helper()
	ctx := apitest.System(context.Background())
	if p.AllocatedPractitionerID == nil {
		return practitionerFor(t, s, string(p.ID))
	}
	return s.Token(t, s.Client.Account.GetX(ctx, *p.AllocatedPractitionerID).Username)
}

// managerFor signs in as the manager of the person's team.
func managerFor(t *testing.T, s *apitest.Server, p *ent.Person) string {
	t.Helper()
	ctx := apitest.System(context.Background())
	m, err := s.Client.Team.GetX(ctx, p.TeamID).QueryManager().Only(ctx)
	if err != nil {
		t.Fatalf("team %s has no manager: %v", p.TeamID, err)
	}
	return s.Token(t, m.Username)
}

const recordVisit = `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id status outcome } }`

const dueConcerns = `{ dueList { concerns { id kind } safeguardingConcerns { id } } }`

type dueConcernList struct {
	DueList struct {
		Concerns             []struct{ ID, Kind string }
		SafeguardingConcerns []struct{ ID string }
	}
}

func concernIDs(d dueConcernList) []string {
	var ids []string
	for _, c := range d.DueList.Concerns {
		ids = append(ids, c.ID)
	}
	return ids
}

// Each concern kind reaches whoever must act (issue 13): a health concern
// the allocated practitioner at once, a safeguarding concern the
// practitioner and the team manager; each stays on their due list until it
// is closed with what was done recorded, the safeguarding one with the
// decision about a section 42 enquiry and the outcome; closed once.
func TestConcernsAreRoutedToWhoeverMustActAndClosedWithWhatWasDone(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, wes, myVisits, nil, &out)
	var v myVisit
	var p *ent.Person
	for _, c := range out.MyVisits {
		pp := s.Client.Visit.GetX(ctx, toID(c.ID)).QueryPlan().QueryPerson().OnlyX(ctx)
		if pp.AllocatedPractitionerID != nil {
			v, p = c, pp
			break
		}
	}
	if p == nil {
		t.Fatal("wes has no visit today to a person with an allocated practitioner")
	}
	arrived := time.Now().Add(-40 * time.Minute).UTC()
	s.MustDo(t, wes, recordVisit, map[string]any{"in": map[string]any{
		"recordID": "phone-route-1", "visitID": v.ID, "expectedRevision": v.Revision,
		"arrivedAt": arrived.Format(time.RFC3339), "departedAt": arrived.Add(30 * time.Minute).Format(time.RFC3339),
		"concerns": []map[string]any{
			{"kind": "HEALTH", "details": "Breathless; lips a little blue"},
			{"kind": "SAFEGUARDING", "details": "Bruises on both arms; frightened of her nephew"},
		},
	}}, nil)
	var health, safeguarding string
	for _, c := range s.Client.Visit.GetX(ctx, toID(v.ID)).QueryConcerns().AllX(ctx) {
		if c.Kind == "HEALTH" {
			health = string(c.ID)
		} else {
			safeguarding = string(c.ID)
		}
	}
	practitioner := allocatedFor(t, s, p)
	manager := managerFor(t, s, p)

	var d dueConcernList
	s.MustDo(t, practitioner, dueConcerns, nil, &d)
	ids := concernIDs(d)
	hi, si := slices.Index(ids, health), slices.Index(ids, safeguarding)
	if hi < 0 || si < 0 {
		t.Fatalf("the allocated practitioner's due list lacks the health (%d) or the safeguarding (%d) concern", hi, si)
	}
	if si > hi {
		t.Error("safeguarding is not listed before health")
	}
	if !slices.ContainsFunc(d.DueList.SafeguardingConcerns, func(c struct{ ID string }) bool { return c.ID == safeguarding }) {
		t.Error("safeguardingConcerns lacks the safeguarding concern")
	}
	d = dueConcernList{}
	s.MustDo(t, manager, dueConcerns, nil, &d)
	if ids := concernIDs(d); !slices.Contains(ids, safeguarding) || slices.Contains(ids, health) {
		t.Errorf("the team manager should get the safeguarding concern and not the health one: %v", ids)
	}

	closeConcern := `mutation($in: CloseConcernInput!) { closeConcern(input: $in) { id closedAt actionsTaken section42Decision outcome closedBy { displayName } } }`
	// Acknowledging is not closing: it stays due.
	s.MustDo(t, practitioner, `mutation($id: ID!) { acknowledgeConcern(id: $id) { acknowledgedAt } }`, map[string]any{"id": health}, nil)
	d = dueConcernList{}
	s.MustDo(t, practitioner, dueConcerns, nil, &d)
	if !slices.Contains(concernIDs(d), health) {
		t.Error("an acknowledged health concern left the due list before it was closed")
	}
	// Closed only with what was done.
	r := s.Do(t, practitioner, closeConcern, map[string]any{"in": map[string]any{"id": health, "actionsTaken": "   "}})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.actionsTaken" {
		t.Errorf("closing with nothing recorded: %v %+v", r.Codes(), r.Errors)
	}
	r = s.Do(t, practitioner, closeConcern, map[string]any{"in": map[string]any{"id": safeguarding, "actionsTaken": "Spoke to her alone."}})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.section42Decision" {
		t.Errorf("closing a safeguarding concern without the section 42 decision: %v %+v", r.Codes(), r.Errors)
	}
	// The worker who raised it cannot close it (no SAFEGUARDING basis: not found).
	if r := s.Do(t, wes, closeConcern, map[string]any{"in": map[string]any{"id": health, "actionsTaken": "Told the office"}}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("the worker closing: %v", r.Codes())
	}
	s.MustDo(t, practitioner, closeConcern, map[string]any{"in": map[string]any{"id": health, "actionsTaken": "Rang her GP; same-day appointment booked."}}, nil)
	if r := s.Do(t, practitioner, closeConcern, map[string]any{"in": map[string]any{"id": health, "actionsTaken": "Again"}}); !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
		t.Errorf("closing twice: %v", r.Codes())
	}
	var closed struct {
		CloseConcern struct {
			ClosedAt          *time.Time
			Section42Decision string
			Outcome           string
			ClosedBy          struct{ DisplayName string }
		}
	}
	s.MustDo(t, manager, closeConcern, map[string]any{"in": map[string]any{"id": safeguarding, "actionsTaken": "Strategy discussion with the practitioner; police informed.",
		"section42Decision": "ENQUIRY", "outcome": "Nephew no longer visits alone; she feels safe."}}, &closed)
	if closed.CloseConcern.ClosedAt == nil || closed.CloseConcern.Section42Decision != "ENQUIRY" || closed.CloseConcern.ClosedBy.DisplayName == "" {
		t.Errorf("the closed concern does not say what, when and who: %+v", closed.CloseConcern)
	}
	for _, who := range []string{practitioner, manager} {
		d = dueConcernList{}
		s.MustDo(t, who, dueConcerns, nil, &d)
		if ids := concernIDs(d); slices.Contains(ids, health) || slices.Contains(ids, safeguarding) {
			t.Errorf("closed concerns are still due: %v", ids)
		}
	}
}

// A handover note left at a visit is shown at the next visit to the same
// person (issue 13), and a visit that did not go ahead says why.
func TestHandoverNoteIsShownAtTheNextVisitAndOutcomesSayWhy(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, wes, myVisits, nil, &out)
	if len(out.MyVisits) < 2 {
		t.Fatal("wes has fewer than two visits today")
	}
	morning := s.Client.Visit.GetX(ctx, toID(out.MyVisits[0].ID))
	// The afternoon visit to the same person, an hour after the morning's.
	afternoon := s.Client.Visit.Create().SetPlanID(morning.PlanID).SetPersonID(morning.PersonID).SetWorkerID(morning.WorkerID).
		SetStartsAt(morning.StartsAt.Add(time.Hour)).SetDurationMinutes(30).SaveX(writer(ctx, s))
	arrived := time.Now().Add(-30 * time.Minute).UTC()
	s.MustDo(t, wes, recordVisit, map[string]any{"in": map[string]any{
		"recordID": "phone-handover-1", "visitID": string(morning.ID), "expectedRevision": morning.Revision,
		"arrivedAt": arrived.Format(time.RFC3339), "departedAt": arrived.Add(20 * time.Minute).Format(time.RFC3339),
		"handover": "Lips a little blue this morning: check her breathing first.",
	}}, nil)
	var day struct {
		MyVisits []struct {
			ID           string
			HandoverFrom *struct{ ID, Handover string }
		}
	}
	s.MustDo(t, wes, `{ myVisits { id handoverFrom { id handover } } }`, nil, &day)
	i := slices.IndexFunc(day.MyVisits, func(v struct {
		ID           string
		HandoverFrom *struct{ ID, Handover string }
	}) bool {
		return v.ID == string(afternoon.ID)
	})
	if i < 0 {
		t.Fatal("the afternoon visit is not on wes's day")
	}
	if h := day.MyVisits[i].HandoverFrom; h == nil || h.ID != string(morning.ID) || h.Handover != "Lips a little blue this morning: check her breathing first." {
		t.Errorf("the afternoon visit shows %+v, want the morning's handover", h)
	}

	// No reply, declined, cancelled: each says what it must, and sets the status.
	third := s.Client.Visit.Create().SetPlanID(morning.PlanID).SetPersonID(morning.PersonID).SetWorkerID(morning.WorkerID).
		SetStartsAt(morning.StartsAt.Add(2 * time.Hour)).SetDurationMinutes(30).SaveX(writer(ctx, s))
	cancel := map[string]any{"recordID": "phone-cancel-1", "visitID": string(third.ID), "expectedRevision": third.Revision, "outcome": "CANCELLED"}
	r := s.Do(t, wes, recordVisit, map[string]any{"in": cancel})
	if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != "input.outcomeReason" {
		t.Errorf("a cancellation without a reason: %v %+v", r.Codes(), r.Errors)
	}
	cancel["outcomeReason"] = "In hospital since last night (daughter rang)."
	var got struct {
		RecordVisit struct{ Status, Outcome string }
	}
	s.MustDo(t, wes, recordVisit, map[string]any{"in": cancel}, &got)
	if got.RecordVisit.Status != "CANCELLED" || got.RecordVisit.Outcome != "CANCELLED" {
		t.Errorf("a cancelled visit is %+v", got.RecordVisit)
	}
	fourth := s.Client.Visit.Create().SetPlanID(morning.PlanID).SetPersonID(morning.PersonID).SetWorkerID(morning.WorkerID).
		SetStartsAt(morning.StartsAt.Add(3 * time.Hour)).SetDurationMinutes(30).SaveX(writer(ctx, s))
	s.MustDo(t, wes, recordVisit, map[string]any{"in": map[string]any{"recordID": "phone-noreply-1", "visitID": string(fourth.ID),
		"expectedRevision": fourth.Revision, "outcome": "NO_REPLY", "arrivedAt": arrived.Format(time.RFC3339)}}, &got)
	if got.RecordVisit.Status != "MISSED" {
		t.Errorf("no reply at the door: %+v", got.RecordVisit)
	}
	if n := s.Client.Visit.Query().Where(visit.ID(fourth.ID), visit.DepartedAtIsNil()).CountX(ctx); n != 1 {
		t.Error("no reply recorded a departure")
	}
}

// Access notes (a key-safe code) reach the worker only around one of their
// visits to the person, never on the day's list hours ahead (issue 13);
// the allocated practitioner sees them always.
func TestAccessNotesReachTheWorkerOnlyAroundAVisit(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wesAccount := s.Account(t, "wes.worker")
	wes := s.Token(t, "wes.worker")
	v := s.Client.Visit.Query().Where(visit.WorkerID(wesAccount.ID), visit.StartsAtGT(time.Now().Add(24*time.Hour))).FirstX(ctx)
	p := s.Client.Person.GetX(ctx, v.PersonID)
	// None of wes's visits to this person is near now: those that were are cancelled.
	for _, near := range s.Client.Visit.Query().Where(visit.WorkerID(wesAccount.ID), visit.PersonID(p.ID),
		visit.StartsAtGT(time.Now().Add(-14*time.Hour)), visit.StartsAtLT(time.Now().Add(2*time.Hour))).AllX(ctx) {
		s.Client.Visit.UpdateOneID(near.ID).SetStatus(visit.StatusCANCELLED).ExecX(writer(ctx, s))
	}
	s.Client.Person.UpdateOneID(p.ID).SetAccessNotes("Key safe left of the door, code 4071.").ExecX(writer(ctx, s))
	query := `query($id: ID!) { node(id: $id) { ... on Person { preferredName accessNotes } } }`
	r := s.Do(t, wes, query, map[string]any{"id": string(p.ID)})
	if got := withheldSections(r); !got["CONTACT"] || len(r.Errors) != 1 || r.Errors[0].Path[len(r.Errors[0].Path)-1] != "accessNotes" {
		t.Errorf("hours before any visit the worker was given the access notes: %s %+v", r.Data, r.Errors)
	}
	// A visit starting in 20 minutes: the code shows.
	s.Client.Visit.Create().SetPlanID(v.PlanID).SetPersonID(p.ID).SetWorkerID(wesAccount.ID).
		SetStartsAt(time.Now().Add(20 * time.Minute)).SetDurationMinutes(30).SaveX(writer(ctx, s))
	var got struct{ Node struct{ AccessNotes *string } }
	s.MustDo(t, s.Token(t, "wes.worker"), query, map[string]any{"id": string(p.ID)}, &got)
	if got.Node.AccessNotes == nil || *got.Node.AccessNotes != "Key safe left of the door, code 4071." {
		t.Errorf("inside the visit's window the worker sees %v", got.Node.AccessNotes)
	}
	got.Node.AccessNotes = nil
	s.MustDo(t, allocatedFor(t, s, p), query, map[string]any{"id": string(p.ID)}, &got)
	if got.Node.AccessNotes == nil {
		t.Error("the allocated practitioner does not see the access notes")
	}
}
