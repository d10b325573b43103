// Package rule holds the model-layer rules every query and mutation passes,
// whatever entry point it comes from: the tenant filter (nothing crosses
// authorities), the row-level scope (a viewer sees only records they have a
// basis for, consent.md), and the write guards (who may change what, and a
// superseded plan version never changes, R25).
//
// The section-by-section decision for fields lives in ent/policy; the row
// filters here are its SQL mirror: a row is returned exactly when the policy
// would grant the viewer at least one section of it.
package rule

import (
	"context"
	"slices"

	entgo "entgo.io/ent"

	"entgo.io/ent/dialect/sql"
	"github.com/lib/pq"

	"reablement/ent/intercept"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/viewer"
)

// Scope says where a type keeps the keys its visibility depends on.
type Scope struct {
	// PersonCol is the column holding the person's id ("id" for people).
	PersonCol string
	// PlanCol is the column holding the plan version's id, if the row
	// belongs to one plan version ("id" for plans).
	PlanCol string
	// Section is the section a row discloses by existing (see Record);
	// empty for people and plans, which any section makes visible.
	Section policy.Section
}

// FilterTenant keeps every query inside the viewer's authority. A query with
// no viewer at all is refused: every request has one, and internal work uses
// viewer.System.
func FilterTenant(col string) privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, f entgo.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("no viewer in context")
		}
		where(f, sql.FieldEQ(col, v.AuthorityID))
		return privacy.Skip
	})
}

// FilterScope keeps rows the viewer has a basis for (consent.md, "which
// records"). Lists and counts never include other rows, and fetching one by
// id answers not found.
func FilterScope(sc Scope) privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, f entgo.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("no viewer in context")
		}
		if v.IsSystem() {
			return privacy.Skip
		}
		where(f, func(s *sql.Selector) { s.Where(scopePredicate(s, v, sc)) })
		return privacy.Skip
	})
}

// scopePredicate is the union of every basis the viewer's roles can hold,
// each counted only where it grants the row's section: the SQL mirror of
// policy.Decide followed by policy.RowVisible.
func scopePredicate(s *sql.Selector, v *viewer.Viewer, sc Scope) *sql.Predicate {
	personCol := s.C(sc.PersonCol)
	var ors []*sql.Predicate
	grants := func(ss []policy.Section) bool {
		return sc.Section == "" || len(ss) == 0 || slices.Contains(ss, sc.Section)
	}

	if v.Has(policy.Analyst) {
		return analystScope(s, v, sc, grants(policy.AnalystSections))
	}

	var teams []any
	if v.Has(policy.Practitioner) || v.Has(policy.Manager) {
		if v.Has(policy.Practitioner) {
			for _, t := range v.TeamIDs {
				teams = append(teams, t)
			}
		}
		if v.Has(policy.Manager) {
			for _, t := range v.ManagedTeamIDs {
				teams = append(teams, t)
			}
		}
		// Allocation is a practitioner's basis only (policy.Decide).
		var caseloadBy []*sql.Predicate
		if len(teams) > 0 {
			caseloadBy = append(caseloadBy, sql.In(person.FieldTeamID, teams...))
		}
		if v.Has(policy.Practitioner) {
			caseloadBy = append(caseloadBy, sql.EQ(person.FieldAllocatedPractitionerID, v.AccountID))
		}
		if len(caseloadBy) > 0 {
			caseload := sql.Select(person.FieldID).From(sql.Table(person.Table)).Where(sql.Or(caseloadBy...))
			ors = append(ors, sql.In(personCol, caseload))
		}
		var emergency []any
		for _, g := range v.Emergency {
			if g.ExpiresAt.After(v.Now) {
				emergency = append(emergency, g.PersonID)
			}
		}
		if len(emergency) > 0 {
			ors = append(ors, sql.In(personCol, emergency...))
		}
	}
	if v.Has(policy.RegisteredManager) && len(v.ServiceTeamIDs) > 0 && grants(policy.ServiceProviderSections) {
		services := make([]any, len(v.ServiceTeamIDs))
		for i, t := range v.ServiceTeamIDs {
			services[i] = t
		}
		delivered := sql.Select(plan.FieldPersonID).From(sql.Table(plan.Table)).Where(sql.In(plan.FieldServiceTeamID, services...))
		ors = append(ors, sql.In(personCol, delivered))
	}
	var plans, people []any
	if v.Has(policy.Worker) && grants(policy.WorkerSections) {
		for _, a := range v.Assignments {
			if policy.AssignmentActive(a, v.Now, v.Location) {
				plans = append(plans, a.PlanID)
				people = append(people, a.PersonID)
			}
		}
	}
	if v.Has(policy.CarerRole) || v.Has(policy.AdvocateRole) || v.Has(policy.RecipientRole) || v.Has(policy.PersonRole) {
		for _, g := range v.Shares {
			if g.Active(v.Now) && grants(g.Sections) {
				plans = append(plans, g.PlanID)
				people = append(people, g.PersonID)
			}
		}
	}
	switch {
	case sc.PlanCol != "" && len(plans) > 0:
		ors = append(ors, sql.In(s.C(sc.PlanCol), plans...))
	case sc.PlanCol == "" && len(people) > 0:
		ors = append(ors, sql.In(personCol, people...))
	}
	isPerson := v.Has(policy.PersonRole) && v.PersonID != ""
	if isPerson {
		ors = append(ors, sql.EQ(personCol, v.PersonID))
	}
	if len(ors) == 0 {
		return sql.False()
	}
	if isPerson && sc.Section != "" {
		// Third-party information withheld from the person by decision is
		// withheld on every basis they hold (policy.Decide does the same).
		withheld := sql.Select(person.FieldID).From(sql.Table(person.Table)).
			Where(sql.And(sql.EQ(person.FieldID, v.PersonID), sql.P(func(b *sql.Builder) {
				b.Ident("withheld_from_person").WriteString(" ? ").Arg(string(sc.Section))
			})))
		return sql.And(sql.Or(ors...), sql.NotIn(personCol, withheld))
	}
	return sql.Or(ors...)
}

