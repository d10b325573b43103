package main

// The comparison (issue 14): the project beside its best off-the-shelf peer
// (PostGraphile 5, peer.go) and the physical limit (one statement per
// answer through pgbench, sqlone.go), on the same database, the same day,
// the same workers and the same concurrency, for two workloads: a worker's
// day (the web app's MyVisits) and an analyst's page of 100 plans with
// their coded outcomes and risks. Every target's answers are compared with
// the project's, field by field (canonical.go), before it is measured; a
// target whose answers differ is not measured.

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// analystFirstPage is the analyst workload, asked by the authority's analyst
// (who may run free-form queries and sees coded fields only); the same
// document as server/apitest's statements test.
const analystFirstPage = `query Analyst { plans(first: 100) { edges { node { id status version episode
  outcomes(first: 20, orderBy: {field: POSITION, direction: ASC}) { edges { node { id position kind domain achievement } } }
  risks { id kind category likelihood environmentAssessmentRequired } } } } }`

// measured is one target's figures for one workload.
type measured struct {
	target, workload, note string
	rps, p50, p99          float64 // requests/s, ms
	statements             float64 // per request, the project only (0: not counted)
	serverCPU, dbCPU       float64 // ms per request (0: not measured)
	peakMiB                float64
	busy                   float64 // share of the machine's cores busy, every process counted
	failed                 string  // why it was not measured
}

// comparison is what compare needs from run.
type comparison struct {
	o       options
	dbURL   string // the benchmark database, as the superuser
	dbName  string
	day     string
	key     ed25519.PrivateKey
	workers []*benchWorker
	c       *client
	srv     *child
	today   measured // the project's today, measured by run
}

// checkWorkers are the workers whose days every target must answer exactly
// as the project does: the first, the middle and the last by id.
func checkWorkers(n int) []int { return []int{0, (n - 1) / 2, n - 1} }

// compare measures the project's analyst page and the peers, and prints
// the table.
func compare(ctx context.Context, cmp comparison, out io.Writer) error {
	o, c := cmp.o, cmp.c
	rows := []measured{cmp.today}
	pgPID := postmasterPID(ctx, cmp.dbURL)

	// The project's reference answers.
	refToday := make([]any, 0, 3)
	for _, i := range checkWorkers(len(cmp.workers)) {
		b, err := c.do(c.body(), cmp.workers[i].token)
		if err != nil {
			return err
		}
		v, err := decode(b)
		if err != nil {
			return err
		}
		refToday = append(refToday, projectToday(at(v, "data")))
	}
	analyst, err := analystSubject(ctx, cmp.dbURL)
	if err != nil {
		return err
	}
	analystToken, err := mint(cmp.key, analyst)
	if err != nil {
		return err
	}
	analystBody, _ := json.Marshal(map[string]any{"query": analystFirstPage})
	b, err := c.do(analystBody, analystToken)
	if err != nil {
		return fmt.Errorf("the analyst's page: %w", err)
	}
	v, err := decode(b)
	if err != nil {
		return err
	}
	refAnalyst := projectAnalyst(at(v, "data"))
	if len(list(refAnalyst.(arr))) == 0 {
		return fmt.Errorf("the analyst's page is empty: %.300s", b)
	}

	// The project's analyst page under load.
	before, err := cmp.srv.stats()
	if err != nil {
		return err
	}
	_ = cmp.srv.post("/loadbench/reset-peak")
	log.Printf("project, analyst: %d clients for %s", o.clients, o.duration)
	profileFile := ""
	if o.cpuProfile != "" {
		profileFile = o.cpuProfile + ".analyst"
	}
	projectLoad := map[string]func(time.Duration) (loadResult, error){
		"today": func(d time.Duration) (loadResult, error) { return c.load(cmp.workers, o.clients, d) },
		"analyst": func(d time.Duration) (loadResult, error) {
			return hammer(o.clients, d, func(*mrand.Rand) error { _, err := c.do(analystBody, analystToken); return err })
		},
	}
	profile := cmp.srv.profile(profileFile, o.duration)
	m := measure("project", "analyst", o, pgPID, func() (loadResult, error) { return projectLoad["analyst"](o.duration) }, func(n int) (float64, float64) {
		after, _ := cmp.srv.stats()
		return 1000 * (after.CPUSeconds - before.CPUSeconds) / float64(n), float64(after.PeakRSSKB) / 1024
	})
	if err := profile(); err != nil {
		return err
	}
	if m.failed == "" {
		// Statements per request: exact, from one request on its own.
		b0, err0 := cmp.srv.stats()
		_, err1 := c.do(analystBody, analystToken)
		a0, err2 := cmp.srv.stats()
		if err0 == nil && err1 == nil && err2 == nil {
			m.statements = float64(a0.Statements - b0.Statements)
		}
	}
	rows = append(rows, m)

	password, err := peerSetup(ctx, cmp.dbURL, cmp.dbName, cmp.workers)
	if err != nil {
		return err
	}

	var rounds []round
	if o.peers["postgraphile5"] {
		var peer []measured
		peer, rounds = comparePostGraphile(ctx, cmp, password, pgPID, refToday, refAnalyst, projectLoad)
		rows = append(rows, peer...)
	}
	if o.peers["sql-one"] {
		rows = append(rows, compareOneStatement(ctx, cmp, pgPID, refToday, refAnalyst)...)
	}
	printComparison(out, cmp, rows, rounds)
	return nil
}

