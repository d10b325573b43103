package viewer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"entgo.io/ent/dialect/sql"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/emergencyaccess"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/ent/share"
	"reablement/ent/team"
	"reablement/ent/visit"
)

// Load builds the viewer for the account a token's subject names: the
// account and its teams, then only the grants its roles can hold (a worker's
// visit assignments, a practitioner's emergency access, a carer's shares).
// Everything is read fresh; the server goes through a Cache instead.
func Load(ctx context.Context, client *ent.Client, subject string, now time.Time) (*Viewer, error) {
	return (*Cache)(nil).Load(ctx, client, subject, now)
}

// Cache keeps each account's row and grants (teams, visit windows,
// emergency access, shares) between requests, so signing in reads nothing
// at all (issue 14; it was the account row and three or four statements
// more). The row carries grants_version, which the database itself bumps
// in the transaction that changes the account or any of its grants
// (migrations viewer_grants_triggers and account_changes_bump_grants_version),
// whoever writes and on whichever server.
//
// A viewer built from the cache is Unconfirmed: its answer leaves only once
// the database has said, in the statement that writes the request's audit
// events or in Confirm's, that the account is still active at the version
// cached. When it is not, the request is answered afresh with LoadFresh
// (server/app), so a revoked grant or a deactivated account never reaches
// an answer, just as when the row was read first; the check is made after
// the work rather than before it, which is later and so stricter. Grants
// that lapse with time (a share's or an emergency access's expiry, a
// consent withdrawn from a date) are compared with the request's clock
// every time, as before. One Cache per server (per ent client): versions
// are per database.
type Cache struct {
	mu        sync.Mutex
	bySubject map[string]*signedIn // by the token's subject
}

// signedIn is an account row as last read, with its authority's time zone
// and its grants as of the row's grants_version.
type signedIn struct {
	acct   *ent.Account
	loc    *time.Location
	grants *grants
}

// ErrStale says the account changed, or was deactivated, since the viewer
// was cached.
var ErrStale = errors.New("the account changed since it was cached")

// maxCached bounds the cache; an authority has a few thousand accounts at
// most, so this is a guard against growth, not an eviction policy.
const maxCached = 20000

// grants is what Load reads beyond the account row, as of one version.
type grants struct {
	version                                 int64
	roles                                   []policy.Role
	teamIDs, managedTeamIDs, serviceTeamIDs []string
	emergency                               []policy.EmergencyGrant
	assignments                             []policy.Assignment
	shares                                  []policy.ShareGrant
	// withdrawn is when each share's consent was (or will be) withdrawn,
	// parallel to shares: ShareGrant.ConsentWithdrawn is set per request.
	withdrawn []*time.Time
}

// heldBy reports whether g are the grants of acct as it is: read at its
// grants_version and for its roles (the roles say which grants were read).
func (g *grants) heldBy(acct *ent.Account) bool {
	return g != nil && g.version == acct.GrantsVersion && slices.Equal(g.roles, acct.Roles)
}

// NewCache returns an empty viewer cache.
func NewCache() *Cache { return &Cache{bySubject: map[string]*signedIn{}} }

func (c *Cache) get(subject string) *signedIn {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bySubject[subject]
}

// keep keeps s for subject, or forgets subject when s is nil.
func (c *Cache) keep(subject string, s *signedIn) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s == nil {
		delete(c.bySubject, subject)
		return
	}
	if len(c.bySubject) >= maxCached {
		clear(c.bySubject)
	}
	c.bySubject[subject] = s
}

// Load builds the viewer for subject from the cache, reading nothing, when
// it holds the account; the viewer is then Unconfirmed. Otherwise it is
// LoadFresh.
func (c *Cache) Load(ctx context.Context, client *ent.Client, subject string, now time.Time) (*Viewer, error) {
	if s := c.get(subject); s != nil {
		v := newViewer(s.acct, s.loc, now)
		v.pending = &pending{}
		s.grants.apply(v)
		return v, nil
	}
	return c.LoadFresh(ctx, client, subject, now)
}

// LoadFresh reads the account row, reusing the grants cached for it when
// they are as of its current grants_version, and keeps both for Load.
func (c *Cache) LoadFresh(ctx context.Context, client *ent.Client, subject string, now time.Time) (*Viewer, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow) // the loader decides who the viewer is; it cannot be filtered by it
	acct, err := client.Account.Query().Where(account.Subject(subject), account.Active(true)).Only(ctx)
	if ent.IsNotFound(err) {
		c.keep(subject, nil)
		return nil, fault.New(fault.Unauthenticated, "Your sign-in is valid but no active account matches it. Ask your administrator to set up your account.")
	}
	if err != nil {
		return nil, fmt.Errorf("loading account: %w", err)
	}
	loc, err := authorityLocation(ctx, client, acct.AuthorityID)
	if err != nil {
		return nil, err
	}
	v := newViewer(acct, loc, now)
	// Grants are read after the version: they are at least as new as it,
	// so a change between the two reads only costs a reload later.
	var g *grants
	if s := c.get(subject); s != nil && s.grants.heldBy(acct) {
		g = s.grants
	} else if g, err = loadGrants(ctx, client, v, acct.GrantsVersion, now); err != nil {
		return nil, err
	}
	c.keep(subject, &signedIn{acct: acct, loc: loc, grants: g})
	g.apply(v)
	return v, nil
}

