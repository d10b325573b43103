// Command loadbench measures the reablement workers' "today" query under
// load (issue 6) and prints the figures:
//
//	make load        # or: go run ./server/loadbench -people 20000 -clients 16 -duration 20s
//
// It seeds the generated authority (20,000 people by default) into a
// database of its own, reused by later runs; starts the real API in a child
// process (consent checks and audit on, the operations allow-list enforced,
// sign-in by signed JWT through a JWKS file, a counter on the ent driver);
// has 16 clients ask for today's visits as random workers, sent as a
// persisted operation by hash; then runs the same SQL the API sent, captured
// from one request per worker, through pgbench at the same concurrency as
// the ceiling. Peak memory is the server process's VmHWM (peak resident set
// from /proc/self/status) over the measured run.
//
// Then (issue 14, compare.go) it measures the analyst's page of 100 plans,
// and the same two workloads on PostGraphile 5 (peer.go) and as one
// hand-written statement per answer through pgbench (sqlone.go), after
// checking each one's answers field by field against the project's, and
// prints them side by side: the ratios measured in one run are what to
// compare on a shared machine.
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
)

// todayQuery is the worker's Today screen: the day's visits in order, each
// with the person's name and where to go (access notes show only around a
// visit, issue 13, so the day's list leaves them out), and the plan the visit works
// to — tasks, outcomes with their steps, risks with their contingencies.
// Used when the web app's allow-list has no myVisits operation yet.
const todayQuery = `query Today($date: Date) { myVisits(date: $date) { id startsAt durationMinutes status revision
  plan { id workerTasks
    outcomes(first: 10) { edges { node { id statement steps { id description status } } } }
    risks { kind description contingencies { measures } }
    person { preferredName visitAddress communicationNeeds } } } }`

const (
	issuer   = "loadbench"
	audience = "reablement"
	keyID    = "loadbench"
)

func main() {
	if raw := os.Getenv(serverEnv); raw != "" {
		if err := runServer(raw); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	var o options
	flag.IntVar(&o.people, "people", 20000, "people in the generated authority (workers: people/50)")
	flag.Int64Var(&o.seed, "seed", 1, "the generator's seed")
	flag.IntVar(&o.clients, "clients", 16, "concurrent clients (and pgbench clients)")
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "how long each measured run lasts")
	flag.DurationVar(&o.warmup, "warmup", 3*time.Second, "load before measuring")
	flag.StringVar(&o.dataDir, "data", ".data/loadbench", "where the benchmark's own PostgreSQL lives when DATABASE_URL is unset")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write the server's CPU profile over the measured today run to this file, and over the analyst run to this file with .analyst added")
	flag.StringVar(&o.script, "script", "", "also write the pgbench script to this file")
	flag.StringVar(&o.pgbench, "pgbench", "/usr/lib/postgresql/15/bin/pgbench", "the pgbench program")
	flag.IntVar(&o.analysts, "analysts", 0, "instead of the ceiling: this many analyst clients paging all plans beside the workers, every query on the primary and then the analysts' on a replica (issue 15)")
	flag.IntVar(&o.rounds, "rounds", 3, "with -analysts: rounds, alternating between the two servers")
	flag.IntVar(&o.alternate, "alternate", 3, "with postgraphile5: rounds of the project and PostGraphile back to back on each workload, after the table, whose median ratios the aims are judged by (0: none)")
	flag.DurationVar(&o.alternateFor, "alternate-duration", 8*time.Second, "how long each run of an alternating round lasts")
	flag.BoolVar(&o.keepAudit, "keep-audit", false, "keep the audit events earlier runs appended (each full run adds about half a million); by default every run starts from the seeded authority's empty log, as ../shared/bench does")
	flag.BoolVar(&o.pin, "pin", false, "with -analysts: the primary's PostgreSQL on CPU 0, the replica's on CPU 1 (a replica on a machine of its own)")
	peers := flag.String("peers", "postgraphile5,sql-one", "what to measure beside the project (issue 14): postgraphile5, sql-one; \"\" for none")
	cache, _ := os.UserCacheDir()
	flag.StringVar(&o.peerDir, "peer-dir", filepath.Join(cache, "reablement-loadbench", "postgraphile5"), "where PostGraphile is installed (npm), outside the repository")
	flag.Parse()
	o.peers = map[string]bool{}
	for _, p := range strings.Split(*peers, ",") {
		if p = strings.TrimSpace(p); p != "" {
			o.peers[p] = true
		}
	}
	log.SetFlags(log.Ltime)
	log.SetPrefix("loadbench: ")
	if err := run(context.Background(), o); err != nil {
		log.Fatal(err)
	}
}

