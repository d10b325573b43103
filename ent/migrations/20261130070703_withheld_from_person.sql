-- +goose Up
-- modify "persons" table
ALTER TABLE "persons" ADD COLUMN "withheld_from_person" jsonb NULL, ADD COLUMN "withholding_reason" text NULL;

-- +goose Down
-- reverse: modify "persons" table
ALTER TABLE "persons" DROP COLUMN "withholding_reason", DROP COLUMN "withheld_from_person";
