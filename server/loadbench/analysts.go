package main

// The analysts mode (issue 15 item 6): how a worker's MyVisits rate
// changes while analysts run heavy queries, with every query on the
// primary and with the analysts' reads on a streaming replica.
//
//	go run ./server/loadbench -analysts 2 -rounds 3 -duration 10s [-pin]
//
// Two servers run on the same database, the second with
// DATABASE_REPLICA_URL; round by round, on each in turn, the workers'
// today query runs alone, then beside the analyst clients, each paging
// through every plan of the authority with its outcomes and risks (the
// analyst's page of issue 14) and asking one of the statistics in
// analystQueries every statsEvery pages, without pause. It prints the
// workers' rate and latency in each run, their ratio, the analysts' rate,
// the largest replica lag their answers reported and the API server's CPU.
// With -pin the primary's PostgreSQL runs on CPU 0 and the replica's on
// CPU 1, standing in for a replica on a machine of its own.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"reablement/server/pgcluster"
)

// analystPage is the analyst's page of issue 14: 100 plans with their
// coded outcomes and risks, paged with after.
const analystPage = `query AnalystPage($after: Cursor) { plans(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { id status version episode
    outcomes(first: 20, orderBy: {field: POSITION, direction: ASC}) { edges { node { id position kind domain achievement } } }
    risks { id kind category likelihood environmentAssessmentRequired } } } } }`

// statsEvery is how many pages of plans an analyst reads between two
// statistics.
const statsEvery = 5

// analystQueries are the statistics of issue 15 an analyst asks, one in
// turn every statsEvery pages (a few of the common questions of the
// README's analyst's guide).
var analystQueries = []string{
	`{ statisticsCounts(subject: PLANS, groupBy: [STATUS, TEAM]) { total { count } rows { count suppressed } } }`,
	`{ statisticsCounts(subject: VISITS, groupBy: [STATUS, SERVICE]) { total { count } rows { count suppressed } } }`,
	`{ statisticsDurations(measure: REFERRAL_TO_START, groupBy: [TEAM]) { total { median } rows { median } } }`,
	`{ statisticsRates(measure: OUTCOMES_ACHIEVED, groupBy: [AGE_BAND]) { total { percent } rows { percent } } }`,
	`{ ascof2A { numerator denominator percent } ascof2D { numerator denominator percent } }`,
}

// replicaAdminURL returns the replica of the benchmark's PostgreSQL:
// DATABASE_REPLICA_URL beside DATABASE_URL, or a durable private replica
// of the benchmark's own cluster under dataDir, made by a base backup the
// first time.
func replicaAdminURL(ctx context.Context, admin, dataDir string) (string, func(), error) {
	if os.Getenv("DATABASE_URL") != "" {
		u := os.Getenv("DATABASE_REPLICA_URL")
		if u == "" {
			return "", nil, fmt.Errorf("-analysts with DATABASE_URL needs DATABASE_REPLICA_URL: a streaming replica of it, for the run with the analysts on the replica")
		}
		return u, func() {}, nil
	}
	dir, err := filepath.Abs(filepath.Join(dataDir, "replica"))
	if err != nil {
		return "", nil, err
	}
	log.Printf("starting the benchmark's replica in %s (a base backup the first time)", dir)
	c, err := pgcluster.StartReplica(ctx, dir, admin, pgcluster.Options{})
	if err != nil {
		return "", nil, err
	}
	return c.URL("postgres"), func() {
		if err := c.Stop(); err != nil {
			log.Print(err)
		}
	}, nil
}

// analystRun is what the analyst clients did in one run.
type analystRun struct {
	requests int
	elapsed  time.Duration
	maxLag   float64 // the largest extensions.replica.lagSeconds seen; -1: none reported
}

// analysts has n analyst clients page through the plans, each after the
// other's answer, until stop is closed.
func (c *client) analysts(token string, n int, stop <-chan struct{}) (analystRun, error) {
	var (
		requests atomic.Int64
		mu       sync.Mutex
		maxLag   = -1.0
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var after any
			// Analysts start at different places, as they would.
			for range i * 7 {
				after = c.nextPage(token, after)
			}
			pass, pages, statsDue := 0, 0, false
			for {
				select {
				case <-stop:
					return
				default:
				}
				body, _ := json.Marshal(map[string]any{"query": analystPage, "variables": map[string]any{"after": after}})
				if statsDue {
					body, _ = json.Marshal(map[string]any{"query": analystQueries[pass%len(analystQueries)]})
					pass, statsDue = pass+1, false
				}
				b, err := c.do(body, token)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("analyst: %w", err)
					}
					mu.Unlock()
					return
				}
				requests.Add(1)
				var out struct {
					Data struct {
						Plans *struct {
							PageInfo struct {
								HasNextPage bool
								EndCursor   *string
							}
						}
					}
					Extensions struct {
						Replica *struct{ LagSeconds float64 }
					}
				}
				_ = json.Unmarshal(b, &out)
				if r := out.Extensions.Replica; r != nil {
					mu.Lock()
					maxLag = max(maxLag, r.LagSeconds)
					mu.Unlock()
				}
				switch p := out.Data.Plans; {
				case p == nil: // a statistics query: the next is a page
				case p.PageInfo.HasNextPage && p.PageInfo.EndCursor != nil:
					after = *p.PageInfo.EndCursor
					pages++
					statsDue = pages%statsEvery == 0 && len(analystQueries) > 0
				default: // a pass over the plans done: the first page again
					after = nil
				}
			}
		}()
	}
	wg.Wait()
	return analystRun{requests: int(requests.Load()), elapsed: time.Since(start), maxLag: maxLag}, firstErr
}

