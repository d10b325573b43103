package apitest_test

import (
	"context"
	"time"

	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

type timeT = time.Time

func parseDate(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// systemFor is internal work in one authority: writes are stamped with it.
func systemFor(ctx context.Context, authorityID pulid.ID) context.Context {
	return viewer.System(privacy.DecisionContext(ctx, privacy.Allow), authorityID)
}

func toID(s string) pulid.ID { return pulid.ID(s) }
