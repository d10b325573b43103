package graph

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"

	entsql "entgo.io/ent/dialect/sql"

	"reablement/ent/disclosure"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/viewer"
	"reablement/graph/model"
)

// Statistics for analysts (issue 15): every answer is one SQL statement
// that aggregates the whole authority's coded fields and counts, for each
// cell, the distinct people in it and in the same cell of every question
// with fewer filters or a shorter period; disclosure.Control then decides
// what may be shown. Nothing leaves the database row by row, and no free
// text or identifying field is ever read.

// Bounds of a statistics question.
const (
	statsMaxGroups  = 3
	statsMaxFilters = 3
	statsMaxValue   = 40
)

var monthPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// statsAlias finds a table alias read in a statement's SQL ("p." but not
// "vp."), so a statement joins only the tables its question reads.
var statsAlias = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, a := range []string{"a", "p", "pl", "tt", "ts"} {
		m[a] = regexp.MustCompile(`\b` + a + `\.`)
	}
	return m
}()

// statsQuestion is one question as asked.
type statsQuestion struct {
	subject model.StatisticsSubject
	groups  []model.StatisticsDimension
	filters []model.StatisticsFilter
	period  *model.StatisticsPeriod
	basis   model.StatisticsPeriodBasis
	// value is the duration measured (durations), num and den the rate's
	// populations (rates); all SQL over the base row.
	value, num, den string
	// join is any further join the measure reads (over pl, the plan).
	join string
}

// statsRow is one cell as the statement answers it.
type statsRow struct {
	key                 []string
	total               bool
	units, people       int
	wider               []int
	first, last, months int
	numUnits, numPeople int
	numWider            []int
	numFirst, numLast   int
	numMonths           int
	q1, q2, q3          sql.NullFloat64
}

// mayAnalyse refuses anyone but an analyst (or the statutory-returns role,
// whose work includes the measures).
func mayAnalyse(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil || !policy.MayAnalyse(v.Viewer) {
		return nil, fault.New(fault.Forbidden, "Statistics are for analysts. Ask your council's analysts for the figures you need.")
	}
	return v, nil
}

// dimensionSQL is each dimension's coded value over the base row.
func dimensionSQL(d model.StatisticsDimension, subject model.StatisticsSubject) string {
	switch d {
	case model.StatisticsDimensionStatus:
		if subject == model.StatisticsSubjectVisits {
			return "v.status"
		}
		return "pl.status"
	case model.StatisticsDimensionReferralMonth:
		return "to_char(e.referral_received_on AT TIME ZONE 'UTC', 'YYYY-MM')"
	case model.StatisticsDimensionStartMonth:
		return "to_char(pl.commenced_at AT TIME ZONE $2, 'YYYY-MM')"
	case model.StatisticsDimensionEndMonth:
		return "to_char(pl.ended_at AT TIME ZONE $2, 'YYYY-MM')"
	case model.StatisticsDimensionEndReason:
		return "pl.end_reason"
	case model.StatisticsDimensionAgeBand:
		return `CASE WHEN a.age < 18 THEN 'under 18' WHEN a.age < 65 THEN '18-64' WHEN a.age < 75 THEN '65-74' WHEN a.age < 85 THEN '75-84' ELSE '85+' END`
	case model.StatisticsDimensionTeam:
		return "tt.name"
	case model.StatisticsDimensionService:
		return "ts.name"
	case model.StatisticsDimensionReferralRoute:
		return "e.referral_route"
	case model.StatisticsDimensionSequel:
		return "e.sequel"
	case model.StatisticsDimensionOutcomeAchievement:
		return "oa.achievement"
	case model.StatisticsDimensionNeedsCategory:
		return "nc.effect"
	}
	return "NULL"
}

