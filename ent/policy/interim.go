// INTERIM: written by the lead engineer so the rest of the tree compiles while
// the policy package is being finished. The policy package owner replaces this
// whole file with the real implementation (same exported API) and its tests.

package policy

import (
	"slices"
	"time"

	"reablement/ent/fault"
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

// ShareProposal is what the sharing rules need to know of a proposed share.
type ShareProposal struct {
	RecipientKind         string // PROVIDER, CARER, ADVOCATE, PERSON, OTHER
	Basis                 Basis
	Sections              []Section // empty: the full plan
	PersonHasCapacity     bool
	RequestedByPerson     bool
	ConsentGiven          bool   // a current consent by or for the person backs it
	BestInterestsRecorded bool   // a current best-interests decision backs it
	Decision              string // SHARED, PARTIAL, DECLINED
	DecisionReason        string
	ManagerAdvice         string
}

// CheckShare applies R20-R24 to a proposed share.
func CheckShare(p ShareProposal) error {
	var problems []fault.Problem
	bad := func(rule, field, msg string) {
		problems = append(problems, fault.Problem{Rule: rule, Field: field, Message: msg})
	}
	partial := len(p.Sections) > 0
	switch p.RecipientKind {
	case "PROVIDER":
		if p.Basis != ProviderDuty {
			bad("R20", "input.basis", "A provider's copy rests on the provider duty (PROVIDER_DUTY).")
		}
	case "CARER":
		if p.Basis != CarerShare {
			bad("R21", "input.basis", "A carer's copy rests on CARER_SHARE.")
		}
		if partial && !(p.PersonHasCapacity && p.RequestedByPerson) {
			bad("R21", "input.sections", "A carer gets the full plan unless the person, having capacity, asked to share only part.")
		}
	case "ADVOCATE":
		if p.Basis != AdvocateShare {
			bad("R24", "input.basis", "An advocate's copy rests on ADVOCACY.")
		}
	case "PERSON":
		if p.Basis != OwnRecord {
			bad("R23", "input.basis", "The person's own copy rests on OWN_RECORD.")
		}
	default:
		switch p.Basis {
		case ConsentShare:
			if !p.ConsentGiven {
				bad("R22", "input.consentID", "Sharing with anyone else needs the person's consent: record it first and name it.")
			}
		case BestInterestsShare:
			if p.PersonHasCapacity {
				bad("R22", "input.basis", "A best-interests share is only for a person who lacks capacity; ask for their consent instead.")
			} else if !p.BestInterestsRecorded {
				bad("R22", "input.consentID", "Record the best-interests decision first and name it.")
			}
		case PersonRequest:
			if !p.RequestedByPerson {
				bad("R23", "input.requestedByPerson", "A PERSON_REQUEST share must be one the person asked for.")
			}
		default:
			bad("R22", "input.basis", "Share with others on the person's consent, their best interests, or their request.")
		}
	}
	if p.Basis == PersonRequest && (p.Decision == "PARTIAL" || p.Decision == "DECLINED") {
		if p.ManagerAdvice == "" {
			bad("R23", "input.managerAdvice", "Record the manager's advice before limiting or declining a share.")
		}
		if p.DecisionReason == "" {
			bad("R23", "input.decisionReason", "Record the reason for limiting or declining the share.")
		}
		if p.Decision == "PARTIAL" && !partial {
			bad("R23", "input.sections", "A partial share lists the sections it includes.")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return fault.Rule(problems[0].Rule, "This share cannot be made as it stands: "+problems[0].Message, problems...)
}