type options struct {
	people           int
	seed             int64
	clients          int
	duration, warmup time.Duration
	dataDir          string
	cpuProfile       string
	script           string
	pgbench          string
	analysts         int
	rounds           int
	alternate        int           // rounds of project and peer back to back (issue 14)
	alternateFor     time.Duration // each run of such a round
	pin              bool
	peers            map[string]bool
	peerDir          string
	keepAudit        bool // keep the audit events earlier runs appended
}

func run(ctx context.Context, o options) error {
	admin, stop, err := adminURL(ctx, os.Getenv("DATABASE_URL"), o.dataDir)
	if err != nil {
		return err
	}
	defer stop()
	// pg_ctl detaches PostgreSQL: stop it on Ctrl-C too. The server child
	// ends when our end of its stdin closes, pgbench on the terminal's signal.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		log.Printf("%v: stopping", sig)
		stop()
		os.Exit(130)
	}()
	dbURL, day, err := prepare(ctx, admin, o.people, o.seed)
	if err != nil {
		return err
	}
	if !o.keepAudit {
		if err := resetAudit(ctx, dbURL); err != nil {
			return err
		}
	}
	data, err := describe(ctx, dbURL, day)
	if err != nil {
		return err
	}
	if len(data.WithVisits) == 0 {
		return fmt.Errorf("no worker has visits on %s", day)
	}

	tmp, err := os.MkdirTemp("", "loadbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	key, err := writeJWKS(filepath.Join(tmp, "jwks.json"))
	if err != nil {
		return err
	}
	hash, opName, opSource, docs, err := persistedToday(filepath.Join(tmp, "persisted-documents.json"))
	if err != nil {
		return err
	}
	settings := serverSettings{
		DatabaseURL: dbURL, DataDir: tmp, JWKSFile: filepath.Join(tmp, "jwks.json"),
		PersistedDocuments: docs, Issuer: issuer, Audience: audience,
	}
	srv, err := startServer(settings)
	if err != nil {
		return err
	}
	defer srv.close()

	workers := make([]*benchWorker, len(data.WithVisits))
	for i, w := range data.WithVisits {
		tok, err := mint(key, w.Subject)
		if err != nil {
			return err
		}
		workers[i] = &benchWorker{workerRow: w, token: tok}
	}
	c := &client{url: srv.url, hash: hash, op: opName, day: day, http: newHTTPClient(o.clients)}

	if o.analysts > 0 { // the analysts mode (analysts.go) starts servers of its own
		srv.close()
		subject, err := analystSubject(ctx, dbURL)
		if err != nil {
			return err
		}
		tok, err := mint(key, subject)
		if err != nil {
			return err
		}
		return runAnalysts(ctx, o, admin, dbURL, data, settings, workers, c, tok)
	}

	// One request per worker, one at a time: checks every answer, counts
	// each request's statements exactly and captures its SQL for pgbench.
	// The first request fills the server's caches (the authority's time
	// zone); it is not what a request costs afterwards.
	if _, err := c.today(workers[0]); err != nil {
		return fmt.Errorf("worker %s: %w", workers[0].Subject, err)
	}
	log.Printf("one request per worker (%d), capturing the SQL", len(workers))
	for _, w := range workers {
		// Signed in once before, as every worker is in a working day: the
		// server's viewer cache holds their grants (issue 14), and the
		// request measured is the steady one.
		if _, err := c.today(w); err != nil {
			return fmt.Errorf("worker %s: %w", w.Subject, err)
		}
		if err := srv.post("/loadbench/capture"); err != nil {
			return err
		}
		before, err := srv.stats()
		if err != nil {
			return err
		}
		visits, err := c.today(w)
		if err != nil {
			return fmt.Errorf("worker %s: %w", w.Subject, err)
		}
		after, err := srv.stats()
		if err != nil {
			return err
		}
		if visits != w.Visits {
			return fmt.Errorf("worker %s got %d visits, the database has %d", w.Subject, visits, w.Visits)
		}
		w.statements = after.Statements - before.Statements
		if err := srv.getJSON("/loadbench/capture", &w.sql); err != nil {
			return err
		}
		for _, s := range w.sql {
			if s.Error != "" {
				return fmt.Errorf("writing out the SQL for pgbench: %s", s.Error)
			}
		}
	}

	log.Printf("warming up for %s", o.warmup)
	if _, err := c.load(workers, o.clients, o.warmup); err != nil {
		return err
	}
	if err := srv.post("/loadbench/reset-peak"); err != nil {
		return err
	}
	before, err := srv.stats()
	if err != nil {
		return err
	}
	profile := srv.profile(o.cpuProfile, o.duration)
	log.Printf("%d clients for %s: the today query through the API", o.clients, o.duration)
	clientCPU0 := cpuSeconds()
	busy0, total0 := machineCPU()
	pgPID := postmasterPID(ctx, dbURL)
	db0 := processTreeCPU(pgPID)
	res, err := c.load(workers, o.clients, o.duration)
	if err != nil {
		return err
	}
	busy1, total1 := machineCPU()
	var todayDBCPU float64
	if pgPID > 0 && res.requests > 0 {
		todayDBCPU = 1000 * (processTreeCPU(pgPID) - db0) / float64(res.requests)
	}
	res.clientCPU = cpuSeconds() - clientCPU0
	res.machineBusy = float64(busy1-busy0) / float64(max(total1-total0, 1))
	after, err := srv.stats()
	if err != nil {
		return err
	}
	if err := profile(); err != nil {
		return err
	}

	log.Printf("%d clients for %s: the same SQL through pgbench", o.clients, o.duration)
	scriptPath := o.script
	if scriptPath == "" {
		scriptPath = filepath.Join(tmp, "today.sql")
	}
	script, err := writeScript(scriptPath, workers)
	if err != nil {
		return err
	}
	busy0, total0 = machineCPU()
	ceiling, err := runPgbench(o.pgbench, dbURL, script, o.clients, o.duration)
	if err != nil {
		return err
	}
	busy1, total1 = machineCPU()
	ceiling.machineBusy = float64(busy1-busy0) / float64(max(total1-total0, 1))
	busyIdle0, totalIdle0 := machineCPU()
	time.Sleep(2 * time.Second)
	busyIdle1, totalIdle1 := machineCPU()
	idleBusy := float64(busyIdle1-busyIdle0) / float64(max(totalIdle1-totalIdle0, 1))
	report(os.Stdout, reportData{
		o: o, day: day, data: data, workers: workers, opName: opName + " (" + opSource + ")", hash: hash,
		res: res, statements: after.Statements - before.Statements, server: after, ceiling: ceiling,
		serverCPU: after.CPUSeconds - before.CPUSeconds, idleBusy: idleBusy,
	})

	// The same run, beside the peer and the physical limit (issue 14).
	today := measured{target: "project", workload: "today",
		rps: float64(res.requests) / res.elapsed.Seconds(), p50: ms(percentile(res.latencies, 50)), p99: ms(percentile(res.latencies, 99)),
		statements: float64(workers[0].statements), serverCPU: 1000 * (after.CPUSeconds - before.CPUSeconds) / float64(res.requests),
		dbCPU: todayDBCPU, peakMiB: float64(after.PeakRSSKB) / 1024, busy: res.machineBusy}
	return compare(ctx, comparison{o: o, dbURL: dbURL, dbName: dbName(o.people, o.seed), day: day, key: key, workers: workers, c: c, srv: srv, today: today}, os.Stdout)
}

