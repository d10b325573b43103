package demo

import (
	"math/rand/v2"
	"slices"

	"reablement/ent/person"
	"reablement/ent/plan"
)

// Plan statuses are decided in three passes: a few people are set aside so
// that every status appears even in a tiny authority; then workers' rounds
// are filled (whoever gets a round has an ACTIVE or UNDER_REVIEW plan);
// then everyone else gets a status at random.

// reserveStatuses sets aside one person for each status that has no visits.
func (g *generator) reserveStatuses() {
	r := g.rng(streamStatus, 1)
	wanted := []plan.Status{plan.StatusDRAFT, plan.StatusAGREED, plan.StatusENDED, plan.StatusREFUSED, plan.StatusWITHDRAWN}
	for _, i := range r.Perm(len(g.people)) {
		p := g.people[i]
		if len(wanted) == 0 {
			return
		}
		if p.demo != "" || p.advocacy == person.AdvocacyREFERRAL_WAITING || (wanted[0] == plan.StatusREFUSED && p.lacksCapacity) {
			continue
		}
		p.status, p.versions = wanted[0], 1
		wanted = wanted[1:]
	}
}

// perDay draws how many visits a day a plan needs.
func perDay(r *rand.Rand) int {
	switch x := r.Float64(); {
	case x < 0.40:
		return 1
	case x < 0.80:
		return 2
	case x < 0.95:
		return 3
	default:
		return 4
	}
}

// allocateRounds fills every worker's round to 6–10 visits a day with
// people of the worker's service, respecting R32: an autistic person only
// gets a worker with autism training, a deafblind person one with deafblind
// training. Specialist workers are kept for the people who need them as
// long as other workers have room.
func (g *generator) allocateRounds() {
	g.reserveStatuses()
	r := g.rng(streamRounds, 0)
	for _, svc := range g.staff.services {
		for _, w := range svc.workers {
			w.target = 6 + r.IntN(5)
		}
	}
	wes := g.staff.wes
	wes.target = 8
	// The demo accounts' people are on wes.worker's round: 6 visits a day.
	for i, n := range []int{2, 1, 1, 2} {
		g.assign(g.people[i], wes, n, r)
	}
	order := r.Perm(len(g.people))
	for s, svc := range g.staff.services {
		room := 0
		for _, w := range svc.workers {
			room += w.target - w.load
		}
		for _, i := range order {
			if room == 0 {
				break
			}
			p := g.people[i]
			if p.service != s || p.demo != "" || p.status != "" || p.advocacy == person.AdvocacyREFERRAL_WAITING {
				continue
			}
			w := bestWorker(svc.workers, p)
			if w == nil {
				continue
			}
			n := min(perDay(r), w.target-w.load)
			g.assign(p, w, n, r)
			room -= n
		}
	}
	for _, svc := range g.staff.services {
		for _, w := range svc.workers {
			g.schedule(w, r)
		}
	}
}

// bestWorker returns the worker with most room who may visit p (R32),
// preferring non-specialists for people who need no specialist training.
func bestWorker(ws []*worker, p *profile) *worker {
	var best, bestSpecialist *worker
	for _, w := range ws {
		if w.load >= w.target || (p.autism && !w.autism) || (p.deafblind && !w.deafblind) {
			continue
		}
		if w.specialist && !p.autism && !p.deafblind {
			if bestSpecialist == nil || w.target-w.load > bestSpecialist.target-bestSpecialist.load {
				bestSpecialist = w
			}
			continue
		}
		if best == nil || w.target-w.load > best.target-best.load {
			best = w
		}
	}
	if best == nil {
		return bestSpecialist
	}
	return best
}

func (g *generator) assign(p *profile, w *worker, n int, r *rand.Rand) {
	p.worker, p.perDay = w, n
	p.duration = pick(r, []int{45, 60})
	if n > 1 {
		p.duration = pick(r, []int{30, 45})
	}
	if n > 2 {
		p.duration = 30
	}
	w.round = append(w.round, p)
	w.load += n
}

// Parts of the day visits fall in, as minutes after local midnight.
var slotStarts = []int{7*60 + 30, 11*60 + 45, 16 * 60, 19 * 60}

const (
	dayEnd = 21 * 60
	travel = 15
)

// schedule gives each visit of a worker's round its time of day: morning,
// lunch, teatime or evening by how many visits the person needs, laid end
// to end with travel between, all between 07:30 and 21:00.
func (g *generator) schedule(w *worker, r *rand.Rand) {
	type slot struct {
		p    *profile
		part int
		seq  int
	}
	var slots []slot
	for i, p := range w.round {
		var parts []int
		switch p.perDay {
		case 1:
			parts = []int{0}
			if chance(r, 0.3) {
				parts = []int{1}
			}
		case 2:
			parts = []int{0, 2}
		case 3:
			parts = []int{0, 1, 2}
		default:
			parts = []int{0, 1, 2, 3}
		}
		for _, part := range parts {
			slots = append(slots, slot{p, part, i})
		}
	}
	slices.SortStableFunc(slots, func(a, b slot) int {
		if a.part != b.part {
			return a.part - b.part
		}
		return a.seq - b.seq
	})
	lay := func(useParts bool, gap int) ([]int, bool) {
		times := make([]int, len(slots))
		cur := slotStarts[0]
		for i, s := range slots {
			if useParts {
				cur = max(cur, slotStarts[s.part])
			}
			times[i] = cur
			cur += s.p.duration + gap
		}
		return times, len(slots) == 0 || times[len(times)-1]+slots[len(slots)-1].p.duration <= dayEnd
	}
	times, ok := lay(true, travel)
	if !ok {
		times, _ = lay(false, 5) // at most 10 visits of an hour: ends by 18:15
	}
	for _, p := range w.round {
		p.visitMins = p.visitMins[:0]
	}
	for i, s := range slots {
		s.p.visitMins = append(s.p.visitMins, times[i])
	}
}

// assignStatuses decides the newest plan status of everyone not yet
// decided, and how many versions their plan has.
func (g *generator) assignStatuses() {
	r := g.rng(streamStatus, 0)
	active := 0
	for _, p := range g.people {
		switch {
		case p.worker != nil && p.demo != "":
			p.status = plan.StatusACTIVE
		case p.worker != nil:
			p.status = plan.StatusACTIVE
			if active%6 == 0 {
				p.status = plan.StatusUNDER_REVIEW
			}
			active++
		case p.status != "":
			// reserved
		case p.advocacy == person.AdvocacyREFERRAL_WAITING:
			p.status = plan.StatusDRAFT // R30: nothing is agreed until the advocate is in place
		default:
			switch x := r.Float64(); {
			case x < 0.13:
				p.status = plan.StatusDRAFT
			case x < 0.22:
				p.status = plan.StatusAGREED
			case x < 0.82:
				p.status = plan.StatusENDED
			case x < 0.92:
				p.status = plan.StatusREFUSED
			default:
				p.status = plan.StatusWITHDRAWN
			}
			if p.status == plan.StatusREFUSED && p.lacksCapacity {
				p.status = plan.StatusENDED // R14: refusal is a capacitous decision
			}
		}
		if p.versions == 0 {
			p.versions = 1
			switch p.status {
			case plan.StatusAGREED, plan.StatusACTIVE, plan.StatusUNDER_REVIEW, plan.StatusENDED, plan.StatusWITHDRAWN:
				if p.demo == "" {
					switch x := r.Float64(); {
					case x < 0.06:
						p.versions = 3
					case x < 0.58:
						p.versions = 2
					}
				}
			}
		}
	}
	g.people[3].versions = 2 // pat.person: version 1 superseded by her amendment
}
