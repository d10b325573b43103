package demo

import (
	"fmt"
	"strings"

	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/team"
)

// member is an account the generator refers to by id and name.
type member struct {
	id   pulid.ID
	name string
}

// worker is a reablement worker with the round the generator gives them.
type worker struct {
	member
	service           int
	autism, deafblind bool
	target, load      int // visits a day: wanted and given
	round             []*profile
	specialist        bool
}

// practiceTeam is a team of practitioners people are allocated to.
type practiceTeam struct {
	id            pulid.ID
	name          string
	manager       member
	practitioners []member
}

// service is a reablement service (a REABLEMENT team).
type service struct {
	id         pulid.ID
	name       string
	registered member
	workers    []*worker
}

// staffing is the authority's staff and teams.
type staffing struct {
	services                    [2]*service // north, south
	hospital, community, review *practiceTeam
	demo                        map[string]pulid.ID // demo username → account id
	patPersonID                 pulid.ID            // pat.person's own record, known before people are made
	wes                         *worker
	usernames                   map[string]bool
}

// Trainings a worker may hold (R32 names the first two).
const (
	trainingAutism     = "AUTISM"
	trainingDeafblind  = "DEAFBLIND"
	trainingEpilepsy   = "EPILEPSY"
	trainingMedication = "MEDICATION"
)

var practitionerTitles = []string{"Social worker", "Occupational therapist", "Reablement coordinator", "Senior practitioner", "Social work assistant"}

