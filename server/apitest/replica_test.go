package apitest_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"reablement/ent/auditevent"
	"reablement/server/apitest"
	"reablement/server/pgcluster"
	"reablement/server/pgcluster/pgtest"
)

// replicaReport is extensions.replica as a client reads it.
type replicaReport struct {
	LagSeconds float64    `json:"lagSeconds"`
	ReplayedAt *time.Time `json:"replayedAt"`
	Streaming  bool       `json:"streaming"`
}

func reportOf(t *testing.T, r apitest.Response) *replicaReport {
	t.Helper()
	raw, ok := r.Extensions["replica"]
	if !ok {
		return nil
	}
	b, _ := json.Marshal(raw)
	var rep replicaReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("extensions.replica %s: %v", b, err)
	}
	return &rep
}

// Reads off the primary (issue 15 item 6): with a streaming replica
// configured, an analyst's query is answered from the replica and says how
// far behind it is; staff read the primary; the analyst's disclosures are
// recorded on the primary before the answer leaves. Shown by pausing the
// replica's replay: the analyst's answer goes stale and says so, the
// practitioner's does not, and the audit events are there on the primary.
func TestAnalystsQueriesAreServedByTheReplicaAndSayHowFarBehind(t *testing.T) {
	ctx := context.Background()
	primaryURL, replicaURL := pgtest.Replicated(t)
	s := apitest.Start(t, primaryURL, apitest.Options{People: 40, ReplicaURL: replicaURL})
	rep, err := sql.Open("postgres", replicaURL)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	var standby bool
	if err := rep.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby); err != nil || !standby {
		t.Fatalf("the replica is not a standby (%v)", err)
	}
	catchUp := func() {
		t.Helper()
		cctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := pgcluster.CatchUp(cctx, primaryURL, replicaURL); err != nil {
			t.Fatal(err)
		}
	}
	catchUp()

	ana, priya := s.Token(t, "ana.analyst"), s.Token(t, "priya.practitioner")
	people := func(token, requestID string) (int, apitest.Response) {
		t.Helper()
		r := s.DoRaw(t, map[string]string{"Authorization": "Bearer " + token, "X-Request-Id": requestID},
			`query { people(first: 5) { totalCount edges { node { id } } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("people: %+v", r.Errors)
		}
		var out struct{ People struct{ TotalCount int } }
		_ = json.Unmarshal(r.Data, &out)
		return out.People.TotalCount, r
	}

	anaBefore, r := people(ana, "replica-ana-1")
	st := reportOf(t, r)
	if st == nil {
		t.Fatal("an analyst's answer does not say it came from the replica (extensions.replica)")
	}
	if !st.Streaming || st.LagSeconds > 5 {
		t.Errorf("a caught-up, streaming replica reports %+v", *st)
	}
	if _, r := people(priya, "replica-priya-1"); reportOf(t, r) != nil {
		t.Error("a practitioner's answer says it came from the replica: staff must read the primary")
	}

	// The replica stops replaying; the practitioner adds a person.
	if _, err := rep.ExecContext(ctx, `SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	resumed := false
	defer func() {
		if !resumed {
			_, _ = rep.ExecContext(ctx, `SELECT pg_wal_replay_resume()`)
		}
	}()
	home := s.Account(t, "priya.practitioner").QueryTeams().FirstX(apitest.System(ctx))
	added := mustCreate(t, s, priya, `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"legalName": "Ottoline Replica-Test", "preferredName": "Ottoline", "dateOfBirth": "1931-07-19", "teamID": home.ID}})
	time.Sleep(1100 * time.Millisecond) // lag is measured in time: let a second pass

	var found struct{ Node *struct{ ID string } }
	s.MustDo(t, priya, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": added.ID}, &found)
	if found.Node == nil {
		t.Error("the practitioner does not find the person she has just added: her reads must be on the primary")
	}
	anaStale, r := people(ana, "replica-ana-2")
	if anaStale != anaBefore {
		t.Errorf("with the replica paused the analyst counts %d people, want the replica's %d: the analyst's reads are not on the replica", anaStale, anaBefore)
	}
	st = reportOf(t, r)
	if st == nil || st.LagSeconds < 1 || st.ReplayedAt == nil {
		t.Errorf("a replica a second behind reports %+v, want lagSeconds of at least 1 and when it last replayed", st)
	}
	// The analyst's page of plans with outcomes and risks discloses coded
	// sections: recorded on the primary before the answer came, as the
	// paused replica could neither write nor see the record.
	r = s.DoRaw(t, map[string]string{"Authorization": "Bearer " + ana, "X-Request-Id": "replica-ana-page"}, analystPage, nil)
	if len(r.Errors) > 0 || !r.HasData() || reportOf(t, r) == nil {
		t.Fatalf("the analyst's page from the replica: %+v, extensions %v", r.Errors, r.Extensions)
	}
	disclosed := s.Client.AuditEvent.Query().Where(auditevent.RequestID("replica-ana-page"), auditevent.ActionEQ(auditevent.ActionDISCLOSURE)).
		CountX(apitest.System(ctx))
	if disclosed == 0 {
		t.Error("the analyst's answer left without its disclosures recorded on the primary")
	}

	// The statistics, read in a transaction of their own, come from the
	// replica too (a standby's transactions are read-only).
	r = s.Do(t, ana, `{ statisticsCounts(subject: REFERRALS, groupBy: [STATUS]) { total { count } } ascof2A { denominator } }`, nil)
	if len(r.Errors) > 0 || !r.HasData() || reportOf(t, r) == nil {
		t.Fatalf("statistics from the replica: %+v, extensions %v", r.Errors, r.Extensions)
	}

	if _, err := rep.ExecContext(ctx, `SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	resumed = true
	catchUp()
	anaAfter, r := people(ana, "replica-ana-3")
	if anaAfter != anaBefore+1 {
		t.Errorf("once the replica caught up the analyst counts %d people, want %d", anaAfter, anaBefore+1)
	}
	if st := reportOf(t, r); st == nil || st.LagSeconds > 5 || !st.Streaming {
		t.Errorf("a replica that caught up reports %+v", st)
	}
}

// A replica that does not answer fails the analyst's query with a retryable
// error that says what to do, rather than sending the analysis to the
// primary; everyone else is served as usual (issue 15 item 6).
func TestAnAnalystIsToldWhenTheReplicaIsDown(t *testing.T) {
	server(t) // the demo authority, in the package's database
	s := apitest.Start(t, pgtest.URL(), apitest.Options{ReplicaURL: "postgres://postgres:none@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"})
	r := s.Do(t, s.Token(t, "ana.analyst"), `query { plans(first: 1) { totalCount } }`, nil)
	if got := r.Codes(); len(got) != 1 || got[0] != "CONFLICT" || r.HasData() {
		t.Fatalf("an analyst's query with the replica down answers %v (data %s), want one retryable CONFLICT and no data", got, r.Data)
	}
	if r.Errors[0].Extensions["retryable"] != true {
		t.Errorf("the error is not marked retryable: %+v", r.Errors[0])
	}
	if msg := r.Errors[0].Message; !strings.Contains(msg, "Try again") {
		t.Errorf("the message does not say what to do next: %q", msg)
	}
	w := s.Do(t, s.Token(t, "priya.practitioner"), `query { plans(first: 1) { totalCount } }`, nil)
	if len(w.Errors) > 0 {
		t.Errorf("a practitioner's query fails while the replica is down: %v", w.Codes())
	}
}
