package graph

import (
	"context"

	"reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// previewShare runs sharePlan's rules on the proposed share inside a
// transaction that is always rolled back, so the preview refuses exactly
// what sharing would refuse; then it asks the consent policy what the
// recipient would see under that share.
func (r *Resolver) previewShare(ctx context.Context, input ent.CreateShareInput) (*model.SharePreview, error) {
	tx, err := r.Client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }() // a preview never keeps what it wrote
	// Everything the preview reads, the consent layer's facts included,
	// goes through the transaction: one connection, not two.
	ctx = ent.NewTxContext(ctx, tx)
	s, err := tx.Share.Create().SetInput(input).Save(ctx)
	if err != nil {
		return nil, err
	}
	p, err := tx.Plan.Get(ctx, input.PlanID)
	if err != nil {
		return nil, err
	}
	g := policy.ShareGrant{PlanID: string(s.PlanID), PersonID: string(s.PersonID), Basis: s.Basis, Sections: s.Sections,
		ExpiresAt: s.ExpiresAt, Declined: s.Decision == "DECLINED"}
	v := viewer.FromContext(ctx)
	d := policy.PreviewShare(string(s.RecipientKind), g, v.Now, v.Location)
	return &model.SharePreview{Plan: p, RecipientName: s.RecipientName, Access: sectionAccess(consent.AccessOf(d))}, nil
}