// analystScope: analysts see the whole authority, pseudonymised field by
// field, but never a row whose existence is an identifying section's. As in
// policy.Decide, the statistics basis counts only for records the account
// has no other basis for (an analyst who is also a carer, say).
func analystScope(s *sql.Selector, v *viewer.Viewer, sc Scope, statistics bool) *sql.Predicate {
	others := *v
	others.Roles = slices.DeleteFunc(slices.Clone(v.Roles), func(r policy.Role) bool { return r == policy.Analyst })
	if len(others.Roles) == 0 {
		if statistics {
			return sql.ExprP("TRUE")
		}
		return sql.False()
	}
	own := scopePredicate(s, &others, sc)
	if !statistics {
		return own
	}
	anyBasis := scopePredicate(s, &others, Scope{PersonCol: sc.PersonCol, PlanCol: sc.PlanCol})
	return sql.Or(own, sql.Not(anyBasis))
}

// FilterAudit shows the audit log to information governance in full, to
// practitioners and managers for the people in their scope, and to a person
// for their own record (Caldicott principle 8).
func FilterAudit() privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, f entgo.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("no viewer in context")
		}
		if v.IsSystem() || v.Has(policy.Auditor) {
			return privacy.Skip
		}
		where(f, func(s *sql.Selector) {
			staff := &viewer.Viewer{Viewer: policy.Viewer{AccountID: v.AccountID, TeamIDs: v.TeamIDs, ManagedTeamIDs: v.ManagedTeamIDs, Emergency: v.Emergency, PersonID: v.PersonID}, Now: v.Now, Location: v.Location}
			for _, r := range v.Roles {
				if r == policy.Practitioner || r == policy.Manager || r == policy.PersonRole {
					staff.Roles = append(staff.Roles, r)
				}
			}
			s.Where(scopePredicate(s, staff, Scope{PersonCol: "person_id"}))
		})
		return privacy.Skip
	})
}

// FilterAccounts shows every account of the authority to staff, analysts
// and auditors; someone outside it (a carer, an advocate, the person) sees
// their own account and staff accounts, which name staff to them by role
// only (policy.AccountName), so a carer knows a reablement worker visits
// without learning who else holds an account.
func FilterAccounts() privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, f entgo.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("no viewer in context")
		}
		if v.IsSystem() || v.IsStaff() || v.Has(policy.Analyst) || v.Has(policy.Auditor) {
			return privacy.Skip
		}
		where(f, outsideAccounts(v))
		return privacy.Skip
	})
}

// staffRoleNames are policy.CareStaff, as the roles column stores them.
var staffRoleNames = func() []string {
	out := make([]string, len(policy.CareStaff))
	for i, r := range policy.CareStaff {
		out[i] = string(r)
	}
	return out
}()

// outsideAccounts is what someone outside the authority sees of accounts:
// their own and staff's.
func outsideAccounts(v *viewer.Viewer) func(*sql.Selector) {
	return func(s *sql.Selector) {
		staff := sql.P(func(b *sql.Builder) {
			b.Ident(s.C("roles")).WriteString(" ?| ").Arg(pq.Array(staffRoleNames))
		})
		s.Where(sql.Or(sql.EQ(s.C("id"), v.AccountID), staff))
	}
}

// where adds an SQL predicate to any generated query, through ent's
// generic WhereP.
func where(q entgo.Query, p func(*sql.Selector)) {
	gq, err := intercept.NewQuery(q)
	if err != nil {
		panic(err) // every generated query type is known to intercept
	}
	gq.WhereP(p)
}
