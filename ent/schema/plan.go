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
	"reablement/ent/schematype"
)

// Plan holds the schema definition for the Plan entity: one row per version.
type Plan struct{ ent.Schema }

// Annotations of the Plan.
func (Plan) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One version of a Reablement Plan. Versions form a chain; only the newest can change, and a superseded version never changes again (R25)."),
		entgql.RelayConnection(),
		entgql.QueryField("plans").Description("Plan versions the viewer has a basis to know of."),
		mutations(),
		rule.Record{PersonField: "person_id", PlanField: "id"},
	}
}

// Mixin of the Plan.
func (Plan) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("PL"), tenantMixin{}, timeMixin{}}
}

// Fields of the Plan.
func (Plan) Fields() []ent.Field {
	return []ent.Field{
		field.String("person_id").GoType(pulid.ID("")).Immutable().Comment("The person the plan is for."),
		field.Int("episode").Default(1).Immutable().Positive().Comment("Which episode of reablement the plan belongs to: 1 for the person's first plan, one more for each plan started after an earlier one ended (R2).").
			Annotations(entgql.OrderField("EPISODE"), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput)),
		field.Int("version").Default(1).Immutable().Positive().Comment("Version number within the episode: 1 for the plan as first drafted, one more for each agreed amendment (R25).").
			Annotations(entgql.OrderField("VERSION"), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput)),
		field.Int("revision").Default(1).Comment("Changes on every save; a save based on a stale revision answers CONFLICT.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput | entgql.SkipWhereInput | entgql.SkipOrderField)),
		field.Enum("status").Values("DRAFT", "AGREED", "ACTIVE", "UNDER_REVIEW", "ENDED", "REFUSED", "WITHDRAWN", "SUPERSEDED").Default("DRAFT").
			Comment("Where the plan is in its life (R2). SUPERSEDED versions are read-only history.").
			Annotations(entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput)),
		field.String("supersedes_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Comment("The version this one replaced.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("service_team_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The reablement service delivering the plan.").Annotations(codedSection(policy.Visits)...),

		// R1 (c) visits
		field.String("visit_frequency").Optional().Comment("R1(c): how often visits happen, e.g. Twice daily, reducing to daily.").Annotations(section(policy.Visits)...),
		field.Int("visit_duration_minutes").Optional().Nillable().NonNegative().Comment("R1(c): how long each visit lasts, in minutes.").Annotations(codedSection(policy.Visits)...),
		// R1 (d), R8
		field.Text("worker_tasks").Optional().Comment("R1(d): what the reablement worker will do during visits.").Annotations(section(policy.WorkerSupport)...),
		field.Text("fluctuating_needs").Optional().Comment("R8: hands-on support agreed for a bad day, and that the enabling approach resumes after.").Annotations(section(policy.WorkerSupport)...),
		// R1 (e)
		field.Text("other_support").Optional().Comment("R1(e): other support: OT, assistive technology, health, joint work.").Annotations(section(policy.OtherSupport)...),
		field.Bool("no_other_support").Default(false).Comment("R1(e): explicitly no other support (an answer, not a blank).").Annotations(codedSection(policy.OtherSupport)...),
		// R1 (f), R11
		field.String("review_frequency").Optional().Comment("R1(f): how often the plan is reviewed.").Annotations(section(policy.Review)...),
		field.String("review_responsible_id").GoType(pulid.ID("")).Optional().Nillable().Comment("R1(f), R11: who is responsible for reviews.").Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("first_review_due").Optional().Nillable().Comment("R11: when the first review is due (by default 21 days after commencement).").Annotations(append(codedSection(policy.Review), entgql.Type("Date"))...),
		// R9
		field.Time("planned_start").Optional().Nillable().Comment("When reablement is planned to start.").Annotations(append(codedSection(policy.Visits), entgql.Type("Date"))...),
		field.Time("planned_end").Optional().Nillable().Comment("R9: planned end, no later than the authority's maximum period counted from the planned start.").Annotations(append(codedSection(policy.Visits), entgql.Type("Date"))...),
		field.Text("planned_end_reason").Optional().Comment("R9: why the planned end of an agreed plan was moved before reablement commenced.").
			Annotations(append(section(policy.Visits), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("visits_generated_at").Optional().Nillable().Comment("R10: when the visit schedule was generated from the agreed frequency and duration; generating again changes nothing.").
			Annotations(append(codedSection(policy.Visits), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("chargeable_from").Optional().Nillable().Comment("R9: reablement from this date is beyond the non-chargeable weeks.").Annotations(append(codedSection(policy.Finance), entgql.Type("Date"))...),
		// R3, R4, R13
		field.JSON("accessible_formats", []schematype.AccessibleFormat{}).Optional().Comment("R4: other formats of the plan and where each is kept.").Annotations(append(section(policy.Involvement), entgql.Type("[AccessibleFormat!]"), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("written_record_at").Optional().Nillable().Comment("R13: when the person was given their written record.").Annotations(codedSection(policy.Involvement)...),
		field.String("written_record_format").Optional().Comment("R13: the format of the written record.").Annotations(section(policy.Involvement)...),
		// R30
		field.Bool("interim_measures").Default(false).Comment("R30: urgent interim measures only, while an advocate is awaited; not an agreed plan.").Annotations(codedSection(policy.Capacity)...),
		// lifecycle
		field.Time("agreed_at").Optional().Nillable().Comment("When the plan was agreed.").Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)),
		field.Time("commenced_at").Optional().Nillable().Comment("When reablement commenced.").Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)),
		field.Time("ended_at").Optional().Nillable().Comment("When the plan ended, was refused or withdrawn.").Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput)),
		field.Enum("end_reason").Values("OUTCOMES_MET", "MAXIMUM_PERIOD", "DECIDED_AT_REVIEW", "PERSON_NO_LONGER_WISHES", "SERVICE_WITHDRAWN", "HEALTH_CHANGED").Optional().Nillable().
			Comment("Why the plan ended (R2, R9, R14, R15).").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Text("end_notes").Optional().Comment("Notes on ending: views of the person and carer, the manager's decision (R15).").Annotations(append(section(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("written_confirmation_at").Optional().Nillable().Comment("R14, R15: when refusal or withdrawal was confirmed in writing.").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("referrer_notified_at").Optional().Nillable().Comment("R14: when whoever referred was told the person does not wish to proceed.").Annotations(append(codedSection(policy.Review), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
	}
}

// Edges of the Plan.
func (Plan) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("plans").Unique().Required().Immutable().Field("person_id").Comment("The person the plan is for."),
		edge.To("superseded_by", Plan.Type).Unique().Comment("The version that replaced this one, if any.").Annotations(childEdge()).
			From("supersedes").Unique().Immutable().Field("supersedes_id").Comment("The version this one replaced, if any.").Annotations(childEdge()),
		edge.To("service_team", Team.Type).Unique().Field("service_team_id").Comment("The reablement service delivering the plan.").Annotations(staffEdge(policy.Visits)...),
		edge.To("workers", Account.Type).Comment("R20, R32: the reablement workers of the service assigned to deliver the plan, each trained for the person's needs.").
			Annotations(append(staffEdge(policy.Visits), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		edge.To("review_responsible", Account.Type).Unique().Field("review_responsible_id").Comment("R11: who is responsible for making reviews happen.").Annotations(staffEdge(policy.Review)...),
		edge.To("needs", Need.Type).Comment("R1(a): the needs the plan prevents, reduces or delays.").Annotations(codedSection(policy.Needs)...),
		edge.To("outcomes", Outcome.Type).Comment("R1(b): the person's outcomes.").Annotations(append(codedSection(policy.Outcomes), entgql.RelayConnection(), childEdge())...),
		edge.To("risks", Risk.Type).Comment("Risks discussed in planning (R6).").Annotations(append(codedSection(policy.Risks), childEdge())...),
		edge.To("visits", Visit.Type).Comment("Scheduled visits.").Annotations(append(codedSection(policy.Visits), entgql.RelayConnection(), childEdge())...),
		edge.To("reviews", Review.Type).Comment("Reviews, scheduled and unplanned (R11, R12).").Annotations(append(codedSection(policy.Review), childEdge())...),
		edge.To("shares", Share.Type).Comment("Copies of this version given to others (R20–R24).").Annotations(append(codedSection(policy.Involvement), childEdge())...),
		edge.To("amendments", Amendment.Type).Comment("Amendment requests against this version (R25).").Annotations(append(codedSection(policy.Involvement), childEdge())...),
		edge.To("involvements", Involvement.Type).Comment("Who was involved in planning, and on what basis (R3).").Annotations(append(codedSection(policy.Involvement), childEdge())...),
	}
}

// Indexes of the Plan.
//
// A registered manager's every list is scoped to the people their services
// deliver to (rule.scope: person_id IN plans of the services), and a
// service's visits are kept to its plans' ids: the service's index carries
// both, so either is read from the index alone, not from every plan row a
// service has ever had (at make load's 15,000 plans a service, 30 ms a
// scan; issue 14).
func (Plan) Indexes() []ent.Index {
	return []ent.Index{index.Fields("person_id", "episode", "version").Unique(), index.Fields("status"),
		index.Fields("service_team_id", "person_id").Annotations(entsql.IncludeColumns("id"))}
}

// Involvement holds the schema definition for the Involvement entity.
type Involvement struct{ ent.Schema }

// Annotations of the Involvement.
func (Involvement) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Someone involved in planning, and the basis for involving them (R3)."), mutations()}
}

// Mixin of the Involvement.
func (Involvement) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("IV"), tenantMixin{}, timeMixin{}, planContent(policy.Involvement)}
}

// Fields of the Involvement.
func (Involvement) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(notBlank).Comment("Who was involved.").Annotations(section(policy.Involvement)...),
		field.String("relationship").Validate(notBlank).Comment("Who they are to the person.").Annotations(section(policy.Involvement)...),
		field.Enum("basis").Values("PERSON", "PERSON_ASKED", "CARER", "BEST_INTERESTS").
			Comment("R3: the person themself; someone the person asked to involve (consent); a carer; or best interests where the person lacks capacity.").Annotations(codedSection(policy.Involvement)...),
		field.String("plan_id").GoType(pulid.ID("")).Immutable().Comment("The plan version."),
	}
}

// Edges of the Involvement.
func (Involvement) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("involvements").Unique().Required().Immutable().Field("plan_id").Comment("The plan version."),
	}
}

// Policy of the Plan: rows only for viewers with a basis (consent.md).
func (Plan) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterScope(rule.Record{PersonField: "person_id", PlanField: "id"}.Scope())}}
}

// Hooks of the Plan: the write guard (R25), optimistic concurrency, and
// the duties of its life under the Care Act (R1-R32), its service and
// workers (R20, R32) and its period (R9).
func (Plan) Hooks() []ent.Hook {
	return []ent.Hook{rule.Guard(rule.KindPlan), rule.References(rule.KindPlan), rule.Episodes(), rule.EpisodeRecords(), rule.Revisioned(), rule.Lifecycle(), rule.Staffing(), rule.Period()}
}
