package graph

import (
	"context"
	"errors"
	"fmt"

	"reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/viewer"
	"reablement/graph/model"
)

// errDryRun ends a preview's transaction: what it wrote is never kept.
var errDryRun = errors.New("preview: rolled back")

// previewShare runs sharePlan's rules on the proposed share inside a
// transaction that is always rolled back, so the preview refuses exactly
// what sharing would refuse; then it asks the consent policy what the
// recipient would see under that share.
func (r *Resolver) previewShare(ctx context.Context, input ent.CreateShareInput) (*model.SharePreview, error) {
	tx, err := r.Client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	s, err := tx.Share.Create().SetInput(input).Save(ctx)
	if err != nil {
		return nil, err
	}
	if err := tx.Rollback(); err != nil {
		return nil, fmt.Errorf("%w: %w", errDryRun, err)
	}
	p, err := r.ent(ctx).Plan.Get(ctx, input.PlanID)
	if err != nil {
		return nil, err
	}
	g := policy.ShareGrant{PlanID: string(s.PlanID), PersonID: string(s.PersonID), Basis: s.Basis, Sections: s.Sections,
		ExpiresAt: s.ExpiresAt, Declined: s.Decision == "DECLINED"}
	v := viewer.FromContext(ctx)
	d := policy.PreviewShare(string(s.RecipientKind), g, v.Now, v.Location)
	access := make([]model.SectionAccess, 0, len(policy.AllSections))
	for _, sec := range policy.AllSections {
		a := model.SectionAccess{Section: sec}
		if b, ok := d.Allows(sec); ok {
			a.Allowed, a.Basis = true, &b
		}
		access = append(access, a)
	}
	return &model.SharePreview{Plan: p, RecipientName: s.RecipientName, Access: access}, nil
}
