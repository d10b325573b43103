package apitest_test

import (
	"context"
	"fmt"
	"testing"

	"reablement/server/apitest"
)

// Statistics for analysts (issue 15 items 1 and 2): typed aggregates of
// coded fields, with NHS England's disclosure control, and no answer or
// pair of answers that recovers a small group.

type statCell struct {
	Group      []struct{ Dimension, Value string }
	Count      *int
	Display    string
	Suppressed *string
}

type statCounts struct {
	Rows              []statCell
	Total             statCell
	Notes             []string
	DisclosureControl struct{ Threshold, RoundTo int }
}

const countsQuery = `query($s: StatisticsSubject!, $g: [StatisticsDimension!]!, $w: [StatisticsFilter!]!, $p: StatisticsPeriod) {
	statisticsCounts(subject: $s, groupBy: $g, where: $w, period: $p) {
		rows { group { dimension value } count display suppressed }
		total { count display suppressed }
		notes disclosureControl { threshold roundTo } } }`

func counts(t *testing.T, s *apitest.Server, token, subject string, groupBy []string, where map[string]string) statCounts {
	t.Helper()
	w := []map[string]string{}
	for d, v := range where {
		w = append(w, map[string]string{"dimension": d, "value": v})
	}
	var out struct{ StatisticsCounts statCounts }
	s.MustDo(t, token, countsQuery, map[string]any{"s": subject, "g": groupBy, "w": w}, &out)
	return out.StatisticsCounts
}

func key(c statCell) string {
	k := ""
	for _, g := range c.Group {
		k += g.Dimension + "=" + g.Value + ";"
	}
	return k
}

// truth counts the people behind each referral-month cell of the
// hospital team's referrals, with and without the route filter, straight
// from the database: what an attacker would like to learn.
func truth(t *testing.T, s *apitest.Server, route string) map[string][2]int {
	t.Helper()
	rows, err := s.DB.QueryContext(context.Background(), `
		SELECT to_char(e.referral_received_on AT TIME ZONE 'UTC', 'YYYY-MM'),
			count(DISTINCT e.person_id), count(DISTINCT e.person_id) FILTER (WHERE e.referral_route = $1)
		FROM episodes e JOIN persons p ON p.id = e.person_id JOIN teams tm ON tm.id = p.team_id
		WHERE tm.name = 'Hospital Discharge Team' GROUP BY 1`, route)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]int{}
	for rows.Next() {
		var m string
		var all, with int
		if err := rows.Scan(&m, &all, &with); err != nil {
			t.Fatal(err)
		}
		out[m] = [2]int{all, with}
	}
	return out
}

// Counts are suppressed (1–7 people) or rounded to 5, totals from unrounded
// values, and the answer says what was suppressed and why.
func TestStatisticsCountsAreRoundedAndSmallCountsSuppressedWithReasons(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")
	got := counts(t, s, token, "REFERRALS", []string{"TEAM", "AGE_BAND"}, nil)
	if got.DisclosureControl.Threshold != 7 || got.DisclosureControl.RoundTo != 5 {
		t.Fatalf("disclosure control %+v; want NHS England's default (7, 5)", got.DisclosureControl)
	}
	hidden := 0
	for _, r := range append(got.Rows, got.Total) {
		switch {
		case r.Suppressed != nil:
			hidden++
			if r.Count != nil || r.Display != "*" {
				t.Errorf("%s: suppressed (%s) but shows %v %q", key(r), *r.Suppressed, r.Count, r.Display)
			}
		case r.Count == nil || *r.Count%5 != 0 || r.Display != fmt.Sprint(*r.Count):
			t.Errorf("%s: %v (%q) is not rounded to 5", key(r), r.Count, r.Display)
		}
	}
	if hidden == 0 || len(got.Notes) < 2 {
		t.Fatalf("300 people by team and age band: nothing suppressed? notes %v", got.Notes)
	}
	t.Logf("referrals by team and age band: %d cells, %d suppressed; notes: %v", len(got.Rows), hidden, got.Notes)
	// Workers and practitioners have no statistics.
	if r := s.Do(t, s.Token(t, "wes.worker"), countsQuery, map[string]any{"s": "PLANS", "g": []string{}, "w": []any{}}); len(r.Errors) == 0 || r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("a worker asked for statistics: %+v", r.Errors)
	}
	// Free text is no dimension.
	if r := s.Do(t, token, countsQuery, map[string]any{"s": "PLANS", "g": []string{"LEGAL_NAME"}, "w": []any{}}); len(r.Errors) == 0 {
		t.Fatal("grouping by a name was accepted")
	}
}