// round is one alternating round: each workload's rate on the project and
// on PostGraphile, measured back to back (issue 14).
type round struct {
	project, peer map[string]float64 // req/s by workload
}

// alternate measures the project and PostGraphile back to back on each
// workload, o.alternate times, the project first in odd rounds and
// PostGraphile first in even ones, each run after a warm-up (-warmup). The
// machine's speed drifts by as much as a fifth within minutes (other
// tenants), and the table measures each target minutes apart: a ratio from
// two runs seconds apart, repeated, is the steadier figure.
func alternate(o options, project, peer map[string]func(time.Duration) (loadResult, error)) []round {
	var out []round
	for i := 1; i <= o.alternate; i++ {
		r := round{project: map[string]float64{}, peer: map[string]float64{}}
		for _, wl := range []string{"today", "analyst"} {
			type side struct {
				name  string
				load  func(time.Duration) (loadResult, error)
				rates map[string]float64
			}
			sides := []side{{"project", project[wl], r.project}, {"postgraphile5", peer[wl], r.peer}}
			if i%2 == 0 {
				sides[0], sides[1] = sides[1], sides[0] // who goes first changes every round
			}
			for _, side := range sides {
				// Warmed up as in the table: the other side just ran, and an
				// idle server's caches and heap have gone cold meanwhile.
				if _, err := side.load(o.warmup); err != nil {
					log.Printf("alternating round %d, %s, %s: warming up: %v", i, side.name, wl, err)
					return out
				}
				res, err := side.load(o.alternateFor)
				if err != nil {
					log.Printf("alternating round %d, %s, %s: %v", i, side.name, wl, err)
					return out
				}
				side.rates[wl] = float64(res.requests) / res.elapsed.Seconds()
			}
		}
		log.Printf("alternating round %d/%d: today %.0f vs %.0f req/s, analyst %.0f vs %.0f", i, o.alternate,
			r.project["today"], r.peer["today"], r.project["analyst"], r.peer["analyst"])
		out = append(out, r)
	}
	return out
}

// medianRatio is the median over rounds of the project's rate over the
// peer's on workload, with the lowest and highest.
func medianRatio(rounds []round, workload string) (median, lo, hi float64) {
	var rs []float64
	for _, r := range rounds {
		if r.peer[workload] > 0 {
			rs = append(rs, r.project[workload]/r.peer[workload])
		}
	}
	if len(rs) == 0 {
		return 0, 0, 0
	}
	slices.Sort(rs)
	n := len(rs)
	median = rs[n/2]
	if n%2 == 0 {
		median = (rs[n/2-1] + rs[n/2]) / 2
	}
	return median, rs[0], rs[n-1]
}

