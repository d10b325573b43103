package main

// The ceiling: the SQL the API sent for one request of each worker, with its
// arguments written in as literals, run by pgbench at the same concurrency.
// One script holds every worker's statements under \if branches, chosen by
// `\set w random(1, N)`, so each transaction is one worker's request.

import (
	"bufio"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

var placeholder = regexp.MustCompile(`\$(\d+)`)

// render writes q with its arguments as SQL literals. In an INSERT, the
// values of the "id" column become fresh random ids, so that the script can
// insert the same audit rows again and again.
func render(q string, args []any) (string, error) {
	idCol, cols := -1, 0
	// INSERT … SELECT … FROM unnest($1::text[], …): the rows come as arrays,
	// the first of them their ids.
	fromArrays := strings.HasPrefix(q, "INSERT INTO ") && strings.Contains(q, "unnest($1::text[]")
	if strings.HasPrefix(q, "INSERT INTO ") && !fromArrays {
		open, close := strings.Index(q, "("), strings.Index(q, ")")
		if open > 0 && close > open {
			for i, c := range strings.Split(q[open+1:close], ",") {
				if strings.TrimSpace(c) == `"id"` {
					idCol = i
				}
				cols++
			}
		}
	}
	var bad error
	out := placeholder.ReplaceAllStringFunc(q, func(m string) string {
		n, _ := strconv.Atoi(m[1:])
		if n < 1 || n > len(args) {
			bad = fmt.Errorf("%s without an argument in %q", m, q)
			return m
		}
		if rows, ok := args[n-1].(pq.StringArray); ok && n == 1 && fromArrays {
			// The new rows' ids, one per element (the audit write's unnest):
			// fresh ones of the same shape on every execution.
			if len(rows) > 0 && len(rows[0]) > 2 {
				return fmt.Sprintf("ARRAY(SELECT %s || upper(substr(md5(random()::text), 1, %d)) FROM generate_series(1, %d))",
					pq.QuoteLiteral(rows[0][:2]), len(rows[0])-2, len(rows))
			}
		}
		if idCol >= 0 && (n-1)%cols == idCol {
			// Same length and prefix as the real id; unique per execution.
			if s := fmt.Sprint(args[n-1]); len(s) > 2 {
				return fmt.Sprintf("(%s || upper(substr(md5(random()::text), 1, %d)))", pq.QuoteLiteral(s[:2]), len(s)-2)
			}
		}
		lit, err := literal(args[n-1])
		if err != nil {
			bad = err
		}
		return lit
	})
	return out, bad
}

// literal writes one argument as PostgreSQL would receive it.
func literal(v any) (string, error) {
	if val, ok := v.(driver.Valuer); ok {
		x, err := val.Value()
		if err != nil {
			return "", err
		}
		v = x
	}
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return pq.QuoteLiteral(x), nil
	case []byte:
		if json.Valid(x) && len(x) > 0 && (x[0] == '[' || x[0] == '{' || x[0] == '"') {
			return pq.QuoteLiteral(string(x)), nil
		}
		return `'\x` + hex.EncodeToString(x) + `'::bytea`, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x), nil
	case float32, float64:
		return fmt.Sprint(x), nil
	case time.Time:
		return pq.QuoteLiteral(x.Format(time.RFC3339Nano)) + "::timestamptz", nil
	case fmt.Stringer:
		return pq.QuoteLiteral(x.String()), nil
	}
	// Named types: enums and ids (strings), counts, JSON (bytes).
	switch rv := reflect.ValueOf(v); {
	case rv.Kind() == reflect.String:
		return literal(rv.String())
	case rv.CanInt():
		return literal(rv.Int())
	case rv.CanUint():
		return literal(rv.Uint())
	case rv.Kind() == reflect.Bool:
		return literal(rv.Bool())
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8:
		return literal(rv.Bytes())
	}
	return "", fmt.Errorf("no literal for %T", v)
}

// writeScript writes the pgbench script: one \if branch per worker.
func writeScript(path string, workers []*benchWorker) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "\\set w random(1, %d)\n", len(workers))
	for i, wk := range workers {
		kw := `\elif`
		if i == 0 {
			kw = `\if`
		}
		fmt.Fprintf(w, "%s :w = %d\n", kw, i+1)
		for _, s := range wk.sql {
			// pgbench reads one statement per line (a backslash command ends
			// at the line's end; SQL at the semicolon).
			fmt.Fprintf(w, "%s;\n", strings.ReplaceAll(s.SQL, "\n", " "))
		}
	}
	fmt.Fprintln(w, `\endif`)
	if err := w.Flush(); err != nil {
		return "", err
	}
	return path, f.Close()
}

// ceiling is what pgbench measured.
type ceiling struct {
	TPS       float64
	LatencyMS float64
	Failed    string
	// machineBusy is the share of all cores busy during the run.
	machineBusy float64
}

var (
	tpsLine     = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)
	latencyLine = regexp.MustCompile(`latency average = ([0-9.]+) ms`)
	failedLine  = regexp.MustCompile(`number of failed transactions: (\d+)`)
)

func runPgbench(prog, dbURL, script string, clients int, d time.Duration, extra ...string) (ceiling, error) {
	args := append([]string{"-n", "-c", strconv.Itoa(clients), "-j", "2", "-T", strconv.Itoa(max(1, int(d.Seconds()))), "-f", script}, extra...)
	args = append(args, dbURL)
	out, err := exec.Command(prog, args...).CombinedOutput()
	if err != nil {
		return ceiling{}, fmt.Errorf("pgbench: %w\n%s", err, tail(string(out), 3000))
	}
	return parsePgbench(string(out))
}

func parsePgbench(out string) (ceiling, error) {
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return ceiling{}, fmt.Errorf("pgbench printed no tps:\n%s", tail(out, 3000))
	}
	var c ceiling
	c.TPS, _ = strconv.ParseFloat(m[1], 64)
	if m := latencyLine.FindStringSubmatch(out); m != nil {
		c.LatencyMS, _ = strconv.ParseFloat(m[1], 64)
	}
	if m := failedLine.FindStringSubmatch(out); m != nil {
		c.Failed = m[1]
	}
	return c, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
