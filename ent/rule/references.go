package rule

import (
	"context"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/need"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// References refuses a write that points a record at another record the
// actor cannot see: a person's team or allocated practitioner, a plan's
// service team, review lead or needs, a visit's worker, a review's
// reviewer… of another authority, or outside the actor's bases. Each
// reference is read through the viewer's row filters (gen.Client.Exists),
// so an id of another authority and an id that does not exist get the same
// NOT_FOUND, naming the field: ids cannot be probed, and the database's
// foreign-key error (a CONFLICT "would duplicate") is never the answer.
// A plan's needs must also be its own person's.
//
// Guard has already read the parent a row is created under (person_id,
// plan_id) through the same filters, and stamped it; the internal system
// (demo loads, migrations) is trusted. Emergency access points at a person
// outside the actor's caseload by design and has its own rule.
func References(kind Kind) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			if kind == KindEmergencyAccess || v == nil || v.IsSystem() || !m.Op().Is(ent.OpCreate|ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			if err := checkReferences(ctx, m); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

func checkReferences(ctx context.Context, m ent.Mutation) error {
	client := clientOf(m)
	for _, edge := range m.AddedEdges() {
		target := gen.EdgeTargets[m.Type()][edge]
		if target == "" {
			continue
		}
		attr := edge
		if _, ok := m.Field(edge + "_id"); ok {
			attr = edge + "_id"
		}
		for _, raw := range m.AddedIDs(edge) {
			id, ok := raw.(pulid.ID)
			if !ok {
				continue
			}
			found, err := client.Exists(ctx, target, id)
			if err != nil {
				return err
			}
			if !found {
				return &fault.Error{Code: fault.NotFound, Attr: attr,
					Message: "Nothing with this id, or nothing you have a basis to see. Choose one from your own authority's records."}
			}
		}
		if m.Type() == gen.TypePlan && edge == "needs" {
			if err := ownNeeds(ctx, m, client); err != nil {
				return err
			}
		}
	}
	return nil
}

// ownNeeds: R1(a), the needs a plan prevents, reduces or delays are its
// person's, recorded in their formal record of needs.
func ownNeeds(ctx context.Context, m ent.Mutation, client *gen.Client) error {
	var person pulid.ID
	if p, ok := m.Field("person_id"); ok {
		person = p.(pulid.ID)
	} else if p, err := m.OldField(ctx, "person_id"); err == nil {
		person = p.(pulid.ID)
	} else {
		return err
	}
	var ids []pulid.ID
	for _, raw := range m.AddedIDs("needs") {
		ids = append(ids, raw.(pulid.ID))
	}
	others, err := client.Need.Query().Where(need.IDIn(ids...), need.PersonIDNEQ(person)).Exist(ctx)
	if err != nil {
		return err
	}
	if others {
		return &fault.Error{Code: fault.InvalidInput, Attr: "needs", Rule: "R1",
			Message: "A plan addresses the needs of its own person. Choose needs from this person's record of needs."}
	}
	return nil
}
