package schema

import (
	"errors"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
	"github.com/vektah/gqlparser/v2/ast"

	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
)

// idMixin gives a type its prefixed ULID primary key.
type idMixin struct {
	mixin.Schema
	prefix string
}

func withID(prefix string) idMixin { return idMixin{prefix: prefix} }

// Fields of the idMixin.
func (m idMixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("id").GoType(pulid.ID("")).DefaultFunc(pulid.NewFunc(m.prefix)).Immutable().
			Comment("Opaque, stable identifier; pass it to node(id:)."),
	}
}

// tenantMixin puts every row in exactly one authority. Rows are stamped from
// the viewer on create and filtered by it on every query (ent/rule), so no
// query crosses authorities whatever entry point it comes from.
type tenantMixin struct {
	mixin.Schema
	// ownIndex: the schema declares its own index led by authority_id, which
	// serves the tenant filter too, so a second one would only slow writes.
	ownIndex bool
}

// Fields of the tenantMixin.
func (tenantMixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("authority_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Policy of the tenantMixin: nothing crosses authorities.
func (tenantMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterTenant("authority_id")}}
}

// Hooks of the tenantMixin: new rows join the viewer's authority, and no
// value is longer or further off than its field can mean (issue 11).
func (tenantMixin) Hooks() []ent.Hook { return []ent.Hook{rule.StampTenant(), rule.Bounds()} }

// Indexes of the tenantMixin.
func (m tenantMixin) Indexes() []ent.Index {
	if m.ownIndex {
		return nil
	}
	return []ent.Index{index.Fields("authority_id")}
}

// timeMixin records when a row was made and last changed, in UTC.
type timeMixin struct{ mixin.Schema }

func utcNow() time.Time { return time.Now().UTC() }

// Fields of the timeMixin.
func (timeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(utcNow).Immutable().
			Comment("When the record was made (UTC).").
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput)),
		field.Time("updated_at").Default(utcNow).UpdateDefault(utcNow).
			Comment("When the record last changed (UTC).").Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)),
	}
}

// Hooks of the timeMixin: the times come from the request's clock.
func (timeMixin) Hooks() []ent.Hook { return []ent.Hook{rule.Clock()} }

// personScoped marks a row as part of one person's record. person_id is
// stamped from the parent on create (ent/rule) and is what the consent
// decision and the row filters key on; it never appears in the API.
type personScoped struct {
	mixin.Schema
	kind rule.Kind
	// inPlan is true when the row belongs to one plan version (has plan_id).
	inPlan bool
	// section is the section a row discloses by existing (rule.Record).
	section policy.Section
}

func personRecord(s policy.Section) personScoped {
	return personScoped{kind: rule.KindPersonRecord, section: s}
}
func planContent(s policy.Section) personScoped {
	return personScoped{kind: rule.KindPlanContent, inPlan: true, section: s}
}
func planActivity(s policy.Section) personScoped {
	return personScoped{kind: rule.KindPlanActivity, inPlan: true, section: s}
}

// record is the rule.Record annotation of the scoped type.
func (p personScoped) record() rule.Record {
	r := rule.Record{PersonField: "person_id", Section: p.section}
	if p.inPlan {
		r.PlanField = "plan_id"
	}
	return r
}

// Annotations of personScoped: how the row belongs to a record.
func (p personScoped) Annotations() []schema.Annotation {
	return []schema.Annotation{p.record()}
}

// Policy of personScoped: rows only for viewers with a basis for the
// row's section (consent.md).
func (p personScoped) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterScope(p.record().Scope())}}
}

// Hooks of personScoped: the write guard, then the references the row
// makes, each of which the actor must be able to see.
func (p personScoped) Hooks() []ent.Hook {
	return []ent.Hook{rule.Guard(p.kind), rule.References(p.kind)}
}

// Fields of personScoped.
func (personScoped) Fields() []ent.Field {
	return []ent.Field{
		field.String("person_id").GoType(pulid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of personScoped.
func (personScoped) Indexes() []ent.Index {
	return []ent.Index{index.Fields("person_id")}
}

// section gates a field: its value is disclosed only to a viewer with a basis
// for the section (consent.md). Gated fields never appear in where-filters or
// orderings, so they cannot be probed by binary search, and the schema hook in
// entc.go makes them nullable so a withheld field never nulls its parent.
func section(s policy.Section) []schema.Annotation {
	return sectionDirective(s, false)
}

// codedSection gates a coded field (a status, kind, date or count): like
// section, but an analyst may see it on pseudonymised data.
func codedSection(s policy.Section) []schema.Annotation {
	return sectionDirective(s, true)
}

func sectionDirective(s policy.Section, coded bool) []schema.Annotation {
	args := []*ast.Argument{{Name: "name", Value: &ast.Value{Kind: ast.EnumValue, Raw: string(s)}}}
	if coded {
		args = append(args, &ast.Argument{Name: "coded", Value: &ast.Value{Kind: ast.BooleanValue, Raw: "true"}})
	}
	return []schema.Annotation{
		entgql.Directives(entgql.NewDirective("section", args...)),
		entgql.Skip(entgql.SkipWhereInput | entgql.SkipOrderField),
	}
}

// staffEdge gates an edge from a person's record to a staff account or a
// team: it belongs to the section of the relation (a visit's worker to
// VISITS, a share's recipient to INVOLVEMENT), and it is never a filter, so
// nobody can test names or ids through it. The account itself shows
// outside viewers and analysts a role, not a name (policy.AccountName).
func staffEdge(s policy.Section) []schema.Annotation {
	return codedSection(s)
}

// mutations asks entgql for create and update inputs.
func mutations() schema.Annotation {
	return entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())
}

// childEdge keeps an edge to a record's children out of the parent's create
// and update inputs: children are made and changed through their own
// mutations, where their rules run, never moved between parents.
func childEdge() schema.Annotation {
	return entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)
}

// notBlank refuses text that is empty or only spaces: an outcome statement
// of spaces is as missing as none.
func notBlank(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("it must not be blank")
	}
	return nil
}