func comparePostGraphile(ctx context.Context, cmp comparison, password string, pgPID int, refToday []any, refAnalyst any, projectLoad map[string]func(time.Duration) (loadResult, error)) ([]measured, []round) {
	o := cmp.o
	fail := func(err error) ([]measured, []round) {
		log.Printf("postgraphile5: %v", err)
		return []measured{{target: "postgraphile5", workload: "today", failed: err.Error()}, {target: "postgraphile5", workload: "analyst", failed: err.Error()}}, nil
	}
	u, err := peerURL(cmp.dbURL, password)
	if err != nil {
		return fail(err)
	}
	log.Printf("starting PostGraphile %s", postgraphileVersion)
	p, err := startPostGraphile(o.peerDir, u)
	if err != nil {
		return fail(err)
	}
	defer p.close()
	c := &client{http: newHTTPClient(o.clients)}
	field, err := dayField(c, p.url)
	if err != nil {
		return fail(err)
	}
	todayDoc := fmt.Sprintf(peerTodayQuery, field)
	bodies := make([][]byte, len(cmp.workers))
	for i, w := range cmp.workers {
		bodies[i], _ = json.Marshal(map[string]any{"query": todayDoc, "variables": map[string]any{"worker": w.ID, "day": cmp.day}})
	}
	analystBody, _ := json.Marshal(map[string]any{"query": peerAnalystQuery})
	answer := func(body []byte, mapping func(any) any) (any, error) {
		b, err := c.post(p.url, body, "")
		if err != nil {
			return nil, err
		}
		v, err := decode(b)
		if err != nil {
			return nil, err
		}
		return mapping(at(v, "data")), nil
	}
	var out []measured
	pid := p.cmd.Process.Pid
	peerLoad := map[string]func(time.Duration) (loadResult, error){
		"today": func(d time.Duration) (loadResult, error) {
			return hammer(o.clients, d, func(r *mrand.Rand) error { _, err := c.post(p.url, bodies[r.IntN(len(bodies))], ""); return err })
		},
		"analyst": func(d time.Duration) (loadResult, error) {
			return hammer(o.clients, d, func(*mrand.Rand) error { _, err := c.post(p.url, analystBody, ""); return err })
		},
	}
	// today
	m := measured{target: "postgraphile5", workload: "today"}
	for k, i := range checkWorkers(len(cmp.workers)) {
		got, err := answer(bodies[i], func(d any) any { return peerToday(d, field) })
		if err == nil {
			err = sameAnswer(refToday[k], got)
		}
		if err != nil {
			m.failed = fmt.Sprintf("worker %s: %v", cmp.workers[i].ID, err)
			break
		}
	}
	if m.failed == "" {
		log.Printf("postgraphile5, today: answers equal the project's; warming up, then %d clients for %s", o.clients, o.duration)
		_, _ = peerLoad["today"](o.warmup)
		m = measureProcess("postgraphile5", "today", o, pgPID, pid, func() (loadResult, error) { return peerLoad["today"](o.duration) })
	} else {
		log.Printf("postgraphile5, today: NOT measured: %s", m.failed)
	}
	out = append(out, m)
	// analyst
	m = measured{target: "postgraphile5", workload: "analyst"}
	got, err := answer(analystBody, peerAnalyst)
	if err == nil {
		err = sameAnswer(refAnalyst, got)
	}
	if err != nil {
		m.failed = err.Error()
		log.Printf("postgraphile5, analyst: NOT measured: %s", m.failed)
	} else {
		log.Printf("postgraphile5, analyst: the answer equals the project's; %d clients for %s", o.clients, o.duration)
		_, _ = peerLoad["analyst"](o.warmup)
		m = measureProcess("postgraphile5", "analyst", o, pgPID, pid, func() (loadResult, error) { return peerLoad["analyst"](o.duration) })
	}
	out = append(out, m)
	if o.alternate <= 0 || out[0].failed != "" || m.failed != "" {
		return out, nil
	}
	return out, alternate(o, projectLoad, peerLoad)
}

