package apitest_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"reablement/ent/demo"
	"reablement/ent/episode"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/team"
	"reablement/server/apitest"
)

// Issue 15: the returns. An authority of its own, built by hand, whose
// ASCOF answers are worked out below; the demo authority for the CLD
// export and the printed measures.

var handBuiltN atomic.Int64

// handBuilt is a small authority with an analyst and a statutory-returns
// officer, and a function adding one person's episodes to it.
type handBuilt struct {
	t                 *testing.T
	s                 *apitest.Server
	ctx               context.Context
	authority, teamID pulid.ID
	analyst, returns  string // tokens
}

func newHandBuilt(t *testing.T, s *apitest.Server) *handBuilt {
	t.Helper()
	n := handBuiltN.Add(1)
	sys := apitest.System(context.Background())
	code := fmt.Sprintf("HAND%d%d", time.Now().UnixNano()%100000, n)
	a := s.Client.Authority.Create().SetName("Handbuilt " + code).SetCode(code).SaveX(sys)
	ctx := systemFor(context.Background(), a.ID)
	tm := s.Client.Team.Create().SetName("Handbuilt team").SetKind(team.KindHOSPITAL).SetAuthorityID(a.ID).SaveX(ctx)
	h := &handBuilt{t: t, s: s, ctx: ctx, authority: a.ID, teamID: tm.ID}
	for _, acct := range []struct {
		name string
		role policy.Role
		out  *string
	}{{"analyst", policy.Analyst, &h.analyst}, {"returns", policy.ReturnsOfficer, &h.returns}} {
		username := strings.ToLower(code) + "." + acct.name
		s.Client.Account.Create().SetSubject(demo.SubjectPrefix + username).SetUsername(username).SetDisplayName(acct.name).
			SetRoles([]policy.Role{acct.role}).ExecX(ctx)
		*acct.out = s.Token(t, username)
	}
	return h
}

