package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/advice"
	"reablement/ent/amendment"
	"reablement/ent/auditevent"
	"reablement/ent/authority"
	"reablement/ent/capacityassessment"
	"reablement/ent/carer"
	"reablement/ent/concern"
	"reablement/ent/consent"
	"reablement/ent/contact"
	"reablement/ent/contingency"
	"reablement/ent/emergencyaccess"
	"reablement/ent/episode"
	"reablement/ent/fault"
	"reablement/ent/involvement"
	"reablement/ent/need"
	"reablement/ent/outcome"
	"reablement/ent/outcomestep"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/progress"
	"reablement/ent/review"
	"reablement/ent/risk"
	"reablement/ent/schema/pulid"
	"reablement/ent/share"
	"reablement/ent/team"
	"reablement/ent/visit"
	"reablement/graph/limits"
)

// tablesByPrefix maps an id's type prefix to its table, built from each
// type's own id generator so the prefixes are written down only once.
var tablesByPrefix = func() map[string]string {
	m := map[string]string{}
	for table, gen := range map[string]func() pulid.ID{
		account.Table: account.DefaultID, advice.Table: advice.DefaultID, amendment.Table: amendment.DefaultID,
		auditevent.Table: auditevent.DefaultID, authority.Table: authority.DefaultID,
		capacityassessment.Table: capacityassessment.DefaultID, carer.Table: carer.DefaultID, concern.Table: concern.DefaultID,
		consent.Table: consent.DefaultID, contact.Table: contact.DefaultID, contingency.Table: contingency.DefaultID,
		emergencyaccess.Table: emergencyaccess.DefaultID, episode.Table: episode.DefaultID, involvement.Table: involvement.DefaultID, need.Table: need.DefaultID,
		outcome.Table: outcome.DefaultID, outcomestep.Table: outcomestep.DefaultID, person.Table: person.DefaultID,
		plan.Table: plan.DefaultID, progress.Table: progress.DefaultID, review.Table: review.DefaultID, risk.Table: risk.DefaultID,
		share.Table: share.DefaultID, team.Table: team.DefaultID, visit.Table: visit.DefaultID,
	} {
		m[gen().Prefix()] = table
	}
	return m
}()

// nodeType finds the table of an id from its prefix. A malformed or unknown
// id is simply not found: ids cannot be probed.
func nodeType(_ context.Context, id pulid.ID) (string, error) {
	if t, ok := tablesByPrefix[id.Prefix()]; ok {
		return t, nil
	}
	return "", fault.New(fault.NotFound, "Nothing with id %q, or nothing you have a basis to see.", string(id))
}

func (r *Resolver) node(ctx context.Context, id pulid.ID) (ent.Noder, error) {
	n, err := r.ent(ctx).Noder(ctx, id, ent.WithNodeType(nodeType))
	if ent.IsNotFound(err) {
		return nil, fault.New(fault.NotFound, "Nothing with id %q, or nothing you have a basis to see.", string(id))
	}
	return n, err
}

// nodes loads up to limits.MaxListValues records by id with one query per
// table (ent's Noders groups the ids by prefix), not one per id. An id that
// is unknown, or that the viewer has no basis to see, is a null in the
// list with a NOT_FOUND error at its index; the rest still load.
func (r *Resolver) nodes(ctx context.Context, ids []pulid.ID) ([]ent.Noder, error) {
	if len(ids) > limits.MaxListValues {
		return nil, fault.Invalid("ids", "nodes takes at most %d ids; %d were sent. Ask in smaller batches.", limits.MaxListValues, len(ids))
	}
	if len(ids) == 1 {
		// ent's Noders fails the whole list for a single missing id.
		n, err := r.node(ctx, ids[0])
		if err != nil {
			graphql.AddError(graphql.WithPathContext(ctx, graphql.NewPathWithIndex(0)), err)
		}
		return []ent.Noder{n}, nil
	}
	return r.ent(ctx).Noders(ctx, ids, ent.WithNodeType(nodeType))
}
