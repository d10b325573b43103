-- +goose Up
-- create index "concern_kind_acknowledged_at" to table: "concerns"
CREATE INDEX "concern_kind_acknowledged_at" ON "concerns" ("kind", "acknowledged_at");
-- create index "concern_visit_id" to table: "concerns"
CREATE INDEX "concern_visit_id" ON "concerns" ("visit_id");
-- create index "progress_visit_id" to table: "progresses"
CREATE INDEX "progress_visit_id" ON "progresses" ("visit_id");

-- +goose Down
-- reverse: create index "progress_visit_id" to table: "progresses"
DROP INDEX "progress_visit_id";
-- reverse: create index "concern_visit_id" to table: "concerns"
DROP INDEX "concern_visit_id";
-- reverse: create index "concern_kind_acknowledged_at" to table: "concerns"
DROP INDEX "concern_kind_acknowledged_at";
