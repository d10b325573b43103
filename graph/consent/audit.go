package consent

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
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
	n := noting{k: k, s: s, b: b, flagged: flagged}
	if r.noted == n {
		return // the same record, section and basis as the field before
	}
	r.noted = n
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
// data when it did not. For a mutation, client is the transaction's, so the
// record of what its answer disclosed commits with the change it made, on
// the connection the mutation already holds.
//
// The statement takes its rows as arrays (unnest): 13 parameters whatever
// the number of people, where a multi-row VALUES had 14 a row (an analyst's
// page of 100 plans wrote 73 rows with 1,000 parameters, which PostgreSQL
// parsed and planned on every request; issue 14). What it writes is what
// ent's AuditEvent would: the same columns, ids from pulid as the schema's
// default makes them, JSON arrays as ent marshals them. The table's own
// guard (append-only) is a trigger, so it holds for this statement too;
// ent's AppendOnly hook only refuses updates and deletes.
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
	roles, err := json.Marshal(v.Roles)
	if err != nil {
		return fmt.Errorf("consent: audit: %w", err)
	}
	n := len(people)
	ids, persons, plans, sections, bases := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	flagged := make([]bool, n)
	for i, p := range people {
		d := r.audit[p]
		ids[i], persons[i] = string(pulid.New(auditPrefix)), string(p)
		if len(d.plans) == 1 {
			for plan := range d.plans {
				plans[i] = string(plan)
			}
		}
		sections[i], bases[i], flagged[i] = jsonStrings(sortedSections(d.sections)), jsonStrings(sortedBases(d.bases)), d.flagged
	}
	query, args := auditInsert, []any{
		pq.StringArray(ids), v.AuthorityID, v.Now, string(auditevent.ActionDISCLOSURE), v.AccountID, v.Name, string(roles),
		pq.StringArray(persons), pq.StringArray(plans), pq.StringArray(sections), pq.StringArray(bases),
		requestID, operation, pq.BoolArray(flagged),
	}
	unconfirmed := v.Unconfirmed()
	if unconfirmed {
		query, args = auditInsertConfirming, append(args, v.GrantsVersion(), v.AccountID)
	}
	var res sql.Result
	if err := client.Driver().Exec(ctx, query, args, &res); err != nil {
		return fmt.Errorf("consent: writing %d audit events: %w", n, err)
	}
	got, err := res.RowsAffected()
	if err == nil && got == 0 && unconfirmed {
		v.MarkStale() // nothing written, nothing sent: answered afresh
		return viewer.ErrStale
	}
	if err != nil || got != int64(n) {
		return fmt.Errorf("consent: writing %d audit events: %d written (%v)", n, got, err)
	}
	if unconfirmed {
		v.Confirmed()
	}
	r.audit = map[pulid.ID]*disclosure{}
	r.noted = noting{}
	return nil
}

// auditPrefix is AuditEvent's id prefix (ent/schema: withID("AE")).
const auditPrefix = "AE"

// auditInsert writes a request's disclosures, one row per element of the
// arrays; a row's plan is NULL when the request showed none or several of
// that person's plan versions.
const auditInsert = `INSERT INTO "audit_events" ("id", "authority_id", "occurred_at", "action", "viewer_id", "viewer_name", "viewer_roles",
  "person_id", "plan_id", "sections", "bases", "request_id", "operation", "flagged")
SELECT u.id, $2, $3, $4, $5, $6, $7::jsonb, u.person_id, NULLIF(u.plan_id, ''), u.sections::jsonb, u.bases::jsonb, $12, $13, u.flagged
FROM unnest($1::text[], $8::text[], $9::text[], $10::text[], $11::text[], $14::boolean[]) AS u(id, person_id, plan_id, sections, bases, flagged)`

// auditInsertConfirming is auditInsert for a viewer built from the cache
// without reading its account (viewer.Cache): it writes the rows only if
// the account is still active at the grants_version the viewer was built
// at ($15; $16 is the account, the same as $5, which PostgreSQL would give
// two types), and none otherwise. The same statement both records the
// disclosure and confirms the viewer was entitled to it, so signing in
// costs no statement of its own (issue 14).
var auditInsertConfirming = auditInsert + "\nWHERE " + viewer.ConfirmedSQL("$16", "$15")

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
	slices.Sort(out)
	return out
}

// jsonStrings is the JSON array of ss, as json.Marshal writes it, without
// its reflection: an analyst's page writes two arrays for each of some 70
// people (issue 14). Sections and bases are the policy's constants, capital
// letters and underscores, written as they are; anything that would need
// escaping goes through json.Marshal.
func jsonStrings[S ~string](ss []S) string {
	switch {
	case ss == nil:
		return "null"
	case len(ss) == 0:
		return "[]"
	}
	b := make([]byte, 0, 64)
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		if plainJSON(string(s)) {
			b = append(b, '"')
			b = append(b, s...)
			b = append(b, '"')
			continue
		}
		q, _ := json.Marshal(string(s)) // a string always marshals
		b = append(b, q...)
	}
	b = append(b, ']')
	return string(b)
}

// plainJSON reports whether s is written in JSON as it is, between quotes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}
