package rule

import (
	"context"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/consent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/policy"
	"reablement/ent/viewer"
)

// ShareRules applies R20-R24 to every new share, whoever makes it: the
// recipient's kind fixes the basis, a carer's copy is full unless the
// person (with capacity) asked otherwise, anyone else needs consent, a best-
// interests decision or the person's request, and a limited or declined
// request needs the manager's advice and a reason.
func ShareRules() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.ShareFunc(func(ctx context.Context, m *gen.ShareMutation) (ent.Value, error) {
			personID, _ := m.PersonID()
			client := m.Client()
			p, err := client.Person.Get(ctx, personID)
			if err != nil {
				return nil, notFound(err, "person")
			}
			kind, _ := m.RecipientKind()
			basis, _ := m.Basis()
			sections, _ := m.Sections()
			decision, _ := m.Decision()
			reason, _ := m.DecisionReason()
			advice, _ := m.ManagerAdvice()
			requested, _ := m.RequestedByPerson()
			proposal := policy.ShareProposal{
				RecipientKind: string(kind), Basis: basis, Sections: sections,
				PersonHasCapacity: !p.LacksCapacityForPlanning, RequestedByPerson: requested,
				Decision: string(decision), DecisionReason: reason, ManagerAdvice: advice,
			}
			sharedAt, ok := m.SharedAt()
			if !ok {
				sharedAt = viewer.Now(ctx)
				m.SetSharedAt(sharedAt)
			}
			if id, ok := m.ConsentID(); ok {
				c, err := client.Consent.Get(ctx, id)
				if err != nil {
					return nil, notFound(err, "consent")
				}
				if c.PersonID != personID {
					return nil, fault.Invalid("input.consentID", "That decision is about someone else. Choose a consent or best-interests decision recorded for this person.")
				}
				// Judged as of the share: consent withdrawn later ends the
				// share's access (policy), it does not unmake the record.
				current := c.Purpose == consent.PurposeSHARING && (c.WithdrawnAt == nil || c.WithdrawnAt.After(sharedAt))
				proposal.ConsentGiven = current && c.GivenBy != consent.GivenByBEST_INTERESTS
				proposal.BestInterestsRecorded = current && c.GivenBy == consent.GivenByBEST_INTERESTS
			}
			if err := policy.CheckShare(proposal); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpCreate)
}
