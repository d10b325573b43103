package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"reablement/ent/amendment"
	"reablement/ent/consent"
	"reablement/ent/involvement"
	"reablement/ent/outcome"
	"reablement/ent/outcomestep"
	"reablement/ent/person"
	"reablement/ent/plan"
	"reablement/ent/policy"
	"reablement/ent/review"
	"reablement/ent/risk"
	"reablement/ent/schema/pulid"
	"reablement/ent/schematype"
	"reablement/ent/share"
)

// episode is one spell of reablement: the dates every version of the plan
// shares, and the content chosen once and carried from version to version.
type episode struct {
	c                 int // days since commencement (ACTIVE, UNDER_REVIEW)
	referral, drafted time.Time
	start, end        *time.Time  // planned dates
	agreed            []time.Time // per version, for agreed plans
	amendAt           []time.Time // when version i+1 replaced version i
	amendKinds        []int       // which amendmentDetails each link was
	noRecirculate     []bool      // R26: the person asked that the new version not go to everyone
	commenced, ended  *time.Time
	endReason         *plan.EndReason
	endNotes          string

	outcomes   []chosenOutcome
	risks      []chosenRisk
	perDay     int
	duration   int
	incomplete map[string]bool // R1 items a draft still lacks
	other      string          // other support, or "" for an explicit none
	fluctuate  string
	reviewFreq string
	tasks      string
}

type chosenOutcome struct {
	t      *outcomeTemplate
	steps  []string
	m      float64 // how fast the person progresses on this one
	target time.Time
}

type chosenRisk struct {
	kind       risk.Kind
	t          *riskTemplate
	likelihood risk.Likelihood
}

// version is a plan version as written, for the rows that refer to it.
type version struct {
	n         int
	id        pulid.ID
	status    plan.Status
	agreed    *time.Time
	commenced *time.Time
	outcomes  []outcomeRef
	shares    []shareRef
}

type outcomeRef struct {
	id    pulid.ID
	steps []stepRef
}

type stepRef struct {
	id     pulid.ID
	status outcomestep.Status
}

type shareRef struct {
	id       pulid.ID
	kind     share.RecipientKind
	name     string
	account  *pulid.ID
	basis    policy.Basis
	sections []policy.Section
	decision share.Decision
	reason   string
	method   share.Method
	consent  *pulid.ID
}

// plans writes the person's plan versions and everything that hangs off them.
func (rec *record) plans() {
	rec.choose()
	rec.sharingConsent()
	for i := range rec.p.versions {
		rec.version(i)
	}
	rec.amendments()
	rec.reviews()
	for i := range rec.versions {
		rec.shares(i)
	}
	rec.visits()
}

// linkDays returns k increasing day offsets within [lo, hi].
func linkDays(r *rand.Rand, lo, hi, k int) []int {
	out := make([]int, k)
	prev := lo - 1
	for i := range k {
		from, to := prev+1, max(prev+1, hi-(k-1-i))
		out[i] = from + r.IntN(to-from+1)
		prev = out[i]
	}
	return out
}

