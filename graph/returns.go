package graph

import "reablement/ent/episode"

// The returns' vocabulary (issue 15, ../shared/spec/analysts.md): how the
// model's coded episode fields are written in the Client Level Data return
// (Release 1 wording, as DHSC's and NHS England's published scripts use it)
// and how each sequel counts in ASCOF 2A.

// cldRoutes are the CLD Request_Route_of_Access values (the SALT routes).
var cldRoutes = map[episode.ReferralRoute]string{
	episode.ReferralRouteHOSPITAL_DISCHARGE:   "Discharge from Hospital",
	episode.ReferralRouteHOSPITAL_DIVERSION:   "Diversion from Hospital Services",
	episode.ReferralRouteCOMMUNITY:            "Community/Other route",
	episode.ReferralRoutePLANNED_ENTRY:        "Planned Entry (Transition)",
	episode.ReferralRouteSELF_FUNDER_DEPLETED: "Self-funder with depleted funds",
	episode.ReferralRoutePRISON:               "Prison",
}

// sequelOutcome is how one sequel (with its early-end reason) is written as
// the ST-Max service's Event_Outcome, the service type of what followed
// (if a service did), and its class in ASCOF 2A: "num" (no further request
// for ongoing support: the numerator and the denominator), "den" (long-term
// support: the denominator only) or "" (left out, as the published mapping
// leaves out early cessation for NHS-funded care or death, self-funding
// and support declined).
type sequelOutcome struct {
	sequel  episode.Sequel
	early   episode.EndedEarlyReason
	outcome string
	service string
	ascof2A string
}

var sequelOutcomes = []sequelOutcome{
	{episode.SequelNO_SERVICES_SIGNPOSTED, "", "NFA - Information & Advice / Signposting only", "", "num"},
	{episode.SequelNO_SERVICES_SELF_FUNDED, "", "NFA - Self-funded client (Inc. 12wk disregard)", "", ""},
	{episode.SequelNO_SERVICES_DECLINED, "", "NFA - Support declined", "", ""},
	{episode.SequelNO_SERVICES_OTHER, "", "NFA - Support ended: Other reason", "", "num"},
	{episode.SequelONGOING_LOW_LEVEL, "", "Progress to Support Planning / Services", "Short Term Support: Ongoing Low Level", "num"},
	{episode.SequelOTHER_SHORT_TERM, "", "Progress to Support Planning / Services", "Short Term Support: Other Short Term", "num"},
	{episode.SequelLONG_TERM_COMMUNITY, "", "Progress to Support Planning / Services", "Long Term Support: Community", "den"},
	{episode.SequelLONG_TERM_RESIDENTIAL, "", "Progress to Support Planning / Services", "Long Term Support: Residential Care", "den"},
	{episode.SequelLONG_TERM_NURSING, "", "Progress to Support Planning / Services", "Long Term Support: Nursing Care", "den"},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonADMITTED_TO_HOSPITAL, "Admitted to hospital", "", "num"},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonNHS_FUNDED_CARE, "NFA - 100% NHS funded care", "", ""},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonEND_OF_LIFE, "Progress to End of Life Care", "", "num"},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonDIED, "NFA - Deceased", "", ""},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonMOVED_AWAY, "NFA - Moved to another LA", "", "num"},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonDECLINED, "NFA - Support declined", "", ""},
	{episode.SequelENDED_EARLY, episode.EndedEarlyReasonOTHER, "NFA - Support ended: Other reason", "", "num"},
}

// sequelOf finds a sequel's row.
func sequelOf(s episode.Sequel, early *episode.EndedEarlyReason) (sequelOutcome, bool) {
	for _, o := range sequelOutcomes {
		if o.sequel == s && (o.early == "" || early != nil && *early == o.early) {
			return o, true
		}
	}
	return sequelOutcome{}, false
}