func compareOneStatement(ctx context.Context, cmp comparison, pgPID int, refToday []any, refAnalyst any) []measured {
	o := cmp.o
	var out []measured
	db, err := sql.Open("postgres", cmp.dbURL)
	if err != nil {
		return []measured{{target: "sql-one", workload: "today", failed: err.Error()}}
	}
	defer db.Close()
	dir, err := os.MkdirTemp("", "loadbench-sql-one-")
	if err != nil {
		return []measured{{target: "sql-one", workload: "today", failed: err.Error()}}
	}
	defer os.RemoveAll(dir)
	for _, wl := range []struct {
		name, q string
		check   func() error
	}{
		{"today", oneToday, func() error {
			for k, i := range checkWorkers(len(cmp.workers)) {
				got, err := oneAnswer(ctx, db, oneToday, i+1, cmp.day)
				if err == nil {
					err = sameAnswer(refToday[k], got)
				}
				if err != nil {
					return fmt.Errorf("worker %s: %w", cmp.workers[i].ID, err)
				}
			}
			return nil
		}},
		{"analyst", oneAnalyst, func() error {
			got, err := oneAnswer(ctx, db, oneAnalyst, 0, cmp.day)
			if err == nil {
				err = sameAnswer(refAnalyst, got)
			}
			return err
		}},
	} {
		m := measured{target: "sql-one", workload: wl.name}
		if err := wl.check(); err != nil {
			m.failed = err.Error()
			log.Printf("sql-one, %s: NOT measured: %s", wl.name, m.failed)
			out = append(out, m)
			continue
		}
		script := filepath.Join(dir, wl.name+".sql")
		if err := writeOneScript(script, wl.q, len(cmp.workers)); err != nil {
			m.failed = err.Error()
			out = append(out, m)
			continue
		}
		log.Printf("sql-one, %s: the answers equal the project's; pgbench -M prepared, %d clients for %s", wl.name, o.clients, o.duration)
		busy0, total0 := machineCPU()
		db0 := processTreeCPU(pgPID)
		c, err := runPgbench(o.pgbench, cmp.dbURL, script, o.clients, o.duration, "-M", "prepared", "-D", "day="+cmp.day)
		busy1, total1 := machineCPU()
		if err != nil {
			m.failed = err.Error()
			out = append(out, m)
			continue
		}
		m.rps, m.p50 = c.TPS, c.LatencyMS
		m.note = "pgbench: average latency, not p50"
		if n := c.TPS * o.duration.Seconds(); n > 0 && pgPID > 0 {
			m.dbCPU = 1000 * (processTreeCPU(pgPID) - db0) / n
		}
		m.busy = float64(busy1-busy0) / float64(max(total1-total0, 1))
		out = append(out, m)
	}
	return out
}

// measure runs load and reads the project server's figures (cpuAndPeak,
// given the number of requests).
func measure(target, workload string, o options, pgPID int, load func() (loadResult, error), cpuAndPeak func(n int) (float64, float64)) measured {
	m := measured{target: target, workload: workload}
	busy0, total0 := machineCPU()
	db0 := processTreeCPU(pgPID)
	res, err := load()
	busy1, total1 := machineCPU()
	db1 := processTreeCPU(pgPID)
	if err != nil {
		m.failed = err.Error()
		return m
	}
	m.rps = float64(res.requests) / res.elapsed.Seconds()
	m.p50, m.p99 = ms(percentile(res.latencies, 50)), ms(percentile(res.latencies, 99))
	m.serverCPU, m.peakMiB = cpuAndPeak(res.requests)
	if pgPID > 0 {
		m.dbCPU = 1000 * (db1 - db0) / float64(res.requests)
	}
	m.busy = float64(busy1-busy0) / float64(max(total1-total0, 1))
	return m
}

// measureProcess is measure for a server in another process (the peer).
func measureProcess(target, workload string, o options, pgPID, pid int, load func() (loadResult, error)) measured {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
	cpu0 := processCPU(pid)
	return measure(target, workload, o, pgPID, load, func(n int) (float64, float64) {
		hwm, _ := procStatus(pid)
		return 1000 * (processCPU(pid) - cpu0) / float64(n), float64(hwm) / 1024
	})
}

// postmasterPID finds the database's postmaster when it runs on this
// machine (0 otherwise): the parent of this connection's backend.
func postmasterPID(ctx context.Context, dbURL string) int {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return 0
	}
	defer db.Close()
	var backend int
	if err := db.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&backend); err != nil {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", backend))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "PPid:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

// processCPU is a process's user and system CPU in seconds (/proc/PID/stat);
// with children, those it has reaped too.
func processCPU(pid int) float64 { return statCPU(pid, false) }

func statCPU(pid int, reaped bool) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 15 {
		return 0
	}
	var ticks float64
	last := 12
	if reaped {
		last = 14
	}
	for i := 11; i <= last; i++ { // utime, stime[, cutime, cstime]
		n, _ := strconv.ParseFloat(f[i], 64)
		ticks += n
	}
	return ticks / 100 // USER_HZ
}

