-- +goose Up
-- create index "persons_authority_nhs_number" to table: "persons"
CREATE UNIQUE INDEX "persons_authority_nhs_number" ON "persons" ("authority_id", "nhs_number") WHERE (nhs_number IS NOT NULL);
-- create index "persons_legal_name_trgm" to table: "persons"
CREATE INDEX "persons_legal_name_trgm" ON "persons" USING gin ("legal_name" gin_trgm_ops);
-- create index "persons_postcode_trgm" to table: "persons"
CREATE INDEX "persons_postcode_trgm" ON "persons" USING gin ("postcode" gin_trgm_ops);
-- create index "persons_previous_surname_trgm" to table: "persons"
CREATE INDEX "persons_previous_surname_trgm" ON "persons" USING gin ("previous_surname" gin_trgm_ops);

-- +goose Down
-- reverse: create index "persons_previous_surname_trgm" to table: "persons"
DROP INDEX "persons_previous_surname_trgm";
-- reverse: create index "persons_postcode_trgm" to table: "persons"
DROP INDEX "persons_postcode_trgm";
-- reverse: create index "persons_legal_name_trgm" to table: "persons"
DROP INDEX "persons_legal_name_trgm";
-- reverse: create index "persons_authority_nhs_number" to table: "persons"
DROP INDEX "persons_authority_nhs_number";
