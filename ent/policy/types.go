// Package policy decides who may see what (../shared/spec/consent.md, rules
// R20–R27): given a viewer and a record, which sections they may see and the
// basis for each. It is pure: it reads facts it is given and imports no
// database or transport, so every entry point (GraphQL, exports, future APIs)
// reaches the same answer and the rules are table-tested in one place.
package policy

// Section is a part of a person's record or plan; a grant is always for
// sections, never for "the record".
type Section string

// The sections of consent.md.
const (
	Identity      Section = "IDENTITY"
	Contact       Section = "CONTACT"
	Communication Section = "COMMUNICATION"
	Capacity      Section = "CAPACITY"
	Safeguarding  Section = "SAFEGUARDING"
	Finance       Section = "FINANCE"
	Needs         Section = "NEEDS"
	Outcomes      Section = "OUTCOMES"
	Visits        Section = "VISITS"
	WorkerSupport Section = "WORKER_SUPPORT"
	OtherSupport  Section = "OTHER_SUPPORT"
	Risks         Section = "RISKS"
	Review        Section = "REVIEW"
	Involvement   Section = "INVOLVEMENT"
)

// AllSections lists every section in the order screens show them.
var AllSections = []Section{
	Identity, Contact, Communication, Capacity, Safeguarding, Finance, Needs,
	Outcomes, Visits, WorkerSupport, OtherSupport, Risks, Review, Involvement,
}

// Values lets ent use Section as an enum's Go type.
func (Section) Values() []string {
	out := make([]string, len(AllSections))
	for i, s := range AllSections {
		out[i] = string(s)
	}
	return out
}

// Role is what an account does; an account may hold several.
type Role string

// Roles. The first six are staff of the authority; the next four are people
// outside it who see only what was shared with them.
const (
	Practitioner      Role = "PRACTITIONER"
	Manager           Role = "MANAGER"
	RegisteredManager Role = "REGISTERED_MANAGER"
	Worker            Role = "WORKER"
	Analyst           Role = "ANALYST"
	Auditor           Role = "AUDITOR"
	// ReturnsOfficer makes the authority's statutory returns (issue 15):
	// the quarterly Client Level Data, which NHS England pseudonymises
	// centrally and so receives identifiable.
	ReturnsOfficer Role = "RETURNS_OFFICER"
	CarerRole      Role = "CARER"
	AdvocateRole   Role = "ADVOCATE"
	RecipientRole  Role = "RECIPIENT"
	PersonRole     Role = "PERSON"
)

// Values lets ent use Role as an enum's Go type.
func (Role) Values() []string {
	return []string{
		string(Practitioner), string(Manager), string(RegisteredManager), string(Worker),
		string(Analyst), string(Auditor), string(ReturnsOfficer), string(CarerRole), string(AdvocateRole),
		string(RecipientRole), string(PersonRole),
	}
}

// Basis is the lawful reason a section is disclosed (Caldicott principle 1).
type Basis string

// Bases, one per row of consent.md's table (and the share bases of R21–R24).
const (
	Allocated          Basis = "ALLOCATED"           // allocated practitioner
	TeamMember         Basis = "TEAM_MEMBER"         // member of the allocated team
	TeamManager        Basis = "TEAM_MANAGER"        // manages the allocated team
	EmergencyAccess    Basis = "EMERGENCY_ACCESS"    // stated reason, time-limited, flagged for review
	ServiceProvider    Basis = "SERVICE_PROVIDER"    // registered manager of the reablement service
	ProviderDuty       Basis = "PROVIDER_DUTY"       // R20: worker assigned through visits
	CarerShare         Basis = "CARER_SHARE"         // R21
	ConsentShare       Basis = "CONSENT_SHARE"       // R22: the person's consent
	BestInterestsShare Basis = "BEST_INTERESTS"      // R22: best-interests decision
	PersonRequest      Basis = "PERSON_REQUEST"      // R23: the person asked
	AdvocateShare      Basis = "ADVOCACY"            // R24 and the advocacy duty
	OwnRecord          Basis = "OWN_RECORD"          // the person themself
	Statistics         Basis = "PSEUDONYMISED_STATS" // analyst
	InformationGov     Basis = "INFORMATION_GOVERNANCE"
	// StatutoryReturn is the Collection of Client-Level Adult Social Care
	// Data Directions and their Data Provision Notice: the authority must
	// submit the CLD return, NHS numbers included (issue 15).
	StatutoryReturn Basis = "STATUTORY_RETURN"
	// Search is finding a person (issue 12): no basis for the record, only
	// for knowing who someone is so a basis can be asked for (Found).
	Search Basis = "SEARCH"
)

// Values lets ent use Basis as an enum's Go type.
func (Basis) Values() []string {
	return []string{
		string(Allocated), string(TeamMember), string(TeamManager), string(EmergencyAccess),
		string(ServiceProvider), string(ProviderDuty), string(CarerShare), string(ConsentShare),
		string(BestInterestsShare), string(PersonRequest), string(AdvocateShare), string(OwnRecord),
		string(Statistics), string(InformationGov), string(Search), string(StatutoryReturn),
	}
}
