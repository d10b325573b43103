package apitest_test

import (
	"context"
	"strings"
	"sync"
	"testing"
)

// The auditor's log, newest first, is read backwards from an index, never
// by sorting the authority's whole log: every answer that discloses
// anything adds to that log, and an information-governance officer opening
// it waited seconds once it held a few million events. The test takes the
// statement the web app's AuditLog page really sends and asks PostgreSQL
// how it would run it, with sequential scans priced out so the small test
// database plans as a large one would.
func TestTheAuditorsLogIsReadNewestFirstFromAnIndexNotSorted(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ian.auditor")
	var mu sync.Mutex
	var page string
	var pageArgs []any
	stop := s.Observe(func(q string, args any) {
		if strings.HasPrefix(q, "SELECT") && strings.Contains(q, `FROM "audit_events"`) && strings.Contains(q, "ORDER BY") {
			mu.Lock()
			defer mu.Unlock()
			page = q
			pageArgs, _ = args.([]any)
		}
	})
	r := s.DoPersisted(t, token, appOperation(t, "query AuditLog("), map[string]any{"where": map[string]any{}})
	stop()
	if len(r.Errors) > 0 || !r.HasData() {
		t.Fatalf("AuditLog: %v", r.Codes())
	}
	mu.Lock()
	defer mu.Unlock()
	if page == "" {
		t.Fatal("the AuditLog page sent no ordered read of audit_events")
	}

	ctx := context.Background()
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.QueryContext(ctx, "EXPLAIN "+page, pageArgs...)
	if err != nil {
		t.Fatalf("EXPLAIN the AuditLog page: %v", err)
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
	text := strings.Join(plan, "\n")
	if strings.Contains(text, "Sort") || !strings.Contains(text, "Index Scan Backward using auditevent_authority_id_occurred_at_id") {
		t.Errorf("the auditor's page of the log is not read newest first from its index:\n%s\n\n%s", page, text)
	}
}
