package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Team holds the schema definition for the Team entity.
type Team struct{ ent.Schema }

// Annotations of the Team.
func (Team) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A service team: reablement, review, first response, learning disability…")}
}

// Mixin of the Team.
func (Team) Mixin() []ent.Mixin { return []ent.Mixin{withID("TM"), tenantMixin{}, timeMixin{}} }

// Fields of the Team.
func (Team) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(notBlank).Comment("The team's name."),
		field.Enum("kind").Values("REABLEMENT", "REVIEW", "FIRST_RESPONSE", "LEARNING_DISABILITY", "HOSPITAL", "OTHER").
			Comment("What the team does. REABLEMENT teams are the services registered managers run and workers deliver."),
		field.String("phone").Default("").Comment("The team's phone number, for the people it supports and their carers."),
	}
}

// Edges of the Team.
func (Team) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("authority", Authority.Type).Ref("teams").Unique().Required().Immutable().Field("authority_id").Comment("The authority the team belongs to."),
		edge.To("members", Account.Type).Comment("Accounts working in the team."),
		edge.To("manager", Account.Type).Unique().Comment("The manager of the team (sees and decides for its people)."),
		edge.To("registered_manager", Account.Type).Unique().Comment("For a reablement service: the CQC registered manager who confirms risks to workers (R31)."),
	}
}
