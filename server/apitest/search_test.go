package apitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/person"
	"reablement/ent/policy"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// match is one findPeople result as a client reads it.
type match struct {
	PersonID                  string
	Person                    *struct{ ID string }
	Name                      string
	DateOfBirth               string
	PostcodeDistrict          *string
	HasBasis                  bool
	Basis                     string
	TeamName                  *string
	CanRequestEmergencyAccess bool
}

const findPeople = `query($text: String!, $dob: Date, $first: Int) {
  findPeople(text: $text, dateOfBirth: $dob, first: $first) {
    personID person { id } name dateOfBirth postcodeDistrict hasBasis basis teamName canRequestEmergencyAccess
  }
}`

func find(t *testing.T, s *apitest.Server, token, text string, vars map[string]any) []match {
	t.Helper()
	if vars == nil {
		vars = map[string]any{}
	}
	vars["text"] = text
	var out struct{ FindPeople []match }
	s.MustDo(t, token, findPeople, vars, &out)
	return out.FindPeople
}

func matchFor(ms []match, id string) *match {
	for i := range ms {
		if ms[i].PersonID == id {
			return &ms[i]
		}
	}
	return nil
}

// misspell changes one letter of a surname, as a hurried practitioner
// would: the last but one, so the start and the end still match.
func misspell(surname string) string {
	r := []rune(surname)
	i := len(r) - 2
	if r[i] == 'e' {
		r[i] = 'a'
	} else {
		r[i] = 'e'
	}
	return string(r)
}

// outsiderOf is someone in the authority not on the account's caseload, with
// a surname long enough for one wrong letter to leave it recognisable.
func outsiderOf(t *testing.T, s *apitest.Server, username string) *ent.Person {
	t.Helper()
	ctx := apitest.System(context.Background())
	teams := s.Account(t, username).QueryTeams().IDsX(ctx)
	for _, p := range s.Client.Person.Query().Where(person.TeamIDNotIn(teams...), person.NhsNumberNotNil(), person.PostcodeNotNil()).Order(ent.Asc(person.FieldID)).AllX(ctx) {
		if parts := strings.Fields(p.LegalName); len([]rune(parts[len(parts)-1])) >= 6 {
			return p
		}
	}
	t.Fatal("no one outside the caseload with a long surname")
	return nil
}

// Finding anyone (issue 12): a practitioner finds someone outside their
// caseload by a misspelt surname, by their NHS number however it is spaced,
// and by their postcode, and sees only what identifies them and the ways to
// a basis; every such search is on the audit log.
func TestFindAnyoneOutsideTheCaseloadShowsOnlyWhoTheyAre(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 80})
	ctx := apitest.System(context.Background())
	sam := s.Account(t, "sam.practitioner")
	token := s.Token(t, "sam.practitioner")
	other := outsiderOf(t, s, "sam.practitioner")
	team := s.Client.Team.GetX(ctx, other.TeamID)
	parts := strings.Fields(other.LegalName)
	first, surname := parts[0], parts[len(parts)-1]
	dob := other.DateOfBirth.Format("2006-01-02")

	check := func(how string, ms []match) {
		t.Helper()
		m := matchFor(ms, string(other.ID))
		if m == nil {
			t.Fatalf("%s: %s not found among %d matches", how, other.LegalName, len(ms))
		}
		district := strings.Fields(other.Postcode)[0]
		if m.Name != other.LegalName || m.DateOfBirth != dob || m.PostcodeDistrict == nil || *m.PostcodeDistrict != district {
			t.Errorf("%s: identity %+v", how, m)
		}
		if m.HasBasis || m.Person != nil || m.Basis != string(policy.Search) || !m.CanRequestEmergencyAccess || m.TeamName == nil || *m.TeamName != team.Name {
			t.Errorf("%s: an outsider's match must carry no record, basis SEARCH, their team and emergency access: %+v", how, m)
		}
	}
	check("misspelt surname", find(t, s, token, first+" "+misspell(surname), nil))
	check("misspelt surname alone", find(t, s, token, misspell(surname), nil))
	nhs := other.NhsNumber
	check("NHS number with spaces", find(t, s, token, nhs[:3]+" "+nhs[3:6]+" "+nhs[6:], nil))
	check("postcode in lower case without its space", find(t, s, token, strings.ToLower(strings.ReplaceAll(other.Postcode, " ", "")), map[string]any{"first": 25}))
	check("name and date of birth", find(t, s, token, surname, map[string]any{"dob": dob}))
	if ms := find(t, s, token, surname, map[string]any{"dob": "1900-01-01"}); matchFor(ms, string(other.ID)) != nil {
		t.Error("a different date of birth still found them")
	}

	// Only identifying fields exist on a match; asking for more of the
	// record through it answers nothing.
	r := s.Do(t, token, `query($t: String!) { findPeople(text: $t) { person { nhsNumber address } } }`, map[string]any{"t": nhs})
	if len(r.Errors) > 0 || strings.Contains(string(r.Data), other.Address) || strings.Contains(string(r.Data), nhs) {
		t.Errorf("an outsider's record through a match: %s %+v", r.Data, r.Errors)
	}

	// No disclosure without its record: IDENTITY on SEARCH, by this query.
	events := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(sam.ID), auditevent.PersonID(other.ID), auditevent.ActionEQ(auditevent.ActionDISCLOSURE)).AllX(ctx)
	if len(events) == 0 {
		t.Fatal("the search was not audited")
	}
	for _, e := range events {
		if !slices.Equal(e.Sections, []policy.Section{policy.Identity}) || !slices.Equal(e.Bases, []policy.Basis{policy.Search}) {
			t.Errorf("audit event: sections %v bases %v", e.Sections, e.Bases)
		}
	}

	// The record stays closed until a basis is asked for; then the match
	// says so and carries it.
	read := `query($id: ID!) { node(id: $id) { ... on Person { legalName } } }`
	if r := s.Do(t, token, read, map[string]any{"id": other.ID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Fatalf("the outsider's record before emergency access: %v", r.Codes())
	}
	s.MustDo(t, token, `mutation($p: ID!) { requestEmergencyAccess(personID: $p, reason: "Hospital ward asking about discharge tonight", hours: 2) { id } }`, map[string]any{"p": other.ID}, nil)
	m := matchFor(find(t, s, token, nhs, nil), string(other.ID))
	if m == nil || !m.HasBasis || m.Person == nil || m.Basis != string(policy.EmergencyAccess) || m.TeamName != nil || m.CanRequestEmergencyAccess {
		t.Errorf("after emergency access: %+v", m)
	}
}

