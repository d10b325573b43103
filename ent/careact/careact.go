// Package careact holds the Care Act duties around a plan's life (domain.md
// §3-§5): what must be true before a plan is agreed or reablement commences,
// and which status changes are lawful. It is pure: the facts come from the
// caller (ent/rule's plan hook), so every entry point reaches the same
// answer, and each refusal names its rule and lists what is missing field by
// field.
package careact

import (
	"fmt"
	"strings"
	"time"

	"reablement/ent/fault"
)

// Status is a plan version's status (R2).
type Status string

// The statuses of R2, plus SUPERSEDED for versions replaced by an amendment.
const (
	Draft       Status = "DRAFT"
	Agreed      Status = "AGREED"
	Active      Status = "ACTIVE"
	UnderReview Status = "UNDER_REVIEW"
	Ended       Status = "ENDED"
	Refused     Status = "REFUSED"
	Withdrawn   Status = "WITHDRAWN"
	Superseded  Status = "SUPERSEDED"
)

// lawful lists the status changes R2 allows. SUPERSEDED is reached only
// through an agreed amendment, never by a status change.
var lawful = map[Status][]Status{
	Draft:       {Agreed, Refused, Withdrawn},
	Agreed:      {Active, Withdrawn, Ended},
	Active:      {UnderReview, Ended, Withdrawn},
	UnderReview: {Active, Ended, Withdrawn},
}

// InProgress reports whether a plan in this status is still in progress:
// it can still move on (R2). A person has one plan in progress at a time.
func InProgress(s Status) bool {
	_, ok := lawful[s]
	return ok
}

// Amended is the status an amendment draft takes when it is agreed, from
// the status of the version it replaces (R25): an agreed plan stays agreed,
// and reablement that had commenced goes on under the new version (a review
// that changed the plan is over). A version that is no longer in progress
// is not replaced.
func Amended(earlier Status) (Status, error) {
	switch earlier {
	case Agreed:
		return Agreed, nil
	case Active, UnderReview:
		return Active, nil
	}
	return "", fault.Rule("R25", fmt.Sprintf("The version this draft amends is %s, so it can no longer be replaced. Start a new plan instead.", words(earlier)))
}

// Transition refuses a status change R2 does not allow.
func Transition(from, to Status) error {
	for _, s := range lawful[from] {
		if s == to {
			return nil
		}
	}
	if from == to {
		return fault.Rule("R2", fmt.Sprintf("The plan is already %s, so nothing was changed. Reload it to see where it is now.", words(from)))
	}
	return fault.Rule("R2", fmt.Sprintf("A plan that is %s cannot become %s. Reload the plan to see what can be done with it now.", words(from), words(to)))
}

// words is a status as a sentence says it: "UNDER_REVIEW" → "under review".
func words(s Status) string { return strings.ToLower(strings.ReplaceAll(string(s), "_", " ")) }

// Plan is what the duties need to know of one plan version.
type Plan struct {
	Needs, Outcomes             int
	OutcomesWithoutTarget       int // outcomes with neither a target date nor a step
	VisitFrequency              string
	VisitDurationMinutes        int
	WorkerTasks                 string
	OtherSupport                string
	NoOtherSupport              bool
	ReviewFrequency             string
	ReviewResponsible           bool
	Involvements                int
	PlanRisksWithoutContingency []string // descriptions
	WorkerRisks                 []WorkerRisk
	InterimMeasures             bool
	PlannedStart, PlannedEnd    *time.Time
	ServiceChosen               bool     // a reablement service delivers the plan (R20)
	Workers                     int      // workers assigned to the plan
	ScheduledVisits             int      // visits not cancelled (R10)
	VisitWorkersUntrained       []string // names of workers lacking a training the person needs (R32)

	// The person.
	SubstantialDifficulty bool
	AppropriatePerson     bool
	AdvocateInPlace       bool
}

// WorkerRisk is a risk to the worker (R31).
type WorkerRisk struct {
	Description                   string
	Confirmed                     bool // mitigation confirmed by a registered manager
	EnvironmentAssessmentRequired bool
	EnvironmentAssessmentDone     bool
}

// Settings are the authority's local policy (R9, R11).
type Settings struct {
	MaxWeeks, FirstReviewDays, NonChargeableWeeks int
}

// CanAgree applies R30, R1, R3 and R7: no agreement while an advocate is
// needed and missing, all six R1 items recorded (reported field by field),
// involvement recorded, and a contingency for every risk to the plan. Every
// missing item is listed at once, so a screen can show the whole list; the
// refusal names the rule of the first.
func CanAgree(p Plan) error {
	var missing []fault.Problem
	if p.SubstantialDifficulty && !p.AppropriatePerson && !p.AdvocateInPlace {
		missing = append(missing, fault.Problem{Field: "person.advocacy", Message: "The person would have substantial difficulty being involved and has no appropriate person: arrange an independent advocate. Until one is in place, record only urgent interim measures.", Rule: "R30", Section: "CAPACITY"})
	}
	need := func(ok bool, section, field, msg string) {
		if !ok {
			missing = append(missing, fault.Problem{Field: field, Message: msg, Rule: "R1", Section: section})
		}
	}
	need(p.Needs > 0, "NEEDS", "needs", "(a) Record the needs the plan prevents, reduces or delays.")
	need(p.Outcomes > 0, "OUTCOMES", "outcomes", "(b) Record the person's outcomes.")
	need(p.Outcomes == 0 || p.OutcomesWithoutTarget == 0, "OUTCOMES", "outcomes", "(b) Give every outcome a target date or steps.")
	need(p.VisitFrequency != "", "VISITS", "visitFrequency", "(c) Say how often visits happen.")
	need(p.VisitDurationMinutes > 0, "VISITS", "visitDurationMinutes", "(c) Say how long visits last.")
	need(p.WorkerTasks != "", "WORKER_SUPPORT", "workerTasks", "(d) Say what the reablement worker will do during visits.")
	need(p.OtherSupport != "" || p.NoOtherSupport, "OTHER_SUPPORT", "otherSupport", "(e) Record other support, or say explicitly that there is none.")
	need(p.ReviewFrequency != "", "REVIEW", "reviewFrequency", "(f) Say how often the plan will be reviewed.")
	need(p.ReviewResponsible, "REVIEW", "reviewResponsibleID", "(f) Say who is responsible for reviews.")
	if p.Involvements == 0 {
		missing = append(missing, fault.Problem{Field: "involvements", Message: "Record who was involved in planning, and on what basis.", Rule: "R3", Section: "INVOLVEMENT"})
	}
	for _, d := range p.PlanRisksWithoutContingency {
		missing = append(missing, fault.Problem{Field: "risks", Message: "Agree a contingency for: " + d, Rule: "R7", Section: "RISKS"})
	}
	return refusal("The plan cannot be agreed yet", missing)
}