// newViewer is the viewer of the account row acct, before its grants. The
// row is copied: the cache's is shared between requests.
func newViewer(acct *ent.Account, loc *time.Location, now time.Time) *Viewer {
	rec := *acct
	v := &Viewer{Name: rec.DisplayName, Record: &rec, Location: loc, Now: now.UTC(), version: rec.GrantsVersion}
	v.AccountID = string(rec.ID)
	v.AuthorityID = string(rec.AuthorityID)
	v.Roles = rec.Roles
	if rec.PersonID != nil {
		v.PersonID = string(*rec.PersonID)
	}
	return v
}

// Confirm asks the database whether an Unconfirmed viewer's account is
// still active at its GrantsVersion, for a request that disclosed nothing
// (the audit write asks otherwise, with the same ConfirmedSQL). When it is
// not, v is marked stale and Confirm returns ErrStale.
func Confirm(ctx context.Context, client *ent.Client, v *Viewer) error {
	if !v.Unconfirmed() {
		return nil
	}
	rows := &sql.Rows{}
	if err := client.Driver().Query(ctx, "SELECT "+ConfirmedSQL("$1", "$2"), []any{v.AccountID, v.version}, rows); err != nil {
		return fmt.Errorf("confirming the viewer: %w", err)
	}
	defer rows.Close()
	ok := false
	if rows.Next() {
		if err := rows.Scan(&ok); err != nil {
			return fmt.Errorf("confirming the viewer: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("confirming the viewer: %w", err)
	}
	if !ok {
		v.MarkStale()
		return ErrStale
	}
	v.Confirmed()
	return nil
}

// ConfirmedSQL is the condition, in SQL, that an Unconfirmed viewer's
// answer may leave: the account (the parameter named by account) is still
// active at the grants_version it was cached at (version).
func ConfirmedSQL(account, version string) string {
	return `EXISTS (SELECT 1 FROM "accounts" WHERE "accounts"."id" = ` + account +
		` AND "accounts"."active" AND "accounts"."grants_version" = ` + version + `)`
}

// apply gives v the grants, deciding what depends on the request's clock.
// The slices are shared between requests and never written to.
func (g *grants) apply(v *Viewer) {
	v.TeamIDs, v.ManagedTeamIDs, v.ServiceTeamIDs = g.teamIDs, g.managedTeamIDs, g.serviceTeamIDs
	v.Assignments = g.assignments
	for _, e := range g.emergency {
		if e.ExpiresAt.After(v.Now) {
			v.Emergency = append(v.Emergency, e)
		}
	}
	if len(g.shares) > 0 {
		v.Shares = make([]policy.ShareGrant, len(g.shares))
		for i, s := range g.shares {
			w := g.withdrawn[i]
			s.ConsentWithdrawn = w != nil && !w.After(v.Now)
			v.Shares[i] = s
		}
	}
}

// loadGrants reads the grants of v's account that its roles can hold.
func loadGrants(ctx context.Context, client *ent.Client, v *Viewer, version int64, now time.Time) (*grants, error) {
	g := &grants{version: version, roles: slices.Clone(v.Roles)}
	if err := loadTeams(ctx, client, v); err != nil {
		return nil, err
	}
	g.teamIDs, g.managedTeamIDs, g.serviceTeamIDs = slices.Clip(v.TeamIDs), slices.Clip(v.ManagedTeamIDs), slices.Clip(v.ServiceTeamIDs)
	id := v.Account()
	if v.Has(policy.Worker) {
		if err := loadAssignments(ctx, client, v); err != nil {
			return nil, err
		}
		g.assignments = slices.Clip(v.Assignments)
	}
	if v.Has(policy.Practitioner) || v.Has(policy.Manager) {
		// Those already expired can never count again.
		rows, err := client.EmergencyAccess.Query().
			Where(emergencyaccess.AccountID(id), emergencyaccess.ExpiresAtGT(now)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading emergency access: %w", err)
		}
		for _, e := range rows {
			g.emergency = append(g.emergency, policy.EmergencyGrant{PersonID: string(e.PersonID), Reason: e.Reason, GrantedAt: e.CreatedAt, ExpiresAt: e.ExpiresAt})
		}
	}
	if v.Has(policy.CarerRole) || v.Has(policy.AdvocateRole) || v.Has(policy.RecipientRole) || v.Has(policy.PersonRole) {
		shares, err := client.Share.Query().Where(share.RecipientAccountID(id)).WithConsent().All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading shares: %w", err)
		}
		for _, s := range shares {
			g.shares = append(g.shares, policy.ShareGrant{
				ShareID: string(s.ID), PlanID: string(s.PlanID), PersonID: string(s.PersonID),
				Basis: s.Basis, Sections: slices.Clip(s.Sections), ExpiresAt: s.ExpiresAt, RevokedAt: s.RevokedAt,
				Declined: s.Decision == share.DecisionDECLINED,
			})
			var w *time.Time
			if c := s.Edges.Consent; c != nil {
				w = c.WithdrawnAt
			}
			g.withdrawn = append(g.withdrawn, w)
		}
	}
	v.TeamIDs, v.ManagedTeamIDs, v.ServiceTeamIDs, v.Assignments = nil, nil, nil, nil
	return g, nil
}

// loadTeams reads, in one query, the teams the account works in, manages
// and runs as registered manager: one statement instead of one per edge,
// on every request.
func loadTeams(ctx context.Context, client *ent.Client, v *Viewer) error {
	id := v.Account()
	var rows []struct {
		ID      pulid.ID `sql:"id"`
		Member  bool     `sql:"member"`
		Manages bool     `sql:"manages"`
		Runs    bool     `sql:"runs"`
	}
	err := client.Team.Query().
		Where(team.Or(team.HasMembersWith(account.ID(id)), team.HasManagerWith(account.ID(id)), team.HasRegisteredManagerWith(account.ID(id)))).
		Modify(func(s *sql.Selector) {
			is := func(column string) sql.Querier {
				return sql.P(func(b *sql.Builder) {
					b.WriteString("COALESCE(").Ident(s.C(column)).WriteString(" = ").Arg(id).WriteString(", false)")
				})
			}
			members := sql.Table(account.TeamsTable)
			inTeam := sql.P(func(b *sql.Builder) {
				b.WriteString("EXISTS (").Join(sql.Select(members.C(account.TeamsPrimaryKey[1])).From(members).
					Where(sql.And(sql.ColumnsEQ(members.C(account.TeamsPrimaryKey[0]), s.C(team.FieldID)), sql.EQ(members.C(account.TeamsPrimaryKey[1]), id)))).WriteString(")")
			})
			s.Select(s.C(team.FieldID))
			s.AppendSelectExprAs(inTeam, "member")
			s.AppendSelectExprAs(is(account.ManagedTeamsColumn), "manages")
			s.AppendSelectExprAs(is(account.ServicesColumn), "runs")
		}).Scan(ctx, &rows)
	if err != nil {
		return fmt.Errorf("loading teams: %w", err)
	}
	for _, r := range rows {
		if r.Member {
			v.TeamIDs = append(v.TeamIDs, string(r.ID))
		}
		if r.Manages {
			v.ManagedTeamIDs = append(v.ManagedTeamIDs, string(r.ID))
		}
		if r.Runs {
			v.ServiceTeamIDs = append(v.ServiceTeamIDs, string(r.ID))
		}
	}
	return nil
}

// loadAssignments reads, in one query, the first and last visit the worker
// has on each plan; the policy turns them into access windows.
func loadAssignments(ctx context.Context, client *ent.Client, v *Viewer) error {
	var rows []struct {
		PlanID   pulid.ID  `json:"plan_id"`
		PersonID pulid.ID  `json:"person_id"`
		First    time.Time `json:"first"`
		Last     time.Time `json:"last"`
	}
	err := client.Visit.Query().
		Where(visit.WorkerID(v.Account()), visit.StatusNEQ(visit.StatusCANCELLED)).
		GroupBy(visit.FieldPlanID, visit.FieldPersonID).
		Aggregate(ent.As(ent.Min(visit.FieldStartsAt), "first"), ent.As(ent.Max(visit.FieldStartsAt), "last")).
		Scan(ctx, &rows)
	if err != nil {
		return fmt.Errorf("loading visit assignments: %w", err)
	}
	for _, r := range rows {
		v.Assignments = append(v.Assignments, policy.Assignment{PlanID: string(r.PlanID), PersonID: string(r.PersonID), FirstVisit: r.First, LastVisit: r.Last})
	}
	return nil
}

// authorities caches each authority's time zone: it changes rarely, and
// reading it on every request would cost a query per request.
var authorities sync.Map // pulid.ID -> *time.Location

func authorityLocation(ctx context.Context, client *ent.Client, id pulid.ID) (*time.Location, error) {
	if loc, ok := authorities.Load(id); ok {
		return loc.(*time.Location), nil
	}
	a, err := client.Authority.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("loading authority: %w", err)
	}
	loc, err := time.LoadLocation(a.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("authority %s has an unknown time zone %q: %w", a.Name, a.TimeZone, err)
	}
	authorities.Store(id, loc)
	return loc, nil
}
