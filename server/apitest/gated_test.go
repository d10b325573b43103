package apitest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"reablement/ent"
	"reablement/ent/demo"
	"reablement/ent/person"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// gatedField is one @section field of a type, as schema.graphql declares it.
type gatedField struct {
	name      string
	section   policy.Section
	coded     bool
	selection string // what to ask of its value
}

// loadSchema reads the contract the server runs.
func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	src, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "schema.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	s, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(src)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}

// gatedFields lists every @section field of every record type, with the
// smallest selection that asks for its value.
func gatedFields(t *testing.T, s *ast.Schema) map[string][]gatedField {
	out := map[string][]gatedField{}
	for typ := range ent.RecordTypes {
		def := s.Types[typ]
		if def == nil {
			t.Fatalf("record type %s is not in the schema", typ)
		}
		for _, f := range def.Fields {
			d := f.Directives.ForName("section")
			if d == nil {
				continue
			}
			if slices.ContainsFunc(f.Arguments, func(a *ast.ArgumentDefinition) bool { return a.Type.NonNull && a.DefaultValue == nil }) {
				t.Fatalf("%s.%s needs arguments: teach this test to give them", typ, f.Name)
			}
			g := gatedField{name: f.Name, section: policy.Section(d.Arguments.ForName("name").Value.Raw)}
			if c := d.Arguments.ForName("coded"); c != nil {
				g.coded = c.Value.Raw == "true"
			}
			switch item := s.Types[f.Type.Name()]; {
			case strings.HasSuffix(f.Type.Name(), "Connection"):
				g.selection = "{ totalCount }"
			case item.Kind == ast.Object || item.Kind == ast.Interface:
				g.selection = "{ __typename }"
			}
			out[typ] = append(out[typ], g)
		}
	}
	return out
}

// shape is one way to reach a record: by id, in a root list, or nested
// under its parent record.
type shape struct {
	name string
	// query asks for the record's gated fields ({{FIELDS}}), with $id.
	query string
	// at is the path (in the data) of the record, or "" when the record is
	// one of a list under the path and found by id.
	path []string
	list bool
	// parent is the ent field holding the parent's id, for the edge shape.
	parent string
	// paged: the edge is read a page at a time until the record is found.
	paged bool
}

// parents: a record's parent is named by the first of these fields its ent
// row holds, and reached through the parent type's field that lists it.
var parents = []struct{ field, typ string }{
	{"OutcomeID", "Outcome"}, {"RiskID", "Risk"}, {"VisitID", "Visit"}, {"PlanID", "Plan"}, {"PersonID", "Person"},
}

