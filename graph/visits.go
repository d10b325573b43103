package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"sync"
	"time"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/ent/visit"
	"reablement/graph/model"
)

// myVisits lists the signed-in worker's visits on one calendar day of the
// authority's time zone, in time order (ties by id).
func (r *Resolver) myVisits(ctx context.Context, date *time.Time) ([]ent.Visit, error) {
	v := viewer.FromContext(ctx)
	var day time.Time
	if date != nil {
		day = *date
	}
	start, end := v.Day(day)
	q, err := r.ent(ctx).Visit.Query().
		Where(visit.WorkerID(v.Account()), visit.StartsAtGTE(start), visit.StartsAtLT(end)).
		// Visits at the same time (a double-up, or a booking error) keep one
		// order from fetch to fetch, so the worker's list does not reshuffle.
		Order(ent.Asc(visit.FieldStartsAt), ent.Asc(visit.FieldID)).CollectFields(ctx) // children in one query per level
	if err != nil {
		return nil, err
	}
	rows, err := values(q.All(ctx))
	if day := visitDayFrom(ctx); day != nil && err == nil {
		day.mu.Lock()
		for i := range rows {
			day.listed = append(day.listed, keyOf(&rows[i]))
		}
		day.mu.Unlock()
	}
	return rows, err
}

// visitDay is one request's memory of the worker's day: the visits myVisits
// listed (so their handover notes load in one query), the handovers found,
// and the people whose access notes are open now.
type visitDay struct {
	mu        sync.Mutex
	listed    []visitKey
	handovers map[pulid.ID]*ent.Visit
	open      map[pulid.ID]bool
}

type visitDayKey struct{}

// withVisitDay gives a request its visitDay (graph/handler.go, per operation).
func withVisitDay(ctx context.Context) context.Context {
	return context.WithValue(ctx, visitDayKey{}, &visitDay{handovers: map[pulid.ID]*ent.Visit{}})
}

func visitDayFrom(ctx context.Context) *visitDay {
	d, _ := ctx.Value(visitDayKey{}).(*visitDay)
	return d
}

