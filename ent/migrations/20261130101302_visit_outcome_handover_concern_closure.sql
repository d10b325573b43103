-- +goose Up
-- modify "visits" table
ALTER TABLE "visits" ADD COLUMN "outcome" character varying NULL, ADD COLUMN "outcome_reason" text NULL, ADD COLUMN "handover" text NULL;
-- modify "concerns" table
ALTER TABLE "concerns" ADD COLUMN "closed_at" timestamptz NULL, ADD COLUMN "actions_taken" text NULL, ADD COLUMN "section42_decision" character varying NULL, ADD COLUMN "outcome" text NULL, ADD COLUMN "closed_by_id" character varying NULL, ADD CONSTRAINT "concerns_accounts_closed_by" FOREIGN KEY ("closed_by_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- create index "concern_person_id_closed_at" to table: "concerns"
CREATE INDEX "concern_person_id_closed_at" ON "concerns" ("person_id", "closed_at");

-- +goose Down
-- reverse: create index "concern_person_id_closed_at" to table: "concerns"
DROP INDEX "concern_person_id_closed_at";
-- reverse: modify "concerns" table
ALTER TABLE "concerns" DROP CONSTRAINT "concerns_accounts_closed_by", DROP COLUMN "closed_by_id", DROP COLUMN "outcome", DROP COLUMN "section42_decision", DROP COLUMN "actions_taken", DROP COLUMN "closed_at";
-- reverse: modify "visits" table
ALTER TABLE "visits" DROP COLUMN "handover", DROP COLUMN "outcome_reason", DROP COLUMN "outcome";
