package generated

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
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
