package apitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"

	"reablement/ent/share"
	"reablement/ent/visit"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// The server keeps each account's row and grants between requests (issue
// 14), so signing in again reads nothing: the audit write confirms the
// account is still active at the cached grants_version, or one statement
// does when nothing was disclosed. It never serves a grant the database no
// longer holds, nor records a disclosure it did not make: each change below is made
// behind the API's back, in SQL, as another server or an administrator
// would, and takes effect on the very next request (R21, R22: a revoked
// share and a withdrawn consent end access; a worker sees a plan only while
// assigned to it).
func TestTheViewerCacheNeverServesAChangedGrant(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	nodeQuery := `query($id: ID!) { node(id: $id) { id } }`
	sees := func(token, id string) bool {
		t.Helper()
		r := s.Do(t, token, nodeQuery, map[string]any{"id": id})
		if len(r.Errors) > 0 && !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
			t.Fatalf("node(%s): %v", id, r.Codes())
		}
		return len(r.Errors) == 0 && string(r.Data) != `{"node":null}`
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.DB.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	t.Run("signing in again reads nothing; an answer that discloses nothing is confirmed in one statement", func(t *testing.T) {
		for _, who := range []string{"wes.worker", "priya.practitioner", "carol.carer", "ana.analyst"} {
			token := s.Token(t, who)
			s.Do(t, token, `{ __typename }`, nil) // fills the cache
			if r := s.Do(t, token, `{ __typename }`, nil); r.Statements != 1 {
				t.Errorf("%s signed in again with %d statements, want 1 (confirming the account)", who, r.Statements)
			}
		}
	})

	t.Run("a role taken away in the database ends what it allowed on the next request, and nothing of it is recorded", func(t *testing.T) {
		wes := s.Token(t, "wes.worker")
		wesID := s.Account(t, "wes.worker").ID
		v := s.Client.Visit.Query().Where(visit.WorkerID(wesID)).FirstX(ctx)
		// What the worker does is disclosed, and so recorded, with the plan.
		tasks := func() (shown bool, recorded int) {
			t.Helper()
			r := s.Do(t, wes, `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks } } }`, map[string]any{"id": string(v.PlanID)})
			if len(r.Errors) > 0 && !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
				t.Fatalf("the plan's tasks: %v", r.Codes())
			}
			if err := s.DB.QueryRowContext(ctx, `SELECT count(*) FROM audit_events WHERE viewer_id = $1`, string(wesID)).Scan(&recorded); err != nil {
				t.Fatal(err)
			}
			return len(r.Errors) == 0 && string(r.Data) != `{"node":null}`, recorded
		}
		_, start := tasks()
		shown, before := tasks()
		if !shown || before != start+1 {
			t.Fatalf("wes sees the tasks of the plan he visits: %v, recorded %d times, want once", shown, before-start)
		}
		exec(`UPDATE accounts SET roles = '["CARER"]' WHERE id = $1`, string(wesID))
		defer exec(`UPDATE accounts SET roles = '["WORKER"]' WHERE id = $1`, string(wesID))
		shown, after := tasks()
		if shown {
			t.Error("wes still sees the plan's tasks after his worker's role was taken away")
		}
		if after != before {
			t.Errorf("%d disclosures recorded for wes once his role was gone, want none: the answer worked out from the cached role must neither leave nor be recorded", after-before)
		}
	})

	t.Run("a change to the account row itself bumps its grants_version", func(t *testing.T) {
		version := func() (n int64) {
			t.Helper()
			if err := s.DB.QueryRowContext(ctx, `SELECT grants_version FROM accounts WHERE username = 'priya.practitioner'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		v0 := version()
		exec(`UPDATE accounts SET updated_at = now() WHERE username = 'priya.practitioner'`)
		if v := version(); v != v0 {
			t.Errorf("touching updated_at alone bumped the version %d -> %d: the cache would be emptied for nothing", v0, v)
		}
		exec(`UPDATE accounts SET display_name = display_name || ' (locum)' WHERE username = 'priya.practitioner'`)
		if v := version(); v != v0+1 {
			t.Errorf("a new display name left the version at %d, want %d", v, v0+1)
		}
	})

	t.Run("a mutation by a viewer whose account changed is done once, by the account as it is now", func(t *testing.T) {
		priya := s.Token(t, "priya.practitioner")
		team := s.Account(t, "priya.practitioner").QueryTeams().FirstX(ctx)
		s.Do(t, priya, `{ __typename }`, nil) // cached
		exec(`UPDATE accounts SET job_title = 'Senior practitioner' WHERE username = 'priya.practitioner'`)
		created := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"legalName": "Ada Cachetest", "preferredName": "Ada", "dateOfBirth": "1941-02-03", "teamID": team.ID}})
		var n int
		if err := s.DB.QueryRowContext(ctx, `SELECT count(*) FROM persons WHERE legal_name = 'Ada Cachetest'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 || created.ID == "" {
			t.Errorf("the person was created %d times (id %q), want once", n, created.ID)
		}
	})

	t.Run("R21: a share revoked in the database ends access on the next request", func(t *testing.T) {
		carol := s.Token(t, "carol.carer")
		planID, _ := firstPlan(t, s, carol, "")
		if !sees(carol, planID) {
			t.Fatal("carol does not see her shared plan to begin with")
		}
		sh := s.Client.Share.Query().Where(share.RecipientAccountID(s.Account(t, "carol.carer").ID)).FirstX(ctx)
		exec(`UPDATE shares SET revoked_at = now(), revoked_reason = 'test' WHERE id = $1`, string(sh.ID))
		if sees(carol, planID) {
			t.Error("carol still sees the plan after her share was revoked")
		}
	})

	t.Run("R22: a consent withdrawn in the database ends the share on the next request", func(t *testing.T) {
		dan := s.Token(t, "dan.daughter")
		planID, _ := firstPlan(t, s, dan, "")
		if !sees(dan, planID) {
			t.Fatal("dan does not see the shared plan to begin with")
		}
		// The demo's portal shares rest on other bases: this one is made to
		// rest on a consent (itself a change to the grant), then it is withdrawn.
		sh := s.Client.Share.Query().Where(share.RecipientAccountID(s.Account(t, "dan.daughter").ID), share.PlanID(toID(planID))).OnlyX(ctx)
		exec(`INSERT INTO consents (id, authority_id, created_at, updated_at, purpose, covers, given_by, had_capacity, decided_at, person_id)
			SELECT 'COVIEWERCACHETEST', authority_id, now(), now(), 'SHARING', 'sharing the plan', 'the person', true, now(), person_id FROM shares WHERE id = $1`, string(sh.ID))
		exec(`UPDATE shares SET consent_id = 'COVIEWERCACHETEST' WHERE id = $1`, string(sh.ID))
		if !sees(dan, planID) {
			t.Fatal("dan does not see the shared plan once it rests on a consent")
		}
		exec(`UPDATE consents SET withdrawn_at = now(), withdrawn_reason = 'test' WHERE id = 'COVIEWERCACHETEST'`)
		if sees(dan, planID) {
			t.Error("dan still sees the plan after the consent under his share was withdrawn")
		}
	})

	t.Run("a worker's visits moved to someone else end the assignment on the next request", func(t *testing.T) {
		wes := s.Token(t, "wes.worker")
		wesID := s.Account(t, "wes.worker").ID
		v := s.Client.Visit.Query().Where(visit.WorkerID(wesID)).FirstX(ctx)
		if !sees(wes, string(v.PlanID)) {
			t.Fatal("wes does not see the plan he visits to begin with")
		}
		other := s.Account(t, "priya.practitioner").ID // any other account: the plan leaves wes's list
		exec(`UPDATE visits SET worker_id = $1 WHERE worker_id = $2 AND plan_id = $3`, string(other), string(wesID), string(v.PlanID))
		if sees(wes, string(v.PlanID)) {
			t.Error("wes still sees a plan none of his visits are for")
		}
		// And back: the grant returns on the next request too.
		exec(`UPDATE visits SET worker_id = $1 WHERE worker_id = $2 AND plan_id = $3`, string(wesID), string(other), string(v.PlanID))
		if !sees(wes, string(v.PlanID)) {
			t.Error("wes does not see the plan once his visit is his again")
		}
	})

	t.Run("an account made inactive cannot sign in on the next request", func(t *testing.T) {
		wes := s.Token(t, "wes.worker")
		s.Do(t, wes, `{ __typename }`, nil)
		exec(`UPDATE accounts SET active = false WHERE username = 'wes.worker'`)
		defer exec(`UPDATE accounts SET active = true WHERE username = 'wes.worker'`)
		if r := s.Do(t, wes, `{ me { account { id } } }`, nil); !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) {
			t.Errorf("an inactive account's request: %v", r.Codes())
		}
	})
}