// benchWorker is a worker the clients sign in as.
type benchWorker struct {
	workerRow
	token      string
	statements int64       // statements one request sent
	sql        []statement // the SQL one request sent
}

// writeJWKS makes a signing key and writes its public half as a JWKS file,
// as an identity provider publishes it.
func writeJWKS(path string) (ed25519.PrivateKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	j, err := jwkset.NewJWKFromKey(pub, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
		KID: keyID, ALG: jwkset.ALG("EdDSA"), USE: jwkset.UseSig,
	}})
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(jwkset.JWKSMarshal{Keys: []jwkset.JWKMarshal{j.Marshal()}})
	if err != nil {
		return nil, err
	}
	return priv, os.WriteFile(path, b, 0o600)
}

// mint signs a token for subject, shaped as the identity provider's.
func mint(key ed25519.PrivateKey, subject string) (string, error) {
	now := time.Now()
	var jti [12]byte
	_, _ = rand.Read(jti[:])
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.RegisteredClaims{
		Issuer: issuer, Subject: subject, Audience: jwt.ClaimStrings{audience},
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(2 * time.Hour)),
		ID: base64.RawURLEncoding.EncodeToString(jti[:]),
	})
	t.Header["kid"] = keyID
	return t.SignedString(key)
}

// persistedToday finds the web app's today operation in its allow-list:
// the one named MyVisits, which the Today screen and the visit pages read
// (MyVisitsOn, tomorrow's and the week's short list, also asks for
// myVisits, and its hash may sort first). Until the Today screen has one,
// it writes a copy of the list with todayQuery added, at path, for the
// server to load. It returns the hash, the operation's name, where it
// comes from and the list's path.
// todayField finds the web app's operation that asks for the worker's day.
var todayField = regexp.MustCompile(`^query MyVisits\s*[({]`)

