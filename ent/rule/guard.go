package rule

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/risk"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// StampTenant puts a new row in the viewer's authority, and refuses a row
// for another authority.
func StampTenant() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			if v == nil {
				return nil, fault.New(fault.Unauthenticated, "Sign in to make changes.")
			}
			if got, ok := m.Field("authority_id"); ok {
				if got.(pulid.ID) != v.Authority() && !v.IsSystem() {
					return nil, fault.New(fault.Forbidden, "You cannot make records for another authority.")
				}
				return next.Mutate(ctx, m)
			}
			if err := m.SetField("authority_id", v.Authority()); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate)
}

// Kind says what a guarded type is, for the write rules.
type Kind int

// The kinds of guarded rows.
const (
	// KindPerson is the person row itself.
	KindPerson Kind = iota
	// KindPersonRecord is part of a person's record but of no plan (carer, need…).
	KindPersonRecord
	// KindPlan is a plan version row.
	KindPlan
	// KindPlanContent is the content of one plan version (outcome, risk…):
	// it changes with the version, and never once the version is superseded.
	KindPlanContent
	// KindPlanActivity belongs to a plan version but is not its content
	// (visit, review, share, amendment): it goes on after supersession.
	KindPlanActivity
	// KindVisitRecord is what a worker records at a visit (progress, concern).
	KindVisitRecord
	// KindEmergencyAccess is a practitioner's emergency access to a record
	// outside their team: made for themself, with a reason, for a day at most.
	KindEmergencyAccess
)

// maxEmergency is the longest emergency access may last before it must be
// asked for again.
const maxEmergency = 24 * time.Hour

// target is the row a mutation is about: whose record, which plan version.
type target struct {
	person     pulid.ID
	plan       pulid.ID
	planStatus plan.Status
}

// Guard is the one write rule of every type in a person's record: it finds
// whose record and which plan version a mutation touches (stamping person_id
// on create from the parent), checks the viewer may write it (consent.md,
// "Writes follow the same bases"), and refuses any change to a superseded
// plan version (R25).
func Guard(kind Kind) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			if v == nil {
				return nil, fault.New(fault.Unauthenticated, "Sign in to make changes.")
			}
			if kind == KindEmergencyAccess {
				if err := emergencyAccess(ctx, v, m); err != nil {
					return nil, err
				}
				return next.Mutate(ctx, m)
			}
			if v.IsSystem() && m.Op().Is(ent.OpCreate) && (kind == KindPerson || has(m, "person_id")) {
				return next.Mutate(ctx, m) // bulk loads set their keys; reading each parent back would cost a query per row
			}
			t, err := resolveTarget(ctx, kind, m)
			if err != nil {
				return nil, err
			}
			var bases []policy.Basis
			if !v.IsSystem() {
				if bases, err = mayWrite(ctx, v, kind, m, t); err != nil {
					return nil, err
				}
			}
			if t.planStatus == plan.StatusSUPERSEDED && (kind == KindPlan || kind == KindPlanContent) {
				return nil, fault.Rule("R25", "This plan version has been superseded by an amendment and can never change again. Make the change on the current version.")
			}
			if kind == KindPlanContent && m.Op().Is(ent.OpDeleteOne) && t.planStatus != plan.StatusDRAFT {
				return nil, fault.Rule("R25", "Only a draft plan's content can be removed; once agreed, a plan changes through an amendment, which keeps the earlier version.")
			}
			fields := changedFields(m)
			val, err := next.Mutate(ctx, m)
			if err != nil || v.IsSystem() {
				return val, err
			}
			if kind == KindPerson && t.person == "" {
				if p, ok := val.(*gen.Person); ok {
					t.person = p.ID
				}
			}
			return val, recordChange(ctx, v, m, t, fields, bases)
		})
	}
}

