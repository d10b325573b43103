package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"reablement/ent/consent"
	"reablement/ent/contact"
	"reablement/ent/need"
	"reablement/ent/person"
	"reablement/ent/schema/pulid"
)

// record is one person's record while it is being written: what later
// rows (plans, shares, involvements) need to refer back to.
type record struct {
	g *generator
	p *profile
	r *rand.Rand

	carers   []carer
	advocate string // the independent advocate's name, when one is in place
	needIDs  []pulid.ID
	asked    *asked      // someone the person asked to involve (R3), with their consent
	other    *otherShare // someone else who gets a copy on consent or best interests (R22)
	declined bool        // a copy the person asked for was declined (R23)
	ep       episode
	versions []*version
}

type carer struct {
	id        pulid.ID
	name, rel string
	account   *pulid.ID
	limited   bool // the person (with capacity) limited the carer's copy (R21)
	getsCopy  bool
	livesWith bool
}

type asked struct {
	name, rel string
	consent   pulid.ID
}

type otherShare struct {
	name    string
	consent pulid.ID
	best    bool // a best-interests decision rather than consent
	// withdrawn is when the consent was withdrawn, if it was: later
	// versions are not re-circulated on it (R26 needs a basis that stands).
	withdrawn *time.Time
}

// emitPerson writes one person's whole record.
func (g *generator) emitPerson(p *profile) {
	rec := &record{g: g, p: p, r: g.rng(streamRecord, uint64(p.idx))}
	rec.episode() // first: the referral date is when the person's record was opened
	rec.person()
	rec.circle()
	rec.needs()
	rec.capacity()
	rec.advice()
	rec.returns()
	rec.plans()
}

// person writes the person row.
func (rec *record) person() {
	g, p, r := rec.g, rec.p, rec.r
	street := pick(r, streets)
	address := fmt.Sprintf("%d %s, %s", 1+r.IntN(140), street, p.town.name)
	c := g.tx.Person.Create().SetID(p.id).SetLegalName(p.legal).SetPreferredName(p.preferred).
		SetDateOfBirth(p.dob).SetNhsNumber(nhsNumber(r, p.idx)).SetNiNumber(niNumber(r)).
		SetAddress(address).SetPostcode(postcode(r, p.town)).SetLocality(p.town.name).
		SetAutism(p.autism).SetDeafblind(p.deafblind).SetLacksCapacityForPlanning(p.lacksCapacity).
		SetSubstantialDifficulty(p.substantialDifficulty).SetAdvocacy(p.advocacy).
		SetTeamID(p.team.id).SetReferralSource(pick(r, referralSources)).
		SetOrdinaryResidence(authorityName).SetCreatedAt(rec.ep.referral)
	if p.practitioner != nil {
		c.SetAllocatedPractitionerID(p.practitioner.id)
	}
	if p.previousSurname != "" {
		c.SetPreviousSurname(p.previousSurname)
	}
	if chance(r, 0.5) {
		c.SetPhone(landline(r))
	} else {
		c.SetPhone(mobile(r))
	}
	if p.age < 75 && chance(r, 0.3) {
		c.SetEmail(email(p.given+" "+p.surname, r))
	}
	if chance(r, 0.85) {
		c.SetAccessNotes(fmt.Sprintf(pick(r, accessNotes), r.IntN(10000)))
	}
	if chance(r, 0.03) {
		c.SetVisitAddress(fmt.Sprintf("Staying with family while recovering: %d %s, %s", 1+r.IntN(90), pick(r, streets), pick(r, towns).name))
	}
	if p.communication != "" {
		c.SetCommunicationNeeds(p.say(p.communication))
	}
	switch {
	case p.autism:
		c.SetPreferredFormats("Easy read, with visit times written down")
	case p.deafblind:
		c.SetPreferredFormats("Braille, and a copy for the communicator-guide")
	case p.communication == communicationNeeds[4]:
		c.SetPreferredFormats("Large print (18pt)")
	case chance(r, 0.1):
		c.SetPreferredFormats(pick(r, []string{"Email", "Printed copy by post", "Large print (16pt)"}))
	}
	if chance(r, 0.03) {
		c.SetInterpreterLanguage(pick(r, interpreterLanguages))
	}
	if p.appropriatePerson != "" {
		c.SetAppropriatePerson(p.appropriatePerson)
	}
	g.w.people.add(c)
}

