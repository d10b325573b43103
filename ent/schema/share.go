package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
)

// Share holds the schema definition for the Share entity.
type Share struct{ ent.Schema }

// Annotations of the Share.
func (Share) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A copy of one plan version given to someone (R20–R24), with its basis and scope. A revoked, expired or declined share, or one whose consent was withdrawn, grants nothing."),
		entgql.Mutations(entgql.MutationCreate()),
	}
}

// Mixin of the Share.
func (Share) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("SH"), tenantMixin{}, timeMixin{}, planActivity(policy.Involvement)}
}

// Fields of the Share.
func (Share) Fields() []ent.Field {
	return []ent.Field{
		planField(),
		field.Enum("recipient_kind").Values("PROVIDER", "CARER", "ADVOCATE", "PERSON", "OTHER").Comment("Who receives the copy (R20–R24).").Annotations(codedSection(policy.Involvement)...),
		field.String("recipient_name").Validate(notBlank).Comment("The recipient's name.").Annotations(section(policy.Involvement)...),
		field.String("recipient_account_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The recipient's account, if they sign in to see it.").Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("basis").GoType(policy.Basis("")).Comment("The lawful basis for the share.").Annotations(append(codedSection(policy.Involvement), entgql.Type("Basis"))...),
		field.JSON("sections", []policy.Section{}).Optional().Comment("The sections shared; empty means the full plan.").
			Annotations(append(codedSection(policy.Involvement), entgql.Type("[Section!]"))...),
		field.Enum("decision").Values("SHARED", "PARTIAL", "DECLINED").Default("SHARED").Comment("R23: share in full, share partially, or decline.").Annotations(codedSection(policy.Involvement)...),
		field.Text("decision_reason").Optional().Comment("R23: the reason for a partial or declined share.").Annotations(section(policy.Involvement)...),
		field.Text("manager_advice").Optional().Comment("R23: the manager's advice, where a request was refused or limited.").Annotations(section(policy.Involvement)...),
		field.Bool("requested_by_person").Default(false).Comment("R23: the person asked for this copy to be sent.").Annotations(codedSection(policy.Involvement)...),
		field.String("consent_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The consent or best-interests decision it rests on (R22).").Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("method").Values("PORTAL", "EMAIL", "POST", "IN_PERSON").Default("PORTAL").Comment("How it was given.").Annotations(codedSection(policy.Involvement)...),
		field.Time("shared_at").Optional().Nillable().Comment("When it was given.").Annotations(codedSection(policy.Involvement)...),
		field.Time("expires_at").Optional().Nillable().Comment("When access ends, if it is time-limited.").Annotations(codedSection(policy.Involvement)...),
		field.Time("revoked_at").Optional().Nillable().Comment("When the share was revoked; access stops at once.").Annotations(append(codedSection(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Text("revoked_reason").Optional().Comment("Why it was revoked.").Annotations(append(section(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.String("recirculated_from_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Comment("R26: the share of the earlier version this one re-circulates.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Share.
func (Share) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("shares").Unique().Required().Immutable().Field("plan_id").Comment("The plan version shared."),
		edge.To("recipient_account", Account.Type).Unique().Field("recipient_account_id").Comment("The recipient's account, if any.").Annotations(staffEdge(policy.Involvement)...),
		edge.To("consent", Consent.Type).Unique().Field("consent_id").Comment("The decision the share rests on, if any."),
		edge.To("recirculations", Share.Type).Comment("R26: shares of later versions that re-circulate this one.").Annotations(childEdge()).From("recirculated_from").Unique().Immutable().Field("recirculated_from_id").Comment("R26: the share of the earlier version this one re-circulates.").Annotations(childEdge()),
	}
}

// Indexes of the Share.
func (Share) Indexes() []ent.Index {
	return []ent.Index{index.Fields("recipient_account_id"), index.Fields("plan_id")}
}

// Amendment holds the schema definition for the Amendment entity.
type Amendment struct{ ent.Schema }

// Annotations of the Amendment.
func (Amendment) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A request to change a plan (R25): who asked and why, the person's view when someone else asked, the evidence, and the decision with reasons."),
		entgql.Mutations(entgql.MutationCreate()),
	}
}

// Hooks of the Amendment: R25 and R26 decide what a decision needs and does.
func (Amendment) Hooks() []ent.Hook { return []ent.Hook{rule.AmendmentRules()} }

// Mixin of the Amendment.
func (Amendment) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("AM"), tenantMixin{}, timeMixin{}, planActivity(policy.Involvement)}
}

// Fields of the Amendment.
func (Amendment) Fields() []ent.Field {
	return []ent.Field{
		planField(),
		field.Enum("requested_by").Values("PERSON", "CARER", "ADVOCATE", "PROVIDER", "PRACTITIONER", "OTHER").Comment("Who asked.").Annotations(codedSection(policy.Involvement)...),
		field.String("requester_name").Optional().Comment("The requester's name.").Annotations(section(policy.Involvement)...),
		field.Enum("reason").Values("MISSING_INFORMATION", "MISINTERPRETATION").Comment("R25: information missing, or a misinterpretation.").Annotations(codedSection(policy.Involvement)...),
		field.Text("details").Validate(notBlank).Comment("What should change.").Annotations(section(policy.Involvement)...),
		field.Time("person_consulted_at").Optional().Nillable().Comment("R25: when the person was consulted, if someone else asked.").Annotations(codedSection(policy.Involvement)...),
		field.Text("person_view").Optional().Comment("The person's view of the request.").Annotations(section(policy.Involvement)...),
		field.Text("evidence_reviewed").Optional().Comment("R25: the evidence reviewed.").Annotations(section(policy.Involvement)...),
		field.Enum("decision").Values("PENDING", "AGREED", "DECLINED").Default("PENDING").Comment("The decision.").
			Annotations(append(codedSection(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Text("decision_reason").Optional().Comment("The reasons for the decision.").Annotations(section(policy.Involvement)...),
		field.Time("decided_at").Optional().Nillable().Comment("When it was decided.").
			Annotations(append(codedSection(policy.Involvement), entgql.Skip(entgql.SkipMutationCreateInput))...),
		field.Time("complaint_right_told_at").Optional().Nillable().Comment("R25: when the person was told of their right to complain, for a declined request.").Annotations(codedSection(policy.Involvement)...),
		field.Bool("no_recirculation").Default(false).Comment("R26: the person asked that the new version not go to everyone who had the old one.").Annotations(codedSection(policy.Involvement)...),
		field.String("resulting_plan_id").GoType(pulid.ID("")).Optional().Nillable().Comment("The new version an agreed amendment produced.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Amendment.
func (Amendment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("plan", Plan.Type).Ref("amendments").Unique().Required().Immutable().Field("plan_id").Comment("The version the request is against."),
		edge.To("resulting_plan", Plan.Type).Unique().Field("resulting_plan_id").Comment("The new version produced, for an agreed request.").Annotations(childEdge()),
	}
}

// EmergencyAccess holds the schema definition for the EmergencyAccess entity.
type EmergencyAccess struct{ ent.Schema }

// Annotations of the EmergencyAccess.
func (EmergencyAccess) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Time-limited access to one person's record by a practitioner outside the team, with a stated reason; flagged for review.")}
}

// Mixin of the EmergencyAccess.
func (EmergencyAccess) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("EA"), tenantMixin{}, timeMixin{}, personScoped{kind: rule.KindEmergencyAccess, section: policy.Involvement}}
}

// Fields of the EmergencyAccess.
func (EmergencyAccess) Fields() []ent.Field {
	return []ent.Field{
		field.String("account_id").GoType(pulid.ID("")).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Text("reason").Validate(notBlank).Immutable().Comment("Why access was needed (Caldicott principle 1).").Annotations(section(policy.Involvement)...),
		field.Time("expires_at").Immutable().Comment("When access ends.").Annotations(codedSection(policy.Involvement)...),
		field.Time("reviewed_at").Optional().Nillable().Comment("When information governance reviewed it.").Annotations(codedSection(policy.Involvement)...),
	}
}

// Edges of the EmergencyAccess.
func (EmergencyAccess) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("account", Account.Type).Unique().Required().Immutable().Field("account_id").Comment("Who has access.").Annotations(staffEdge(policy.Involvement)...),
	}
}

// AuditEvent holds the schema definition for the AuditEvent entity.
type AuditEvent struct{ ent.Schema }

// Annotations of the AuditEvent.
func (AuditEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One disclosure of, or change to, a person's record: who, in which role, which sections, on what basis, when. Append-only."),
		entgql.RelayConnection(),
		entgql.QueryField("auditEvents").Description("The audit log: for auditors the whole authority, for practitioners their people's, for a person their own."),
	}
}

// Mixin of the AuditEvent.
func (AuditEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{withID("AE"), tenantMixin{ownIndex: true}}
}

// Fields of the AuditEvent.
func (AuditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Time("occurred_at").Default(utcNow).Immutable().Comment("When it happened (UTC).").Annotations(entgql.OrderField("OCCURRED_AT")),
		field.Enum("action").Values("DISCLOSURE", "CHANGE", "EMERGENCY_ACCESS").Immutable().Comment("A disclosure of sections, a change, or emergency access being granted."),
		field.String("viewer_id").GoType(pulid.ID("")).Immutable().Comment("The account that saw or changed the record.").Annotations(entgql.Type("ID")),
		field.String("viewer_name").Immutable().Comment("The account's name at the time."),
		field.JSON("viewer_roles", []policy.Role{}).Immutable().Comment("The account's roles at the time.").Annotations(entgql.Type("[Role!]")),
		field.String("person_id").GoType(pulid.ID("")).Immutable().Comment("Whose record.").Annotations(entgql.Type("ID")),
		field.String("plan_id").GoType(pulid.ID("")).Optional().Nillable().Immutable().Comment("The plan version, if the disclosure was of a plan.").Annotations(entgql.Type("ID")),
		field.JSON("sections", []policy.Section{}).Immutable().Comment("Sections disclosed or changed.").Annotations(entgql.Type("[Section!]")),
		field.JSON("bases", []policy.Basis{}).Immutable().Comment("The bases they were disclosed on.").Annotations(entgql.Type("[Basis!]")),
		field.String("request_id").Immutable().Comment("The request that disclosed them, to match server logs."),
		field.String("operation").Optional().Immutable().Comment("The GraphQL operation name or mutation."),
		field.Bool("flagged").Default(false).Immutable().Comment("Flagged for review, e.g. emergency access."),
	}
}

// Indexes of the AuditEvent.
func (AuditEvent) Indexes() []ent.Index {
	return []ent.Index{
		// The auditor's log, newest first, a page at a time (ORDER BY
		// occurred_at DESC, id DESC): read backwards from the index, never
		// sorted, however long the authority's log grows.
		index.Fields("authority_id", "occurred_at", "id"),
		index.Fields("person_id", "occurred_at"),
		index.Fields("viewer_id", "occurred_at"),
	}
}

// Hooks of the Share: R20-R24 decide whether and how much may be shared.
func (Share) Hooks() []ent.Hook { return []ent.Hook{rule.ShareRules()} }

// Policy of the AuditEvent: information governance sees all; practitioners
// their people's; a person their own (Caldicott principle 8).
func (AuditEvent) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterAudit()}}
}

// Hooks of the AuditEvent: append-only. The migration adds a trigger so the
// database refuses updates and deletes too, whatever client connects.
func (AuditEvent) Hooks() []ent.Hook { return []ent.Hook{rule.AppendOnly()} }
