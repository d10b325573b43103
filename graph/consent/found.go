package consent

import (
	"context"
	"fmt"

	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
)

// Found decides, for each person a search matched, what the search may show
// (policy.Found on the viewer's own decision) and notes it for the audit:
// the match shows identity, so IDENTITY is disclosed on the viewer's basis,
// or on SEARCH for someone outside their caseload. The facts of all of them
// are read in one query. A person the viewer may not find is left out of the
// answer's map, and noted nowhere.
func Found(ctx context.Context, people []pulid.ID) (map[pulid.ID]policy.Decision, error) {
	r := FromContext(ctx)
	if r == nil {
		return nil, fmt.Errorf("consent: no decision for a search")
	}
	if err := r.prime(ctx, people); err != nil {
		return nil, err
	}
	out := make(map[pulid.ID]policy.Decision, len(people))
	for _, p := range people {
		k := Key{Person: p}
		d, err := r.Decide(ctx, k)
		if err != nil {
			return nil, err
		}
		// The SEARCH decision is kept out of the request's decisions: it is
		// not a basis for any field of the record itself.
		f := policy.Found(r.viewer.Viewer, d)
		basis, ok := f.Allows(policy.Identity)
		if !ok {
			continue
		}
		r.note(k, policy.Identity, basis, f.Flagged)
		out[p] = f
	}
	return out, nil
}

// prime reads the facts of the people this request has not seen yet.
func (r *Request) prime(ctx context.Context, people []pulid.ID) error {
	if !r.needsFacts() {
		return nil
	}
	r.mu.Lock()
	var missing []pulid.ID
	for _, p := range people {
		if _, ok := r.facts[p]; !ok {
			missing = append(missing, p)
		}
	}
	r.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	return r.load(ctx, missing)
}
