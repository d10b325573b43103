package disclosure

import (
	"testing"
)

func TestRoundingAndSmallCountsFollowNHSEnglandsMethod(t *testing.T) {
	c := Default
	for _, tc := range []struct {
		n       int
		small   bool
		rounded int
	}{{0, false, 0}, {1, true, 0}, {7, true, 5}, {8, false, 10}, {12, false, 10}, {13, false, 15}, {102, false, 100}} {
		if c.Small(tc.n) != tc.small || (!tc.small && c.Round(tc.n) != tc.rounded) {
			t.Errorf("%d: small %v rounded %d", tc.n, c.Small(tc.n), c.Round(tc.n))
		}
	}
	if p := Percent(15, 20); p == nil || *p != 75 {
		t.Errorf("percent of rounded 15/20 = %v", p)
	}
}

func cells(people ...int) []*Cell {
	out := make([]*Cell, len(people))
	for i, p := range people {
		out[i] = &Cell{Key: []string{string(rune('A' + i))}, People: p}
	}
	return out
}

// A total minus the visible parts never recovers a suppressed cell: a line
// with one small cell also hides the next smallest, so that what is hidden
// is at least two cells and more than the threshold between them.
func TestSecondarySuppressionHidesEnoughThatTotalMinusPartsRecoversNothing(t *testing.T) {
	c := Default
	cs := cells(50, 3, 9, 40)
	total := &Cell{People: 102}
	c.Judge(cs, total, 1)
	if cs[1].Reason != SmallCount || cs[2].Reason != Secondary || cs[0].Suppressed() || cs[3].Suppressed() || total.Suppressed() {
		t.Fatalf("reasons: %v %v %v %v total %v", cs[0].Reason, cs[1].Reason, cs[2].Reason, cs[3].Reason, total.Reason)
	}
	// Two small cells that add to 5 are not enough either.
	cs = cells(50, 2, 3, 40)
	c.Judge(cs, &Cell{People: 95}, 1)
	if cs[3].Reason != Secondary {
		t.Fatalf("2 + 3 hidden: the next smallest (40) must be hidden too, got %v", cs[3].Reason)
	}
	// Two cells, one small: both hidden; the total then discloses only
	// the 23 people of both together.
	cs = cells(3, 20)
	total = &Cell{People: 23}
	c.Judge(cs, total, 1)
	if !cs[0].Suppressed() || !cs[1].Suppressed() || total.Suppressed() {
		t.Fatalf("two cells, one small: %v %v total %v", cs[0].Reason, cs[1].Reason, total.Reason)
	}
	// A line whose hidden cell cannot be joined by another (the rest are
	// empty) hides the total instead.
	cs = []*Cell{{Key: []string{"A"}, People: 9, Wider: []int{12}}, {Key: []string{"B"}, People: 0}}
	total = &Cell{People: 9}
	c.Judge(cs, total, 1)
	if cs[0].Reason != FilterDifference || !total.Suppressed() {
		t.Fatalf("one hidden cell and nothing else: %v, total %v", cs[0].Reason, total.Reason)
	}
}

// Each line of a two-way table is protected: the lines' totals are the
// one-way answers an analyst can ask for separately.
func TestEveryLineOfATwoWayTableIsProtected(t *testing.T) {
	c := Default
	mk := func(a, b string, n int) *Cell { return &Cell{Key: []string{a, b}, People: n} }
	cs := []*Cell{mk("x", "1", 30), mk("x", "2", 4), mk("x", "3", 25), mk("y", "1", 20), mk("y", "2", 30), mk("y", "3", 22)}
	c.Judge(cs, &Cell{People: 131}, 2)
	hidden := map[string]int{}
	for _, cell := range cs {
		if cell.Suppressed() {
			hidden["row "+cell.Key[0]]++
			hidden["col "+cell.Key[1]]++
		}
	}
	for line, n := range hidden {
		if n == 1 {
			t.Errorf("%s has a single hidden cell: its total minus the rest recovers it", line)
		}
	}
}

func TestDifferencesAgainstWiderQuestionsAndShorterPeriodsAreSuppressed(t *testing.T) {
	c := Default
	filtered := &Cell{People: 40, Wider: []int{45}}
	c.Judge(nil, filtered, 0)
	if filtered.Reason != FilterDifference {
		t.Errorf("40 of 45 without the filter: %v", filtered.Reason)
	}
	same := &Cell{People: 40, Wider: []int{40, 60}}
	c.Judge(nil, same, 0)
	if same.Suppressed() {
		t.Errorf("differences of 0 and 20 are safe: %v", same.Reason)
	}
	period := &Cell{People: 40, FirstMonth: 3, LastMonth: 12, Months: 4}
	c.Judge(nil, period, 0)
	if period.Reason != PeriodDifference {
		t.Errorf("a first month of 3 people: %v", period.Reason)
	}
}