// processTreeCPU is PostgreSQL's whole CPU: the postmaster, its live
// children and the children it has reaped (0 when not on this machine).
func processTreeCPU(pm int) float64 {
	if pm <= 0 {
		return 0
	}
	total := statCPU(pm, true)
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		if len(f) > 1 && f[1] == strconv.Itoa(pm) {
			total += statCPU(pid, false)
		}
	}
	return total
}

// procStatus reads VmHWM and VmRSS (kB) of a process.
func procStatus(pid int) (hwm, rss int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			hwm = n
		case "VmRSS:":
			rss = n
		}
	}
	return hwm, rss
}

func printComparison(out io.Writer, cmp comparison, rows []measured, rounds []round) {
	fmt.Fprintf(out, "\nThe project beside its peer and the physical limit (issue 14): %s, %d clients, %s each, same database and day\n\n",
		cmp.day, cmp.o.clients, cmp.o.duration)
	t := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(t, "workload\ttarget\treq/s\tp50 ms\tp99 ms\tproject ÷ target\tSQL/req\tserver CPU ms/req\tDB CPU ms/req\tpeak RSS MiB\tmachine busy\t")
	project := map[string]float64{}
	for _, r := range rows {
		if r.target == "project" {
			project[r.workload] = r.rps
		}
	}
	f := func(v float64, format string) string {
		if v == 0 {
			return "-"
		}
		return fmt.Sprintf(format, v)
	}
	for _, wl := range []string{"today", "analyst"} {
		for _, r := range rows {
			if r.workload != wl {
				continue
			}
			if r.failed != "" {
				fmt.Fprintf(t, "%s\t%s\tFAILED\t\t\t\t\t\t\t\t\t\n", r.workload, r.target)
				continue
			}
			ratio := "-"
			if r.rps > 0 && project[wl] > 0 {
				ratio = fmt.Sprintf("%.2f", project[wl]/r.rps)
			}
			fmt.Fprintf(t, "%s\t%s\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f%%\t\n", r.workload, r.target, r.rps, f(r.p50, "%.1f"), f(r.p99, "%.1f"),
				ratio, f(r.statements, "%.0f"), f(r.serverCPU, "%.2f"), f(r.dbCPU, "%.2f"), f(r.peakMiB, "%.1f"), 100*r.busy)
		}
	}
	_ = t.Flush()
	for _, r := range rows {
		if r.failed != "" {
			fmt.Fprintf(out, "  %s %s not measured: %s\n", r.target, r.workload, r.failed)
		}
		if r.note != "" {
			fmt.Fprintf(out, "  %s %s: %s\n", r.target, r.workload, r.note)
		}
	}
	fmt.Fprintln(out, "  The machine may be shared: compare ratios measured in the same run, not absolute rates.")
	printBudget(out, rows, runtime.NumCPU())
	if len(rounds) > 0 {
		fmt.Fprintf(out, "\nAlternating rounds: the project and PostGraphile 5 back to back, %d clients, %s a run (req/s)\n", cmp.o.clients, cmp.o.alternateFor)
		t := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(t, "round\ttoday project\ttoday postgraphile5\tratio\tanalyst project\tanalyst postgraphile5\tratio\t")
		for i, r := range rounds {
			fmt.Fprintf(t, "%d\t%.0f\t%.0f\t%.2f\t%.0f\t%.0f\t%.2f\t\n", i+1, r.project["today"], r.peer["today"], r.project["today"]/r.peer["today"],
				r.project["analyst"], r.peer["analyst"], r.project["analyst"]/r.peer["analyst"])
		}
		_ = t.Flush()
		for _, wl := range []string{"today", "analyst"} {
			med, lo, hi := medianRatio(rounds, wl)
			fmt.Fprintf(out, "  %s: median ratio %.2f (%.2f to %.2f)\n", wl, med, lo, hi)
		}
	}
	aims := []struct {
		what string
		ok   bool
		have string
	}{}
	for _, r := range rows {
		if r.target == "postgraphile5" && r.failed == "" && r.rps > 0 {
			want := rateAim(r.workload)
			ratio, by := project[r.workload]/r.rps, "in the table"
			if med, _, _ := medianRatio(rounds, r.workload); med > 0 {
				ratio, by = med, "median of the alternating rounds"
			}
			aims = append(aims, struct {
				what string
				ok   bool
				have string
			}{fmt.Sprintf("%s: at least %.0f× PostGraphile 5's rate", r.workload, want), ratio >= want, fmt.Sprintf("%.2f× (%s)", ratio, by)})
		}
		if r.target == "project" && r.failed == "" {
			aims = append(aims, struct {
				what string
				ok   bool
				have string
			}{fmt.Sprintf("%s: p99 under 100 ms", r.workload), r.p99 < 100, fmt.Sprintf("%.1f ms", r.p99)}, struct {
				what string
				ok   bool
				have string
			}{fmt.Sprintf("%s: peak memory under 150 MiB", r.workload), r.peakMiB < 150, fmt.Sprintf("%.1f MiB", r.peakMiB)})
		}
	}
	fmt.Fprintf(out, "\nAims (issue 14)\n")
	t = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, a := range aims {
		met := "met"
		if !a.ok {
			met = "NOT MET"
		}
		fmt.Fprintf(t, "  %s\t%s\t%s\n", a.what, a.have, met)
	}
	_ = t.Flush()
}