// mayWrite: practitioners and managers change the records of their people
// on a lasting basis (allocation, team, management: never emergency access,
// which is read-only); a registered manager confirms risks to workers; a
// worker records visits and progress on plans they are assigned to; nobody
// else writes care records, but for the person, a carer or an advocate
// asking for a review or a change (outsideRequest); and no write gives its
// actor a basis they did not hold (consent.md: "No write widens its actor's own access"). It
// returns the bases the write rests on, for the CHANGE event.
func mayWrite(ctx context.Context, v *viewer.Viewer, kind Kind, m ent.Mutation, t target) ([]policy.Basis, error) {
	if m.Type() == gen.TypeRisk && slices.ContainsFunc(m.Fields(), func(f string) bool {
		return f == "mitigation_confirmed_at" || f == "mitigation_confirmed_by_id" || f == "mitigation_checked"
	}) && !v.Has(policy.RegisteredManager) && !isSuperseding(ctx) {
		return nil, &fault.Error{Code: fault.Forbidden, Rule: "R31", Message: "Only a registered manager can confirm that a risk to the worker is mitigated. Ask the registered manager of the reablement service to confirm it."}
	}
	if v.Has(policy.Practitioner) || v.Has(policy.Manager) {
		if kind == KindPerson && m.Op().Is(ent.OpCreate) {
			// A new person joins the caseload of one of the viewer's own teams.
			if team, ok := m.Field("team_id"); ok && (slices.Contains(v.TeamIDs, string(team.(pulid.ID))) || slices.Contains(v.ManagedTeamIDs, string(team.(pulid.ID)))) {
				if slices.Contains(v.ManagedTeamIDs, string(team.(pulid.ID))) {
					return []policy.Basis{policy.TeamManager}, nil
				}
				return []policy.Basis{policy.TeamMember}, nil
			}
			return nil, &fault.Error{Code: fault.Forbidden, Field: "input.teamID", Message: "You can add people only to a team you work in or manage."}
		}
		if t.person != "" {
			before, err := readFacts(ctx, clientOf(m), t.person)
			if err != nil {
				return nil, err
			}
			bases := staffBases(v, before)
			if len(bases) == 0 {
				if slices.ContainsFunc(v.Emergency, func(g policy.EmergencyGrant) bool { return g.PersonID == string(t.person) && g.ExpiresAt.After(v.Now) }) {
					return nil, fault.New(fault.Forbidden, "Emergency access lets you read this record, not change it. Ask the allocated team to make the change.")
				}
			} else {
				if err := noWidening(ctx, v, m, before, bases); err != nil {
					return nil, err
				}
				return bases, nil
			}
		}
	}
	if v.Has(policy.RegisteredManager) && m.Type() == gen.TypeRisk && m.Op().Is(ent.OpUpdateOne) && t.person != "" {
		// R31: the registered manager of the delivering service confirms a
		// risk to the worker is mitigated, and changes nothing else.
		changed := m.Fields()
		if kind, err := m.OldField(ctx, "kind"); err == nil && kind == risk.KindTO_WORKER &&
			!slices.ContainsFunc(changed, func(f string) bool {
				return f != "mitigation_confirmed_at" && f != "mitigation_confirmed_by_id" && f != "mitigation_checked" && f != "updated_at" && f != "revision"
			}) {
			return []policy.Basis{policy.ServiceProvider}, nil
		}
	}
	if v.Has(policy.Worker) {
		switch {
		case isFlowingBack(ctx) && kind == KindPlanContent && m.Op().Is(ent.OpUpdateOne) &&
			!slices.ContainsFunc(m.Fields(), func(f string) bool { return !slices.Contains(flowBackFields, f) }):
			// A step's status or an outcome's achievement, from a visit record (ProgressFlowsBack).
			if assigned(v, t.plan) {
				return []policy.Basis{policy.ProviderDuty}, nil
			}
		case kind == KindVisitRecord && m.Op().Is(ent.OpCreate):
			if assigned(v, t.plan) {
				return []policy.Basis{policy.ProviderDuty}, nil
			}
		case m.Type() == gen.TypeVisit && m.Op().Is(ent.OpUpdateOne):
			// A worker records what happened; when and who visits is the
			// office's to change, or a worker could move visits to widen the
			// window their assignment gives them.
			if moved := slices.DeleteFunc(m.Fields(), func(f string) bool { return slices.Contains(visitRecordFields, f) }); len(moved) > 0 {
				return nil, fault.New(fault.Forbidden, "Workers record visits; moving, reassigning or rescheduling a visit is for the office. Phone them to change it.")
			}
			if assigned(v, t.plan) {
				return []policy.Basis{policy.ProviderDuty}, nil
			}
		}
	}
	if bases, ok, err := outsideRequest(v, m, t); ok || err != nil {
		return bases, err
	}
	return nil, fault.New(fault.Forbidden, "You do not have a basis to change this record. Ask the person's allocated team to make the change.")
}

