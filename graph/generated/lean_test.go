package generated

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// An object is written as the JSON object of its fields, in the order they
// were asked for, each alias once (issue 14: objectOf stands in for
// FieldSet.MarshalGQL).
func TestAnObjectIsWrittenAsItsFieldsInOrder(t *testing.T) {
	var fields []graphql.CollectedField
	for _, alias := range []string{"id", "statement", "position", "id"} {
		fields = append(fields, graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}})
	}
	out := graphql.NewFieldSet(fields)
	out.Values[0] = graphql.MarshalString("OC1")
	out.Values[1] = graphql.MarshalString(`Make a "cup" of tea`)
	out.Values[2] = graphql.MarshalInt(2)
	out.Values[3] = graphql.MarshalString("not written")

	var got, want bytes.Buffer
	objectOf(fields, out).MarshalGQL(&got)
	out.MarshalGQL(&want)
	if got.String() != want.String() {
		t.Errorf("objectOf wrote %s, FieldSet writes %s", got.String(), want.String())
	}
	if got.String() != `{"id":"OC1","statement":"Make a \"cup\" of tea","position":2}` {
		t.Errorf("wrote %s", got.String())
	}
	if !json.Valid(got.Bytes()) {
		t.Errorf("not JSON: %s", got.String())
	}
}