func persistedToday(path string) (hash, name, source, docs string, err error) {
	_, file, _, _ := runtime.Caller(0)
	app := filepath.Join(filepath.Dir(file), "..", "..", "frontend", "src", "gql", "persisted-documents.json")
	b, err := os.ReadFile(app)
	if err != nil {
		return "", "", "", "", err
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return "", "", "", "", err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.HasPrefix(m[k], "query") && todayField.MatchString(m[k]) {
			return k, opName(m[k]), "the web app's", app, nil
		}
	}
	sum := sha256.Sum256([]byte(todayQuery))
	hash = hex.EncodeToString(sum[:])
	m[hash] = todayQuery
	out, err := json.Marshal(m)
	if err != nil {
		return "", "", "", "", err
	}
	return hash, opName(todayQuery), "loadbench's own: the web app's Today screen has no operation yet", path, os.WriteFile(path, out, 0o600)
}

func opName(doc string) string {
	f := strings.FieldsFunc(doc, func(r rune) bool { return r == ' ' || r == '(' || r == '{' || r == '\n' })
	if len(f) > 1 {
		return f[1]
	}
	return "?"
}

// child is the API server process.
type child struct {
	url   string
	cmd   *exec.Cmd
	stdin io.Closer
}

func startServer(s serverSettings) (*child, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), serverEnv+"="+string(raw))
	cmd.Stderr = io.Discard // one log line per request: not what we measure
	if os.Getenv("LOADBENCH_SERVER_LOG") != "" {
		cmd.Stderr = os.Stderr
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line := make([]byte, 0, 64)
	buf := make([]byte, 1)
	for {
		if _, err := stdout.Read(buf); err != nil {
			_ = cmd.Wait()
			return nil, fmt.Errorf("the server did not start (run with LOADBENCH_SERVER_LOG=1 to see why): %w", err)
		}
		if buf[0] == '\n' {
			break
		}
		line = append(line, buf[0])
	}
	return &child{url: "http://" + string(line), cmd: cmd, stdin: stdin}, nil
}

func (c *child) close() {
	_ = c.stdin.Close()
	_ = c.cmd.Wait()
}

func (c *child) post(path string) error {
	res, err := http.Post(c.url+path, "text/plain", nil)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s: %s %s", path, res.Status, b)
	}
	return nil
}

