// Package consent enforces consent.md on every gated field of every
// response through one mechanism: the @section directive. Per request it
// keeps the viewer's decisions (one per person and plan version, made once)
// and the disclosures to audit, and it writes the audit events before the
// response leaves: no disclosure without its record.
package consent

import (
	"context"
	"fmt"
	"sync"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// Key names the record a gated value belongs to: a person, and a plan
// version when the value is part of one.
type Key struct {
	Person pulid.ID
	Plan   pulid.ID
}

// KeyOf returns the record key of an object the API returns, and false for
// objects that are not part of anyone's record. The table behind it is
// generated from the ent schema (ent.RecordKeyOf), so a new entity cannot
// be half-wired.
func KeyOf(obj any) (Key, bool) {
	person, plan, ok := ent.RecordKeyOf(obj)
	return Key{Person: person, Plan: plan}, ok
}

// facts are what the policy needs to know of a person beyond the viewer's
// own grants: who the record is allocated to and which services deliver it.
type facts struct {
	team, allocated string
	services        []string
	// withheld: sections withheld from the person's own view, and why.
	withheld []policy.Section
	reason   string
}

// Request is one request's consent state.
type Request struct {
	drv    dialect.Driver
	viewer *viewer.Viewer

	mu        sync.Mutex
	facts     map[pulid.ID]facts
	decisions map[Key]policy.Decision
	audit     map[pulid.ID]*disclosure
	// last is the latest decision looked up, and noted the latest
	// disclosure noted: a record's fields are resolved one after another,
	// so most look-ups are for the record just before, and a string
	// comparison saves hashing two ids for every field (issue 14).
	last  decided
	noted noting
}

type decided struct {
	ok bool // whether k and d hold a decision yet
	k  Key
	d  policy.Decision
}

type noting struct {
	k       Key
	s       policy.Section
	b       policy.Basis
	flagged bool
}

type ctxKey struct{}

// NewRequest returns ctx carrying fresh consent state for v's request. drv
// (the ent client's driver) reads person facts in batches for queries; a
// mutation's reads go through its own transaction instead (see driver).
func NewRequest(ctx context.Context, drv dialect.Driver, v *viewer.Viewer) (context.Context, *Request) {
	r := &Request{drv: drv, viewer: v, facts: map[pulid.ID]facts{}, decisions: map[Key]policy.Decision{}, audit: map[pulid.ID]*disclosure{}}
	return context.WithValue(ctx, ctxKey{}, r), r
}

// FromContext returns the request's consent state, or nil.
func FromContext(ctx context.Context) *Request {
	r, _ := ctx.Value(ctxKey{}).(*Request)
	return r
}

// needsFacts: staff bases depend on the person's allocation, and the
// person's own view on what is withheld from them; a worker's, a share
// holder's and an analyst's depend on neither.
func (r *Request) needsFacts() bool {
	v := r.viewer
	return v.Has(policy.Practitioner) || v.Has(policy.Manager) || v.Has(policy.RegisteredManager) || v.Has(policy.PersonRole)
}

// Decide returns the viewer's decision for a record, made once per request.
func (r *Request) Decide(ctx context.Context, k Key) (policy.Decision, error) {
	return r.decide(ctx, k, nil)
}

// decide is Decide for a field of row. A person this very mutation created
// is not in the database the facts are read from until its transaction
// commits, after the answer is built; their facts then come from the row
// itself. The row is looked at only for a record's first decision.
func (r *Request) decide(ctx context.Context, k Key, row *ent.Person) (policy.Decision, error) {
	r.mu.Lock()
	if r.last.ok && r.last.k == k {
		d := r.last.d
		r.mu.Unlock()
		return d, nil
	}
	if d, ok := r.decisions[k]; ok {
		r.last = decided{ok: true, k: k, d: d}
		r.mu.Unlock()
		return d, nil
	}
	_, known := r.facts[k.Person]
	r.mu.Unlock()
	if r.needsFacts() && !known {
		// Normally primed in bulk when the rows were loaded (Prime); this
		// covers rows that reached the API another way.
		if err := r.load(ctx, []pulid.ID{k.Person}); err != nil {
			return policy.Decision{}, err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f := r.facts[k.Person]
	if r.needsFacts() && f.team == "" && row != nil && row.ID == k.Person { // every stored person has a team
		f = facts{team: string(row.TeamID), withheld: row.WithheldFromPerson, reason: row.WithholdingReason}
		if row.AllocatedPractitionerID != nil {
			f.allocated = string(*row.AllocatedPractitionerID)
		}
		r.facts[k.Person] = f
	}
	rec := policy.Record{
		PersonID: string(k.Person), PlanID: string(k.Plan), AuthorityID: r.viewer.AuthorityID,
		TeamID: f.team, AllocatedPractitionerID: f.allocated, ServiceTeamIDs: f.services,
		WithheldFromPerson: f.withheld,
	}
	d := policy.Decide(r.viewer.Viewer, rec, r.viewer.Now, r.viewer.Location)
	r.decisions[k] = d
	r.last = decided{ok: true, k: k, d: d}
	return d, nil
}

// Prime reads, in one query, the facts of every person among loaded rows
// that this request has not seen yet: a page of 100 plans costs one query,
// not 100.
func (r *Request) Prime(ctx context.Context, value any) error {
	if !r.needsFacts() {
		return nil
	}
	var missing []pulid.ID
	seen := map[pulid.ID]bool{}
	r.mu.Lock()
	ent.EachRecordKey(value, func(person, _ pulid.ID) {
		if _, ok := r.facts[person]; !ok && !seen[person] && person != "" {
			seen[person] = true
			missing = append(missing, person)
		}
	})
	r.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	return r.load(ctx, missing)
}

// driver is where person facts are read from: the mutation's transaction
// when ctx carries one, the pool otherwise. A mutation holds one pooled
// connection for its whole transaction; reading facts on a second one would
// make each writer need two connections at once, and under load (80
// workers recording visits) every writer would hold one and wait for
// another until the pool ran dry. Inside the transaction the reads also
// see the mutation's own writes (a person it just created).
func (r *Request) driver(ctx context.Context) dialect.Driver {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client().Driver()
	}
	return r.drv
}

func (r *Request) load(ctx context.Context, ids []pulid.ID) error {
	strs := make([]string, len(ids))
	for i, id := range ids {
		strs[i] = string(id)
	}
	rows := &entsql.Rows{}
	err := r.driver(ctx).Query(ctx, `
		SELECT p.id, p.team_id, COALESCE(p.allocated_practitioner_id, ''),
		       COALESCE(array_agg(DISTINCT pl.service_team_id) FILTER (WHERE pl.service_team_id IS NOT NULL), '{}'),
		       COALESCE(array(SELECT jsonb_array_elements_text(p.withheld_from_person)), '{}'),
		       COALESCE(p.withholding_reason, '')
		FROM persons p LEFT JOIN plans pl ON pl.person_id = p.id
		WHERE p.id = ANY($1) AND p.authority_id = $2
		GROUP BY p.id`, []any{pq.Array(strs), r.viewer.AuthorityID}, rows)
	if err != nil {
		return fmt.Errorf("consent: reading person facts: %w", err)
	}
	defer rows.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	for rows.Next() {
		var id string
		var f facts
		var withheld []string
		if err := rows.Scan(&id, &f.team, &f.allocated, pq.Array(&f.services), pq.Array(&withheld), &f.reason); err != nil {
			return fmt.Errorf("consent: reading person facts: %w", err)
		}
		for _, s := range withheld {
			f.withheld = append(f.withheld, policy.Section(s))
		}
		r.facts[pulid.ID(id)] = f
	}
	for _, id := range ids { // a person not found gets empty facts, so it is not asked for again
		if _, ok := r.facts[id]; !ok {
			r.facts[id] = facts{}
		}
	}
	return rows.Err()
}
