-- The viewer cache (issue 14) now keeps the account row too, so signing in
-- reads nothing: the server confirms the account is still active at the
-- cached grants_version in the statement that writes the request's audit
-- events (or in one statement of its own when nothing was disclosed), and
-- answers afresh when it is not. For that, any change to the account row
-- that the viewer is built from (its roles, its active flag, its subject,
-- its name, its person, its authority…) bumps grants_version, in the same
-- statement, whoever writes. A row trigger: an account is changed one at a
-- time, and bump_grants_version's own update (the version alone) passes
-- through unchanged. Written by hand: Atlas cannot express triggers.
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION accounts_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'grants_version' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'grants_version' - 'updated_at') THEN
    NEW.grants_version := OLD.grants_version + 1;
  END IF;
  RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER accounts_grants_update BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_bump_grants();

-- +goose Down
DROP TRIGGER accounts_grants_update ON accounts;
DROP FUNCTION accounts_bump_grants();
