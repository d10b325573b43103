package demo_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/demo"
	"reablement/ent/migrations"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/risk"
	_ "reablement/ent/runtime" // the schema's hooks and policies
	"reablement/ent/share"
	"reablement/ent/viewer"
	"reablement/ent/visit"
	"reablement/server/pgcluster/pgtest"
)

func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
}

// now is 07:55 in Kentmere on the day the clocks go forward, the seed's
// hardest "today" (domain.md §6).
var now = time.Date(2026, 3, 29, 6, 55, 0, 0, time.UTC)

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

func open(t *testing.T) (*ent.Client, *sql.DB) {
	t.Helper()
	db, err := sql.Open("postgres", pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, db)))
	t.Cleanup(func() { client.Close() })
	return client, db
}

// system returns a context that reads the loaded authority without a
// viewer's limits: these tests check the data, not the row filters.
func system(t *testing.T, client *ent.Client) context.Context {
	t.Helper()
	ctx := context.Background()
	a, err := client.Authority.Query().Only(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		t.Fatal(err)
	}
	return privacy.DecisionContext(viewer.System(ctx, a.ID), privacy.Allow)
}

var tables = []string{
	"authorities", "teams", "team_members", "accounts", "persons", "carers", "contacts", "needs",
	"capacity_assessments", "consents", "advices", "plans", "plan_needs", "involvements", "outcomes",
	"outcome_steps", "risks", "contingencies", "reviews", "amendments", "shares", "visits", "progresses",
}