// rateAim is issue 14's aim for a workload's rate, as a multiple of
// PostGraphile 5's: twice for the workers' today query, at least as fast
// for the analyst's page.
func rateAim(workload string) float64 {
	if workload == "analyst" {
		return 1
	}
	return 2
}

// machineMS is the machine's CPU a request of r took, every process
// counted (the server or peer, PostgreSQL and the load clients): the
// share of the cores busy over the rate.
func machineMS(r measured, cores int) float64 {
	if r.rps <= 0 || r.busy <= 0 {
		return 0
	}
	return r.busy * float64(cores) * 1000 / r.rps
}

// printBudget says what each rate aim leaves a request of the machine's
// CPU, beside what the project and the one-statement limit spend: on a
// machine the load keeps busy, the rate is the cores over a request's CPU,
// so an aim is a CPU budget a request must fit in (issue 14). PostgreSQL's
// part of the project's request is named, since no server can spend less
// than nothing: a budget it fills leaves the statement plan as the bound.
func printBudget(out io.Writer, rows []measured, cores int) {
	by := map[string]measured{}
	for _, r := range rows {
		if r.failed == "" {
			by[r.workload+" "+r.target] = r
		}
	}
	var lines []string
	for _, wl := range []string{"today", "analyst"} {
		peer, project := by[wl+" postgraphile5"], by[wl+" project"]
		if peer.rps <= 0 || machineMS(project, cores) == 0 {
			continue
		}
		want := rateAim(wl)
		budget := float64(cores) * 1000 / (want * peer.rps)
		spent := machineMS(project, cores)
		line := fmt.Sprintf("  %s: %.0f× PostGraphile 5 is %.0f req/s, %.2f ms of the machine's CPU a request on %d cores; the project spends %.2f",
			wl, want, want*peer.rps, budget, cores, spent)
		if spent > budget {
			line += fmt.Sprintf(" (%.0f%% over)", 100*(spent/budget-1))
		}
		if project.dbCPU > 0 {
			// What the statements alone take of the budget, whoever
			// sends them: what is left is all the server, HTTP, consent
			// and audit included, and the load clients may have.
			line += fmt.Sprintf(", of which PostgreSQL %.2f, leaving %.2f for the rest", project.dbCPU, budget-project.dbCPU)
		}
		if limit := machineMS(by[wl+" sql-one"], cores); limit > 0 {
			line += fmt.Sprintf(", the one-statement limit %.2f (PostgreSQL and pgbench, no HTTP, consent or audit)", limit)
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(out, "\nEach aim as a CPU budget (the machine's CPU a request: every process, busy × cores ÷ rate)\n")
	for _, l := range lines {
		fmt.Fprintln(out, l)
	}
}
