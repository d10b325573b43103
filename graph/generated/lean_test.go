package generated

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"entgo.io/contrib/entgql"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"reablement/ent/schema/pulid"
)

// An object is written as the JSON object of its fields, in the order they
// were asked for, each alias once (issue 14: an object made by newObject
// stands in for graphql.FieldSet and its MarshalGQL).
func TestAnObjectIsWrittenAsItsFieldsInOrder(t *testing.T) {
	var fields []graphql.CollectedField
	for _, alias := range []string{"id", "statement", "position", "id"} {
		fields = append(fields, graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}})
	}
	out := graphql.NewFieldSet(fields)
	o := newObject(fields)
	for _, vs := range [][]graphql.Marshaler{out.Values, o.Values} {
		vs[0] = graphql.MarshalString("OC1")
		vs[1] = graphql.MarshalString(`Make a "cup" of tea`)
		vs[2] = graphql.MarshalInt(2)
		vs[3] = graphql.MarshalString("not written")
	}

	var got, want bytes.Buffer
	o.MarshalGQL(&got)
	out.MarshalGQL(&want)
	if got.String() != want.String() {
		t.Errorf("the object wrote %s, FieldSet writes %s", got.String(), want.String())
	}
	if got.String() != `{"id":"OC1","statement":"Make a \"cup\" of tea","position":2}` {
		t.Errorf("wrote %s", got.String())
	}
	if !json.Valid(got.Bytes()) {
		t.Errorf("not JSON: %s", got.String())
	}
}

// Every size of object has exactly its fields' values, each its own, on
// both sides of every size newObject allocates together.
func TestAnObjectHasAValueForEachFieldWhateverItsSize(t *testing.T) {
	for n := 0; n <= 40; n++ {
		var fields []graphql.CollectedField
		for i := range n {
			a := fmt.Sprintf("f%d", i)
			fields = append(fields, graphql.CollectedField{Field: &ast.Field{Alias: a, Name: a}})
		}
		o, fs := newObject(fields), graphql.NewFieldSet(fields)
		if len(o.Values) != n || cap(o.Values) != n {
			t.Fatalf("%d fields: %d values (capacity %d)", n, len(o.Values), cap(o.Values))
		}
		for i := range n {
			o.Values[i], fs.Values[i] = graphql.MarshalInt(i), graphql.MarshalInt(i)
		}
		var got, want bytes.Buffer
		o.MarshalGQL(&got)
		fs.MarshalGQL(&want)
		if got.String() != want.String() {
			t.Errorf("%d fields: wrote %s, FieldSet writes %s", n, got.String(), want.String())
		}
	}
}

// A field's arguments are parsed once a request however many objects ask
// for it, unless a cursor is set (the field middleware opens it in place)
// or parsing failed (issue 14: a plan's outcomes on an analyst's page).
func TestAFieldsArgumentsAreParsedOnceARequestUnlessACursorIsSet(t *testing.T) {
	ctx := context.Background()
	first := 20
	parses := 0
	parse := func(_ context.Context, raw map[string]any) (map[string]any, error) {
		parses++
		if raw["fail"] != nil {
			return nil, errors.New("bad argument")
		}
		if raw["after"] != nil {
			return map[string]any{"first": &first, "after": &entgql.Cursor[pulid.ID]{ID: "sealed"}}, nil
		}
		return map[string]any{"first": &first, "after": (*entgql.Cursor[pulid.ID])(nil)}, nil
	}
	var s shared
	outcomes := &ast.Field{Name: "outcomes"}
	for i := 0; i < 100; i++ {
		args, err := s.args(ctx, outcomes, nil, parse)
		if err != nil || args["first"] != &first {
			t.Fatalf("plan %d: args %v, err %v", i, args, err)
		}
	}
	if parses != 1 {
		t.Errorf("one field asked of 100 plans parsed its arguments %d times, want 1", parses)
	}

	parses = 0
	withCursor := fieldWithArgument("after", &ast.Value{Kind: ast.StringValue, Raw: "sealed"})
	for i := 0; i < 3; i++ {
		if _, err := s.args(ctx, withCursor, nil, parse); err != nil {
			t.Fatal(err)
		}
	}
	if parses != 3 {
		t.Errorf("a field with a cursor set parsed its arguments %d times for 3 objects, want 3 (each opened afresh)", parses)
	}

	parses = 0
	failing := fieldWithArgument("fail", &ast.Value{Kind: ast.BooleanValue, Raw: "true"})
	for i := 0; i < 2; i++ {
		if _, err := s.args(ctx, failing, nil, parse); err == nil {
			t.Fatal("want the parse error")
		}
	}
	if parses != 2 {
		t.Errorf("failing arguments parsed %d times for 2 objects, want 2 (errors are not kept)", parses)
	}
}

// fieldWithArgument is an outcomes field asked with one argument.
func fieldWithArgument(name string, value *ast.Value) *ast.Field {
	return &ast.Field{
		Name:       "outcomes",
		Arguments:  ast.ArgumentList{{Name: name, Value: value}},
		Definition: &ast.FieldDefinition{Name: "outcomes", Arguments: ast.ArgumentDefinitionList{{Name: name}}},
	}
}

// An object's fields are collected once a request for each selection set
// and type, and a selection set asked of another type is collected for that
// type (issue 14: shared.collect stands in for graphql.CollectFields).
func TestAnObjectsFieldsAreCollectedOncePerSelectionAndType(t *testing.T) {
	op := &graphql.OperationContext{}
	sel := ast.SelectionSet{
		&ast.Field{Alias: "id", Name: "id"},
		&ast.InlineFragment{TypeCondition: "Risk", SelectionSet: ast.SelectionSet{&ast.Field{Alias: "kind", Name: "kind"}}},
	}
	plan, risk := []string{"Plan", "Node"}, []string{"Risk", "Node"}
	var s shared
	first := s.collect(op, sel, plan)
	if again := s.collect(op, sel, plan); len(again) != 1 || &again[0] != &first[0] {
		t.Errorf("the same selection of the same type: got %v, want the fields collected the first time", again)
	}
	if got := s.collect(op, sel, risk); len(got) != 2 || got[1].Alias != "kind" {
		t.Errorf("the same selection of a Risk: got %v, want id and kind", got)
	}
	if want := graphql.CollectFields(op, sel, plan); len(first) != len(want) || first[0].Alias != want[0].Alias {
		t.Errorf("collected %v, gqlgen collects %v", first, want)
	}
}
