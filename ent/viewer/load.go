package viewer

import (
	"context"
	"fmt"
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
// Grants are read fresh on every request, so a revoked share stops access
// on the very next one.
func Load(ctx context.Context, client *ent.Client, subject string, now time.Time) (*Viewer, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow) // the loader decides who the viewer is; it cannot be filtered by it
	acct, err := client.Account.Query().Where(account.Subject(subject), account.Active(true)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, fault.New(fault.Unauthenticated, "Your sign-in is valid but no active account matches it. Ask your administrator to set up your account.")
	}
	if err != nil {
		return nil, fmt.Errorf("loading account: %w", err)
	}
	loc, err := authorityLocation(ctx, client, acct.AuthorityID)
	if err != nil {
		return nil, err
	}
	v := &Viewer{Name: acct.DisplayName, Record: acct, Location: loc, Now: now.UTC()}
	v.AccountID = string(acct.ID)
	v.AuthorityID = string(acct.AuthorityID)
	v.Roles = acct.Roles
	if err := loadTeams(ctx, client, v); err != nil {
		return nil, err
	}
	if acct.PersonID != nil {
		v.PersonID = string(*acct.PersonID)
	}
	if v.Has(policy.Worker) {
		if err := loadAssignments(ctx, client, v); err != nil {
			return nil, err
		}
	}
	if v.Has(policy.Practitioner) || v.Has(policy.Manager) {
		grants, err := client.EmergencyAccess.Query().
			Where(emergencyaccess.AccountID(acct.ID), emergencyaccess.ExpiresAtGT(now)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading emergency access: %w", err)
		}
		for _, g := range grants {
			v.Emergency = append(v.Emergency, policy.EmergencyGrant{PersonID: string(g.PersonID), Reason: g.Reason, GrantedAt: g.CreatedAt, ExpiresAt: g.ExpiresAt})
		}
	}
	if v.Has(policy.CarerRole) || v.Has(policy.AdvocateRole) || v.Has(policy.RecipientRole) || v.Has(policy.PersonRole) {
		shares, err := client.Share.Query().Where(share.RecipientAccountID(acct.ID)).WithConsent().All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading shares: %w", err)
		}
		for _, s := range shares {
			g := policy.ShareGrant{
				ShareID: string(s.ID), PlanID: string(s.PlanID), PersonID: string(s.PersonID),
				Basis: s.Basis, Sections: s.Sections, ExpiresAt: s.ExpiresAt, RevokedAt: s.RevokedAt,
				Declined: s.Decision == share.DecisionDECLINED,
			}
			if c := s.Edges.Consent; c != nil && c.WithdrawnAt != nil && !c.WithdrawnAt.After(now) {
				g.ConsentWithdrawn = true
			}
			v.Shares = append(v.Shares, g)
		}
	}
	return v, nil
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
