package rule

import (
	"context"
	"strings"

	"entgo.io/ent"

	gen "reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/hook"
	"reablement/ent/identity"
	"reablement/ent/person"
	"reablement/ent/privacy"
	"reablement/ent/viewer"
)

// NHSNumberIndex is the unique index on a person's NHS number within an
// authority (ent/schema/person.go): the database's own refusal of a
// duplicate that two requests send at once.
const NHSNumberIndex = "persons_authority_nhs_number"

// Identity checks what identifies a person on every write, whatever entry
// point it comes from (issue 12): the NHS number must pass NHS Digital's
// Modulus 11 check and belong to no one else in the authority, and the
// postcode must be a UK postcode. Both are stored normalised (ten digits;
// "LA9 4QT"), so a search finds them however they were typed. An empty
// value means none is recorded.
func Identity() ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return hook.PersonFunc(func(ctx context.Context, m *gen.PersonMutation) (ent.Value, error) {
			if nhs, ok := m.NhsNumber(); ok {
				if strings.TrimSpace(nhs) == "" {
					clearNHS(m)
				} else {
					digits, valid := identity.NHSNumber(nhs)
					if !valid {
						return nil, fault.Invalid("input.nhsNumber", "Enter a valid NHS number: 10 digits, like 943 476 5919. Check it against the letter or record it came from; the last digit is a check digit, so one mistyped digit shows up here.")
					}
					m.SetNhsNumber(digits)
					if err := uniqueNHS(ctx, m, digits); err != nil {
						return nil, err
					}
				}
			}
			if pc, ok := m.Postcode(); ok {
				if strings.TrimSpace(pc) == "" {
					clearPostcode(m)
				} else {
					norm, valid := identity.Postcode(pc)
					if !valid {
						return nil, fault.Invalid("input.postcode", "Enter a real postcode, like LA9 4QT.")
					}
					m.SetPostcode(norm)
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil && gen.IsConstraintError(err) && strings.Contains(err.Error(), NHSNumberIndex) {
				return nil, duplicateNHS()
			}
			return v, err
		})
	}, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate)
}

func clearNHS(m *gen.PersonMutation) {
	if m.Op().Is(ent.OpCreate) {
		m.ResetNhsNumber()
	} else {
		m.ClearNhsNumber()
	}
}

func clearPostcode(m *gen.PersonMutation) {
	if m.Op().Is(ent.OpCreate) {
		m.ResetPostcode()
	} else {
		m.ClearPostcode()
	}
}

// uniqueNHS refuses an NHS number another person in the authority already
// has, saying so before the database would. The other person may be outside
// the viewer's caseload: the check reads past the row filter, never past
// the authority, and says only that the number is taken. Bulk loads by the
// system rely on the index alone (a query per row would be too slow).
func uniqueNHS(ctx context.Context, m *gen.PersonMutation, nhs string) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return nil
	}
	q := m.Client().Person.Query().Where(person.AuthorityID(v.Authority()), person.NhsNumber(nhs))
	if id, ok := m.ID(); ok {
		q = q.Where(person.IDNEQ(id))
	}
	taken, err := q.Exist(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		return err
	}
	if taken {
		return duplicateNHS()
	}
	return nil
}

func duplicateNHS() error {
	return &fault.Error{Code: fault.Conflict, Field: "input.nhsNumber",
		Message: "Someone with this NHS number is already recorded. Find them with \"Find a person\" and use their record instead of adding them again."}
}
