// Package scalar holds the custom GraphQL scalars.
package scalar

import (
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent/fault"
)

// dateLayout is ISO 8601's calendar date.
const dateLayout = "2006-01-02"

// MarshalDate writes a date-only value. Dates are stored as midnight UTC, so
// the UTC calendar day is the date that was entered.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(dateLayout)))
	})
}

// UnmarshalDate reads YYYY-MM-DD into midnight UTC, refusing anything else
// (an impossible day such as 2026-02-30 included) as INVALID_INPUT, with a
// message that says what was expected. The message quotes the value only
// when it is short, so a hostile megabyte is not sent back.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fault.New(fault.InvalidInput, "A date must be written as text like 2026-03-29")
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		if len(s) == len(dateLayout) && utf8.ValidString(s) {
			return time.Time{}, fault.New(fault.InvalidInput, "%q is not a date on the calendar: write a real date like 2026-03-29", s)
		}
		return time.Time{}, fault.New(fault.InvalidInput, "A date must be written like 2026-03-29 (year, month, day)")
	}
	return t, nil
}
