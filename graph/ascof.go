package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"reablement/ent/disclosure"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/viewer"
	"reablement/graph/model"
)

// ASCOF 2A and 2D (issue 15) as the published methods compute them, on the
// council's own records: ST-Max events are the episodes' plans from the
// day reablement commenced to the day it ended (open ones to the end of
// time), clustered per person (2A: gaps of at most 1 day, as NHS England's
// replication code; 2D: at most 7 days, as DHSC's). Each measure is one
// statement answering its numerator and denominator by month.

const (
	ascof2ADefinition = "The proportion of people who received short-term support (reablement, ST-Max) in the period, not previously receiving long-term support, where no further request was made for ongoing support. ST-Max episodes with gaps of at most 1 day are one episode; it counts episodes that ended in the period. Numerator: sequels of ongoing low-level support, other short-term support or no services; denominator: those and long-term support (any setting). Early cessation for NHS-funded care or death, self-funding and support declined are left out, as the published mapping does."
	ascof2DDefinition = "The proportion of people aged 65 and over discharged from hospital in the period into reablement who remained in the community 12 weeks (91 days) after discharge. Reablement episodes with gaps of at most 7 days are one; each takes the latest discharge from 7 days before to 3 days after its start. Readmission, death, or a move into residential or nursing care counts as not remaining; a 91-day situation not yet recorded is counted in notYetKnown only."
)

// ascofMonth is one month of a measure as the statement answers it.
type ascofMonth struct {
	month                string
	num, den, unknown    int
	numPeople, denPeople int
	unknownPeople        int
}

// ascofPeriod is the period asked, by default the financial year to date:
// to today for the statutory-returns role, and for analysts, who ask by
// whole months, to the end of the last whole month (in April, before one
// has ended, the whole of the year before). The analysts' default used to
// end today, which they may not ask for on any day but a month's last.
func ascofPeriod(v *viewer.Viewer, from, to *time.Time) (time.Time, time.Time, error) {
	today := v.Today()
	end := today
	if !slices.Contains(v.Roles, policy.ReturnsOfficer) {
		end = time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	}
	start := time.Date(end.Year(), time.April, 1, 0, 0, 0, 0, time.UTC)
	if end.Before(start) {
		start = start.AddDate(-1, 0, 0)
	}
	if from != nil {
		start = *from
	}
	if to != nil {
		end = *to
	}
	if end.Before(start) {
		return start, end, fault.Invalid("to", "The period ends before it starts: give the earlier day as from.")
	}
	if slices.Contains(v.Roles, policy.ReturnsOfficer) {
		return start, end, nil
	}
	// Analysts ask by whole months, so two periods a day apart cannot
	// isolate the few episodes of that day.
	if start.Day() != 1 || end.AddDate(0, 0, 1).Day() != 1 {
		return start, end, fault.Invalid("from", "Ask for whole months: from the first day of a month to the last day of a month.")
	}
	return start, end, nil
}

