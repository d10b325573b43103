package consent

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"

	entgo "entgo.io/ent"
	"github.com/99designs/gqlgen/graphql"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/policy"
)

// Section is the @section directive: the one place a gated field is
// disclosed or withheld. Allowed: the value, and the disclosure is noted for
// the audit event. Withheld: null, and an error at the field's path with
// extensions.code SECTION_WITHHELD naming the section, never the value.
func Section(ctx context.Context, obj any, next graphql.Resolver, name policy.Section, coded *bool) (any, error) {
	r, k, d, err := decisionFor(ctx, obj)
	if err != nil {
		return nil, err
	}
	basis, allowed := d.Allows(name)
	if allowed && d.CodedOnly && (coded == nil || !*coded) {
		allowed = false
	}
	if !allowed {
		return nil, withheld(name, d)
	}
	r.note(k, name, basis, d.Flagged)
	return next(ctx)
}

// decisionFor returns the request's decision for the record obj belongs to.
// A gated field outside a person's record, or a request without consent
// state, is a wiring bug: it fails closed.
func decisionFor(ctx context.Context, obj any) (*Request, Key, policy.Decision, error) {
	r := FromContext(ctx)
	k, ok := KeyOf(obj)
	if r == nil || !ok {
		return nil, k, policy.Decision{}, fmt.Errorf("consent: no decision for %T", obj)
	}
	row, _ := obj.(*ent.Person)
	d, err := r.decide(ctx, k, row)
	return r, k, d, err
}

func withheld(s policy.Section, d policy.Decision) error {
	msg := fmt.Sprintf("Not shared with you: you have no basis to see %s.", sectionWords[s])
	if d.CodedOnly {
		msg = fmt.Sprintf("Not shared with you: statistics show only coded values, not %s.", sectionWords[s])
	}
	return &fault.Error{Code: fault.SectionWithheld, Section: string(s), Message: msg}
}

// sectionWords names each section the way a practitioner would.
var sectionWords = map[policy.Section]string{
	policy.Identity: "identity details", policy.Contact: "contact details", policy.Communication: "communication needs",
	policy.Capacity: "capacity and advocacy", policy.Safeguarding: "safeguarding", policy.Finance: "finance",
	policy.Needs: "needs", policy.Outcomes: "outcomes", policy.Visits: "visits", policy.WorkerSupport: "what the worker does",
	policy.OtherSupport: "other support", policy.Risks: "risks", policy.Review: "review arrangements", policy.Involvement: "involvement and sharing",
}

// personColumns are the columns of a person that fields other than the
// record keys derive values from: Person.ageBand reads the date of birth,
// and visitAddress falls back to the home address; the directive decides
// whether either shows. GraphQL field collection selects only the columns a
// query asks for; without the keys a record could not say whose it is, and
// every gated field would be withheld.
var personColumns = []string{"date_of_birth", "authority_id", "address", "postcode", "team_id", "allocated_practitioner_id", "withheld_from_person"}

// keyColumns are the columns a query of the type must select.
func keyColumns(typ string) []string {
	if typ == ent.TypeAccount {
		return []string{"roles"} // what outside viewers and analysts are shown instead of a name
	}
	rt, ok := ent.RecordTypes[typ]
	if !ok {
		return nil
	}
	if typ == ent.TypePerson {
		return append(slices.Clone(rt.Columns), personColumns...)
	}
	return rt.Columns
}

// Interceptor keeps the record keys in every query's columns, and primes
// each request's decisions from the rows every query loads (lists, nodes,
// eager-loaded edges), so consent checks cost a constant number of queries
// whatever the page size.
func Interceptor() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			selectKeys(q)
			v, err := next.Query(ctx, q)
			if err != nil {
				return v, err
			}
			if r := FromContext(ctx); r != nil {
				if perr := r.Prime(ctx, v); perr != nil {
					return nil, perr
				}
			}
			return v, nil
		})
	})
}

// Access is one row of viewerAccess.
type Access struct {
	Section   policy.Section
	Allowed   bool
	Basis     *policy.Basis
	CodedOnly bool
	// WithheldFromPerson is why the section is withheld from the person
	// themself, for the person and for staff with a basis; nil otherwise.
	WithheldFromPerson *string
}

