-- The viewer cache (issue 14): a server keeps each account's grants (teams,
-- a worker's visit windows, emergency access, shares) between requests and
-- reuses them only while accounts.grants_version is unchanged; the account
-- row is read on every request anyway. The database bumps the version
-- itself, in the same transaction as the change, whichever client writes:
-- a revoked share, a withdrawn consent, a moved visit or a changed team
-- takes effect on the very next request, on every server. Statement-level
-- triggers with transition tables, so a bulk insert of visits bumps each
-- worker once, not once per row. Written by hand: Atlas cannot express
-- triggers.
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION bump_grants_version(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Lock in id order first, so two writers bumping the same accounts
  -- cannot deadlock.
  PERFORM 1 FROM accounts WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE accounts SET grants_version = grants_version + 1 WHERE id = ANY(ids);
END
$$;
-- +goose StatementEnd

-- A worker's access windows come from their visits that are not cancelled.
-- +goose StatementBegin
CREATE FUNCTION visits_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT worker_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT worker_id FROM old_rows));
  ELSE
    PERFORM bump_grants_version(ARRAY(
      SELECT DISTINCT w FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.worker_id), (n.worker_id)) AS x(w)
      WHERE o.worker_id IS DISTINCT FROM n.worker_id OR o.starts_at IS DISTINCT FROM n.starts_at
         OR o.plan_id IS DISTINCT FROM n.plan_id OR o.person_id IS DISTINCT FROM n.person_id
         OR (o.status = 'CANCELLED') IS DISTINCT FROM (n.status = 'CANCELLED')));
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER visits_grants_insert AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visits_bump_grants();
CREATE TRIGGER visits_grants_update AFTER UPDATE ON visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visits_bump_grants();
CREATE TRIGGER visits_grants_delete AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visits_bump_grants();

-- Team membership.
-- +goose StatementBegin
CREATE FUNCTION team_members_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT account_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT account_id FROM old_rows));
  ELSE
    PERFORM bump_grants_version(ARRAY(SELECT account_id FROM old_rows UNION SELECT account_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER team_members_grants_insert AFTER INSERT ON team_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_members_bump_grants();
CREATE TRIGGER team_members_grants_update AFTER UPDATE ON team_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_members_bump_grants();
CREATE TRIGGER team_members_grants_delete AFTER DELETE ON team_members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_members_bump_grants();

-- A team's manager and registered manager.
-- +goose StatementBegin
CREATE FUNCTION teams_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_grants_version(ARRAY(
      SELECT team_manager FROM new_rows WHERE team_manager IS NOT NULL
      UNION SELECT team_registered_manager FROM new_rows WHERE team_registered_manager IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_grants_version(ARRAY(
      SELECT team_manager FROM old_rows WHERE team_manager IS NOT NULL
      UNION SELECT team_registered_manager FROM old_rows WHERE team_registered_manager IS NOT NULL));
  ELSE
    PERFORM bump_grants_version(ARRAY(
      SELECT w FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.team_manager), (n.team_manager), (o.team_registered_manager), (n.team_registered_manager)) AS x(w)
      WHERE w IS NOT NULL AND (o.team_manager IS DISTINCT FROM n.team_manager
         OR o.team_registered_manager IS DISTINCT FROM n.team_registered_manager)));
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER teams_grants_insert AFTER INSERT ON teams REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION teams_bump_grants();
CREATE TRIGGER teams_grants_update AFTER UPDATE ON teams REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION teams_bump_grants();
CREATE TRIGGER teams_grants_delete AFTER DELETE ON teams REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION teams_bump_grants();

-- Emergency access (its expiry is compared with the clock on every request).
-- +goose StatementBegin
CREATE FUNCTION emergency_accesses_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT account_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT account_id FROM old_rows));
  ELSE
    PERFORM bump_grants_version(ARRAY(SELECT account_id FROM old_rows UNION SELECT account_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER emergency_accesses_grants_insert AFTER INSERT ON emergency_accesses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION emergency_accesses_bump_grants();
CREATE TRIGGER emergency_accesses_grants_update AFTER UPDATE ON emergency_accesses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION emergency_accesses_bump_grants();
CREATE TRIGGER emergency_accesses_grants_delete AFTER DELETE ON emergency_accesses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION emergency_accesses_bump_grants();

-- Shares: any change (decision, sections, expiry, revocation, recipient).
-- +goose StatementBegin
CREATE FUNCTION shares_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT recipient_account_id FROM new_rows WHERE recipient_account_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_grants_version(ARRAY(SELECT DISTINCT recipient_account_id FROM old_rows WHERE recipient_account_id IS NOT NULL));
  ELSE
    PERFORM bump_grants_version(ARRAY(
      SELECT recipient_account_id FROM old_rows WHERE recipient_account_id IS NOT NULL
      UNION SELECT recipient_account_id FROM new_rows WHERE recipient_account_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER shares_grants_insert AFTER INSERT ON shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shares_bump_grants();
CREATE TRIGGER shares_grants_update AFTER UPDATE ON shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shares_bump_grants();
CREATE TRIGGER shares_grants_delete AFTER DELETE ON shares REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shares_bump_grants();

-- A consent withdrawn (or changed) under a share ends what the share grants.
-- +goose StatementBegin
CREATE FUNCTION consents_bump_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_grants_version(ARRAY(
    SELECT DISTINCT s.recipient_account_id FROM shares s
    WHERE s.consent_id IN (SELECT id FROM new_rows) AND s.recipient_account_id IS NOT NULL));
  RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER consents_grants_update AFTER UPDATE ON consents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION consents_bump_grants();

-- +goose Down
DROP TRIGGER consents_grants_update ON consents;
DROP FUNCTION consents_bump_grants();
DROP TRIGGER shares_grants_delete ON shares;
DROP TRIGGER shares_grants_update ON shares;
DROP TRIGGER shares_grants_insert ON shares;
DROP FUNCTION shares_bump_grants();
DROP TRIGGER emergency_accesses_grants_delete ON emergency_accesses;
DROP TRIGGER emergency_accesses_grants_update ON emergency_accesses;
DROP TRIGGER emergency_accesses_grants_insert ON emergency_accesses;
DROP FUNCTION emergency_accesses_bump_grants();
DROP TRIGGER teams_grants_delete ON teams;
DROP TRIGGER teams_grants_update ON teams;
DROP TRIGGER teams_grants_insert ON teams;
DROP FUNCTION teams_bump_grants();
DROP TRIGGER team_members_grants_delete ON team_members;
DROP TRIGGER team_members_grants_update ON team_members;
DROP TRIGGER team_members_grants_insert ON team_members;
DROP FUNCTION team_members_bump_grants();
DROP TRIGGER visits_grants_delete ON visits;
DROP TRIGGER visits_grants_update ON visits;
DROP TRIGGER visits_grants_insert ON visits;
DROP FUNCTION visits_bump_grants();
DROP FUNCTION bump_grants_version(text[]);