// A practitioner's own people are found with their record and basis.
func TestFindAnyoneInTheCaseloadLinksToTheRecord(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	teams := s.Account(t, "priya.practitioner").QueryTeams().IDsX(ctx)
	own := s.Client.Person.Query().Where(person.TeamIDIn(teams...), person.NhsNumberNotNil()).FirstX(ctx)
	m := matchFor(find(t, s, s.Token(t, "priya.practitioner"), own.NhsNumber, nil), string(own.ID))
	if m == nil || !m.HasBasis || m.Person == nil || m.Person.ID != string(own.ID) || m.TeamName != nil || m.CanRequestEmergencyAccess {
		t.Fatalf("own person: %+v", m)
	}
	if m.Basis != string(policy.TeamMember) && m.Basis != string(policy.Allocated) {
		t.Errorf("basis %s", m.Basis)
	}
}

// A previous surname finds the person too (she married, or went back to
// her own name).
func TestFindAnyoneByPreviousSurname(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	p, err := s.Client.Person.Query().Where(person.PreviousSurnameNotNil(), person.PreviousSurnameNEQ("")).First(ctx)
	if err != nil {
		t.Fatalf("the demo authority should have someone with a previous surname: %v", err)
	}
	if m := matchFor(find(t, s, s.Token(t, "morgan.manager"), p.PreviousSurname, map[string]any{"first": 25}), string(p.ID)); m == nil {
		t.Errorf("%s (previously %s) not found by the previous surname", p.LegalName, p.PreviousSurname)
	}
}

// Only practitioners and managers search the authority; everyone else is
// refused, and the bounds hold.
func TestFindAnyoneIsForPractitionersAndManagersAndBounded(t *testing.T) {
	s := server(t)
	for _, who := range []string{"wes.worker", "carol.carer", "ana.analyst", "ian.auditor", "rita.registered", "pat.person"} {
		r := s.Do(t, s.Token(t, who), findPeople, map[string]any{"text": "Smith"})
		if !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) || strings.Contains(string(r.Data), "Smith") {
			t.Errorf("%s: codes %v data %s", who, r.Codes(), r.Data)
		}
	}
	token := s.Token(t, "morgan.manager")
	for _, c := range []struct {
		name  string
		vars  map[string]any
		field string
	}{
		{"too short", map[string]any{"text": "a"}, "text"},
		{"too long", map[string]any{"text": strings.Repeat("a", 101)}, "text"},
		{"too many", map[string]any{"text": "Smith", "first": 26}, "first"},
		{"none", map[string]any{"text": "Smith", "first": 0}, "first"},
	} {
		r := s.Do(t, token, findPeople, c.vars)
		if !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) || r.Errors[0].Extensions["field"] != c.field {
			t.Errorf("%s: %+v", c.name, r.Errors)
		}
	}
	var out struct{ FindPeople []match }
	s.MustDo(t, token, findPeople, map[string]any{"text": "KM", "first": 25}, &out)
	s.MustDo(t, token, findPeople, map[string]any{"text": "an", "first": 25}, &out)
	if len(out.FindPeople) > 25 {
		t.Errorf("%d matches, more than 25", len(out.FindPeople))
	}
}

