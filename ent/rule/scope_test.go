package rule_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/demo"
	"reablement/ent/migrations"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	_ "reablement/ent/runtime" // the schema's hooks and policies
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/server/pgcluster/pgtest"
)

func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
}

// query is what every generated ent query offers.
type query[T any] interface {
	IDs(context.Context) ([]pulid.ID, error)
	All(context.Context) ([]T, error)
}

// reader lists a record type's rows: their ids as a viewer's row filter
// lets them through, and every row (for the system).
type reader struct {
	ids func(context.Context) ([]pulid.ID, error)
	all func(context.Context) ([]any, error)
}

func readerOf[T any, Q query[T]](mk func() Q) reader {
	return reader{
		ids: func(ctx context.Context) ([]pulid.ID, error) { return mk().IDs(ctx) },
		all: func(ctx context.Context) ([]any, error) {
			xs, err := mk().All(ctx)
			out := make([]any, len(xs))
			for i, x := range xs {
				out[i] = x
			}
			return out, err
		},
	}
}

func readers(c *ent.Client) map[string]reader {
	return map[string]reader{
		ent.TypePerson: readerOf[*ent.Person](c.Person.Query), ent.TypePlan: readerOf[*ent.Plan](c.Plan.Query),
		ent.TypeCarer: readerOf[*ent.Carer](c.Carer.Query), ent.TypeContact: readerOf[*ent.Contact](c.Contact.Query),
		ent.TypeNeed: readerOf[*ent.Need](c.Need.Query), ent.TypeCapacityAssessment: readerOf[*ent.CapacityAssessment](c.CapacityAssessment.Query),
		ent.TypeConsent: readerOf[*ent.Consent](c.Consent.Query), ent.TypeAdvice: readerOf[*ent.Advice](c.Advice.Query),
		ent.TypeOutcome: readerOf[*ent.Outcome](c.Outcome.Query), ent.TypeOutcomeStep: readerOf[*ent.OutcomeStep](c.OutcomeStep.Query),
		ent.TypeRisk: readerOf[*ent.Risk](c.Risk.Query), ent.TypeContingency: readerOf[*ent.Contingency](c.Contingency.Query),
		ent.TypeInvolvement: readerOf[*ent.Involvement](c.Involvement.Query), ent.TypeReview: readerOf[*ent.Review](c.Review.Query),
		ent.TypeShare: readerOf[*ent.Share](c.Share.Query), ent.TypeAmendment: readerOf[*ent.Amendment](c.Amendment.Query),
		ent.TypeVisit: readerOf[*ent.Visit](c.Visit.Query), ent.TypeProgress: readerOf[*ent.Progress](c.Progress.Query),
		ent.TypeConcern: readerOf[*ent.Concern](c.Concern.Query), ent.TypeEmergencyAccess: readerOf[*ent.EmergencyAccess](c.EmergencyAccess.Query),
		ent.TypeEpisode: readerOf[*ent.Episode](c.Episode.Query),
	}
}

// row is one record row as the system sees it.
type row struct {
	id, person, plan pulid.ID
}

// facts are a person's facts as the consent directive reads them.
type facts struct {
	team, allocated string
	services        []string
	withheld        []policy.Section
}

