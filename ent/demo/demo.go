// Package demo generates a believable authority, Kentmere County Council:
// staff and teams, people with carers, contacts and needs, plans in every
// status with their outcomes, risks, shares and reviews, and a fortnight of
// visits. `make run` and the browser tests load a small one; the benchmarks
// a large one (20,000 people, 400 workers).
//
// The data is deterministic: the same Options give the same content (not the
// same ids, which are random by design, see schema/pulid). Everything is
// written through ent, so the schema's hooks run as they do for any write,
// with a system viewer; rows carry their person and plan keys explicitly,
// which lets the write guard skip reading each parent back.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
	_ "time/tzdata" // Europe/London must resolve on machines without zoneinfo

	"reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// Options shape the generated authority. The zero value is the default
// demo: 400 people, seed 1, today.
type Options struct {
	// People is the number of people (default 400; at least 12, so every
	// plan status and every demo account's story fits).
	People int
	// Seed fixes the content: the same options always give the same data
	// (default 1).
	Seed int64
	// Now anchors "today" (zero: time.Now()). Visits are generated for
	// today and the next 13 days in Europe/London, history before.
	Now time.Time
	// Workers is the number of reablement workers (default max(8, People/50)),
	// each given 6–10 visits a day when there are enough people.
	Workers int
}

// minPeople is the smallest authority Load makes: the demo accounts' people
// plus one person for each plan status.
const minPeople = 12

func (o Options) withDefaults() Options {
	if o.People == 0 {
		o.People = 400
	}
	o.People = max(o.People, minPeople)
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Workers <= 0 {
		o.Workers = max(8, o.People/50)
	}
	o.Workers = max(o.Workers, 2) // one per service at least
	return o
}

// Account describes a named demo account, for sign-in screens and the README.
type Account struct {
	// Username is the sign-in name; the token subject is "demo|" + Username.
	Username string
	// DisplayName is the name colleagues see.
	DisplayName string
	// Roles are the account's roles.
	Roles []policy.Role
	// Team is the team the account works in ("" for none).
	Team string
	// Description says in one sentence what to try as this account.
	Description string
}

// SubjectPrefix starts the token subject of every named demo account, so
// the development signer can offer exactly these accounts and no other.
const SubjectPrefix = "demo|"

// Team names, shared by the generator and DemoAccounts.
const (
	teamNorth     = "Reablement North"
	teamSouth     = "Reablement South"
	teamHospital  = "Hospital Discharge Team"
	teamCommunity = "Community Reablement Assessment"
	teamReview    = "Reablement Review Team"
)

// DemoAccounts lists the named accounts Load creates, at least one per role.
// External accounts (carer, advocate, the person) belong to no team.
var DemoAccounts = []Account{
	{"priya.practitioner", "Priya Shah", []policy.Role{policy.Practitioner}, teamHospital,
		"Work the Hospital Discharge Team's caseload in full: open a draft plan to see what stops it being agreed (R1), then share a copy."},
	{"sam.practitioner", "Sam Okafor", []policy.Role{policy.Practitioner}, teamCommunity,
		"Work the community team's caseload and notice that the hospital team's people are not there at all."},
	{"morgan.manager", "Morgan Ellis", []policy.Role{policy.Manager}, teamHospital,
		"Manage the Hospital Discharge Team: see everyone it supports and decide on declined shares and amendments."},
	{"rita.registered", "Rita Kowalski", []policy.Role{policy.RegisteredManager}, teamNorth,
		"Run Reablement North: confirm risks to workers before reablement starts (R31); safeguarding and finance stay withheld."},
	{"wes.worker", "Wes Adeyemi", []policy.Role{policy.Worker}, teamNorth,
		"Open today's visits, read the plan each works to and record a visit; sections a worker does not need come back withheld."},
	{"ana.analyst", "Ana Lindqvist", []policy.Role{policy.Analyst}, "",
		"Query the whole authority for statistics: pseudonyms, age bands and localities, coded fields only, no names or free text."},
	{"ian.auditor", "Ian Mercer", []policy.Role{policy.Auditor}, "",
		"Read the audit log: who saw whose record, which sections, on what basis and when."},
	{"rex.returns", "Rex Morgan", []policy.Role{policy.ReturnsOfficer}, "",
		"Export the quarterly Client Level Data return with NHS numbers, as the Directions require; every person in it is audited."},
	{"carol.carer", "Carol Hughes", []policy.Role{policy.CarerRole}, "",
		"See your mother Margaret's plan as she chose to share it: outcomes and visits only, everything else withheld."},
	{"dan.daughter", "Danielle Okoro", []policy.Role{policy.CarerRole}, "",
		"See your father Joseph's plan in full, as a carer's default copy (R21)."},
	{"adam.advocate", "Adam Clarke", []policy.Role{policy.AdvocateRole}, "",
		"Read the full plan of Leonard, whom you support as an independent advocate (R24)."},
	{"pat.person", "Patricia Lawson", []policy.Role{policy.PersonRole}, "",
		"See your own record and plan, version 1 kept as superseded after your amendment, and who has looked at it."},
}

