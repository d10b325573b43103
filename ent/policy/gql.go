package policy

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// This file lets the GraphQL layer use Section, Role and Basis as enums
// directly. It needs no GraphQL import: the interfaces are plain io methods.

func unmarshalEnum[T ~string](v any, values []string, what string) (T, error) {
	s, ok := v.(string)
	if !ok || !slices.Contains(values, s) {
		return "", fmt.Errorf("%v is not a valid %s", v, what)
	}
	return T(s), nil
}

// MarshalGQL writes the section as a GraphQL enum value.
func (s Section) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL reads a section, refusing unknown names.
// Every gated field's @section is read through here on every request, so
// it checks AllSections in place rather than building Values (issue 14).
func (s *Section) UnmarshalGQL(v any) error {
	if name, ok := v.(string); ok && slices.Contains(AllSections, Section(name)) {
		*s = Section(name)
		return nil
	}
	return fmt.Errorf("%v is not a valid Section", v)
}

// MarshalGQL writes the role as a GraphQL enum value.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads a role, refusing unknown names.
func (r *Role) UnmarshalGQL(v any) (err error) {
	*r, err = unmarshalEnum[Role](v, Role("").Values(), "Role")
	return err
}

// MarshalGQL writes the basis as a GraphQL enum value.
func (b Basis) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(b))) }

// UnmarshalGQL reads a basis, refusing unknown names.
func (b *Basis) UnmarshalGQL(v any) (err error) {
	*b, err = unmarshalEnum[Basis](v, Basis("").Values(), "Basis")
	return err
}
