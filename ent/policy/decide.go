package policy

import (
	"slices"
	"time"

	"reablement/ent/fault"
)

// EmergencyGrant is time-limited access to one person's record by a
// practitioner outside the team, with a stated reason (Caldicott 1).
type EmergencyGrant struct {
	PersonID, Reason     string
	GrantedAt, ExpiresAt time.Time
}

// Assignment is a worker's first and last visit on one plan version: the
// provider duty (R20) runs from the day before the first to the day after the last.
type Assignment struct {
	PlanID, PersonID      string
	FirstVisit, LastVisit time.Time
}

// ShareGrant is a share of one plan version held by an outside viewer.
// Sections empty means the full plan.
type ShareGrant struct {
	ShareID, PlanID, PersonID  string
	Basis                      Basis
	Sections                   []Section
	ExpiresAt, RevokedAt       *time.Time
	ConsentWithdrawn, Declined bool
}

// Active reports whether the share grants anything at now: not declined,
// not revoked, not expired, and its consent not withdrawn.
func (g ShareGrant) Active(now time.Time) bool {
	return !g.Declined && !g.ConsentWithdrawn && (g.RevokedAt == nil || g.RevokedAt.After(now)) && (g.ExpiresAt == nil || g.ExpiresAt.After(now))
}

// Viewer is what the database says about the signed-in account, loaded
// once per request (ent/viewer).
type Viewer struct {
	AccountID, AuthorityID                  string
	Roles                                   []Role
	TeamIDs, ManagedTeamIDs, ServiceTeamIDs []string
	PersonID                                string
	Emergency                               []EmergencyGrant
	Assignments                             []Assignment
	Shares                                  []ShareGrant
}

// Record is what the policy needs to know of the record being disclosed:
// a person, or one plan version of theirs when PlanID is set.
type Record struct {
	PersonID, TeamID, AllocatedPractitionerID string
	ServiceTeamIDs                            []string
	PlanID                                    string
	WithheldFromPerson                        []Section
	AuthorityID                               string
}

// Decision is what a viewer may see of one record: each allowed section
// with its basis.
type Decision struct {
	// Grants holds each allowed section and the basis it is disclosed on.
	// Read it, never write it: decisions may share it (analystOnly).
	Grants map[Section]Basis
	// CodedOnly: analysts see coded values only, never free text.
	CodedOnly bool
	// Flagged: emergency access, flagged for review.
	Flagged bool
}

// Allows reports whether the section is disclosed, and on which basis.
func (d Decision) Allows(s Section) (Basis, bool) { b, ok := d.Grants[s]; return b, ok }

// Any reports whether the viewer has any basis for the record at all;
// without one the record is invisible (NOT_FOUND).
func (d Decision) Any() bool { return len(d.Grants) > 0 }

func day(t time.Time, loc *time.Location) time.Time {
	y, m, dd := t.In(loc).Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// AssignmentActive reports whether a worker's assignment is in force at
// now: from the start of the calendar day before the first visit to the end
// of the calendar day after the last, in the authority's time zone (so a
// window is right across the clock changes).
func AssignmentActive(a Assignment, now time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = time.UTC
	}
	start := day(a.FirstVisit, loc).AddDate(0, 0, -1)
	end := day(a.LastVisit, loc).AddDate(0, 0, 2)
	return !now.Before(start) && now.Before(end)
}

// WorkerSections are what a reablement worker sees while assigned (R20):
// what the visit needs, nothing more.
var WorkerSections = []Section{Contact, Communication, Needs, Outcomes, Visits, WorkerSupport, OtherSupport, Risks}

// ServiceProviderSections are what the registered manager of the
// delivering service sees: all but safeguarding and finance.
var ServiceProviderSections = except(AllSections, Safeguarding, Finance)

// AnalystSections are what statistics may draw on: no identifying section,
// and (Decision.CodedOnly) no free text.
var AnalystSections = except(AllSections, Identity, Contact, Communication)

func except(all []Section, out ...Section) []Section {
	var ss []Section
	for _, s := range all {
		if !slices.Contains(out, s) {
			ss = append(ss, s)
		}
	}
	return ss
}

// RowVisible reports whether a record's row is visible under d: a row of a
// type that belongs to one section exists for the viewer exactly when that
// section is disclosed to them; a person or a plan version (section "")
// when any section is. Its presence in a list or a count discloses that
// much, so lists, counts and node(id:) all follow this one rule
// (ent/rule.FilterScope is its SQL mirror).
func RowVisible(d Decision, section Section) bool {
	if section == "" {
		return d.Any()
	}
	_, ok := d.Grants[section]
	return ok
}