// monthSQL is the month a row falls in for the period.
func monthSQL(b model.StatisticsPeriodBasis, subject model.StatisticsSubject) string {
	if subject == model.StatisticsSubjectVisits {
		return "to_char(v.starts_at AT TIME ZONE $2, 'YYYY-MM')"
	}
	switch b {
	case model.StatisticsPeriodBasisStart:
		return dimensionSQL(model.StatisticsDimensionStartMonth, subject)
	case model.StatisticsPeriodBasisEnd:
		return dimensionSQL(model.StatisticsDimensionEndMonth, subject)
	}
	return dimensionSQL(model.StatisticsDimensionReferralMonth, subject)
}

// check refuses a question the statistics cannot answer safely or at all.
func (q *statsQuestion) check() error {
	if len(q.groups) > statsMaxGroups {
		return fault.Invalid("groupBy", "Group by at most %d fields at once.", statsMaxGroups)
	}
	seen := map[model.StatisticsDimension]bool{}
	for _, g := range q.groups {
		if !g.IsValid() {
			return fault.Invalid("groupBy", "%s is not a field statistics can be grouped by.", g)
		}
		if seen[g] {
			return fault.Invalid("groupBy", "Group by %s once.", g)
		}
		seen[g] = true
	}
	if len(q.filters) > statsMaxFilters {
		return fault.Invalid("where", "Use at most %d filters at once.", statsMaxFilters)
	}
	for _, f := range q.filters {
		if !f.Dimension.IsValid() || len(f.Value) > statsMaxValue {
			return fault.Invalid("where", "Filter by a coded field and one of its values, as the statistics show them.")
		}
	}
	if q.period != nil {
		if !monthPattern.MatchString(q.period.From) || !monthPattern.MatchString(q.period.To) {
			return fault.Invalid("period", "Give the period as whole months, YYYY-MM to YYYY-MM.")
		}
		if q.period.From > q.period.To {
			return fault.Invalid("period.to", "The period ends before it starts: give the earlier month first.")
		}
		if q.period.Basis != nil {
			q.basis = *q.period.Basis
		}
	}
	return nil
}