// ViewerAccess lists, section by section, what the viewer may see of a
// record and why, so a screen can say "not shared with you" instead of
// showing blanks.
func ViewerAccess(ctx context.Context, obj any) ([]Access, error) {
	r, k, d, err := decisionFor(ctx, obj)
	if err != nil {
		return nil, err
	}
	out := AccessOf(d)
	r.mu.Lock()
	f := r.facts[k.Person]
	r.mu.Unlock()
	v := r.viewer
	// The person is told what is withheld from them and why; so are staff
	// with a basis for the record, who answer the person's questions.
	tell := (v.Has(policy.PersonRole) && v.PersonID == string(k.Person)) || (d.Any() && v.IsStaff() && !d.CodedOnly)
	if tell {
		for i := range out {
			if slices.Contains(f.withheld, out[i].Section) {
				reason := f.reason
				out[i].WithheldFromPerson = &reason
			}
		}
	}
	return out, nil
}

// AccessOf lists a decision section by section, as viewerAccess shows it.
func AccessOf(d policy.Decision) []Access {
	out := make([]Access, 0, len(policy.AllSections))
	for _, s := range policy.AllSections {
		a := Access{Section: s, CodedOnly: d.CodedOnly}
		if b, ok := d.Allows(s); ok {
			a.Allowed, a.Basis = true, &b
		}
		out = append(out, a)
	}
	return out
}

// selectKeys adds the key columns to a query that selects only some columns
// (entgql's field collection does that). Eager loads run under their
// parent's query context, so the query object itself is the only reliable
// place to look; its column list is unexported, so it is read by reflection
// and extended through the query's own Select.
func selectKeys(q entgo.Query) {
	rv := reflect.ValueOf(q)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return
	}
	qc := rv.Elem().FieldByName("ctx")
	if !qc.IsValid() || qc.IsNil() {
		return
	}
	fields := qc.Elem().FieldByName("Fields")
	typ := qc.Elem().FieldByName("Type").String()
	switch qc.Elem().FieldByName("Op").String() {
	case "", entgo.OpQueryAll, entgo.OpQueryOnly, entgo.OpQueryFirst:
	default:
		return // IDs, counts and scans read exactly the columns they name
	}
	if fields.Len() == 0 {
		return // all columns
	}
	have := make([]string, fields.Len())
	for i := range have {
		have[i] = fields.Index(i).String()
	}
	// A group-by or scan run while eager loading inherits its parent's
	// operation, so the op above says nothing; such queries read values,
	// not records, and never select the id. Adding keys would break their
	// scan (entgql's totalCount is one).
	if !slices.Contains(have, "id") {
		return
	}
	var missing []reflect.Value
	for _, c := range keyColumns(typ) {
		if !slices.Contains(have, c) {
			missing = append(missing, reflect.ValueOf(c))
		}
	}
	if len(missing) > 0 {
		rv.MethodByName("Select").Call(missing)
	}
}

// Disclose decides one section of a record for values the API computes
// rather than reads from a gated field (a diff between versions, say): it
// reports whether the viewer may see them, notes the disclosure for the
// audit when they may, and otherwise returns the SECTION_WITHHELD error to
// add to the response. Values marked coded are shown to analysts.
func Disclose(ctx context.Context, k Key, s policy.Section, coded bool) (bool, error) {
	r := FromContext(ctx)
	if r == nil {
		return false, fmt.Errorf("consent: no decision for %v", k)
	}
	d, err := r.Decide(ctx, k)
	if err != nil {
		return false, err
	}
	basis, ok := d.Allows(s)
	if !ok || (d.CodedOnly && !coded) {
		return false, withheld(s, d)
	}
	r.note(k, s, basis, d.Flagged)
	return true, nil
}

// DiscloseAll is Disclose for a value that reveals several sections at once
// (free text, never coded): all must be allowed. It stops at the first
// withheld section and returns its error.
func DiscloseAll(ctx context.Context, k Key, ss []policy.Section) (bool, error) {
	for _, s := range ss {
		if ok, err := Disclose(ctx, k, s, false); !ok {
			return false, err
		}
	}
	return true, nil
}

