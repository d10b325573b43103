package demo

import (
	"math/rand/v2"
	"time"

	epi "reablement/ent/episode"
	"reablement/ent/plan"
	"reablement/ent/rule"
)

// returns writes what the national returns need of the person's episode
// (issue 15): where the referral came from (the hospital discharge team's
// people mostly from a hospital discharge), what followed reablement, by
// how it ended, and for people 65 and over discharged from hospital, where
// they were 91 days later, once that day has come (and, for some, not yet
// recorded: the due list's task). Its own random stream, so the rest of the
// authority is as it was.
func (rec *record) returns() {
	g, p, ep := rec.g, rec.p, &rec.ep
	r := g.rng(streamReturns, uint64(p.idx))
	referral := g.date(g.dayOffset(ep.referral))
	c := g.tx.Episode.Create().SetPersonID(p.id).SetEpisode(1).SetReferralReceivedOn(referral).
		SetExistingLongTermSupport(chance(r, 0.08))
	route := referralRoute(r, p.team == g.staff.hospital)
	c.SetReferralRoute(route)
	var discharge *time.Time
	if route == epi.ReferralRouteHOSPITAL_DISCHARGE {
		// Reablement starts within a few days of the discharge; the ward
		// refers before it.
		d := referral.AddDate(0, 0, r.IntN(3))
		if ep.commenced != nil {
			d = g.date(g.dayOffset(*ep.commenced) - r.IntN(4))
		}
		if d.After(g.today) {
			d = g.today
		}
		discharge = &d
		c.SetHospitalDischargeOn(d)
	}
	sequel, early := rec.sequel(r)
	if sequel != nil && chance(r, 0.95) {
		c.SetSequel(*sequel)
		if early != nil {
			c.SetEndedEarlyReason(*early)
		}
	} else {
		sequel, early = nil, nil
	}
	if discharge != nil && ep.commenced != nil && rule.AgeAt(p.dob, *discharge) >= rule.FollowUpAge {
		due := discharge.AddDate(0, 0, rule.FollowUpDays)
		if s := followUp(r, sequel, early, !due.After(g.today)); s != nil && chance(r, 0.9) {
			c.SetFollowUpSituation(*s)
		}
	}
	g.w.episodes.add(c)
}

// referralRoute is where a referral came from: the hospital discharge
// team's mostly from a discharge, the others mostly from the community.
func referralRoute(r *rand.Rand, hospitalTeam bool) epi.ReferralRoute {
	x := r.Float64()
	if hospitalTeam {
		switch {
		case x < 0.85:
			return epi.ReferralRouteHOSPITAL_DISCHARGE
		case x < 0.95:
			return epi.ReferralRouteHOSPITAL_DIVERSION
		default:
			return epi.ReferralRouteCOMMUNITY
		}
	}
	switch {
	case x < 0.25:
		return epi.ReferralRouteHOSPITAL_DISCHARGE
	case x < 0.80:
		return epi.ReferralRouteCOMMUNITY
	case x < 0.88:
		return epi.ReferralRouteHOSPITAL_DIVERSION
	case x < 0.94:
		return epi.ReferralRouteSELF_FUNDER_DEPLETED
	case x < 0.995:
		return epi.ReferralRoutePLANNED_ENTRY
	default:
		return epi.ReferralRoutePRISON
	}
}

