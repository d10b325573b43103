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
	"reablement/ent/schema/pulid"
)

// Visit holds the schema definition for the Visit entity.
type Visit struct{ ent.Schema }

// Annotations of the Visit.
func (Visit) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A scheduled reablement visit, and the worker's record of it."),
		entgql.RelayConnection(),
		entgql.QueryField("visits").Description("Visits the viewer has a basis to know of."),
		mutations(),
	}
}

// Mixin of the Visit.
func (Visit) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("VI"), tenantMixin{ownIndex: true}, timeMixin{}, planActivity(policy.Visits)}
}

// Fields of the Visit.
func (Visit) Fields() []ent.Field {
	return []ent.Field{
		// Not immutable: scheduled visits move to the new version an agreed
		// amendment produces (R25).
		field.String("plan_id").GoType(pulid.ID("")).Comment("The plan version the visit works to."),
		field.String("worker_id").GoType(pulid.ID("")).Comment("The reablement worker.").Annotations(codedSection(policy.Visits)...),
		field.Time("starts_at").Comment("Scheduled start (UTC).").Annotations(entgql.OrderField("STARTS_AT")),
		field.Int("duration_minutes").Positive().Comment("Scheduled length in minutes.").Annotations(codedSection(policy.Visits)...),
		field.Enum("status").Values("SCHEDULED", "IN_PROGRESS", "COMPLETED", "MISSED", "CANCELLED").Default("SCHEDULED").Comment("Where the visit is.").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("arrived_at").Optional().Nillable().Comment("When the worker arrived.").Annotations(codedSection(policy.Visits)...),
		field.Time("departed_at").Optional().Nillable().Comment("When the worker left.").Annotations(codedSection(policy.Visits)...),
		field.Text("notes").Optional().Comment("What was done at the visit.").Annotations(section(policy.Visits)...),
		// Issue 13: a visit can end without the work being done; the record
		// says which, and why, so the practitioner can act on it.
		field.Enum("outcome").Values("VISITED", "NO_REPLY", "DECLINED", "CANCELLED").Optional().Nillable().
			Comment("How the visit went: visited, no reply at the door, the person declined it, or it was cancelled.").Annotations(codedSection(policy.Visits)...),
		field.Text("outcome_reason").Optional().Comment("Why the visit did not go ahead (required when it was declined or cancelled).").Annotations(section(policy.Visits)...),
		field.Text("handover").Optional().Comment("A note for whoever makes the next visit to the person; shown at that visit.").Annotations(section(policy.Visits)...),
		field.String("record_id").Optional().Nillable().Unique().Comment("Id the phone made for the visit record, so a retried send is applied once.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("revision").Default(1).Comment("Changes on every save; an edit from an out-of-date copy answers CONFLICT.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput | entgql.SkipWhereInput | entgql.SkipOrderField)),
	}
}

// Edges of the Visit.
func (Visit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("visits").Unique().Required().Field("plan_id").Comment("The plan version the visit works to.").
			Annotations(entgql.Skip(entgql.SkipMutationUpdateInput)),
		edge.To("worker", Account.Type).Unique().Required().Field("worker_id").Comment("The reablement worker.").Annotations(staffEdge(policy.Visits)...),
		edge.To("progress", Progress.Type).Comment("Progress recorded at the visit.").Annotations(append(codedSection(policy.Outcomes), childEdge())...),
		edge.To("concerns", Concern.Type).Comment("Concerns raised at the visit.").Annotations(append(codedSection(policy.Safeguarding), childEdge())...),
	}
}

// Indexes of the Visit: a worker's and a plan's visits by time, and the
// authority's by time (a service's day and fortnight, the returns'
// periods), which serves the tenant filter too.
func (Visit) Indexes() []ent.Index {
	return []ent.Index{index.Fields("worker_id", "starts_at"), index.Fields("plan_id", "starts_at"), index.Fields("authority_id", "starts_at")}
}

// Progress holds the schema definition for the Progress entity.
type Progress struct{ ent.Schema }

// Annotations of the Progress.
func (Progress) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Progress on an outcome or one of its steps, recorded at a visit.")}
}

// Mixin of the Progress.
func (Progress) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("PG"), tenantMixin{}, timeMixin{}, personScoped{kind: rule.KindVisitRecord, inPlan: true, section: policy.Outcomes}}
}