// Adding a person checks the NHS number's check digit and the postcode, and
// refuses an NHS number someone in the authority already has, outside the
// caseload too (issue 12).
func TestAddingAPersonChecksNHSNumberPostcodeAndDuplicates(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	token := s.Token(t, "priya.practitioner")
	team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
	create := `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id nhsNumber postcode } }`
	in := func(extra map[string]any) map[string]any {
		m := map[string]any{"legalName": "Ada Testperson", "preferredName": "Ada", "dateOfBirth": "1941-02-03", "teamID": team.ID}
		for k, v := range extra {
			m[k] = v
		}
		return map[string]any{"in": m}
	}
	refused := func(name string, r apitest.Response, code, field string) {
		t.Helper()
		if !slices.Equal(r.Codes(), []string{code}) || r.Errors[0].Extensions["field"] != field || r.HasData() && !strings.Contains(string(r.Data), "null") {
			t.Errorf("%s: want %s on %s, got %+v", name, code, field, r.Errors)
		}
		if len(r.Errors) > 0 && (strings.Contains(r.Errors[0].Message, "R") && strings.Contains(r.Errors[0].Message, "rule")) {
			t.Errorf("%s: message names a rule: %s", name, r.Errors[0].Message)
		}
	}
	refused("a failed check digit", s.Do(t, token, create, in(map[string]any{"nhsNumber": "4010232138"})), "INVALID_INPUT", "input.nhsNumber")
	refused("nine digits", s.Do(t, token, create, in(map[string]any{"nhsNumber": "943476591"})), "INVALID_INPUT", "input.nhsNumber")
	refused("not a postcode", s.Do(t, token, create, in(map[string]any{"postcode": "not a postcode"})), "INVALID_INPUT", "input.postcode")

	var out struct {
		CreatePerson struct{ ID, NhsNumber, Postcode string }
	}
	r := s.Do(t, token, create, in(map[string]any{"nhsNumber": "943 476 5919", "postcode": "la94qt"}))
	if len(r.Errors) > 0 {
		t.Fatalf("a valid NHS number and postcode: %+v", r.Errors)
	}
	_ = json.Unmarshal(r.Data, &out)
	if out.CreatePerson.NhsNumber != "9434765919" || out.CreatePerson.Postcode != "LA9 4QT" {
		t.Errorf("stored as %q, %q; want them normalised", out.CreatePerson.NhsNumber, out.CreatePerson.Postcode)
	}
	refused("the same NHS number again", s.Do(t, token, create, in(map[string]any{"nhsNumber": "9434765919"})), "CONFLICT", "input.nhsNumber")

	// Someone outside the caseload holds it: still refused, and nothing
	// about them is said.
	other := outsiderOf(t, s, "priya.practitioner")
	r = s.Do(t, token, create, in(map[string]any{"nhsNumber": other.NhsNumber}))
	refused("an outsider's NHS number", r, "CONFLICT", "input.nhsNumber")
	if strings.Contains(r.Errors[0].Message, other.LegalName) {
		t.Errorf("the refusal names the other person: %s", r.Errors[0].Message)
	}
	// Updating to someone else's number is refused; keeping one's own is not.
	upd := `mutation($id: ID!, $in: UpdatePersonInput!) { updatePerson(id: $id, input: $in) { id } }`
	refused("an update to a taken number", s.Do(t, token, upd, map[string]any{"id": out.CreatePerson.ID, "in": map[string]any{"nhsNumber": other.NhsNumber}}), "CONFLICT", "input.nhsNumber")
	if r := s.Do(t, token, upd, map[string]any{"id": out.CreatePerson.ID, "in": map[string]any{"nhsNumber": "9434765919", "postcode": "LA9 4QT"}}); len(r.Errors) > 0 {
		t.Errorf("keeping one's own number: %+v", r.Errors)
	}
	// The database refuses a duplicate too, whatever writes it.
	_, err := s.Client.Person.Create().SetAuthorityID(other.AuthorityID).SetLegalName("Bulk Load").SetPreferredName("B").
		SetDateOfBirth(other.DateOfBirth).SetTeamID(team.ID).SetNhsNumber(other.NhsNumber).Save(ctx)
	if err == nil {
		t.Error("the database took a duplicate NHS number")
	}
}
