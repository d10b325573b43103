// INTERIM: written by the lead engineer so the rest of the tree compiles while
// the policy package is being finished. The policy package owner replaces this
// whole file with the real implementation (same exported API) and its tests.

package policy

import (
	"slices"
	"time"
)

type EmergencyGrant struct {
	PersonID, Reason     string
	GrantedAt, ExpiresAt time.Time
}
type Assignment struct {
	PlanID, PersonID      string
	FirstVisit, LastVisit time.Time
}
type ShareGrant struct {
	ShareID, PlanID, PersonID  string
	Basis                      Basis
	Sections                   []Section
	ExpiresAt, RevokedAt       *time.Time
	ConsentWithdrawn, Declined bool
}

func (g ShareGrant) Active(now time.Time) bool {
	return !g.Declined && !g.ConsentWithdrawn && (g.RevokedAt == nil || g.RevokedAt.After(now)) && (g.ExpiresAt == nil || g.ExpiresAt.After(now))
}

type Viewer struct {
	AccountID, AuthorityID                  string
	Roles                                   []Role
	TeamIDs, ManagedTeamIDs, ServiceTeamIDs []string
	PersonID                                string
	Emergency                               []EmergencyGrant
	Assignments                             []Assignment
	Shares                                  []ShareGrant
}
type Record struct {
	PersonID, TeamID, AllocatedPractitionerID string
	ServiceTeamIDs                            []string
	PlanID                                    string
	WithheldFromPerson                        []Section
	AuthorityID                               string
}
type Decision struct {
	Grants    map[Section]Basis
	CodedOnly bool
	Flagged   bool
	Reason    string
}

func (d Decision) Allows(s Section) (Basis, bool) { b, ok := d.Grants[s]; return b, ok }
func (d Decision) Any() bool                      { return len(d.Grants) > 0 }

func day(t time.Time, loc *time.Location) time.Time {
	y, m, dd := t.In(loc).Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}
func AssignmentActive(a Assignment, now time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = time.UTC
	}
	start := day(a.FirstVisit, loc).AddDate(0, 0, -1)
	end := day(a.LastVisit, loc).AddDate(0, 0, 2)
	return !now.Before(start) && now.Before(end)
}

var workerSections = []Section{Contact, Communication, Needs, Outcomes, Visits, WorkerSupport, OtherSupport, Risks}

func Decide(v Viewer, r Record, now time.Time, loc *time.Location) Decision {
	d := Decision{Grants: map[Section]Basis{}}
	if v.AuthorityID != r.AuthorityID {
		return d
	}
	grant := func(b Basis, ss []Section) {
		for _, s := range ss {
			if _, ok := d.Grants[s]; !ok {
				d.Grants[s] = b
			}
		}
	}
	has := func(role Role) bool { return slices.Contains(v.Roles, role) }
	if has(Practitioner) && r.AllocatedPractitionerID == v.AccountID && v.AccountID != "" {
		grant(Allocated, AllSections)
	}
	if has(Practitioner) && slices.Contains(v.TeamIDs, r.TeamID) {
		grant(TeamMember, AllSections)
	}
	if has(Manager) && slices.Contains(v.ManagedTeamIDs, r.TeamID) {
		grant(TeamManager, AllSections)
	}
	if has(Practitioner) || has(Manager) {
		for _, g := range v.Emergency {
			if g.PersonID == r.PersonID && g.ExpiresAt.After(now) {
				grant(EmergencyAccess, AllSections)
				d.Flagged = true
			}
		}
	}
	if has(RegisteredManager) {
		for _, s := range r.ServiceTeamIDs {
			if slices.Contains(v.ServiceTeamIDs, s) {
				var ss []Section
				for _, x := range AllSections {
					if x != Safeguarding && x != Finance {
						ss = append(ss, x)
					}
				}
				grant(ServiceProvider, ss)
			}
		}
	}
	if has(Worker) {
		for _, a := range v.Assignments {
			if (r.PlanID == "" && a.PersonID == r.PersonID || r.PlanID != "" && a.PlanID == r.PlanID) && AssignmentActive(a, now, loc) {
				grant(ProviderDuty, workerSections)
			}
		}
	}
	if has(CarerRole) || has(AdvocateRole) || has(RecipientRole) || has(PersonRole) {
		for _, g := range v.Shares {
			if !g.Active(now) || g.PersonID != r.PersonID || (r.PlanID != "" && g.PlanID != r.PlanID) {
				continue
			}
			ss := g.Sections
			if len(ss) == 0 {
				ss = AllSections
			}
			grant(g.Basis, ss)
		}
	}
	if has(PersonRole) && v.PersonID == r.PersonID {
		var ss []Section
		for _, x := range AllSections {
			if !slices.Contains(r.WithheldFromPerson, x) {
				ss = append(ss, x)
			}
		}
		grant(OwnRecord, ss)
	}
	if has(Analyst) && len(d.Grants) == 0 {
		for _, x := range AllSections {
			if x != Identity && x != Contact && x != Communication {
				d.Grants[x] = Statistics
			}
		}
		d.CodedOnly = true
	}
	return d
}