// refusal is one refusal listing every problem, naming the first one's
// rule; nil when nothing is missing.
func refusal(what string, ps []fault.Problem) error {
	if len(ps) == 0 {
		return nil
	}
	if len(ps) == 1 {
		return fault.Rule(ps[0].Rule, what+": "+ps[0].Message, ps...)
	}
	return fault.Rule(ps[0].Rule, fmt.Sprintf("%s: %d things are missing. Each is listed; put them right, then try again.", what, len(ps)), ps...)
}

// CanCommence applies R31, R32, R9, R20 and R10: every risk to the worker
// mitigated and confirmed by a registered manager (after an environment
// assessment where the evidence calls for one), workers trained for the
// person's needs, a planned end within the authority's maximum period
// counted from the plan's start (the planned start, or the day it
// commences), a reablement service chosen, and visits scheduled. Every
// missing item is listed at once.
func CanCommence(p Plan, s Settings, commence time.Time) error {
	var ps []fault.Problem
	for _, r := range p.WorkerRisks {
		if r.EnvironmentAssessmentRequired && !r.EnvironmentAssessmentDone {
			ps = append(ps, fault.Problem{Field: "environmentAssessment", Message: "Do the environment risk assessment first: " + r.Description, Rule: "R31", Section: "RISKS"})
		} else if !r.Confirmed {
			ps = append(ps, fault.Problem{Field: "mitigationConfirmed", Message: "The registered manager of the service has not yet confirmed this risk to the worker is mitigated: " + r.Description, Rule: "R31", Section: "RISKS"})
		}
	}
	for _, w := range p.VisitWorkersUntrained {
		ps = append(ps, fault.Problem{Field: "workers", Message: w + " lacks the autism or deafblind training this person needs: choose a trained worker.", Rule: "R32", Section: "VISITS"})
	}
	start := Start(p, commence)
	if p.PlannedEnd != nil && p.PlannedEnd.After(MaxEnd(s, start)) {
		ps = append(ps, fault.Problem{Field: "plannedEnd", Message: fmt.Sprintf("The planned end is beyond the maximum period: reablement ends no later than %d weeks after it starts, by %s. Move the planned end.", s.MaxWeeks, MaxEnd(s, start).Format("2 January 2006")), Rule: "R9", Section: "VISITS"})
	}
	if !p.ServiceChosen {
		ps = append(ps, fault.Problem{Field: "serviceTeam", Message: "Choose the reablement service that will deliver the plan.", Rule: "R20", Section: "VISITS"})
	}
	if p.ScheduledVisits == 0 {
		if p.Workers == 0 {
			ps = append(ps, fault.Problem{Field: "workers", Message: "Choose the workers who will visit, trained for the person's needs.", Rule: "R32", Section: "VISITS"})
		}
		ps = append(ps, fault.Problem{Field: "visits", Message: "Make the visit schedule from the agreed frequency and duration.", Rule: "R10", Section: "VISITS"})
	}
	return refusal("Reablement cannot commence yet", ps)
}

// Start is the day reablement starts, from which R9's maximum period
// counts: the planned start, or the day it commences when none is planned.
func Start(p Plan, commence time.Time) time.Time {
	if p.PlannedStart != nil {
		return *p.PlannedStart
	}
	y, m, d := commence.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CheckPeriod applies R9 to a planned start and end: the end after the
// start, and no later than the maximum period from it.
func CheckPeriod(s Settings, start, end time.Time) error {
	if end.Before(start) {
		return &fault.Error{Code: fault.InvalidInput, Attr: "planned_end", Rule: "R9", Message: "The planned end is before the planned start. Choose a later end."}
	}
	if end.After(MaxEnd(s, start)) {
		return &fault.Error{Code: fault.RuleViolation, Attr: "planned_end", Rule: "R9",
			Message: fmt.Sprintf("Reablement ends no later than %d weeks after it starts: choose an end on or before %s.", s.MaxWeeks, MaxEnd(s, start).Format("2 January 2006"))}
	}
	return nil
}

// MaxEnd is the last day reablement may run (R9).
func MaxEnd(s Settings, commence time.Time) time.Time {
	return commence.AddDate(0, 0, 7*s.MaxWeeks)
}

// FirstReviewDue is when the first review falls due by default (R11).
func FirstReviewDue(s Settings, commence time.Time) time.Time {
	return commence.AddDate(0, 0, s.FirstReviewDays)
}

// ChargeableFrom is the first day beyond the non-chargeable weeks (R9).
func ChargeableFrom(s Settings, commence time.Time) time.Time {
	return commence.AddDate(0, 0, 7*s.NonChargeableWeeks)
}
