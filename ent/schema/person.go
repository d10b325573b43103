package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
)

// Person holds the schema definition for the Person entity.
type Person struct{ ent.Schema }

// Annotations of the Person.
func (Person) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An adult with care and support needs. Fields are disclosed section by section (see viewerAccess)."),
		entgql.RelayConnection(),
		entgql.QueryField("people").Description("People the viewer has a basis to know of: their team's caseload, their visits, what was shared with them."),
		mutations(),
		rule.Record{PersonField: "id"},
	}
}

// Mixin of the Person.
func (Person) Mixin() []ent.Mixin { return []ent.Mixin{withID("PE"), tenantMixin{}, timeMixin{}} }

// Fields of the Person.
func (Person) Fields() []ent.Field {
	return []ent.Field{
		field.String("legal_name").Validate(notBlank).Comment("Full legal name.").Annotations(section(policy.Identity)...),
		field.String("preferred_name").Validate(notBlank).Comment("What the person likes to be called.").Annotations(section(policy.Contact)...),
		field.String("previous_surname").Optional().Comment("Previous surname, if any.").Annotations(section(policy.Identity)...),
		field.Time("date_of_birth").Comment("Date of birth.").Annotations(append(section(policy.Identity), entgql.Type("Date"))...),
		field.String("nhs_number").Optional().Comment("NHS number (10 digits).").Annotations(section(policy.Identity)...),
		field.String("ni_number").Optional().Comment("National Insurance number.").Annotations(section(policy.Identity)...),
		field.String("address").Optional().Comment("Full home address.").Annotations(section(policy.Identity)...),
		field.String("postcode").Optional().Comment("Postcode of the home address.").Annotations(section(policy.Identity)...),
		field.String("locality").Optional().Comment("Coarse locality (a ward or town), safe for statistics.").Annotations(codedSection(policy.Needs)...),
		field.String("phone").Optional().Comment("Telephone number.").Annotations(section(policy.Identity)...),
		field.String("email").Optional().Comment("Email address.").Annotations(section(policy.Identity)...),
		field.String("visit_address").Optional().Comment("The address for visits (consent.md CONTACT): the one recorded for visits, or the home address when none is, so a worker who may not see identity details still knows where to go.").Annotations(section(policy.Contact)...),
		field.String("access_notes").Optional().Comment("How to get in: key safe, parking, entry instructions.").Annotations(section(policy.Contact)...),
		field.String("communication_needs").Optional().Comment("How to communicate with the person.").Annotations(section(policy.Communication)...),
		field.String("preferred_formats").Optional().Comment("Formats the person prefers for written material (R4).").Annotations(section(policy.Communication)...),
		field.String("interpreter_language").Optional().Comment("Language for an interpreter, if one is needed.").Annotations(section(policy.Communication)...),
		field.Bool("autism").Default(false).Comment("The person is autistic: workers need autism training (R32).").Annotations(codedSection(policy.Communication)...),
		field.Bool("deafblind").Default(false).Comment("The person is deafblind: workers need deafblind training (R32).").Annotations(codedSection(policy.Communication)...),
		field.Bool("lacks_capacity_for_planning").Default(false).Comment("The person has been assessed as lacking capacity to take part in planning decisions.").Annotations(codedSection(policy.Capacity)...),
		field.Bool("substantial_difficulty").Default(false).Comment("R30: the person would have substantial difficulty being involved.").Annotations(codedSection(policy.Capacity)...),
		field.String("appropriate_person").Optional().Comment("R30: an appropriate person who can support involvement, if any.").Annotations(section(policy.Capacity)...),
		field.Enum("advocacy").Values("NOT_NEEDED", "REFERRAL_WAITING", "IN_PLACE").Default("NOT_NEEDED").
			Comment("R30: whether an independent advocate is needed and in place.").Annotations(codedSection(policy.Capacity)...),
		field.String("ordinary_residence").Optional().Comment("Ordinary residence, for funding decisions.").Annotations(section(policy.Finance)...),
		field.String("team_id").GoType(pulid.ID("")).Comment("The allocated team."),
		field.String("allocated_practitioner_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The allocated practitioner, if any."),
		field.String("referral_source").Optional().Comment("Who asked for reablement (notified if the person refuses, R14).").Annotations(section(policy.Involvement)...),
		field.JSON("withheld_from_person", []policy.Section{}).Optional().
			Comment("Sections withheld from the person's own view because they hold third-party information (consent.md); set by withholdFromPerson.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Text("withholding_reason").Optional().
			Comment("Why those sections are withheld from the person, in words the person is shown.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Person.
func (Person) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("team", Team.Type).Unique().Required().Field("team_id").Comment("The allocated team.").Annotations(staffEdge(policy.Involvement)...),
		edge.To("allocated_practitioner", Account.Type).Unique().Field("allocated_practitioner_id").Comment("The allocated practitioner, if any.").Annotations(staffEdge(policy.Involvement)...),
		edge.To("carers", Carer.Type).Comment("Unpaid carers of the person.").Annotations(append(codedSection(policy.Contact), childEdge())...),
		edge.To("contacts", Contact.Type).Comment("Others in the person's life or care.").Annotations(append(codedSection(policy.Contact), childEdge())...),
		edge.To("needs", Need.Type).Comment("Identified areas of need (the formal record of needs).").Annotations(append(codedSection(policy.Needs), childEdge())...),
		edge.To("plans", Plan.Type).Comment("Reablement plans, every version.").Annotations(entgql.RelayConnection(), childEdge()),
		edge.To("consents", Consent.Type).Comment("Decisions by or for the person.").Annotations(append(codedSection(policy.Involvement), childEdge())...),
		edge.To("capacity_assessments", CapacityAssessment.Type).Comment("Capacity assessments, one per decision.").Annotations(append(codedSection(policy.Capacity), childEdge())...),
		edge.To("advice", Advice.Type).Comment("Information and advice given, and its follow-up (R34).").Annotations(append(codedSection(policy.OtherSupport), childEdge())...),
		edge.To("episodes", Episode.Type).Comment("Episodes of reablement as the national returns see them: referral route, sequel, 91-day situation (issue 15).").Annotations(append(codedSection(policy.Review), childEdge())...),
	}
}

// Indexes of the Person: the team keys the row filters use; one NHS number
// per person in an authority (rule.Identity says so first, in words); and
// trigram indexes (pg_trgm, enabled by a migration of its own) for finding
// anyone by a misspelt name, a previous surname or a postcode (findPeople).
func (Person) Indexes() []ent.Index {
	trigram := []schema.Annotation{entsql.IndexType("GIN"), entsql.OpClass("gin_trgm_ops")}
	return []ent.Index{
		index.Fields("team_id"), index.Fields("allocated_practitioner_id"),
		index.Fields("authority_id", "nhs_number").Unique().StorageKey(rule.NHSNumberIndex).
			Annotations(entsql.IndexWhere("nhs_number IS NOT NULL")),
		index.Fields("legal_name").StorageKey("persons_legal_name_trgm").Annotations(trigram...),
		index.Fields("previous_surname").StorageKey("persons_previous_surname_trgm").Annotations(trigram...),
		index.Fields("postcode").StorageKey("persons_postcode_trgm").Annotations(trigram...),
	}
}

// Policy of the Person: rows only for viewers with a basis (consent.md).
func (Person) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterScope(rule.Record{PersonField: "id"}.Scope())}}
}

// Hooks of the Person: the write guard, references within the authority, a
// reason for any withholding, and the identity checks (Modulus 11,
// postcode, one NHS number per person).
func (Person) Hooks() []ent.Hook {
	return []ent.Hook{rule.Guard(rule.KindPerson), rule.References(rule.KindPerson), rule.Withholding(), rule.Identity()}
}
