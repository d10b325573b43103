package demo

import (
	"time"

	"reablement/ent/outcomestep"
	"reablement/ent/progress"
	"reablement/ent/schema/pulid"
	"reablement/ent/visit"
)

// visitDays is how far ahead visits are scheduled: today and the next 13 days.
const visitDays = 14

// visits writes the person's visits, by the worker of their round, from the
// day reablement commenced to 13 days ahead: past ones recorded (mostly
// completed, with notes and sometimes progress on a step), today's and
// later ones scheduled. Each visit works to the plan version current at
// its start.
func (rec *record) visits() {
	g, p, r := rec.g, rec.p, rec.r
	if p.worker == nil || rec.ep.commenced == nil {
		return
	}
	for day := -rec.ep.c; day < visitDays; day++ {
		for _, m := range p.visitMins {
			start := g.at(day, m/60, m%60)
			v := rec.versions[0]
			for _, cand := range rec.versions {
				if cand.agreed != nil && !cand.agreed.After(start) {
					v = cand
				}
			}
			id := pulid.New("VI")
			c := g.tx.Visit.Create().SetID(id).SetPersonID(p.id).SetPlanID(v.id).SetWorkerID(p.worker.id).
				SetStartsAt(start).SetDurationMinutes(p.duration)
			var worked *outcomeRef
			if day < 0 {
				switch x := r.Float64(); {
				case x < 0.02:
					c.SetStatus(visit.StatusMISSED).SetNotes("No answer at the door; office informed and the named contact called. All well.")
				case x < 0.05:
					c.SetStatus(visit.StatusCANCELLED).SetNotes(p.say("Cancelled by %s: hospital appointment."))
				default:
					arrived := start.Add(time.Duration(r.IntN(21)-5) * time.Minute)
					departed := arrived.Add(time.Duration(p.duration+r.IntN(16)-5) * time.Minute)
					c.SetStatus(visit.StatusCOMPLETED).SetArrivedAt(arrived).SetDepartedAt(departed).SetNotes(p.say(pick(r, visitNotes)))
					if chance(r, 0.25) && len(v.outcomes) > 0 {
						worked = &v.outcomes[r.IntN(len(v.outcomes))]
					}
				}
			}
			g.w.visits.add(c)
			if worked != nil { // after its visit: the writer keeps rows of a table in order, not across tables
				rec.progress(id, v.id, *worked)
			}
		}
	}
}

// progress records work on an outcome's current step at a visit.
func (rec *record) progress(visitID, planID pulid.ID, o outcomeRef) {
	g, r := rec.g, rec.r
	step := o.steps[len(o.steps)-1]
	for _, s := range o.steps {
		if s.status != outcomestep.StatusDONE {
			step = s
			break
		}
	}
	status := progress.StepStatusIN_PROGRESS
	if chance(r, 0.3) {
		status = progress.StepStatusDONE
	}
	g.w.progress.add(g.tx.Progress.Create().SetPersonID(rec.p.id).SetPlanID(planID).SetVisitID(visitID).
		SetOutcomeID(o.id).SetStepID(step.id).SetStepStatus(status).SetNote(rec.p.say(pick(r, progressNotes))))
}