// spell is one episode as the hand-built data set describes it.
type spell struct {
	start, end       string // commenced and ended (end "" while active)
	route, discharge string
	sequel, early    string
	situation        string
	existingLongTerm bool
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// person adds someone born on the day given, with their episodes in order.
func (h *handBuilt) person(born string, spells ...spell) pulid.ID {
	h.t.Helper()
	c := h.s.Client
	p := c.Person.Create().SetLegalName("Hand Built").SetPreferredName("Hand").SetDateOfBirth(day(born)).SetTeamID(h.teamID).SaveX(h.ctx)
	for _, sp := range spells {
		pc := c.Plan.Create().SetPersonID(p.ID).SetStatus(plan.StatusACTIVE).SetCommencedAt(day(sp.start).Add(9 * time.Hour))
		if sp.end != "" {
			pc.SetStatus(plan.StatusENDED).SetEndedAt(day(sp.end).Add(15 * time.Hour)).SetEndReason(plan.EndReasonOUTCOMES_MET)
		}
		pl := pc.SaveX(h.ctx)
		ep := c.Episode.Query().Where(episode.PersonID(p.ID), episode.Episode(pl.Episode)).OnlyX(h.ctx)
		u := c.Episode.UpdateOne(ep).SetReferralReceivedOn(day(sp.start).AddDate(0, 0, -5)).SetExistingLongTermSupport(sp.existingLongTerm)
		if sp.route != "" {
			u.SetReferralRoute(episode.ReferralRoute(sp.route))
		}
		if sp.discharge != "" {
			u.SetHospitalDischargeOn(day(sp.discharge))
		}
		if sp.sequel != "" {
			u.SetSequel(episode.Sequel(sp.sequel))
		}
		if sp.early != "" {
			u.SetEndedEarlyReason(episode.EndedEarlyReason(sp.early))
		}
		if sp.situation != "" {
			u.SetFollowUpSituation(episode.FollowUpSituation(sp.situation))
		}
		u.ExecX(h.ctx)
	}
	return p.ID
}

type ascof struct {
	Numerator, Denominator, NotYetKnown *int
	Percent                             *float64
	Suppressed                          *string
}

func (h *handBuilt) measure(token, field, from, to string) ascof {
	h.t.Helper()
	var out map[string]ascof
	h.s.MustDo(h.t, token, fmt.Sprintf(`query($from: Date, $to: Date) { m: %s(from: $from, to: $to) { numerator denominator notYetKnown percent suppressed } }`, field),
		map[string]any{"from": from, "to": to}, &out)
	return out["m"]
}

func val(p *int) string {
	if p == nil {
		return "*"
	}
	return fmt.Sprint(*p)
}

// ASCOF 2A on a hand-built data set, 1 April 2025 to 31 March 2026,
// worked out by hand:
//
//	A  one episode ending in May, signposted (no services)        numerator
//	B  two episodes a day apart: one cluster (gaps of at most a day),
//	   its sequel the last one's, ongoing low-level support         numerator (once)
//	C  two episodes three days apart: two clusters, the first to
//	   residential care, the second no services                     denominator only; numerator
//	D  already in long-term support when referred                   left out (not a new client)
//	E  ended early: died                                            left out (early cessation)
//	F  ended early: admitted to hospital                            numerator ("no services – other")
//	G  ended after the period                                       left out
//	H  ended in the period, sequel not yet recorded                 not yet known
//	I  still receiving reablement                                   left out
//
// Numerator 4 (A, B, C's second, F); denominator 5 (and C's first): 80%.
func TestAscof2AOnAHandBuiltAuthorityMatchesTheAnswerWorkedOutByHand(t *testing.T) {
	s := server(t)
	h := newHandBuilt(t, s)
	h.person("1950-01-15", spell{start: "2025-05-01", end: "2025-06-10", route: "COMMUNITY", sequel: "NO_SERVICES_SIGNPOSTED"})
	h.person("1951-02-15",
		spell{start: "2025-06-01", end: "2025-06-20", route: "COMMUNITY", sequel: "LONG_TERM_COMMUNITY"},
		spell{start: "2025-06-21", end: "2025-07-15", route: "COMMUNITY", sequel: "ONGOING_LOW_LEVEL"})
	h.person("1952-03-15",
		spell{start: "2025-07-01", end: "2025-07-20", route: "COMMUNITY", sequel: "LONG_TERM_RESIDENTIAL"},
		spell{start: "2025-07-23", end: "2025-08-10", route: "COMMUNITY", sequel: "NO_SERVICES_OTHER"})
	h.person("1953-04-15", spell{start: "2025-08-01", end: "2025-08-20", route: "COMMUNITY", sequel: "NO_SERVICES_SIGNPOSTED", existingLongTerm: true})
	h.person("1954-05-15", spell{start: "2025-09-01", end: "2025-09-10", route: "COMMUNITY", sequel: "ENDED_EARLY", early: "DIED"})
	h.person("1955-06-15", spell{start: "2025-10-01", end: "2025-10-12", route: "COMMUNITY", sequel: "ENDED_EARLY", early: "ADMITTED_TO_HOSPITAL"})
	h.person("1956-07-15", spell{start: "2026-03-20", end: "2026-04-20", route: "COMMUNITY", sequel: "NO_SERVICES_SIGNPOSTED"})
	h.person("1957-08-15", spell{start: "2025-11-01", end: "2025-12-01", route: "COMMUNITY"})
	h.person("1958-09-15", spell{start: "2026-11-01", route: "COMMUNITY"})

	got := h.measure(h.returns, "ascof2A", "2025-04-01", "2026-03-31")
	if val(got.Numerator) != "4" || val(got.Denominator) != "5" || val(got.NotYetKnown) != "1" || got.Percent == nil || *got.Percent != 80 {
		t.Fatalf("ASCOF 2A = %s/%s (%v%%), not yet known %s; worked out by hand: 4/5 (80%%), 1 not yet known",
			val(got.Numerator), val(got.Denominator), got.Percent, val(got.NotYetKnown))
	}
	// An analyst asks the same: four and five people are too few to show.
	an := h.measure(h.analyst, "ascof2A", "2025-04-01", "2026-03-31")
	if an.Numerator != nil || an.Denominator != nil || an.Percent != nil || an.Suppressed == nil || *an.Suppressed != "SMALL_COUNT" {
		t.Fatalf("an analyst's 2A over 4 and 5 episodes: %+v; want both suppressed as SMALL_COUNT", an)
	}
}

// ASCOF 2D on a hand-built data set, discharges 1 April 2025 to 31 March
// 2026, worked out by hand (all 65 and over unless said):
//
//	P1 discharged 3 May, reablement from 5 May; at home at 91 days      numerator
//	P2 discharged 1 June, reablement from 12 June: more than 7 days
//	   before the start, so not a discharge into reablement             left out
//	P3 discharged 10 July, reablement from 8 July (within 3 days after);
//	   readmitted                                                        denominator only
//	P4 aged 55                                                           left out
//	P5 discharged 1 September into reablement to 20 September, then a
//	   second discharge on 22 September and reablement from 24 September:
//	   gaps of at most 7 days make one cluster, linked to the first
//	   discharge; at home                                                numerator (once)
//	P6 discharged 1 October; situation not yet recorded                  not yet known
//	P7 discharged after the period                                       left out
//	P8 discharged 1 November; died                                       denominator only
//
// Numerator 2 (P1, P5), denominator 4 (P1, P3, P5, P8): 50%.
func TestAscof2DOnAHandBuiltAuthorityMatchesTheAnswerWorkedOutByHand(t *testing.T) {
	s := server(t)
	h := newHandBuilt(t, s)
	hosp := func(discharge, start, end, situation string) spell {
		return spell{start: start, end: end, route: "HOSPITAL_DISCHARGE", discharge: discharge, situation: situation}
	}
	h.person("1940-01-20", hosp("2025-05-03", "2025-05-05", "2025-06-10", "AT_HOME"))
	h.person("1945-02-20", hosp("2025-06-01", "2025-06-12", "2025-07-10", "AT_HOME"))
	h.person("1950-03-20", hosp("2025-07-10", "2025-07-08", "2025-08-01", "READMITTED"))
	h.person("1970-04-20", hosp("2025-08-01", "2025-08-02", "2025-09-01", ""))
	h.person("1939-05-20", hosp("2025-09-01", "2025-09-01", "2025-09-20", "AT_HOME"), hosp("2025-09-22", "2025-09-24", "2025-10-20", "AT_HOME"))
	h.person("1944-06-20", hosp("2025-10-01", "2025-10-02", "2025-11-01", ""))
	h.person("1943-07-20", hosp("2026-05-01", "2026-05-02", "2026-06-01", "AT_HOME"))
	h.person("1948-08-20", hosp("2025-11-01", "2025-11-01", "2025-11-20", "DIED"))

	got := h.measure(h.returns, "ascof2D", "2025-04-01", "2026-03-31")
	if val(got.Numerator) != "2" || val(got.Denominator) != "4" || val(got.NotYetKnown) != "1" || got.Percent == nil || *got.Percent != 50 {
		t.Fatalf("ASCOF 2D = %s/%s (%v%%), not yet known %s; worked out by hand: 2/4 (50%%), 1 not yet known",
			val(got.Numerator), val(got.Denominator), got.Percent, val(got.NotYetKnown))
	}
}

// The demo authority's measures, printed (issue 15's "done when").
func TestAscofMeasuresOfTheDemoAuthorityArePrinted(t *testing.T) {
	s := server(t)
	token := s.Token(t, "rex.returns")
	for _, field := range []string{"ascof2A", "ascof2D"} {
		var out map[string]struct {
			Code                                string
			From, To                            string
			Numerator, Denominator, NotYetKnown *int
			Percent                             *float64
		}
		s.MustDo(t, token, fmt.Sprintf(`{ m: %s { code from to numerator denominator notYetKnown percent } }`, field), nil, &out)
		m := out["m"]
		if m.Denominator == nil || *m.Denominator == 0 || m.Percent == nil {
			t.Fatalf("%s of the demo authority has no denominator: %+v", field, m)
		}
		t.Logf("ASCOF %s, %s to %s: %d / %d = %.1f%% (not yet known: %s)", m.Code, m.From, m.To, *m.Numerator, *m.Denominator, *m.Percent, val(m.NotYetKnown))
	}
}

// The 91-day situation (issue 15): recorded only where it applies, "at
// home" only once the 91 days have passed, and until then a task on the
// due list.
func TestFollowUpAfterHospitalDischargeIsDueAndRecordedOnlyWhereItApplies(t *testing.T) {
	s := server(t)
	ctx := writer(context.Background(), s)
	token := s.Token(t, "priya.practitioner")
	sys := apitest.System(context.Background())
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(sys)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	p := s.Client.Person.Create().SetLegalName("Iris Follow").SetPreferredName("Iris").SetDateOfBirth(day("1941-03-02")).SetTeamID(team.ID).SaveX(ctx)
	pl := s.Client.Plan.Create().SetPersonID(p.ID).SetStatus(plan.StatusACTIVE).SetCommencedAt(today.AddDate(0, 0, -85)).SaveX(ctx)
	ep := s.Client.Episode.Query().Where(episode.PersonID(p.ID), episode.Episode(pl.Episode)).OnlyX(sys)
	update := func(in map[string]any) apitest.Response {
		return s.Do(t, token, `mutation($id: ID!, $in: UpdateEpisodeInput!) { updateEpisode(id: $id, input: $in) { id followUpDue followUpSituation } }`,
			map[string]any{"id": ep.ID, "in": in})
	}
	if r := update(map[string]any{"hospitalDischargeOn": today.AddDate(0, 0, -86).Format(time.DateOnly)}); len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID_INPUT" {
		t.Fatalf("a discharge day without the hospital-discharge route: %+v; want INVALID_INPUT", r.Errors)
	}
	discharge := today.AddDate(0, 0, -86)
	r := update(map[string]any{"referralRoute": "HOSPITAL_DISCHARGE", "hospitalDischargeOn": discharge.Format(time.DateOnly)})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	due := discharge.AddDate(0, 0, 91).Format(time.DateOnly)
	if !strings.Contains(string(r.Data), `"followUpDue":"`+due+`"`) {
		t.Fatalf("follow-up due: %s; want %s, 91 days after the discharge", r.Data, due)
	}
	var list struct {
		DueList struct{ FollowUpsDue []struct{ ID string } }
	}
	s.MustDo(t, token, `{ dueList(withinDays: 7) { followUpsDue { id } } }`, nil, &list)
	if !slices.ContainsFunc(list.DueList.FollowUpsDue, func(e struct{ ID string }) bool { return e.ID == string(ep.ID) }) {
		t.Fatalf("the 91-day situation due in 5 days is not on the due list: %+v", list.DueList.FollowUpsDue)
	}
	if r := update(map[string]any{"followUpSituation": "AT_HOME"}); len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID_INPUT" {
		t.Fatalf("still at home, recorded before the 91 days: %+v; want INVALID_INPUT", r.Errors)
	}
	if r := update(map[string]any{"followUpSituation": "READMITTED"}); len(r.Errors) > 0 {
		t.Fatalf("a readmission is known before the 91 days: %+v", r.Errors)
	}
	s.MustDo(t, token, `{ dueList(withinDays: 7) { followUpsDue { id } } }`, nil, &list)
	if slices.ContainsFunc(list.DueList.FollowUpsDue, func(e struct{ ID string }) bool { return e.ID == string(ep.ID) }) {
		t.Fatal("a recorded situation is still on the due list")
	}
	// A sequel waits for the end of reablement.
	if r := update(map[string]any{"sequel": "ONGOING_LOW_LEVEL"}); len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID_INPUT" {
		t.Fatalf("a sequel while reablement goes on: %+v; want INVALID_INPUT", r.Errors)
	}
	if r := update(map[string]any{"sequel": "ENDED_EARLY"}); len(r.Errors) == 0 {
		t.Fatal("ended early without a reason was accepted")
	}
}

