package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"reablement/ent/policy"
	"reablement/ent/rule"
)

// Episode holds the schema definition for the Episode entity: what the
// national returns need to know of one episode of reablement (issue 15):
// where the referral came from, what followed it, and where the person was
// 91 days after a hospital discharge. One row per person and episode (the
// plans' episode number); the plan versions carry the care itself.
type Episode struct{ ent.Schema }

// Annotations of the Episode.
func (Episode) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One episode of reablement as the national returns see it (CLD, ASCOF 2A and 2D): where the referral came from, the sequel, and the person's situation 91 days after a hospital discharge. Every field is coded."),
		entgql.Mutations(entgql.MutationUpdate()),
	}
}

// Mixin of the Episode: part of the person's record, disclosed as REVIEW
// (how reablement ended and what followed sits with the reviews).
func (Episode) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("EP"), tenantMixin{}, timeMixin{}, personRecord(policy.Review)}
}

// Fields of the Episode.
func (Episode) Fields() []ent.Field {
	date := func(s policy.Section) []schema.Annotation { return append(codedSection(s), entgql.Type("Date")) }
	derived := entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)
	return []ent.Field{
		field.Int("episode").Positive().Immutable().Comment("Which episode of the person's reablement this is: the plans' episode number.").
			Annotations(append(codedSection(policy.Review), derived)...),
		field.Enum("referral_route").Values("HOSPITAL_DISCHARGE", "HOSPITAL_DIVERSION", "COMMUNITY", "PLANNED_ENTRY", "SELF_FUNDER_DEPLETED", "PRISON").Optional().Nillable().
			Comment("Where the request for support came from (CLD Request_Route_of_Access): discharge from hospital, diversion from hospital services, community or other route, planned entry (transition), a self-funder whose funds are depleted, or prison.").
			Annotations(codedSection(policy.Involvement)...),
		field.Time("referral_received_on").Optional().Nillable().Comment("When the request for support was received; the day the episode's first plan was drafted unless recorded otherwise.").
			Annotations(date(policy.Involvement)...),
		field.Time("hospital_discharge_on").Optional().Nillable().Comment("The day of the hospital discharge the referral followed (only with referral route HOSPITAL_DISCHARGE).").
			Annotations(date(policy.Involvement)...),
		field.Bool("existing_long_term_support").Default(false).Comment("The person was already receiving long-term support when referred: the episode then counts in SALT STS002b, not ASCOF 2A.").
			Annotations(codedSection(policy.Involvement)...),
		field.Enum("sequel").Values("NO_SERVICES_SIGNPOSTED", "NO_SERVICES_SELF_FUNDED", "NO_SERVICES_DECLINED", "NO_SERVICES_OTHER",
			"ONGOING_LOW_LEVEL", "OTHER_SHORT_TERM", "LONG_TERM_COMMUNITY", "LONG_TERM_RESIDENTIAL", "LONG_TERM_NURSING", "ENDED_EARLY").Optional().Nillable().
			Comment("What followed the episode: no services (signposted, self-funding, support declined, other), ongoing low-level support, other short-term support, long-term support by setting, or reablement ended early (endedEarlyReason says why).").
			Annotations(codedSection(policy.Review)...),
		field.Enum("ended_early_reason").Values("ADMITTED_TO_HOSPITAL", "NHS_FUNDED_CARE", "END_OF_LIFE", "DIED", "MOVED_AWAY", "DECLINED", "OTHER").Optional().Nillable().
			Comment("Why reablement ended early, when the sequel is ENDED_EARLY.").
			Annotations(codedSection(policy.Review)...),
		field.Time("follow_up_due").Optional().Nillable().Comment("When the person's situation 91 days after the hospital discharge is due to be recorded: set for people 65 and over discharged from hospital into reablement (ASCOF 2D), else empty.").
			Annotations(append(date(policy.Review), derived)...),
		field.Enum("follow_up_situation").Values("AT_HOME", "RESIDENTIAL_CARE", "NURSING_CARE", "DIED", "READMITTED").Optional().Nillable().
			Comment("Where the person was 91 days after the hospital discharge: still at home, admitted to residential or nursing care, died, or readmitted to hospital. AT_HOME can be recorded only once the 91 days have passed.").
			Annotations(codedSection(policy.Review)...),
		field.Time("follow_up_recorded_at").Optional().Nillable().Comment("When the 91-day situation was recorded.").
			Annotations(append(codedSection(policy.Review), derived)...),
	}
}

// Edges of the Episode.
func (Episode) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("episodes").Unique().Required().Immutable().Field("person_id").Comment("The person."),
	}
}

// Indexes of the Episode: one row per person and episode; the due list
// finds follow-ups by their due day.
func (Episode) Indexes() []ent.Index {
	return []ent.Index{index.Fields("person_id", "episode").Unique(), index.Fields("follow_up_due")}
}

// Hooks of the Episode: the returns' own consistency rules.
func (Episode) Hooks() []ent.Hook { return []ent.Hook{rule.EpisodeReturns()} }
