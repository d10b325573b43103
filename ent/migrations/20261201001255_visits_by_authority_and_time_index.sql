-- A service's day and fortnight of visits, and the returns' periods, are
-- read by time across the authority: with only an index on authority_id,
-- PostgreSQL read every visit the authority has ever had (60 ms at make
-- load's 95,000 visits, and visits only accumulate). This index is read by
-- time instead, and it serves the tenant filter too, so it replaces the
-- authority_id index rather than adding one more to every visit written.
--
-- Built CONCURRENTLY, outside a transaction, so workers recording visits
-- are not blocked while it builds; the old index is dropped only once the
-- new one is there. A build that failed part way leaves an invalid index of
-- this name behind, so it is dropped first.
-- +goose NO TRANSACTION
-- +goose Up
DROP INDEX CONCURRENTLY IF EXISTS "visit_authority_id_starts_at";
CREATE INDEX CONCURRENTLY "visit_authority_id_starts_at" ON "visits" ("authority_id", "starts_at");
DROP INDEX CONCURRENTLY IF EXISTS "visit_authority_id";

-- +goose Down
CREATE INDEX CONCURRENTLY IF NOT EXISTS "visit_authority_id" ON "visits" ("authority_id");
DROP INDEX CONCURRENTLY IF EXISTS "visit_authority_id_starts_at";
