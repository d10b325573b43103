package demo

import (
	"context"
	"fmt"

	"reablement/ent"
)

// writer batches rows per table and inserts them with CreateBulk. Tables
// are registered parents first; flushing one table flushes every table
// registered before it, so a row never reaches the database before the rows
// its foreign keys name (within a table, rows are inserted in the order
// they were added, which keeps plan version chains and re-circulated shares
// in order).
type writer struct {
	ctx   context.Context
	sinks []sink
	err   error // the first error; later adds do nothing

	accounts      *batch[*ent.AccountCreate]
	teamRows      *batch[*ent.TeamCreate]
	people        *batch[*ent.PersonCreate]
	carers        *batch[*ent.CarerCreate]
	contacts      *batch[*ent.ContactCreate]
	needs         *batch[*ent.NeedCreate]
	capacity      *batch[*ent.CapacityAssessmentCreate]
	consents      *batch[*ent.ConsentCreate]
	advice        *batch[*ent.AdviceCreate]
	episodes      *batch[*ent.EpisodeCreate]
	plans         *batch[*ent.PlanCreate]
	involvements  *batch[*ent.InvolvementCreate]
	outcomes      *batch[*ent.OutcomeCreate]
	steps         *batch[*ent.OutcomeStepCreate]
	risks         *batch[*ent.RiskCreate]
	contingencies *batch[*ent.ContingencyCreate]
	reviews       *batch[*ent.ReviewCreate]
	amendments    *batch[*ent.AmendmentCreate]
	shares        *batch[*ent.ShareCreate]
	visits        *batch[*ent.VisitCreate]
	progress      *batch[*ent.ProgressCreate]
}

type sink interface {
	flush(ctx context.Context) error
}

// batch holds the pending rows of one table.
type batch[B any] struct {
	w     *writer
	order int
	name  string
	rows  []B
	save  func(context.Context, []B) error
}

func newBatch[B any](w *writer, name string, save func(context.Context, []B) error) *batch[B] {
	b := &batch[B]{w: w, order: len(w.sinks), name: name, save: save}
	w.sinks = append(w.sinks, b)
	return b
}

// add queues a row, inserting the batch (and its parents') when it is full.
func (b *batch[B]) add(row B) {
	if b.w.err != nil {
		return
	}
	b.rows = append(b.rows, row)
	if len(b.rows) >= batchSize {
		b.w.err = b.w.flushThrough(b.order)
	}
}

func (b *batch[B]) flush(ctx context.Context) error {
	if len(b.rows) == 0 {
		return nil
	}
	err := b.save(ctx, b.rows)
	b.rows = make([]B, 0, batchSize) // let the saved builders go
	if err != nil {
		return fmt.Errorf("inserting %s: %w", b.name, err)
	}
	return nil
}

func (w *writer) flushThrough(order int) error {
	for _, s := range w.sinks[:order+1] {
		if err := s.flush(w.ctx); err != nil {
			return err
		}
	}
	return nil
}

// flushAll inserts everything still pending.
func (w *writer) flushAll() error {
	if w.err != nil {
		return w.err
	}
	return w.flushThrough(len(w.sinks) - 1)
}

func newWriter(ctx context.Context, tx *ent.Tx) *writer {
	w := &writer{ctx: ctx}
	w.accounts = newBatch(w, "accounts", func(ctx context.Context, r []*ent.AccountCreate) error { return tx.Account.CreateBulk(r...).Exec(ctx) })
	w.teamRows = newBatch(w, "teams", func(ctx context.Context, r []*ent.TeamCreate) error { return tx.Team.CreateBulk(r...).Exec(ctx) })
	w.people = newBatch(w, "people", func(ctx context.Context, r []*ent.PersonCreate) error { return tx.Person.CreateBulk(r...).Exec(ctx) })
	w.carers = newBatch(w, "carers", func(ctx context.Context, r []*ent.CarerCreate) error { return tx.Carer.CreateBulk(r...).Exec(ctx) })
	w.contacts = newBatch(w, "contacts", func(ctx context.Context, r []*ent.ContactCreate) error { return tx.Contact.CreateBulk(r...).Exec(ctx) })
	w.needs = newBatch(w, "needs", func(ctx context.Context, r []*ent.NeedCreate) error { return tx.Need.CreateBulk(r...).Exec(ctx) })
	w.capacity = newBatch(w, "capacity assessments", func(ctx context.Context, r []*ent.CapacityAssessmentCreate) error {
		return tx.CapacityAssessment.CreateBulk(r...).Exec(ctx)
	})
	w.consents = newBatch(w, "consents", func(ctx context.Context, r []*ent.ConsentCreate) error { return tx.Consent.CreateBulk(r...).Exec(ctx) })
	w.advice = newBatch(w, "advice", func(ctx context.Context, r []*ent.AdviceCreate) error { return tx.Advice.CreateBulk(r...).Exec(ctx) })
	w.episodes = newBatch(w, "episodes", func(ctx context.Context, r []*ent.EpisodeCreate) error { return tx.Episode.CreateBulk(r...).Exec(ctx) })
	w.plans = newBatch(w, "plans", func(ctx context.Context, r []*ent.PlanCreate) error { return tx.Plan.CreateBulk(r...).Exec(ctx) })
	w.involvements = newBatch(w, "involvements", func(ctx context.Context, r []*ent.InvolvementCreate) error {
		return tx.Involvement.CreateBulk(r...).Exec(ctx)
	})
	w.outcomes = newBatch(w, "outcomes", func(ctx context.Context, r []*ent.OutcomeCreate) error { return tx.Outcome.CreateBulk(r...).Exec(ctx) })
	w.steps = newBatch(w, "outcome steps", func(ctx context.Context, r []*ent.OutcomeStepCreate) error {
		return tx.OutcomeStep.CreateBulk(r...).Exec(ctx)
	})
	w.risks = newBatch(w, "risks", func(ctx context.Context, r []*ent.RiskCreate) error { return tx.Risk.CreateBulk(r...).Exec(ctx) })
	w.contingencies = newBatch(w, "contingencies", func(ctx context.Context, r []*ent.ContingencyCreate) error {
		return tx.Contingency.CreateBulk(r...).Exec(ctx)
	})
	w.reviews = newBatch(w, "reviews", func(ctx context.Context, r []*ent.ReviewCreate) error { return tx.Review.CreateBulk(r...).Exec(ctx) })
	w.amendments = newBatch(w, "amendments", func(ctx context.Context, r []*ent.AmendmentCreate) error {
		return tx.Amendment.CreateBulk(r...).Exec(ctx)
	})
	w.shares = newBatch(w, "shares", func(ctx context.Context, r []*ent.ShareCreate) error { return tx.Share.CreateBulk(r...).Exec(ctx) })
	w.visits = newBatch(w, "visits", func(ctx context.Context, r []*ent.VisitCreate) error { return tx.Visit.CreateBulk(r...).Exec(ctx) })
	w.progress = newBatch(w, "progress", func(ctx context.Context, r []*ent.ProgressCreate) error {
		return tx.Progress.CreateBulk(r...).Exec(ctx)
	})
	return w
}
