package apitest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"reablement/ent/person"
	"reablement/ent/schema/pulid"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// shared is one server over demo data for the tests that only read, or
// write rows of their own; it lives as long as the test binary.
var shared struct {
	once sync.Once
	s    *apitest.Server
	err  error
}

func server(t *testing.T) *apitest.Server {
	t.Helper()
	shared.once.Do(func() { shared.s, shared.err = apitest.New(pgtest.URL(), apitest.Options{People: 300}) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.s
}

type page struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage bool    `json:"hasNextPage"`
		EndCursor   *string `json:"endCursor"`
	} `json:"pageInfo"`
	Edges []struct {
		Node map[string]any `json:"node"`
	} `json:"edges"`
}

func TestPractitionerSignsInAndPagesTheirTeamsPeopleAndPlans(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	var me struct {
		Me struct {
			Account struct{ Username string }
			Roles   []string
			Today   string
		}
	}
	s.MustDo(t, token, `{ me { account { username } roles today } }`, nil, &me)
	if me.Me.Account.Username != "priya.practitioner" || !slices.Contains(me.Me.Roles, "PRACTITIONER") || len(me.Me.Today) != 10 {
		t.Fatalf("me = %+v", me.Me)
	}

	priya := s.Account(t, "priya.practitioner")
	teams, err := priya.QueryTeams().IDs(apitest.System(context.Background()))
	if err != nil || len(teams) == 0 {
		t.Fatalf("priya's teams: %v %v", teams, err)
	}
	var seen []string
	var after *string
	for i := 0; ; i++ {
		var out struct{ People page }
		s.MustDo(t, token, `query($after: Cursor) { people(first: 7, after: $after, orderBy: {field: CREATED_AT}) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { id preferredName } } } }`, map[string]any{"after": after}, &out)
		for _, e := range out.People.Edges {
			seen = append(seen, e.Node["id"].(string))
		}
		if !out.People.PageInfo.HasNextPage {
			if len(seen) != out.People.TotalCount {
				t.Fatalf("paged through %d people but totalCount says %d", len(seen), out.People.TotalCount)
			}
			break
		}
		after = out.People.PageInfo.EndCursor
		if i > 200 {
			t.Fatal("paging never ended")
		}
	}
	if len(seen) == 0 {
		t.Fatal("priya sees nobody")
	}
	ctx := apitest.System(context.Background())
	want, _ := s.Client.Person.Query().Where(person.Or(person.TeamIDIn(teams...), person.AllocatedPractitionerID(priya.ID))).Count(ctx)
	if len(seen) != want {
		t.Errorf("priya paged %d people; her team and allocations hold %d", len(seen), want)
	}

	var plans struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 100) { totalCount edges { node { id status version } } } }`, nil, &plans)
	for _, e := range plans.Plans.Edges {
		p := s.Client.Plan.GetX(ctx, pulid.ID(e.Node["id"].(string)))
		owner := s.Client.Person.GetX(ctx, p.PersonID)
		if !slices.Contains(teams, owner.TeamID) && (owner.AllocatedPractitionerID == nil || *owner.AllocatedPractitionerID != priya.ID) {
			t.Errorf("plan %s belongs to a person outside priya's team", p.ID)
		}
	}
}

func TestAConnectionWithoutFirstIsBounded(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst") // analysts see the whole authority: plenty of rows
	var out struct{ People page }
	s.MustDo(t, token, `{ people { totalCount pageInfo { hasNextPage } edges { node { id } } } }`, nil, &out)
	if out.People.TotalCount <= 20 {
		t.Fatalf("need more than a page of people to test this; got %d", out.People.TotalCount)
	}
	if len(out.People.Edges) != 20 || !out.People.PageInfo.HasNextPage {
		t.Errorf("got %d edges (hasNextPage %v); want the default page of 20", len(out.People.Edges), out.People.PageInfo.HasNextPage)
	}
}

func TestPractitionerOfAnotherTeamGetsNotFound(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	sam := s.Account(t, "sam.practitioner")
	samTeams, _ := sam.QueryTeams().IDs(ctx)
	other, err := s.Client.Person.Query().Where(person.TeamIDIn(samTeams...)).First(ctx)
	if err != nil {
		t.Fatal(err)
	}
	token := s.Token(t, "priya.practitioner")
	r := s.Do(t, token, `query($id: ID!) { node(id: $id) { id ... on Person { legalName } } }`, map[string]any{"id": other.ID})
	if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) || strings.Contains(string(r.Data), other.LegalName) {
		t.Fatalf("fetching a team B person: codes %v data %s", r.Codes(), r.Data)
	}
	var out struct{ People page }
	s.MustDo(t, token, `{ people(first: 100, where: {hasPlans: true}) { edges { node { id } } } }`, nil, &out)
	for _, e := range out.People.Edges {
		if e.Node["id"] == string(other.ID) {
			t.Fatal("a team B person appears in priya's list")
		}
	}
}

func TestNothingCrossesAuthorities(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	home := s.Client.Authority.Query().OnlyX(ctx)
	// A second council with one person, written directly.
	other := s.Client.Authority.Create().SetName("Elsewhere Borough").SetCode("ELSEWHERE").SaveX(ctx)
	sys := systemFor(ctx, other.ID)
	team := s.Client.Team.Create().SetName("Elsewhere Reablement").SetKind("REABLEMENT").SetAuthorityID(other.ID).SaveX(sys)
	stranger := s.Client.Person.Create().SetLegalName("Stranger Elsewhere").SetPreferredName("Stranger").
		SetDateOfBirth(mustDate("1940-01-01")).SetTeamID(team.ID).SaveX(sys)
	t.Cleanup(func() {
		s.Client.Person.DeleteOneID(stranger.ID).ExecX(sys)
		s.Client.Team.DeleteOneID(team.ID).ExecX(sys)
		s.Client.Authority.DeleteOneID(other.ID).ExecX(ctx)
	})
	for _, who := range []string{"priya.practitioner", "morgan.manager", "ana.analyst", "ian.auditor", "wes.worker", "carol.carer"} {
		token := s.Token(t, who)
		r := s.Do(t, token, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": stranger.ID})
		if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
			t.Errorf("%s fetching another authority's person: %v", who, r.Codes())
		}
		var out struct{ People page }
		s.MustDo(t, token, `{ people(first: 100, where: {createdAtGTE: "2000-01-01T00:00:00Z"}) { totalCount } }`, nil, &out)
		total, _ := s.Client.Person.Query().Where(person.AuthorityID(home.ID)).Count(ctx)
		if out.People.TotalCount > total {
			t.Errorf("%s counts %d people; the home authority has %d", who, out.People.TotalCount, total)
		}
		var auth struct {
			Me struct{ Authority struct{ Name string } }
		}
		s.MustDo(t, token, `{ me { authority { name } } }`, nil, &auth)
		if auth.Me.Authority.Name != home.Name {
			t.Errorf("%s's authority is %q", who, auth.Me.Authority.Name)
		}
	}
}

func TestWorkerSeesOnlyPlansTheyVisit(t *testing.T) {
	s := server(t)
	ctx := apitest.System(context.Background())
	wes := s.Account(t, "wes.worker")
	token := s.Token(t, "wes.worker")
	var out struct{ Plans page }
	s.MustDo(t, token, `{ plans(first: 100) { totalCount edges { node { id } } } }`, nil, &out)
	if len(out.Plans.Edges) == 0 {
		t.Fatal("wes sees no plans")
	}
	for _, e := range out.Plans.Edges {
		n, _ := s.Client.Visit.Query().Where(visit.PlanID(pulid.ID(e.Node["id"].(string))), visit.WorkerID(wes.ID)).Count(ctx)
		if n == 0 {
			t.Errorf("wes sees plan %s without any visit on it", e.Node["id"])
		}
	}
	all, _ := s.Client.Plan.Query().Count(ctx)
	if out.Plans.TotalCount >= all {
		t.Errorf("wes sees %d of %d plans", out.Plans.TotalCount, all)
	}
}

// N+1 queries are bugs: a nested query's statements grow with its depth, not
// with the number of plans (issue 2).
func TestNestedQueryStatementsDoNotGrowWithPlans(t *testing.T) {
	s := server(t)
	token := s.Token(t, "morgan.manager")
	q := `query($n: Int!) { plans(first: $n) { edges { node { id status
		outcomes(first: 10) { edges { node { statement steps { description status } } } }
		risks { kind description contingencies { measures } } } } } }`
	count := func(n int) (int64, int) {
		r := s.Do(t, token, q, map[string]any{"n": n})
		for _, e := range r.Errors {
			if e.Code() != "SECTION_WITHHELD" {
				t.Fatalf("errors: %+v", r.Errors)
			}
		}
		var out struct{ Plans page }
		_ = json.Unmarshal(r.Data, &out)
		return r.Statements, len(out.Plans.Edges)
	}
	count(1) // the first request of a run reads settings later ones find cached
	few, nFew := count(5)
	many, nMany := count(50)
	if nMany <= nFew {
		t.Fatalf("morgan needs more than 5 plans for this test; has %d", nMany)
	}
	t.Logf("%d plans: %d statements; %d plans: %d statements", nFew, few, nMany, many)
	if many != few {
		t.Errorf("statements grew with the number of plans: %d for %d plans, %d for %d", few, nFew, many, nMany)
	}
}

func TestOverCostAndOverDeepQueriesAreRefusedBeforeTheDatabase(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")
	baseline := s.Do(t, token, `{ __typename }`, nil).Statements // signing in reads the account
	cases := map[string]string{
		"over cost":      `{ people(first: 100) { edges { node { plans(first: 100) { edges { node { outcomes(first: 100) { edges { node { steps { id } } } } } } } } } } }`,
		"over deep":      `{ people(first: 1) { edges { node { plans(first: 1) { edges { node { outcomes(first: 1) { edges { node { plan { person { plans(first: 1) { edges { node { outcomes(first: 1) { edges { node { id } } } } } } } } } } } } } } } } } }`,
		"page too large": `{ people(first: 5000) { edges { node { id } } } }`,
	}
	for name, q := range cases {
		t.Run(name, func(t *testing.T) {
			r := s.Do(t, token, q, nil)
			if !slices.Equal(r.Codes(), []string{"QUERY_TOO_COMPLEX"}) || r.HasData() {
				t.Fatalf("codes %v, data %.200s", r.Codes(), r.Data)
			}
			if r.Statements != baseline {
				t.Errorf("the refused query sent %d statements; signing in alone sends %d", r.Statements, baseline)
			}
		})
	}
}

func TestNoTokenGivesNoData(t *testing.T) {
	s := server(t)
	r := s.Do(t, "", `{ people(first: 5) { edges { node { id } } } }`, nil)
	if !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) || r.HasData() {
		t.Fatalf("codes %v data %s", r.Codes(), r.Data)
	}
	// Introspection and demo sign-in need no token.
	var out struct{ DemoAccounts []struct{ Username string } }
	s.MustDo(t, "", `{ demoAccounts { username } }`, nil, &out)
	if len(out.DemoAccounts) < 8 {
		t.Errorf("demo accounts: %v", out.DemoAccounts)
	}
}

func mustDate(s string) (t timeT) {
	t, err := parseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAliasTokenAndBodyLimits(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")
	var aliases, tokens strings.Builder
	aliases.WriteString("{")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&aliases, " a%d: me { roles }", i)
	}
	aliases.WriteString(" }")
	r := s.Do(t, token, aliases.String(), nil)
	if !slices.Equal(r.Codes(), []string{"QUERY_TOO_COMPLEX"}) || !strings.Contains(r.Errors[0].Message, "aliases") {
		t.Errorf("40 aliases: %+v", r.Errors)
	}
	tokens.WriteString("{ me { ")
	for i := 0; i < 20000; i++ {
		tokens.WriteString("roles ")
	}
	tokens.WriteString("} }")
	if r := s.Do(t, token, tokens.String(), nil); len(r.Errors) == 0 || r.HasData() {
		t.Errorf("a document of 20,000 tokens was not refused")
	}
	huge := `{ me { roles } } # ` + strings.Repeat("x", 2<<20)
	r = s.Do(t, token, huge, nil)
	if r.Status != 413 || !slices.Equal(r.Codes(), []string{"QUERY_TOO_COMPLEX"}) {
		t.Errorf("a 2 MiB body: status %d codes %v", r.Status, r.Codes())
	}
}
