package rule

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	gen "reablement/ent"
	"reablement/ent/concern"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/person"
	"reablement/ent/policy"
	"reablement/ent/predicate"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// AcknowledgeOnce: a concern leaves the due list when a practitioner or
// manager acknowledges it, once, and the record keeps who and when. A
// worker who raised it cannot make it go away.
func AcknowledgeOnce() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ConcernFunc(func(ctx context.Context, m *gen.ConcernMutation) (ent.Value, error) {
			if _, acknowledging := m.AcknowledgedAt(); !acknowledging {
				return next.Mutate(ctx, m)
			}
			v := viewer.FromContext(ctx)
			if v == nil || !(v.Has(policy.Practitioner) || v.Has(policy.Manager) || v.IsSystem()) {
				return nil, fault.New(fault.Forbidden, "Only a practitioner or manager can acknowledge a concern.")
			}
			if old, err := m.OldAcknowledgedAt(ctx); err == nil && old != nil {
				return nil, fault.New(fault.Conflict, "This concern was already acknowledged on %s; nothing more is needed.", old.Format(time.DateOnly))
			}
			if !v.IsSystem() {
				m.SetAcknowledgedByID(pulid.ID(v.AccountID))
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// CloseConcern: a concern is closed once, by a practitioner or manager, and
// only with what was done recorded (issue 13): the actions taken, and for a
// safeguarding concern also the decision about a section 42 enquiry (Care
// Act 2014) and the outcome. A one-click close would leave nobody able to
// say what happened to a concern a worker raised. Closing acknowledges it
// too, if nobody had.
func CloseConcern() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ConcernFunc(func(ctx context.Context, m *gen.ConcernMutation) (ent.Value, error) {
			if _, closing := m.ClosedAt(); !closing {
				return next.Mutate(ctx, m)
			}
			v := viewer.FromContext(ctx)
			if v == nil || !(v.Has(policy.Practitioner) || v.Has(policy.Manager) || v.IsSystem()) {
				return nil, fault.New(fault.Forbidden, "Only a practitioner or manager can close a concern.")
			}
			old, err := m.OldClosedAt(ctx)
			if err != nil {
				return nil, err
			}
			if old != nil {
				return nil, fault.New(fault.Conflict, "This concern was already closed on %s. Reload the due list to see what was recorded.", old.Format(time.DateOnly))
			}
			kind, err := m.OldKind(ctx)
			if err != nil {
				return nil, err
			}
			var problems []fault.Problem
			if a, _ := m.ActionsTaken(); strings.TrimSpace(a) == "" {
				problems = append(problems, fault.Problem{Field: concern.FieldActionsTaken, Message: "Say what was done about the concern."})
			}
			if kind == concern.KindSAFEGUARDING {
				if _, ok := m.Section42Decision(); !ok {
					problems = append(problems, fault.Problem{Field: concern.FieldSection42Decision, Message: "Say whether the council is making a section 42 enquiry."})
				}
				if o, _ := m.Outcome(); strings.TrimSpace(o) == "" {
					problems = append(problems, fault.Problem{Field: concern.FieldOutcome, Message: "Say how the concern ended for the person."})
				}
			} else if _, ok := m.Section42Decision(); ok {
				problems = append(problems, fault.Problem{Field: concern.FieldSection42Decision, Message: "A section 42 decision is only for a safeguarding concern. Leave it out."})
			}
			if len(problems) > 0 {
				return nil, &fault.Error{Code: fault.InvalidInput, Attr: problems[0].Field, Problems: problems,
					Message: "Record what was done before closing the concern: " + problems[0].Message}
			}
			if !v.IsSystem() {
				m.SetClosedByID(pulid.ID(v.AccountID))
				if ack, err := m.OldAcknowledgedAt(ctx); err == nil && ack == nil {
					at, _ := m.ClosedAt()
					m.SetAcknowledgedAt(at)
					m.SetAcknowledgedByID(pulid.ID(v.AccountID))
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// ConcernRoute says who must act on a concern of one kind (issue 13). The
// allocated practitioner acts on every kind; a health concern goes to them
// at once, ahead of everything but safeguarding; a safeguarding concern
// also goes to the manager of the person's team, who decides with the
// practitioner about a section 42 enquiry. A person with no allocated
// practitioner has every concern routed to their team and its manager, so
// none reaches no one.
type ConcernRoute struct {
	// TeamManager: the manager of the person's allocated team acts too.
	TeamManager bool
	// Urgency orders the due list: lower first.
	Urgency int
}

// ConcernRoutes is the routing table, one place for every kind.
var ConcernRoutes = map[concern.Kind]ConcernRoute{
	concern.KindSAFEGUARDING:     {TeamManager: true, Urgency: 0},
	concern.KindHEALTH:           {Urgency: 1},
	concern.KindHOME_ENVIRONMENT: {Urgency: 2},
	concern.KindEQUIPMENT:        {Urgency: 2},
	concern.KindOTHER:            {Urgency: 3},
}

// ConcernsRoutedTo selects the open concerns routed to v by ConcernRoutes:
// those of people allocated to v; of unallocated people in v's teams; and,
// for a manager, of their teams' people where the kind goes to the team
// manager or nobody is allocated. The row filter still applies on top.
func ConcernsRoutedTo(v *viewer.Viewer) predicate.Concern {
	var managerKinds []any
	for k, r := range ConcernRoutes {
		if r.TeamManager {
			managerKinds = append(managerKinds, string(k))
		}
	}
	teams := func(ids []string) []any {
		out := make([]any, len(ids))
		for i, id := range ids {
			out[i] = id
		}
		return out
	}
	return predicate.Concern(func(s *sql.Selector) {
		p := sql.Table(person.Table)
		allocated := sql.EQ(p.C(person.FieldAllocatedPractitionerID), v.AccountID)
		conds := []*sql.Predicate{allocated}
		if len(v.TeamIDs) > 0 {
			conds = append(conds, sql.And(sql.IsNull(p.C(person.FieldAllocatedPractitionerID)), sql.In(p.C(person.FieldTeamID), teams(v.TeamIDs)...)))
		}
		routed := sql.Select(p.C(person.FieldID)).From(p).Where(sql.Or(conds...))
		pred := sql.In(s.C(concern.FieldPersonID), routed)
		if len(v.ManagedTeamIDs) > 0 {
			// A second alias: one selector per subquery.
			q := sql.Table(person.Table)
			teamPeople := sql.Select(q.C(person.FieldID)).From(q).Where(sql.In(q.C(person.FieldTeamID), teams(v.ManagedTeamIDs)...))
			r := sql.Table(person.Table)
			unallocated := sql.Select(r.C(person.FieldID)).From(r).Where(sql.And(sql.In(r.C(person.FieldTeamID), teams(v.ManagedTeamIDs)...), sql.IsNull(r.C(person.FieldAllocatedPractitionerID))))
			pred = sql.Or(pred,
				sql.And(sql.In(s.C(concern.FieldKind), managerKinds...), sql.In(s.C(concern.FieldPersonID), teamPeople)),
				sql.In(s.C(concern.FieldPersonID), unallocated))
		}
		s.Where(sql.And(sql.IsNull(s.C(concern.FieldClosedAt)), pred))
	})
}
