-- A registered manager's lists are scoped to the people their services
-- deliver to (person_id IN the services' plans), and a service's visits to
-- its plans' ids. With an index on service_team_id alone, PostgreSQL read
-- every plan row of the service for each (30 ms at make load's 15,000 plans
-- a service; plan versions only accumulate). This index holds the person
-- and the plan's id too, so both are read from the index alone; it
-- replaces the service_team_id index rather than adding one more to every
-- plan written.
--
-- Built CONCURRENTLY, outside a transaction, so plans can be written while
-- it builds; the old index is dropped only once the new one is there. A
-- build that failed part way leaves an invalid index of this name behind,
-- so it is dropped first.
-- +goose NO TRANSACTION
-- +goose Up
DROP INDEX CONCURRENTLY IF EXISTS "plan_service_team_id_person_id";
CREATE INDEX CONCURRENTLY "plan_service_team_id_person_id" ON "plans" ("service_team_id", "person_id") INCLUDE ("id");
DROP INDEX CONCURRENTLY IF EXISTS "plan_service_team_id";

-- +goose Down
CREATE INDEX CONCURRENTLY IF NOT EXISTS "plan_service_team_id" ON "plans" ("service_team_id");
DROP INDEX CONCURRENTLY IF EXISTS "plan_service_team_id_person_id";
