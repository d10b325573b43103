package consent

import (
	"encoding/json"
	"testing"

	"reablement/ent/policy"
)

// The audit's sections and bases are written as json.Marshal writes them
// (the columns are jsonb, read by the audit screens and the returns), for
// the policy's constants and for anything that would need escaping.
func TestAuditListsAreWhatJSONMarshalWrites(t *testing.T) {
	cases := [][]string{nil, {}, {"OUTCOMES"}, {"IDENTITY", "WORKER_SUPPORT", "RISKS"}, {`a"b`, `back\slash`}, {"<script>", "a&b"}, {"é", "tab\there", "\x00"}}
	for _, s := range policy.AllSections {
		cases = append(cases, []string{string(s)})
	}
	for _, c := range cases {
		want, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonStrings(c); got != string(want) {
			t.Errorf("jsonStrings(%q) = %s, json.Marshal writes %s", c, got, want)
		}
	}
	sections := []policy.Section{policy.Identity, policy.Outcomes}
	want, _ := json.Marshal(sections)
	if got := jsonStrings(sections); got != string(want) {
		t.Errorf("sections: %s, want %s", got, want)
	}
}
