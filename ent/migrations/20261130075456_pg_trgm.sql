-- Finding anyone (issue 12) matches names and postcodes by trigram
-- similarity (pg_trgm, a trusted extension shipped with PostgreSQL), so a
-- misspelt surname still finds its person; the next migration indexes them.
-- Atlas cannot express an extension, so this file is written by hand.
-- Identifiers recorded before the model layer normalised them are brought
-- to the stored form (ent/identity): ten digits, and "LA9 4QT".
-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;
UPDATE persons SET nhs_number = NULLIF(regexp_replace(nhs_number, '[[:space:]-]', '', 'g'), '')
  WHERE nhs_number ~ '[[:space:]-]' OR nhs_number = '';
UPDATE persons SET postcode = regexp_replace(upper(regexp_replace(postcode, '[[:space:]]', '', 'g')), '^(.+)(...)$', '\1 \2')
  WHERE upper(regexp_replace(postcode, '[[:space:]]', '', 'g')) ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$';

-- +goose Down
DROP EXTENSION IF EXISTS pg_trgm;