// circle writes the person's carers and contacts.
func (rec *record) circle() {
	g, p, r := rec.g, rec.p, rec.r
	switch p.demo {
	case demoCarol:
		rec.carers = []carer{{name: "Carol Hughes", rel: "daughter", account: ptr(g.staff.demo[demoCarol]), limited: true, getsCopy: true}}
	case demoDan:
		rec.carers = []carer{{name: "Danielle Okoro", rel: "daughter", account: ptr(g.staff.demo[demoDan]), getsCopy: true}}
	case demoAdam:
	case demoPat:
		rec.carers = []carer{{name: "Graham Lawson", rel: "husband", livesWith: true, getsCopy: true}}
	default:
		if chance(r, 0.6) {
			n := 1
			if chance(r, 0.3) {
				n = 2
			}
			limited := !p.lacksCapacity && chance(r, 0.12)
			getsCopy := chance(r, 0.75)
			for i := range n {
				cr := pick(r, carerRelations)
				var given string
				switch {
				case cr.rel == "wife" || cr.rel == "husband" || cr.rel == "partner":
					given = pick(r, map[bool][]string{true: olderWomen, false: olderMen}[cr.female])
				default:
					given = pick(r, map[bool][]string{true: youngerWomen, false: youngerMen}[cr.female])
				}
				surname := p.surname
				if cr.rel == "neighbour" || cr.rel == "friend" || cr.rel == "niece" || chance(r, 0.2) {
					surname = pick(r, surnames)
				}
				rec.carers = append(rec.carers, carer{
					name: given + " " + surname, rel: cr.rel, livesWith: cr.livesWith,
					limited: limited && i == 0, getsCopy: getsCopy,
				})
			}
		}
	}
	for i := range rec.carers {
		c := &rec.carers[i]
		c.id = pulid.New("CR")
		row := g.tx.Carer.Create().SetID(c.id).SetPersonID(p.id).SetName(c.name).SetRelationship(c.rel).
			SetPhone(mobile(r)).SetLivesWithPerson(c.livesWith)
		if c.account != nil {
			row.SetAccountID(*c.account)
		}
		if chance(r, 0.4) || c.account != nil {
			row.SetEmail(email(c.name, r))
		}
		g.w.carers.add(row)
	}

	contactRow := func(kind contact.Kind, name, org, notes string) {
		row := g.tx.Contact.Create().SetPersonID(p.id).SetKind(kind).SetName(name).SetPhone(landline(r))
		if org != "" {
			row.SetOrganisation(org)
		}
		if notes != "" {
			row.SetNotes(notes)
		}
		g.w.contacts.add(row)
	}
	surgery := gpSurgeries[int(p.town.district[2]-'0')%len(gpSurgeries)]
	contactRow(contact.KindGP, "Dr "+pick(r, staffGiven)[:1]+". "+pick(r, surnames), surgery, "")
	if chance(r, 0.4) {
		contactRow(contact.KindOCCUPATIONAL_THERAPIST, pick(r, staffGiven)+" "+pick(r, surnames), "Kentmere Community Therapy", "Home assessment done; equipment ordered.")
	}
	if chance(r, 0.25) {
		contactRow(contact.KindPROVIDER, pick(r, providers), pick(r, providers), "Existing home care: shopping and cleaning twice a week.")
	}
	if chance(r, 0.2) {
		contactRow(contact.KindFAMILY, pick(r, youngerMen)+" "+p.surname, "", "Son; lives away, phones on Sundays.")
	}
	if p.advocacy == person.AdvocacyIN_PLACE {
		rec.advocate = pick(r, staffGiven) + " " + pick(r, surnames)
		if p.demo == demoAdam {
			rec.advocate = "Adam Clarke"
		}
		contactRow(contact.KindADVOCATE, rec.advocate, "Kentmere Advocacy Partnership", "Independent advocate under the Care Act (R30).")
	}
	if chance(r, 0.05) {
		contactRow(contact.KindHOUSING, pick(r, staffGiven)+" "+pick(r, surnames), "Kentmere Homes", "Sheltered housing officer.")
	}

	// Someone the person asked to be involved in planning (R3): only with
	// their consent, which is recorded.
	if !p.lacksCapacity && chance(r, 0.15) {
		a := &asked{name: pick(r, youngerWomen) + " " + pick(r, surnames), rel: pick(r, []string{"friend", "neighbour", "niece", "church friend"}), consent: pulid.New("CN")}
		rec.asked = a
		g.w.consents.add(g.tx.Consent.Create().SetID(a.consent).SetPersonID(p.id).SetPurpose(consent.PurposeINVOLVEMENT).
			SetCovers(fmt.Sprintf("Involve %s (%s) in planning reablement.", a.name, a.rel)).
			SetGivenBy(consent.GivenByPERSON).SetHadCapacity(true).SetDecidedAt(g.officeTime(r, -60-r.IntN(300))))
	}
}

