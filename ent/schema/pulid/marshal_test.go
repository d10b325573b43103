package pulid

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Every id marshals to the JSON string of itself: the usual ones written
// as they are, anything else quoted.
func TestIDsMarshalAsJSONStrings(t *testing.T) {
	for _, id := range []ID{New("PL"), "PL01M8P8WJ5R0AA6AXD9W1NS381G", "", `a"b`, `back\slash`, "tab\there", "é", "a_b-c"} {
		var b bytes.Buffer
		id.MarshalGQL(&b)
		var got string
		if err := json.Unmarshal(b.Bytes(), &got); err != nil || got != string(id) {
			t.Errorf("%q marshalled as %s (%v)", id, b.String(), err)
		}
	}
}
