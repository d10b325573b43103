package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"reablement/ent/policy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
)

// Review holds the schema definition for the Review entity.
type Review struct{ ent.Schema }

// Annotations of the Review.
func (Review) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A scheduled or unplanned review of a plan (R11, R12): who asked and why, the decision to hold it, and the result."),
		entgql.Mutations(entgql.MutationCreate()),
	}
}

// Hooks of the Review: R12, every request considered and decided with reasons.
func (Review) Hooks() []ent.Hook { return []ent.Hook{rule.ReviewRules()} }

// Mixin of the Review.
func (Review) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("RV"), tenantMixin{}, timeMixin{}, planActivity(policy.Review)}
}

// Fields of the Review.
func (Review) Fields() []ent.Field {
	return []ent.Field{
		planField(),
		field.Enum("kind").Values("SCHEDULED", "UNPLANNED").Comment("Scheduled (R11) or asked for (R12).").Annotations(codedSection(policy.Review)...),
		field.Enum("requested_by").Values("PERSON", "CARER", "PROVIDER", "PRACTITIONER").Optional().Nillable().Comment("R12: who asked for an unplanned review.").Annotations(codedSection(policy.Review)...),
		field.Text("reason").Optional().Comment("Why it was asked for: new information, a change in needs…").Annotations(section(policy.Review)...),
		field.Enum("decision").Values("PENDING", "HOLD", "DECLINED").Default("PENDING").Comment("R12: every request is considered and decided.").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Text("decision_reason").Optional().Comment("The reasons for the decision.").Annotations(append(section(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Time("due").Optional().Nillable().Comment("When the review is due.").Annotations(append(codedSection(policy.Review), entgql.Type("Date"))...),
		field.String("reviewer_id").GoType(pulid.ID("")).Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("held_at").Optional().Nillable().Comment("When it was held.").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Enum("result").Values("CONTINUE", "REVISE", "END").Optional().Nillable().Comment("Continue, revise (through an amendment) or end.").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Text("result_notes").Optional().Comment("What was found and agreed.").Annotations(append(section(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput))...),
	}
}

// Edges of the Review.
func (Review) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("reviews").Unique().Required().Immutable().Field("plan_id").Comment("The plan version."),
		edge.To("reviewer", Account.Type).Unique().Field("reviewer_id").Comment("R11: who carries out the review.").Annotations(staffEdge(policy.Review)...),
	}
}
