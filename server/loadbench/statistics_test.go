package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"reablement/server/apitest"
)

// statisticsQueries are the analysts' common questions (issue 15), one
// statistic each, as the README's analyst's guide asks them.
var statisticsQueries = []struct{ name, query string }{
	{"referrals by month and route", `{ statisticsCounts(subject: REFERRALS, groupBy: [REFERRAL_MONTH, REFERRAL_ROUTE]) { total { count } rows { count suppressed } } }`},
	{"plans by status and team", `{ statisticsCounts(subject: PLANS, groupBy: [STATUS, TEAM]) { total { count } rows { count suppressed } } }`},
	{"plans by age band, filtered by service", `{ statisticsCounts(subject: PLANS, groupBy: [AGE_BAND], where: [{dimension: SERVICE, value: "Reablement North"}]) { total { count } rows { count suppressed } } }`},
	{"plans by outcome achievement", `{ statisticsCounts(subject: PLANS, groupBy: [OUTCOME_ACHIEVEMENT]) { total { count } rows { count suppressed } } }`},
	{"plans by needs category", `{ statisticsCounts(subject: PLANS, groupBy: [NEEDS_CATEGORY]) { total { count } rows { count suppressed } } }`},
	{"visits by status and service", `{ statisticsCounts(subject: VISITS, groupBy: [STATUS, SERVICE]) { total { count } rows { count suppressed } } }`},
	{"ended by month and end reason, one quarter", `{ statisticsCounts(subject: PLANS, groupBy: [END_MONTH, END_REASON], period: {from: "2026-01", to: "2026-03", basis: END}) { total { count } rows { count suppressed } } }`},
	{"referral to start (median, quartiles) by team", `{ statisticsDurations(measure: REFERRAL_TO_START, groupBy: [TEAM]) { total { median } rows { median } } }`},
	{"start to end by end reason", `{ statisticsDurations(measure: START_TO_END, groupBy: [END_REASON]) { total { median } rows { median } } }`},
	{"planned versus actual end", `{ statisticsDurations(measure: PLANNED_VERSUS_ACTUAL) { total { median lowerQuartile upperQuartile } } }`},
	{"outcomes achieved by age band", `{ statisticsRates(measure: OUTCOMES_ACHIEVED, groupBy: [AGE_BAND]) { total { percent } rows { percent } } }`},
	{"ended early by route", `{ statisticsRates(measure: ENDED_EARLY, groupBy: [REFERRAL_ROUTE]) { total { percent } rows { percent } } }`},
	{"went on to long-term support by team", `{ statisticsRates(measure: LONG_TERM_SUPPORT, groupBy: [TEAM]) { total { percent } rows { percent } } }`},
	{"ASCOF 2A", `{ ascof2A { numerator denominator percent } }`},
	{"ASCOF 2D", `{ ascof2D { numerator denominator percent } }`},
}

// BenchmarkStatistics times each statistics query through the API, as the
// analyst sends it, on the load benchmark's authority (20,000 people by
// default; LOADBENCH_PEOPLE to change; seeded and kept under
// .data/loadbench as make load does). Aim: under 300 ms each.
//
//	go test -run '^$' -bench Statistics -benchtime 5x ./server/loadbench/
func BenchmarkStatistics(b *testing.B) {
	people := 20000
	if n, err := strconv.Atoi(os.Getenv("LOADBENCH_PEOPLE")); err == nil {
		people = n
	}
	_, file, _, _ := runtime.Caller(0)
	ctx := context.Background()
	admin, stop, err := adminURL(ctx, os.Getenv("DATABASE_URL"), filepath.Join(filepath.Dir(file), "..", "..", ".data", "loadbench"))
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	dbURL, _, err := prepare(ctx, admin, people, 1)
	if err != nil {
		b.Fatal(err)
	}
	s, err := apitest.New(dbURL, apitest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	token := s.Token(b, "ana.analyst")
	for _, q := range statisticsQueries {
		s.MustDo(b, token, q.query, nil, nil) // warm: plans cached, pages read
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				s.MustDo(b, token, q.query, nil, nil)
			}
		})
	}
}
