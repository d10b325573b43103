package careact

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"reablement/ent/fault"
	"reablement/ent/person"
)

// Needs are what the person's needs ask of a worker's training (R32).
type Needs struct {
	Name              string // how the reasons name the person, e.g. "Mabel"
	Autism, Deafblind bool
}

// The trainings R32 names.
const (
	TrainingAutism    = "AUTISM"
	TrainingDeafblind = "DEAFBLIND"
)

// TrainingNeed is one of R32's pairs: a need recorded on the person and the
// training it asks of every worker who visits them.
type TrainingNeed struct {
	Column   string // the person's column recording the need, for queries
	Training string
	words    string // how the reasons name the training
	has      func(Needs) bool
}

// Has reports whether n includes the need.
func (t TrainingNeed) Has(n Needs) bool { return t.has(n) }

// TrainingNeeds are R32's pairs: every check of the rule reads this list,
// whether it judges one worker (MatchWorker) or queries a service's
// fortnight for gaps.
var TrainingNeeds = []TrainingNeed{
	{Column: person.FieldAutism, Training: TrainingAutism, words: "autism", has: func(n Needs) bool { return n.Autism }},
	{Column: person.FieldDeafblind, Training: TrainingDeafblind, words: "deafblind", has: func(n Needs) bool { return n.Deafblind }},
}

// MissingTrainings are the trainings n needs that trainings lacks, in
// TrainingNeeds' order.
func MissingTrainings(n Needs, trainings []string) []string {
	var missing []string
	for _, t := range TrainingNeeds {
		if t.Has(n) && !slices.Contains(trainings, t.Training) {
			missing = append(missing, t.Training)
		}
	}
	return missing
}

// MatchWorker says whether a worker with these trainings may visit the
// person (R32: autism training for an autistic person, deafblind training
// for a deafblind person), and why, in plain words, one reason for each
// training the person needs.
func MatchWorker(n Needs, trainings []string) (trained bool, reasons []string) {
	who := n.Name
	if who == "" {
		who = "the person"
	}
	trained = true
	for _, t := range TrainingNeeds {
		if !t.Has(n) {
			continue
		}
		if slices.Contains(trainings, t.Training) {
			reasons = append(reasons, fmt.Sprintf("Has %s training, which %s needs.", t.words, who))
		} else {
			trained = false
			reasons = append(reasons, fmt.Sprintf("Lacks the %s training %s needs.", t.words, who))
		}
	}
	if len(reasons) == 0 {
		reasons = append(reasons, fmt.Sprintf("No specialist training is needed for %s.", who))
	}
	return trained, reasons
}

// Frequency is how often visits happen, read from the agreed words (R10).
type Frequency struct {
	PerDay int            // visits on a visiting day
	Days   []time.Weekday // the visiting days
}

