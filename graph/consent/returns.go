package consent

import (
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
)

// NoteReturn records that a statutory return (or an analyst's
// pseudonymised copy of it) disclosed the sections d grants of a person's
// record, on d's bases (issue 15): the person is audited like any other
// disclosure, in the request's one event for them.
func (r *Request) NoteReturn(person pulid.ID, d policy.Decision) {
	for s, b := range d.Grants {
		r.note(Key{Person: person}, s, b, false)
	}
}