// Decide returns the viewer's decision for a record (consent.md, "Bases
// for access"). Several roles combine; where two bases give the same
// section, the first found (allocation before team, team before manager…)
// is recorded.
func Decide(v Viewer, r Record, now time.Time, loc *time.Location) Decision {
	if len(v.Roles) == 1 && v.Roles[0] == Analyst && v.AuthorityID == r.AuthorityID {
		return analystOnly
	}
	return decide(v, r, now, loc)
}

// analystOnly is the decision of an analyst with no other role, the same
// for every record of their authority: made once, by decide itself, and
// shared (an analyst's page decides some 100 records, each in a new map;
// issue 14). A Decision's Grants are read, never written, after Decide.
var analystOnly = decide(Viewer{AuthorityID: "-", Roles: []Role{Analyst}}, Record{AuthorityID: "-"}, time.Time{}, time.UTC)

func decide(v Viewer, r Record, now time.Time, loc *time.Location) Decision {
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
				grant(ServiceProvider, ServiceProviderSections)
			}
		}
	}
	if has(Worker) {
		for _, a := range v.Assignments {
			if (r.PlanID == "" && a.PersonID == r.PersonID || r.PlanID != "" && a.PlanID == r.PlanID) && AssignmentActive(a, now, loc) {
				grant(ProviderDuty, WorkerSections)
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
		grant(OwnRecord, AllSections)
		// Third-party information withheld from the person by decision is
		// withheld whatever basis they hold (their own copy of a plan too).
		for _, s := range r.WithheldFromPerson {
			delete(d.Grants, s)
		}
	}
	if has(Analyst) && len(d.Grants) == 0 {
		grant(Statistics, AnalystSections)
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

// RecipientBases is what a copy may rest on, by who receives it (R20-R24):
// a provider on the provider duty, a carer on the carer's share, an
// advocate on advocacy, the person on their own record, anyone else on
// consent, best interests or the person's request. CheckShare holds shares
// to it, and the API gives it to screens (Query.shareBases) so they ask
// rather than keep a copy.
var RecipientBases = []struct {
	RecipientKind string
	Bases         []Basis
}{
	{"CARER", []Basis{CarerShare}},
	{"ADVOCATE", []Basis{AdvocateShare}},
	{"PERSON", []Basis{OwnRecord}},
	{"PROVIDER", []Basis{ProviderDuty}},
	{"OTHER", []Basis{ConsentShare, BestInterestsShare, PersonRequest}},
}

// basisFits reports whether a copy to this kind of recipient may rest on b.
func basisFits(kind string, b Basis) bool {
	for _, r := range RecipientBases {
		if r.RecipientKind == kind {
			return slices.Contains(r.Bases, b)
		}
	}
	return false
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
		if !basisFits(p.RecipientKind, p.Basis) {
			bad("R20", "input.basis", "A provider's copy rests on the provider duty (PROVIDER_DUTY).")
		}
	case "CARER":
		if !basisFits(p.RecipientKind, p.Basis) {
			bad("R21", "input.basis", "A carer's copy rests on CARER_SHARE.")
		}
		if partial && !(p.PersonHasCapacity && p.RequestedByPerson) {
			bad("R21", "input.sections", "A carer gets the full plan unless the person, having capacity, asked to share only part.")
		}
	case "ADVOCATE":
		if !basisFits(p.RecipientKind, p.Basis) {
			bad("R24", "input.basis", "An advocate's copy rests on ADVOCACY.")
		}
	case "PERSON":
		if !basisFits(p.RecipientKind, p.Basis) {
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

// ShareRecipientRole is the role a share's recipient signs in with, by
// recipient kind: carers, advocates and the person have their own; a
// provider or anyone else reads as a recipient.
func ShareRecipientRole(kind string) Role {
	switch kind {
	case "CARER":
		return CarerRole
	case "ADVOCATE":
		return AdvocateRole
	case "PERSON":
		return PersonRole
	default:
		return RecipientRole
	}
}

// PreviewShare is what the recipient of a proposed share would see of the
// plan version, decided by Decide itself so the preview and the real
// enforcement cannot disagree. Only the share counts: any other basis the
// recipient may hold is not part of what this share discloses.
func PreviewShare(kind string, g ShareGrant, now time.Time, loc *time.Location) Decision {
	v := Viewer{Roles: []Role{ShareRecipientRole(kind)}, Shares: []ShareGrant{g}}
	return Decide(v, Record{PersonID: g.PersonID, PlanID: g.PlanID}, now, loc)
}

// CareStaff are the roles of the authority's own care staff, who reach
// records through allocation, teams, services and visits.
var CareStaff = []Role{Practitioner, Manager, RegisteredManager, Worker}

// staffRoles see colleagues by name: they work for the authority (or audit it).
var staffRoles = append(slices.Clone(CareStaff), Auditor)

// roleWords name an account by what it does, for viewers who may not see names.
var roleWords = map[Role]string{
	Practitioner: "a practitioner", Manager: "a team manager", RegisteredManager: "the registered manager",
	Worker: "a reablement worker", Analyst: "an analyst", Auditor: "information governance",
	CarerRole: "a carer", AdvocateRole: "an advocate", RecipientRole: "someone the plan was shared with", PersonRole: "the person",
}

// SeesNames reports whether a viewer sees accounts' names and sign-in names:
// staff of the authority and auditors do, and anyone sees their own.
func SeesNames(v Viewer, accountID string) bool {
	if v.AccountID != "" && v.AccountID == accountID {
		return true
	}
	return slices.ContainsFunc(v.Roles, func(r Role) bool { return slices.Contains(staffRoles, r) })
}

// AccountName is how an account is named to a viewer (consent.md): its name
// for staff, auditors and the account itself; for outside viewers and
// analysts, its role in words ("a reablement worker"), so a carer knows who
// visits and an analyst can count by role without anyone being named.
func AccountName(v Viewer, accountID string, accountRoles []Role, name string) string {
	if SeesNames(v, accountID) {
		return name
	}
	for _, r := range accountRoles {
		if w, ok := roleWords[r]; ok {
			return w
		}
	}
	return "someone"
}

// DisplayName is how an account's display name is shown to a viewer: as
// AccountName decides, except that the person themself is told the names of
// the care staff who work on their record (issue 13), reached through an
// edge of the record (their practitioner, the worker at a visit): they meet
// them at the door and must know whom to ring, and their access history
// names them already (Caldicott principle 8). Staff reached any other way
// (a team's members) and sign-in names stay AccountName's.
func DisplayName(v Viewer, accountID string, accountRoles []Role, name string, ofRecord bool) string {
	if ofRecord && slices.Contains(v.Roles, PersonRole) && slices.ContainsFunc(accountRoles, func(r Role) bool { return slices.Contains(CareStaff, r) }) {
		return name
	}
	return AccountName(v, accountID, accountRoles, name)
}

// MayFind reports whether v may search the whole authority for a person
// (issue 12): practitioners and managers, who take referrals and must know
// whether someone is already known before they add them or ask for access.
// Workers, carers, analysts and the rest see only the records they hold a
// basis for.
func MayFind(v Viewer) bool {
	return slices.Contains(v.Roles, Practitioner) || slices.Contains(v.Roles, Manager)
}

// Found is what a search may show of a person it matched, given the
// viewer's own decision d for the record: d itself when the viewer has a
// basis (their caseload, emergency access); otherwise, for a viewer who may
// find anyone, IDENTITY on the SEARCH basis, of which a match shows only the
// identifying minimum (name, date of birth, postcode district). It grants
// nothing else, and nothing at all to anyone else: it is never a basis for
// the record, only for knowing whom to ask for one.
func Found(v Viewer, d Decision) Decision {
	if d.Any() || !MayFind(v) {
		return d
	}
	return Decision{Grants: map[Section]Basis{Identity: Search}}
}

// MayAnalyse reports whether v may ask for statistics over the whole
// authority (issue 15): analysts, and the statutory-returns role whose work
// includes the national measures. Statistics are aggregates of coded
// fields under disclosure control; no record is disclosed by them.
func MayAnalyse(v Viewer) bool {
	return slices.Contains(v.Roles, Analyst) || slices.Contains(v.Roles, ReturnsOfficer)
}

// ReturnSections are what the Client Level Data return draws on: who the
// person is (NHS number, date of birth, postcode), their needs and carers,
// the plan's visits and how the episode began and ended.
var ReturnSections = []Section{Identity, Contact, Needs, Visits, Review, Involvement}

// Return is the decision for one person's rows in the Client Level Data
// return (issue 15). The statutory-returns role exports them identifiable
// on the STATUTORY_RETURN basis (the Directions require NHS numbers; NHS
// England pseudonymises them centrally); an analyst gets the same rows
// pseudonymised, on the statistics basis, with no identifying section. No
// one else gets the return.
func Return(v Viewer) Decision {
	d := Decision{Grants: map[Section]Basis{}}
	switch {
	case slices.Contains(v.Roles, ReturnsOfficer):
		for _, s := range ReturnSections {
			d.Grants[s] = StatutoryReturn
		}
	case slices.Contains(v.Roles, Analyst):
		for _, s := range ReturnSections {
			if slices.Contains(AnalystSections, s) {
				d.Grants[s] = Statistics
			}
		}
		d.CodedOnly = true
	}
	return d
}
