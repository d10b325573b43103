-- +goose Up
-- modify "concerns" table
ALTER TABLE "concerns" ADD COLUMN "acknowledged_by_id" character varying NULL, ADD CONSTRAINT "concerns_accounts_acknowledged_by" FOREIGN KEY ("acknowledged_by_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "concerns" table
ALTER TABLE "concerns" DROP CONSTRAINT "concerns_accounts_acknowledged_by", DROP COLUMN "acknowledged_by_id";
