package limits

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// schema is a small stand-in for the product's: a where-input that links
// to another and back, as entgql generates them.
var schema = gqlparser.MustLoadSchema(&ast.Source{Name: "fuzz.graphql", Input: `
type Query { people(where: PersonWhereInput): Int, nodes(ids: [ID!]!): [Int] }
input PersonWhereInput {
  not: PersonWhereInput
  and: [PersonWhereInput!]
  or: [PersonWhereInput!]
  id: ID
  idIn: [ID!]
  idNotIn: [ID!]
  hasPlans: Boolean
  hasPlansWith: [PlanWhereInput!]
}
input PlanWhereInput {
  not: PlanWhereInput
  and: [PlanWhereInput!]
  or: [PlanWhereInput!]
  statusIn: [String!]
  hasPersonWith: [PersonWhereInput!]
}
`})

var whereType = &ast.Type{NamedType: "PersonWhereInput"}

// measure is the reference: the depth, the largest list, the most links in
// one filter and the number of conditions of a where value, computed
// plainly so the checker can be compared with it.
func measure(v any, level int) (depth, longest, links, conds int) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	depth = level
	here := 0
	for k, e := range m {
		if e == nil {
			continue
		}
		conds++
		if l, ok := e.([]any); ok {
			longest = max(longest, len(l))
			if strings.HasPrefix(k, "has") && strings.HasSuffix(k, "With") {
				here += len(l)
			}
			for _, x := range l {
				d, lo, li, c := measure(x, level+1)
				depth, longest, links, conds = max(depth, d), max(longest, lo), max(links, li), conds+c
			}
			continue
		}
		if strings.HasPrefix(k, "has") && strings.HasSuffix(k, "With") {
			here++
		}
		d, lo, li, c := measure(e, level+1)
		depth, longest, links, conds = max(depth, d), max(longest, lo), max(links, li), conds+c
	}
	links = max(links, here)
	return
}

// FuzzCheckWhere: for any where value (as JSON), the checker refuses it
// exactly when it is over a bound, names a path that starts at the
// argument, and never panics or loops.
func FuzzCheckWhere(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"id": "PE01"}`, `{"idIn": ["a", "b"]}`,
		`{"not": {"not": {"not": {"not": {"id": "x"}}}}}`,
		`{"not": {"not": {"not": {"not": {"not": {"id": "x"}}}}}}`,
		`{"hasPlansWith": [{"hasPersonWith": [{"hasPlansWith": [{"hasPersonWith": [{}]}]}]}]}`,
		`{"hasPlansWith": [{}, {}, {}, {}, {}]}`,
		`{"and": [{"id": "a"}, {"or": [{"id": "b"}, {"not": {"idIn": []}}]}]}`,
		`{"hasPlans": true, "hasPlansWith": [{"statusIn": ["ACTIVE", "DRAFT"]}]}`,
		`{"unknown": [1, 2, 3], "idIn": null}`, `{"and": "not a list"}`, `{"idIn": "one"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var v any
		if json.Unmarshal(raw, &v) != nil {
			return
		}
		err := CheckValue(schema, whereType, v, "where")
		if _, ok := v.(map[string]any); !ok {
			if _, list := v.([]any); !list && err != nil {
				t.Fatalf("a non-object value was refused: %v", err)
			}
			return
		}
		if err != nil && !strings.HasPrefix(err.Path(), "where") {
			t.Fatalf("the path %q does not start at the argument", err.Path())
		}
		if !onlyKnownFields(v) {
			return // the validator refuses unknown fields before the checker runs
		}
		depth, longest, links, conds := measure(v, 0)
		over := depth > MaxWhereDepth || longest > MaxListValues || links > MaxEdgePredicates || conds > MaxPredicates
		if over != (err != nil) {
			t.Fatalf("depth %d, longest list %d, links %d, conditions %d: refused = %v (%v)", depth, longest, links, conds, err != nil, err)
		}
	})
}

// onlyKnownFields reports whether v uses only the stand-in schema's
// fields, with objects and lists where the schema has them: the shapes the
// validator lets through.
func onlyKnownFields(v any) bool {
	return fits(v, "PersonWhereInput")
}

func fits(v any, typ string) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	def := schema.Types[typ]
	for k, e := range m {
		fd := def.Fields.ForName(k)
		if fd == nil {
			return false
		}
		if e == nil {
			continue
		}
		named := fd.Type.Name()
		inner := schema.Types[named]
		switch {
		case fd.Type.Elem != nil:
			l, ok := e.([]any)
			if !ok {
				return false
			}
			for _, x := range l {
				if inner.Kind == ast.InputObject && !fits(x, named) {
					return false
				}
				if inner.Kind != ast.InputObject {
					if _, ok := x.(string); !ok {
						return false
					}
				}
			}
		case inner.Kind == ast.InputObject:
			if !fits(e, named) {
				return false
			}
		default:
			switch e.(type) {
			case string, bool:
			default:
				return false
			}
		}
	}
	return true
}
