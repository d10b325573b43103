package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"reablement/ent/privacy"
	"reablement/ent/rule"
)

// Authority holds the schema definition for the Authority entity.
type Authority struct{ ent.Schema }

// Annotations of the Authority.
func (Authority) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A local authority: the tenant and data controller. It holds local policy such as the maximum reablement period."),
	}
}

// Mixin of the Authority.
func (Authority) Mixin() []ent.Mixin { return []ent.Mixin{withID("AU"), timeMixin{}} }

// Fields of the Authority.
func (Authority) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(notBlank).Comment("The council's name."),
		field.String("code").Validate(notBlank).Unique().Comment("Short code of the authority, used in pseudonyms and exports."),
		field.String("time_zone").Default("Europe/London").Comment("IANA time zone used for \"today\" and calendar days."),
		field.Int("max_reablement_weeks").Default(6).Positive().Comment("R9: reablement ends no later than this many weeks after it commences."),
		field.Int("first_review_days").Default(21).Positive().Comment("R11: days after commencement by which the first review is due unless agreed earlier."),
		field.Int("non_chargeable_weeks").Default(6).Positive().Comment("R9: weeks of reablement that are free of charge; time beyond is flagged as chargeable."),
		field.String("contact_phone").Default("").Comment("The adult social care contact number people and carers are given."),
		field.String("contact_email").Default("").Comment("The adult social care contact email people and carers are given."),
		field.String("complaints_phone").Default("").Comment("How to complain by phone (R25: people are told of their right to complain)."),
		field.String("complaints_email").Default("").Comment("How to complain by email."),
		field.String("complaints_url").Default("").Comment("The council's complaints page on its website."),
	}
}

// Edges of the Authority.
func (Authority) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("teams", Team.Type).Comment("The authority's service teams."),
	}
}

// Policy of the Authority: a viewer sees only their own authority.
func (Authority) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterTenant("id")}}
}
