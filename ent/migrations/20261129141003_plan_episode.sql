-- +goose Up
-- drop index "plan_person_id_version" from table: "plans"
DROP INDEX "plan_person_id_version";
-- modify "plans" table
ALTER TABLE "plans" ADD COLUMN "episode" bigint NOT NULL DEFAULT 1;
-- create index "plan_person_id_episode_version" to table: "plans"
CREATE UNIQUE INDEX "plan_person_id_episode_version" ON "plans" ("person_id", "episode", "version");

-- +goose Down
-- reverse: create index "plan_person_id_episode_version" to table: "plans"
DROP INDEX "plan_person_id_episode_version";
-- reverse: modify "plans" table
ALTER TABLE "plans" DROP COLUMN "episode";
-- reverse: drop index "plan_person_id_version" from table: "plans"
CREATE UNIQUE INDEX "plan_person_id_version" ON "plans" ("person_id", "version");