func counts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range tables {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

func TestLoad(t *testing.T) {
	client, db := open(t)
	opts := demo.Options{People: 300, Seed: 3, Now: now}
	start := time.Now()
	loaded, err := demo.Load(context.Background(), client, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		t.Fatal("Load into an empty database returned false")
	}
	t.Logf("loaded 300 people in %v", time.Since(start).Round(time.Millisecond))
	ctx := system(t, client)
	before := counts(t, db)
	t.Logf("rows: %v", before)
	if before["persons"] != 300 {
		t.Errorf("people: got %d, want 300", before["persons"])
	}

	t.Run("every plan status", func(t *testing.T) {
		var rows []struct {
			Status plan.Status `json:"status"`
			Count  int         `json:"count"`
		}
		if err := client.Plan.Query().GroupBy(plan.FieldStatus).Aggregate(ent.Count()).Scan(ctx, &rows); err != nil {
			t.Fatal(err)
		}
		got := map[plan.Status]int{}
		total := 0
		for _, r := range rows {
			got[r.Status] = r.Count
			total += r.Count
		}
		t.Logf("plans by status: %v", got)
		for _, s := range []plan.Status{plan.StatusDRAFT, plan.StatusAGREED, plan.StatusACTIVE, plan.StatusUNDER_REVIEW,
			plan.StatusENDED, plan.StatusREFUSED, plan.StatusWITHDRAWN, plan.StatusSUPERSEDED} {
			if got[s] == 0 {
				t.Errorf("no %s plan", s)
			}
		}
		if avg := float64(total) / 300; avg < 1.3 || avg > 1.8 {
			t.Errorf("%.2f plans a person, want about 1.5", avg)
		}
	})

	t.Run("version chains", func(t *testing.T) {
		plans, err := client.Plan.Query().Order(ent.Asc(plan.FieldPersonID), ent.Asc(plan.FieldVersion)).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byPerson := map[string][]*ent.Plan{}
		for _, p := range plans {
			byPerson[string(p.PersonID)] = append(byPerson[string(p.PersonID)], p)
		}
		for pid, vs := range byPerson {
			for i, v := range vs {
				if v.Version != i+1 {
					t.Fatalf("person %s: versions %d at %d", pid, v.Version, i)
				}
				newest := i == len(vs)-1
				if newest == (v.Status == plan.StatusSUPERSEDED) {
					t.Errorf("person %s version %d of %d is %s", pid, v.Version, len(vs), v.Status)
				}
				if i > 0 && (v.SupersedesID == nil || *v.SupersedesID != vs[i-1].ID) {
					t.Errorf("person %s version %d does not supersede version %d", pid, v.Version, i)
				}
				switch v.Status {
				case plan.StatusACTIVE, plan.StatusUNDER_REVIEW:
					if v.AgreedAt == nil || v.CommencedAt == nil || v.EndedAt != nil {
						t.Errorf("%s plan %s: agreed %v commenced %v ended %v", v.Status, v.ID, v.AgreedAt, v.CommencedAt, v.EndedAt)
					}
				case plan.StatusENDED, plan.StatusWITHDRAWN:
					if v.EndedAt == nil || v.EndReason == nil || v.CommencedAt == nil {
						t.Errorf("%s plan %s without end or commencement", v.Status, v.ID)
					}
				case plan.StatusDRAFT:
					if v.AgreedAt != nil {
						t.Errorf("draft %s was agreed", v.ID)
					}
				}
			}
		}
	})

	t.Run("contingency for every risk to the plan", func(t *testing.T) {
		n, err := client.Risk.Query().Where(risk.KindEQ(risk.KindTO_PLAN), risk.Not(risk.HasContingencies())).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			t.Errorf("%d risks to the plan without a contingency (R7)", n)
		}
		for _, k := range []risk.Kind{risk.KindTO_PERSON_FROM_NEEDS, risk.KindTO_PERSON_FROM_OUTCOME, risk.KindTO_PLAN, risk.KindTO_WORKER} {
			if n, _ := client.Risk.Query().Where(risk.KindEQ(k)).Count(ctx); n == 0 {
				t.Errorf("no %s risk", k)
			}
		}
	})

	t.Run("risks to workers confirmed before reablement", func(t *testing.T) {
		rs, err := client.Risk.Query().Where(risk.KindEQ(risk.KindTO_WORKER), risk.HasPlanWith(plan.StatusEQ(plan.StatusACTIVE))).
			WithMitigationConfirmedBy().All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			t.Fatal("no risks to workers on active plans")
		}
		for _, r := range rs {
			by := r.Edges.MitigationConfirmedBy
			if r.MitigationConfirmedAt == nil || by == nil || !slices.Contains(by.Roles, policy.RegisteredManager) {
				t.Errorf("risk %s: mitigation not confirmed by a registered manager (R31)", r.ID)
			}
		}
	})

	t.Run("demo accounts", func(t *testing.T) {
		for _, want := range demo.DemoAccounts {
			a, err := client.Account.Query().Where(account.Username(want.Username)).WithTeams().Only(ctx)
			if err != nil {
				t.Errorf("%s: %v", want.Username, err)
				continue
			}
			if a.Subject != demo.SubjectPrefix+want.Username || !slices.Equal(a.Roles, want.Roles) {
				t.Errorf("%s: subject %q roles %v", want.Username, a.Subject, a.Roles)
			}
			var teams []string
			for _, tm := range a.Edges.Teams {
				teams = append(teams, tm.Name)
			}
			if (want.Team == "") != (len(teams) == 0) || (want.Team != "" && !slices.Contains(teams, want.Team)) {
				t.Errorf("%s: teams %v, want %q", want.Username, teams, want.Team)
			}
			if want.Description == "" {
				t.Errorf("%s has no description", want.Username)
			}
		}
		pat, err := client.Account.Query().Where(account.Username("pat.person")).Only(ctx)
		if err != nil || pat.PersonID == nil {
			t.Fatalf("pat.person: %v, %v", pat, err)
		}
		if n, _ := client.Share.Query().Where(share.RecipientAccountID(pat.ID), share.BasisEQ(policy.OwnRecord), share.RecipientKindEQ(share.RecipientKindPERSON), share.PersonID(*pat.PersonID)).Count(ctx); n == 0 {
			t.Error("pat.person has no OWN_RECORD share of her own plan")
		}
		carol, _ := client.Account.Query().Where(account.Username("carol.carer")).Only(ctx)
		sh, err := client.Share.Query().Where(share.RecipientAccountID(carol.ID)).All(ctx)
		if err != nil || len(sh) == 0 {
			t.Fatalf("carol.carer's shares: %v %v", sh, err)
		}
		for _, s := range sh {
			if !slices.Equal(s.Sections, []policy.Section{policy.Outcomes, policy.Visits}) || s.Basis != policy.CarerShare {
				t.Errorf("carol.carer's share: %v %v", s.Basis, s.Sections)
			}
		}
		for _, u := range []string{"dan.daughter", "adam.advocate"} {
			a, _ := client.Account.Query().Where(account.Username(u)).Only(ctx)
			sh, _ := client.Share.Query().Where(share.RecipientAccountID(a.ID)).All(ctx)
			if len(sh) == 0 || len(sh[0].Sections) != 0 {
				t.Errorf("%s: want a full share, got %v", u, sh)
			}
		}
	})

	t.Run("workers' days", func(t *testing.T) {
		workers, err := client.Account.Query().Where(account.Active(true)).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		trained := map[string][]string{}
		for _, a := range workers {
			if slices.Contains(a.Roles, policy.Worker) {
				trained[string(a.ID)] = a.Trainings
			}
		}
		vs, err := client.Visit.Query().Where(visit.StartsAtGTE(now.Add(-24 * time.Hour))).WithPlan(func(q *ent.PlanQuery) { q.WithPerson() }).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		today := now.In(london).Format(time.DateOnly)
		perDay := map[string]map[string]int{} // worker → local date → visits
		for _, v := range vs {
			local := v.StartsAt.In(london)
			day := local.Format(time.DateOnly)
			if day < today {
				continue
			}
			if perDay[string(v.WorkerID)] == nil {
				perDay[string(v.WorkerID)] = map[string]int{}
			}
			perDay[string(v.WorkerID)][day]++
			if mins := local.Hour()*60 + local.Minute(); mins < 7*60+30 || mins+v.DurationMinutes > 21*60 {
				t.Errorf("visit %s at %s local", v.ID, local.Format("15:04"))
			}
			if v.Status != visit.StatusSCHEDULED {
				t.Errorf("visit %s today or later is %s", v.ID, v.Status)
			}
			p := v.Edges.Plan.Edges.Person
			if (p.Autism && !slices.Contains(trained[string(v.WorkerID)], "AUTISM")) ||
				(p.Deafblind && !slices.Contains(trained[string(v.WorkerID)], "DEAFBLIND")) {
				t.Errorf("visit %s: person autism=%v deafblind=%v, worker trainings %v (R32)", v.ID, p.Autism, p.Deafblind, trained[string(v.WorkerID)])
			}
			if st := v.Edges.Plan.Status; st != plan.StatusACTIVE && st != plan.StatusUNDER_REVIEW {
				t.Errorf("visit %s on a %s plan", v.ID, st)
			}
		}
		if len(perDay) != len(trained) {
			t.Errorf("%d of %d workers have visits", len(perDay), len(trained))
		}
		for w, days := range perDay {
			if len(days) != 14 {
				t.Errorf("worker %s has visits on %d days, want 14", w, len(days))
			}
			for d, n := range days {
				if n < 6 || n > 10 {
					t.Errorf("worker %s has %d visits on %s, want 6–10", w, n, d)
				}
			}
		}
		wes, err := client.Account.Query().Where(account.Username("wes.worker")).Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		y, m, d := now.In(london).Date()
		from, to := time.Date(y, m, d, 0, 0, 0, 0, london), time.Date(y, m, d+1, 0, 0, 0, 0, london)
		n, err := client.Visit.Query().Where(visit.WorkerID(wes.ID), visit.StartsAtGTE(from), visit.StartsAtLT(to)).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n < 6 || n > 10 {
			t.Errorf("wes.worker has %d visits today, want 6–10", n)
		}
	})

	t.Run("autistic people only see autism-trained workers, ever", func(t *testing.T) {
		vs, err := client.Visit.Query().Where(visit.HasPlanWith(plan.HasPersonWith(person.Autism(true)))).WithWorker().All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) == 0 {
			t.Fatal("no visits to autistic people")
		}
		for _, v := range vs {
			if !slices.Contains(v.Edges.Worker.Trainings, "AUTISM") {
				t.Errorf("visit %s to an autistic person by %s without autism training", v.ID, v.Edges.Worker.Username)
			}
		}
	})

	t.Run("identities", func(t *testing.T) {
		people, err := client.Person.Query().All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if !validNHS(p.NhsNumber) {
				t.Errorf("%s: invalid NHS number %q", p.LegalName, p.NhsNumber)
			}
			if p.Locality == "" || p.Postcode == "" {
				t.Errorf("%s: no locality or postcode", p.LegalName)
			}
		}
	})

	t.Run("second load adds nothing", func(t *testing.T) {
		loaded, err := demo.Load(context.Background(), client, opts)
		if err != nil || loaded {
			t.Fatalf("second Load: %v, %v", loaded, err)
		}
		if after := counts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("rows changed:\n%v\n%v", before, after)
		}
	})
}

// validNHS checks the Modulus 11 check digit.
func validNHS(s string) bool {
	if len(s) != 10 {
		return false
	}
	sum := 0
	for i := range 9 {
		sum += int(s[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && int(s[9]-'0') == check
}

func TestSameSeedSameData(t *testing.T) {
	opts := demo.Options{People: 120, Seed: 11, Now: now}
	var got []map[string]int
	var names [][]string
	for range 2 {
		client, db := open(t)
		if _, err := demo.Load(context.Background(), client, opts); err != nil {
			t.Fatal(err)
		}
		got = append(got, counts(t, db))
		ns, err := client.Person.Query().Order(ent.Asc(person.FieldLegalName)).Select(person.FieldLegalName).Strings(system(t, client))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, ns)
	}
	if fmt.Sprint(got[0]) != fmt.Sprint(got[1]) {
		t.Errorf("same seed, different rows:\n%v\n%v", got[0], got[1])
	}
	if !slices.Equal(names[0], names[1]) {
		t.Error("same seed, different people")
	}
}
