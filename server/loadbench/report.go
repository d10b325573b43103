package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"
)

type reportData struct {
	o            options
	day          string
	data         dataset
	workers      []*benchWorker
	opName, hash string
	res          loadResult
	statements   int64
	server       stats
	ceiling      ceiling
	serverCPU    float64 // seconds of the server's CPU over the run
	idleBusy     float64 // share of all cores busy with neither running
}

// Targets from issue 6.
const (
	targetRatio  = 0.5
	targetP99    = 25 * time.Millisecond
	targetMemMiB = 150
)

func report(out io.Writer, r reportData) {
	rps := float64(r.res.requests) / r.res.elapsed.Seconds()
	p50, p99 := percentile(r.res.latencies, 50), percentile(r.res.latencies, 99)
	perReq := float64(r.statements) / float64(r.res.requests)
	peakMiB := float64(r.server.PeakRSSKB) / 1024
	ratio := rps / r.ceiling.TPS

	// The workers with fewest and most visits, and every statement count seen.
	fewest, most := r.workers[0], r.workers[0]
	var counts []int64
	within := 0
	for _, w := range r.workers {
		if w.Visits < fewest.Visits {
			fewest = w
		}
		if w.Visits > most.Visits {
			most = w
		}
		if !slices.Contains(counts, w.statements) {
			counts = append(counts, w.statements)
		}
		if w.Visits >= 6 && w.Visits <= 10 {
			within++
		}
	}
	slices.Sort(counts)

	fmt.Fprintf(out, "\nLoad benchmark: the workers' today query (issue 6)\n\n")
	t := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	row := func(k string, f string, a ...any) { fmt.Fprintf(t, "  %s\t"+f+"\n", append([]any{k}, a...)...) }
	row("dataset", "%d people, %d plans, %d workers (seed %d)", r.data.People, r.data.Plans, r.data.Workers, r.o.seed)
	row("day", "%s: %d workers with visits, %d–%d each (%d with 6–10)", r.day, len(r.workers), fewest.Visits, most.Visits, within)
	row("operation", "%s, persisted, sha256 %.12s…", r.opName, r.hash)
	row("server", "consent checks and audit on, allow-list enforced, JWT via JWKS; GOMAXPROCS %d", runtime.GOMAXPROCS(0))
	row("load", "%d clients, %s, random workers", r.o.clients, r.res.elapsed.Round(time.Millisecond))
	fmt.Fprintln(t, "\t")
	row("requests", "%d", r.res.requests)
	row("requests/s", "%.0f", rps)
	row("latency p50", "%.1f ms", ms(p50))
	row("latency p99", "%.1f ms", ms(p99))
	row("latency max", "%.1f ms", ms(r.res.latencies[len(r.res.latencies)-1]))
	row("SQL statements/request", "%.2f over the run", perReq)
	row("  fewest visits", "%d statements for %d visits (%s)", fewest.statements, fewest.Visits, fewest.Subject)
	row("  most visits", "%d statements for %d visits (%s)", most.statements, most.Visits, most.Subject)
	row("  across all workers", "%v", counts)
	row("CPU per request", "server %.2f ms, load clients %.2f ms (PostgreSQL not counted)",
		1000*r.serverCPU/float64(r.res.requests), 1000*r.res.clientCPU/float64(r.res.requests))
	row("machine busy", "%.0f%% of %d cores during the API run, %.0f%% during pgbench, %.0f%% with neither (other work)",
		100*r.res.machineBusy, runtime.NumCPU(), 100*r.ceiling.machineBusy, 100*r.idleBusy)
	row("server peak memory", "%.1f MiB peak RSS (VmHWM, reset after warm-up); Go runtime peak %.1f MiB", peakMiB, float64(r.server.PeakGoBytes)/(1<<20))
	fmt.Fprintln(t, "\t")
	failed := ""
	if r.ceiling.Failed != "" && r.ceiling.Failed != "0" {
		failed = fmt.Sprintf(", %s failed transactions", r.ceiling.Failed)
	}
	row("ceiling (pgbench)", "%.0f transactions/s, latency avg %.2f ms%s", r.ceiling.TPS, r.ceiling.LatencyMS, failed)
	row("  script", "the SQL of one request per worker, literals in; -c %d -j 2 -T %d", r.o.clients, int(r.o.duration.Seconds()))
	row("API / ceiling", "%.2f", ratio)
	_ = t.Flush()

	fmt.Fprintf(out, "\nTargets\n")
	t = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}
	fmt.Fprintf(t, "  at least half the ceiling's rate\t%.2f ≥ %.2f\t%s\n", ratio, targetRatio, met(ratio >= targetRatio))
	fmt.Fprintf(t, "  p99 at most 25 ms\t%.1f ms\t%s\n", ms(p99), met(p99 <= targetP99))
	fmt.Fprintf(t, "  statements independent of visits\t%v\t%s\n", counts, met(len(counts) == 1))
	fmt.Fprintf(t, "  peak memory at most 150 MiB\t%.1f MiB\t%s\n", peakMiB, met(peakMiB <= targetMemMiB))
	_ = t.Flush()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
