package scalar

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"reablement/ent/fault"
)

// FuzzUnmarshalDate: any input is either a real calendar date that writes
// back as the same text, or INVALID_INPUT with a message that quotes the
// value only when it is date-sized. Never a panic, never an uncoded error.
func FuzzUnmarshalDate(f *testing.F) {
	for _, s := range []string{"2026-03-29", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "0000-01-01",
		"9999-12-31", "2026-3-29", "29/03/2026", "", "next tuesday", "2026-03-29T10:00:00Z", "２０２６-03-29", "2026-03-29\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := UnmarshalDate(s)
		if err != nil {
			fe, ok := fault.As(err)
			if !ok || fe.Code != fault.InvalidInput || fe.Message == "" {
				t.Fatalf("%q: error %v is not INVALID_INPUT", s, err)
			}
			// Only a date-sized value is quoted; any other gets the one
			// message that quotes nothing.
			if _, plain := UnmarshalDate("x"); len(s) != len(dateLayout) && fe.Message != plain.(*fault.Error).Message {
				t.Fatalf("%q: the message depends on the value: %q", s, fe.Message)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 {
			t.Fatalf("%q: %v is not midnight UTC", s, d)
		}
		var b bytes.Buffer
		MarshalDate(d).MarshalGQL(&b)
		if b.String() != strconv.Quote(s) {
			t.Fatalf("%q reads as %v and writes back as %s", s, d, b.String())
		}
	})
}

// FuzzUnmarshalDateNonString: numbers and other JSON values are refused.
func FuzzUnmarshalDateNonString(f *testing.F) {
	f.Add(int64(20260329), 1.5, true)
	f.Fuzz(func(t *testing.T, i int64, x float64, b bool) {
		for _, v := range []any{i, x, b, nil, []any{i}, map[string]any{"d": x}} {
			if _, err := UnmarshalDate(v); fault.CodeOf(err) != fault.InvalidInput {
				t.Fatalf("%#v: %v", v, err)
			}
		}
	})
}
