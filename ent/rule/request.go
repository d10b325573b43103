package rule

import (
	"slices"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/amendment"
	"reablement/ent/fault"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/review"
	"reablement/ent/viewer"
)

// askingFields are the only fields someone outside the council sets when
// they ask for a review or a change: who they are, which version, why and
// what. A decision, a due date, a reviewer, the evidence or a consultation
// is the council's to record (R12, R25). The keys and stamps set by hooks
// and defaults are listed too.
var askingFields = map[string][]string{
	gen.TypeReview:    {"authority_id", "person_id", "plan_id", "created_at", "updated_at", "kind", "requested_by", "reason", "decision"},
	gen.TypeAmendment: {"authority_id", "person_id", "plan_id", "created_at", "updated_at", "requested_by", "requester_name", "reason", "details", "decision", "no_recirculation"},
}

// outsideRequest is the one write someone outside the council makes to a
// care record: the person, on their own plan, asks for an unplanned review
// (R12: anyone may ask) or a change (R25); a carer holding a copy of the
// version may ask for either; an advocate holding a copy may ask for a
// change on the person's behalf. The request says who asked by their role,
// on a plan in force, and holds only what a requester says. ok is false
// when the write is not such a request (the caller refuses it); an error
// refuses a request that is one but is not made as the rules require.
func outsideRequest(v *viewer.Viewer, m ent.Mutation, t target) (bases []policy.Basis, ok bool, err error) {
	if !m.Op().Is(ent.OpCreate) || (m.Type() != gen.TypeReview && m.Type() != gen.TypeAmendment) || t.plan == "" {
		return nil, false, nil
	}
	var as policy.Role
	switch {
	case v.Has(policy.PersonRole) && v.PersonID != "" && string(t.person) == v.PersonID:
		as, bases = policy.PersonRole, []policy.Basis{policy.OwnRecord}
	default:
		for _, g := range v.Shares {
			if g.PlanID != string(t.plan) || !g.Active(v.Now) {
				continue
			}
			for _, r := range []policy.Role{policy.CarerRole, policy.AdvocateRole} {
				if v.Has(r) && as == "" && policy.ShareRecipientRole(shareKind(g.Basis)) == r {
					as, bases = r, []policy.Basis{g.Basis}
				}
			}
		}
	}
	if as == "" || (as == policy.AdvocateRole && m.Type() == gen.TypeReview) {
		return nil, false, nil
	}
	rule := "R12"
	if m.Type() == gen.TypeAmendment {
		rule = "R25"
	}
	switch t.planStatus {
	case plan.StatusAGREED, plan.StatusACTIVE, plan.StatusUNDER_REVIEW:
	case plan.StatusSUPERSEDED:
		return nil, true, fault.Rule(rule, "This version of the plan has been replaced. Ask about the plan you have now.")
	default:
		return nil, true, fault.Rule(rule, "You can ask for a review or a change once your plan has been agreed. Until then, talk to your practitioner.")
	}
	for _, f := range m.Fields() {
		if !slices.Contains(askingFields[m.Type()], f) {
			return nil, true, fault.New(fault.Forbidden, "You can say why you are asking and what should change. The council records the decision.")
		}
	}
	switch rm := m.(type) {
	case *gen.ReviewMutation:
		if k, _ := rm.Kind(); k != review.KindUNPLANNED {
			return nil, true, fault.Invalid("input.kind", "Ask for an unplanned review (UNPLANNED); the council schedules the others.")
		}
		who := review.RequestedByPERSON
		if as == policy.CarerRole {
			who = review.RequestedByCARER
		}
		if got, set := rm.RequestedBy(); set && got != who {
			return nil, true, fault.Invalid("input.requestedBy", "You can only ask as yourself (%s).", who)
		}
		rm.SetRequestedBy(who)
		if d, _ := rm.Decision(); d != "" && d != review.DecisionPENDING {
			return nil, true, fault.New(fault.Forbidden, "The council decides the request; you can say why you are asking.")
		}
	case *gen.AmendmentMutation:
		who := map[policy.Role]amendment.RequestedBy{policy.PersonRole: amendment.RequestedByPERSON, policy.CarerRole: amendment.RequestedByCARER, policy.AdvocateRole: amendment.RequestedByADVOCATE}[as]
		if got, set := rm.RequestedBy(); set && got != who {
			return nil, true, fault.Invalid("input.requestedBy", "You can only ask as yourself (%s).", who)
		}
		rm.SetRequestedBy(who)
		if name, _ := rm.RequesterName(); name == "" {
			rm.SetRequesterName(v.Name)
		}
		if d, _ := rm.Decision(); d != "" && d != amendment.DecisionPENDING {
			return nil, true, fault.New(fault.Forbidden, "The council decides the request; you can say what should change.")
		}
		if nr, _ := rm.NoRecirculation(); nr && as != policy.PersonRole {
			return nil, true, fault.Invalid("input.noRecirculation", "Only the person can ask that a new version of their plan does not go to everyone who had this one.")
		}
	}
	return bases, true, nil
}

// shareKind is the recipient kind a share basis is made for, so the role
// that may act on a share follows policy.ShareRecipientRole.
func shareKind(b policy.Basis) string {
	switch b {
	case policy.CarerShare:
		return "CARER"
	case policy.AdvocateShare:
		return "ADVOCATE"
	case policy.OwnRecord:
		return "PERSON"
	default:
		return "OTHER"
	}
}
