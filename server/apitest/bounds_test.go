package apitest_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"reablement/server/apitest"
)

// Issue 11: nodes(ids:) takes at most 100 ids, loads one query per table
// rather than one per id, and is costed by its length.
func TestNodesIsBoundedAndBatched(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	var page struct {
		People struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Plans struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	s.MustDo(t, token, `{ people(first: 40) { edges { node { id } } } plans(first: 40) { edges { node { id } } } }`, nil, &page)
	var ids []string
	for _, e := range page.People.Edges {
		ids = append(ids, e.Node.ID)
	}
	for _, e := range page.Plans.Edges {
		ids = append(ids, e.Node.ID)
	}
	ids = append(ids, "PE01NOTAREALIDATALL00000000", "ZZ01UNKNOWNPREFIX0000000000")
	if len(ids) < 20 {
		t.Fatalf("only %d ids to ask for", len(ids))
	}
	r := s.Do(t, token, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
	var got struct{ Nodes []*struct{ ID string } }
	if err := json.Unmarshal(r.Data, &got); err != nil || len(got.Nodes) != len(ids) {
		t.Fatalf("nodes: %v, %d of %d (%s)", err, len(got.Nodes), len(ids), r.Data)
	}
	for i, n := range got.Nodes[:len(ids)-2] {
		if n == nil || n.ID != ids[i] {
			t.Errorf("node %d: %+v, want %s", i, n, ids[i])
		}
	}
	if got.Nodes[len(ids)-1] != nil || got.Nodes[len(ids)-2] != nil || len(r.Errors) != 2 {
		t.Errorf("unknown ids: %+v %+v, errors %+v", got.Nodes[len(ids)-2], got.Nodes[len(ids)-1], r.Errors)
	}
	for _, e := range r.Errors {
		if e.Code() != "NOT_FOUND" {
			t.Errorf("an unknown id: %s %q", e.Code(), e.Message)
		}
	}
	// Two tables: one query each, plus the request's own (viewer, consent,
	// audit), whatever the number of ids.
	if r.Statements > 12 {
		t.Errorf("%d ids took %d SQL statements; want one per table, not one per id", len(ids), r.Statements)
	}
	t.Logf("%d ids in %d statements", len(ids), r.Statements)

	many := make([]string, 101)
	for i := range many {
		many[i] = ids[i%len(ids)]
	}
	r = s.Do(t, token, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": many})
	if r.Status != 400 || len(r.Codes()) != 1 || r.Codes()[0] != "INVALID_INPUT" || r.Errors[0].Extensions["field"] != "ids" || r.HasData() {
		t.Errorf("101 ids: status %d %v %v", r.Status, r.Codes(), r.Errors)
	}
	huge := make([]string, 200_000)
	for i := range huge {
		huge[i] = "PE01J"
	}
	body, _ := json.Marshal(map[string]any{"query": `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, "variables": map[string]any{"ids": huge[:100_000]}})
	rr := s.PostRaw(t, "application/json", body, map[string]string{"Authorization": "Bearer " + token})
	if rr.Status != 400 || rr.Codes()[0] != "INVALID_INPUT" || rr.Size > 2000 {
		t.Errorf("100,000 ids: status %d %v, %d bytes", rr.Status, rr.Codes(), rr.Size)
	}
	// Costed by length: 100 ids of a deep selection is over the cost limit.
	lit := `["` + strings.Join(many[:100], `","`) + `"]`
	q := `{ nodes(ids: ` + lit + `) { ... on Person { plans(first: 100) { edges { node { outcomes(first: 100) { edges { node { id } } } } } } } } }`
	r = s.Do(t, token, q, nil)
	if r.Status != 422 || r.Codes()[0] != "QUERY_TOO_COMPLEX" {
		t.Errorf("100 ids times 10,000 outcomes: status %d %v", r.Status, r.Codes())
	}
}

// nest builds a PersonWhereInput nested depth levels through
// hasPlansWith / hasPersonWith.
func nest(depth int) map[string]any {
	var w map[string]any = map[string]any{"idNEQ": "PE01X"}
	for i := 0; i < depth; i++ {
		if i%2 == 0 {
			w = map[string]any{"hasPersonWith": []any{w}}
		} else {
			w = map[string]any{"hasPlansWith": []any{w}}
		}
	}
	if depth%2 == 1 {
		return map[string]any{"hasPlansWith": []any{w}}
	}
	return w
}

// Issue 11: where-inputs are bounded in depth, list sizes, links and
// conditions, inline and through variables (a persisted operation's
// included), with INVALID_INPUT naming the argument path.
func TestWhereFiltersAreBounded(t *testing.T) {
	s := server(t)
	token := s.Token(t, "carol.carer")
	caseload := apitest.PersistedHash(t, "query Caseload(")
	ids := make([]any, 101)
	for i := range ids {
		ids[i] = fmt.Sprintf("PE01J%021d", i)
	}
	wide := map[string]any{"and": []any{}}
	for i := 0; i < 40; i++ {
		wide["and"] = append(wide["and"].([]any), map[string]any{"idNEQ": "PE01X"})
	}
	links := map[string]any{"hasPlansWith": []any{map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}}}
	cases := []struct {
		name  string
		where map[string]any
		field string
	}{
		{"nested too deep", nest(6), "where.hasPlansWith.0.hasPersonWith.0"},
		{"not nested too deep", map[string]any{"not": map[string]any{"not": map[string]any{"not": map[string]any{"not": map[string]any{"not": map[string]any{"idIn": []any{}}}}}}}, "where.not.not.not.not.not"},
		{"idIn with 101 values", map[string]any{"idIn": ids}, "where.idIn"},
		{"too many links", links, "where"},
		{"too many conditions", wide, "where.and.31"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check := func(how string, r apitest.Response) {
				t.Helper()
				if r.Status != 400 || len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID_INPUT" || r.HasData() {
					t.Fatalf("%s: status %d %v %+v", how, r.Status, r.Codes(), r.Errors)
				}
				if f, _ := r.Errors[0].Extensions["field"].(string); !strings.HasPrefix(f, c.field) {
					t.Errorf("%s: field %q, want %s…", how, f, c.field)
				}
				t.Logf("%s: %s (%v)", how, r.Errors[0].Message, r.Errors[0].Extensions["field"])
			}
			check("variables", s.Do(t, token, `query($w: PersonWhereInput) { people(where: $w) { totalCount } }`, map[string]any{"w": c.where}))
			check("persisted", s.DoPersisted(t, token, caseload, map[string]any{"first": 20, "where": c.where}))
			lit, _ := json.Marshal(c.where)
			inline := strings.NewReplacer(`"and"`, "and", `"not"`, "not", `"idIn"`, "idIn", `"hasPlansWith"`, "hasPlansWith", `"hasPersonWith"`, "hasPersonWith", `"idNEQ"`, "idNEQ").Replace(string(lit))
			check("inline", s.Do(t, token, `{ people(where: `+inline+`) { totalCount } }`, nil))
		})
	}
	// Within bounds, the same shapes run.
	ok := s.Do(t, token, `query($w: PersonWhereInput) { people(where: $w) { totalCount } }`, map[string]any{"w": nest(4)})
	if len(ok.Errors) > 0 {
		t.Errorf("a filter four levels deep was refused: %+v", ok.Errors)
	}
}