// flowBackFields are what a visit record may change in the plan itself.
var flowBackFields = []string{"status", "achievement", "updated_at", "revision"}

// visitRecordFields are what a worker's record of a visit sets.
var visitRecordFields = []string{"arrived_at", "departed_at", "status", "outcome", "outcome_reason", "notes", "handover", "record_id", "revision", "updated_at"}

// personFacts are what the staff bases depend on.
type personFacts struct {
	team, allocated string
}

func readFacts(ctx context.Context, client *gen.Client, id pulid.ID) (personFacts, error) {
	p, err := client.Person.Get(privacy.DecisionContext(ctx, privacy.Allow), id)
	if err != nil {
		return personFacts{}, notFound(err, "person")
	}
	f := personFacts{team: string(p.TeamID)}
	if p.AllocatedPractitionerID != nil {
		f.allocated = string(*p.AllocatedPractitionerID)
	}
	return f, nil
}

// staffBases are the lasting bases a practitioner or manager holds for a
// person: allocation, team membership, management of the team (the same
// rules as policy.Decide, without emergency access).
func staffBases(v *viewer.Viewer, f personFacts) []policy.Basis {
	staff := policy.Viewer{AccountID: v.AccountID, AuthorityID: v.AuthorityID, TeamIDs: v.TeamIDs, ManagedTeamIDs: v.ManagedTeamIDs}
	for _, r := range v.Roles {
		if r == policy.Practitioner || r == policy.Manager {
			staff.Roles = append(staff.Roles, r)
		}
	}
	d := policy.Decide(staff, policy.Record{AuthorityID: v.AuthorityID, TeamID: f.team, AllocatedPractitionerID: f.allocated}, v.Now, v.Location)
	return basesOf(d)
}

