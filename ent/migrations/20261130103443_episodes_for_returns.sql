-- +goose Up
-- create "episodes" table
CREATE TABLE "episodes" ("id" character varying NOT NULL, "authority_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "episode" bigint NOT NULL, "referral_route" character varying NULL, "referral_received_on" timestamptz NULL, "hospital_discharge_on" timestamptz NULL, "existing_long_term_support" boolean NOT NULL DEFAULT false, "sequel" character varying NULL, "ended_early_reason" character varying NULL, "follow_up_due" timestamptz NULL, "follow_up_situation" character varying NULL, "follow_up_recorded_at" timestamptz NULL, "person_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "episodes_persons_episodes" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "episode_authority_id" to table: "episodes"
CREATE INDEX "episode_authority_id" ON "episodes" ("authority_id");
-- create index "episode_follow_up_due" to table: "episodes"
CREATE INDEX "episode_follow_up_due" ON "episodes" ("follow_up_due");
-- create index "episode_person_id" to table: "episodes"
CREATE INDEX "episode_person_id" ON "episodes" ("person_id");
-- create index "episode_person_id_episode" to table: "episodes"
CREATE UNIQUE INDEX "episode_person_id_episode" ON "episodes" ("person_id", "episode");
-- issue 15: every existing episode gets its returns record, its referral
-- taken to have arrived the day its first plan was drafted (ids are
-- prefixed ULIDs: "EP", then 26 Crockford base32 digits, the first 0-7).
INSERT INTO "episodes" ("id", "authority_id", "created_at", "updated_at", "episode", "referral_received_on", "person_id")
SELECT 'EP0' || upper(substr(md5("person_id" || ':' || "episode"), 1, 25)), "authority_id", now(), now(), "episode",
       date_trunc('day', min("created_at") AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "person_id"
FROM "plans" GROUP BY "person_id", "episode", "authority_id";

-- +goose Down
-- reverse: create index "episode_person_id_episode" to table: "episodes"
DROP INDEX "episode_person_id_episode";
-- reverse: create index "episode_person_id" to table: "episodes"
DROP INDEX "episode_person_id";
-- reverse: create index "episode_follow_up_due" to table: "episodes"
DROP INDEX "episode_follow_up_due";
-- reverse: create index "episode_authority_id" to table: "episodes"
DROP INDEX "episode_authority_id";
-- reverse: create "episodes" table
DROP TABLE "episodes";
