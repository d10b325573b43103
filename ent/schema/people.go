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

// This file holds the people around a person and what is known of them:
// carers, contacts, needs, capacity assessments, consents and advice.

// Carer holds the schema definition for the Carer entity.
type Carer struct{ ent.Schema }

// Annotations of the Carer.
func (Carer) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("An unpaid carer of the person (R21: gets a copy of the plan in full unless the person limited it)."), mutations()}
}

// Mixin of the Carer.
func (Carer) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CR"), tenantMixin{}, timeMixin{}, personRecord(policy.Contact)}
}

// Fields of the Carer.
func (Carer) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(notBlank).Comment("The carer's name.").Annotations(section(policy.Contact)...),
		field.String("relationship").Validate(notBlank).Comment("Relationship to the person, e.g. daughter.").Annotations(section(policy.Contact)...),
		field.String("phone").Optional().Comment("Telephone number.").Annotations(section(policy.Contact)...),
		field.String("email").Optional().Comment("Email address.").Annotations(section(policy.Contact)...),
		field.Bool("lives_with_person").Default(false).Comment("The carer lives with the person.").Annotations(codedSection(policy.Contact)...),
		field.Text("own_view").Optional().Comment("The carer's own view, in their words: what they are willing and able to do, and what they need to keep caring.").Annotations(section(policy.Needs)...),
		field.String("account_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The carer's portal account, if they have one.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Carer.
func (Carer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("carers").Unique().Required().Immutable().Field("person_id").Comment("The person cared for."),
		edge.To("account", Account.Type).Unique().Field("account_id").Comment("Portal account, if any.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Contact holds the schema definition for the Contact entity.
type Contact struct{ ent.Schema }

// Annotations of the Contact.
func (Contact) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Anyone else in the person's life or care: family, friend, GP, OT, provider, advocate, housing officer."), mutations()}
}

// Mixin of the Contact.
func (Contact) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CT"), tenantMixin{}, timeMixin{}, personRecord(policy.Contact)}
}

// Fields of the Contact.
func (Contact) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(notBlank).Comment("Name of the contact.").Annotations(section(policy.Contact)...),
		field.Enum("kind").Values("FAMILY", "FRIEND", "GP", "OCCUPATIONAL_THERAPIST", "PROVIDER", "ADVOCATE", "HOUSING", "OTHER").
			Comment("Who they are to the person.").Annotations(codedSection(policy.Contact)...),
		field.String("organisation").Optional().Comment("Organisation, for professionals.").Annotations(section(policy.Contact)...),
		field.String("phone").Optional().Comment("Telephone number.").Annotations(section(policy.Contact)...),
		field.String("email").Optional().Comment("Email address.").Annotations(section(policy.Contact)...),
		field.String("notes").Optional().Comment("Anything else worth knowing.").Annotations(section(policy.Contact)...),
	}
}

// Edges of the Contact.
func (Contact) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("contacts").Unique().Required().Immutable().Field("person_id").Comment("The person."),
	}
}

// Need holds the schema definition for the Need entity.
type Need struct{ ent.Schema }

// Annotations of the Need.
func (Need) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("An identified area of need in the formal record of needs, with the views of the person, carer and others (seed: agreeing needs)."), mutations()}
}

// Mixin of the Need.
func (Need) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("ND"), tenantMixin{}, timeMixin{}, personRecord(policy.Needs)}
}

// Fields of the Need.
func (Need) Fields() []ent.Field {
	return []ent.Field{
		field.String("area").Validate(notBlank).Comment("The area of need, e.g. Managing and maintaining nutrition.").Annotations(section(policy.Needs)...),
		field.Text("description").Validate(notBlank).Comment("The nature of the need as recorded.").Annotations(section(policy.Needs)...),
		field.Enum("effect").Values("PREVENT", "REDUCE", "DELAY", "NONE").Default("REDUCE").
			Comment("Whether reablement can prevent, reduce or delay the need.").Annotations(codedSection(policy.Needs)...),
		field.Text("person_view").Optional().Comment("The person's view, in their words.").Annotations(section(policy.Needs)...),
		field.Text("carer_view").Optional().Comment("The carer's view.").Annotations(section(policy.Needs)...),
		field.Text("others_view").Optional().Comment("Others' views (professionals, family).").Annotations(section(policy.Needs)...),
		field.Text("evidence").Optional().Comment("Evidence behind the recorded level of need.").Annotations(section(policy.Needs)...),
		field.Text("wellbeing_impact").Optional().Comment("Impact on wellbeing.").Annotations(section(policy.Needs)...),
		field.Text("difference_of_view").Optional().Comment("Where views differ from the recorded need, the difference, kept visible.").Annotations(section(policy.Needs)...),
	}
}

// Edges of the Need.
func (Need) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("needs").Unique().Required().Immutable().Field("person_id").Comment("The person."),
		edge.From("plans", Plan.Type).Ref("needs").Comment("Plan versions that address this need.").Annotations(childEdge()),
	}
}

// CapacityAssessment holds the schema definition for the CapacityAssessment entity.
type CapacityAssessment struct{ ent.Schema }

// Annotations of the CapacityAssessment.
func (CapacityAssessment) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("An assessment of the person's capacity for one decision (Mental Capacity Act)."), mutations()}
}

// Mixin of the CapacityAssessment.
func (CapacityAssessment) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CA"), tenantMixin{}, timeMixin{}, personRecord(policy.Capacity)}
}