// TestEveryGatedFieldIsDecidedByThePolicy is generated from the schema: for
// every @section field of every record type (not one per section), for
// every kind of demo viewer, through node(id:), a root list and the edge
// from the record's parent, the field is disclosed exactly when
// policy.Decide says so, and withheld with SECTION_WITHHELD (naming the
// section) otherwise; and the record itself is there exactly when
// policy.RowVisible says so (issue 10).
func TestEveryGatedFieldIsDecidedByThePolicy(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	schema := loadSchema(t)
	fields := gatedFields(t, schema)

	// The demo has no concerns or emergency grants of its own: add one of each.
	vi := s.Client.Visit.Query().FirstX(ctx)
	s.Client.Concern.Create().SetVisitID(vi.ID).SetKind("HEALTH").SetDetails("Breathless on the stairs").SetRaisedByID(vi.WorkerID).ExecX(writer(ctx, s))
	sam := s.Account(t, "sam.practitioner")
	outsider := s.Client.Person.Query().Where(person.TeamIDNotIn(sam.QueryTeams().IDsX(ctx)...)).FirstX(ctx)
	s.MustDo(t, s.Token(t, "sam.practitioner"), `mutation($p: ID!) { requestEmergencyAccess(personID: $p, reason: "Ward asking about discharge tonight", hours: 2) { id } }`,
		map[string]any{"p": outsider.ID}, nil)

	auth := s.Client.Authority.Query().OnlyX(ctx)
	loc, _ := time.LoadLocation(auth.TimeZone)
	facts := map[pulid.ID]policy.Record{}
	for _, p := range s.Client.Person.Query().WithPlans().AllX(ctx) {
		r := policy.Record{PersonID: string(p.ID), AuthorityID: string(auth.ID), TeamID: string(p.TeamID), WithheldFromPerson: p.WithheldFromPerson}
		if p.AllocatedPractitionerID != nil {
			r.AllocatedPractitionerID = string(*p.AllocatedPractitionerID)
		}
		for _, pl := range p.Edges.Plans {
			if pl.ServiceTeamID != nil && !slices.Contains(r.ServiceTeamIDs, string(*pl.ServiceTeamID)) {
				r.ServiceTeamIDs = append(r.ServiceTeamIDs, string(*pl.ServiceTeamID))
			}
		}
		facts[p.ID] = r
	}
	type demoViewer struct {
		name, token string
		v           *viewer.Viewer
	}
	var viewers []demoViewer
	for _, a := range demo.DemoAccounts {
		v, err := viewer.Load(ctx, s.Client, demo.SubjectPrefix+a.Username, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		viewers = append(viewers, demoViewer{a.Username, s.Token(t, a.Username), v})
	}
	decide := func(v *viewer.Viewer, person, plan pulid.ID) policy.Decision {
		r := facts[person]
		r.PlanID = string(plan)
		return policy.Decide(v.Viewer, r, time.Now(), loc)
	}

	types := make([]string, 0, len(fields))
	for typ := range fields {
		types = append(types, typ)
	}
	sort.Strings(types)
	checked, withheld := 0, 0
	for _, typ := range types {
		rows := recordsOf(t, s, typ)
		if len(rows) == 0 {
			t.Logf("no %s in the demo authority: its %d gated fields are checked by the generator only", typ, len(fields[typ]))
			continue
		}
		// A few records of the type: for each viewer, one they may see if
		// any, and one row that most viewers may not.
		var chosen []any
		for _, dv := range viewers {
			for _, o := range rows {
				person, plan, _ := ent.RecordKeyOf(o)
				if policy.RowVisible(decide(dv.v, person, plan), ent.RecordTypes[typ].Section) && !slices.Contains(chosen, o) {
					chosen = append(chosen, o)
					break
				}
			}
		}
		chosen = append(chosen, rows[len(rows)-1])
		if len(chosen) > 5 {
			chosen = chosen[:5]
		}
		var selection []string
		for _, f := range fields[typ] {
			selection = append(selection, f.name+" "+f.selection)
		}
		sel := "id " + strings.Join(selection, " ")
		for _, o := range chosen {
			id := pulid.ID(reflect.ValueOf(o).Elem().FieldByName("ID").String())
			person, plan, _ := ent.RecordKeyOf(o)
			for _, sh := range shapesFor(schema, typ, o) {
				q := strings.ReplaceAll(sh.query, "{{FIELDS}}", sel)
				vars := map[string]any{"id": string(id)}
				if strings.Contains(sh.query, "$parent") {
					vars = map[string]any{"parent": parentID(o, sh.parent)}
					if strings.Contains(sh.query, "$id") {
						vars["id"] = string(id)
					}
				}
				for _, dv := range viewers {
					d := decide(dv.v, person, plan)
					asked, want := map[string]any{}, string(id)
					for k, x := range vars {
						asked[k] = x
						if dv.v.Has(policy.Analyst) { // analysts know records by ids of their own
							asked[k] = s.AnalystID(toID(x.(string)))
						}
					}
					if dv.v.Has(policy.Analyst) {
						want = s.AnalystID(id)
					}
					r := s.Do(t, dv.token, q, asked)
					rec, errs, reached := locate(t, r, sh, want)
					for page := 0; sh.paged && reached == missing && page < 40; page++ {
						var next struct {
							Node map[string]struct {
								PageInfo struct {
									HasNextPage bool
									EndCursor   *string
								}
							}
						}
						_ = json.Unmarshal(r.Data, &next)
						pi := next.Node[sh.path[1]].PageInfo
						if !pi.HasNextPage || pi.EndCursor == nil {
							break
						}
						asked["after"] = *pi.EndCursor
						r = s.Do(t, dv.token, q, asked)
						rec, errs, reached = locate(t, r, sh, want)
					}
					visible := policy.RowVisible(d, ent.RecordTypes[typ].Section)
					where := fmt.Sprintf("%s as %s via %s", typ, dv.name, sh.name)
					if reached == edgeWithheld {
						if visible && sh.name == "its parent's edge" {
							// The edge from the parent has a section of its own;
							// the record is still reachable by id and in lists.
							continue
						}
						continue
					}
					if visible != (reached == found) {
						t.Fatalf("%s: the record is there %v, policy.RowVisible says %v (errors %v) %.300s", where, reached == found, visible, r.Codes(), r.Data)
					}
					if !visible {
						continue
					}
					for _, f := range fields[typ] {
						_, allowed := d.Allows(f.section)
						allowed = allowed && (!d.CodedOnly || f.coded)
						e, hasErr := errs[f.name]
						switch {
						case allowed && hasErr:
							t.Errorf("%s: %s.%s (%s) should be disclosed, got %v", where, typ, f.name, f.section, e)
						case !allowed && (!hasErr || e.Code() != "SECTION_WITHHELD" || e.Extensions["section"] != string(f.section)):
							t.Errorf("%s: %s.%s (%s) should be withheld, got value %s and error %+v (all errors %+v, query %s)", where, typ, f.name, f.section, rec[f.name], e, r.Errors, q)
						case !allowed && string(rec[f.name]) != "null":
							t.Errorf("%s: a withheld %s.%s carried a value: %s", where, typ, f.name, rec[f.name])
						}
						checked++
						if !allowed {
							withheld++
						}
					}
				}
			}
		}
	}
	if checked == 0 || withheld == 0 {
		t.Fatalf("checked %d fields, %d withheld: the test checked nothing worth having", checked, withheld)
	}
	t.Logf("checked %d gated field disclosures (%d withheld) over %d record types", checked, withheld, len(types))
}

func recordsOf(t *testing.T, s *apitest.Server, typ string) []any {
	t.Helper()
	ctx := apitest.System(context.Background())
	rd, ok := apiReaders(s.Client)[typ]
	if !ok {
		t.Fatalf("no reader for record type %s: add it to apiReaders", typ)
	}
	rows, err := rd(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func apiReaders(c *ent.Client) map[string]func(context.Context) ([]any, error) {
	all := func(xs any, err error) ([]any, error) {
		v := reflect.ValueOf(xs)
		out := make([]any, v.Len())
		for i := range out {
			out[i] = v.Index(i).Interface()
		}
		return out, err
	}
	return map[string]func(context.Context) ([]any, error){
		ent.TypePerson:             func(ctx context.Context) ([]any, error) { return all(c.Person.Query().Limit(60).All(ctx)) },
		ent.TypePlan:               func(ctx context.Context) ([]any, error) { return all(c.Plan.Query().Limit(60).All(ctx)) },
		ent.TypeCarer:              func(ctx context.Context) ([]any, error) { return all(c.Carer.Query().Limit(60).All(ctx)) },
		ent.TypeContact:            func(ctx context.Context) ([]any, error) { return all(c.Contact.Query().Limit(60).All(ctx)) },
		ent.TypeNeed:               func(ctx context.Context) ([]any, error) { return all(c.Need.Query().Limit(60).All(ctx)) },
		ent.TypeCapacityAssessment: func(ctx context.Context) ([]any, error) { return all(c.CapacityAssessment.Query().Limit(60).All(ctx)) },
		ent.TypeConsent:            func(ctx context.Context) ([]any, error) { return all(c.Consent.Query().Limit(60).All(ctx)) },
		ent.TypeAdvice:             func(ctx context.Context) ([]any, error) { return all(c.Advice.Query().Limit(60).All(ctx)) },
		ent.TypeOutcome:            func(ctx context.Context) ([]any, error) { return all(c.Outcome.Query().Limit(60).All(ctx)) },
		ent.TypeOutcomeStep:        func(ctx context.Context) ([]any, error) { return all(c.OutcomeStep.Query().Limit(60).All(ctx)) },
		ent.TypeRisk:               func(ctx context.Context) ([]any, error) { return all(c.Risk.Query().Limit(60).All(ctx)) },
		ent.TypeContingency:        func(ctx context.Context) ([]any, error) { return all(c.Contingency.Query().Limit(60).All(ctx)) },
		ent.TypeInvolvement:        func(ctx context.Context) ([]any, error) { return all(c.Involvement.Query().Limit(60).All(ctx)) },
		ent.TypeReview:             func(ctx context.Context) ([]any, error) { return all(c.Review.Query().Limit(60).All(ctx)) },
		ent.TypeShare:              func(ctx context.Context) ([]any, error) { return all(c.Share.Query().Limit(60).All(ctx)) },
		ent.TypeAmendment:          func(ctx context.Context) ([]any, error) { return all(c.Amendment.Query().Limit(60).All(ctx)) },
		ent.TypeVisit:              func(ctx context.Context) ([]any, error) { return all(c.Visit.Query().Limit(60).All(ctx)) },
		ent.TypeProgress:           func(ctx context.Context) ([]any, error) { return all(c.Progress.Query().Limit(60).All(ctx)) },
		ent.TypeConcern:            func(ctx context.Context) ([]any, error) { return all(c.Concern.Query().Limit(60).All(ctx)) },
		ent.TypeEmergencyAccess:    func(ctx context.Context) ([]any, error) { return all(c.EmergencyAccess.Query().Limit(60).All(ctx)) },
		ent.TypeEpisode:            func(ctx context.Context) ([]any, error) { return all(c.Episode.Query().Limit(60).All(ctx)) },
	}
}

// parentID is the id in the record's parent field.
func parentID(o any, field string) string {
	f := reflect.ValueOf(o).Elem().FieldByName(field)
	if f.Kind() == reflect.Pointer {
		f = f.Elem()
	}
	return f.String()
}

// shapesFor are the ways to reach a record of typ: node(id:), the root
// list of the type if there is one, and the edge from its parent.
func shapesFor(s *ast.Schema, typ string, o any) []shape {
	out := []shape{{name: "node(id:)", query: `query($id: ID!) { node(id: $id) { ... on ` + typ + ` { {{FIELDS}} } } }`, path: []string{"node"}}}
	for _, f := range s.Query.Fields {
		if f.Type.Name() == typ+"Connection" {
			out = append(out, shape{name: "the root list " + f.Name,
				query: `query($id: ID!) { ` + f.Name + `(where: {id: $id}) { edges { node { {{FIELDS}} } } } }`,
				path:  []string{f.Name}, list: true})
			break
		}
	}
	v := reflect.ValueOf(o).Elem()
	for _, p := range parents {
		pf := v.FieldByName(p.field)
		if !pf.IsValid() || (pf.Kind() == reflect.Pointer && pf.IsNil()) {
			continue
		}
		parent := s.Types[p.typ]
		for _, f := range parent.Fields {
			if f.Type.Name() == typ || f.Type.Name() == typ+"Connection" {
				// Only the record itself where the edge can filter: a page of
				// many withheld fields would meet the cap on errors.
				// Only the record itself where the edge can filter, else small
				// pages: a page of many withheld fields would meet the cap on
				// errors.
				args, vars, paged := "", "$parent: ID!", false
				switch {
				case f.Arguments.ForName("where") != nil:
					args, vars = "(first: 1, where: {id: $id})", "$parent: ID!, $id: ID!"
				case f.Arguments.ForName("first") != nil:
					args, vars, paged = "(first: 5, after: $after)", "$parent: ID!, $after: Cursor", true
				}
				inner := "{ {{FIELDS}} }"
				if strings.HasSuffix(f.Type.Name(), "Connection") {
					inner = "{ pageInfo { hasNextPage endCursor } edges { node { {{FIELDS}} } } }"
				}
				out = append(out, shape{name: "its parent's edge",
					query: `query(` + vars + `) { node(id: $parent) { ... on ` + p.typ + ` { ` + f.Name + args + ` ` + inner + ` } } }`,
					path:  []string{"node", f.Name}, list: true, parent: p.field, paged: paged})
				return out
			}
		}
	}
	return out
}

const (
	found = iota
	missing
	edgeWithheld
)

// locate finds the record in a response along a shape's path, with the
// errors at each of its fields.
func locate(t *testing.T, r apitest.Response, sh shape, id string) (map[string]json.RawMessage, map[string]apitest.Error, int) {
	t.Helper()
	var data map[string]json.RawMessage
	_ = json.Unmarshal(r.Data, &data)
	cur := data[sh.path[0]]
	for _, p := range sh.path[1:] {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(cur, &m); err != nil || m == nil {
			return nil, nil, missing
		}
		cur = m[p]
	}
	// Which element of a list: errors name it by index.
	index := -1
	var rec map[string]json.RawMessage
	if sh.list {
		var items []map[string]json.RawMessage
		var conn struct {
			Edges []struct{ Node map[string]json.RawMessage }
		}
		if string(cur) == "null" {
			for _, e := range r.Errors {
				if e.Code() == "SECTION_WITHHELD" && len(e.Path) == len(sh.path) {
					return nil, nil, edgeWithheld
				}
			}
			return nil, nil, missing
		}
		if json.Unmarshal(cur, &items) != nil {
			_ = json.Unmarshal(cur, &conn)
			for _, e := range conn.Edges {
				items = append(items, e.Node)
			}
		}
		for i, it := range items {
			var got string
			_ = json.Unmarshal(it["id"], &got)
			if got == id {
				index, rec = i, it
			}
		}
	} else if string(cur) != "null" {
		_ = json.Unmarshal(cur, &rec)
	}
	if rec == nil {
		return nil, nil, missing
	}
	errs := map[string]apitest.Error{}
	for _, e := range r.Errors {
		if len(e.Path) == 0 {
			continue
		}
		last, _ := e.Path[len(e.Path)-1].(string)
		if index >= 0 && !slices.ContainsFunc(e.Path, func(p any) bool { n, ok := p.(float64); return ok && int(n) == index }) {
			continue
		}
		errs[last] = e
	}
	return rec, errs, found
}
