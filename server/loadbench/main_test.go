package main

import (
	"testing"
	"time"
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
