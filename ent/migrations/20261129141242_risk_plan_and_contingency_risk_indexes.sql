-- +goose Up
-- create index "contingency_risk_id" to table: "contingencies"
CREATE INDEX "contingency_risk_id" ON "contingencies" ("risk_id");
-- create index "risk_plan_id" to table: "risks"
CREATE INDEX "risk_plan_id" ON "risks" ("plan_id");

-- +goose Down
-- reverse: create index "risk_plan_id" to table: "risks"
DROP INDEX "risk_plan_id";
-- reverse: create index "contingency_risk_id" to table: "contingencies"
DROP INDEX "contingency_risk_id";
