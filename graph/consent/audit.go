package consent

import (
	"context"
	"fmt"
	"sort"

	"reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
)

// disclosure accumulates what one person's record disclosed in a request.
type disclosure struct {
	plans    map[pulid.ID]bool
	sections map[policy.Section]bool
	bases    map[policy.Basis]bool
	flagged  bool
}

func (r *Request) note(k Key, s policy.Section, b policy.Basis, flagged bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.audit[k.Person]
	if d == nil {
		d = &disclosure{plans: map[pulid.ID]bool{}, sections: map[policy.Section]bool{}, bases: map[policy.Basis]bool{}}
		r.audit[k.Person] = d
	}
	if k.Plan != "" {
		d.plans[k.Plan] = true
	}
	d.sections[s] = true
	d.bases[b] = true
	d.flagged = d.flagged || flagged
}

// Flush writes one audit event per person disclosed in the request, in one
// statement, and reports whether it worked: the caller must not send the
// data when it did not. For a mutation, client is the transaction's, so
// the record of what its answer disclosed commits with the change it made,
// on the connection the mutation already holds.
func (r *Request) Flush(ctx context.Context, client *ent.Client, requestID, operation string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.audit) == 0 {
		return nil
	}
	people := make([]pulid.ID, 0, len(r.audit))
	for p := range r.audit {
		people = append(people, p)
	}
	sort.Slice(people, func(i, j int) bool { return people[i] < people[j] })
	v := r.viewer
	builders := make([]*ent.AuditEventCreate, 0, len(people))
	for _, p := range people {
		d := r.audit[p]
		b := client.AuditEvent.Create().
			SetAuthorityID(v.Authority()).
			SetOccurredAt(v.Now).
			SetAction(auditevent.ActionDISCLOSURE).
			SetViewerID(v.Account()).
			SetViewerName(v.Name).
			SetViewerRoles(v.Roles).
			SetPersonID(p).
			SetSections(sortedSections(d.sections)).
			SetBases(sortedBases(d.bases)).
			SetRequestID(requestID).
			SetOperation(operation).
			SetFlagged(d.flagged)
		if len(d.plans) == 1 {
			for plan := range d.plans {
				b.SetPlanID(plan)
			}
		}
		builders = append(builders, b)
	}
	// The audit log is written by the system on the viewer's behalf; the
	// viewer may have no basis to read it back.
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	if err := client.AuditEvent.CreateBulk(builders...).Exec(ctx); err != nil {
		return fmt.Errorf("consent: writing %d audit events: %w", len(builders), err)
	}
	r.audit = map[pulid.ID]*disclosure{}
	return nil
}

func sortedSections(m map[policy.Section]bool) []policy.Section {
	var out []policy.Section
	for _, s := range policy.AllSections {
		if m[s] {
			out = append(out, s)
		}
	}
	return out
}

func sortedBases(m map[policy.Basis]bool) []policy.Basis {
	out := make([]policy.Basis, 0, len(m))
	for b := range m {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
