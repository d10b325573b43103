-- +goose Up
-- modify "risks" table
ALTER TABLE "risks" ADD COLUMN "environment_assessment_findings" text NULL, ADD COLUMN "mitigation_checked" text NULL;
-- modify "plans" table
ALTER TABLE "plans" ADD COLUMN "planned_end_reason" text NULL, ADD COLUMN "visits_generated_at" timestamptz NULL;
-- create "plan_workers" table
CREATE TABLE "plan_workers" ("plan_id" character varying NOT NULL, "account_id" character varying NOT NULL, PRIMARY KEY ("plan_id", "account_id"), CONSTRAINT "plan_workers_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "plan_workers_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);

-- +goose Down
-- reverse: create "plan_workers" table
DROP TABLE "plan_workers";
-- reverse: modify "plans" table
ALTER TABLE "plans" DROP COLUMN "visits_generated_at", DROP COLUMN "planned_end_reason";
-- reverse: modify "risks" table
ALTER TABLE "risks" DROP COLUMN "mitigation_checked", DROP COLUMN "environment_assessment_findings";