// makeStaff creates the named demo accounts, generated practitioners,
// managers and workers, and the five teams.
func (g *generator) makeStaff() error {
	r := g.rng(streamStaff, 0)
	s := &g.staff
	s.demo = map[string]pulid.ID{}
	s.usernames = map[string]bool{}
	s.patPersonID = pulid.New("PE")
	s.hospital = &practiceTeam{id: pulid.New("TM"), name: teamHospital}
	s.community = &practiceTeam{id: pulid.New("TM"), name: teamCommunity}
	s.review = &practiceTeam{id: pulid.New("TM"), name: teamReview}
	s.services[0] = &service{id: pulid.New("TM"), name: teamNorth}
	s.services[1] = &service{id: pulid.New("TM"), name: teamSouth}

	// Named demo accounts, exactly as DemoAccounts describes them.
	titles := map[string]string{
		"priya.practitioner": "Occupational therapist", "sam.practitioner": "Social worker",
		"morgan.manager": "Team manager", "rita.registered": "Registered manager",
		"wes.worker": "Reablement support worker", "ana.analyst": "Performance analyst",
		"ian.auditor": "Information governance officer", "rex.returns": "Statutory returns officer",
	}
	for _, a := range DemoAccounts {
		id := pulid.New("AC")
		s.demo[a.Username] = id
		s.usernames[a.Username] = true
		c := g.tx.Account.Create().SetID(id).SetSubject(SubjectPrefix + a.Username).SetUsername(a.Username).
			SetDisplayName(a.DisplayName).SetRoles(a.Roles)
		if t, ok := titles[a.Username]; ok {
			c.SetJobTitle(t)
		}
		switch a.Username {
		case "wes.worker":
			c.SetTrainings([]string{trainingAutism, trainingDeafblind})
		case "pat.person":
			c.SetPersonID(s.patPersonID)
		}
		g.w.accounts.add(c)
	}
	priya := member{s.demo["priya.practitioner"], "Priya Shah"}
	sam := member{s.demo["sam.practitioner"], "Sam Okafor"}
	s.hospital.manager = member{s.demo["morgan.manager"], "Morgan Ellis"}
	s.hospital.practitioners = []member{priya}
	s.community.practitioners = []member{sam}
	s.services[0].registered = member{s.demo["rita.registered"], "Rita Kowalski"}
	s.wes = &worker{member: member{s.demo["wes.worker"], "Wes Adeyemi"}, service: 0, autism: true, deafblind: true, specialist: true}
	s.services[0].workers = []*worker{s.wes}

	// Generated staff sign in through the council's identity provider, not
	// the demo signer, so the sign-in screen lists only the named accounts.
	staffAccount := func(roles []policy.Role, title string, trainings []string) member {
		given, surname := pick(r, staffGiven), pick(r, surnames)
		name := given + " " + surname
		username := g.username(given, surname)
		id := pulid.New("AC")
		c := g.tx.Account.Create().SetID(id).SetSubject("kentmere|" + username).SetUsername(username).
			SetDisplayName(name).SetRoles(roles).SetJobTitle(title)
		if len(trainings) > 0 {
			c.SetTrainings(trainings)
		}
		g.w.accounts.add(c)
		return member{id, name}
	}
	s.community.manager = staffAccount([]policy.Role{policy.Manager}, "Team manager", nil)
	s.review.manager = staffAccount([]policy.Role{policy.Manager}, "Review team manager", nil)
	s.services[1].registered = staffAccount([]policy.Role{policy.RegisteredManager}, "Registered manager", nil)

	practitioners := max(4, g.opts.People/60)
	for i := range practitioners {
		m := staffAccount([]policy.Role{policy.Practitioner}, pick(r, practitionerTitles), nil)
		switch {
		case i%5 == 4:
			s.review.practitioners = append(s.review.practitioners, m)
		case i%2 == 0:
			s.hospital.practitioners = append(s.hospital.practitioners, m)
		default:
			s.community.practitioners = append(s.community.practitioners, m)
		}
	}
	if len(s.review.practitioners) == 0 { // small authorities: the review team still has someone
		s.review.practitioners = append(s.review.practitioners, staffAccount([]policy.Role{policy.Practitioner}, "Review officer", nil))
	}

	// Workers: wes.worker is the first of North's. Within a service every
	// third worker has autism training and every seventh deafblind
	// training, so each service can staff R32 rounds.
	north := (g.opts.Workers + 1) / 2
	for i := 1; i < g.opts.Workers; i++ {
		svc, k := 0, i
		if i >= north {
			svc, k = 1, i-north
		}
		w := &worker{service: svc}
		w.autism = k%3 == 0 || chance(r, 0.1)
		w.deafblind = k%7 == 0
		var trainings []string
		if w.autism {
			trainings = append(trainings, trainingAutism)
		}
		if w.deafblind {
			trainings = append(trainings, trainingDeafblind)
		}
		if chance(r, 0.3) {
			trainings = append(trainings, trainingEpilepsy)
		}
		if chance(r, 0.65) {
			trainings = append(trainings, trainingMedication)
		}
		title := "Reablement support worker"
		if chance(r, 0.15) {
			title = "Senior reablement worker"
		}
		w.member = staffAccount([]policy.Role{policy.Worker}, title, trainings)
		w.specialist = w.autism || w.deafblind
		s.services[svc].workers = append(s.services[svc].workers, w)
	}

	// Teams, after every account they name.
	ids := func(ms ...member) []pulid.ID {
		out := make([]pulid.ID, len(ms))
		for i, m := range ms {
			out[i] = m.id
		}
		return out
	}
	for _, pt := range []*practiceTeam{s.hospital, s.community, s.review} {
		kind := map[string]team.Kind{teamHospital: team.KindHOSPITAL, teamCommunity: team.KindFIRST_RESPONSE, teamReview: team.KindREVIEW}[pt.name]
		members := ids(pt.practitioners...)
		if pt == s.hospital {
			members = append(members, pt.manager.id) // morgan.manager also works in the team
		}
		g.w.teamRows.add(g.tx.Team.Create().SetID(pt.id).SetName(pt.name).SetKind(kind).
			SetManagerID(pt.manager.id).AddMemberIDs(members...))
	}
	for _, svc := range s.services {
		members := []pulid.ID{svc.registered.id}
		for _, w := range svc.workers {
			members = append(members, w.id)
		}
		g.w.teamRows.add(g.tx.Team.Create().SetID(svc.id).SetName(svc.name).SetKind(team.KindREABLEMENT).
			SetRegisteredManagerID(svc.registered.id).AddMemberIDs(members...))
	}
	return g.w.err
}

// username makes a unique sign-in name such as "hannah.smith2".
func (g *generator) username(given, surname string) string {
	base := strings.ToLower(given + "." + surname)
	u := base
	for n := 2; g.staff.usernames[u]; n++ {
		u = fmt.Sprintf("%s%d", base, n)
	}
	g.staff.usernames[u] = true
	return u
}
