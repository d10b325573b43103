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
	PlannedEnd                  *time.Time
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

// CanAgree applies R1, R3, R7 and R30: all six R1 items recorded (reported
// field by field), involvement recorded, a contingency for every risk to the
// plan, and no agreement while an advocate is needed and missing.
func CanAgree(p Plan) error {
	if p.SubstantialDifficulty && !p.AppropriatePerson && !p.AdvocateInPlace {
		return fault.Rule("R30", "The person would have substantial difficulty being involved and has no appropriate person: an independent advocate must be in place before the plan is agreed. Until then record only urgent interim measures.",
			fault.Problem{Field: "person.advocacy", Message: "No independent advocate is in place.", Rule: "R30", Section: "CAPACITY"})
	}
	var missing []fault.Problem
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
	if len(missing) > 0 {
		return fault.Rule("R1", fmt.Sprintf("The plan cannot be agreed until it records the six things every plan sets out. Add the %d missing, listed below, then agree it.", len(missing)), missing...)
	}
	if p.Involvements == 0 {
		return fault.Rule("R3", "Record who was involved in planning, and on what basis, before agreeing the plan.",
			fault.Problem{Field: "involvements", Message: "Nobody is recorded as involved.", Rule: "R3", Section: "INVOLVEMENT"})
	}
	if len(p.PlanRisksWithoutContingency) > 0 {
		var ps []fault.Problem
		for _, d := range p.PlanRisksWithoutContingency {
			ps = append(ps, fault.Problem{Field: "risks", Message: "No contingency for: " + d, Rule: "R7", Section: "RISKS"})
		}
		return fault.Rule("R7", "Every risk to the plan needs an agreed contingency before the plan is agreed.", ps...)
	}
	return nil
}

// CanCommence applies R31, R32 and R9: every risk to the worker mitigated
// and confirmed by a registered manager (after an environment assessment
// where the evidence calls for one), workers trained for the person's needs,
// and a planned end within the authority's maximum period.
func CanCommence(p Plan, s Settings, commence time.Time) error {
	var ps []fault.Problem
	for _, r := range p.WorkerRisks {
		if r.EnvironmentAssessmentRequired && !r.EnvironmentAssessmentDone {
			ps = append(ps, fault.Problem{Field: "risks", Message: "Do the environment risk assessment first: " + r.Description, Rule: "R31", Section: "RISKS"})
		} else if !r.Confirmed {
			ps = append(ps, fault.Problem{Field: "risks", Message: "A registered manager has not confirmed this risk to the worker is mitigated: " + r.Description, Rule: "R31", Section: "RISKS"})
		}
	}
	if len(ps) > 0 {
		return fault.Rule("R31", "Risks to the worker must be mitigated and confirmed by the registered manager before reablement commences.", ps...)
	}
	if len(p.VisitWorkersUntrained) > 0 {
		for _, w := range p.VisitWorkersUntrained {
			ps = append(ps, fault.Problem{Field: "visits", Message: w + " lacks the training this person needs.", Rule: "R32", Section: "VISITS"})
		}
		return fault.Rule("R32", "Visits are assigned to workers without the autism or deafblind training the person needs.", ps...)
	}
	if p.PlannedEnd != nil && p.PlannedEnd.After(MaxEnd(s, commence)) {
		return fault.Rule("R9", fmt.Sprintf("Reablement ends no later than %d weeks after it commences: plan to end by %s.", s.MaxWeeks, MaxEnd(s, commence).Format("2 January 2006")),
			fault.Problem{Field: "plannedEnd", Message: "The planned end is beyond the maximum period.", Rule: "R9", Section: "VISITS"})
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