// Fields of the Progress.
func (Progress) Fields() []ent.Field {
	return []ent.Field{
		field.String("visit_id").GoType(pulid.ID("")).Immutable().Comment("The visit."),
		field.String("plan_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("outcome_id").GoType(pulid.ID("")).Immutable().Comment("The outcome worked on."),
		field.String("step_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Comment("The step worked on, if any."),
		field.Enum("step_status").Values("NOT_STARTED", "IN_PROGRESS", "DONE").Optional().Nillable().Comment("The step's status after the visit.").Annotations(codedSection(policy.Outcomes)...),
		field.Text("note").Optional().Comment("What happened.").Annotations(section(policy.Outcomes)...),
	}
}

// Edges of the Progress.
func (Progress) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("visit", Visit.Type).Ref("progress").Unique().Required().Immutable().Field("visit_id").Comment("The visit."),
		edge.To("outcome", Outcome.Type).Unique().Required().Immutable().Field("outcome_id").Comment("The outcome."),
		edge.To("step", OutcomeStep.Type).Unique().Immutable().Field("step_id").Comment("The step, if any."),
	}
}

// Hooks of the Progress: only on the outcomes and steps of the visit's plan.
func (Progress) Hooks() []ent.Hook {
	return []ent.Hook{rule.ProgressOnPlan(), rule.ProgressFlowsBack()}
}

// Indexes of the Progress: a visit's records load by visit (the worker's day).
func (Progress) Indexes() []ent.Index { return []ent.Index{index.Fields("visit_id")} }

// Concern holds the schema definition for the Concern entity.
type Concern struct{ ent.Schema }

// Annotations of the Concern.
func (Concern) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A concern a worker raised at a visit. A safeguarding concern goes straight to the allocated practitioner's due list.")}
}

// Mixin of the Concern.
func (Concern) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CC"), tenantMixin{}, timeMixin{}, personScoped{kind: rule.KindVisitRecord, section: policy.Safeguarding}}
}

// Fields of the Concern.
func (Concern) Fields() []ent.Field {
	return []ent.Field{
		field.String("visit_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Comment("The visit, if raised at one."),
		field.Enum("kind").Values("SAFEGUARDING", "HEALTH", "HOME_ENVIRONMENT", "EQUIPMENT", "OTHER").Comment("What kind of concern.").Annotations(codedSection(policy.Safeguarding)...),
		field.Text("details").Validate(notBlank).Comment("What was seen or heard.").Annotations(section(policy.Safeguarding)...),
		field.String("raised_by_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("acknowledged_at").Optional().Nillable().Comment("When a practitioner or manager said they had seen it; it stays open until closed.").Annotations(codedSection(policy.Safeguarding)...),
		field.String("acknowledged_by_id").GoType(pulid.ID("")).Optional().Nillable().Comment("Who acknowledged it.").
			Annotations(append(codedSection(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		// Issue 13: a concern is closed only with what was done recorded
		// (rule.CloseConcern); for safeguarding, the decision about a
		// section 42 enquiry (Care Act 2014) and the outcome as well.
		field.Time("closed_at").Optional().Nillable().Comment("When it was closed, with what was done recorded.").
			Annotations(append(codedSection(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.String("closed_by_id").GoType(pulid.ID("")).Optional().Nillable().Comment("Who closed it.").
			Annotations(append(codedSection(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Text("actions_taken").Optional().Comment("What was done about it.").
			Annotations(append(section(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Enum("section42_decision").Values("ENQUIRY", "NO_ENQUIRY").Optional().Nillable().
			Comment("For a safeguarding concern: whether the council makes a section 42 enquiry (Care Act 2014).").
			Annotations(append(codedSection(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Text("outcome").Optional().Comment("How it ended: what changed for the person.").
			Annotations(append(section(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
	}
}

// Hooks of the Concern: acknowledged once and closed once, by a
// practitioner or manager, closing only with what was done recorded.
func (Concern) Hooks() []ent.Hook { return []ent.Hook{rule.AcknowledgeOnce(), rule.CloseConcern()} }

// Indexes of the Concern: by visit, and the due list's open ones by person.
func (Concern) Indexes() []ent.Index {
	return []ent.Index{index.Fields("visit_id"), index.Fields("kind", "acknowledged_at"), index.Fields("person_id", "closed_at")}
}

// Edges of the Concern.
func (Concern) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("visit", Visit.Type).Ref("concerns").Unique().Immutable().Field("visit_id").Comment("The visit."),
		edge.To("raised_by", Account.Type).Unique().Required().Immutable().Field("raised_by_id").Comment("Who raised it.").Annotations(staffEdge(policy.Safeguarding)...),
		edge.To("acknowledged_by", Account.Type).Unique().Field("acknowledged_by_id").Comment("Who acknowledged it.").Annotations(staffEdge(policy.Safeguarding)...),
		edge.To("closed_by", Account.Type).Unique().Field("closed_by_id").Comment("Who closed it.").
			Annotations(append(staffEdge(policy.Safeguarding), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
	}
}

// Hooks of the Visit: the rules of a visit record, whoever writes it, and
// optimistic concurrency for records made on phones.
func (Visit) Hooks() []ent.Hook { return []ent.Hook{rule.VisitRecord(), rule.Revisioned()} }
