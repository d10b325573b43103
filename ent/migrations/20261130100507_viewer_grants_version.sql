-- +goose Up
-- modify "accounts" table
ALTER TABLE "accounts" ADD COLUMN "grants_version" bigint NOT NULL DEFAULT 0;

-- +goose Down
-- reverse: modify "accounts" table
ALTER TABLE "accounts" DROP COLUMN "grants_version";