// episode decides the dates, consistent with the newest status (R2, R9).
func (rec *record) episode() {
	g, p, r := rec.g, rec.p, rec.r
	ep := &rec.ep
	k := p.versions - 1
	var links []int
	agreeOn := func(day int) {
		ep.agreed = []time.Time{g.officeTime(r, day)}
	}
	commence := func(c int) {
		ep.c = c
		ep.commenced = ptr(g.at(-c, 7, 0))
		ep.start = ptr(g.date(-c))
		agreeOn(-c - 1 - r.IntN(4))
	}
	switch p.status {
	case plan.StatusACTIVE, plan.StatusUNDER_REVIEW:
		c := 1 + r.IntN(28)
		if p.status == plan.StatusUNDER_REVIEW {
			c = 10 + r.IntN(19)
		}
		switch p.demo {
		case demoCarol:
			c = 12
		case demoDan:
			c = 5
		case demoAdam:
			c = 18
		case demoPat:
			c = 16
		}
		if c < k+2 {
			c = k + 2 + r.IntN(27-k)
		}
		commence(c)
		links = linkDays(r, -c+1, -1, k)
	case plan.StatusAGREED:
		last := -1 - r.IntN(7)
		first := last - 2*k - r.IntN(3)
		if k == 0 {
			first = last
		}
		agreeOn(first)
		links = linkDays(r, first+1, last, k)
		ep.start = ptr(g.date(1 + r.IntN(10)))
	case plan.StatusENDED, plan.StatusWITHDRAWN:
		var c, d int
		reason := plan.EndReasonSERVICE_WITHDRAWN
		if p.status == plan.StatusWITHDRAWN {
			// Ended by yesterday at the latest (d < c): ended today in office
			// hours would be in the future for a seeding before nine.
			c, d = 30+r.IntN(270), 5+r.IntN(25)
			ep.endNotes = p.say("R15: a relative repeatedly turned workers away and stopped %s doing tasks for {herself}. The team manager decided to withdraw the service after hearing {her} views and {her} carer's, and weighing the impact on {her} wellbeing; other support was discussed. Confirmed in writing.")
		} else {
			c = 50 + r.IntN(350)
			switch x := r.Float64(); {
			case x < 0.50:
				reason, d = plan.EndReasonOUTCOMES_MET, 21+r.IntN(22)
				ep.endNotes = "Outcomes met; the person manages without visits. Advice on staying well given."
			case x < 0.68:
				reason, d = plan.EndReasonMAXIMUM_PERIOD, 7*maxWeeks
				ep.endNotes = "Reached the six-week maximum (R9). Outcomes partly met; referred for a care and support assessment for ongoing needs."
			case x < 0.80:
				reason, d = plan.EndReasonDECIDED_AT_REVIEW, 21+r.IntN(15)
				ep.endNotes = "Ended at review: the person and carer agreed reablement had done what it could."
			case x < 0.88 && !p.lacksCapacity:
				reason, d = plan.EndReasonPERSON_NO_LONGER_WISHES, 7+r.IntN(20)
				ep.endNotes = p.say("%s decided, with capacity, to stop reablement (R14). Information and advice confirmed in writing; the referrer was told.")
			default:
				reason, d = plan.EndReasonHEALTH_CHANGED, 7+r.IntN(25)
				ep.endNotes = "Readmitted to hospital; reablement ended. A new referral will follow discharge."
			}
		}
		commence(c)
		ep.ended = ptr(g.officeTime(r, -c+d))
		ep.endReason = &reason
		links = linkDays(r, -c+1, -c+d-1, k)
	case plan.StatusDRAFT:
		ep.drafted = g.officeTime(r, -1-r.IntN(14))
		ep.start = ptr(g.date(3 + r.IntN(18)))
	case plan.StatusREFUSED:
		ep.drafted = g.officeTime(r, -10-r.IntN(290))
		ep.ended = ptr(g.officeTime(r, g.dayOffset(ep.drafted)+1+r.IntN(7)))
		reason := plan.EndReasonPERSON_NO_LONGER_WISHES
		ep.endReason = &reason
		ep.endNotes = p.say("%s does not wish to proceed with reablement and has capacity to make that decision (R14). Information and advice were given and confirmed in writing; the referrer was told.")
	}
	for _, day := range links {
		at := g.officeTime(r, day)
		ep.amendAt = append(ep.amendAt, at)
		ep.agreed = append(ep.agreed, at.Add(90*time.Minute))
		kind := r.IntN(len(amendmentDetails))
		if p.demo == demoPat {
			kind = 0 // she asked for her outcome to be reworded: the seed's example
		}
		ep.amendKinds = append(ep.amendKinds, kind)
	}
	if len(ep.agreed) > 0 {
		ep.drafted = g.officeTime(r, g.dayOffset(ep.agreed[0])-2-r.IntN(5))
	}
	ep.referral = ep.drafted.AddDate(0, 0, -1-r.IntN(14))
	if ep.start != nil {
		ep.end = ptr(ep.start.AddDate(0, 0, 7*maxWeeks))
	}
	if p.status == plan.StatusDRAFT && p.demo == "" && chance(r, 0.5) {
		// A draft still being built: R1 reports what is missing field by field.
		ep.incomplete = map[string]bool{}
		items := []string{"visits", "tasks", "other", "review"}
		for _, i := range r.Perm(len(items))[:1+r.IntN(2)] {
			ep.incomplete[items[i]] = true
		}
		if chance(r, 0.5) {
			ep.start, ep.end = nil, nil
		}
	}
}

