package rule

import (
	"context"
	"reflect"
	"strings"

	"entgo.io/ent/dialect/sql"

	gen "reablement/ent"
	"reablement/ent/policy"
	"reablement/ent/viewer"
)

// ScopeWhere makes every edge filter in a generated where-input match only
// rows the viewer could read (consent.md: "a filter through an edge matches
// only rows the viewer could read"). The row filter of a list applies to the
// list's own rows, but an edge filter (people(where: {hasPlansWith: {id: …}}))
// is a subquery that no privacy rule sees: without this it would confirm a
// plan id the viewer gets NOT_FOUND for. So each has…With filter gets its
// target type's row filter, and a bare has… becomes has…With with it.
//
// input is any *XWhereInput (or anything else, which is left alone); it is
// changed in place, and nested and/or/not filters are handled too.
func ScopeWhere(ctx context.Context, input any) {
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return
	}
	rv := reflect.ValueOf(input)
	if !isWhereInput(rv) {
		return
	}
	scopeWhere(rv, v)
}

func isWhereInput(rv reflect.Value) bool {
	return rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct &&
		strings.HasSuffix(rv.Elem().Type().Name(), "WhereInput") && rv.MethodByName("AddPredicates").IsValid()
}

func scopeWhere(rv reflect.Value, v *viewer.Viewer) {
	e := rv.Elem()
	t := e.Type()
	for i := range t.NumField() {
		name, fv := t.Field(i).Name, e.Field(i)
		switch {
		case name == "Not":
			if isWhereInput(fv) {
				scopeWhere(fv, v)
			}
		case name == "Or" || name == "And":
			for j := range fv.Len() {
				if isWhereInput(fv.Index(j)) {
					scopeWhere(fv.Index(j), v)
				}
			}
		case strings.HasPrefix(name, "Has") && strings.HasSuffix(name, "With"):
			for j := range fv.Len() {
				if el := fv.Index(j); isWhereInput(el) {
					scopeWhere(el, v)
					addRowFilter(el, v)
				}
			}
		}
	}
	// A bare has… (exists / does not exist) counts visible rows only.
	for i := range t.NumField() {
		name, fv := t.Field(i).Name, e.Field(i)
		with := e.FieldByName(name + "With")
		if !strings.HasPrefix(name, "Has") || fv.Kind() != reflect.Pointer || fv.IsNil() || fv.Elem().Kind() != reflect.Bool || !with.IsValid() {
			continue
		}
		exists := fv.Elem().Bool()
		fv.Set(reflect.Zero(fv.Type()))
		el := reflect.New(with.Type().Elem().Elem())
		addRowFilter(el, v)
		if exists {
			with.Set(reflect.Append(with, el))
			continue
		}
		none := reflect.New(t)
		none.Elem().FieldByName(name + "With").Set(reflect.Append(reflect.MakeSlice(with.Type(), 0, 1), el))
		not := e.FieldByName("Not")
		if not.IsNil() {
			not.Set(none)
		} else {
			wrapped := reflect.New(t)
			wrapped.Elem().FieldByName("Not").Set(none)
			and := e.FieldByName("And")
			and.Set(reflect.Append(and, wrapped))
		}
	}
}

// addRowFilter adds the row filter of the where-input's type to it.
func addRowFilter(el reflect.Value, v *viewer.Viewer) {
	typ := strings.TrimSuffix(el.Elem().Type().Name(), "WhereInput")
	p := RowFilter(v, typ)
	m := el.MethodByName("AddPredicates")
	m.Call([]reflect.Value{reflect.ValueOf(p).Convert(m.Type().In(0).Elem())})
}

// RowFilter is the row filter of an ent type as a predicate: the tenant, and
// for a type in a person's record its row scope (FilterScope); for accounts,
// what FilterAccounts lets through.
func RowFilter(v *viewer.Viewer, typ string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		preds := []*sql.Predicate{sql.EQ(s.C("authority_id"), v.AuthorityID)}
		if rt, ok := gen.RecordTypes[typ]; ok {
			sc := Scope{PersonCol: rt.Columns[0], Section: rt.Section}
			if len(rt.Columns) > 1 {
				sc.PlanCol = rt.Columns[1]
			}
			preds = append(preds, scopePredicate(s, v, sc))
		}
		s.Where(sql.And(preds...))
		if typ == gen.TypeAccount && !(v.IsStaff() || v.Has(policy.Analyst) || v.Has(policy.Auditor)) {
			outsideAccounts(v)(s)
		}
	}
}
