// Package model holds the GraphQL types that are not ent entities.
package model

import (
	"time"

	"reablement/ent"
)

// ChronologyEntry is one event in a case chronology: a record of one kind
// (the others nil) and when it happened. Its content is the record's own
// gated fields; graph/chronology.go decides which entries exist.
type ChronologyEntry struct {
	Kind      ChronologyKind
	At        time.Time
	Plan      *ent.Plan
	Visit     *ent.Visit
	Concern   *ent.Concern
	Review    *ent.Review
	Amendment *ent.Amendment
	Share     *ent.Share
	Decision  *PlanDecision
}