// Members keeps the records of a list the viewer may know are in it: a
// record's presence in a list (a safeguarding concern on a due list, a plan
// whose first review is due) discloses the section that put it there, so it
// is decided and audited like a coded field of that section. The rest are
// dropped silently: the list itself is the viewer's, and its length says
// nothing about them.
func Members[T any](ctx context.Context, rows []T, s policy.Section) ([]T, error) {
	r := FromContext(ctx)
	if r == nil {
		return rows, nil // consent is off (tests of the rules without it)
	}
	out := rows[:0]
	for i := range rows {
		k, ok := KeyOf(&rows[i])
		if !ok {
			return nil, fmt.Errorf("consent: %T is no one's record", rows[i])
		}
		d, err := r.Decide(ctx, k)
		if err != nil {
			return nil, err
		}
		if basis, ok := d.Allows(s); ok {
			r.note(k, s, basis, d.Flagged)
			out = append(out, rows[i])
		}
	}
	return out, nil
}

// NoteRows records, for the audit, that the records of a list or a
// connection the API returns were disclosed: each row's presence discloses
// its type's section (ent.RecordTypes). The row filter already kept only
// rows the viewer may see; this makes their presence part of the record of
// who saw what.
func NoteRows(ctx context.Context, value any) error {
	r := FromContext(ctx)
	if r == nil || value == nil {
		return nil
	}
	var err error
	each := func(o any) {
		if err != nil {
			return
		}
		person, plan, ok := ent.RecordKeyOf(o)
		if !ok {
			return
		}
		s := ent.RecordTypes[typeName(o)].Section
		if s == "" {
			return // a person or a plan version: any section shows it, and its fields say which
		}
		k := Key{Person: person, Plan: plan}
		var d policy.Decision
		if d, err = r.Decide(ctx, k); err == nil {
			if basis, ok := d.Allows(s); ok {
				r.note(k, s, basis, d.Flagged)
			}
		}
	}
	rv := reflect.ValueOf(value)
	switch {
	case rv.Kind() == reflect.Slice:
		for i := range rv.Len() {
			el := rv.Index(i)
			if el.Kind() != reflect.Pointer {
				el = el.Addr()
			}
			each(el.Interface())
		}
	case rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct:
		if edges := rv.Elem().FieldByName("Edges"); edges.IsValid() && edges.Kind() == reflect.Slice {
			for i := range edges.Len() {
				e := edges.Index(i)
				if e.Kind() == reflect.Pointer {
					e = e.Elem()
				}
				if n := e.FieldByName("Node"); n.IsValid() && n.Kind() == reflect.Pointer && !n.IsNil() {
					each(n.Interface())
				}
			}
		}
	}
	return err
}

// typeName is the ent type name of a record (*ent.Visit is "Visit").
func typeName(o any) string {
	t := reflect.TypeOf(o)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

// fieldSections holds each gated field's @section and coded flag, read from
// the executable schema (UseSchema): values the API computes from fields (a
// diff) are decided by the same annotations as the fields themselves.
var fieldSections sync.Map // "Type.field" -> fieldSection

type fieldSection struct {
	section policy.Section
	coded   bool
}

// UseSchema reads every field's @section from the schema the server runs.
func UseSchema(s *ast.Schema) {
	for name, t := range s.Types {
		for _, f := range t.Fields {
			d := f.Directives.ForName("section")
			if d == nil {
				continue
			}
			fs := fieldSection{}
			if a := d.Arguments.ForName("name"); a != nil && a.Value != nil {
				fs.section = policy.Section(a.Value.Raw)
			}
			if a := d.Arguments.ForName("coded"); a != nil && a.Value != nil {
				fs.coded = a.Value.Raw == "true"
			}
			fieldSections.Store(name+"."+f.Name, fs)
		}
	}
}

// FieldSection returns a gated field's section and coded flag.
func FieldSection(typ, field string) (policy.Section, bool, bool) {
	v, ok := fieldSections.Load(typ + "." + field)
	if !ok {
		return "", false, false
	}
	fs := v.(fieldSection)
	return fs.section, fs.coded, true
}
