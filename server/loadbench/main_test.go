package main

import (
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 200; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 100 * time.Millisecond}, {99, 198 * time.Millisecond}, {100, 200 * time.Millisecond}, {0.1, time.Millisecond}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("p%v of 1..200 ms = %v, want %v", c.p, got, c.want)
		}
	}
	if got := percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("p99 of one value = %v", got)
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("p50 of none = %v", got)
	}
}

func TestRenderWritesLiteralsAndFreshInsertIDs(t *testing.T) {
	type id string
	got, err := render(`SELECT 1 FROM "t" WHERE "a" = $1 AND "b" IN ($2, $10) AND "c" = $3`,
		[]any{id("AC01"), 2, false, 4, 5, 6, 7, 8, 9, "o'k"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `SELECT 1 FROM "t" WHERE "a" = 'AC01' AND "b" IN (2, 'o''k') AND "c" = false`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got, err = render(`INSERT INTO "e" ("kind", "id") VALUES ($1, $2), ($3, $4)`, []any{"A", id("AE0123"), "B", id("AE0456")})
	if err != nil {
		t.Fatal(err)
	}
	if want := `INSERT INTO "e" ("kind", "id") VALUES ('A', ('AE' || upper(substr(md5(random()::text), 1, 4)))), ('B', ('AE' || upper(substr(md5(random()::text), 1, 4))))`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestParsePgbench(t *testing.T) {
	c, err := parsePgbench("number of failed transactions: 0 (0.000%)\nlatency average = 22.371 ms\ninitial connection time = 12.3 ms\ntps = 715.234 (without initial connection time)\n")
	if err != nil || c.TPS != 715.234 || c.LatencyMS != 22.371 || c.Failed != "0" {
		t.Errorf("got %+v, %v", c, err)
	}
}

func TestMedianOfRounds(t *testing.T) {
	if got := median([]float64{0.9, 0.2, 0.5}); got != 0.5 {
		t.Errorf("median of 3 = %v", got)
	}
	if got := median([]float64{0.4, 0.2}); got != 0.30000000000000004 && got != 0.3 {
		t.Errorf("median of 2 = %v", got)
	}
}

// The audit write takes its rows as arrays (issue 14): the replayed script
// must insert fresh ids on every execution, as many as the request wrote.
func TestRenderMakesFreshIDsForAnInsertFromArrays(t *testing.T) {
	got, err := render(`INSERT INTO "audit_events" ("id", "x") SELECT u.id, $2 FROM unnest($1::text[], $3::text[]) AS u(id, y)`,
		[]any{pq.StringArray{"AE0123", "AE0456"}, "v", pq.StringArray{"a", "b"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `INSERT INTO "audit_events" ("id", "x") SELECT u.id, 'v' FROM unnest(ARRAY(SELECT 'AE' || upper(substr(md5(random()::text), 1, 4)) FROM generate_series(1, 2))::text[], '{"a","b"}'::text[]) AS u(id, y)`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCanonicalComparesDataNotEncoding(t *testing.T) {
	a, _ := decode([]byte(`{"at": "2026-11-30T09:00:00Z", "n": 3, "s": "", "l": [{"id": "b"}, {"id": "a", "x": "2026-11-30 09:00:00+00"}]}`))
	b, _ := decode([]byte(`{"at": "2026-11-30T09:00:00+00:00", "n": "3", "s": null, "l": [{"id": "a", "x": "2026-11-30T09:00:00.000+00:00"}, {"id": "b"}]}`))
	bo := b.(obj)
	bo["n"] = num(bo["n"])
	if err := sameAnswer(a, b); err != nil {
		t.Error(err)
	}
	c, _ := decode([]byte(`{"at": "2026-11-30T09:00:01Z", "n": 3, "s": "", "l": [{"id": "a", "x": "2026-11-30 09:00:00+00"}, {"id": "b"}]}`))
	if err := sameAnswer(a, c); err == nil {
		t.Error("a second's difference went unnoticed")
	}
}

// Each rate aim is printed as the machine's CPU a request may take, from
// the same run's figures (this session's first quiet run of make load).
func TestBudgetIsTheCoresOverTheAimedRate(t *testing.T) {
	rows := []measured{
		{target: "project", workload: "today", rps: 312, busy: 0.96, dbCPU: 2.9},
		{target: "postgraphile5", workload: "today", rps: 272, busy: 0.72},
		{target: "sql-one", workload: "today", rps: 1092, busy: 1},
		{target: "project", workload: "analyst", rps: 134, busy: 0.97},
		{target: "postgraphile5", workload: "analyst", failed: "did not start"},
	}
	var b strings.Builder
	printBudget(&b, rows, 2)
	got := b.String()
	// 2 cores × 1000 ms ÷ (2 × 272 req/s) = 3.68 ms; 0.96 × 2000 ÷ 312 = 6.15 ms.
	for _, want := range []string{
		"today: 2× PostGraphile 5 is 544 req/s, 3.68 ms of the machine's CPU a request on 2 cores; the project spends 6.15 (67% over), of which PostgreSQL 2.90, leaving 0.78 for the rest, the one-statement limit 1.83",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "analyst:") {
		t.Errorf("the analyst has no peer figure here, so no budget:\n%s", got)
	}
}

// The alternating rounds' ratio is the median of the rounds' ratios, with
// their range; a round PostGraphile did not answer counts for nothing
// (issue 14: the aims are judged by it when the rounds ran).
func TestTheAlternatingRatioIsTheMedianOfTheRounds(t *testing.T) {
	r := func(project, peer float64) round {
		return round{project: map[string]float64{"today": project}, peer: map[string]float64{"today": peer}}
	}
	med, lo, hi := medianRatio([]round{r(300, 250), r(450, 300), r(280, 200)}, "today")
	if med != 1.4 || lo != 1.2 || hi != 1.5 {
		t.Errorf("three rounds at 1.2, 1.5 and 1.4: median %.2f from %.2f to %.2f, want 1.40 from 1.20 to 1.50", med, lo, hi)
	}
	if med, _, _ := medianRatio([]round{r(300, 250), r(450, 300)}, "today"); med != 1.35 {
		t.Errorf("two rounds at 1.2 and 1.5: median %.3f, want their mean 1.35", med)
	}
	if med, _, _ := medianRatio([]round{r(300, 0)}, "today"); med != 0 {
		t.Errorf("a round without the peer's rate: median %.2f, want 0 (none)", med)
	}
	var b strings.Builder
	rows := []measured{{target: "project", workload: "today", rps: 300, p99: 50, peakMiB: 90}, {target: "postgraphile5", workload: "today", rps: 100}}
	printComparison(&b, comparison{o: options{clients: 16}}, rows, []round{r(300, 200), r(300, 100), r(300, 150)})
	if !strings.Contains(b.String(), "today: at least 2× PostGraphile 5's rate  2.00× (median of the alternating rounds)  met") {
		t.Errorf("the aim is not judged by the rounds' median:\n%s", b.String())
	}
}