// choose picks the outcomes, risks and support carried by every version.
func (rec *record) choose() {
	p, r, ep := rec.p, rec.r, &rec.ep
	var social, others []int
	for i := range outcomeTemplates {
		t := &outcomeTemplates[i]
		if t.younger && p.age >= 65 {
			continue
		}
		if t.social {
			social = append(social, i)
		} else {
			others = append(others, i)
		}
	}
	r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	chosen := []int{pick(r, social)} // social outcomes are always explored (R5)
	if p.demo == demoPat || p.demo == demoCarol {
		chosen = []int{0, 4} // breakfast, then the lunch club
	}
	for _, i := range others {
		if len(chosen) >= 2+r.IntN(3) {
			break
		}
		if i != chosen[0] && (len(chosen) < 2 || i != chosen[1]) {
			chosen = append(chosen, i)
		}
	}
	if p.demo == "" {
		r.Shuffle(len(chosen), func(i, j int) { chosen[i], chosen[j] = chosen[j], chosen[i] })
	}
	base := ep.drafted.AddDate(0, 0, 7)
	if ep.start != nil {
		base = *ep.start
	}
	var tasks []string
	for _, i := range chosen {
		t := &outcomeTemplates[i]
		var steps []string
		switch 2 + r.IntN(3) {
		case 2:
			steps = []string{t.steps[0], t.steps[3]}
		case 3:
			steps = []string{t.steps[0], t.steps[1], t.steps[3]}
		default:
			steps = t.steps[:]
		}
		ep.outcomes = append(ep.outcomes, chosenOutcome{t: t, steps: steps, m: 0.6 + 0.8*r.Float64(), target: base.AddDate(0, 0, 21+r.IntN(22))})
		tasks = append(tasks, p.say(t.task))
	}
	ep.tasks = p.say(pick(r, workerTasksIntro)) + strings.Join(tasks, "; ") + "."

	kinds := []risk.Kind{risk.KindTO_PERSON_FROM_NEEDS, risk.KindTO_PERSON_FROM_OUTCOME, risk.KindTO_PLAN, risk.KindTO_WORKER}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	kinds = kinds[:1+r.IntN(4)]
	specialist := p.autism || p.deafblind
	if specialist && !containsKind(kinds, risk.KindTO_WORKER) {
		kinds = append(kinds, risk.KindTO_WORKER)
	}
	for _, k := range kinds {
		var t *riskTemplate
		switch k {
		case risk.KindTO_PERSON_FROM_NEEDS:
			t = &needsRisks[r.IntN(len(needsRisks))]
		case risk.KindTO_PERSON_FROM_OUTCOME:
			t = &outcomeRisks[r.IntN(len(outcomeRisks))]
		case risk.KindTO_PLAN:
			t = &planRisks[r.IntN(len(planRisks))]
		case risk.KindTO_WORKER:
			switch {
			case p.autism:
				t = &workerRisks[4]
			case p.deafblind:
				t = &workerRisks[5]
			default:
				t = &workerRisks[r.IntN(4)]
			}
		}
		ep.risks = append(ep.risks, chosenRisk{kind: k, t: t, likelihood: pick(r, []risk.Likelihood{risk.LikelihoodLOW, risk.LikelihoodMEDIUM, risk.LikelihoodMEDIUM, risk.LikelihoodHIGH})})
	}

	ep.perDay = p.perDay
	ep.duration = p.duration
	if ep.perDay == 0 {
		ep.perDay = 1 + r.IntN(3)
		ep.duration = pick(r, []int{30, 45, 60})
	}
	if !chance(r, 0.25) || p.deafblind {
		ep.other = p.say(pick(r, otherSupport))
		if p.deafblind {
			ep.other = otherSupport[4]
		}
	}
	ep.fluctuate = p.say(pick(r, fluctuatingNeeds))
	ep.reviewFreq = pick(r, reviewFrequencies)
}