// needs writes the formal record of needs: two to four areas.
func (rec *record) needs() {
	g, p, r := rec.g, rec.p, rec.r
	var pool []int
	for i, t := range needTemplates {
		if !t.younger || p.age < 65 {
			pool = append(pool, i)
		}
	}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	n := 2 + r.IntN(3)
	if p.demo != "" {
		pool = append([]int{0}, pool...) // the demo people all have the seed's Jane-like difference of view
	}
	seen := map[string]bool{}
	for _, i := range pool {
		if len(rec.needIDs) == n {
			break
		}
		t := needTemplates[i]
		if seen[t.area] {
			continue
		}
		seen[t.area] = true
		id := pulid.New("ND")
		rec.needIDs = append(rec.needIDs, id)
		c := g.tx.Need.Create().SetID(id).SetPersonID(p.id).SetArea(t.area).SetDescription(p.say(t.description)).
			SetEffect(pick(r, []need.Effect{need.EffectREDUCE, need.EffectREDUCE, need.EffectPREVENT, need.EffectDELAY})).
			SetPersonView(p.say(t.personView)).SetEvidence(p.say(t.evidence)).SetWellbeingImpact(p.say(t.impact))
		if t.carerView != "" && len(rec.carers) > 0 {
			c.SetCarerView(p.say(t.carerView))
		}
		if t.othersView != "" {
			c.SetOthersView(p.say(t.othersView))
		}
		if t.difference != "" && (len(rec.carers) > 0 || t.othersView != "") {
			c.SetDifferenceOfView(p.say(t.difference))
		}
		g.w.needs.add(c)
	}
}

// capacity writes capacity assessments: always for someone assessed as
// lacking capacity for planning, sometimes for another decision.
func (rec *record) capacity() {
	g, p, r := rec.g, rec.p, rec.r
	assessor := "Priya Shah"
	if len(p.team.practitioners) > 0 {
		assessor = pick(r, p.team.practitioners).name
	}
	if p.lacksCapacity {
		g.w.capacity.add(g.tx.CapacityAssessment.Create().SetPersonID(p.id).
			SetDecision("Taking part in decisions about the reablement plan").SetHasCapacity(false).
			SetAssessedAt(g.officeTime(r, -20-r.IntN(200))).SetAssessor(assessor).
			SetNotes("Could not retain or weigh the information about the plan across two conversations, with support and in a familiar setting. Advanced dementia (GP letter)."))
	}
	if chance(r, 0.08) {
		g.w.capacity.add(g.tx.CapacityAssessment.Create().SetPersonID(p.id).
			SetDecision(pick(r, []string{"Managing own medication", "Returning home from hospital", "Managing own finances"})).
			SetHasCapacity(!p.lacksCapacity || chance(r, 0.3)).SetAssessedAt(g.officeTime(r, -30-r.IntN(300))).SetAssessor(assessor).
			SetNotes("Assessed at home with a family member present; decision-specific and time-specific."))
	}
}

// advice writes information and advice given, with follow-up dates (R34):
// some followed up, some due, some overdue.
func (rec *record) advice() {
	g, p, r := rec.g, rec.p, rec.r
	if !chance(r, 0.25) {
		return
	}
	for range 1 + r.IntN(2) {
		given := g.officeTime(r, -3-r.IntN(120))
		due := g.date(g.dayOffset(given) + 7 + r.IntN(22))
		c := g.tx.Advice.Create().SetPersonID(p.id).SetSummary(p.say(pick(r, adviceSummaries))).SetGivenAt(given).SetFollowUpDue(due)
		if p.practitioner != nil {
			c.SetFollowUpByID(p.practitioner.id)
		} else if len(p.team.practitioners) > 0 {
			c.SetFollowUpByID(p.team.practitioners[0].id)
		}
		if due.Before(g.today) && chance(r, 0.65) {
			done := due.Add(time.Duration(10+r.IntN(6))*time.Hour).AddDate(0, 0, -r.IntN(3))
			if done.After(g.now) {
				done = g.now.Add(-time.Hour)
			}
			c.SetFollowedUpAt(done)
		}
		g.w.advice.add(c)
	}
}
