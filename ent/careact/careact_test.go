package careact_test

import (
	"testing"
	"time"

	"reablement/ent/careact"
	"reablement/ent/fault"
)

// R2: DRAFT → AGREED → ACTIVE ⇄ UNDER_REVIEW → ENDED, plus REFUSED and
// WITHDRAWN; anything else is refused naming R2.
func TestTransitions(t *testing.T) {
	allowed := [][2]careact.Status{
		{careact.Draft, careact.Agreed}, {careact.Draft, careact.Refused}, {careact.Agreed, careact.Active},
		{careact.Active, careact.UnderReview}, {careact.UnderReview, careact.Active}, {careact.Active, careact.Ended},
		{careact.UnderReview, careact.Ended}, {careact.Active, careact.Withdrawn},
	}
	refused := [][2]careact.Status{
		{careact.Draft, careact.Active}, {careact.Ended, careact.Active}, {careact.Agreed, careact.Agreed},
		{careact.Refused, careact.Agreed}, {careact.Active, careact.Superseded}, {careact.Superseded, careact.Active},
	}
	for _, c := range allowed {
		if err := careact.Transition(c[0], c[1]); err != nil {
			t.Errorf("%s → %s refused: %v", c[0], c[1], err)
		}
	}
	for _, c := range refused {
		f, ok := fault.As(careact.Transition(c[0], c[1]))
		if !ok || f.Rule != "R2" {
			t.Errorf("%s → %s allowed or not naming R2", c[0], c[1])
		}
	}
}

// R9 and R11 dates from the authority's settings.
func TestDates(t *testing.T) {
	s := careact.Settings{MaxWeeks: 6, FirstReviewDays: 21, NonChargeableWeeks: 6}
	start := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	if got := careact.FirstReviewDue(s, start); !got.Equal(time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first review due %v", got)
	}
	if got := careact.MaxEnd(s, start); !got.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("maximum end %v", got)
	}
	end := time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC)
	f, ok := fault.As(careact.CanCommence(careact.Plan{PlannedEnd: &end}, s, start))
	if !ok || f.Rule != "R9" {
		t.Errorf("a planned end one day beyond 6 weeks: %v", f)
	}
}

// R1 reports every missing item at once; "no other support" is an answer.
func TestCanAgreeReportsEveryMissingItem(t *testing.T) {
	f, _ := fault.As(careact.CanAgree(careact.Plan{}))
	if f == nil || f.Rule != "R1" || len(f.Problems) != 9 { // the eight R1 items and R3's involvement
		t.Fatalf("an empty plan: %+v", f)
	}
	full := careact.Plan{Needs: 1, Outcomes: 1, VisitFrequency: "Daily", VisitDurationMinutes: 30, WorkerTasks: "Prompt",
		NoOtherSupport: true, ReviewFrequency: "3 weeks", ReviewResponsible: true, Involvements: 1}
	if err := careact.CanAgree(full); err != nil {
		t.Errorf("a complete plan with an explicit 'no other support': %v", err)
	}
}

// R2: a plan is in progress until it has ended, been refused or withdrawn,
// or been superseded by a newer version.
func TestInProgress(t *testing.T) {
	for s, want := range map[careact.Status]bool{
		careact.Draft: true, careact.Agreed: true, careact.Active: true, careact.UnderReview: true,
		careact.Ended: false, careact.Refused: false, careact.Withdrawn: false, careact.Superseded: false,
	} {
		if got := careact.InProgress(s); got != want {
			t.Errorf("InProgress(%s) = %v; want %v", s, got, want)
		}
	}
}

// R10: the agreed frequency as practitioners write it.
func TestParseFrequency(t *testing.T) {
	week := func(ds ...time.Weekday) []time.Weekday { return ds }
	all := week(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday)
	for text, want := range map[string]careact.Frequency{
		"Twice daily, reducing to daily": {PerDay: 2, Days: all},
		"Daily":                          {PerDay: 1, Days: all},
		"Three times a day":              {PerDay: 3, Days: all},
		"4 visits per day":               {PerDay: 4, Days: all},
		"3 times a week":                 {PerDay: 1, Days: week(time.Monday, time.Wednesday, time.Friday)},
		"Once daily on weekdays":         {PerDay: 1, Days: week(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)},
	} {
		got, err := careact.ParseFrequency(text)
		if err != nil || got.PerDay != want.PerDay || len(got.Days) != len(want.Days) || got.Days[0] != want.Days[0] {
			t.Errorf("%q: %+v, %v; want %+v", text, got, err, want)
		}
	}
	if _, err := careact.ParseFrequency("As needed"); err == nil {
		t.Error("a frequency with no count or period is not understood")
	}
}

// R10: a schedule's visits, in the authority's time zone across the clock
// change, a day's round per worker in turn.
func TestScheduleSlots(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	from := time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC) // clocks go forward on the 29th
	slots, err := careact.Schedule{Days: []time.Weekday{time.Saturday, time.Sunday, time.Monday}, Times: []string{"17:00", "09:00"},
		From: from, To: from.AddDate(0, 0, 3), Location: london, Workers: 2}.Slots()
	if err != nil || len(slots) != 6 {
		t.Fatalf("%d slots, %v; want 2 a day on 3 days", len(slots), err)
	}
	for i, s := range slots {
		if got := s.StartsAt.In(london).Format("15:04"); got != []string{"09:00", "17:00"}[i%2] {
			t.Errorf("slot %d at %s local", i, got)
		}
		if s.Worker != (i/2)%2 {
			t.Errorf("slot %d to worker %d; a day's round each, in turn", i, s.Worker)
		}
	}
	if _, err := (careact.Schedule{Days: []time.Weekday{time.Monday}, Times: []string{"25:00"}, From: from, To: from}).Slots(); err == nil {
		t.Error("25:00 is not a time of day")
	}
}

// R32: autism and deafblind training, each shown as a reason.
func TestMatchWorker(t *testing.T) {
	trained, reasons := careact.MatchWorker(careact.Needs{Name: "Mabel", Autism: true, Deafblind: true}, []string{"AUTISM"})
	if trained || len(reasons) != 2 || reasons[0] != "Has autism training, which Mabel needs." || reasons[1] != "Lacks the deafblind training Mabel needs." {
		t.Errorf("autism but not deafblind training: %v %q", trained, reasons)
	}
	if trained, _ := careact.MatchWorker(careact.Needs{}, nil); !trained {
		t.Error("anyone may visit a person who needs no specialist training")
	}
}

// R25: an agreed amendment draft takes over from the version it replaces:
// an agreed plan stays agreed, reablement that had commenced goes on (a
// review that revised the plan is over); an ended version is not replaced.
func TestAmended(t *testing.T) {
	for earlier, want := range map[careact.Status]careact.Status{
		careact.Agreed: careact.Agreed, careact.Active: careact.Active, careact.UnderReview: careact.Active,
	} {
		if got, err := careact.Amended(earlier); err != nil || got != want {
			t.Errorf("amending a %s version: %s, %v; want %s", earlier, got, err, want)
		}
	}
	for _, earlier := range []careact.Status{careact.Draft, careact.Ended, careact.Refused, careact.Withdrawn, careact.Superseded} {
		if f, ok := fault.As(func() error { _, err := careact.Amended(earlier); return err }()); !ok || f.Rule != "R25" {
			t.Errorf("replacing a %s version was not refused under R25", earlier)
		}
	}
}