// sequel is what followed an episode that is over, by how it ended.
func (rec *record) sequel(r *rand.Rand) (*epi.Sequel, *epi.EndedEarlyReason) {
	ep, p := &rec.ep, rec.p
	s := func(v epi.Sequel) (*epi.Sequel, *epi.EndedEarlyReason) { return &v, nil }
	early := func(why epi.EndedEarlyReason) (*epi.Sequel, *epi.EndedEarlyReason) {
		v := epi.SequelENDED_EARLY
		return &v, &why
	}
	x := r.Float64()
	switch {
	case p.status == plan.StatusREFUSED:
		return s(epi.SequelNO_SERVICES_DECLINED)
	case p.status == plan.StatusWITHDRAWN:
		return early(epi.EndedEarlyReasonOTHER)
	case p.status != plan.StatusENDED || ep.endReason == nil:
		return nil, nil
	}
	switch *ep.endReason {
	case plan.EndReasonOUTCOMES_MET:
		switch {
		case x < 0.45:
			return s(epi.SequelNO_SERVICES_SIGNPOSTED)
		case x < 0.70:
			return s(epi.SequelNO_SERVICES_OTHER)
		case x < 0.95:
			return s(epi.SequelONGOING_LOW_LEVEL)
		default:
			return s(epi.SequelOTHER_SHORT_TERM)
		}
	case plan.EndReasonMAXIMUM_PERIOD:
		switch {
		case x < 0.60:
			return s(epi.SequelLONG_TERM_COMMUNITY)
		case x < 0.80:
			return s(epi.SequelONGOING_LOW_LEVEL)
		case x < 0.90:
			return s(epi.SequelLONG_TERM_RESIDENTIAL)
		default:
			return s(epi.SequelNO_SERVICES_SELF_FUNDED)
		}
	case plan.EndReasonDECIDED_AT_REVIEW:
		switch {
		case x < 0.40:
			return s(epi.SequelLONG_TERM_COMMUNITY)
		case x < 0.70:
			return s(epi.SequelONGOING_LOW_LEVEL)
		case x < 0.90:
			return s(epi.SequelNO_SERVICES_OTHER)
		default:
			return s(epi.SequelLONG_TERM_NURSING)
		}
	case plan.EndReasonPERSON_NO_LONGER_WISHES:
		if x < 0.7 {
			return early(epi.EndedEarlyReasonDECLINED)
		}
		return s(epi.SequelNO_SERVICES_DECLINED)
	case plan.EndReasonHEALTH_CHANGED:
		switch {
		case x < 0.70:
			return early(epi.EndedEarlyReasonADMITTED_TO_HOSPITAL)
		case x < 0.80:
			return early(epi.EndedEarlyReasonEND_OF_LIFE)
		case x < 0.90:
			return early(epi.EndedEarlyReasonDIED)
		default:
			return early(epi.EndedEarlyReasonNHS_FUNDED_CARE)
		}
	}
	return early(epi.EndedEarlyReasonOTHER)
}

// followUp is where someone was 91 days after their discharge, consistent
// with what followed reablement; before the 91 days only a death, a
// readmission or a move into a care home can be known.
func followUp(r *rand.Rand, sequel *epi.Sequel, early *epi.EndedEarlyReason, due bool) *epi.FollowUpSituation {
	f := func(v epi.FollowUpSituation) *epi.FollowUpSituation { return &v }
	switch {
	case early != nil && *early == epi.EndedEarlyReasonDIED:
		return f(epi.FollowUpSituationDIED)
	case early != nil && *early == epi.EndedEarlyReasonADMITTED_TO_HOSPITAL && chance(r, 0.6):
		return f(epi.FollowUpSituationREADMITTED)
	case sequel != nil && *sequel == epi.SequelLONG_TERM_RESIDENTIAL:
		return f(epi.FollowUpSituationRESIDENTIAL_CARE)
	case sequel != nil && *sequel == epi.SequelLONG_TERM_NURSING:
		return f(epi.FollowUpSituationNURSING_CARE)
	case !due:
		return nil
	}
	switch x := r.Float64(); {
	case x < 0.85:
		return f(epi.FollowUpSituationAT_HOME)
	case x < 0.95:
		return f(epi.FollowUpSituationREADMITTED)
	case x < 0.98:
		return f(epi.FollowUpSituationDIED)
	default:
		return f(epi.FollowUpSituationRESIDENTIAL_CARE)
	}
}
