-- +goose Up
-- create "audit_events" table
CREATE TABLE "audit_events" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "occurred_at" timestamptz NOT NULL, "action" character varying NOT NULL, "viewer_id" character varying NOT NULL, "viewer_name" character varying NOT NULL, "viewer_roles" jsonb NOT NULL, "person_id" character varying NOT NULL, "plan_id" character varying NULL, "sections" jsonb NOT NULL, "bases" jsonb NOT NULL, "request_id" character varying NOT NULL, "operation" character varying NULL, "flagged" boolean NOT NULL DEFAULT false, PRIMARY KEY ("id"));
-- create index "auditevent_authority_id" to table: "audit_events"
CREATE INDEX "auditevent_authority_id" ON "audit_events" ("authority_id");
-- create index "auditevent_person_id_occurred_at" to table: "audit_events"
CREATE INDEX "auditevent_person_id_occurred_at" ON "audit_events" ("person_id", "occurred_at");
-- create index "auditevent_viewer_id_occurred_at" to table: "audit_events"
CREATE INDEX "auditevent_viewer_id_occurred_at" ON "audit_events" ("viewer_id", "occurred_at");
-- create "accounts" table
CREATE TABLE "accounts" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "subject" character varying NOT NULL, "username" character varying NOT NULL, "display_name" character varying NOT NULL, "roles" jsonb NOT NULL, "trainings" jsonb NULL, "job_title" character varying NULL, "active" boolean NOT NULL DEFAULT true, "person_id" character varying NULL, PRIMARY KEY ("id"));
-- create index "account_authority_id" to table: "accounts"
CREATE INDEX "account_authority_id" ON "accounts" ("authority_id");
-- create index "accounts_subject_key" to table: "accounts"
CREATE UNIQUE INDEX "accounts_subject_key" ON "accounts" ("subject");
-- create index "accounts_username_key" to table: "accounts"
CREATE UNIQUE INDEX "accounts_username_key" ON "accounts" ("username");
-- create "authorities" table
CREATE TABLE "authorities" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "code" character varying NOT NULL, "time_zone" character varying NOT NULL DEFAULT 'Europe/London', "max_reablement_weeks" bigint NOT NULL DEFAULT 6, "first_review_days" bigint NOT NULL DEFAULT 21, "non_chargeable_weeks" bigint NOT NULL DEFAULT 6, PRIMARY KEY ("id"));
-- create index "authorities_code_key" to table: "authorities"
CREATE UNIQUE INDEX "authorities_code_key" ON "authorities" ("code");
-- create "teams" table
CREATE TABLE "teams" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "kind" character varying NOT NULL, "authority_id" character varying NOT NULL, "team_manager" character varying NULL, "team_registered_manager" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "teams_accounts_manager" FOREIGN KEY ("team_manager") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "teams_accounts_registered_manager" FOREIGN KEY ("team_registered_manager") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "teams_authorities_teams" FOREIGN KEY ("authority_id") REFERENCES "authorities" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "team_authority_id" to table: "teams"
CREATE INDEX "team_authority_id" ON "teams" ("authority_id");
-- create "persons" table
CREATE TABLE "persons" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "legal_name" character varying NOT NULL, "preferred_name" character varying NOT NULL, "previous_surname" character varying NULL, "date_of_birth" timestamptz NOT NULL, "nhs_number" character varying NULL, "ni_number" character varying NULL, "address" character varying NULL, "postcode" character varying NULL, "locality" character varying NULL, "phone" character varying NULL, "email" character varying NULL, "visit_address" character varying NULL, "access_notes" character varying NULL, "communication_needs" character varying NULL, "preferred_formats" character varying NULL, "interpreter_language" character varying NULL, "autism" boolean NOT NULL DEFAULT false, "deafblind" boolean NOT NULL DEFAULT false, "lacks_capacity_for_planning" boolean NOT NULL DEFAULT false, "substantial_difficulty" boolean NOT NULL DEFAULT false, "appropriate_person" character varying NULL, "advocacy" character varying NOT NULL DEFAULT 'NOT_NEEDED', "ordinary_residence" character varying NULL, "referral_source" character varying NULL, "team_id" character varying NOT NULL, "allocated_practitioner_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "persons_accounts_allocated_practitioner" FOREIGN KEY ("allocated_practitioner_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "persons_teams_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "person_allocated_practitioner_id" to table: "persons"
CREATE INDEX "person_allocated_practitioner_id" ON "persons" ("allocated_practitioner_id");
-- create index "person_authority_id" to table: "persons"
CREATE INDEX "person_authority_id" ON "persons" ("authority_id");
-- create index "person_team_id" to table: "persons"
CREATE INDEX "person_team_id" ON "persons" ("team_id");
-- create "advices" table
CREATE TABLE "advices" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "summary" text NOT NULL, "given_at" timestamptz NOT NULL, "follow_up_due" timestamptz NULL, "followed_up_at" timestamptz NULL, "follow_up_by_id" character varying NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "advices_accounts_follow_up_by" FOREIGN KEY ("follow_up_by_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "advices_persons_advice" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "advice_authority_id" to table: "advices"
CREATE INDEX "advice_authority_id" ON "advices" ("authority_id");
-- create index "advice_person_id" to table: "advices"
CREATE INDEX "advice_person_id" ON "advices" ("person_id");
-- create "plans" table
CREATE TABLE "plans" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" bigint NOT NULL DEFAULT 1, "revision" bigint NOT NULL DEFAULT 1, "status" character varying NOT NULL DEFAULT 'DRAFT', "visit_frequency" character varying NULL, "visit_duration_minutes" bigint NULL, "worker_tasks" text NULL, "fluctuating_needs" text NULL, "other_support" text NULL, "no_other_support" boolean NOT NULL DEFAULT false, "review_frequency" character varying NULL, "first_review_due" timestamptz NULL, "planned_start" timestamptz NULL, "planned_end" timestamptz NULL, "chargeable_from" timestamptz NULL, "accessible_formats" jsonb NULL, "written_record_at" timestamptz NULL, "written_record_format" character varying NULL, "interim_measures" boolean NOT NULL DEFAULT false, "agreed_at" timestamptz NULL, "commenced_at" timestamptz NULL, "ended_at" timestamptz NULL, "end_reason" character varying NULL, "end_notes" text NULL, "written_confirmation_at" timestamptz NULL, "referrer_notified_at" timestamptz NULL, "person_id" character varying NOT NULL, "supersedes_id" character varying NULL, "service_team_id" character varying NULL, "review_responsible_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "plans_accounts_review_responsible" FOREIGN KEY ("review_responsible_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "plans_persons_plans" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "plans_plans_superseded_by" FOREIGN KEY ("supersedes_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "plans_teams_service_team" FOREIGN KEY ("service_team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "plan_authority_id" to table: "plans"
CREATE INDEX "plan_authority_id" ON "plans" ("authority_id");
-- create index "plan_person_id_version" to table: "plans"
CREATE UNIQUE INDEX "plan_person_id_version" ON "plans" ("person_id", "version");
-- create index "plan_service_team_id" to table: "plans"
CREATE INDEX "plan_service_team_id" ON "plans" ("service_team_id");
-- create index "plan_status" to table: "plans"
CREATE INDEX "plan_status" ON "plans" ("status");
-- create index "plans_supersedes_id_key" to table: "plans"
CREATE UNIQUE INDEX "plans_supersedes_id_key" ON "plans" ("supersedes_id");
-- create "amendments" table
CREATE TABLE "amendments" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "requested_by" character varying NOT NULL, "requester_name" character varying NULL, "reason" character varying NOT NULL, "details" text NOT NULL, "person_consulted_at" timestamptz NULL, "person_view" text NULL, "evidence_reviewed" text NULL, "decision" character varying NOT NULL DEFAULT 'PENDING', "decision_reason" text NULL, "decided_at" timestamptz NULL, "complaint_right_told_at" timestamptz NULL, "no_recirculation" boolean NOT NULL DEFAULT false, "resulting_plan_id" character varying NULL, "plan_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "amendments_plans_amendments" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "amendments_plans_resulting_plan" FOREIGN KEY ("resulting_plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "amendment_authority_id" to table: "amendments"
CREATE INDEX "amendment_authority_id" ON "amendments" ("authority_id");
-- create index "amendment_person_id" to table: "amendments"
CREATE INDEX "amendment_person_id" ON "amendments" ("person_id");
-- create "capacity_assessments" table
CREATE TABLE "capacity_assessments" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "decision" character varying NOT NULL, "has_capacity" boolean NOT NULL, "assessed_at" timestamptz NOT NULL, "assessor" character varying NOT NULL, "notes" text NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "capacity_assessments_persons_capacity_assessments" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "capacityassessment_authority_id" to table: "capacity_assessments"
CREATE INDEX "capacityassessment_authority_id" ON "capacity_assessments" ("authority_id");
-- create index "capacityassessment_person_id" to table: "capacity_assessments"
CREATE INDEX "capacityassessment_person_id" ON "capacity_assessments" ("person_id");
-- create "carers" table
CREATE TABLE "carers" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "relationship" character varying NOT NULL, "phone" character varying NULL, "email" character varying NULL, "lives_with_person" boolean NOT NULL DEFAULT false, "account_id" character varying NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "carers_accounts_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "carers_persons_carers" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "carer_authority_id" to table: "carers"
CREATE INDEX "carer_authority_id" ON "carers" ("authority_id");
-- create index "carer_person_id" to table: "carers"
CREATE INDEX "carer_person_id" ON "carers" ("person_id");
-- create "visits" table
CREATE TABLE "visits" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "starts_at" timestamptz NOT NULL, "duration_minutes" bigint NOT NULL, "status" character varying NOT NULL DEFAULT 'SCHEDULED', "arrived_at" timestamptz NULL, "departed_at" timestamptz NULL, "notes" text NULL, "record_id" character varying NULL, "revision" bigint NOT NULL DEFAULT 1, "plan_id" character varying NOT NULL, "worker_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "visits_accounts_worker" FOREIGN KEY ("worker_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "visits_plans_visits" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "visit_authority_id" to table: "visits"
CREATE INDEX "visit_authority_id" ON "visits" ("authority_id");
-- create index "visit_person_id" to table: "visits"
CREATE INDEX "visit_person_id" ON "visits" ("person_id");
-- create index "visit_plan_id_starts_at" to table: "visits"
CREATE INDEX "visit_plan_id_starts_at" ON "visits" ("plan_id", "starts_at");
-- create index "visit_worker_id_starts_at" to table: "visits"
CREATE INDEX "visit_worker_id_starts_at" ON "visits" ("worker_id", "starts_at");
-- create index "visits_record_id_key" to table: "visits"
CREATE UNIQUE INDEX "visits_record_id_key" ON "visits" ("record_id");
-- create "concerns" table
CREATE TABLE "concerns" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "kind" character varying NOT NULL, "details" text NOT NULL, "acknowledged_at" timestamptz NULL, "raised_by_id" character varying NOT NULL, "visit_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "concerns_accounts_raised_by" FOREIGN KEY ("raised_by_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "concerns_visits_concerns" FOREIGN KEY ("visit_id") REFERENCES "visits" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "concern_authority_id" to table: "concerns"
CREATE INDEX "concern_authority_id" ON "concerns" ("authority_id");
-- create index "concern_person_id" to table: "concerns"
CREATE INDEX "concern_person_id" ON "concerns" ("person_id");
-- create "consents" table
CREATE TABLE "consents" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "purpose" character varying NOT NULL, "covers" text NOT NULL, "given_by" character varying NOT NULL, "decided_by_name" character varying NULL, "had_capacity" boolean NOT NULL, "best_interests_record" text NULL, "decided_at" timestamptz NOT NULL, "withdrawn_at" timestamptz NULL, "withdrawn_reason" text NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "consents_persons_consents" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "consent_authority_id" to table: "consents"
CREATE INDEX "consent_authority_id" ON "consents" ("authority_id");
-- create index "consent_person_id" to table: "consents"
CREATE INDEX "consent_person_id" ON "consents" ("person_id");
-- create "contacts" table
CREATE TABLE "contacts" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "kind" character varying NOT NULL, "organisation" character varying NULL, "phone" character varying NULL, "email" character varying NULL, "notes" character varying NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "contacts_persons_contacts" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "contact_authority_id" to table: "contacts"
CREATE INDEX "contact_authority_id" ON "contacts" ("authority_id");
-- create index "contact_person_id" to table: "contacts"
CREATE INDEX "contact_person_id" ON "contacts" ("person_id");
-- create "risks" table
CREATE TABLE "risks" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "kind" character varying NOT NULL, "category" character varying NULL, "description" text NOT NULL, "wellbeing_impact" text NULL, "likelihood" character varying NOT NULL DEFAULT 'MEDIUM', "likelihood_evidence" text NULL, "benefits" text NULL, "strategy" text NULL, "environment_assessment_required" boolean NOT NULL DEFAULT false, "environment_assessment_done_at" timestamptz NULL, "mitigation_confirmed_at" timestamptz NULL, "plan_id" character varying NOT NULL, "mitigation_confirmed_by_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "risks_accounts_mitigation_confirmed_by" FOREIGN KEY ("mitigation_confirmed_by_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "risks_plans_risks" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "risk_authority_id" to table: "risks"
CREATE INDEX "risk_authority_id" ON "risks" ("authority_id");
-- create index "risk_person_id" to table: "risks"
CREATE INDEX "risk_person_id" ON "risks" ("person_id");
-- create "contingencies" table
CREATE TABLE "contingencies" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "plan_id" character varying NOT NULL, "measures" text NOT NULL, "trigger" text NOT NULL, "who_acts" character varying NOT NULL, "risk_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "contingencies_risks_contingencies" FOREIGN KEY ("risk_id") REFERENCES "risks" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "contingency_authority_id" to table: "contingencies"
CREATE INDEX "contingency_authority_id" ON "contingencies" ("authority_id");
-- create index "contingency_person_id" to table: "contingencies"
CREATE INDEX "contingency_person_id" ON "contingencies" ("person_id");
-- create "emergency_accesses" table
CREATE TABLE "emergency_accesses" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "reason" text NOT NULL, "expires_at" timestamptz NOT NULL, "reviewed_at" timestamptz NULL, "account_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "emergency_accesses_accounts_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "emergencyaccess_authority_id" to table: "emergency_accesses"
CREATE INDEX "emergencyaccess_authority_id" ON "emergency_accesses" ("authority_id");
-- create index "emergencyaccess_person_id" to table: "emergency_accesses"
CREATE INDEX "emergencyaccess_person_id" ON "emergency_accesses" ("person_id");
-- create "involvements" table
CREATE TABLE "involvements" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "name" character varying NOT NULL, "relationship" character varying NOT NULL, "basis" character varying NOT NULL, "plan_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "involvements_plans_involvements" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "involvement_authority_id" to table: "involvements"
CREATE INDEX "involvement_authority_id" ON "involvements" ("authority_id");
-- create index "involvement_person_id" to table: "involvements"
CREATE INDEX "involvement_person_id" ON "involvements" ("person_id");
-- create "needs" table
CREATE TABLE "needs" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "area" character varying NOT NULL, "description" text NOT NULL, "effect" character varying NOT NULL DEFAULT 'REDUCE', "person_view" text NULL, "carer_view" text NULL, "others_view" text NULL, "evidence" text NULL, "wellbeing_impact" text NULL, "difference_of_view" text NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "needs_persons_needs" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "need_authority_id" to table: "needs"
CREATE INDEX "need_authority_id" ON "needs" ("authority_id");
-- create index "need_person_id" to table: "needs"
CREATE INDEX "need_person_id" ON "needs" ("person_id");
-- create "outcomes" table
CREATE TABLE "outcomes" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "statement" text NOT NULL, "kind" character varying NOT NULL DEFAULT 'ACHIEVE', "domain" character varying NOT NULL, "support_required" text NULL, "measure" text NULL, "target_date" timestamptz NULL, "achievement" character varying NOT NULL DEFAULT 'NOT_STARTED', "position" bigint NOT NULL DEFAULT 0, "plan_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "outcomes_plans_outcomes" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "outcome_authority_id" to table: "outcomes"
CREATE INDEX "outcome_authority_id" ON "outcomes" ("authority_id");
-- create index "outcome_person_id" to table: "outcomes"
CREATE INDEX "outcome_person_id" ON "outcomes" ("person_id");
-- create index "outcome_plan_id_position" to table: "outcomes"
CREATE INDEX "outcome_plan_id_position" ON "outcomes" ("plan_id", "position");
-- create "outcome_steps" table
CREATE TABLE "outcome_steps" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "plan_id" character varying NOT NULL, "description" text NOT NULL, "position" bigint NOT NULL DEFAULT 0, "target_date" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'NOT_STARTED', "outcome_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "outcome_steps_outcomes_steps" FOREIGN KEY ("outcome_id") REFERENCES "outcomes" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "outcomestep_authority_id" to table: "outcome_steps"
CREATE INDEX "outcomestep_authority_id" ON "outcome_steps" ("authority_id");
-- create index "outcomestep_outcome_id_position" to table: "outcome_steps"
CREATE INDEX "outcomestep_outcome_id_position" ON "outcome_steps" ("outcome_id", "position");
-- create index "outcomestep_person_id" to table: "outcome_steps"
CREATE INDEX "outcomestep_person_id" ON "outcome_steps" ("person_id");
-- create "plan_needs" table
CREATE TABLE "plan_needs" ("plan_id" character varying NOT NULL, "need_id" character varying NOT NULL, PRIMARY KEY ("plan_id", "need_id"), CONSTRAINT "plan_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "needs" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "plan_needs_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create "progresses" table
CREATE TABLE "progresses" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "plan_id" character varying NOT NULL, "step_status" character varying NULL, "note" text NULL, "outcome_id" character varying NOT NULL, "step_id" character varying NULL, "visit_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "progresses_outcome_steps_step" FOREIGN KEY ("step_id") REFERENCES "outcome_steps" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "progresses_outcomes_outcome" FOREIGN KEY ("outcome_id") REFERENCES "outcomes" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "progresses_visits_progress" FOREIGN KEY ("visit_id") REFERENCES "visits" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "progress_authority_id" to table: "progresses"
CREATE INDEX "progress_authority_id" ON "progresses" ("authority_id");
-- create index "progress_person_id" to table: "progresses"
CREATE INDEX "progress_person_id" ON "progresses" ("person_id");
-- create "reviews" table
CREATE TABLE "reviews" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "kind" character varying NOT NULL, "requested_by" character varying NULL, "reason" text NULL, "decision" character varying NOT NULL DEFAULT 'PENDING', "decision_reason" text NULL, "due" timestamptz NULL, "held_at" timestamptz NULL, "result" character varying NULL, "result_notes" text NULL, "plan_id" character varying NOT NULL, "reviewer_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "reviews_accounts_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "reviews_plans_reviews" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "review_authority_id" to table: "reviews"
CREATE INDEX "review_authority_id" ON "reviews" ("authority_id");
-- create index "review_person_id" to table: "reviews"
CREATE INDEX "review_person_id" ON "reviews" ("person_id");
-- create "shares" table
CREATE TABLE "shares" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "person_id" character varying NOT NULL, "recipient_kind" character varying NOT NULL, "recipient_name" character varying NOT NULL, "basis" character varying NOT NULL, "sections" jsonb NULL, "decision" character varying NOT NULL DEFAULT 'SHARED', "decision_reason" text NULL, "manager_advice" text NULL, "requested_by_person" boolean NOT NULL DEFAULT false, "method" character varying NOT NULL DEFAULT 'PORTAL', "shared_at" timestamptz NULL, "expires_at" timestamptz NULL, "revoked_at" timestamptz NULL, "revoked_reason" text NULL, "plan_id" character varying NOT NULL, "recipient_account_id" character varying NULL, "consent_id" character varying NULL, "recirculated_from_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "shares_accounts_recipient_account" FOREIGN KEY ("recipient_account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "shares_consents_consent" FOREIGN KEY ("consent_id") REFERENCES "consents" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "shares_plans_shares" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "shares_shares_recirculations" FOREIGN KEY ("recirculated_from_id") REFERENCES "shares" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "share_authority_id" to table: "shares"
CREATE INDEX "share_authority_id" ON "shares" ("authority_id");
-- create index "share_person_id" to table: "shares"
CREATE INDEX "share_person_id" ON "shares" ("person_id");
-- create index "share_plan_id" to table: "shares"
CREATE INDEX "share_plan_id" ON "shares" ("plan_id");
-- create index "share_recipient_account_id" to table: "shares"
CREATE INDEX "share_recipient_account_id" ON "shares" ("recipient_account_id");
-- create "team_members" table
CREATE TABLE "team_members" ("team_id" character varying NOT NULL, "account_id" character varying NOT NULL, PRIMARY KEY ("team_id", "account_id"), CONSTRAINT "team_members_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "team_members_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);

-- +goose Down
-- reverse: create "team_members" table
DROP TABLE "team_members";
-- reverse: create index "share_recipient_account_id" to table: "shares"
DROP INDEX "share_recipient_account_id";
-- reverse: create index "share_plan_id" to table: "shares"
DROP INDEX "share_plan_id";
-- reverse: create index "share_person_id" to table: "shares"
DROP INDEX "share_person_id";
-- reverse: create index "share_authority_id" to table: "shares"
DROP INDEX "share_authority_id";
-- reverse: create "shares" table
DROP TABLE "shares";
-- reverse: create index "review_person_id" to table: "reviews"
DROP INDEX "review_person_id";
-- reverse: create index "review_authority_id" to table: "reviews"
DROP INDEX "review_authority_id";
-- reverse: create "reviews" table
DROP TABLE "reviews";
-- reverse: create index "progress_person_id" to table: "progresses"
DROP INDEX "progress_person_id";
-- reverse: create index "progress_authority_id" to table: "progresses"
DROP INDEX "progress_authority_id";
-- reverse: create "progresses" table
DROP TABLE "progresses";
-- reverse: create "plan_needs" table
DROP TABLE "plan_needs";
-- reverse: create index "outcomestep_person_id" to table: "outcome_steps"
DROP INDEX "outcomestep_person_id";
-- reverse: create index "outcomestep_outcome_id_position" to table: "outcome_steps"
DROP INDEX "outcomestep_outcome_id_position";
-- reverse: create index "outcomestep_authority_id" to table: "outcome_steps"
DROP INDEX "outcomestep_authority_id";
-- reverse: create "outcome_steps" table
DROP TABLE "outcome_steps";
-- reverse: create index "outcome_plan_id_position" to table: "outcomes"
DROP INDEX "outcome_plan_id_position";
-- reverse: create index "outcome_person_id" to table: "outcomes"
DROP INDEX "outcome_person_id";
-- reverse: create index "outcome_authority_id" to table: "outcomes"
DROP INDEX "outcome_authority_id";
-- reverse: create "outcomes" table
DROP TABLE "outcomes";
-- reverse: create index "need_person_id" to table: "needs"
DROP INDEX "need_person_id";
-- reverse: create index "need_authority_id" to table: "needs"
DROP INDEX "need_authority_id";
-- reverse: create "needs" table
DROP TABLE "needs";
-- reverse: create index "involvement_person_id" to table: "involvements"
DROP INDEX "involvement_person_id";
-- reverse: create index "involvement_authority_id" to table: "involvements"
DROP INDEX "involvement_authority_id";
-- reverse: create "involvements" table
DROP TABLE "involvements";
-- reverse: create index "emergencyaccess_person_id" to table: "emergency_accesses"
DROP INDEX "emergencyaccess_person_id";
-- reverse: create index "emergencyaccess_authority_id" to table: "emergency_accesses"
DROP INDEX "emergencyaccess_authority_id";
-- reverse: create "emergency_accesses" table
DROP TABLE "emergency_accesses";
-- reverse: create index "contingency_person_id" to table: "contingencies"
DROP INDEX "contingency_person_id";
-- reverse: create index "contingency_authority_id" to table: "contingencies"
DROP INDEX "contingency_authority_id";
-- reverse: create "contingencies" table
DROP TABLE "contingencies";
-- reverse: create index "risk_person_id" to table: "risks"
DROP INDEX "risk_person_id";
-- reverse: create index "risk_authority_id" to table: "risks"
DROP INDEX "risk_authority_id";
-- reverse: create "risks" table
DROP TABLE "risks";
-- reverse: create index "contact_person_id" to table: "contacts"
DROP INDEX "contact_person_id";
-- reverse: create index "contact_authority_id" to table: "contacts"
DROP INDEX "contact_authority_id";
-- reverse: create "contacts" table
DROP TABLE "contacts";
-- reverse: create index "consent_person_id" to table: "consents"
DROP INDEX "consent_person_id";
-- reverse: create index "consent_authority_id" to table: "consents"
DROP INDEX "consent_authority_id";
-- reverse: create "consents" table
DROP TABLE "consents";
-- reverse: create index "concern_person_id" to table: "concerns"
DROP INDEX "concern_person_id";
-- reverse: create index "concern_authority_id" to table: "concerns"
DROP INDEX "concern_authority_id";
-- reverse: create "concerns" table
DROP TABLE "concerns";
-- reverse: create index "visits_record_id_key" to table: "visits"
DROP INDEX "visits_record_id_key";
-- reverse: create index "visit_worker_id_starts_at" to table: "visits"
DROP INDEX "visit_worker_id_starts_at";
-- reverse: create index "visit_plan_id_starts_at" to table: "visits"
DROP INDEX "visit_plan_id_starts_at";
-- reverse: create index "visit_person_id" to table: "visits"
DROP INDEX "visit_person_id";
-- reverse: create index "visit_authority_id" to table: "visits"
DROP INDEX "visit_authority_id";
-- reverse: create "visits" table
DROP TABLE "visits";
-- reverse: create index "carer_person_id" to table: "carers"
DROP INDEX "carer_person_id";
-- reverse: create index "carer_authority_id" to table: "carers"
DROP INDEX "carer_authority_id";
-- reverse: create "carers" table
DROP TABLE "carers";
-- reverse: create index "capacityassessment_person_id" to table: "capacity_assessments"
DROP INDEX "capacityassessment_person_id";
-- reverse: create index "capacityassessment_authority_id" to table: "capacity_assessments"
DROP INDEX "capacityassessment_authority_id";
-- reverse: create "capacity_assessments" table
DROP TABLE "capacity_assessments";
-- reverse: create index "amendment_person_id" to table: "amendments"
DROP INDEX "amendment_person_id";
-- reverse: create index "amendment_authority_id" to table: "amendments"
DROP INDEX "amendment_authority_id";
-- reverse: create "amendments" table
DROP TABLE "amendments";
-- reverse: create index "plans_supersedes_id_key" to table: "plans"
DROP INDEX "plans_supersedes_id_key";
-- reverse: create index "plan_status" to table: "plans"
DROP INDEX "plan_status";
-- reverse: create index "plan_service_team_id" to table: "plans"
DROP INDEX "plan_service_team_id";
-- reverse: create index "plan_person_id_version" to table: "plans"
DROP INDEX "plan_person_id_version";
-- reverse: create index "plan_authority_id" to table: "plans"
DROP INDEX "plan_authority_id";
-- reverse: create "plans" table
DROP TABLE "plans";
-- reverse: create index "advice_person_id" to table: "advices"
DROP INDEX "advice_person_id";
-- reverse: create index "advice_authority_id" to table: "advices"
DROP INDEX "advice_authority_id";
-- reverse: create "advices" table
DROP TABLE "advices";
-- reverse: create index "person_team_id" to table: "persons"
DROP INDEX "person_team_id";
-- reverse: create index "person_authority_id" to table: "persons"
DROP INDEX "person_authority_id";
-- reverse: create index "person_allocated_practitioner_id" to table: "persons"
DROP INDEX "person_allocated_practitioner_id";
-- reverse: create "persons" table
DROP TABLE "persons";
-- reverse: create index "team_authority_id" to table: "teams"
DROP INDEX "team_authority_id";
-- reverse: create "teams" table
DROP TABLE "teams";
-- reverse: create index "authorities_code_key" to table: "authorities"
DROP INDEX "authorities_code_key";
-- reverse: create "authorities" table
DROP TABLE "authorities";
-- reverse: create index "accounts_username_key" to table: "accounts"
DROP INDEX "accounts_username_key";
-- reverse: create index "accounts_subject_key" to table: "accounts"
DROP INDEX "accounts_subject_key";
-- reverse: create index "account_authority_id" to table: "accounts"
DROP INDEX "account_authority_id";
-- reverse: create "accounts" table
DROP TABLE "accounts";
-- reverse: create index "auditevent_viewer_id_occurred_at" to table: "audit_events"
DROP INDEX "auditevent_viewer_id_occurred_at";
-- reverse: create index "auditevent_person_id_occurred_at" to table: "audit_events"
DROP INDEX "auditevent_person_id_occurred_at";
-- reverse: create index "auditevent_authority_id" to table: "audit_events"
DROP INDEX "auditevent_authority_id";
-- reverse: create "audit_events" table
DROP TABLE "audit_events";
