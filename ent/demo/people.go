package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/schema/pulid"
)

// profile is what the generator decides about a person before writing
// anything: who they are, their needs that constrain allocation (R32), their
// worker round and the status of their newest plan.
type profile struct {
	idx                   int
	id                    pulid.ID
	demo                  string // the demo account whose story this is, if any
	female                bool
	given, surname        string
	legal, preferred      string
	previousSurname       string
	age                   int
	dob                   time.Time
	town                  town
	service               int // 0 north, 1 south
	team                  *practiceTeam
	practitioner          *member
	autism, deafblind     bool
	lacksCapacity         bool
	substantialDifficulty bool
	appropriatePerson     string
	advocacy              person.Advocacy
	communication         string
	status                plan.Status // of the newest version
	versions              int
	// The round, for ACTIVE and UNDER_REVIEW plans.
	worker    *worker
	perDay    int
	duration  int
	visitMins []int // start times, minutes after local midnight
}

// The demo accounts' people, first in the list.
const (
	demoCarol = "carol.carer"
	demoDan   = "dan.daughter"
	demoAdam  = "adam.advocate"
	demoPat   = "pat.person"
)

var demoPeople = []string{demoCarol, demoDan, demoAdam, demoPat}

// makeProfiles decides every person's identity and needs.
func (g *generator) makeProfiles() {
	g.people = make([]*profile, g.opts.People)
	for i := range g.people {
		r := g.rng(streamPeople, uint64(i))
		p := &profile{idx: i, id: pulid.New("PE")}
		g.people[i] = p
		p.female = chance(r, 0.62)
		p.age = 65 + int(30*r.Float64()*r.Float64()*0.3+30*r.Float64()*0.7) // 65–95, weighted to the late seventies
		younger := chance(r, 0.12)
		if younger {
			p.age = 18 + r.IntN(47)
		}
		switch {
		case younger && p.female:
			p.given = pick(r, youngerWomen)
		case younger:
			p.given = pick(r, youngerMen)
		case p.female:
			p.given = pick(r, olderWomen)
		default:
			p.given = pick(r, olderMen)
		}
		p.surname = pick(r, surnames)
		p.legal = p.given + " " + p.surname
		if chance(r, 0.4) {
			middle := pick(r, olderMen)
			if p.female {
				middle = pick(r, olderWomen)
			}
			if middle != p.given {
				p.legal = p.given + " " + middle + " " + p.surname
			}
		}
		p.preferred = p.given
		if nick, ok := nicknames[p.given]; ok && chance(r, 0.35) {
			p.preferred = nick
		} else if !younger && chance(r, 0.05) {
			p.preferred = map[bool]string{true: "Mrs ", false: "Mr "}[p.female] + p.surname
		}
		if p.female && !younger && chance(r, 0.55) {
			if s := pick(r, surnames); s != p.surname {
				p.previousSurname = s
			}
		}
		p.dob = g.today.AddDate(-p.age, 0, -1-r.IntN(364))
		p.town = pick(r, towns)
		p.autism = chance(r, 0.08)
		p.deafblind = chance(r, 0.02)
		p.lacksCapacity = chance(r, 0.10)
		p.advocacy = person.AdvocacyNOT_NEEDED
		switch x := r.Float64(); {
		case x < 0.024:
			p.substantialDifficulty, p.advocacy = true, person.AdvocacyREFERRAL_WAITING
		case x < 0.06:
			p.substantialDifficulty, p.advocacy = true, person.AdvocacyIN_PLACE
		case x < 0.08:
			p.substantialDifficulty = true // an appropriate person supports them, so no advocate is needed (R30)
			p.appropriatePerson = pick(r, youngerWomen) + " " + p.surname + " (daughter)"
		}
		switch {
		case p.autism:
			p.communication = autismCommunication
		case p.deafblind:
			p.communication = deafblindCommunication
		case chance(r, 0.25):
			p.communication = pick(r, communicationNeeds)
		}
		g.allocate(r, p)
	}
	g.demoProfiles()
	for _, p := range g.people {
		p.service = 1
		if p.town.north {
			p.service = 0
		}
	}
}

// allocate gives a person a practitioner team and, often, a practitioner.
func (g *generator) allocate(r *rand.Rand, p *profile) {
	p.team = g.staff.community
	if chance(r, 0.55) {
		p.team = g.staff.hospital
	}
	if chance(r, 0.75) {
		p.practitioner = ptr(pick(r, p.team.practitioners))
	}
}

