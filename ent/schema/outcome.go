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

// planScoped marks a row as part of one plan version. plan_id is the parent
// edge's field; the rule hooks stamp person_id from the plan.
func planField() ent.Field {
	return field.String("plan_id").GoType(pulid.ID("")).Immutable().Comment("The plan version.")
}

// Outcome holds the schema definition for the Outcome entity.
type Outcome struct{ ent.Schema }

// Annotations of the Outcome.
func (Outcome) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("What the person wants to achieve, change or keep the same, in their own words (R5), with the steps before it and the support needed."),
		entgql.RelayConnection(),
		entgql.QueryField("outcomes").Description("Outcomes of plans the viewer has a basis to know of."),
		mutations(),
	}
}

// Mixin of the Outcome.
func (Outcome) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("OC"), tenantMixin{}, timeMixin{}, planContent(policy.Outcomes)}
}

// Fields of the Outcome.
func (Outcome) Fields() []ent.Field {
	return []ent.Field{
		planField(),
		field.Text("statement").Validate(notBlank).Comment("The outcome in the person's words.").Annotations(section(policy.Outcomes)...),
		field.Enum("kind").Values("ACHIEVE", "CHANGE", "KEEP_THE_SAME").Default("ACHIEVE").Comment("Achieve, change, or keep the same (R5).").Annotations(codedSection(policy.Outcomes)...),
		field.Enum("domain").Values("PERSONAL_CARE", "NUTRITION", "HOME_SAFETY", "MOBILITY", "HOME_ENVIRONMENT", "RELATIONSHIPS", "SOCIAL", "WORK_LEARNING", "COMMUNITY", "CARING_RESPONSIBILITIES", "OTHER").
			Comment("Wellbeing domain; social outcomes are always explored (R5).").Annotations(codedSection(policy.Outcomes)...),
		field.Text("support_required").Optional().Comment("The support needed to get there (R5 step three).").Annotations(section(policy.Outcomes)...),
		field.Text("measure").Optional().Comment("How everyone will know it is achieved (SMART).").Annotations(section(policy.Outcomes)...),
		field.Time("target_date").Optional().Nillable().Comment("When the person hopes to achieve it.").Annotations(append(codedSection(policy.Outcomes), entgql.Type("Date"))...),
		field.Enum("achievement").Values("NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "PARTLY_ACHIEVED", "NOT_ACHIEVED").Default("NOT_STARTED").
			Comment("How far the outcome is achieved.").Annotations(codedSection(policy.Outcomes)...),
		field.Int("position").Default(0).NonNegative().Comment("Order in the plan.").Annotations(entgql.OrderField("POSITION")),
	}
}

// Edges of the Outcome.
func (Outcome) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("outcomes").Unique().Required().Immutable().Field("plan_id").Comment("The plan version."),
		edge.To("steps", OutcomeStep.Type).Comment("Smaller goals on the way, in order.").Annotations(append(codedSection(policy.Outcomes), childEdge())...),
	}
}

// Indexes of the Outcome.
func (Outcome) Indexes() []ent.Index { return []ent.Index{index.Fields("plan_id", "position")} }

// OutcomeStep holds the schema definition for the OutcomeStep entity.
type OutcomeStep struct{ ent.Schema }

// Annotations of the OutcomeStep.
func (OutcomeStep) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A smaller goal on the way to an outcome."), mutations()}
}

// Mixin of the OutcomeStep.
func (OutcomeStep) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("OS"), tenantMixin{}, timeMixin{}, planContent(policy.Outcomes)}
}

// Fields of the OutcomeStep.
func (OutcomeStep) Fields() []ent.Field {
	return []ent.Field{
		field.String("outcome_id").GoType(pulid.ID("")).Immutable().Comment("The outcome."),
		field.String("plan_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Text("description").Validate(notBlank).Comment("What the step is.").Annotations(section(policy.Outcomes)...),
		field.Int("position").Default(0).NonNegative().Comment("Order within the outcome."),
		field.Time("target_date").Optional().Nillable().Comment("When the step should be reached.").Annotations(append(codedSection(policy.Outcomes), entgql.Type("Date"))...),
		field.Enum("status").Values("NOT_STARTED", "IN_PROGRESS", "DONE").Default("NOT_STARTED").Comment("Progress on the step.").Annotations(codedSection(policy.Outcomes)...),
	}
}

// Edges of the OutcomeStep.
func (OutcomeStep) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("outcome", Outcome.Type).Ref("steps").Unique().Required().Immutable().Field("outcome_id").Comment("The outcome."),
		edge.From("progress", Progress.Type).Ref("step").Comment("Progress recorded on the step at visits, newest last: who moved it and when.").
			Annotations(append(codedSection(policy.Outcomes), childEdge())...),
	}
}

// Indexes of the OutcomeStep.
func (OutcomeStep) Indexes() []ent.Index { return []ent.Index{index.Fields("outcome_id", "position")} }

// Risk holds the schema definition for the Risk entity.
type Risk struct{ ent.Schema }

// Annotations of the Risk.
func (Risk) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A risk discussed in planning (R6): to the person from needs or from an outcome they choose, to the plan, or to the worker."),
		entgql.RelayConnection(),
		entgql.QueryField("risks").Description("Risks on plans the viewer has a basis to know of."),
		mutations(),
	}
}

