// Package disclosure is the statistics' disclosure control (issue 15): small
// counts of people are suppressed, every other count is rounded, and cells
// are suppressed too when another answer the same analyst could ask for
// would, by difference, isolate a small group. It is pure: it judges
// numbers it is given (people counted in SQL) and imports no database, so
// the rules are table-tested in one place.
//
// The default is NHS England's method for its secondary-care statistics
// (Disclosure control methodology for HES and ECDS, from September 2018):
// counts 1 to 7 are shown as *, 0 is shown, every other count is rounded to
// the nearest 5; no statistic is computed over 1 to 7 people; totals are
// computed from unrounded values and then rounded; percentages come from
// the rounded numerator and denominator.
package disclosure

import (
	"fmt"
	"slices"
	"strings"
)

// Reason says why a value is not shown.
type Reason string

// Reasons, as the API names them (SuppressionReason).
const (
	// SmallCount: the cell counts 1 to Threshold people.
	SmallCount Reason = "SMALL_COUNT"
	// FilterDifference: the same question without one of its filters (or
	// several) differs from this cell by 1 to Threshold people.
	FilterDifference Reason = "FILTER_DIFFERENCE"
	// PeriodDifference: the same question over a shorter period differs
	// from this cell by 1 to Threshold people.
	PeriodDifference Reason = "PERIOD_DIFFERENCE"
	// Secondary: shown, this cell would let a total minus the values shown
	// recover a suppressed one.
	Secondary Reason = "SECONDARY"
)

// Control is a disclosure-control setting.
type Control struct {
	// Threshold: counts of 1 to Threshold people are suppressed.
	Threshold int
	// RoundTo: every other count is rounded to the nearest multiple of it.
	RoundTo int
}

// Default is NHS England's: 1 to 7 suppressed, others to the nearest 5.
var Default = Control{Threshold: 7, RoundTo: 5}

// Valid reports whether the setting makes sense.
func (c Control) Valid() error {
	if c.Threshold < 0 || c.RoundTo < 1 {
		return fmt.Errorf("disclosure control: threshold %d and rounding %d: the threshold must be at least 0 and the rounding at least 1", c.Threshold, c.RoundTo)
	}
	return nil
}

// Method describes the setting in words, for the answer itself.
func (c Control) Method() string {
	return fmt.Sprintf("Counts of 1 to %d people are suppressed (shown as *); 0 is shown; every other count is rounded to the nearest %d. "+
		"No median, quartile or rate is given over 1 to %d people. Totals are computed from unrounded values and then rounded, so they need not equal the sum of the rows; percentages come from the rounded numerator and denominator. "+
		"A value is also suppressed when the same question without one of its filters, or over a shorter period, would differ from it by 1 to %d people, and (secondary suppression) when with it shown a total minus the values shown would recover a suppressed value.",
		c.Threshold, c.RoundTo, c.Threshold, c.Threshold)
}

// Small reports whether n people is a count to suppress.
func (c Control) Small(n int) bool { return n >= 1 && n <= c.Threshold }

// Round rounds a count to the nearest multiple of RoundTo (halves up).
func (c Control) Round(n int) int {
	if c.RoundTo <= 1 {
		return n
	}
	return (n + c.RoundTo/2) / c.RoundTo * c.RoundTo
}

// Percent is a percentage from the rounded numerator and denominator, to
// one decimal place; nil when the denominator is 0.
func Percent(num, den int) *float64 {
	if den == 0 {
		return nil
	}
	p := float64(int(float64(num)*1000/float64(den)+0.5)) / 10
	return &p
}

// Cell is one value of a table as disclosure control sees it.
type Cell struct {
	// Key is the cell's group values, one per dimension; nil for the total.
	Key []string
	// People is how many distinct people the cell counts.
	People int
	// Wider are the people counts of the same cell under every question
	// with fewer filters (each is a superset of this cell's people).
	Wider []int
	// FirstMonth and LastMonth count the people in the earliest and latest
	// month of the period in which the cell has anyone, and Months how many
	// months it has anyone in: taking one end month away is the smallest
	// change a shorter period can make.
	FirstMonth, LastMonth, Months int
	// Reason is set by Judge: why the cell is suppressed, or "".
	Reason Reason
}

// Suppressed reports whether the cell is not shown.
func (c *Cell) Suppressed() bool { return c.Reason != "" }