// The CLD export of the demo authority validates against the field list
// and value sets of the specification (analysts.md: Release 1 field names
// from DHSC's data-quality procedure, and the values NHS England's and
// DHSC's published scripts use); written from the specification, not from
// the export's code.
func TestClientLevelDataExportOfTheDemoAuthorityValidatesAgainstTheSpecification(t *testing.T) {
	s := server(t)
	fields := []string{
		"LA_Code", "Reporting_Period_End_Date", "Reporting_Period_Start_Date",
		"NHS_Number", "LA_Person_Unique_Identifier", "GP_Practice_Code", "GP_Practice_Name", "Gender", "Ethnicity",
		"Date_of_Birth", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Postcode", "Accommodation_Status",
		"Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment", "Hearing_Impairment",
		"Dementia", "Client_Funding_Status",
		"Event_Type", "Event_Reference", "Event_Start_Date", "Event_End_Date", "Event_Description", "Event_Outcome",
		"Request_Route_of_Access", "Assessment_Type", "Eligible_Needs_Identified", "Method_of_Assessment",
		"Total_Hrs_Caring_per_week", "No_of_adults_being_cared_for", "Adult_1_Linked_Person_ID", "Adult_2_Linked_Person_ID", "Adult_3_Linked_Person_ID",
		"Service_Type", "Service_Component", "Delivery_Mechanism", "Provider_CQC_Location_ID", "Provider_CQC_Location_Name",
		"Review_Reason", "Review_Outcomes_Achieved", "Method_of_Review", "Unit_Cost", "Cost_Frequency_Unit_Type",
	}
	eventTypes := []string{"Request", "Assessment", "Service", "Review"}
	outcomes := []string{ // Release 1 Event_Outcome values
		"Progress to Reablement/ST-Max", "Progress to Assessment", "Admitted to hospital", "Progress to Re-assessment / Unplanned Review",
		"Progress to Support Planning / Services", "Progress to End of Life Care", "No change in package", "Service ended as planned",
		"Progress to financial assessment", "Provision of service", "NFA - Moved to another LA", "NFA - 100% NHS funded care",
		"NFA - Self-funded client (Inc. 12wk disregard)", "NFA - Support declined", "NFA - Information & Advice / Signposting only",
		"NFA - Deceased", "NFA - No services offered: Other reason", "NFA - Support ended: Other reason", "NFA- Other",
	}
	serviceTypes := []string{"Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level", "Short Term Support: Other Short Term",
		"Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison"}
	routes := []string{"Discharge from Hospital", "Diversion from Hospital Services", "Community/Other route", "Planned Entry (Transition)",
		"Self-funder with depleted funds", "Prison"}
	yesNo := []string{"Yes", "No", "Unknown"}

	from, to := time.Now().UTC().AddDate(0, -3, 0).Format(time.DateOnly), time.Now().UTC().Format(time.DateOnly)
	export := func(token string) (out struct {
		ClientLevelData struct {
			CSV            string
			Events, People int
			Pseudonymised  bool
			Incomplete     []string
		}
	}) {
		s.MustDo(t, token, `query($from: Date!, $to: Date!) { clientLevelData(from: $from, to: $to) { csv events people pseudonymised incomplete } }`,
			map[string]any{"from": from, "to": to}, &out)
		return out
	}
	read := func(text string) []map[string]string {
		recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(recs[0], fields) {
			t.Fatalf("header:\n%v\nwant the specification's fields:\n%v", recs[0], fields)
		}
		var rows []map[string]string
		for _, rec := range recs[1:] {
			m := map[string]string{}
			for i, f := range fields {
				m[f] = rec[i]
			}
			rows = append(rows, m)
		}
		return rows
	}
	isDate := func(s string) bool { _, err := time.Parse(time.DateOnly, s); return err == nil }
	modulus11 := func(n string) bool {
		if len(n) != 10 {
			return false
		}
		sum := 0
		for i := 0; i < 9; i++ {
			if n[i] < '0' || n[i] > '9' {
				return false
			}
			sum += int(n[i]-'0') * (10 - i)
		}
		check := 11 - sum%11
		if check == 11 {
			check = 0
		}
		return check != 10 && int(n[9]-'0') == check
	}

	official := export(s.Token(t, "rex.returns")).ClientLevelData
	rows := read(official.CSV)
	if official.Pseudonymised || len(rows) == 0 || len(rows) != official.Events {
		t.Fatalf("the return: %d events (said %d), pseudonymised %v", len(rows), official.Events, official.Pseudonymised)
	}
	// An episode whose referral route is not recorded (plans other tests
	// draft through the API) is named as incomplete, never sent with a
	// blank route the collection would reject.
	for _, ref := range official.Incomplete {
		reference, _, _ := strings.Cut(ref, ":")
		if !strings.HasPrefix(reference, "REQ-") || strings.Contains(official.CSV, ","+reference+",") {
			t.Errorf("incomplete %q: want a request reference left out of the CSV", ref)
		}
	}
	stMax, people, unknown := 0, map[string]bool{}, 0
	sys := apitest.System(context.Background())
	for i, r := range rows {
		bad := func(f string) { t.Errorf("row %d: %s = %q is not in the specification's values", i+1, f, r[f]) }
		people[r["LA_Person_Unique_Identifier"]] = true
		mandatory := []string{"LA_Code", "Reporting_Period_End_Date", "Reporting_Period_Start_Date", "LA_Person_Unique_Identifier",
			"Date_of_Birth", "Client_Type", "Has_Unpaid_Carer", "Event_Type", "Event_Start_Date"}
		// The NHS number and postcode are blank only where the record has
		// none (people added by other tests): the DQ counts such a blank,
		// it is not a malformed file.
		p := s.Client.Person.GetX(sys, toID(r["LA_Person_Unique_Identifier"]))
		if p.NhsNumber != "" || r["NHS_Number"] != "" {
			mandatory = append(mandatory, "NHS_Number")
			if !modulus11(r["NHS_Number"]) || r["NHS_Number"] != p.NhsNumber {
				bad("NHS_Number")
			}
		} else {
			unknown++
		}
		if p.Postcode != "" {
			mandatory = append(mandatory, "Postcode")
		}
		for _, f := range mandatory {
			if r[f] == "" {
				t.Errorf("row %d: mandatory %s is blank", i+1, f)
			}
		}
		for _, f := range []string{"Reporting_Period_End_Date", "Reporting_Period_Start_Date", "Date_of_Birth", "Event_Start_Date"} {
			if !isDate(r[f]) {
				bad(f)
			}
		}
		if r["Event_End_Date"] != "" && (!isDate(r["Event_End_Date"]) || r["Event_End_Date"] < r["Event_Start_Date"]) {
			bad("Event_End_Date")
		}
		if r["Client_Type"] != "Service User" {
			bad("Client_Type")
		}
		if !slices.Contains(eventTypes, r["Event_Type"]) {
			bad("Event_Type")
		}
		if r["Event_Outcome"] != "" && !slices.Contains(outcomes, r["Event_Outcome"]) {
			bad("Event_Outcome")
		}
		for _, f := range []string{"Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment", "Hearing_Impairment"} {
			if !slices.Contains(yesNo, r[f]) {
				bad(f)
			}
		}
		switch r["Event_Type"] {
		case "Request":
			if !slices.Contains(routes, r["Request_Route_of_Access"]) {
				bad("Request_Route_of_Access")
			}
			if r["Service_Type"] != "" {
				bad("Service_Type")
			}
		case "Service":
			if !slices.Contains(serviceTypes, r["Service_Type"]) {
				bad("Service_Type")
			}
			if r["Event_Outcome"] == "" {
				t.Errorf("row %d: a service without its outcome", i+1)
			}
			if r["Service_Type"] == "Short Term Support: ST-Max" {
				stMax++
				if r["Service_Component"] != "Reablement" {
					bad("Service_Component")
				}
			}
		}
	}
	if stMax == 0 || len(people) != official.People {
		t.Fatalf("%d ST-Max services, %d people (said %d)", stMax, len(people), official.People)
	}

	// The analyst's copy: the same rows, pseudonymised.
	copyOf := export(s.Token(t, "ana.analyst")).ClientLevelData
	pseudo := read(copyOf.CSV)
	if !copyOf.Pseudonymised || len(pseudo) != len(rows) {
		t.Fatalf("analyst's copy: %d rows (the return has %d), pseudonymised %v", len(pseudo), len(rows), copyOf.Pseudonymised)
	}
	for i, r := range pseudo {
		if r["NHS_Number"] == rows[i]["NHS_Number"] || modulus11(r["NHS_Number"]) || r["Date_of_Birth"] != "" || r["Postcode"] != "" ||
			r["LA_Person_Unique_Identifier"] == rows[i]["LA_Person_Unique_Identifier"] || r["Event_Outcome"] != rows[i]["Event_Outcome"] {
			t.Fatalf("analyst's row %d is not the return's row pseudonymised:\n%v\n%v", i+1, r, rows[i])
		}
	}
	// Nobody else gets it.
	if r := s.Do(t, s.Token(t, "priya.practitioner"), `query($from: Date!, $to: Date!) { clientLevelData(from: $from, to: $to) { events } }`,
		map[string]any{"from": from, "to": to}); len(r.Errors) == 0 || r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("a practitioner asked for the return: %+v", r.Errors)
	}
	// Every person in it is audited on the statutory-return basis.
	rex := s.Account(t, "rex.returns")
	events := s.Client.AuditEvent.Query().AllX(sys)
	audited := map[string]bool{}
	for _, e := range events {
		if e.ViewerID == rex.ID && slices.Contains(e.Bases, policy.StatutoryReturn) && slices.Contains(e.Sections, policy.Identity) {
			audited[string(e.PersonID)] = true
		}
	}
	for p := range people {
		if !audited[p] {
			t.Fatalf("person %s is in the return but not audited on STATUTORY_RETURN", p)
		}
	}
	t.Logf("CLD return %s to %s: %d events for %d people (%d rows without an NHS number on record), %d ST-Max services", from, to, len(rows), len(people), unknown, stMax)
}
