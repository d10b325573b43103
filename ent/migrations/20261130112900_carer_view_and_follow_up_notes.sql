-- +goose Up
-- modify "advices" table
ALTER TABLE "advices" ADD COLUMN "follow_up_notes" text NULL;
-- modify "carers" table
ALTER TABLE "carers" ADD COLUMN "own_view" text NULL;

-- +goose Down
-- reverse: modify "carers" table
ALTER TABLE "carers" DROP COLUMN "own_view";
-- reverse: modify "advices" table
ALTER TABLE "advices" DROP COLUMN "follow_up_notes";
