package rule

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// Every write to a person's record is on the record (consent.md, "Changes
// are audited too, in the same transaction as the change"): Guard notes
// each change, and one CHANGE event per person and plan version is written
// in the write's transaction just before it commits, naming the sections
// changed, the bases the change rested on and what changed. A write that
// fails, or a transaction rolled back, leaves no event; an event that
// cannot be written fails the commit, so no change goes unrecorded.

// changedFields lists the fields a mutation sets or clears, before it runs.
func changedFields(m ent.Mutation) []string {
	fields := append(slices.Clone(m.Fields()), m.ClearedFields()...)
	for _, f := range m.AddedFields() {
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return fields
}

// changeKey is one record the request changed.
type changeKey struct{ person, plan pulid.ID }

// change is what one request changed in one record.
type change struct {
	sections map[policy.Section]bool
	bases    map[policy.Basis]bool
	what     []string
}

// changeLog is one transaction's changes, written when it commits.
type changeLog struct {
	mu      sync.Mutex
	changes map[changeKey]*change
	order   []changeKey
}

// logs holds the change log of each open transaction.
var logs sync.Map // *gen.Tx -> *changeLog

// recordChange notes a successful write for its CHANGE event.
func recordChange(ctx context.Context, v *viewer.Viewer, m ent.Mutation, t target, fields []string, bases []policy.Basis) error {
	if t.person == "" {
		return nil
	}
	k := changeKey{person: t.person, plan: t.plan}
	sections := sectionsChanged(m.Type(), fields)
	what := strings.ToLower(m.Op().String()[2:]) + " " + m.Type()

	tx := gen.TxFromContext(ctx)
	if tx == nil {
		// Not in a transaction (internal tools): write the event at once.
		l := &changeLog{changes: map[changeKey]*change{}}
		l.add(k, sections, bases, what)
		return l.write(ctx, clientOf(m), v)
	}
	l, loaded := logs.LoadOrStore(tx, &changeLog{changes: map[changeKey]*change{}})
	log := l.(*changeLog)
	if !loaded {
		tx.OnCommit(func(next gen.Committer) gen.Committer {
			return gen.CommitFunc(func(ctx context.Context, tx *gen.Tx) error {
				logs.Delete(tx)
				if err := log.write(ctx, tx.Client(), v); err != nil {
					_ = tx.Rollback()
					return err
				}
				return next.Commit(ctx, tx)
			})
		})
		tx.OnRollback(func(next gen.Rollbacker) gen.Rollbacker {
			return gen.RollbackFunc(func(ctx context.Context, tx *gen.Tx) error {
				logs.Delete(tx)
				return next.Rollback(ctx, tx)
			})
		})
	}
	log.add(k, sections, bases, what)
	return nil
}

// sectionsChanged names the sections of the gated fields a write changed;
// a row's existence (a new outcome, a removed risk) changes its type's section.
func sectionsChanged(typ string, fields []string) []policy.Section {
	var out []policy.Section
	add := func(s policy.Section) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	add(gen.RecordTypes[typ].Section)
	for _, f := range fields {
		add(gen.RecordFieldSections[typ][f])
	}
	return out
}

func (l *changeLog) add(k changeKey, sections []policy.Section, bases []policy.Basis, what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.changes[k]
	if c == nil {
		c = &change{sections: map[policy.Section]bool{}, bases: map[policy.Basis]bool{}}
		l.changes[k] = c
		l.order = append(l.order, k)
	}
	for _, s := range sections {
		c.sections[s] = true
	}
	for _, b := range bases {
		c.bases[b] = true
	}
	if !slices.Contains(c.what, what) {
		c.what = append(c.what, what)
	}
}

// write saves one CHANGE event per record changed, in one statement.
func (l *changeLog) write(ctx context.Context, client *gen.Client, v *viewer.Viewer) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.order) == 0 {
		return nil
	}
	builders := make([]*gen.AuditEventCreate, 0, len(l.order))
	for _, k := range l.order {
		c := l.changes[k]
		var sections []policy.Section
		for _, s := range policy.AllSections {
			if c.sections[s] {
				sections = append(sections, s)
			}
		}
		bases := make([]policy.Basis, 0, len(c.bases))
		for b := range c.bases {
			bases = append(bases, b)
		}
		sort.Slice(bases, func(i, j int) bool { return bases[i] < bases[j] })
		b := client.AuditEvent.Create().
			SetAuthorityID(v.Authority()).SetOccurredAt(v.Now).SetAction(auditevent.ActionCHANGE).
			SetViewerID(v.Account()).SetViewerName(v.Name).SetViewerRoles(v.Roles).
			SetPersonID(k.person).SetSections(sections).SetBases(bases).
			SetRequestID(viewer.RequestID(ctx)).SetOperation(strings.Join(c.what, ", ")).
			SetFlagged(slices.Contains(bases, policy.EmergencyAccess))
		if k.plan != "" {
			b.SetPlanID(k.plan)
		}
		builders = append(builders, b)
	}
	// Written by the system on the actor's behalf: they may not read the log.
	if err := client.AuditEvent.CreateBulk(builders...).Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
		return fmt.Errorf("audit: writing %d change events: %w", len(builders), err)
	}
	l.changes, l.order = map[changeKey]*change{}, nil
	return nil
}
