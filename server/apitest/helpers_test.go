package apitest_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
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

// appOperation is the hash of the web app's persisted operation whose text
// starts with prefix (say "query Caseload("), so tests follow the app's
// documents as they change.
func appOperation(t testing.TB, prefix string) string {
	t.Helper()
	raw, err := os.ReadFile("../../frontend/src/gql/persisted-documents.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	for hash, doc := range docs {
		if strings.HasPrefix(doc, prefix) {
			return hash
		}
	}
	t.Fatalf("the web app has no operation starting %q", prefix)
	return ""
}
