package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/demo"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// demoSubjectPrefix marks the accounts the demo generator made; only they
// can be signed in as through the development signer.
const demoSubjectPrefix = demo.SubjectPrefix

// demoTokenTTL is a working day: demo tokens do not outlive a session.
const demoTokenTTL = 8 * time.Hour

func (r *Resolver) me(ctx context.Context) (*model.Viewer, error) {
	v := viewer.FromContext(ctx)
	return &model.Viewer{Roles: v.Roles, Today: v.Today()}, nil
}

// accountName is an account's name, or sign-in name, as the viewer may see
// it: a role in words for outside viewers and analysts (policy.AccountName).
func accountName(ctx context.Context, a *ent.Account, name string) string {
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return name
	}
	return policy.AccountName(v.Viewer, string(a.ID), a.Roles, name)
}

// displayName is an account's display name as the viewer may see it
// (policy.DisplayName: the person is told the names of the care staff
// reached through an edge of their own record, one gated by @section).
func displayName(ctx context.Context, a *ent.Account) string {
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return a.DisplayName
	}
	return policy.DisplayName(v.Viewer, string(a.ID), a.Roles, a.DisplayName, reachedThroughRecord(ctx))
}

// reachedThroughRecord reports whether the account being resolved was
// reached through an edge of a person's record: the field that returned it
// is gated by @section (Person.allocatedPractitioner, Visit.worker…).
func reachedThroughRecord(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	for p := fc.Parent; p != nil; p = p.Parent {
		if p.Index != nil || p.Field.Field == nil {
			continue // an item of a list: the list's field decides
		}
		_, _, gated := consent.FieldSection(p.Object, p.Field.Name)
		return gated
	}
	return false
}

// meAccount is the signed-in account, as loaded for the request: no query.
func (r *Resolver) meAccount(ctx context.Context) (*ent.Account, error) {
	if v := viewer.FromContext(ctx); v != nil && v.Record != nil {
		return v.Record, nil
	}
	return nil, fault.New(fault.Unauthenticated, "Sign in to see who you are signed in as.")
}

// meAuthority is the viewer's council, read only when asked for.
func (r *Resolver) meAuthority(ctx context.Context) (*ent.Authority, error) {
	return r.ent(ctx).Authority.Get(ctx, viewer.FromContext(ctx).Authority())
}

func (r *Resolver) demoAccounts(ctx context.Context) ([]model.DemoAccount, error) {
	if r.Signer == nil {
		return nil, fault.New(fault.Forbidden, "Demo sign-in is off on this server. Sign in through your council's identity provider.")
	}
	// Before sign-in there is no viewer to filter by: list only demo accounts.
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	accts, err := r.Client.Account.Query().
		Where(account.SubjectHasPrefix(demoSubjectPrefix), account.Active(true)).
		WithTeams().Order(ent.Asc(account.FieldUsername)).All(ctx)
	if err != nil {
		return nil, err
	}
	described := map[string]string{}
	for _, d := range demo.DemoAccounts {
		described[d.Username] = d.Description
	}
	out := make([]model.DemoAccount, 0, len(accts))
	for _, a := range accts {
		d := model.DemoAccount{Username: a.Username, DisplayName: a.DisplayName, Roles: a.Roles, Description: described[a.Username]}
		if d.Description == "" {
			d.Description = a.JobTitle
		}
		if len(a.Edges.Teams) > 0 {
			d.TeamName = &a.Edges.Teams[0].Name
		}
		out = append(out, d)
	}
	return out, nil
}

func (r *Resolver) signInAsDemo(ctx context.Context, username string) (*model.SignInResult, error) {
	if r.Signer == nil {
		return nil, fault.New(fault.Forbidden, "Demo sign-in is off on this server. Sign in through your council's identity provider.")
	}
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	a, err := r.Client.Account.Query().
		Where(account.Username(username), account.SubjectHasPrefix(demoSubjectPrefix), account.Active(true)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, fault.Invalid("username", "There is no demo account called %q.", username)
	}
	if err != nil {
		return nil, err
	}
	token, exp, err := r.Signer.Mint(a.Subject, demoTokenTTL)
	if err != nil {
		return nil, err
	}
	return &model.SignInResult{Token: token, ExpiresAt: exp}, nil
}

// pseudonym is a keyed hash of the person's id: stable, so analysts can
// follow a person across queries, and not derivable outside the system
// without the key (consent.md, analysts).
func (r *Resolver) pseudonym(p *ent.Person) string {
	mac := hmac.New(sha256.New, r.PseudonymKey)
	mac.Write([]byte(p.AuthorityID))
	mac.Write([]byte{0})
	mac.Write([]byte(p.ID))
	sum := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(mac.Sum(nil))
	return "P-" + sum[:16]
}

// ageBand gives the age in the bands of adult social care returns.
func ageBand(ctx context.Context, dob time.Time) *string {
	today := viewer.FromContext(ctx).Today()
	age := today.Year() - dob.Year()
	if today.YearDay() < dob.YearDay() {
		age--
	}
	var band string
	switch {
	case age < 18:
		band = "under 18"
	case age < 65:
		band = "18-64"
	case age < 75:
		band = "65-74"
	case age < 85:
		band = "75-84"
	default:
		band = "85+"
	}
	return &band
}

func viewerAccess(ctx context.Context, obj any) ([]model.SectionAccess, error) {
	rows, err := consent.ViewerAccess(ctx, obj)
	if err != nil {
		return nil, err
	}
	return sectionAccess(rows), nil
}

// sectionAccess is consent's section-by-section access as the API shows it.
func sectionAccess(rows []consent.Access) []model.SectionAccess {
	out := make([]model.SectionAccess, len(rows))
	for i, a := range rows {
		out[i] = model.SectionAccess{Section: a.Section, Allowed: a.Allowed, Basis: a.Basis, CodedOnly: a.CodedOnly, WithheldFromPerson: a.WithheldFromPerson}
	}
	return out
}

// visitAddress is the address for visits: the one recorded for visits, or
// else the home address with its postcode. The @section directive has
// already decided the viewer may see CONTACT.
func visitAddress(p *ent.Person) *string {
	if strings.TrimSpace(p.VisitAddress) != "" {
		return &p.VisitAddress
	}
	if p.Address == "" {
		return nil
	}
	a := p.Address
	if p.Postcode != "" && !strings.Contains(a, p.Postcode) {
		a += ", " + p.Postcode
	}
	return &a
}