// TestRowScopeAgreesWithDecide is the property behind consent by
// construction (issue 10): for random viewers over a generated authority,
// the SQL row filter of every record type returns a row exactly when
// policy.Decide, followed by policy.RowVisible for the type's section,
// says the viewer may see it. Lists, counts, node(id:) and eager loads all
// go through that filter, so none can disclose a row the policy would not.
func TestRowScopeAgreesWithDecide(t *testing.T) {
	db, err := sql.Open("postgres", pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, db)))
	t.Cleanup(func() { client.Close() })
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	if _, err := demo.Load(ctx, client, demo.Options{People: 40, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	allow := privacy.DecisionContext(ctx, privacy.Allow)
	auth, err := client.Authority.Query().Only(allow)
	if err != nil {
		t.Fatal(err)
	}
	sys := privacy.DecisionContext(viewer.System(ctx, auth.ID), privacy.Allow)
	london, _ := time.LoadLocation(auth.TimeZone)

	rd := readers(client)
	if len(rd) != len(ent.RecordTypes) {
		t.Fatalf("the test reads %d record types, the schema has %d: add the new type to readers", len(rd), len(ent.RecordTypes))
	}

	// Withhold random sections from some people's own view, so the person's
	// path is tested with withholding too.
	rng := rand.New(rand.NewPCG(7, 11))
	people, err := client.Person.Query().All(sys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if rng.IntN(3) == 0 {
			ss := randomSections(rng)
			if len(ss) == 0 {
				continue
			}
			if err := client.Person.UpdateOneID(p.ID).SetWithheldFromPerson(ss).SetWithholdingReason("It holds what a neighbour told us.").Exec(sys); err != nil {
				t.Fatal(err)
			}
		}
	}

	// The demo has no emergency grants or concerns of its own: add some.
	accountIDs, err := client.Account.Query().IDs(sys)
	if err != nil {
		t.Fatal(err)
	}
	visits, err := client.Visit.Query().Limit(40).All(sys)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		p := people[rng.IntN(len(people))]
		if err := client.EmergencyAccess.Create().SetPersonID(p.ID).SetAccountID(accountIDs[rng.IntN(len(accountIDs))]).
			SetReason("Out of hours: the person's daughter rang about a fall.").SetExpiresAt(now.Add(time.Hour)).Exec(sys); err != nil {
			t.Fatal(err)
		}
		vi := visits[i*len(visits)/8]
		if err := client.Concern.Create().SetVisitID(vi.ID).SetKind("HEALTH").SetDetails("Breathless on the stairs.").
			SetRaisedByID(vi.WorkerID).Exec(sys); err != nil {
			t.Fatal(err)
		}
	}

	// What the system sees: every row, and each person's facts.
	rows := map[string][]row{}
	for typ, r := range rd {
		all, err := r.all(sys)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range all {
			person, plan, ok := ent.RecordKeyOf(o)
			if !ok {
				t.Fatalf("%s is in RecordTypes but RecordKeyOf does not know it", typ)
			}
			rows[typ] = append(rows[typ], row{id: pulid.ID(reflect.ValueOf(o).Elem().FieldByName("ID").String()), person: person, plan: plan})
		}
	}
	personFacts := map[pulid.ID]*facts{}
	people, err = client.Person.Query().All(sys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		f := &facts{team: string(p.TeamID), withheld: p.WithheldFromPerson}
		if p.AllocatedPractitionerID != nil {
			f.allocated = string(*p.AllocatedPractitionerID)
		}
		personFacts[p.ID] = f
	}
	plans, err := client.Plan.Query().All(sys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		if p.ServiceTeamID != nil && !slices.Contains(personFacts[p.PersonID].services, string(*p.ServiceTeamID)) {
			personFacts[p.PersonID].services = append(personFacts[p.PersonID].services, string(*p.ServiceTeamID))
		}
	}
	teams, err := client.Team.Query().IDs(sys)
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := client.Account.Query().IDs(sys)
	if err != nil {
		t.Fatal(err)
	}

	world := world{now: now, loc: london, authority: string(auth.ID), teams: teams, accounts: accounts, people: people, plans: plans}
	const viewers = 150
	checked := map[string]int{}
	for i := range viewers {
		v := world.randomViewer(rng)
		vctx := viewer.NewContext(ctx, v)
		for typ, r := range rd {
			section := ent.RecordTypes[typ].Section
			var want []pulid.ID
			for _, x := range rows[typ] {
				f := personFacts[x.person]
				d := policy.Decide(v.Viewer, policy.Record{
					PersonID: string(x.person), PlanID: string(x.plan), AuthorityID: v.AuthorityID,
					TeamID: f.team, AllocatedPractitionerID: f.allocated, ServiceTeamIDs: f.services, WithheldFromPerson: f.withheld,
				}, now, london)
				if policy.RowVisible(d, section) {
					want = append(want, x.id)
				}
			}
			got, err := r.ids(vctx)
			if err != nil {
				t.Fatalf("viewer %d reading %s: %v", i, typ, err)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(want, got) {
				t.Fatalf("viewer %d (%s) reading %s: the row filter returned %d rows, Decide allows %d\n  only in SQL: %v\n  only in Decide: %v",
					i, describe(v), typ, len(got), len(want), minus(got, want), minus(want, got))
			}
			checked[typ] += len(want)
		}
	}
	// The property means little if no viewer ever saw a row of a type.
	for typ := range rd {
		if checked[typ] == 0 {
			t.Errorf("no random viewer could see any %s: the generator needs widening", typ)
		}
	}
}

type world struct {
	now       time.Time
	loc       *time.Location
	authority string
	teams     []pulid.ID
	accounts  []pulid.ID
	people    []*ent.Person
	plans     []*ent.Plan
}

var roles = policy.Role("").Values()

// randomViewer makes a viewer with one or two random roles and random
// grants of every kind, live and lapsed.
func (w world) randomViewer(rng *rand.Rand) *viewer.Viewer {
	v := &viewer.Viewer{Now: w.now, Location: w.loc}
	v.AuthorityID = w.authority
	v.AccountID = string(w.accounts[rng.IntN(len(w.accounts))])
	for range 1 + rng.IntN(2) {
		r := policy.Role(roles[rng.IntN(len(roles))])
		if !slices.Contains(v.Roles, r) {
			v.Roles = append(v.Roles, r)
		}
	}
	someTeams := func() []string {
		var out []string
		for _, t := range w.teams {
			if rng.IntN(4) == 0 {
				out = append(out, string(t))
			}
		}
		return out
	}
	v.TeamIDs, v.ManagedTeamIDs, v.ServiceTeamIDs = someTeams(), someTeams(), someTeams()
	v.PersonID = string(w.people[rng.IntN(len(w.people))].ID)
	for range rng.IntN(3) {
		p := w.people[rng.IntN(len(w.people))]
		v.Emergency = append(v.Emergency, policy.EmergencyGrant{PersonID: string(p.ID), Reason: "test", GrantedAt: w.now.Add(-time.Hour), ExpiresAt: w.now.Add(time.Duration(rng.IntN(5)-2) * time.Hour)})
	}
	for range rng.IntN(4) {
		p := w.plans[rng.IntN(len(w.plans))]
		first := w.now.AddDate(0, 0, rng.IntN(9)-4)
		v.Assignments = append(v.Assignments, policy.Assignment{PlanID: string(p.ID), PersonID: string(p.PersonID), FirstVisit: first, LastVisit: first.AddDate(0, 0, rng.IntN(3))})
	}
	for range rng.IntN(4) {
		p := w.plans[rng.IntN(len(w.plans))]
		g := policy.ShareGrant{ShareID: fmt.Sprint(rng.Int()), PlanID: string(p.ID), PersonID: string(p.PersonID), Basis: policy.CarerShare, Sections: randomSections(rng)}
		switch rng.IntN(6) {
		case 0:
			g.Declined = true
		case 1:
			g.ConsentWithdrawn = true
		case 2:
			past := w.now.Add(-time.Minute)
			g.RevokedAt = &past
		case 3:
			past := w.now.Add(-time.Minute)
			g.ExpiresAt = &past
		}
		v.Shares = append(v.Shares, g)
	}
	return v
}

func randomSections(rng *rand.Rand) []policy.Section {
	if rng.IntN(3) == 0 {
		return nil // the full plan
	}
	var ss []policy.Section
	for _, s := range policy.AllSections {
		if rng.IntN(3) == 0 {
			ss = append(ss, s)
		}
	}
	return ss
}

func describe(v *viewer.Viewer) string {
	return fmt.Sprintf("roles %v, %d teams, %d managed, %d services, %d emergency, %d assignments, %d shares",
		v.Roles, len(v.TeamIDs), len(v.ManagedTeamIDs), len(v.ServiceTeamIDs), len(v.Emergency), len(v.Assignments), len(v.Shares))
}

func minus(a, b []pulid.ID) []pulid.ID {
	var out []pulid.ID
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