// nextPage returns the cursor after the page that starts after after.
func (c *client) nextPage(token string, after any) any {
	body, _ := json.Marshal(map[string]any{"query": `query($after: Cursor) { plans(first: 100, after: $after) { pageInfo { hasNextPage endCursor } } }`,
		"variables": map[string]any{"after": after}})
	b, err := c.do(body, token)
	if err != nil {
		return nil
	}
	var out struct {
		Data struct {
			Plans struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
	}
	_ = json.Unmarshal(b, &out)
	if p := out.Data.Plans.PageInfo; p.HasNextPage && p.EndCursor != nil {
		return *p.EndCursor
	}
	return nil
}

// analystSubject finds an analyst account of the generated authority.
func analystSubject(ctx context.Context, dbURL string) (string, error) {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	var subject string
	err = db.QueryRowContext(ctx, `SELECT subject FROM accounts WHERE roles ? 'ANALYST' AND active ORDER BY username LIMIT 1`).Scan(&subject)
	if err != nil {
		return "", fmt.Errorf("finding an analyst account: %w", err)
	}
	return subject, nil
}

// mixedResult is one configuration's runs, summed over the rounds.
type mixedResult struct {
	name            string
	alone, withLoad loadResult
	analysts        analystRun
	ratios          []float64 // each round's rate beside analysts over its rate alone
	// serverCPU is the API server's CPU seconds in the runs alone and
	// beside analysts: where analysts' load falls that no replica moves.
	serverCPU [2]float64
}

// merge adds one run's requests and time to a sum of runs.
func merge(sum, r loadResult) loadResult {
	sum.requests += r.requests
	sum.elapsed += r.elapsed
	sum.latencies = append(sum.latencies, r.latencies...)
	slices.Sort(sum.latencies)
	return sum
}

// median of a few ratios.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// runAnalysts measures the workers' rate alone and beside the analysts, on
// a server without a replica and on one with it.
func runAnalysts(ctx context.Context, o options, admin, dbURL string, data dataset, settings serverSettings,
	workers []*benchWorker, c *client, analystToken string) error {
	replicaAdmin, stopReplica, err := replicaAdminURL(ctx, admin, o.dataDir)
	if err != nil {
		return err
	}
	defer stopReplica()
	u, err := url.Parse(dbURL)
	if err != nil {
		return err
	}
	replicaURL, err := withDatabase(replicaAdmin, u.Path[1:])
	if err != nil {
		return err
	}
	if o.pin {
		if os.Getenv("DATABASE_URL") != "" {
			return fmt.Errorf("-pin pins the benchmark's own PostgreSQL and replica: unset DATABASE_URL")
		}
		for cpu, dir := range []string{"postgres", "replica"} {
			if err := pinCluster(filepath.Join(o.dataDir, dir), cpu); err != nil {
				return err
			}
		}
		log.Printf("the primary's PostgreSQL pinned to CPU 0, the replica's to CPU 1")
	}
	log.Printf("waiting for the replica to catch up")
	cctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	err = pgcluster.CatchUp(cctx, admin, replicaAdmin)
	cancel()
	if err != nil {
		return err
	}

	// Both servers run throughout, and the runs alternate between them
	// round by round, so that a shared machine's changing load falls on
	// both alike.
	configs := []struct {
		name, replica string
		url           string
		srv           *child
	}{{name: "every query on the primary"}, {name: "analysts' reads on the replica", replica: replicaURL}}
	for i := range configs {
		s := settings
		s.ReplicaURL = configs[i].replica
		srv, err := startServer(s)
		if err != nil {
			return err
		}
		defer srv.close()
		configs[i].url, configs[i].srv = srv.url, srv
		c.url = srv.url
		log.Printf("%s: warming up for %s", configs[i].name, o.warmup)
		if _, err := c.load(workers, o.clients, o.warmup); err != nil {
			return err
		}
		if _, err := c.do(mustJSON(map[string]any{"query": analystPage}), analystToken); err != nil {
			return fmt.Errorf("analyst: %w", err)
		}
	}
	results := make([]mixedResult, len(configs))
	for round := 1; round <= o.rounds; round++ {
		for i, cfg := range configs {
			c.url = cfg.url
			r := &results[i]
			r.name = cfg.name
			log.Printf("round %d/%d, %s: %d worker clients alone, then beside %d analysts, %s each", round, o.rounds, cfg.name, o.clients, o.analysts, o.duration)
			cpu0, err := cfg.srv.stats()
			if err != nil {
				return err
			}
			alone, err := c.load(workers, o.clients, o.duration)
			if err != nil {
				return err
			}
			cpu1, err := cfg.srv.stats()
			if err != nil {
				return err
			}
			stop := make(chan struct{})
			done := make(chan error, 1)
			var an analystRun
			go func() {
				var err error
				an, err = c.analysts(analystToken, o.analysts, stop)
				done <- err
			}()
			time.Sleep(time.Second) // the analysts' queries under way before the workers are measured
			cpu2, serr := cfg.srv.stats()
			mixed, err := c.load(workers, o.clients, o.duration)
			cpu3, serr2 := cfg.srv.stats()
			if err == nil {
				err = errors.Join(serr, serr2)
			}
			close(stop)
			if aerr := <-done; err == nil {
				err = aerr
			}
			if err != nil {
				return fmt.Errorf("%s: %w", cfg.name, err)
			}
			r.alone = merge(r.alone, alone)
			r.withLoad = merge(r.withLoad, mixed)
			r.serverCPU[0] += cpu1.CPUSeconds - cpu0.CPUSeconds
			r.serverCPU[1] += cpu3.CPUSeconds - cpu2.CPUSeconds
			r.analysts.requests += an.requests
			r.analysts.elapsed += an.elapsed
			if round == 1 || an.maxLag > r.analysts.maxLag {
				r.analysts.maxLag = an.maxLag
			}
			r.ratios = append(r.ratios, rate(mixed)/rate(alone))
		}
	}
	reportAnalysts(os.Stdout, o, data, results)
	return nil
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func reportAnalysts(out io.Writer, o options, data dataset, results []mixedResult) {
	fmt.Fprintf(out, "\nMyVisits while analysts run heavy queries (issue 15 item 6)\n")
	fmt.Fprintf(out, "  authority: %d people, %d plans; %d worker clients; %d analyst clients paging all plans with outcomes and risks (100 a page)",
		data.People, data.Plans, o.clients, o.analysts)
	if len(analystQueries) > 0 {
		fmt.Fprintf(out, " and one of %d statistics every %d pages", len(analystQueries), statsEvery)
	}
	fmt.Fprintf(out, "; %d rounds of %s a run, the two servers alternating", o.rounds, o.duration)
	if o.pin {
		fmt.Fprintf(out, "; the primary's PostgreSQL on CPU 0, the replica's on CPU 1")
	}
	fmt.Fprintf(out, "\n\n")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tworkers alone\t\t\tbeside analysts\t\t\tworkers' rate beside/alone\t\tanalysts\treplica lag\tAPI server's cores\t\t")
	fmt.Fprintln(tw, "\treq/s\tp50\tp99\treq/s\tp50\tp99\toverall\tmedian round\treq/s\tmax\talone\tbeside\t")
	for _, r := range results {
		a, w := rate(r.alone), rate(r.withLoad)
		lag := "-"
		if r.analysts.maxLag >= 0 {
			lag = fmt.Sprintf("%.2f s", r.analysts.maxLag)
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%s\t%s\t%.0f\t%s\t%s\t%.2f\t%.2f\t%.1f\t%s\t%.2f\t%.2f\t\n", r.name,
			a, msText(percentile(r.alone.latencies, 50)), msText(percentile(r.alone.latencies, 99)),
			w, msText(percentile(r.withLoad.latencies, 50)), msText(percentile(r.withLoad.latencies, 99)),
			w/a, median(r.ratios), float64(r.analysts.requests)/r.analysts.elapsed.Seconds(), lag,
			r.serverCPU[0]/r.alone.elapsed.Seconds(), r.serverCPU[1]/r.withLoad.elapsed.Seconds())
	}
	_ = tw.Flush()
	if len(results) == 2 {
		p, rp := median(results[0].ratios), median(results[1].ratios)
		fmt.Fprintf(out, "\n  with the replica, workers keep %.0f%% of their rate beside the analysts (median of %d rounds), against %.0f%% with every query on the primary", 100*rp, o.rounds, 100*p)
		fmt.Fprintf(out, "; the analysts get %.2f× the requests answered.\n", (float64(results[1].analysts.requests)/results[1].analysts.elapsed.Seconds())/
			max(float64(results[0].analysts.requests)/results[0].analysts.elapsed.Seconds(), 1e-9))
		if !o.pin {
			fmt.Fprintln(out, "  (primary, replica, server and clients share this machine's cores: the replica moves the analysts' reads off the primary's")
			fmt.Fprintln(out, "  connections, buffers and locks, not onto other hardware; -pin puts the two on a core each.)")
		}
	}
}

func rate(r loadResult) float64 { return float64(r.requests) / r.elapsed.Seconds() }

func msText(d time.Duration) string { return fmt.Sprintf("%.1f ms", ms(d)) }
