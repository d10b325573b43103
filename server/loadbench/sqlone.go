package main

// The physical limit: ONE hand-written statement per answer, building the
// whole JSON document in PostgreSQL from the project's own tables and
// indexes, run by pgbench with prepared statements at the same
// concurrency. No consent, no audit, no sign-in, no HTTP: what PostgreSQL
// alone can do. Its answers are checked like the peers' before it is run.

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// oneToday answers a worker's day: __N__ is the worker's number in the
// peer schema's day_workers, __DAY__ the day. visitAddress is the
// project's rule (graph/viewer.go).
const oneToday = `WITH w AS (
  SELECT dw.worker_id AS id,
         (__DAY__::date)::timestamp AT TIME ZONE 'Europe/London' AS from_t,
         (__DAY__::date + 1)::timestamp AT TIME ZONE 'Europe/London' AS to_t
  FROM ` + peerSchema + `.day_workers dw WHERE dw.n = __N__)
SELECT json_build_object('account', (SELECT a.id FROM accounts a JOIN w ON a.id = w.id),
  'visits', coalesce((SELECT json_agg(vj ORDER BY vs, vid) FROM (
    SELECT v.starts_at AS vs, v.id AS vid, json_build_object(
      'id', v.id, 'startsAt', v.starts_at, 'durationMinutes', v.duration_minutes, 'status', v.status,
      'revision', v.revision, 'arrivedAt', v.arrived_at, 'departedAt', v.departed_at, 'notes', v.notes,
      'progress', coalesce((SELECT json_agg(json_build_object('id', g.id, 'outcomeID', g.outcome_id, 'stepID', g.step_id,
          'stepStatus', g.step_status, 'note', g.note)) FROM progresses g WHERE g.visit_id = v.id), '[]'),
      'plan', json_build_object('id', p.id, 'workerTasks', p.worker_tasks, 'fluctuatingNeeds', p.fluctuating_needs,
        'person', json_build_object('id', pe.id, 'preferredName', pe.preferred_name,
          'visitAddress', CASE WHEN btrim(coalesce(pe.visit_address, '')) <> '' THEN pe.visit_address
                               WHEN coalesce(pe.address, '') = '' THEN NULL
                               WHEN coalesce(pe.postcode, '') <> '' AND position(pe.postcode IN pe.address) = 0 THEN pe.address || ', ' || pe.postcode
                               ELSE pe.address END,
          'communicationNeeds', pe.communication_needs,
          'interpreterLanguage', pe.interpreter_language, 'autism', pe.autism, 'deafblind', pe.deafblind),
        'outcomes', coalesce((SELECT json_agg(json_build_object('id', o.id, 'statement', o.statement, 'position', o.position,
            'steps', coalesce((SELECT json_agg(json_build_object('id', s.id, 'description', s.description, 'position', s.position,
                'status', s.status) ORDER BY s.position, s.id) FROM outcome_steps s WHERE s.outcome_id = o.id), '[]'))
            ORDER BY o.position, o.id)
          FROM (SELECT * FROM outcomes WHERE outcomes.plan_id = p.id ORDER BY position, id LIMIT 100) o), '[]'),
        'risks', coalesce((SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'category', r.category,
            'description', r.description, 'likelihood', r.likelihood, 'strategy', r.strategy,
            'environmentAssessmentRequired', r.environment_assessment_required,
            'environmentAssessmentDoneAt', r.environment_assessment_done_at, 'mitigationConfirmedAt', r.mitigation_confirmed_at,
            'contingencies', coalesce((SELECT json_agg(json_build_object('id', c.id, 'trigger', c.trigger, 'measures', c.measures,
                'whoActs', c.who_acts)) FROM contingencies c WHERE c.risk_id = r.id), '[]')))
          FROM risks r WHERE r.plan_id = p.id), '[]'))) AS vj
    FROM w JOIN visits v ON v.worker_id = w.id AND v.starts_at >= w.from_t AND v.starts_at < w.to_t
    JOIN plans p ON p.id = v.plan_id JOIN persons pe ON pe.id = p.person_id) day), '[]'))`

// oneAnalyst answers the analyst's page: the first 100 plans by id with
// their coded outcomes (first 20 by position) and risks.
const oneAnalyst = `SELECT coalesce(json_agg(json_build_object('status', p.status, 'version', p.version, 'episode', p.episode,
  'outcomes', coalesce((SELECT json_agg(json_build_object('position', o.position, 'kind', o.kind, 'domain', o.domain,
      'achievement', o.achievement) ORDER BY o.position, o.id)
    FROM (SELECT * FROM outcomes WHERE outcomes.plan_id = p.id ORDER BY position, id LIMIT 20) o), '[]'),
  'risks', coalesce((SELECT json_agg(json_build_object('kind', r.kind, 'category', r.category, 'likelihood', r.likelihood,
      'environmentAssessmentRequired', r.environment_assessment_required) ORDER BY r.id)
    FROM risks r WHERE r.plan_id = p.id), '[]')) ORDER BY p.id), '[]')
FROM (SELECT * FROM plans ORDER BY id LIMIT 100) p`

// oneAnswer runs a one-statement query for a check (n: the worker's number).
func oneAnswer(ctx context.Context, db *sql.DB, q string, n int, day string) (any, error) {
	q = strings.NewReplacer("__N__", "$1::int", "__DAY__", "$2::text").Replace(q)
	var b []byte
	var err error
	if strings.Contains(q, "$1") {
		err = db.QueryRowContext(ctx, q, n, day).Scan(&b)
	} else {
		err = db.QueryRowContext(ctx, q).Scan(&b)
	}
	if err != nil {
		return nil, err
	}
	return decode(b)
}

// writeOneScript writes the pgbench script for q: a random worker of the
// day by number, the day from -D day=….
func writeOneScript(path, q string, workers int) error {
	q = strings.NewReplacer("__N__", ":n", "__DAY__", ":day").Replace(q)
	s := strings.ReplaceAll(q, "\n", " ") + ";\n"
	if strings.Contains(q, ":n") {
		s = fmt.Sprintf("\\set n random(1, %d)\n", workers) + s
	}
	return os.WriteFile(path, []byte(s), 0o644)
}
