package demo

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"reablement/ent/plan"
)

// A seeding just after midnight is as valid as one at noon: no episode's
// agreement, commencement or end falls later than now, whatever the
// draws (a withdrawn plan could end today in office hours, which the
// model refuses as in the future, and make load's 20,000 people found it
// at 00:30).
func TestAnEpisodeHappensNoLaterThanNowEvenJustAfterMidnight(t *testing.T) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, now := range []time.Time{time.Date(2026, 12, 1, 0, 30, 0, 0, loc), time.Date(2026, 7, 1, 0, 5, 0, 0, loc)} {
		g := newGenerator(context.Background(), nil, Options{Now: now}, loc)
		for _, status := range []plan.Status{plan.StatusACTIVE, plan.StatusUNDER_REVIEW, plan.StatusAGREED, plan.StatusENDED,
			plan.StatusWITHDRAWN, plan.StatusDRAFT, plan.StatusREFUSED} {
			for seed := range uint64(5000) {
				rec := &record{g: g, p: &profile{status: status, versions: 1 + int(seed%3)}, r: rand.New(rand.NewPCG(seed, 7))}
				rec.episode()
				ep := rec.ep
				happened := append([]time.Time{ep.drafted, ep.referral}, ep.agreed...)
				happened = append(happened, ep.amendAt...)
				for _, at := range []*time.Time{ep.commenced, ep.ended} {
					if at != nil {
						happened = append(happened, *at)
					}
				}
				for _, at := range happened {
					if at.After(g.now) {
						t.Fatalf("%s, draw %d, seeded at %s: a time that happened is %s, in the future", status, seed, now, at)
					}
				}
			}
		}
	}
}