// Fields of the CapacityAssessment.
func (CapacityAssessment) Fields() []ent.Field {
	return []ent.Field{
		field.String("decision").Validate(notBlank).Comment("The decision the assessment is about.").Annotations(section(policy.Capacity)...),
		field.Bool("has_capacity").Comment("Whether the person has capacity for this decision.").Annotations(codedSection(policy.Capacity)...),
		field.Time("assessed_at").Comment("When assessed.").Annotations(codedSection(policy.Capacity)...),
		field.String("assessor").Validate(notBlank).Comment("Who assessed.").Annotations(section(policy.Capacity)...),
		field.Text("notes").Optional().Comment("Reasons and evidence.").Annotations(section(policy.Capacity)...),
	}
}

// Edges of the CapacityAssessment.
func (CapacityAssessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("capacity_assessments").Unique().Required().Immutable().Field("person_id").Comment("The person."),
	}
}

// Hooks of the CapacityAssessment: an assessment that the person lacks
// capacity records its reasons and evidence (Mental Capacity Act).
func (CapacityAssessment) Hooks() []ent.Hook { return []ent.Hook{rule.CapacityReasons()} }

// Consent holds the schema definition for the Consent entity.
type Consent struct{ ent.Schema }

// Annotations of the Consent.
func (Consent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A decision by or for the person: consent to involve or share, or a best-interests decision where they lack capacity. Withdrawing it ends the shares it based."),
		entgql.Mutations(entgql.MutationCreate()),
	}
}

// Mixin of the Consent.
func (Consent) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CN"), tenantMixin{}, timeMixin{}, personRecord(policy.Involvement)}
}

// Fields of the Consent.
func (Consent) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("purpose").Values("INVOLVEMENT", "SHARING", "JOINT_WORK", "OTHER").Comment("What the decision is for.").Annotations(codedSection(policy.Involvement)...),
		field.Text("covers").Validate(notBlank).Comment("What it covers, in plain words (who, which sections).").Annotations(section(policy.Involvement)...),
		field.Enum("given_by").Values("PERSON", "ATTORNEY", "DEPUTY", "BEST_INTERESTS").Comment("Who decided: the person, someone with legal authority, or a best-interests decision.").Annotations(codedSection(policy.Involvement)...),
		field.String("decided_by_name").Optional().Comment("Name of whoever decided, if not the person.").Annotations(section(policy.Involvement)...),
		field.Bool("had_capacity").Comment("Whether the person had capacity for this decision at the time.").Annotations(codedSection(policy.Capacity)...),
		field.Text("best_interests_record").Optional().Comment("For a best-interests decision: who was consulted and why it is in the person's best interests.").Annotations(section(policy.Capacity)...),
		field.Time("decided_at").Comment("When the decision was made.").Annotations(codedSection(policy.Involvement)...),
		field.Time("withdrawn_at").Optional().Nillable().Comment("When consent was withdrawn; shares it based stop granting access from then.").
			Annotations(append(codedSection(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Text("withdrawn_reason").Optional().Comment("Why it was withdrawn.").
			Annotations(append(section(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
	}
}

// Edges of the Consent.
func (Consent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("consents").Unique().Required().Immutable().Field("person_id").Comment("The person."),
		edge.From("shares", Share.Type).Ref("consent").Comment("Shares based on this decision.").Annotations(childEdge()),
	}
}

// Hooks of the Consent: a best-interests decision is for a person who lacks
// capacity and records who was consulted and why (R22).
func (Consent) Hooks() []ent.Hook { return []ent.Hook{rule.BestInterests()} }

// Advice holds the schema definition for the Advice entity.
type Advice struct{ ent.Schema }

// Annotations of the Advice.
func (Advice) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Information and advice given to the person, and its follow-up (R34)."), mutations()}
}

// Mixin of the Advice.
func (Advice) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("IA"), tenantMixin{}, timeMixin{}, personRecord(policy.OtherSupport)}
}

// Fields of the Advice.
func (Advice) Fields() []ent.Field {
	return []ent.Field{
		field.Text("summary").Validate(notBlank).Comment("What information or advice was given.").Annotations(section(policy.OtherSupport)...),
		field.Time("given_at").Comment("When it was given.").Annotations(codedSection(policy.OtherSupport)...),
		field.Time("follow_up_due").Optional().Nillable().Comment("When it must be followed up (R34).").Annotations(codedSection(policy.OtherSupport)...),
		field.Time("followed_up_at").Optional().Nillable().Comment("When it was followed up; it leaves the due list then (R34).").Annotations(codedSection(policy.OtherSupport)...),
		field.Text("follow_up_notes").Optional().Comment("What the follow-up found or did.").Annotations(section(policy.OtherSupport)...),
		field.String("follow_up_by_id").GoType(pulid.ID("")).Optional().Nillable().Comment("Who follows it up.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Advice.
func (Advice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("advice").Unique().Required().Immutable().Field("person_id").Comment("The person."),
		edge.To("follow_up_by", Account.Type).Unique().Field("follow_up_by_id").Comment("Who follows it up (R34).").Annotations(staffEdge(policy.OtherSupport)...),
	}
}

// Hooks of the Advice: who follows it up and when are recorded together,
// and a follow-up is recorded once (R34).
func (Advice) Hooks() []ent.Hook { return []ent.Hook{rule.FollowUp()} }