func (c *child) getJSON(path string, out any) error {
	res, err := http.Get(c.url + path)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(out)
}

func (c *child) stats() (stats, error) {
	var s stats
	return s, c.getJSON("/loadbench/stats", &s)
}

// profile starts writing the server's CPU profile over the next d to file
// ("" for none) and returns what waits for it to be written.
func (c *child) profile(file string, d time.Duration) func() error {
	if file == "" {
		return func() error { return nil }
	}
	done := make(chan error, 1)
	go func() { done <- c.download(fmt.Sprintf("/debug/pprof/profile?seconds=%d", int(d.Seconds())), file) }()
	return func() error {
		if err := <-done; err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		return nil
	}
}

func (c *child) download(path, file string) error {
	res, err := http.Get(c.url + path)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}

// client asks the API for today's visits.
type client struct {
	url, hash, op, day string
	http               *http.Client
}

func (c *client) body() []byte {
	b, _ := json.Marshal(map[string]any{
		"operationName": c.op, "variables": map[string]any{"date": c.day},
		"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": c.hash}},
	})
	return b
}

// do sends one request and returns the response body, refusing any error.
func (c *client) do(body []byte, token string) ([]byte, error) {
	return c.post(c.url+"/graphql", body, token)
}

// newHTTPClient asks for answers uncompressed, as wrk does in
// ../shared/bench: on loopback gzip costs the server CPU and saves nothing,
// and PostGraphile compresses nothing, so every target is asked alike.
func newHTTPClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns: 4 * conns, MaxIdleConnsPerHost: 4 * conns, IdleConnTimeout: time.Minute,
		DisableCompression: true,
	}}
}

// post sends one GraphQL request to url ("" token: none) and returns the
// response body, refusing any error.
func (c *client) post(url string, body []byte, token string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
		return nil, fmt.Errorf("%s: %.500s", res.Status, b)
	}
	return b, nil
}

// today requests the worker's day, checks it in full and returns its visits.
func (c *client) today(w *benchWorker) (int, error) {
	b, err := c.do(c.body(), w.token)
	if err != nil {
		return 0, err
	}
	var out struct {
		Data struct {
			MyVisits []struct {
				ID   string
				Plan *struct{ ID string }
			}
		}
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return 0, err
	}
	for _, v := range out.Data.MyVisits {
		if v.Plan == nil || v.Plan.ID == "" {
			return 0, fmt.Errorf("visit %s came without its plan", v.ID)
		}
	}
	return len(out.Data.MyVisits), nil
}

// loadResult is what a load run measured.
type loadResult struct {
	requests    int
	elapsed     time.Duration
	latencies   []time.Duration
	clientCPU   float64 // seconds of the load generator's CPU
	machineBusy float64 // share of all cores busy, every process counted
}

// load has n clients ask for random workers' days for d, each waiting for
// its answer before asking again.
func (c *client) load(workers []*benchWorker, n int, d time.Duration) (loadResult, error) {
	body := c.body()
	return hammer(n, d, func(r *mrand.Rand) error {
		_, err := c.do(body, workers[r.IntN(len(workers))].token)
		return err
	})
}

// hammer has n clients call one for d, each waiting for its answer before
// asking again, and measures them.
func hammer(n int, d time.Duration, one func(r *mrand.Rand) error) (loadResult, error) {
	var (
		mu        sync.Mutex
		latencies []time.Duration
		firstErr  error
		failed    atomic.Bool
		wg        sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := mrand.New(mrand.NewPCG(uint64(i), uint64(start.UnixNano())))
			mine := make([]time.Duration, 0, 4096)
			for !failed.Load() && time.Now().Before(deadline) {
				t0 := time.Now()
				if err := one(r); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					failed.Store(true)
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		return loadResult{}, firstErr
	}
	slices.Sort(latencies)
	return loadResult{requests: len(latencies), elapsed: elapsed, latencies: latencies}, nil
}

// percentile returns the nearest-rank p-th percentile (0 < p ≤ 100) of
// sorted durations: the smallest value with at least p% of them at or below it.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