// statement builds the one SQL statement that answers q, with its arguments.
func (q *statsQuestion) statement(authorityID, tz string) (string, []any) {
	args := []any{authorityID, tz}
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }

	used := map[model.StatisticsDimension]bool{}
	for _, g := range q.groups {
		used[g] = true
	}
	for _, f := range q.filters {
		used[f.Dimension] = true
	}
	// The base: one row per unit (an episode, or a visit), expanded by an
	// episode's outcomes or needs only when those are asked about. An
	// episode's current plan is its one version not SUPERSEDED (R25) and
	// not an amendment draft still being made (which has supersedes_id and
	// is a DRAFT until agreed), a hash join rather than a lookup per episode.
	var b strings.Builder
	unit := "e.id"
	if q.subject == model.StatisticsSubjectVisits {
		unit = "v.id"
	}
	// The month is read only for a period (the months check); a visit's
	// month alone is a time-zone conversion of every visit.
	month := "'0000-00'"
	if q.period != nil {
		month = fmt.Sprintf("COALESCE(%s, '0000-00')", monthSQL(q.basis, q.subject))
	}
	fmt.Fprintf(&b, "SELECT e.person_id AS person, %s AS unit, %s AS m, $2::text AS tz", unit, month)
	for i, g := range q.groups {
		fmt.Fprintf(&b, ", COALESCE(%s, 'NOT_RECORDED') AS g%d", dimensionSQL(g, q.subject), i)
	}
	for i, f := range q.filters {
		fmt.Fprintf(&b, ", COALESCE(%s, 'NOT_RECORDED') = %s AS f%d", dimensionSQL(f.Dimension, q.subject), arg(f.Value), i)
	}
	pop := "true"
	if q.den != "" {
		pop = "den"
		fmt.Fprintf(&b, ", %s AS den, %s AS num", q.den, q.num)
	}
	if q.value != "" {
		pop = "val IS NOT NULL"
		fmt.Fprintf(&b, ", (%s)::float8 AS val", q.value)
	}
	// The joins over the plan the question reads: the measure's own, and
	// an episode's outcomes or needs when grouped or filtered by them.
	planJoins := q.join
	if used[model.StatisticsDimensionOutcomeAchievement] {
		planJoins += ` LEFT JOIN (SELECT DISTINCT plan_id, achievement FROM outcomes WHERE authority_id = $1) oa ON oa.plan_id = pl.id`
	}
	if used[model.StatisticsDimensionNeedsCategory] {
		planJoins += ` LEFT JOIN (SELECT DISTINCT pn.plan_id, n.effect FROM plan_needs pn JOIN needs n ON n.id = pn.need_id WHERE n.authority_id = $1) nc ON nc.plan_id = pl.id`
	}
	// Only what the question reads is joined: the person for an age band or
	// a team, a team's or service's name when grouped or filtered by it,
	// and, for visits, the episode's current plan.
	read := b.String() + planJoins
	if q.period != nil { // the period's condition reads the month too
		read += monthSQL(q.basis, q.subject)
	}
	reads := func(alias string) bool { return statsAlias[alias].MatchString(read) }
	needAge, needTeam, needService := reads("a"), reads("tt"), reads("ts")
	needPerson := needAge || needTeam || reads("p")
	// A visit's service is the service of the plan version it was made
	// under, the one that delivered it.
	visits := q.subject == model.StatisticsSubjectVisits
	serviceOf := "pl"
	if visits {
		serviceOf = "vp"
	}
	needPlan := !visits || reads("pl")
	if visits {
		b.WriteString(` FROM visits v JOIN plans vp ON vp.id = v.plan_id JOIN episodes e ON e.person_id = vp.person_id AND e.episode = vp.episode`)
	} else {
		b.WriteString(` FROM episodes e`)
	}
	if needPerson {
		b.WriteString(` JOIN persons p ON p.id = e.person_id`)
	}
	if needPlan {
		b.WriteString(`
		JOIN plans pl ON pl.person_id = e.person_id AND pl.episode = e.episode AND pl.status <> 'SUPERSEDED' AND NOT (pl.status = 'DRAFT' AND pl.supersedes_id IS NOT NULL)`)
	}
	if needTeam {
		b.WriteString(` LEFT JOIN teams tt ON tt.id = p.team_id`)
	}
	if needService {
		b.WriteString(` LEFT JOIN teams ts ON ts.id = ` + serviceOf + `.service_team_id`)
	}
	if needAge {
		b.WriteString(` CROSS JOIN LATERAL (SELECT date_part('year', age(COALESCE(e.referral_received_on, now()), p.date_of_birth))::int AS age) a`)
	}
	b.WriteString(planJoins)
	if q.subject == model.StatisticsSubjectVisits {
		b.WriteString(` WHERE v.authority_id = $1`)
	} else {
		b.WriteString(` WHERE e.authority_id = $1`)
	}
	if q.period != nil {
		fmt.Fprintf(&b, " AND %s BETWEEN %s AND %s", monthSQL(q.basis, q.subject), arg(q.period.From), arg(q.period.To))
	}

	// Conditions: all the filters, and every proper subset of them.
	all := cond(len(q.filters), 1<<len(q.filters)-1)
	var subsets []string
	for s := 0; s < 1<<len(q.filters)-1; s++ {
		subsets = append(subsets, cond(len(q.filters), s))
	}
	groups := make([]string, len(q.groups))
	for i := range q.groups {
		groups[i] = fmt.Sprintf("g%d", i)
	}
	gl := strings.Join(groups, ", ")
	isTotal, msets := "true", "m"
	if len(groups) > 0 {
		isTotal = fmt.Sprintf("GROUPING(%s) <> 0", gl)
		msets = fmt.Sprintf("GROUPING SETS ((%s, m), (m))", gl)
	}
	sel := func(prefix string) string {
		var s []string
		for _, g := range groups {
			s = append(s, prefix+g)
		}
		return strings.Join(append(s, ""), ", ")
	}

	// People are counted in two steps, without DISTINCT aggregates (which
	// sort): first one row per group and person with what holds for them,
	// then the groups count those rows. The total is counted per person
	// alone, since a person may be in several groups.
	units := "count(*)"
	if used[model.StatisticsDimensionOutcomeAchievement] || used[model.StatisticsDimensionNeedsCategory] {
		units = "count(DISTINCT unit)" // an episode is one row per outcome or need
	}
	flags := func() string {
		var f strings.Builder
		fmt.Fprintf(&f, "count(*) FILTER (WHERE %s AND %s) AS u, bool_or(%s AND %s) AS a", all, pop, all, pop)
		for i, sub := range subsets {
			fmt.Fprintf(&f, ", bool_or(%s AND %s) AS s%d", sub, pop, i)
		}
		if q.num != "" {
			fmt.Fprintf(&f, ", count(*) FILTER (WHERE %s AND num) AS un, bool_or(%s AND num) AS an", all, all)
			for i, sub := range subsets {
				fmt.Fprintf(&f, ", bool_or(%s AND num) AS n%d", sub, i)
			}
		}
		return f.String()
	}
	counts := func(units, numUnits string) string {
		var f strings.Builder
		fmt.Fprintf(&f, "%s, count(*) FILTER (WHERE a)", units)
		for i := range subsets {
			fmt.Fprintf(&f, ", count(*) FILTER (WHERE s%d)", i)
		}
		if q.num != "" {
			fmt.Fprintf(&f, ", %s, count(*) FILTER (WHERE an)", numUnits)
			for i := range subsets {
				fmt.Fprintf(&f, ", count(*) FILTER (WHERE n%d)", i)
			}
		}
		return f.String()
	}
	var c strings.Builder
	if len(groups) > 0 {
		fmt.Fprintf(&c, "SELECT %sfalse AS is_total, %s FROM (SELECT %sperson, %s FROM b GROUP BY %s, person) p1 GROUP BY %s UNION ALL ",
			sel(""), counts("sum(u)::bigint", "sum(un)::bigint"), sel(""), flags(), gl, gl)
	}
	totalUnits := fmt.Sprintf("(SELECT %s FROM b WHERE %s AND %s)", units, all, pop)
	totalNum := "0"
	if q.num != "" {
		totalNum = fmt.Sprintf("(SELECT %s FROM b WHERE %s AND num)", units, all)
	}
	fmt.Fprintf(&c, "SELECT %strue AS is_total, %s FROM (SELECT person, %s FROM b GROUP BY person) p0",
		strings.Repeat("NULL, ", len(groups)), counts(totalUnits, totalNum), flags())

	on := []string{"c.is_total = e.is_total"}
	for _, g := range groups {
		on = append(on, fmt.Sprintf("c.%s IS NOT DISTINCT FROM e.%s", g, g))
	}
	with := fmt.Sprintf("WITH b AS (%s), c AS (%s)", b.String(), c.String())
	final := "SELECT c.*, 0, 0, 0, 0, 0, 0"
	from := " FROM c"
	if q.period != nil {
		// The period check (disclosure.Cell's FirstMonth and LastMonth):
		// people per group and month of the months asked.
		var mo strings.Builder
		fmt.Fprintf(&mo, "SELECT %s%s AS is_total, m, count(DISTINCT person) FILTER (WHERE %s AND %s) AS p", sel(""), isTotal, all, pop)
		if q.num != "" {
			fmt.Fprintf(&mo, ", count(DISTINCT person) FILTER (WHERE %s AND num) AS pn", all)
		} else {
			mo.WriteString(", 0 AS pn")
		}
		fmt.Fprintf(&mo, " FROM b GROUP BY %s", msets)
		edges := fmt.Sprintf(`SELECT %sis_total,
			COALESCE((array_agg(p ORDER BY m) FILTER (WHERE p > 0))[1], 0) AS pf, COALESCE((array_agg(p ORDER BY m DESC) FILTER (WHERE p > 0))[1], 0) AS pl, count(*) FILTER (WHERE p > 0) AS pm,
			COALESCE((array_agg(pn ORDER BY m) FILTER (WHERE pn > 0))[1], 0) AS nf, COALESCE((array_agg(pn ORDER BY m DESC) FILTER (WHERE pn > 0))[1], 0) AS nl, count(*) FILTER (WHERE pn > 0) AS nm
			FROM mo GROUP BY %sis_total`, sel(""), sel(""))
		with += fmt.Sprintf(", mo AS (%s), e AS (%s)", mo.String(), edges)
		final = "SELECT c.*, COALESCE(e.pf, 0), COALESCE(e.pl, 0), COALESCE(e.pm, 0), COALESCE(e.nf, 0), COALESCE(e.nl, 0), COALESCE(e.nm, 0)"
		from = " FROM c LEFT JOIN e ON " + strings.Join(on, " AND ")
	}
	if q.value != "" {
		// Quartiles over each unit once: an episode expanded by its outcomes
		// or needs counts once in the total.
		var pc strings.Builder
		fmt.Fprintf(&pc, "SELECT %sfalse AS is_total, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY val) AS q FROM b WHERE %s AND val IS NOT NULL", sel(""), all)
		if len(groups) > 0 {
			fmt.Fprintf(&pc, " GROUP BY %s", gl)
		}
		nulls := strings.Repeat("NULL, ", len(groups))
		once := "b"
		if units != "count(*)" {
			once = "(SELECT DISTINCT ON (unit) * FROM b)"
		}
		fmt.Fprintf(&pc, " UNION ALL SELECT %strue, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY val) FROM %s u WHERE %s AND val IS NOT NULL", nulls, once, all)
		with += fmt.Sprintf(", pc AS (%s)", pc.String())
		final += ", pc.q[1], pc.q[2], pc.q[3]"
		pon := []string{"c.is_total = pc.is_total"}
		for _, g := range groups {
			pon = append(pon, fmt.Sprintf("c.%s IS NOT DISTINCT FROM pc.%s", g, g))
		}
		from += " LEFT JOIN pc ON " + strings.Join(pon, " AND ")
	}
	return with + " " + final + from, args
}