// Judge decides which cells are suppressed, and why: first each cell on its
// own (small count, filter and period differences), then secondary
// suppression along every line of the table. A line is the cells that share
// every group value but one: its total is the answer to the question
// grouped by one dimension fewer. The total cell is itself a line's total
// (all the cells). In every line the suppressed cells must be none, or at
// least two counting more than Threshold people between them; otherwise the
// smallest cells still shown are suppressed too, and where no cell is left
// to suppress, the line's total is (when it is the total of this answer).
func (c Control) Judge(cells []*Cell, total *Cell, dims int) {
	for _, cell := range append(slices.Clone(cells), total) {
		c.primary(cell)
	}
	lines := map[string][]*Cell{}
	var order []string
	for d := range dims {
		for _, cell := range cells {
			k := lineKey(cell.Key, d)
			if _, ok := lines[k]; !ok {
				order = append(order, k)
			}
			lines[k] = append(lines[k], cell)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, k := range order {
			if c.protect(lines[k], nil) {
				changed = true
			}
		}
		if c.protect(cells, total) {
			changed = true
		}
	}
}

func (c Control) primary(cell *Cell) {
	switch {
	case cell.Reason != "":
	case c.Small(cell.People):
		cell.Reason = SmallCount
	case slices.ContainsFunc(cell.Wider, func(w int) bool { return c.Small(w - cell.People) }):
		cell.Reason = FilterDifference
	case cell.Months > 1 && (c.Small(cell.FirstMonth) || c.Small(cell.LastMonth)):
		cell.Reason = PeriodDifference
	}
}

// protect applies the secondary rule to one line; it reports whether it
// suppressed anything.
func (c Control) protect(line []*Cell, total *Cell) bool {
	if total != nil && total.Suppressed() {
		return false
	}
	changed := false
	for {
		n, sum := 0, 0
		for _, cell := range line {
			if cell.Suppressed() {
				n++
				sum += cell.People
			}
		}
		if n == 0 || n >= 2 && sum > c.Threshold {
			return changed
		}
		var next *Cell
		for _, cell := range line {
			if !cell.Suppressed() && cell.People > 0 && (next == nil || cell.People < next.People) {
				next = cell
			}
		}
		if next == nil {
			if total != nil && total.People > 0 {
				total.Reason = Secondary
				return true
			}
			return changed
		}
		next.Reason = Secondary
		changed = true
	}
}

func lineKey(key []string, skip int) string {
	parts := make([]string, 0, len(key)+1)
	parts = append(parts, fmt.Sprint(skip))
	for i, v := range key {
		if i != skip {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\x00")
}

// Shown is a count as published: the rounded number, or nil when suppressed.
func (c Control) Shown(cell *Cell, n int) *int {
	if cell.Suppressed() {
		return nil
	}
	r := c.Round(n)
	return &r
}

// Display is a count as a table prints it: the rounded number, or *.
func (c Control) Display(cell *Cell, n int) string {
	if cell.Suppressed() {
		return "*"
	}
	return fmt.Sprint(c.Round(n))
}

// Notes says in words what was suppressed and why.
func (c Control) Notes(cells []*Cell, total *Cell) []string {
	counts := map[Reason]int{}
	for _, cell := range append(slices.Clone(cells), total) {
		if cell.Suppressed() {
			counts[cell.Reason]++
		}
	}
	var out []string
	say := func(r Reason, words string) {
		if n := counts[r]; n > 0 {
			out = append(out, fmt.Sprintf("%d %s %s", n, plural(n, "value", "values"), words))
		}
	}
	say(SmallCount, fmt.Sprintf("counted 1 to %d people and %s suppressed (*).", c.Threshold, plural(counts[SmallCount], "is", "are")))
	say(FilterDifference, fmt.Sprintf("suppressed because the same question without one of its filters would differ by 1 to %d people.", c.Threshold))
	say(PeriodDifference, fmt.Sprintf("suppressed because the same question over a shorter period would differ by 1 to %d people.", c.Threshold))
	say(Secondary, "suppressed so that a total minus the values shown cannot recover a suppressed value (secondary suppression).")
	if total.Suppressed() && total.Reason == Secondary {
		out = append(out, "The total is suppressed: with so few values to hide, showing it would recover them.")
	}
	out = append(out, fmt.Sprintf("Every other count is rounded to the nearest %d; the total is rounded from the unrounded count.", c.RoundTo))
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