// demoProfiles rewrites the first people into the stories the demo
// accounts tell: all in Reablement North, allocated to priya.practitioner,
// on wes.worker's round.
func (g *generator) demoProfiles() {
	kentmere := towns[0]
	priya := g.staff.hospital.practitioners[0]
	set := func(p *profile, demo, given, surname, preferred string, female bool, age int) {
		p.demo, p.given, p.surname, p.legal, p.preferred, p.female, p.age = demo, given, surname, given+" "+surname, preferred, female, age
		p.dob = g.today.AddDate(-age, -3, -11)
		p.town, p.team, p.practitioner = kentmere, g.staff.hospital, &priya
		p.autism, p.deafblind, p.lacksCapacity, p.substantialDifficulty = false, false, false, false
		p.advocacy, p.appropriatePerson, p.previousSurname, p.communication = person.AdvocacyNOT_NEEDED, "", "", ""
	}
	set(g.people[0], demoCarol, "Margaret", "Hughes", "Margaret", true, 84)
	g.people[0].previousSurname = "Bell"
	g.people[0].communication = communicationNeeds[0]
	set(g.people[1], demoDan, "Joseph", "Okoro", "Joe", false, 79)
	set(g.people[2], demoAdam, "Leonard", "Price", "Len", false, 71)
	g.people[2].autism, g.people[2].substantialDifficulty, g.people[2].advocacy = true, true, person.AdvocacyIN_PLACE
	g.people[2].communication = autismCommunication
	set(g.people[3], demoPat, "Patricia", "Lawson", "Pat", true, 68)
	g.people[3].id = g.staff.patPersonID
}

// nhsNumber returns a valid NHS number (Modulus 11 check digit) in the
// 999 range NHS England reserves for testing, so it can never be a real
// patient's. No two people share one (the database refuses that, issue 12):
// the five digits after 999 are the person's index, scrambled by a
// multiplier prime to 100,000 so neighbours do not get neighbouring
// numbers; the ninth is drawn, skipping the one that would need check
// digit 10.
func nhsNumber(r *rand.Rand, idx int) string {
	d := make([]int, 10)
	d[0], d[1], d[2] = 9, 9, 9
	middle := (idx*7919 + 12345) % 100000
	for i := 7; i >= 3; i-- {
		d[i] = middle % 10
		middle /= 10
	}
	start := r.IntN(10)
	for k := range 10 {
		d[8] = (start + k) % 10
		sum := 0
		for i := range 9 {
			sum += d[i] * (10 - i)
		}
		check := 11 - sum%11
		if check == 11 {
			check = 0
		}
		if check == 10 {
			continue // no valid check digit: the next ninth digit has one
		}
		d[9] = check
		break
	}
	var b strings.Builder
	for _, x := range d {
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}

// niNumber returns a National Insurance number with the QQ prefix HMRC uses
// in examples, which is never issued.
func niNumber(r *rand.Rand) string {
	return fmt.Sprintf("QQ%06d%c", r.IntN(1000000), "ABCD"[r.IntN(4)])
}

// postcode returns a postcode in the fictional KM area.
func postcode(r *rand.Rand, t town) string {
	const letters = "ABDEFGHJLNPQRSTUWXYZ" // the letters used in an inward code
	return fmt.Sprintf("%s %d%c%c", t.district, 1+r.IntN(9), letters[r.IntN(len(letters))], letters[r.IntN(len(letters))])
}

// landline and mobile are in Ofcom's ranges reserved for drama.
func landline(r *rand.Rand) string { return fmt.Sprintf("01632 960%03d", r.IntN(1000)) }
func mobile(r *rand.Rand) string   { return fmt.Sprintf("07700 900%03d", r.IntN(1000)) }

// email returns an address at a domain reserved for examples.
func email(name string, r *rand.Rand) string {
	domain := pick(r, []string{"example.com", "example.org", "example.net"})
	return strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@" + domain
}

// Pronouns in templates, which are written about a woman, as most people
// reabled are; say turns them round for a man.
var (
	aboutHer = strings.NewReplacer("{she}", "she", "{She}", "She", "{her}", "her", "{him}", "her",
		"{herself}", "herself", "{Mum}", "Mum", "{husband}", "husband")
	aboutHim = strings.NewReplacer("{she}", "he", "{She}", "He", "{her}", "his", "{him}", "him",
		"{herself}", "himself", "{Mum}", "Dad", "{husband}", "wife")
)

// say fills a template for this person: %s is their preferred name, and
// {she}, {her} (possessive), {him} (object), {herself}, {Mum} and
// {husband} follow their sex.
func (p *profile) say(s string) string {
	r := aboutHim
	if p.female {
		r = aboutHer
	}
	return r.Replace(strings.ReplaceAll(s, "%s", p.preferred))
}