// The authority's fixed facts.
const (
	authorityName = "Kentmere County Council"
	authorityCode = "KENTMERE"
	timeZone      = "Europe/London"
	maxWeeks      = 6
	firstReview   = 21
	freeWeeks     = 6
	batchSize     = 1000
)

// Load fills an empty database with the demo authority and returns true.
// If any authority exists it does nothing and returns false, so it is safe
// to call on every start. The whole load is one transaction: a failure
// leaves nothing behind, and a concurrent Load loses on the authority's
// unique code and returns false.
func Load(ctx context.Context, client *ent.Client, opts Options) (bool, error) {
	opts = opts.withDefaults()
	loc, err := time.LoadLocation(timeZone)
	if err != nil {
		return false, fmt.Errorf("demo: %w", err)
	}
	exists, err := client.Authority.Query().Exist(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		return false, fmt.Errorf("demo: checking for an authority: %w", err)
	}
	if exists {
		return false, nil
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return false, fmt.Errorf("demo: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // no-op after Commit

	authorityID := pulid.New("AU")
	sys := viewer.System(ctx, authorityID)
	err = tx.Authority.Create().SetID(authorityID).SetName(authorityName).SetCode(authorityCode).
		SetTimeZone(timeZone).SetMaxReablementWeeks(maxWeeks).SetFirstReviewDays(firstReview).SetNonChargeableWeeks(freeWeeks).
		Exec(privacy.DecisionContext(sys, privacy.Allow))
	if ent.IsConstraintError(err) {
		return false, nil // another Load got there first
	}
	if err != nil {
		return false, fmt.Errorf("demo: creating the authority: %w", err)
	}
	g := newGenerator(sys, tx, opts, loc)
	if err := g.run(); err != nil {
		return false, fmt.Errorf("demo: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("demo: committing: %w", err)
	}
	return true, nil
}

// generator holds what the load has made so far.
type generator struct {
	ctx   context.Context
	tx    *ent.Tx
	opts  Options
	seed  uint64
	loc   *time.Location
	now   time.Time // UTC
	today time.Time // midnight UTC of today's date in Europe/London (how dates are stored)
	w     *writer

	staff  staffing
	people []*profile
}

func newGenerator(ctx context.Context, tx *ent.Tx, opts Options, loc *time.Location) *generator {
	now := opts.Now.UTC()
	y, m, d := now.In(loc).Date()
	g := &generator{
		ctx: ctx, tx: tx, opts: opts, seed: uint64(opts.Seed), loc: loc, now: now,
		today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
	}
	g.w = newWriter(ctx, tx)
	return g
}

// rng returns a generator for one stream of the content. Streams are
// independent, so adding a field to people does not reshuffle the visits.
func (g *generator) rng(stream, index uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, stream<<40|index))
}

// Random streams.
const (
	streamStaff uint64 = iota + 1
	streamPeople
	streamRounds
	streamStatus
	streamRecord
	streamReturns
)

func (g *generator) run() error {
	if err := g.makeStaff(); err != nil {
		return err
	}
	g.makeProfiles()
	g.allocateRounds()
	g.assignStatuses()
	for _, p := range g.people {
		g.emitPerson(p)
		if err := g.w.err; err != nil {
			return err
		}
	}
	return g.w.flushAll()
}

// date returns the calendar date offset days from today, as stored (midnight UTC).
func (g *generator) date(offset int) time.Time { return g.today.AddDate(0, 0, offset) }

// at returns the instant of a local clock time on the day offset from
// today, in UTC. time.Date normalises through the clock change, so a
// visit at 07:30 is 07:30 in Kentmere on either side of it.
func (g *generator) at(offset, hour, minute int) time.Time {
	d := g.date(offset)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, g.loc).UTC()
}

// dayOffset returns the local calendar day of t, in days from today.
func (g *generator) dayOffset(t time.Time) int {
	y, m, d := t.In(g.loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return int(day.Sub(g.today).Hours() / 24)
}

// officeTime returns a plausible working-hours instant on the day offset
// from today.
func (g *generator) officeTime(r *rand.Rand, offset int) time.Time {
	return g.at(offset, 9+r.IntN(8), 5*r.IntN(12))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func ptr[T any](v T) *T { return &v }
