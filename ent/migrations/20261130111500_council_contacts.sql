-- +goose Up
-- modify "authorities" table
ALTER TABLE "authorities" ADD COLUMN "contact_phone" character varying NOT NULL DEFAULT '', ADD COLUMN "contact_email" character varying NOT NULL DEFAULT '', ADD COLUMN "complaints_phone" character varying NOT NULL DEFAULT '', ADD COLUMN "complaints_email" character varying NOT NULL DEFAULT '', ADD COLUMN "complaints_url" character varying NOT NULL DEFAULT '';
-- modify "teams" table
ALTER TABLE "teams" ADD COLUMN "phone" character varying NOT NULL DEFAULT '';

-- +goose Down
-- reverse: modify "teams" table
ALTER TABLE "teams" DROP COLUMN "phone";
-- reverse: modify "authorities" table
ALTER TABLE "authorities" DROP COLUMN "complaints_url", DROP COLUMN "complaints_email", DROP COLUMN "complaints_phone", DROP COLUMN "contact_email", DROP COLUMN "contact_phone";
