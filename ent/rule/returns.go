package rule

import (
	"context"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/careact"
	"reablement/ent/episode"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/privacy"
	"reablement/ent/viewer"
)

// FollowUpDays is how long after a hospital discharge the person's
// situation is recorded (SALT STS003 and ASCOF 2D: 91 days, 12 weeks and a
// day's grace; DHSC's 2D script looks for events within 84 days).
const FollowUpDays = 91

// FollowUpAge is the age at discharge from which the 91-day situation
// applies (ASCOF 2D counts people aged 65 and over).
const FollowUpAge = 65

// AgeAt is a person's age in whole years on a day, from the date of birth.
func AgeAt(dob, day time.Time) int {
	age := day.Year() - dob.Year()
	if day.Month() < dob.Month() || day.Month() == dob.Month() && day.Day() < dob.Day() {
		age--
	}
	return age
}

// EpisodeRecords opens the returns' record of an episode when a plan starts
// one (issue 15): a new plan that is no amendment begins an episode, whose
// referral is taken to have arrived that day until the practitioner records
// the route and the day it did.
func EpisodeRecords() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PlanFunc(func(ctx context.Context, m *gen.PlanMutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if _, amending := m.SupersedesID(); amending {
				return v, nil
			}
			p := v.(*gen.Plan)
			all := privacy.DecisionContext(ctx, privacy.Allow)
			exists, err := m.Client().Episode.Query().Where(episode.PersonID(p.PersonID), episode.Episode(p.Episode)).Exist(all)
			if err != nil || exists {
				return v, err
			}
			return v, m.Client().Episode.Create().SetPersonID(p.PersonID).SetEpisode(p.Episode).SetReferralReceivedOn(todayOf(ctx)).Exec(ctx)
		})
	}, ent.OpCreate)
}

// EpisodeReturns keeps an episode's returns record consistent whatever
// writes it: a hospital discharge day only with that referral route (and
// one with it); an early-end reason exactly when reablement ended early; a
// sequel only once the episode's plan has ended; the 91-day situation only
// where it applies, and "still at home" only once the 91 days have passed.
// The follow-up's due day is derived here, never typed in.
func EpisodeReturns() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.EpisodeFunc(func(ctx context.Context, m *gen.EpisodeMutation) (ent.Value, error) {
			all := privacy.DecisionContext(ctx, privacy.Allow)
			var old gen.Episode
			if id, ok := m.ID(); ok && !m.Op().Is(ent.OpCreate) {
				o, err := m.Client().Episode.Get(ctx, id)
				if err != nil {
					return nil, notFound(err, "episode")
				}
				old = *o
			}
			cur := old
			if pid, ok := m.PersonID(); ok {
				cur.PersonID = pid
			}
			if n, ok := m.Episode(); ok {
				cur.Episode = n
			}
			if v, ok := m.ReferralRoute(); ok {
				cur.ReferralRoute = &v
			} else if m.ReferralRouteCleared() {
				cur.ReferralRoute = nil
			}
			if v, ok := m.HospitalDischargeOn(); ok {
				cur.HospitalDischargeOn = &v
			} else if m.HospitalDischargeOnCleared() {
				cur.HospitalDischargeOn = nil
			}
			if v, ok := m.Sequel(); ok {
				cur.Sequel = &v
			} else if m.SequelCleared() {
				cur.Sequel = nil
			}
			if v, ok := m.EndedEarlyReason(); ok {
				cur.EndedEarlyReason = &v
			} else if m.EndedEarlyReasonCleared() {
				cur.EndedEarlyReason = nil
			}
			situation, recording := m.FollowUpSituation()

			discharge := cur.ReferralRoute != nil && *cur.ReferralRoute == episode.ReferralRouteHOSPITAL_DISCHARGE
			switch {
			case cur.HospitalDischargeOn != nil && !discharge:
				return nil, fault.Invalid("input.hospitalDischargeOn", "A hospital discharge day goes with the referral route HOSPITAL_DISCHARGE: record that route, or clear the day.")
			case discharge && cur.HospitalDischargeOn == nil:
				return nil, fault.Invalid("input.hospitalDischargeOn", "Record the day the person was discharged from hospital.")
			}
			early := cur.Sequel != nil && *cur.Sequel == episode.SequelENDED_EARLY
			switch {
			case early && cur.EndedEarlyReason == nil:
				return nil, fault.Invalid("input.endedEarlyReason", "Say why reablement ended early.")
			case !early && cur.EndedEarlyReason != nil:
				return nil, fault.Invalid("input.endedEarlyReason", "A reason for ending early goes only with the sequel ENDED_EARLY: clear it, or record that sequel.")
			}
			if _, setting := m.Sequel(); setting && cur.Sequel != nil {
				last, err := m.Client().Plan.Query().Where(plan.PersonID(cur.PersonID), plan.Episode(cur.Episode)).
					Order(gen.Desc(plan.FieldVersion)).First(all)
				if err != nil && !gen.IsNotFound(err) {
					return nil, err
				}
				if last != nil && careact.InProgress(careact.Status(last.Status)) {
					return nil, fault.Invalid("input.sequel", "Record what followed reablement once the plan has ended.")
				}
			}

			// The follow-up is due 91 days after a hospital discharge of
			// someone 65 or over (ASCOF 2D).
			var due *time.Time
			if discharge {
				person, err := m.Client().Person.Get(all, cur.PersonID)
				if err != nil {
					return nil, notFound(err, "person")
				}
				if AgeAt(person.DateOfBirth, *cur.HospitalDischargeOn) >= FollowUpAge {
					d := cur.HospitalDischargeOn.AddDate(0, 0, FollowUpDays)
					due = &d
				}
			}
			if due != nil {
				m.SetFollowUpDue(*due)
			} else {
				m.ClearFollowUpDue()
			}
			if recording {
				switch {
				case due == nil:
					return nil, fault.Invalid("input.followUpSituation", "The 91-day situation is recorded only for people 65 and over discharged from hospital into reablement.")
				case situation == episode.FollowUpSituationAT_HOME && todayOf(ctx).Before(*due):
					return nil, fault.Invalid("input.followUpSituation", "Whether the person is still at home can be recorded from %s, 91 days after the discharge. Record it then, or record now if they have died, been readmitted or moved into a care home.", due.Format("2 January 2006"))
				}
				m.SetFollowUpRecordedAt(viewer.Now(ctx))
			} else if m.FollowUpSituationCleared() || (due == nil && old.FollowUpSituation != nil) {
				m.ClearFollowUpSituation()
				m.ClearFollowUpRecordedAt()
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate|ent.OpUpdateOne)
}

// todayOf is the request's day (midnight UTC of the authority's date).
func todayOf(ctx context.Context) time.Time {
	if v := viewer.FromContext(ctx); v != nil && !v.Now.IsZero() {
		return v.Today()
	}
	n := time.Now().UTC()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}
