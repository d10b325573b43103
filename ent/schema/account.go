package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"reablement/ent/policy"
	"reablement/ent/privacy"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
)

// Account holds the schema definition for the Account entity.
type Account struct{ ent.Schema }

// Annotations of the Account.
func (Account) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("Someone who signs in: staff of the authority, or a carer, advocate, recipient or the person themself. The token only says who they are; roles, team and authority come from here."),
		entgql.RelayConnection(),
	}
}

// Mixin of the Account.
func (Account) Mixin() []ent.Mixin { return []ent.Mixin{withID("AC"), tenantMixin{}, timeMixin{}} }

// Fields of the Account.
func (Account) Fields() []ent.Field {
	return []ent.Field{
		field.String("subject").Validate(notBlank).Unique().Comment("The token subject (sub claim) that signs in as this account.").
			Annotations(entgql.Skip(entgql.SkipType | entgql.SkipWhereInput | entgql.SkipOrderField)),
		field.String("username").Validate(notBlank).Unique().Comment("Short sign-in name, shown to colleagues and the account itself; outside viewers and analysts see the account's role instead."),
		field.String("display_name").Validate(notBlank).Comment("Name shown to colleagues and the account itself; outside viewers and analysts see the account's role instead (a reablement worker).").Annotations(entgql.OrderField("DISPLAY_NAME")),
		field.JSON("roles", []policy.Role{}).Comment("What the account may do.").
			Annotations(entgql.Type("[Role!]")),
		field.Strings("trainings").Optional().Comment("Trainings held, e.g. AUTISM, DEAFBLIND, EPILEPSY, MEDICATION (R32).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("job_title").Optional().Comment("Job title, e.g. Occupational therapist."),
		field.Bool("active").Default(true).Comment("Inactive accounts cannot sign in."),
		field.String("person_id").GoType(pulid.ID("")).Optional().Nillable().
			Comment("For the PERSON role: their own record.").Annotations(entgql.Skip(entgql.SkipAll)),
		// Bumped by the database (triggers of migration viewer_grants_version)
		// whenever a grant the viewer is built from changes: team membership
		// and management, a worker's visits, emergency access, shares and the
		// consents under them. The account row is read on every request, so
		// a server reuses the grants it loaded only while this is unchanged
		// (ent/viewer's cache): a revoked grant is never served (issue 14).
		field.Int64("grants_version").Default(0).Immutable().
			Comment("Changes whenever a grant the account holds changes; the viewer cache's key.").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Edges of the Account.
func (Account) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("teams", Team.Type).Ref("members").Comment("Teams the account works in."),
		edge.From("managed_teams", Team.Type).Ref("manager").Comment("Teams the account manages."),
		edge.From("services", Team.Type).Ref("registered_manager").Comment("Reablement services the account runs as registered manager."),
		// Plans a worker is assigned to (R20): the other side of Plan.workers,
		// so a worker can deliver many plans. Not in the API: a worker reaches
		// plans through visits, under the plans' own row filter.
		edge.From("assigned_plans", Plan.Type).Ref("workers").Comment("Plans the worker is assigned to deliver.").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Policy of the Account: people outside the authority see only their own.
func (Account) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.FilterAccounts()}}
}