func basesOf(d policy.Decision) []policy.Basis {
	var out []policy.Basis
	for _, b := range d.Grants {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	slices.Sort(out)
	return out
}

// noWidening refuses a change to a person's team or allocation that would
// give its actor a basis they did not hold: allocating a person to
// yourself, or moving them into a team you belong to, needs the manager of
// their team (who may allocate, themself included), so that access always
// rests on someone else's decision.
func noWidening(ctx context.Context, v *viewer.Viewer, m ent.Mutation, before personFacts, bases []policy.Basis) error {
	if m.Type() != gen.TypePerson || !m.Op().Is(ent.OpUpdateOne) {
		return nil
	}
	after := before
	if id, ok := m.Field("team_id"); ok {
		after.team = string(id.(pulid.ID))
	}
	if id, ok := m.Field("allocated_practitioner_id"); ok {
		after.allocated = string(id.(pulid.ID))
	}
	if slices.Contains(m.ClearedFields(), "allocated_practitioner_id") {
		after.allocated = ""
	}
	if after == before {
		return nil
	}
	gained := slices.DeleteFunc(staffBases(v, after), func(b policy.Basis) bool { return slices.Contains(bases, b) })
	if len(gained) == 0 || (slices.Contains(bases, policy.TeamManager) && after.team == before.team) {
		return nil
	}
	return fault.New(fault.Forbidden, "You cannot give yourself access to a person: allocating them to yourself, or moving them into your own team, is for the manager of their team. Ask them to make the allocation.")
}

func assigned(v *viewer.Viewer, planID pulid.ID) bool {
	for _, a := range v.Assignments {
		if a.PlanID == string(planID) && policy.AssignmentActive(a, v.Now, v.Location) {
			return true
		}
	}
	return false
}

// resolveTarget reads the keys of the row a mutation touches. Reads go
// through the viewer's row filter, so a row the viewer cannot see answers
// NOT_FOUND, as it would on a query.
func resolveTarget(ctx context.Context, kind Kind, m ent.Mutation) (target, error) {
	var t target
	if m.Op().Is(ent.OpUpdate) || m.Op().Is(ent.OpDelete) {
		if v := viewer.FromContext(ctx); v == nil || !v.IsSystem() {
			return t, fault.New(fault.Forbidden, "Changes are made one record at a time.")
		}
		return t, nil
	}
	client := clientOf(m)
	if m.Op().Is(ent.OpCreate) {
		return stampFromParent(ctx, client, kind, m)
	}
	// UpdateOne or DeleteOne: the existing row.
	id, ok := idOf(m)
	if !ok {
		return t, fmt.Errorf("guard: %s mutation without an id", m.Type())
	}
	switch kind {
	case KindPerson:
		p, err := client.Person.Get(ctx, id)
		if err != nil {
			return t, notFound(err, "person")
		}
		t.person = p.ID
		return t, nil
	case KindPlan:
		p, err := client.Plan.Get(ctx, id)
		if err != nil {
			return t, notFound(err, "plan")
		}
		return target{person: p.PersonID, plan: p.ID, planStatus: p.Status}, nil
	}
	if m.Op().Is(ent.OpDeleteOne) {
		return deleteTarget(ctx, client, m.Type(), id)
	}
	personID, err := m.OldField(ctx, "person_id")
	if err != nil {
		return t, notFound(err, "record")
	}
	t.person = personID.(pulid.ID)
	if kind == KindPersonRecord || !inPlan(m) {
		return t, nil // about the person, not one plan version (a concern)
	}
	planID, err := m.OldField(ctx, "plan_id")
	if err != nil {
		return t, notFound(err, "record")
	}
	return planTarget(ctx, client, planID.(pulid.ID))
}

// stampFromParent sets person_id (and plan_id for grandchildren) on a new
// row from the parent it is created under, reading the parent through the
// viewer's row filter.
func stampFromParent(ctx context.Context, client *gen.Client, kind Kind, m ent.Mutation) (target, error) {
	var t target
	switch kind {
	case KindPerson:
		return t, nil
	case KindPersonRecord:
		if id, ok := m.Field("person_id"); ok {
			p, err := client.Person.Get(ctx, id.(pulid.ID))
			if err != nil {
				return t, notFound(err, "person")
			}
			t.person = p.ID
			return t, nil
		}
		return t, fault.Invalid("input.personID", "Say whose record this is part of.")
	case KindPlan:
		id, ok := m.Field("person_id")
		if !ok {
			return t, fault.Invalid("input.personID", "Say whose plan this is.")
		}
		p, err := client.Person.Get(ctx, id.(pulid.ID))
		if err != nil {
			return t, notFound(err, "person")
		}
		t.person = p.ID
		return t, nil
	}
	// Plan content, activity and visit records hang off a plan, an outcome, a risk or a visit.
	if id, ok := m.Field("plan_id"); ok {
		t, err := planTarget(ctx, client, id.(pulid.ID))
		if err != nil {
			return t, err
		}
		return t, m.SetField("person_id", t.person)
	}
	var planID pulid.ID
	switch {
	case has(m, "outcome_id") && m.Type() == gen.TypeOutcomeStep:
		id, _ := m.Field("outcome_id")
		o, err := client.Outcome.Get(ctx, id.(pulid.ID))
		if err != nil {
			return t, notFound(err, "outcome")
		}
		planID = o.PlanID
	case has(m, "risk_id"):
		id, _ := m.Field("risk_id")
		r, err := client.Risk.Get(ctx, id.(pulid.ID))
		if err != nil {
			return t, notFound(err, "risk")
		}
		planID = r.PlanID
	case has(m, "visit_id"):
		id, _ := m.Field("visit_id")
		vi, err := client.Visit.Get(ctx, id.(pulid.ID))
		if err != nil {
			return t, notFound(err, "visit")
		}
		planID = vi.PlanID
	default:
		return t, fault.Invalid("input", "Say which plan this belongs to.")
	}
	t, err := planTarget(ctx, client, planID)
	if err != nil {
		return t, err
	}
	if err := m.SetField("person_id", t.person); err != nil {
		return t, err
	}
	if _, ok := m.Field("plan_id"); !ok && inPlan(m) {
		if err := m.SetField("plan_id", planID); err != nil {
			return t, err
		}
	}
	return t, nil
}

func planTarget(ctx context.Context, client *gen.Client, id pulid.ID) (target, error) {
	p, err := client.Plan.Get(ctx, id)
	if err != nil {
		return target{}, notFound(err, "plan")
	}
	return target{person: p.PersonID, plan: p.ID, planStatus: p.Status}, nil
}

// inPlan reports whether the mutated type belongs to one plan version: it
// has a plan_id (a concern, say, is about the person only).
func inPlan(m ent.Mutation) bool {
	_, ok := m.(interface{ PlanID() (pulid.ID, bool) })
	return ok
}

func has(m ent.Mutation, field string) bool {
	_, ok := m.Field(field)
	return ok
}

func idOf(m ent.Mutation) (pulid.ID, bool) {
	if im, ok := m.(interface{ ID() (pulid.ID, bool) }); ok {
		return im.ID()
	}
	return "", false
}

func clientOf(m ent.Mutation) *gen.Client {
	return m.(interface{ Client() *gen.Client }).Client()
}

func notFound(err error, what string) error {
	if gen.IsNotFound(err) {
		return fault.New(fault.NotFound, "No %s with that id, or none you have a basis to see.", what)
	}
	return err
}

// AppendOnly refuses every update and delete: the audit log only grows.
func AppendOnly() ent.Hook {
	return hook.Reject(ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne)
}

// emergencyAccess is the rule for emergency access (consent.md): a
// practitioner or manager of the authority grants it to themself, for a
// person of the same authority outside their caseload, with a stated reason
// (Caldicott 1), for at most a day; the grant is itself audited and flagged
// for review. It is never edited or removed through the API.
func emergencyAccess(ctx context.Context, v *viewer.Viewer, m ent.Mutation) error {
	if v.IsSystem() {
		return nil
	}
	if !m.Op().Is(ent.OpCreate) {
		return fault.New(fault.Forbidden, "Emergency access is reviewed by information governance; it cannot be changed.")
	}
	if !v.Has(policy.Practitioner) && !v.Has(policy.Manager) {
		return fault.New(fault.Forbidden, "Only practitioners and managers may ask for emergency access.")
	}
	em := m.(*gen.EmergencyAccessMutation)
	personID, _ := em.PersonID()
	// The person is outside the viewer's caseload by design: read past the
	// row filter, but never past the authority.
	p, err := em.Client().Person.Get(privacy.DecisionContext(ctx, privacy.Allow), personID)
	if err != nil || p.AuthorityID != v.Authority() {
		return fault.New(fault.NotFound, "No person with that id in your authority.")
	}
	reason, _ := em.Reason()
	if len(strings.TrimSpace(reason)) < 10 {
		return fault.Invalid("input.reason", "Say why you need emergency access, in a sentence (Caldicott principle 1).")
	}
	expires, _ := em.ExpiresAt()
	if !expires.After(v.Now) || expires.Sub(v.Now) > maxEmergency {
		return fault.Invalid("input.expiresAt", "Emergency access lasts from now for at most 24 hours.")
	}
	em.SetAccountID(v.Account())
	// The grant holds from now, in this very request too: the answer to the
	// mutation may show the record it opens.
	v.Emergency = append(v.Emergency, policy.EmergencyGrant{PersonID: string(personID), Reason: reason, GrantedAt: v.Now, ExpiresAt: expires})
	return em.Client().AuditEvent.Create().SetAuthorityID(v.Authority()).SetOccurredAt(v.Now).
		SetAction("EMERGENCY_ACCESS").SetViewerID(v.Account()).SetViewerName(v.Name).SetViewerRoles(v.Roles).
		SetPersonID(personID).SetSections(policy.AllSections).SetBases([]policy.Basis{policy.EmergencyAccess}).
		SetRequestID(viewer.RequestID(ctx)).SetOperation("requestEmergencyAccess: " + reason).SetFlagged(true).
		Exec(privacy.DecisionContext(ctx, privacy.Allow))
}

// deleteTarget reads the keys of a row about to be deleted (OldField is for
// updates only). Only plan content can be deleted through the API.
func deleteTarget(ctx context.Context, client *gen.Client, typ string, id pulid.ID) (target, error) {
	var planID pulid.ID
	switch typ {
	case gen.TypeOutcome:
		o, err := client.Outcome.Get(ctx, id)
		if err != nil {
			return target{}, notFound(err, "outcome")
		}
		planID = o.PlanID
	case gen.TypeOutcomeStep:
		o, err := client.OutcomeStep.Get(ctx, id)
		if err != nil {
			return target{}, notFound(err, "step")
		}
		planID = o.PlanID
	case gen.TypeRisk:
		o, err := client.Risk.Get(ctx, id)
		if err != nil {
			return target{}, notFound(err, "risk")
		}
		planID = o.PlanID
	case gen.TypeContingency:
		o, err := client.Contingency.Get(ctx, id)
		if err != nil {
			return target{}, notFound(err, "contingency")
		}
		planID = o.PlanID
	default:
		return target{}, fault.New(fault.Forbidden, "Records of this kind are never deleted; they are ended or corrected.")
	}
	return planTarget(ctx, client, planID)
}