var everyDay = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// spread is which days of the week n visits a week fall on.
var spread = map[int][]time.Weekday{
	1: {time.Monday},
	2: {time.Monday, time.Thursday},
	3: {time.Monday, time.Wednesday, time.Friday},
	4: {time.Monday, time.Tuesday, time.Thursday, time.Friday},
	5: {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
	6: {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday},
	7: everyDay,
}

var counts = map[string]int{"once": 1, "one": 1, "a": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}

// frequencyWords finds "twice daily", "3 times a day", "two visits per
// week", "once weekly"; a bare "daily" or "weekly" is once.
var frequencyWords = regexp.MustCompile(`\b(?:(once|twice|one|two|three|four|five|six|seven|[1-7])\s*(?:times?|visits?|calls?)?\s*(?:a|per|each|every)?\s*)?(daily|a day|per day|each day|every day|weekly|a week|per week|each week|every week|weekdays|monday to friday)\b`)

// ParseFrequency reads the agreed frequency of visits (R1(c), R10) as the
// practitioner wrote it: "Twice daily, reducing to daily" starts twice a
// day, every day; "3 times a week" is Monday, Wednesday and Friday;
// "daily on weekdays" is Monday to Friday. The first phrase is the plan's
// start; later ones say how it changes as independence grows.
func ParseFrequency(text string) (Frequency, error) {
	lower := strings.ToLower(text)
	m := frequencyWords.FindStringSubmatch(lower)
	if m == nil {
		return Frequency{}, fmt.Errorf("frequency %q not understood", text)
	}
	n := 1
	if m[1] != "" {
		n = counts[m[1]]
	}
	switch unit := m[2]; {
	case unit == "weekdays" || unit == "monday to friday":
		return Frequency{PerDay: n, Days: spread[5]}, nil
	case strings.Contains(unit, "week"):
		return Frequency{PerDay: 1, Days: spread[n]}, nil
	default:
		f := Frequency{PerDay: n, Days: everyDay}
		if strings.Contains(lower, "weekday") || strings.Contains(lower, "monday to friday") {
			f.Days = spread[5]
		}
		return f, nil
	}
}

// DefaultTimes are the times of day visits fall at for n visits a day:
// morning, lunch, tea and bedtime rounds.
func DefaultTimes(n int) []string {
	switch n {
	case 1:
		return []string{"10:00"}
	case 2:
		return []string{"09:00", "17:00"}
	case 3:
		return []string{"08:30", "12:30", "17:30"}
	default:
		return []string{"08:00", "12:00", "16:00", "20:00"}
	}
}

// maxVisits is the most visits one schedule makes: four a day for the
// longest period an authority might allow. More is a mistake.
const maxVisits = 4 * 7 * 12

// Schedule is what a visit schedule is made from (R10).
type Schedule struct {
	Days     []time.Weekday
	Times    []string  // HH:MM in Location
	From, To time.Time // first and last calendar day, inclusive (dates at midnight UTC)
	Location *time.Location
	Workers  int // how many workers share the visits
}

// Slot is one visit of a schedule: when, and which worker (an index into
// the plan's workers).
type Slot struct {
	StartsAt time.Time
	Worker   int
}

// Slots lays out the visits of a schedule: on each visiting day from From
// to To, one at each time of day, in the authority's time zone (so a 09:00
// visit is at 09:00 across the clock change). One worker does a whole
// day's round, and the workers take the days in turn.
func (s Schedule) Slots() ([]Slot, error) {
	type clock struct{ h, m int }
	var clocks []clock
	for i, t := range s.Times {
		h, m, ok := parseClock(t)
		if !ok {
			return nil, &fault.Error{Code: fault.InvalidInput, Field: fmt.Sprintf("times.%d", i), Rule: "R10", Message: fmt.Sprintf("%q is not a time of day. Give times as hours and minutes, like 09:30.", t)}
		}
		c := clock{h, m}
		if slices.Contains(clocks, c) {
			return nil, &fault.Error{Code: fault.InvalidInput, Field: fmt.Sprintf("times.%d", i), Rule: "R10", Message: fmt.Sprintf("%s is given twice. Give each visit its own time.", t)}
		}
		clocks = append(clocks, c)
	}
	if len(clocks) == 0 {
		return nil, &fault.Error{Code: fault.InvalidInput, Field: "times", Rule: "R10", Message: "Give at least one time of day for visits."}
	}
	slices.SortFunc(clocks, func(a, b clock) int { return (a.h*60 + a.m) - (b.h*60 + b.m) })
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	workers := max(s.Workers, 1)
	var out []Slot
	day := 0
	for d := s.From; !d.After(s.To); d = d.AddDate(0, 0, 1) {
		if !slices.Contains(s.Days, d.Weekday()) {
			continue
		}
		for _, c := range clocks {
			out = append(out, Slot{StartsAt: time.Date(d.Year(), d.Month(), d.Day(), c.h, c.m, 0, 0, loc).UTC(), Worker: day % workers})
		}
		day++
		if len(out) > maxVisits {
			return nil, &fault.Error{Code: fault.InvalidInput, Field: "times", Rule: "R10", Message: fmt.Sprintf("This would make more than %d visits. Check the planned start and end, and the times.", maxVisits)}
		}
	}
	return out, nil
}

func parseClock(s string) (h, m int, ok bool) {
	hs, ms, found := strings.Cut(strings.TrimSpace(s), ":")
	if !found || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}