// cond is the conjunction of the filters whose bits are set in mask.
func cond(n, mask int) string {
	var parts []string
	for i := range n {
		if mask&(1<<i) != 0 {
			parts = append(parts, fmt.Sprintf("f%d", i))
		}
	}
	if len(parts) == 0 {
		return "true"
	}
	return "(" + strings.Join(parts, " AND ") + ")"
}

// run asks the database q's one statement, on the request's own client (so
// whatever routes analysts' reads routes these too), and reads its cells.
func (r *Resolver) runStatistics(ctx context.Context, q *statsQuestion) ([]*statsRow, error) {
	v, err := mayAnalyse(ctx)
	if err != nil {
		return nil, err
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	tz := "UTC"
	if v.Location != nil {
		tz = v.Location.String()
	}
	query, args := q.statement(v.AuthorityID, tz)
	nsub := 1<<len(q.filters) - 1
	var out []*statsRow
	return out, r.aggregate(ctx, query, args, func(rows *entsql.Rows) error {
		for rows.Next() {
			row := &statsRow{key: make([]string, len(q.groups)), wider: make([]int, nsub)}
			var keys = make([]sql.NullString, len(q.groups))
			dest := []any{}
			for i := range keys {
				dest = append(dest, &keys[i])
			}
			dest = append(dest, &row.total, &row.units, &row.people)
			for i := range row.wider {
				dest = append(dest, &row.wider[i])
			}
			if q.num != "" {
				row.numWider = make([]int, nsub)
				dest = append(dest, &row.numUnits, &row.numPeople)
				for i := range row.numWider {
					dest = append(dest, &row.numWider[i])
				}
			}
			dest = append(dest, &row.first, &row.last, &row.months, &row.numFirst, &row.numLast, &row.numMonths)
			if q.value != "" {
				dest = append(dest, &row.q1, &row.q2, &row.q3)
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			for i, k := range keys {
				row.key[i] = k.String
			}
			out = append(out, row)
		}
		return nil
	})
}

// aggregate runs one statistics statement on the request's client (so
// whatever routes analysts' reads routes these too), in a read-only
// transaction of its own. The pool's connections never JIT-compile
// (server/app.WithoutJIT): these statements are costed high enough for
// PostgreSQL to, and compiling took longer than running them.
func (r *Resolver) aggregate(ctx context.Context, query string, args []any, read func(*entsql.Rows) error) (err error) {
	tx, err := r.ent(ctx).Driver().Tx(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		} else {
			err = tx.Commit()
		}
	}()
	if err := tx.Exec(ctx, "SET TRANSACTION READ ONLY", []any{}, nil); err != nil {
		return err
	}
	rows := &entsql.Rows{}
	if err := tx.Query(ctx, query, args, rows); err != nil {
		return err
	}
	defer rows.Close()
	if err := read(rows); err != nil {
		return err
	}
	return rows.Err()
}

// judged is a question's cells after disclosure control: the rows (with
// anyone in them) and the total, each with its cell (and the numerator's).
type judged struct {
	rows, total       *statsRow
	cells             []*statsRow
	people, numerator []*disclosure.Cell
	peopleTotal       *disclosure.Cell
	numeratorTotal    *disclosure.Cell
}

// judge applies the disclosure control to the cells of one answer.
func judge(ctl disclosure.Control, q *statsQuestion, rows []*statsRow) *judged {
	j := &judged{}
	cell := func(r *statsRow, num bool) *disclosure.Cell {
		if num {
			return &disclosure.Cell{Key: r.key, People: r.numPeople, Wider: r.numWider, FirstMonth: r.numFirst, LastMonth: r.numLast, Months: r.numMonths}
		}
		return &disclosure.Cell{Key: r.key, People: r.people, Wider: r.wider, FirstMonth: r.first, LastMonth: r.last, Months: r.months}
	}
	for _, r := range rows {
		if r.total {
			j.total = r
			continue
		}
		if r.units == 0 && r.people == 0 {
			continue // a group only the wider questions have anyone in
		}
		j.cells = append(j.cells, r)
	}
	if j.total == nil {
		j.total = &statsRow{key: []string{}}
	}
	if q.period == nil {
		// Without a period the answer covers all time; the period check
		// guards the months an analyst chose (see disclosure.Cell).
		for _, r := range append(slices.Clone(j.cells), j.total) {
			r.months, r.numMonths = 0, 0
		}
	}
	for _, r := range j.cells {
		j.people = append(j.people, cell(r, false))
	}
	j.peopleTotal = cell(j.total, false)
	ctl.Judge(j.people, j.peopleTotal, len(q.groups))
	if q.num != "" {
		for _, r := range j.cells {
			j.numerator = append(j.numerator, cell(r, true))
		}
		j.numeratorTotal = cell(j.total, true)
		ctl.Judge(j.numerator, j.numeratorTotal, len(q.groups))
	}
	return j
}

func statsGroups(q *statsQuestion, key []string) []model.StatisticsGroup {
	out := make([]model.StatisticsGroup, 0, len(key))
	for i, k := range key {
		if i < len(q.groups) {
			out = append(out, model.StatisticsGroup{Dimension: q.groups[i], Value: k})
		}
	}
	return out
}

func suppressionReason(c ...*disclosure.Cell) *model.SuppressionReason {
	for _, x := range c {
		if x != nil && x.Suppressed() {
			r := model.SuppressionReason(x.Reason)
			return &r
		}
	}
	return nil
}

func (r *Resolver) disclosureControl() disclosure.Control {
	if r.Disclosure.RoundTo == 0 {
		return disclosure.Default
	}
	return r.Disclosure
}

func controlModel(c disclosure.Control) *model.DisclosureControl {
	return &model.DisclosureControl{Threshold: c.Threshold, RoundTo: c.RoundTo, Method: c.Method()}
}

// statisticsCounts answers statisticsCounts.
func (r *Resolver) statisticsCounts(ctx context.Context, subject model.StatisticsSubject, groupBy []model.StatisticsDimension, where []model.StatisticsFilter, period *model.StatisticsPeriod) (*model.StatisticsCounts, error) {
	q := &statsQuestion{subject: subject, groups: groupBy, filters: where, period: period, basis: model.StatisticsPeriodBasisReferral}
	if subject == model.StatisticsSubjectPlans {
		q.basis = model.StatisticsPeriodBasisStart
	}
	rows, err := r.runStatistics(ctx, q)
	if err != nil {
		return nil, err
	}
	ctl := r.disclosureControl()
	j := judge(ctl, q, rows)
	count := func(row *statsRow, c *disclosure.Cell) model.StatisticsCount {
		return model.StatisticsCount{Group: statsGroups(q, row.key), Count: ctl.Shown(c, row.units), Display: ctl.Display(c, row.units), Suppressed: suppressionReason(c)}
	}
	out := &model.StatisticsCounts{Subject: subject, DisclosureControl: controlModel(ctl), Rows: []model.StatisticsCount{}}
	for i, row := range j.cells {
		out.Rows = append(out.Rows, count(row, j.people[i]))
	}
	t := count(j.total, j.peopleTotal)
	out.Total = &t
	out.Notes = ctl.Notes(j.people, j.peopleTotal)
	return out, nil
}

// durationSQL is each duration in days over the base row.
var durationSQL = map[model.DurationMeasure]string{
	model.DurationMeasureReferralToStart:     "CASE WHEN pl.commenced_at IS NOT NULL THEN (pl.commenced_at AT TIME ZONE $2)::date - (e.referral_received_on AT TIME ZONE 'UTC')::date END",
	model.DurationMeasureStartToEnd:          "CASE WHEN pl.commenced_at IS NOT NULL AND pl.ended_at IS NOT NULL THEN (pl.ended_at AT TIME ZONE $2)::date - (pl.commenced_at AT TIME ZONE $2)::date END",
	model.DurationMeasurePlannedVersusActual: "CASE WHEN pl.commenced_at IS NOT NULL AND pl.ended_at IS NOT NULL AND pl.planned_end IS NOT NULL THEN (pl.ended_at AT TIME ZONE $2)::date - (pl.planned_end AT TIME ZONE 'UTC')::date END",
}

// statisticsDurations answers statisticsDurations.
func (r *Resolver) statisticsDurations(ctx context.Context, measure model.DurationMeasure, groupBy []model.StatisticsDimension, where []model.StatisticsFilter, period *model.StatisticsPeriod) (*model.StatisticsDurations, error) {
	q := &statsQuestion{subject: model.StatisticsSubjectReferrals, groups: groupBy, filters: where, period: period, basis: model.StatisticsPeriodBasisEnd, value: durationSQL[measure]}
	if measure == model.DurationMeasureReferralToStart {
		q.basis = model.StatisticsPeriodBasisStart
	}
	if q.value == "" {
		return nil, fault.Invalid("measure", "%s is not a duration the statistics measure.", measure)
	}
	rows, err := r.runStatistics(ctx, q)
	if err != nil {
		return nil, err
	}
	ctl := r.disclosureControl()
	j := judge(ctl, q, rows)
	duration := func(row *statsRow, c *disclosure.Cell) model.StatisticsDuration {
		d := model.StatisticsDuration{Group: statsGroups(q, row.key), Count: ctl.Shown(c, row.units), Suppressed: suppressionReason(c)}
		if !c.Suppressed() && row.q2.Valid {
			d.LowerQuartile, d.Median, d.UpperQuartile = &row.q1.Float64, &row.q2.Float64, &row.q3.Float64
		}
		return d
	}
	out := &model.StatisticsDurations{Measure: measure, DisclosureControl: controlModel(ctl), Rows: []model.StatisticsDuration{}}
	for i, row := range j.cells {
		out.Rows = append(out.Rows, duration(row, j.people[i]))
	}
	t := duration(j.total, j.peopleTotal)
	out.Total = &t
	out.Notes = ctl.Notes(j.people, j.peopleTotal)
	return out, nil
}

// rateSQL is each rate's denominator and numerator over the base row.
var rateSQL = map[model.RateMeasure][2]string{
	model.RateMeasureOutcomesAchieved: {
		"pl.status = 'ENDED' AND oc.plan_id IS NOT NULL",
		"pl.status = 'ENDED' AND COALESCE(oc.achieved, false)",
	},
	model.RateMeasureEndedEarly:      {"e.sequel IS NOT NULL", "e.sequel = 'ENDED_EARLY'"},
	model.RateMeasureLongTermSupport: {"e.sequel IS NOT NULL", "e.sequel LIKE 'LONG_TERM_%'"},
}

// statisticsRates answers statisticsRates.
func (r *Resolver) statisticsRates(ctx context.Context, measure model.RateMeasure, groupBy []model.StatisticsDimension, where []model.StatisticsFilter, period *model.StatisticsPeriod) (*model.StatisticsRates, error) {
	s, ok := rateSQL[measure]
	if !ok {
		return nil, fault.Invalid("measure", "%s is not a rate the statistics measure.", measure)
	}
	q := &statsQuestion{subject: model.StatisticsSubjectReferrals, groups: groupBy, filters: where, period: period, basis: model.StatisticsPeriodBasisEnd, den: s[0], num: s[1]}
	if measure == model.RateMeasureOutcomesAchieved {
		q.join = ` LEFT JOIN (SELECT plan_id, bool_and(achievement = 'ACHIEVED') AS achieved FROM outcomes WHERE authority_id = $1 GROUP BY plan_id) oc ON oc.plan_id = pl.id`
	}
	rows, err := r.runStatistics(ctx, q)
	if err != nil {
		return nil, err
	}
	ctl := r.disclosureControl()
	j := judge(ctl, q, rows)
	rate := func(row *statsRow, den, num *disclosure.Cell) model.StatisticsRate {
		out := model.StatisticsRate{Group: statsGroups(q, row.key), Denominator: ctl.Shown(den, row.units), Numerator: ctl.Shown(num, row.numUnits), Suppressed: suppressionReason(den, num)}
		if out.Numerator != nil && out.Denominator != nil {
			out.Percent = disclosure.Percent(*out.Numerator, *out.Denominator)
		}
		return out
	}
	out := &model.StatisticsRates{Measure: measure, DisclosureControl: controlModel(ctl), Rows: []model.StatisticsRate{}}
	for i, row := range j.cells {
		out.Rows = append(out.Rows, rate(row, j.people[i], j.numerator[i]))
	}
	t := rate(j.total, j.peopleTotal, j.numeratorTotal)
	out.Total = &t
	out.Notes = append(ctl.Notes(j.people, j.peopleTotal), ctl.Notes(j.numerator, j.numeratorTotal)[:0]...)
	for _, n := range ctl.Notes(j.numerator, j.numeratorTotal) {
		if !strings.HasPrefix(n, "Every other count") {
			out.Notes = append(out.Notes, "Numerator: "+n)
		}
	}
	return out, nil
}
