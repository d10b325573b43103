package rule

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
)

// The longest values a person may type (issue 11): a name, a reference or
// any other one-line string holds 200 characters, free text 10,000 (a long
// visit note is a few hundred words). Anything longer is a mistake or an
// attack, and would be carried into every answer and audit row after it.
const (
	maxLine = 200
	maxText = 10_000
)

// earliest is the earliest date any record may carry: no one receiving
// care was born before it, and nothing in the service happened before it.
var earliest = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// Bounds refuses a value no person would enter, whatever entry point sent
// it: a string longer than its field holds (maxLine or maxText, by the
// field's declared size) or with a NUL character, and a date outside what
// the field can mean. Times are judged by the request's clock
// (viewer.Now), so a request sees one "now" everywhere. Problems name the
// model's field (fault.Error.Attr); the GraphQL layer names the argument.
func Bounds() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if m.Op().Is(ent.OpDelete|ent.OpDeleteOne) || m.Type() == gen.TypeAuditEvent {
				return next.Mutate(ctx, m) // the audit log is the system's own writing
			}
			now := viewer.Now(ctx)
			for _, name := range m.Fields() {
				value, _ := m.Field(name)
				var err error
				switch v := value.(type) {
				case string:
					err = boundString(m.Type(), name, v)
				case pulid.ID:
					err = boundString(m.Type(), name, string(v))
				case time.Time:
					err = boundTime(m.Type(), name, v, now)
				}
				if err != nil {
					return nil, err
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

func boundString(typ, name, s string) error {
	limit := maxLine
	if size := gen.StringSizes[typ][name]; size > maxLine {
		limit = maxText // a text field (declared size: unbounded)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fault.InvalidAttr(name, "This is %d characters long; it can hold at most %d. Shorten it and send it again.", n, limit)
	}
	if strings.ContainsRune(s, 0) {
		return fault.InvalidAttr(name, "This holds a NUL character, which cannot be stored. Remove it and send it again.")
	}
	return nil
}

// boundTime: a date of birth is in the past (and after 1900); a time
// something happened (an arrival, a decision) is not in the future beyond
// a few minutes of clock skew between a phone and the server; any other
// date (a target, a due date, a scheduled visit) is within ten years of
// now. The visit record's own rules (departure after arrival…) are in
// VisitRecord.
func boundTime(typ, name string, t, now time.Time) error {
	switch {
	case t.Before(earliest):
		return fault.InvalidAttr(name, "This date is before 1900. Check the year and send it again.")
	case name == "date_of_birth" && t.After(now):
		return fault.InvalidAttr(name, "A date of birth cannot be in the future. Check the year and send it again.")
	case happened[name] && t.After(now.Add(clockSkew)):
		return fault.InvalidAttr(name, "This time is in the future. Check the date and time, and the phone's clock, and send it again.")
	case t.After(now.AddDate(10, 0, 0)):
		return fault.InvalidAttr(name, "This date is more than ten years away. Check the year and send it again.")
	}
	return nil
}

// clockSkew is how far ahead of the server a phone's clock may be.
const clockSkew = 5 * time.Minute

// happened lists the fields that record when something took place, which
// can never be later than now.
var happened = map[string]bool{
	"arrived_at": true, "departed_at": true, "assessed_at": true, "decided_at": true, "withdrawn_at": true,
	"given_at": true, "followed_up_at": true, "written_record_at": true, "agreed_at": true, "commenced_at": true,
	"ended_at": true, "written_confirmation_at": true, "referrer_notified_at": true, "held_at": true,
	"shared_at": true, "revoked_at": true, "person_consulted_at": true, "complaint_right_told_at": true,
	"reviewed_at": true, "acknowledged_at": true, "mitigation_confirmed_at": true, "environment_assessment_done_at": true,
	"referral_received_on": true, "hospital_discharge_on": true, "follow_up_recorded_at": true,
}

// Clock stamps created_at and updated_at from the request's clock
// (viewer.Now), not the machine's: one request has one "now", so the
// times it writes agree with the times its rules judged by (an emergency
// access of 24 hours from now, a visit "not in the future"). The internal
// system keeps the columns' own defaults.
func Clock() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v := viewer.FromContext(ctx)
			if v == nil || v.IsSystem() || v.Now.IsZero() {
				return next.Mutate(ctx, m)
			}
			if m.Op().Is(ent.OpCreate) {
				if err := m.SetField("created_at", v.Now); err != nil {
					return nil, err
				}
			}
			if m.Op().Is(ent.OpCreate | ent.OpUpdate | ent.OpUpdateOne) {
				if err := m.SetField("updated_at", v.Now); err != nil {
					return nil, err
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}