// recordKey is the signed-in account's key for locking the visit records
// it leaves unsent on a shared phone (issue 13): derived from the server's
// secret and the account, so it is the same at every sign-in of the account
// and no other account is ever given it. The secret is the pseudonym key,
// under a label of its own, so the two uses never share a key.
func (r *Resolver) recordKey(ctx context.Context) string {
	mac := hmac.New(sha256.New, append([]byte("visit records on the phone:"), r.PseudonymKey...))
	mac.Write([]byte(viewer.FromContext(ctx).AccountID))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// closeConcern closes a concern with what was done recorded; the model
// (rule.CloseConcern) refuses a close that records too little.
func (r *Resolver) closeConcern(ctx context.Context, in model.CloseConcernInput) (*ent.Concern, error) {
	return r.ent(ctx).Concern.UpdateOneID(in.ID).SetClosedAt(viewer.Now(ctx)).
		SetActionsTaken(in.ActionsTaken).SetNillableSection42Decision(in.Section42Decision).SetNillableOutcome(in.Outcome).
		Save(ctx)
}

// recordVisit applies a phone's visit record exactly once. The visit row is
// locked for the transaction, so concurrent retries queue: the first applies
// the record, the rest find its recordID and return the same visit. A copy
// made from an older revision answers CONFLICT (rule.Revisioned), as does a
// second, different record for a visit already recorded.
func (r *Resolver) recordVisit(ctx context.Context, in model.RecordVisitInput) (*ent.Visit, error) {
	client := r.ent(ctx)
	current, err := client.Visit.Query().Where(visit.ID(in.VisitID)).ForUpdate().Only(ctx)
	if err != nil {
		return nil, err
	}
	if current.RecordID != nil {
		if *current.RecordID == in.RecordID {
			return current, nil // a retry of what was already applied
		}
		return nil, &fault.Error{Code: fault.Conflict, Field: "input.visitID",
			Message: "This visit was already recorded from another copy. Reload it to see that record."}
	}
	// The record's own rules (left after arriving, on the visit's day, not
	// in the future; progress only on this plan's outcomes) are the model's
	// (rule.VisitRecord, rule.ProgressOnPlan), so updateVisit obeys them too.
	outcome := visit.OutcomeVISITED
	if in.Outcome != nil {
		outcome = *in.Outcome
	}
	// The status follows from the outcome (rule.VisitRecord holds each
	// outcome to what it must say: times when visited, a reason when
	// declined or cancelled).
	upd := client.Visit.UpdateOneID(in.VisitID).
		SetRecordID(in.RecordID).SetNillableArrivedAt(utc(in.ArrivedAt)).SetNillableDepartedAt(utc(in.DepartedAt)).
		SetStatus(rule.VisitStatusFor(outcome)).SetOutcome(outcome).SetNillableOutcomeReason(in.OutcomeReason).
		SetNillableNotes(in.Notes).SetNillableHandover(in.Handover)
	saved, err := upd.Save(rule.ExpectRevision(ctx, in.ExpectedRevision))
	if err != nil {
		return nil, err
	}
	for i, p := range in.Progress {
		c := client.Progress.Create().SetVisitID(saved.ID).SetOutcomeID(p.OutcomeID).
			SetNillableStepID(p.StepID).SetNillableStepStatus(p.StepStatus).SetNillableNote(p.Note)
		if _, err := c.Save(ctx); err != nil {
			return nil, withField(err, "input.progress", i)
		}
	}
	for i, c := range in.Concerns {
		if _, err := client.Concern.Create().SetVisitID(saved.ID).SetKind(c.Kind).SetDetails(c.Details).
			SetRaisedByID(viewer.FromContext(ctx).Account()).Save(ctx); err != nil {
			return nil, withField(err, "input.concerns", i)
		}
	}
	return saved, nil
}

// utc is t in UTC, or nil.
func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// handoverWindow is how far back a handover note is looked for: a note
// older than a fortnight is history, not a handover.
const handoverWindow = 14 * 24 * time.Hour

// handoverFrom finds the last earlier visit to the same person that left a
// handover note. For the visits myVisits listed in this request it finds
// all of them in one query (the worker's day costs one statement, not one
// per visit); for any other visit, one query for it alone.
func (r *Resolver) handoverFrom(ctx context.Context, obj *ent.Visit) (*ent.Visit, error) {
	day := visitDayFrom(ctx)
	if day == nil {
		return r.loadHandovers(ctx, []visitKey{keyOf(obj)}, nil)
	}
	day.mu.Lock()
	defer day.mu.Unlock()
	if found, ok := day.handovers[obj.ID]; ok {
		return found, nil
	}
	targets := []visitKey{keyOf(obj)}
	if slices.ContainsFunc(day.listed, func(k visitKey) bool { return k.id == obj.ID }) {
		targets = day.listed
	}
	if _, err := r.loadHandovers(ctx, targets, day.handovers); err != nil {
		return nil, err
	}
	return day.handovers[obj.ID], nil
}

// visitKey is what finding a visit's handover needs of it.
type visitKey struct {
	id, person pulid.ID
	starts     time.Time
}

func keyOf(v *ent.Visit) visitKey { return visitKey{id: v.ID, person: v.PersonID, starts: v.StartsAt} }

// loadHandovers reads, in one query, the visits with a handover note to the
// targets' people in the fortnight before the latest target, and gives each
// target the latest one before it (recorded into into, when given). The
// first target's is returned.
//
// Each target gets its own: resolvers of a list's items run in any order,
// so the caller reads its visit's from into, never the first's.
func (r *Resolver) loadHandovers(ctx context.Context, targets []visitKey, into map[pulid.ID]*ent.Visit) (*ent.Visit, error) {
	people := make([]pulid.ID, 0, len(targets))
	earliest, latest := targets[0].starts, targets[0].starts
	for _, t := range targets {
		if !slices.Contains(people, t.person) {
			people = append(people, t.person)
		}
		earliest, latest = minTime(earliest, t.starts), maxTime(latest, t.starts)
	}
	notes, err := r.ent(ctx).Visit.Query().
		Where(visit.PersonIDIn(people...), visit.StartsAtLT(latest), visit.StartsAtGTE(earliest.Add(-handoverWindow)),
			visit.HandoverNotNil(), visit.HandoverNEQ("")).
		WithWorker().Order(ent.Desc(visit.FieldStartsAt)).All(ctx)
	if err != nil {
		return nil, err
	}
	var first *ent.Visit
	for i, t := range targets {
		var found *ent.Visit
		for _, n := range notes { // newest first
			if n.PersonID == t.person && n.StartsAt.Before(t.starts) && n.ID != t.id && !n.StartsAt.Before(t.starts.Add(-handoverWindow)) {
				found = n
				break
			}
		}
		if into != nil {
			into[t.id] = found
		}
		if i == 0 {
			first = found
		}
	}
	if into != nil {
		return into[targets[0].id], nil
	}
	return first, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// accessWindow is how long before a visit starts and after it ends its
// worker may read the person's access notes (a key-safe code): enough to
// find the door and to lock up, not a standing copy of every code.
const accessWindow = time.Hour

// accessNotes answers a person's access notes: to a viewer whose only basis
// is a worker's (provider duty, R20), only while one of their visits to the
// person is near (issue 13); the list of the day and any other time show
// that they exist but not what they say. Anyone with a staff basis (the
// practitioner, a manager) sees them always, as the @section directive
// already decided.
func (r *Resolver) accessNotes(ctx context.Context, obj *ent.Person) (*string, error) {
	if obj.AccessNotes == "" {
		return nil, nil
	}
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() || !v.Has(policy.Worker) || v.Has(policy.Practitioner) || v.Has(policy.Manager) || v.Has(policy.RegisteredManager) {
		return &obj.AccessNotes, nil
	}
	open, err := r.openVisitPeople(ctx)
	if err != nil {
		return nil, err
	}
	if !open[obj.ID] {
		return nil, &fault.Error{Code: fault.SectionWithheld, Section: string(policy.Contact),
			Message: "Access notes are shown on the visit's page, from an hour before the visit until an hour after it ends."}
	}
	return &obj.AccessNotes, nil
}

// openVisitPeople are the people the signed-in worker has a visit with now,
// give or take accessWindow: one query per request, however many people
// the answer holds.
func (r *Resolver) openVisitPeople(ctx context.Context) (map[pulid.ID]bool, error) {
	day := visitDayFrom(ctx)
	if day != nil {
		day.mu.Lock()
		defer day.mu.Unlock()
		if day.open != nil {
			return day.open, nil
		}
	}
	v := viewer.FromContext(ctx)
	now := viewer.Now(ctx)
	rows, err := r.ent(ctx).Visit.Query().
		Where(visit.WorkerID(v.Account()), visit.StatusNEQ(visit.StatusCANCELLED),
			visit.StartsAtLTE(now.Add(accessWindow)), visit.StartsAtGTE(now.Add(-rule.MaxVisitLength-accessWindow))).
		Select(visit.FieldPersonID, visit.FieldStartsAt, visit.FieldDurationMinutes).All(ctx)
	if err != nil {
		return nil, err
	}
	open := map[pulid.ID]bool{}
	for _, row := range rows {
		ends := row.StartsAt.Add(time.Duration(row.DurationMinutes) * time.Minute)
		if !now.Before(row.StartsAt.Add(-accessWindow)) && !now.After(ends.Add(accessWindow)) {
			open[row.PersonID] = true
		}
	}
	if day != nil {
		day.open = open
	}
	return open, nil
}

// withField says which list item a failure was about, and which of its
// fields when the model named one ("input.progress.0.outcomeID").
func withField(err error, list string, i int) error {
	if f, ok := fault.As(err); ok && f.Field == "" {
		f.Field = fmt.Sprintf("%s.%d", list, i)
		if f.Attr != "" {
			f.Field += "." + gqlName(f.Attr)
		}
	}
	return err
}
