package graph

import (
	"context"
	"testing"
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