// The server's connections send each statement in one round trip (lib/pq's
// binary_parameters, issue 14): every kind of argument the API sends must
// arrive as it did before, JSON (ent's JSON fields, as []byte), arrays,
// timestamps with their fraction and zone, booleans, numbers, text, NULL.
func TestEveryArgumentTypeRoundTripsInOneRoundTrip(t *testing.T) {
	s := server(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 29, 0, 59, 59, 123456000, time.FixedZone("BST", 3600))
	rows := &entsql.Rows{}
	err := s.Client.Driver().Query(ctx, `SELECT $1::jsonb ->> 0, ($2::text[])[2], $3::timestamptz, $4::bool, $5::bigint + 1, $6::text, $7::jsonb IS NULL, $8::jsonb ->> 'k'`,
		[]any{[]byte(`["WORKER","ANALYST"]`), pq.StringArray{"a", "b,c"}, at, true, int64(41), "it's", nil, json.RawMessage(`{"k":"v"}`)}, rows)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("no row")
	}
	var (
		role, elem, text, k string
		ts                  time.Time
		b, isNull           bool
		n                   int64
	)
	if err := rows.Scan(&role, &elem, &ts, &b, &n, &text, &isNull, &k); err != nil {
		t.Fatal(err)
	}
	if role != "WORKER" || elem != "b,c" || !ts.Equal(at) || !b || n != 42 || text != "it's" || !isNull || k != "v" {
		t.Errorf("got %q %q %v %v %d %q %v %q", role, elem, ts, b, n, text, isNull, k)
	}
}
