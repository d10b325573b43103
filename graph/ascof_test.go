package graph

import (
	"testing"
	"time"

	"reablement/ent/policy"
	"reablement/ent/viewer"
)

// An analyst who asks for an ASCOF measure without a period gets the
// financial year to the end of the last whole month, whatever the day: the
// default used to end today, which only a month's last day let them ask
// for, so the same query failed on every other day. The statutory-returns
// role's default still runs to today.
func TestTheDefaultASCOFPeriodIsWholeMonthsForAnalysts(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		role             policy.Role
		now              string // in London
		wantFrom, wantTo string
	}{
		{policy.Analyst, "2026-12-01T00:30:00Z", "2026-04-01", "2026-11-30"},
		{policy.Analyst, "2026-11-30T23:30:00Z", "2026-04-01", "2026-10-31"},
		{policy.Analyst, "2026-05-01T09:00:00+01:00", "2026-04-01", "2026-04-30"},
		{policy.Analyst, "2026-04-15T09:00:00+01:00", "2025-04-01", "2026-03-31"},
		{policy.Analyst, "2027-01-01T00:00:00Z", "2026-04-01", "2026-12-31"},
		{policy.Analyst, "2027-03-31T12:00:00+01:00", "2026-04-01", "2027-02-28"},
		{policy.ReturnsOfficer, "2026-12-01T00:30:00Z", "2026-04-01", "2026-12-01"},
		{policy.ReturnsOfficer, "2026-03-31T12:00:00+01:00", "2025-04-01", "2026-03-31"},
	} {
		now, err := time.Parse(time.RFC3339, c.now)
		if err != nil {
			t.Fatal(err)
		}
		v := &viewer.Viewer{Viewer: policy.Viewer{Roles: []policy.Role{c.role}}, Location: london, Now: now}
		from, to, err := ascofPeriod(v, nil, nil)
		if err != nil {
			t.Errorf("%s on %s: the default period is refused: %v", c.role, c.now, err)
			continue
		}
		if !from.Equal(day(c.wantFrom)) || !to.Equal(day(c.wantTo)) {
			t.Errorf("%s on %s: default period %s to %s, want %s to %s", c.role, c.now,
				from.Format(time.DateOnly), to.Format(time.DateOnly), c.wantFrom, c.wantTo)
		}
	}
	// A period given is checked as before: part of a month is refused.
	v := &viewer.Viewer{Viewer: policy.Viewer{Roles: []policy.Role{policy.Analyst}}, Location: london, Now: time.Now()}
	from, to := day("2026-04-01"), day("2026-11-29")
	if _, _, err := ascofPeriod(v, &from, &to); err == nil {
		t.Error("an analyst's period ending mid-month is accepted")
	}
}