func containsKind(ks []risk.Kind, k risk.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// sharingConsent records the consent (or best-interests decision) a copy
// for someone other than a carer rests on (R22).
func (rec *record) sharingConsent() {
	g, p, r, ep := rec.g, rec.p, rec.r, &rec.ep
	if len(ep.agreed) == 0 {
		return
	}
	if p.demo == "" && chance(r, 0.02) {
		rec.declined = true
	}
	if p.demo != "" || !chance(r, 0.12) {
		return
	}
	o := &otherShare{consent: pulid.New("CN"), best: p.lacksCapacity}
	o.name = pick(r, []string{
		"Larkford Community Hub (day centre)", "Sheltered scheme manager, Kentmere Homes",
		pick(r, youngerMen) + " " + p.surname + " (nephew)", pick(r, youngerWomen) + " " + pick(r, surnames) + " (friend)",
	})
	rec.other = o
	decided := ep.agreed[0].Add(-2 * time.Hour)
	c := g.tx.Consent.Create().SetID(o.consent).SetPersonID(p.id).SetPurpose(consent.PurposeSHARING).SetDecidedAt(decided).
		SetCovers(fmt.Sprintf("Share a copy of the reablement plan with %s.", o.name))
	if o.best {
		decider := "the allocated practitioner"
		if p.practitioner != nil {
			decider = p.practitioner.name
		}
		c.SetGivenBy(consent.GivenByBEST_INTERESTS).SetHadCapacity(false).SetDecidedByName(decider).
			SetBestInterestsRecord(p.say(fmt.Sprintf("Consulted {her} family and GP. Sharing with %s helps them support {her} routine; {she} has always valued them. In {her} best interests.", o.name)))
	} else {
		c.SetGivenBy(consent.GivenByPERSON).SetHadCapacity(true)
	}
	if chance(r, 0.15) {
		from := g.dayOffset(decided) + 1
		if from < 0 {
			at := g.officeTime(r, from+r.IntN(-from))
			o.withdrawn = &at
			c.SetWithdrawnAt(at).SetWithdrawnReason(p.say("{She} no longer wants them to have {her} plan."))
		}
	}
	g.w.consents.add(c)
}

// version writes plan version i (0-based) and its content.
func (rec *record) version(i int) {
	g, p, ep := rec.g, rec.p, &rec.ep
	newest := i == p.versions-1
	v := &version{n: i + 1, id: pulid.New("PL"), status: p.status}
	if !newest {
		v.status = plan.StatusSUPERSEDED
	}
	if i < len(ep.agreed) {
		v.agreed = &ep.agreed[i]
	}
	if ep.commenced != nil && (newest || ep.commenced.Before(ep.amendAt[i])) {
		v.commenced = ep.commenced
	}
	rec.versions = append(rec.versions, v)

	created := ep.drafted
	if i > 0 {
		created = ep.amendAt[i-1]
	}
	svc := g.staff.services[p.service]
	c := g.tx.Plan.Create().SetID(v.id).SetPersonID(p.id).SetVersion(v.n).SetStatus(v.status).
		SetServiceTeamID(svc.id).SetCreatedAt(created).SetFluctuatingNeeds(ep.fluctuate).
		AddNeedIDs(rec.needIDs...)
	if i > 0 {
		c.SetSupersedesID(rec.versions[i-1].id)
	}
	if !ep.incomplete["visits"] {
		c.SetVisitFrequency(p.say(visitFrequencies[ep.perDay])).SetVisitDurationMinutes(ep.duration)
	}
	if !ep.incomplete["tasks"] {
		c.SetWorkerTasks(ep.tasks)
	}
	if !ep.incomplete["other"] {
		if ep.other == "" {
			c.SetNoOtherSupport(true)
		} else {
			c.SetOtherSupport(ep.other)
		}
	}
	if !ep.incomplete["review"] {
		c.SetReviewFrequency(ep.reviewFreq)
		if rv := rec.reviewer(); rv != nil {
			c.SetReviewResponsibleID(rv.id)
		}
	}
	if ep.start != nil {
		c.SetPlannedStart(*ep.start).SetPlannedEnd(*ep.end).SetFirstReviewDue(ep.start.AddDate(0, 0, firstReview))
	}
	if v.commenced != nil {
		c.SetCommencedAt(*v.commenced).SetChargeableFrom(ep.start.AddDate(0, 0, 7*freeWeeks))
	}
	if v.agreed != nil {
		c.SetAgreedAt(*v.agreed)
		if rec.g.now.Sub(*v.agreed) > 24*time.Hour {
			c.SetWrittenRecordAt(v.agreed.Add(24 * time.Hour)).SetWrittenRecordFormat(rec.writtenFormat())
		}
	}
	if formats := rec.accessibleFormats(); len(formats) > 0 && v.agreed != nil {
		c.SetAccessibleFormats(formats)
	}
	if p.advocacy == person.AdvocacyREFERRAL_WAITING {
		c.SetInterimMeasures(true) // R30: only urgent interim measures until the advocate is in place
	}
	if newest && ep.ended != nil {
		c.SetEndedAt(*ep.ended).SetEndReason(*ep.endReason).SetEndNotes(ep.endNotes)
		if confirm := ep.ended.Add(26 * time.Hour); confirm.Before(g.now) && (p.status == plan.StatusREFUSED || p.status == plan.StatusWITHDRAWN) {
			c.SetWrittenConfirmationAt(confirm)
			if p.status == plan.StatusREFUSED {
				c.SetReferrerNotifiedAt(confirm)
			}
		}
	}
	g.w.plans.add(c)

	rec.involvements(v)
	rec.outcomes(v, i)
	rec.risks(v)
}

// reviewer is whoever is responsible for reviews: the allocated
// practitioner, or the team's first.
func (rec *record) reviewer() *member {
	if rec.p.practitioner != nil {
		return rec.p.practitioner
	}
	if len(rec.p.team.practitioners) > 0 {
		return &rec.p.team.practitioners[0]
	}
	return nil
}

func (rec *record) writtenFormat() string {
	switch {
	case rec.p.autism:
		return "Easy read, printed"
	case rec.p.deafblind:
		return "Braille"
	case rec.p.communication == communicationNeeds[4]:
		return "Large print (18pt)"
	case rec.p.age < 70:
		return "Email (PDF)"
	default:
		return "Printed copy, given at home"
	}
}

// accessibleFormats records other formats of the plan (R4).
func (rec *record) accessibleFormats() []schematype.AccessibleFormat {
	switch {
	case rec.p.autism:
		return []schematype.AccessibleFormat{{Format: "EASY_READ", Location: "Easy-read copy in the person's documents; one on the kitchen wall"}}
	case rec.p.deafblind:
		return []schematype.AccessibleFormat{{Format: "BRAILLE", Location: "Braille copy at home, transcribed by the sensory team", OriginalAttached: true}}
	case rec.p.communication == communicationNeeds[3]:
		return []schematype.AccessibleFormat{{Format: "PICTURE", Location: "Picture plan made with the speech and language therapist, scanned to documents", OriginalAttached: true}}
	}
	return nil
}

// involvements records who took part in planning and why (R3).
func (rec *record) involvements(v *version) {
	g, p := rec.g, rec.p
	add := func(name, rel string, basis involvement.Basis) {
		g.w.involvements.add(g.tx.Involvement.Create().SetPersonID(p.id).SetPlanID(v.id).SetName(name).SetRelationship(rel).SetBasis(basis))
	}
	add(p.legal, "The person", involvement.BasisPERSON)
	for _, c := range rec.carers {
		add(c.name, c.rel+" (carer)", involvement.BasisCARER)
	}
	if rec.asked != nil {
		add(rec.asked.name, rec.asked.rel, involvement.BasisPERSON_ASKED)
	}
	if p.appropriatePerson != "" {
		add(p.appropriatePerson, "Appropriate person", involvement.BasisPERSON_ASKED)
	}
	if rec.advocate != "" {
		basis := involvement.BasisPERSON_ASKED
		if p.lacksCapacity {
			basis = involvement.BasisBEST_INTERESTS
		}
		add(rec.advocate, "Independent advocate", basis)
	}
	if p.lacksCapacity && len(rec.carers) == 0 {
		add(youngerMen[p.idx%len(youngerMen)]+" "+p.surname, "son", involvement.BasisBEST_INTERESTS)
	}
}

// snapshot returns how far through reablement a version was when it
// stopped changing, and whether reablement had finished: a superseded
// version stands at its amendment, the newest at today or its end.
func (rec *record) snapshot(v *version, i int) (f float64, running, finished bool) {
	ep := &rec.ep
	if v.commenced == nil {
		return 0, false, false
	}
	at := rec.g.now
	switch {
	case v.status == plan.StatusSUPERSEDED:
		at = ep.amendAt[i]
	case ep.ended != nil:
		at, finished = *ep.ended, true
	}
	return at.Sub(*ep.commenced).Hours() / 24 / (7 * maxWeeks), !finished, finished
}

// outcomes writes the outcomes and steps of a version, with achievement
// consistent with where the plan is (R5).
func (rec *record) outcomes(v *version, i int) {
	g, p, ep := rec.g, rec.p, &rec.ep
	f, running, finished := rec.snapshot(v, i)
	reworded := false
	for j := 0; j < i; j++ {
		if ep.amendKinds[j] == 0 {
			reworded = true
		}
	}
	for pos, o := range ep.outcomes {
		n := len(o.steps)
		level := min(int(f*float64(n)*o.m), n)
		if running && level == n && f < 0.6 {
			level = n - 1
		}
		if finished && ep.endReason != nil && *ep.endReason == plan.EndReasonOUTCOMES_MET {
			level = n
			if o.m > 1.3 {
				level = n - 1
			}
		}
		achievement := outcome.AchievementNOT_STARTED
		switch {
		case finished && level == n:
			achievement = outcome.AchievementACHIEVED
		case finished && level == 0:
			achievement = outcome.AchievementNOT_ACHIEVED
		case finished:
			achievement = outcome.AchievementPARTLY_ACHIEVED
		case running && level == n:
			achievement = outcome.AchievementACHIEVED
		case running:
			achievement = outcome.AchievementIN_PROGRESS
		}
		statement := p.say(o.t.statement)
		if reworded && pos == 0 {
			statement = p.say(o.t.reworded)
		}
		ref := outcomeRef{id: pulid.New("OC")}
		g.w.outcomes.add(g.tx.Outcome.Create().SetID(ref.id).SetPersonID(p.id).SetPlanID(v.id).
			SetStatement(statement).SetKind(o.t.kind).SetDomain(o.t.domain).SetSupportRequired(p.say(o.t.support)).
			SetMeasure(p.say(o.t.measure)).SetTargetDate(o.target).SetAchievement(achievement).SetPosition(pos))
		start := o.target.AddDate(0, 0, -28)
		if ep.start != nil {
			start = *ep.start
		}
		span := o.target.Sub(start)
		for k, text := range o.steps {
			status := outcomestep.StatusNOT_STARTED
			switch {
			case k < level:
				status = outcomestep.StatusDONE
			case k == level && running:
				status = outcomestep.StatusIN_PROGRESS
			}
			s := stepRef{id: pulid.New("OS"), status: status}
			ref.steps = append(ref.steps, s)
			target := start.Add(span * time.Duration(k+1) / time.Duration(n)).Truncate(24 * time.Hour)
			g.w.steps.add(g.tx.OutcomeStep.Create().SetID(s.id).SetPersonID(p.id).SetPlanID(v.id).SetOutcomeID(ref.id).
				SetDescription(text).SetPosition(k).SetTargetDate(target).SetStatus(status))
		}
		v.outcomes = append(v.outcomes, ref)
	}
}

// risks writes the risks of a version: contingencies for every risk to the
// plan (R7); risks to the worker confirmed mitigated by the service's
// registered manager before reablement commenced (R31).
func (rec *record) risks(v *version) {
	g, p, r, ep := rec.g, rec.p, rec.r, &rec.ep
	svc := g.staff.services[p.service]
	for _, cr := range ep.risks {
		t := cr.t
		id := pulid.New("RK")
		c := g.tx.Risk.Create().SetID(id).SetPersonID(p.id).SetPlanID(v.id).SetKind(cr.kind).
			SetCategory(risk.Category(t.category)).SetDescription(p.say(t.description)).
			SetWellbeingImpact(p.say(t.impact)).SetLikelihood(cr.likelihood).
			SetLikelihoodEvidence(p.say(t.evidence)).SetStrategy(p.say(t.strategy))
		if t.benefits != "" {
			c.SetBenefits(p.say(t.benefits))
		}
		if cr.kind == risk.KindTO_WORKER {
			c.SetEnvironmentAssessmentRequired(t.environment)
			var confirmed *time.Time
			switch {
			case v.commenced != nil:
				confirmed = ptr(v.commenced.Add(-20 * time.Hour))
			case v.agreed != nil && v.status != plan.StatusSUPERSEDED && r.IntN(2) == 0:
				if at := v.agreed.Add(24 * time.Hour); at.Before(g.now) {
					confirmed = &at
				}
			}
			if confirmed != nil {
				c.SetMitigationConfirmedAt(*confirmed).SetMitigationConfirmedByID(svc.registered.id)
				if t.environment {
					c.SetEnvironmentAssessmentDoneAt(confirmed.Add(-26 * time.Hour))
				}
			}
		}
		g.w.risks.add(c)
		if cr.kind == risk.KindTO_PLAN {
			g.w.contingencies.add(g.tx.Contingency.Create().SetPersonID(p.id).SetPlanID(v.id).SetRiskID(id).
				SetMeasures(p.say(t.measures)).SetTrigger(t.trigger).SetWhoActs(t.whoActs))
		}
	}
}

// amendments writes the agreed request behind each new version (R25), and
// on some current plans a declined or pending one.
func (rec *record) amendments() {
	g, p, r, ep := rec.g, rec.p, rec.r, &rec.ep
	requester := func() (amendment.RequestedBy, string) {
		switch x := r.Float64(); {
		case p.demo == demoPat || x < 0.5:
			return amendment.RequestedByPERSON, p.legal
		case x < 0.7 && len(rec.carers) > 0:
			return amendment.RequestedByCARER, rec.carers[0].name
		case x < 0.8 && rec.advocate != "":
			return amendment.RequestedByADVOCATE, rec.advocate
		default:
			if rv := rec.reviewer(); rv != nil {
				return amendment.RequestedByPRACTITIONER, rv.name
			}
			return amendment.RequestedByPERSON, p.legal
		}
	}
	for i, at := range ep.amendAt {
		d := amendmentDetails[ep.amendKinds[i]]
		by, name := requester()
		c := g.tx.Amendment.Create().SetPersonID(p.id).SetPlanID(rec.versions[i].id).SetResultingPlanID(rec.versions[i+1].id).
			SetRequestedBy(by).SetRequesterName(name).SetReason(amendment.Reason(d.reason)).SetDetails(d.details).
			SetEvidenceReviewed("Notes of the planning conversation and the person's own words.").
			SetDecision(amendment.DecisionAGREED).SetDecidedAt(at).SetCreatedAt(at.Add(-48 * time.Hour)).
			SetDecisionReason(fmt.Sprintf("Agreed (R25): version %d produced; version %d kept, marked superseded.", i+2, i+1))
		if by != amendment.RequestedByPERSON {
			c.SetPersonConsultedAt(at.Add(-24 * time.Hour)).SetPersonView(p.say("%s agrees with the change."))
		}
		noRec := p.demo == "" && chance(r, 0.05)
		ep.noRecirculate = append(ep.noRecirculate, noRec)
		c.SetNoRecirculation(noRec)
		g.w.amendments.add(c)
	}
	newest := rec.versions[len(rec.versions)-1]
	if newest.agreed == nil || p.demo != "" {
		return
	}
	from := g.dayOffset(*newest.agreed) + 1
	switch x := r.Float64(); {
	case x < 0.05 && from <= -2:
		d := pick(r, declinedAmendments)
		at := g.officeTime(r, from+r.IntN(-1-from))
		g.w.amendments.add(g.tx.Amendment.Create().SetPersonID(p.id).SetPlanID(newest.id).
			SetRequestedBy(amendment.RequestedByPERSON).SetRequesterName(p.legal).SetReason(amendment.Reason(d.reason)).
			SetDetails(d.details).SetEvidenceReviewed("GP record and the planning notes.").
			SetDecision(amendment.DecisionDECLINED).SetDecisionReason(d.decision).SetDecidedAt(at).
			SetComplaintRightToldAt(at.Add(time.Hour)).SetCreatedAt(at.Add(-72 * time.Hour)))
	case x < 0.07 && (p.status == plan.StatusACTIVE || p.status == plan.StatusUNDER_REVIEW):
		d := pick(r, amendmentDetails)
		by, name := requester()
		g.w.amendments.add(g.tx.Amendment.Create().SetPersonID(p.id).SetPlanID(newest.id).
			SetRequestedBy(by).SetRequesterName(name).SetReason(amendment.Reason(d.reason)).SetDetails(d.details))
	}
}

var unplannedReasons = []struct {
	by     review.RequestedBy
	reason string
}{
	{review.RequestedByCARER, "Daughter reports {she} is more confused and not eating."},
	{review.RequestedByPROVIDER, "Worker reports {she} now manages breakfast and washing alone; visits could reduce."},
	{review.RequestedByPERSON, "Asks for visits to move later because of when {she} takes {her} tablets."},
	{review.RequestedByPRACTITIONER, "New information from the GP about a heart condition."},
}

// reviews writes scheduled reviews (R11) and unplanned requests (R12) on
// the newest version.
func (rec *record) reviews() {
	g, p, r, ep := rec.g, rec.p, rec.r, &rec.ep
	v := rec.versions[len(rec.versions)-1]
	if ep.start == nil || v.agreed == nil || p.status == plan.StatusWITHDRAWN {
		return
	}
	rv := rec.reviewer()
	due := ep.start.AddDate(0, 0, firstReview)
	scheduled := g.tx.Review.Create().SetPersonID(p.id).SetPlanID(v.id).SetKind(review.KindSCHEDULED).
		SetDecision(review.DecisionHOLD).SetDecisionReason("First scheduled review, three weeks after reablement commenced (R11).").SetDue(due)
	if rv != nil {
		scheduled.SetReviewerID(rv.id)
	}
	held := due.Add(11 * time.Hour)
	switch {
	case ep.ended != nil && *ep.endReason == plan.EndReasonDECIDED_AT_REVIEW:
		scheduled.SetHeldAt(*ep.ended).SetResult(review.ResultEND).SetResultNotes(ep.endNotes)
		g.w.reviews.add(scheduled)
	case ep.ended != nil && held.Before(*ep.ended), ep.ended == nil && held.Before(g.now):
		scheduled.SetHeldAt(held).SetResult(review.ResultCONTINUE).
			SetResultNotes("Good progress on most steps; visits continue. Morning visit to reduce to standby only.")
		g.w.reviews.add(scheduled)
	case ep.ended == nil:
		g.w.reviews.add(scheduled) // due, not yet held
	}

	switch {
	case p.status == plan.StatusUNDER_REVIEW:
		u := pick(r, unplannedReasons)
		c := g.tx.Review.Create().SetPersonID(p.id).SetPlanID(v.id).SetKind(review.KindUNPLANNED).
			SetRequestedBy(u.by).SetReason(p.say(u.reason)).SetDecision(review.DecisionHOLD).
			SetDecisionReason("Agreed to review early given the new information (R12).").SetDue(g.date(r.IntN(8)))
		if rv != nil {
			c.SetReviewerID(rv.id)
		}
		g.w.reviews.add(c)
	case p.status == plan.StatusACTIVE && p.demo == "" && chance(r, 0.08):
		u := pick(r, unplannedReasons)
		g.w.reviews.add(g.tx.Review.Create().SetPersonID(p.id).SetPlanID(v.id).SetKind(review.KindUNPLANNED).
			SetRequestedBy(u.by).SetReason(p.say(u.reason)).SetDecision(review.DecisionDECLINED).
			SetDecisionReason("Considered (R12): met by adjusting visit times; the scheduled review is soon enough."))
	}
}

// shares writes the copies of version i (R20–R24). The first agreed version
// goes to the provider, carers, the advocate and anyone with consent; each
// later version is re-circulated to the same recipients with the same
// scope (R26) unless the person asked otherwise.
func (rec *record) shares(i int) {
	g, p, r, ep := rec.g, rec.p, rec.r, &rec.ep
	v := rec.versions[i]
	if v.agreed == nil {
		return
	}
	sharedAt := v.agreed.Add(time.Duration(60+r.IntN(120)) * time.Minute)
	var refs []shareRef
	var from []*pulid.ID
	if i == 0 {
		svc := g.staff.services[p.service]
		refs = append(refs, shareRef{kind: share.RecipientKindPROVIDER, name: svc.name, basis: policy.ProviderDuty, method: share.MethodPORTAL})
		for _, c := range rec.carers {
			if !c.getsCopy {
				continue
			}
			s := shareRef{kind: share.RecipientKindCARER, name: c.name, account: c.account, basis: policy.CarerShare, decision: share.DecisionSHARED, method: share.MethodEMAIL}
			if c.account != nil {
				s.method = share.MethodPORTAL
			} else if chance(r, 0.4) {
				s.method = share.MethodPOST
			}
			if c.limited {
				s.decision, s.sections = share.DecisionPARTIAL, []policy.Section{policy.Outcomes, policy.Visits}
				s.reason = p.say("%s has capacity and asked that {her} " + c.rel + " sees only {her} outcomes and visit times (R21).")
			}
			refs = append(refs, s)
		}
		if rec.advocate != "" {
			s := shareRef{kind: share.RecipientKindADVOCATE, name: rec.advocate, basis: policy.AdvocateShare, decision: share.DecisionSHARED, method: share.MethodEMAIL}
			if p.demo == demoAdam {
				s.account, s.method = ptr(g.staff.demo[demoAdam]), share.MethodPORTAL
			}
			refs = append(refs, s)
		}
		if p.demo == demoPat {
			refs = append(refs, shareRef{kind: share.RecipientKindPERSON, name: p.legal, account: ptr(g.staff.demo[demoPat]), basis: policy.OwnRecord, decision: share.DecisionSHARED, method: share.MethodPORTAL})
		}
		if o := rec.other; o != nil {
			basis := policy.ConsentShare
			if o.best {
				basis = policy.BestInterestsShare
			}
			refs = append(refs, shareRef{kind: share.RecipientKindOTHER, name: o.name, basis: basis, decision: share.DecisionSHARED, method: share.MethodEMAIL, consent: &o.consent})
		}
		for range refs {
			from = append(from, nil)
		}
	} else {
		noRecirculation := ep.noRecirculate[i-1]
		for _, prev := range rec.versions[i-1].shares {
			if prev.decision == share.DecisionDECLINED || (noRecirculation && prev.kind != share.RecipientKindPROVIDER) {
				continue
			}
			if o := rec.other; prev.consent != nil && o != nil && o.withdrawn != nil && !o.withdrawn.After(sharedAt) {
				continue // the consent it rested on was withdrawn before this version
			}
			refs = append(refs, prev)
			from = append(from, &prev.id)
		}
	}
	for k := range refs {
		s := &refs[k]
		s.id = pulid.New("SH")
		if s.decision == "" {
			s.decision = share.DecisionSHARED
		}
		c := g.tx.Share.Create().SetID(s.id).SetPersonID(p.id).SetPlanID(v.id).SetRecipientKind(s.kind).
			SetRecipientName(s.name).SetBasis(s.basis).SetDecision(s.decision).SetMethod(s.method).SetSharedAt(sharedAt)
		if s.account != nil {
			c.SetRecipientAccountID(*s.account)
		}
		if len(s.sections) > 0 {
			c.SetSections(s.sections)
			if s.kind == share.RecipientKindCARER {
				c.SetRequestedByPerson(true) // R21: the person, with capacity, asked to limit it
			}
		}
		if s.reason != "" {
			c.SetDecisionReason(s.reason)
		}
		if s.consent != nil {
			c.SetConsentID(*s.consent)
		}
		if from[k] != nil {
			c.SetRecirculatedFromID(*from[k])
		}
		if s.kind == share.RecipientKindCARER && s.account == nil && i == len(rec.versions)-1 && chance(r, 0.03) {
			if at := sharedAt.AddDate(0, 0, 3); at.Before(g.now) {
				c.SetRevokedAt(at).SetRevokedReason(p.say("%s asked that this carer no longer receives copies."))
			}
		}
		g.w.shares.add(c)
	}
	v.shares = refs
	if rec.declined && i == len(rec.versions)-1 {
		// The seed's neighbour example (R23): declined with the manager's advice.
		g.w.shares.add(g.tx.Share.Create().SetPersonID(p.id).SetPlanID(v.id).SetRecipientKind(share.RecipientKindOTHER).
			SetRecipientName(pick(r, olderMen) + " " + pick(r, surnames) + " (neighbour)").SetBasis(policy.PersonRequest).
			SetDecision(share.DecisionDECLINED).SetRequestedByPerson(true).SetMethod(share.MethodPOST).
			SetDecisionReason(p.say("Declined (R23b): there is evidence the neighbour has taken money from {him}; sharing could put {him} at risk of financial abuse.")).
			SetManagerAdvice(p.say("Team manager advised declining in full and raising a safeguarding concern; {she} was told why and that {her} own copy is unaffected.")))
	}
}
