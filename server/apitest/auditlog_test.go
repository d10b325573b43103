package apitest_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"reablement/server/apitest"
)

// The auditor's log, newest first, is read backwards from an index, never
// by sorting the authority's whole log, and the whole log is not counted:
// every answer that discloses anything adds to that log, and an
// information-governance officer opening it waited seconds once it held a
// few million events. The test takes the statements the web app's AuditLog
// page really sends, unfiltered, and asks PostgreSQL how it would run the
// page's read, with sequential scans priced out so the small test database
// plans as a large one would.
func TestTheAuditorsLogIsReadNewestFirstFromAnIndexNotSorted(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ian.auditor")
	var mu sync.Mutex
	var page, count string
	var pageArgs []any
	stop := s.Observe(func(q string, args any) {
		if !strings.HasPrefix(q, "SELECT") || !strings.Contains(q, `FROM "audit_events"`) {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case strings.Contains(q, "COUNT("):
			count = q
		case strings.Contains(q, "ORDER BY"):
			page = q
			pageArgs, _ = args.([]any)
		}
	})
	r := s.DoPersisted(t, token, appOperation(t, "query AuditLog("), map[string]any{"where": nil, "counted": false})
	stop()
	if len(r.Errors) > 0 || !r.HasData() {
		t.Fatalf("AuditLog: %v", r.Codes())
	}
	mu.Lock()
	defer mu.Unlock()
	if page == "" {
		t.Fatal("the AuditLog page sent no ordered read of audit_events")
	}
	if count != "" {
		t.Errorf("the unfiltered AuditLog page counted the whole log: %s", count)
	}

	text := explainIndexed(t, s, page, pageArgs)
	if strings.Contains(text, "Sort") || !strings.Contains(text, "Index Scan Backward using auditevent_authority_id_occurred_at_id") {
		t.Errorf("the auditor's page of the log is not read newest first from its index:\n%s\n\n%s", page, text)
	}
}

// A connection asked for its pageInfo and not its totalCount is not counted
// (entgql would count every match: graph/count.go), and its pages still say
// rightly whether there is more, through fragments too: walked to the end,
// they hold exactly the events a counted query says match.
func TestPagesSayWhetherThereIsMoreWithoutCountingEveryMatch(t *testing.T) {
	s := server(t)
	priya := s.Token(t, "priya.practitioner")
	// Disclosures, so the log has pages to walk.
	s.MustDo(t, priya, `{ plans(first: 30) { edges { node { id workerTasks } } } }`, nil, nil)
	until := time.Now().UTC().Add(time.Second).Format(time.RFC3339Nano)
	token := s.Token(t, "ian.auditor")
	var counted struct{ AuditEvents page }
	s.MustDo(t, token, `query($t: Time!) { auditEvents(where: {occurredAtLT: $t}) { totalCount } }`, map[string]any{"t": until}, &counted)
	if counted.AuditEvents.TotalCount < 15 {
		t.Fatalf("the log holds %d events; the test needs a few pages", counted.AuditEvents.TotalCount)
	}

	var mu sync.Mutex
	var counts []string
	stop := s.Observe(func(q string, _ any) {
		if strings.HasPrefix(q, "SELECT COUNT(") {
			mu.Lock()
			counts = append(counts, q)
			mu.Unlock()
		}
	})
	defer stop()
	const walk = `query($t: Time!, $after: Cursor) {
		auditEvents(first: 7, after: $after, where: {occurredAtLT: $t}, orderBy: {field: OCCURRED_AT, direction: DESC}) { ...More edges { node { id } } }
	}
	fragment More on AuditEventConnection { pageInfo { hasNextPage endCursor } }`
	seen := map[string]bool{}
	var after any
	for pages := 0; ; pages++ {
		if pages > counted.AuditEvents.TotalCount {
			t.Fatal("the pages never end")
		}
		var out struct {
			AuditEvents struct {
				PageInfo struct {
					HasNextPage bool    `json:"hasNextPage"`
					EndCursor   *string `json:"endCursor"`
				} `json:"pageInfo"`
				Edges []struct{ Node struct{ ID string } } `json:"edges"`
			} `json:"auditEvents"`
		}
		s.MustDo(t, token, walk, map[string]any{"t": until, "after": after}, &out)
		for _, e := range out.AuditEvents.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("event %s is on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
		}
		if !out.AuditEvents.PageInfo.HasNextPage {
			break
		}
		if len(out.AuditEvents.Edges) != 7 || out.AuditEvents.PageInfo.EndCursor == nil {
			t.Fatalf("a page says there is more but holds %d events, end cursor %v", len(out.AuditEvents.Edges), out.AuditEvents.PageInfo.EndCursor)
		}
		after = *out.AuditEvents.PageInfo.EndCursor
	}
	if len(seen) != counted.AuditEvents.TotalCount {
		t.Errorf("the pages hold %d events; the count says %d match", len(seen), counted.AuditEvents.TotalCount)
	}
	stop()
	mu.Lock()
	defer mu.Unlock()
	for _, q := range counts {
		if strings.Contains(q, `"audit_events"`) {
			t.Errorf("paging without totalCount counted the log: %s", q)
		}
	}

	// Asked for pageInfo alone (no edges, no count), a connection still says
	// rightly that there is more: entgql has only the count to tell it.
	var alone struct {
		AuditEvents struct {
			PageInfo struct {
				HasNextPage bool `json:"hasNextPage"`
			} `json:"pageInfo"`
		} `json:"auditEvents"`
	}
	s.MustDo(t, token, `query($t: Time!) { auditEvents(first: 2, where: {occurredAtLT: $t}) { pageInfo { hasNextPage } } }`, map[string]any{"t": until}, &alone)
	if !alone.AuditEvents.PageInfo.HasNextPage {
		t.Errorf("pageInfo asked for alone says there is nothing after the first 2 of %d events", counted.AuditEvents.TotalCount)
	}
}

// explainIndexed is PostgreSQL's plan for statement q with args, as it
// would be on a table too large to read whole (sequential scans off): the
// test databases are small enough that any plan would do.
func explainIndexed(t *testing.T, s *apitest.Server, q string, args []any) string {
	t.Helper()
	ctx := context.Background()
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.QueryContext(ctx, "EXPLAIN "+q, args...)
	if err != nil {
		t.Fatalf("EXPLAIN %s: %v", q, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "\n")
}