// Mixin of the Risk.
func (Risk) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("RK"), tenantMixin{}, timeMixin{}, planContent(policy.Risks)}
}

// Fields of the Risk.
func (Risk) Fields() []ent.Field {
	return []ent.Field{
		planField(),
		field.Enum("kind").Values("TO_PERSON_FROM_NEEDS", "TO_PERSON_FROM_OUTCOME", "TO_PLAN", "TO_WORKER").Comment("Who or what is at risk (R6).").Annotations(codedSection(policy.Risks)...),
		field.Enum("category").Values("ENGAGEMENT", "MOTIVATION", "CARER_NOT_ENABLING", "PROVIDER_NOT_ENABLING", "UNREALISTIC_OUTCOMES", "HOME_ENVIRONMENT", "EQUIPMENT", "BEHAVIOUR", "SPECIALIST_TRAINING", "FALLS", "NUTRITION", "MEDICATION", "OTHER").
			Optional().Nillable().Comment("A finer kind: the R6 causes of risks to the plan and the R31 kinds of risk to the worker.").Annotations(codedSection(policy.Risks)...),
		field.Text("description").Validate(notBlank).Comment("What the risk is.").Annotations(section(policy.Risks)...),
		field.Text("wellbeing_impact").Optional().Comment("Impact on the person's wellbeing.").Annotations(section(policy.Risks)...),
		field.Enum("likelihood").Values("LOW", "MEDIUM", "HIGH").Default("MEDIUM").Comment("How likely, on the evidence.").Annotations(codedSection(policy.Risks)...),
		field.Text("likelihood_evidence").Optional().Comment("The evidence for the likelihood.").Annotations(section(policy.Risks)...),
		field.Text("benefits").Optional().Comment("For positive risk-taking: the benefits weighed against the risk.").Annotations(section(policy.Risks)...),
		field.Text("strategy").Optional().Comment("How the risk is managed.").Annotations(section(policy.Risks)...),
		field.Bool("environment_assessment_required").Default(false).Comment("R31: the evidence calls for an environment risk assessment first.").Annotations(codedSection(policy.Risks)...),
		field.Time("environment_assessment_done_at").Optional().Nillable().Comment("R31: when the environment risk assessment was done.").Annotations(codedSection(policy.Risks)...),
		field.Text("environment_assessment_findings").Optional().Comment("R31: what the environment risk assessment found and what was put in place.").
			Annotations(append(section(policy.Risks), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.Time("mitigation_confirmed_at").Optional().Nillable().Comment("R31: when a registered manager confirmed a risk to the worker is mitigated.").
			Annotations(append(codedSection(policy.Risks), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
		field.String("mitigation_confirmed_by_id").GoType(pulid.ID("")).Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Text("mitigation_checked").Optional().Comment("R31: what the registered manager checked before confirming the risk to the worker is mitigated.").
			Annotations(append(section(policy.Risks), entgql.Skip(entgql.SkipMutationCreateInput|entgql.SkipMutationUpdateInput))...),
	}
}

// Edges of the Risk.
func (Risk) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("risks").Unique().Required().Immutable().Field("plan_id").Comment("The plan version."),
		edge.To("contingencies", Contingency.Type).Comment("Agreed contingencies (R7).").Annotations(append(codedSection(policy.Risks), childEdge())...),
		edge.To("mitigation_confirmed_by", Account.Type).Unique().Field("mitigation_confirmed_by_id").Comment("R31: the registered manager who confirmed the mitigation.").Annotations(staffEdge(policy.Risks)...).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput | entgql.SkipMutationUpdateInput | entgql.SkipWhereInput)),
	}
}

// Hooks of the Risk: the environment assessment and the registered
// manager's confirmation of a risk to the worker (R31).
func (Risk) Hooks() []ent.Hook { return []ent.Hook{rule.WorkerRisk()} }

// Indexes of the Risk: a plan's risks are read by plan (the workers' today
// query, the plan screens).
func (Risk) Indexes() []ent.Index { return []ent.Index{index.Fields("plan_id")} }

// Contingency holds the schema definition for the Contingency entity.
type Contingency struct{ ent.Schema }

// Annotations of the Contingency.
func (Contingency) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A proactive agreement for a risk to the plan (R7): what will be done, when, and by whom."), mutations()}
}

// Mixin of the Contingency.
func (Contingency) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("CG"), tenantMixin{}, timeMixin{}, planContent(policy.Risks)}
}

// Fields of the Contingency.
func (Contingency) Fields() []ent.Field {
	return []ent.Field{
		field.String("risk_id").GoType(pulid.ID("")).Immutable().Comment("The risk."),
		field.String("plan_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Text("measures").Validate(notBlank).Comment("What will be done.").Annotations(section(policy.Risks)...),
		field.Text("trigger").Validate(notBlank).Comment("What sets it off.").Annotations(section(policy.Risks)...),
		field.String("who_acts").Validate(notBlank).Comment("Who acts.").Annotations(section(policy.Risks)...),
	}
}

// Edges of the Contingency.
func (Contingency) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("risk", Risk.Type).Ref("contingencies").Unique().Required().Immutable().Field("risk_id").Comment("The risk."),
	}
}

// Indexes of the Contingency: a risk's contingencies are read by risk.
func (Contingency) Indexes() []ent.Index { return []ent.Index{index.Fields("risk_id")} }
