package ent_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"reablement/ent/outcome"
	"reablement/ent/risk"
)

// Enums are written between quotes as they are (ent/template/enum.tmpl,
// issue 14), and a value that is not an identifier is still quoted as JSON.
func TestAnEnumIsWrittenAsAJSONString(t *testing.T) {
	for value, want := range map[string]string{
		"FALLS":       `"FALLS"`,
		"IN_PROGRESS": `"IN_PROGRESS"`,
		`odd "value"`: `"odd \"value\""`,
		"line\nbreak": `"line\nbreak"`,
		"":            `""`,
	} {
		var b bytes.Buffer
		risk.Kind(value).MarshalGQL(&b)
		if b.String() != want {
			t.Errorf("risk.Kind(%q) wrote %s, want %s", value, b.String(), want)
		}
		var back string
		if err := json.Unmarshal(b.Bytes(), &back); err != nil || back != value {
			t.Errorf("risk.Kind(%q) wrote %s, which reads back as %q (%v)", value, b.String(), back, err)
		}
	}
	var b bytes.Buffer
	outcome.AchievementACHIEVED.MarshalGQL(&b)
	if b.String() != `"ACHIEVED"` {
		t.Errorf("outcome.AchievementACHIEVED wrote %s", b.String())
	}
}
