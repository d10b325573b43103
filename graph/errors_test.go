package graph

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The model names its fields as the schema does; clients see the names
// entgql gives their arguments (issue 11, item 3).
func TestModelFieldsAreNamedAsTheirArguments(t *testing.T) {
	for attr, want := range map[string]string{
		"legal_name": "legalName", "date_of_birth": "dateOfBirth", "team_id": "teamID",
		"allocated_practitioner_id": "allocatedPractitionerID", "outcome_id": "outcomeID", "needs": "needs",
	} {
		if got := gqlName(attr); got != want {
			t.Errorf("gqlName(%q) = %q, want %q", attr, got, want)
		}
	}
	// Outside a GraphQL operation (a tool calling the model), the input
	// object is the best guess.
	if got := attrPath(context.Background(), "date_of_birth"); got != "input.dateOfBirth" {
		t.Errorf("attrPath outside an operation = %q", got)
	}
}

// The envelope written around gqlgen's data says what json.Marshal of the
// whole answer says (issue 14: the data is no longer scanned twice).
func TestAnAnswersEnvelopeSaysWhatJSONMarshalSays(t *testing.T) {
	answers := map[string]*graphql.Response{
		"data only":            {Data: json.RawMessage(`{"myVisits":[{"id":"v1","note":"<b>&</b>"}]}`)},
		"no data":              {},
		"errors and null data": {Errors: gqlerror.List{{Message: "Sign in again.", Path: ast.Path{ast.PathName("me")}, Extensions: map[string]any{"code": "UNAUTHENTICATED"}}}},
		"data and errors":      {Data: json.RawMessage(`{"plan":null}`), Errors: gqlerror.List{{Message: "withheld", Extensions: map[string]any{"code": "SECTION_WITHHELD"}}}},
		"extensions":           {Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"cost": 12}},
	}
	for name, resp := range answers {
		got, err := encodeResponse(resp)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%s: the envelope is not JSON: %v\n%s", name, err, got)
		}
		_ = json.Unmarshal(want, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}