// Differencing attacks recover nothing (issue 15 item 2):
//   - a total minus its visible parts: in every line of the table the
//     hidden cells are none, or two or more with at least 8 people between
//     them, so the difference is a group of 8 or more, never one cell;
//   - the same group with one more filter: wherever the two answers differ
//     by 1 to 7 people (the truth, read from the database), one of the two
//     is suppressed.
func TestStatisticsDifferencingAttacksRecoverNothing(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")

	// A total minus its visible parts, along both dimensions.
	table := counts(t, s, token, "REFERRALS", []string{"REFERRAL_ROUTE", "AGE_BAND"}, nil)
	lines := map[string][]statCell{}
	for _, r := range table.Rows {
		lines["route "+r.Group[0].Value] = append(lines["route "+r.Group[0].Value], r)
		lines["age "+r.Group[1].Value] = append(lines["age "+r.Group[1].Value], r)
		lines["all"] = append(lines["all"], r)
	}
	people := map[string]int{} // the truth per cell
	rows, err := s.DB.QueryContext(context.Background(), `SELECT e.referral_route, CASE WHEN a < 18 THEN 'under 18' WHEN a < 65 THEN '18-64' WHEN a < 75 THEN '65-74' WHEN a < 85 THEN '75-84' ELSE '85+' END, count(DISTINCT e.person_id)
		FROM episodes e JOIN persons p ON p.id = e.person_id
		CROSS JOIN LATERAL (SELECT date_part('year', age(COALESCE(e.referral_received_on, now()), p.date_of_birth))::int AS a) x
		JOIN authorities au ON au.id = e.authority_id WHERE au.name = 'Kentmere County Council' GROUP BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var route *string
		var band string
		var n int
		if err := rows.Scan(&route, &band, &n); err != nil {
			t.Fatal(err)
		}
		r := "NOT_RECORDED"
		if route != nil {
			r = *route
		}
		people[r+"/"+band] = n
	}
	rows.Close()
	attacked := 0
	for name, line := range lines {
		n, sum, visible := 0, 0, 0
		for _, c := range line {
			if c.Suppressed != nil {
				n++
				sum += people[c.Group[0].Value+"/"+c.Group[1].Value]
			} else if *c.Count > 0 {
				visible++
			}
		}
		if n > 0 {
			attacked++
		}
		// Where every cell of a line is hidden, the line's total is those
		// few people, and is itself suppressed wherever it is asked for.
		if visible > 0 && (n == 1 || n > 0 && sum <= 7) {
			t.Errorf("%s: %d hidden cells with %d people between them: its total minus the cells shown recovers them", name, n, sum)
		}
	}
	if attacked == 0 {
		t.Fatal("no line had anything hidden: the attack was not tried")
	}

	// The same group with one more filter: the hospital team's referrals
	// by month, and the same from a hospital discharge only.
	wider := counts(t, s, token, "REFERRALS", []string{"REFERRAL_MONTH"}, map[string]string{"TEAM": "Hospital Discharge Team"})
	narrower := counts(t, s, token, "REFERRALS", []string{"REFERRAL_MONTH"}, map[string]string{"TEAM": "Hospital Discharge Team", "REFERRAL_ROUTE": "HOSPITAL_DISCHARGE"})
	shown := func(c statCounts) map[string]statCell {
		m := map[string]statCell{}
		for _, r := range c.Rows {
			m[r.Group[0].Value] = r
		}
		return m
	}
	w, n := shown(wider), shown(narrower)
	small := 0
	for month, tr := range truth(t, s, "HOSPITAL_DISCHARGE") {
		diff := tr[0] - tr[1]
		if diff < 1 || diff > 7 || tr[1] == 0 {
			continue
		}
		small++
		if w[month].Suppressed == nil && n[month].Suppressed == nil {
			t.Errorf("%s: %d and %d shown (%s, %s): their difference isolates %d people", month, tr[0], tr[1], w[month].Display, n[month].Display, diff)
		}
		if n[month].Suppressed != nil && *n[month].Suppressed == "FILTER_DIFFERENCE" {
			attacked++
		}
	}
	if small == 0 {
		t.Fatal("no month differed by 1 to 7 people: the attack was not tried")
	}
	// And the total minus one more filter, over the whole period.
	all := counts(t, s, token, "REFERRALS", []string{}, map[string]string{"TEAM": "Hospital Discharge Team"})
	one := counts(t, s, token, "REFERRALS", []string{}, map[string]string{"TEAM": "Hospital Discharge Team", "AGE_BAND": "18-64"})
	t.Logf("the hospital team: %s referrals; aged 18-64: %s (%v)", all.Total.Display, one.Total.Display, one.Total.Suppressed)
	t.Logf("%d lines and months attacked; %d months differed by 1 to 7 people with one more filter, each hidden", attacked, small)
}

// Durations and rates are computed in the database, with the same control.
func TestStatisticsDurationsAndRates(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")
	var d struct {
		StatisticsDurations struct {
			Total struct {
				Count                                *int
				Median, LowerQuartile, UpperQuartile *float64
			}
			Rows []struct {
				Median     *float64
				Suppressed *string
			}
		}
	}
	s.MustDo(t, token, `{ statisticsDurations(measure: START_TO_END, groupBy: [END_REASON]) { total { count median lowerQuartile upperQuartile } rows { median suppressed } } }`, nil, &d)
	tot := d.StatisticsDurations.Total
	if tot.Median == nil || *tot.LowerQuartile > *tot.Median || *tot.Median > *tot.UpperQuartile || *tot.Median < 1 || *tot.Median > 60 {
		t.Fatalf("start to end: %+v", tot)
	}
	for _, r := range d.StatisticsDurations.Rows {
		if (r.Suppressed == nil) != (r.Median != nil) {
			t.Errorf("a duration row shows a median over a suppressed cell, or hides one for no reason: %+v", r)
		}
	}
	var rt struct {
		StatisticsRates struct {
			Total struct {
				Numerator, Denominator *int
				Percent                *float64
			}
		}
	}
	s.MustDo(t, token, `{ statisticsRates(measure: LONG_TERM_SUPPORT) { total { numerator denominator percent } } }`, nil, &rt)
	var oa struct {
		StatisticsRates struct {
			Total struct{ Denominator *int }
		}
	}
	s.MustDo(t, token, `{ statisticsRates(measure: OUTCOMES_ACHIEVED, groupBy: [AGE_BAND]) { total { denominator } } }`, nil, &oa)
	if oa.StatisticsRates.Total.Denominator == nil || *oa.StatisticsRates.Total.Denominator == 0 {
		t.Fatalf("outcomes achieved: no ended episodes with outcomes: %+v", oa)
	}
	r := rt.StatisticsRates.Total
	if r.Denominator == nil || r.Numerator == nil || r.Percent == nil || *r.Numerator > *r.Denominator {
		t.Fatalf("went on to long-term support: %+v", r)
	}
	t.Logf("start to end: median %.0f days (quartiles %.0f–%.0f) over %d episodes; long-term support %d of %d (%.1f%%)",
		*tot.Median, *tot.LowerQuartile, *tot.UpperQuartile, *tot.Count, *r.Numerator, *r.Denominator, *r.Percent)
}

// Every coded dimension groups every subject, alone and with a period: the
// statement joins only what a question reads (issue 15's speed), so each
// dimension is asked for here, and a grouping never changes who is counted
// in the total (people, counted once each).
func TestStatisticsEveryDimensionGroupsEverySubject(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ana.analyst")
	var dims []string
	var schema struct {
		Type struct{ EnumValues []struct{ Name string } } `json:"__type"`
	}
	s.MustDo(t, token, `{ __type(name: "StatisticsDimension") { enumValues { name } } }`, nil, &schema)
	for _, v := range schema.Type.EnumValues {
		dims = append(dims, v.Name)
	}
	if len(dims) < 10 {
		t.Fatalf("dimensions: %v", dims)
	}
	for _, subject := range []string{"REFERRALS", "PLANS", "VISITS"} {
		for _, period := range []map[string]string{nil, {"from": "2020-01", "to": "2030-12"}} {
			var all struct{ StatisticsCounts statCounts }
			s.MustDo(t, token, countsQuery, map[string]any{"s": subject, "g": []string{}, "w": []any{}, "p": period}, &all)
			want := all.StatisticsCounts.Total
			for _, d := range dims {
				var got struct{ StatisticsCounts statCounts }
				s.MustDo(t, token, countsQuery, map[string]any{"s": subject, "g": []string{d}, "w": []any{}, "p": period}, &got)
				if len(got.StatisticsCounts.Rows) == 0 {
					t.Errorf("%s by %s (period %v): no rows", subject, d, period)
				}
				if g := got.StatisticsCounts.Total; g.Display != want.Display {
					t.Errorf("%s by %s (period %v): total %q, ungrouped %q", subject, d, period, g.Display, want.Display)
				}
			}
		}
	}
}
