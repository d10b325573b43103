// Package viewer carries who is asking through a request: the account, its
// roles and the grants the database holds for it (loaded once per request),
// so that row filters, hooks and the consent directive all decide from the
// same facts.
package viewer

import (
	"context"
	"slices"
	"sync/atomic"
	"time"

	"reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
)

// Viewer is the signed-in account with its grants.
type Viewer struct {
	policy.Viewer
	// Name is the account's display name, recorded in audit events.
	Name string
	// Record is the account row as loaded for this request, so that asking
	// who is signed in costs no further query.
	Record *ent.Account
	// Location is the authority's time zone, for "today" and calendar days.
	Location *time.Location
	// Now is when the request started; every decision in a request uses it.
	Now time.Time
	// system marks internal work (migrations, demo data): no row filter.
	system bool
	// version is the account's grants_version the roles and grants are as of.
	version int64
	// pending is set when the viewer was built from the cache without
	// reading the account row: see Unconfirmed.
	pending *pending
}

// pending is the database's word on a viewer built from the cache.
type pending struct {
	confirmed, stale atomic.Bool
}

// GrantsVersion is the account's grants_version that the viewer's roles and
// grants are as of: any change to the account row or its grants bumps it
// (migrations viewer_grants_triggers, account_changes_bump_grants_version).
func (v *Viewer) GrantsVersion() int64 { return v.version }

// Unconfirmed reports whether the viewer was built from the cache and the
// database has not yet said its account is still active at GrantsVersion.
// Its answer must not leave until the database has: the audit write checks
// it in the same statement (consent.Request.Flush), and Confirm in one of
// its own when nothing was disclosed (issue 14: signing in reads nothing).
func (v *Viewer) Unconfirmed() bool {
	return v != nil && v.pending != nil && !v.pending.confirmed.Load()
}

// Confirmed records that the database said the account is active at
// GrantsVersion.
func (v *Viewer) Confirmed() {
	if v != nil && v.pending != nil {
		v.pending.confirmed.Store(true)
	}
}

// MarkStale records that the database said the account changed (or was
// deactivated) since the viewer was cached: whatever was worked out for it
// must not leave, and the request is answered afresh (server/app).
func (v *Viewer) MarkStale() {
	if v != nil && v.pending != nil {
		v.pending.stale.Store(true)
	}
}

// Stale reports whether MarkStale was called.
func (v *Viewer) Stale() bool { return v != nil && v.pending != nil && v.pending.stale.Load() }

// Has reports whether the viewer holds the role.
func (v *Viewer) Has(r policy.Role) bool { return v != nil && slices.Contains(v.Roles, r) }

// AnalystOnly reports whether every role the viewer holds is the
// analyst's: someone who sees pseudonymised coded values and nothing else.
func (v *Viewer) AnalystOnly() bool {
	return v != nil && len(v.Roles) > 0 && !slices.ContainsFunc(v.Roles, func(r policy.Role) bool { return r != policy.Analyst })
}

// IsSystem reports whether this is internal work rather than a person.
func (v *Viewer) IsSystem() bool { return v != nil && v.system }

// Account returns the viewer's account id.
func (v *Viewer) Account() pulid.ID { return pulid.ID(v.AccountID) }

// Authority returns the viewer's authority id.
func (v *Viewer) Authority() pulid.ID { return pulid.ID(v.AuthorityID) }

// Today returns the viewer's calendar day in the authority's time zone, as
// midnight UTC of that date (how dates are stored).
func (v *Viewer) Today() time.Time {
	loc := v.Location
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := v.Now.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Day returns the start and end of a calendar day in the authority's time
// zone, in UTC. date is midnight UTC of that day (how dates are stored); a
// zero date means today. A day is 23 or 25 hours long when the clocks change.
func (v *Viewer) Day(date time.Time) (start, end time.Time) {
	if date.IsZero() {
		date = v.Today()
	}
	loc := v.Location
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := date.Date()
	start = time.Date(y, m, d, 0, 0, 0, 0, loc)
	end = time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	return start.UTC(), end.UTC()
}

// IsStaff reports whether the viewer works for the authority in a role that
// sees care records through allocation (practitioner, manager, registered
// manager, worker).
func (v *Viewer) IsStaff() bool {
	return v != nil && slices.ContainsFunc(v.Roles, func(r policy.Role) bool { return slices.Contains(policy.CareStaff, r) })
}

// Now is the request's clock: every time a request stamps or compares
// (a confirmation, an expiry, "today") comes from the one instant the
// request started, so the rules and what they check agree. Without a
// viewer (internal work) it is the wall clock.
func Now(ctx context.Context) time.Time {
	if v := FromContext(ctx); v != nil && !v.Now.IsZero() {
		return v.Now
	}
	return time.Now().UTC()
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// System returns ctx carrying a system viewer for one authority: used by
// migrations and the demo-data generator, never by a request.
func System(ctx context.Context, authorityID pulid.ID) context.Context {
	v := &Viewer{system: true, Now: time.Now().UTC(), Location: time.UTC, Name: "system"}
	v.AuthorityID = string(authorityID)
	return NewContext(ctx, v)
}

type requestIDKey struct{}

// WithRequestID returns ctx carrying the request id, which audit events
// record so they can be matched with server logs.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request id in ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