// runAscof asks one measure's statement and applies disclosure control for
// analysts; the statutory-returns role, who may see the records
// themselves, gets the exact figures the return is checked against.
func (r *Resolver) runAscof(ctx context.Context, code, definition, query string, from, to *time.Time) (*model.AscofMeasure, error) {
	v, err := mayAnalyse(ctx)
	if err != nil {
		return nil, err
	}
	start, end, err := ascofPeriod(v, from, to)
	if err != nil {
		return nil, err
	}
	tz := "UTC"
	if v.Location != nil {
		tz = v.Location.String()
	}
	var months []ascofMonth
	if err := r.aggregate(ctx, query, []any{v.AuthorityID, tz, start.Format(time.DateOnly), end.Format(time.DateOnly)}, func(rows *entsql.Rows) error {
		for rows.Next() {
			var m ascofMonth
			if err := rows.Scan(&m.month, &m.num, &m.den, &m.unknown, &m.numPeople, &m.denPeople, &m.unknownPeople); err != nil {
				return err
			}
			months = append(months, m)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	out := &model.AscofMeasure{Code: code, Definition: definition, From: start, To: end}
	var num, den, unknown int
	numCell, denCell, unknownCell := &disclosure.Cell{}, &disclosure.Cell{}, &disclosure.Cell{}
	edge := func(c *disclosure.Cell, n int) {
		if n == 0 {
			return
		}
		if c.Months == 0 {
			c.FirstMonth = n
		}
		c.LastMonth = n
		c.Months++
	}
	for _, m := range months {
		num, den, unknown = num+m.num, den+m.den, unknown+m.unknown
		numCell.People += m.numPeople
		denCell.People += m.denPeople
		unknownCell.People += m.unknownPeople
		edge(numCell, m.numPeople)
		edge(denCell, m.denPeople)
		edge(unknownCell, m.unknownPeople)
	}
	if slices.Contains(v.Roles, policy.ReturnsOfficer) {
		out.Numerator, out.Denominator, out.NotYetKnown = &num, &den, &unknown
		out.Percent = disclosure.Percent(num, den)
		return out, nil
	}
	ctl := r.disclosureControl()
	for _, c := range []*disclosure.Cell{numCell, denCell, unknownCell} {
		ctl.Judge(nil, c, 0)
	}
	out.Numerator, out.Denominator, out.NotYetKnown = ctl.Shown(numCell, num), ctl.Shown(denCell, den), ctl.Shown(unknownCell, unknown)
	out.Suppressed = suppressionReason(numCell, denCell)
	if out.Numerator != nil && out.Denominator != nil {
		out.Percent = disclosure.Percent(*out.Numerator, *out.Denominator)
	}
	return out, nil
}

// stMaxEvents is the ST-Max events: each episode's current plan from the
// day it commenced to the day it ended ($2 is the authority's time zone).
const stMaxEvents = `SELECT e.person_id, e.id AS episode, e.sequel, e.ended_early_reason, e.existing_long_term_support,
		e.follow_up_situation AS situation,
		(pl.commenced_at AT TIME ZONE $2)::date AS s,
		COALESCE((pl.ended_at AT TIME ZONE $2)::date, DATE '9999-12-31') AS f,
		pl.ended_at IS NULL AS open
	FROM episodes e
	JOIN plans pl ON pl.person_id = e.person_id AND pl.episode = e.episode AND pl.status <> 'SUPERSEDED' AND NOT (pl.status = 'DRAFT' AND pl.supersedes_id IS NOT NULL)
	WHERE e.authority_id = $1 AND pl.commenced_at IS NOT NULL`

// clustered numbers each person's events into clusters: a new cluster
// starts where an event starts more than gap days after every earlier one
// ended ("islands and gaps").
func clustered(events string, gap int) string {
	return fmt.Sprintf(`SELECT *, sum(CASE WHEN prev IS NOT NULL AND s - prev <= %d THEN 0 ELSE 1 END)
			OVER (PARTITION BY person_id ORDER BY s, f, episode) AS cluster
		FROM (SELECT *, max(f) OVER (PARTITION BY person_id ORDER BY s, f, episode ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM (%s) ev) g`, gap, events)
}

// ascof2AQuery: new clients' ST-Max clusters (gaps of at most 1 day) that
// ended in the period, each classed by the sequel of its last event.
func ascof2AQuery() string {
	var values []string
	for _, o := range sequelOutcomes {
		early := "NULL::text"
		if o.early != "" {
			early = "'" + string(o.early) + "'"
		}
		values = append(values, fmt.Sprintf("('%s', %s, '%s')", o.sequel, early, o.ascof2A))
	}
	return `WITH k AS (` + clustered(stMaxEvents+` AND NOT e.existing_long_term_support`, 1) + `),
	cl AS (SELECT person_id, cluster, max(f) AS f, bool_or(open) AS open,
			(array_agg(sequel ORDER BY f DESC, s DESC))[1] AS sequel,
			(array_agg(ended_early_reason ORDER BY f DESC, s DESC))[1] AS why
		FROM k GROUP BY person_id, cluster),
	c AS (SELECT cl.*, CASE WHEN cl.sequel IS NULL THEN 'unknown' ELSE COALESCE(m.class, '') END AS class
		FROM cl LEFT JOIN (VALUES ` + strings.Join(values, ", ") + `) m(sequel, why, class)
			ON m.sequel = cl.sequel AND (m.why IS NULL OR m.why = cl.why)
		WHERE NOT cl.open AND cl.f BETWEEN $3::date AND $4::date)
	SELECT to_char(f, 'YYYY-MM'),
		count(*) FILTER (WHERE class = 'num'), count(*) FILTER (WHERE class IN ('num', 'den')), count(*) FILTER (WHERE class = 'unknown'),
		count(DISTINCT person_id) FILTER (WHERE class = 'num'), count(DISTINCT person_id) FILTER (WHERE class IN ('num', 'den')), count(DISTINCT person_id) FILTER (WHERE class = 'unknown')
	FROM c GROUP BY 1 ORDER BY 1`
}

// ascof2DQuery: reablement clusters (gaps of at most 7 days) linked to the
// latest hospital discharge from 7 days before to 3 days after their
// start, the discharge in the period and the person 65 or over then (age
// from the birth year and month, as the published code has it).
const ascof2DQuery = `WITH k AS (` + "%s" + `),
	cl AS (SELECT person_id, cluster, min(s) AS start,
			bool_or(situation IN ('RESIDENTIAL_CARE', 'NURSING_CARE', 'DIED', 'READMITTED')) AS adverse
		FROM k GROUP BY person_id, cluster),
	dis AS (SELECT e.person_id, (e.hospital_discharge_on AT TIME ZONE 'UTC')::date AS dis, e.follow_up_situation AS situation,
			date_trunc('month', (p.date_of_birth AT TIME ZONE 'UTC'))::date AS born
		FROM episodes e JOIN persons p ON p.id = e.person_id
		WHERE e.authority_id = $1 AND e.hospital_discharge_on IS NOT NULL),
	link AS (SELECT DISTINCT ON (cl.person_id, cl.cluster) cl.*, d.dis, d.situation, d.born
		FROM cl JOIN dis d ON d.person_id = cl.person_id AND d.dis BETWEEN cl.start - 7 AND cl.start + 3
		ORDER BY cl.person_id, cl.cluster, d.dis DESC),
	x AS (SELECT *, CASE WHEN adverse THEN 'den' WHEN situation = 'AT_HOME' THEN 'num' ELSE 'unknown' END AS class
		FROM link WHERE dis BETWEEN $3::date AND $4::date AND date_part('year', age(dis::timestamp, born::timestamp)) >= 65)
	SELECT to_char(dis, 'YYYY-MM'),
		count(*) FILTER (WHERE class = 'num'), count(*) FILTER (WHERE class IN ('num', 'den')), count(*) FILTER (WHERE class = 'unknown'),
		count(DISTINCT person_id) FILTER (WHERE class = 'num'), count(DISTINCT person_id) FILTER (WHERE class IN ('num', 'den')), count(DISTINCT person_id) FILTER (WHERE class = 'unknown')
	FROM x GROUP BY 1 ORDER BY 1`

func (r *Resolver) ascof2A(ctx context.Context, from, to *time.Time) (*model.AscofMeasure, error) {
	return r.runAscof(ctx, "2A", ascof2ADefinition, ascof2AQuery(), from, to)
}

func (r *Resolver) ascof2D(ctx context.Context, from, to *time.Time) (*model.AscofMeasure, error) {
	return r.runAscof(ctx, "2D", ascof2DDefinition, fmt.Sprintf(ascof2DQuery, clustered(stMaxEvents, 7)), from, to)
}
