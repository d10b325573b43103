package apitest_test

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// Issue 11: every answer carries the security headers; the API's are
// never stored; GraphiQL runs with no inline script.
func TestHeadersAtTheDoor(t *testing.T) {
	s := server(t)
	common := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
	}
	check := func(name string, h http.Header, noStore bool) {
		t.Helper()
		for k, want := range common {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s is %q, want %q", name, k, got, want)
			}
		}
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q lacks frame-ancestors 'none'", name, csp)
		}
		if m := regexp.MustCompile(`script-src [^;]*`).FindString(csp); strings.Contains(m, "unsafe-inline") || strings.Contains(m, "unsafe-eval") {
			t.Errorf("%s: scripts may run inline: %q", name, csp)
		}
		if noStore && h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control is %q, want no-store", name, h.Get("Cache-Control"))
		}
	}
	check("the web app", s.Get(t, "/", nil).Header, false)
	check("a route of the web app", s.Get(t, "/people/PE01", nil).Header, false)
	token := s.Token(t, "priya.practitioner")
	ok := s.PostRaw(t, "application/json", []byte(`{"query": "{ me { roles } }"}`), map[string]string{"Authorization": "Bearer " + token})
	check("an API answer", ok.Header, true)
	check("a refused token", s.PostRaw(t, "application/json", []byte(`{"query": "{ me { roles } }"}`), map[string]string{"Authorization": "Bearer nonsense"}).Header, true)
	check("a malformed body", s.PostRaw(t, "application/json", []byte(`{`), nil).Header, true)
	check("a GET query", s.Get(t, "/graphql?query="+url.QueryEscape("{ __typename }"), nil).Header, true)

	// The web app sends queries by GET, persisted by hash, as urql does.
	ext := url.QueryEscape(`{"persistedQuery":{"version":1,"sha256Hash":"` + appOperation(t, "query CaseloadViewer ") + `"}}`)
	got := s.Get(t, "/graphql?operationName=CaseloadViewer&variables=%7B%7D&extensions="+ext, map[string]string{"Authorization": "Bearer " + token})
	if got.Status != 200 || len(got.Errors) > 0 || !got.HasData() {
		t.Errorf("a persisted query by GET: %d %+v", got.Status, got.Errors)
	}
	check("a persisted query by GET", got.Header, true)
	mutation := s.Get(t, "/graphql?query="+url.QueryEscape(`mutation { signInAsDemo(username: "ian.auditor") { token } }`), nil)
	if mutation.Status != http.StatusMethodNotAllowed || len(mutation.Errors) != 1 || mutation.Errors[0].Code() != "INVALID_INPUT" {
		t.Errorf("a mutation by GET: %d %v", mutation.Status, mutation.Codes())
	}

	res, err := http.Get(s.URL + "/graphql") // no Accept: text/html: the API
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql", nil)
	req.Header.Set("Accept", "text/html")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	check("GraphiQL", res.Header, false)
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(string(page), -1) {
		if !strings.Contains(tag, "src=") {
			t.Errorf("GraphiQL has an inline script: %s", tag)
		}
	}
	if strings.Contains(string(page), "<style") {
		t.Error("GraphiQL has an inline style element")
	}
	boot := s.Get(t, "/graphiql/bootstrap.js", nil)
	if boot.Status != 200 || !strings.Contains(boot.Header.Get("Content-Type"), "javascript") {
		t.Errorf("GraphiQL's bootstrap: %d %s", boot.Status, boot.Header.Get("Content-Type"))
	}
}

// Issue 11: a body trickled one byte at a time is cut off at the read
// timeout instead of holding the connection for minutes.
func TestASlowBodyIsCutOff(t *testing.T) {
	s := apitest.Start(t, pgtest.URL(), apitest.Options{ReadTimeout: 2 * time.Second})
	u, _ := url.Parse(s.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n", u.Host)
	done := make(chan time.Duration, 1)
	go func() {
		// Whatever the server says (a 400, or just closing), it says it
		// when it stops listening.
		_, _ = io.Copy(io.Discard, conn)
		done <- time.Since(start)
	}()
	body := `{"query": "{ me { roles } }"}` + strings.Repeat(" ", 200)
	for i := 0; i < 200; i++ {
		select {
		case took := <-done:
			if took > 5*time.Second {
				t.Errorf("the connection was cut after %v; want about the 2 s read timeout", took)
			}
			t.Logf("a trickled body was cut off after %v (%d bytes sent)", took.Round(time.Millisecond), i)
			return
		default:
		}
		if _, err := conn.Write([]byte{body[i]}); err != nil {
			t.Logf("write refused after %v: %v", time.Since(start).Round(time.Millisecond), err)
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("the server kept reading a trickled body for %v", time.Since(start))
}

// Issue 11: sign-in attempts and refused tokens per address, and query
// cost per account, are limited: 429 with Retry-After and RATE_LIMITED.
func TestRateLimitsAnswer429(t *testing.T) {
	server(t) // the demo data, loaded once for the package
	s := apitest.Start(t, pgtest.URL(), apitest.Options{RateSignIn: 3, RateBadTokens: 3, RateQueryCost: 3000})
	limited := func(name string, r apitest.RawResponse) {
		t.Helper()
		if r.Status != http.StatusTooManyRequests || len(r.Errors) == 0 || r.Errors[0].Code() != "RATE_LIMITED" {
			t.Fatalf("%s: status %d %v %+v", name, r.Status, r.Codes(), r.Errors)
		}
		wait, err := strconv.Atoi(r.Header.Get("Retry-After"))
		if err != nil || wait < 1 || wait > 60 {
			t.Errorf("%s: Retry-After %q", name, r.Header.Get("Retry-After"))
		}
		if r.Errors[0].Extensions["retryable"] != true {
			t.Errorf("%s: not marked retryable: %v", name, r.Errors[0].Extensions)
		}
		t.Logf("%s: 429, Retry-After %ds: %s", name, wait, r.Errors[0].Message)
	}
	signIn := func() apitest.RawResponse {
		body, _ := json.Marshal(map[string]any{"query": `mutation($u: String!) { signInAsDemo(username: $u) { token } }`, "variables": map[string]any{"u": "ian.auditor"}})
		return s.PostRaw(t, "application/json", body, nil)
	}
	r := signIn()
	var out struct {
		SignInAsDemo struct{ Token string }
	}
	if err := json.Unmarshal(r.Data, &out); err != nil || out.SignInAsDemo.Token == "" {
		t.Fatalf("sign-in: %d %v %s", r.Status, r.Codes(), r.Data)
	}
	token := out.SignInAsDemo.Token
	signIn()
	signIn()
	limited("a fourth sign-in in a minute", signIn())

	// Query cost: each costs 20 × (1 + 100) + …; the third goes over 3,000.
	q := []byte(`{"query": "{ auditEvents(first: 100) { edges { node { id } } } }"}`)
	auth := map[string]string{"Authorization": "Bearer " + token}
	var last apitest.RawResponse
	for i := 0; i < 40; i++ {
		last = s.PostRaw(t, "application/json", q, auth)
		if last.Status == http.StatusTooManyRequests {
			break
		}
		if len(last.Errors) > 0 {
			t.Fatalf("query %d: %v %+v", i, last.Codes(), last.Errors)
		}
	}
	limited("query cost over the minute's budget", last)

	for i := 0; i < 3; i++ {
		if r := s.PostRaw(t, "application/json", q, map[string]string{"Authorization": "Bearer not-a-token"}); r.Status != 401 {
			t.Fatalf("bad token %d: %d %v", i, r.Status, r.Codes())
		}
	}
	limited("a fourth bad token", s.PostRaw(t, "application/json", q, map[string]string{"Authorization": "Bearer not-a-token"}))
}

// Issues 11 and 14: an analyst's budget is her own. Under a per-account
// budget that stops the auditor after two pages, the analyst pages on
// (she sees pseudonymised coded values, and reading the authority in
// pages is her job; fair admission keeps her from crowding anyone out),
// until RATE_ANALYST_QUERY_COST gives her a budget too.
func TestAnAnalystsQueryBudgetIsHerOwn(t *testing.T) {
	server(t) // the demo data, loaded once for the package
	page := []byte(`{"query": "{ plans(first: 100) { edges { node { id status outcomes(first: 20) { edges { node { id kind achievement } } } } } } }"}`)
	pages := func(s *apitest.Server) (ok int, last apitest.RawResponse) {
		auth := map[string]string{"Authorization": "Bearer " + s.Token(t, "ana.analyst")}
		for ok = 0; ok < 20; ok++ {
			last = s.PostRaw(t, "application/json", page, auth)
			if last.Status != http.StatusOK || len(last.Errors) > 0 {
				return ok, last
			}
		}
		return ok, last
	}
	unbudgeted := apitest.Start(t, pgtest.URL(), apitest.Options{RateQueryCost: 3000})
	if n, last := pages(unbudgeted); n != 20 {
		t.Fatalf("with no analyst budget, page %d was refused: %d %v", n+1, last.Status, last.Codes())
	}
	budgeted := apitest.Start(t, pgtest.URL(), apitest.Options{RateQueryCost: 3000, RateAnalystQueryCost: 100_000})
	n, last := pages(budgeted)
	if n == 20 || last.Status != http.StatusTooManyRequests || last.Errors[0].Code() != "RATE_LIMITED" {
		t.Fatalf("with an analyst budget of 100,000 a minute: %d pages, then %d %v", n, last.Status, last.Codes())
	}
	if n == 0 {
		t.Fatalf("the budget refused even the first page")
	}
}

// Issue 11: a token older than AUTH_MAX_TOKEN_AGE (12 hours), or made to
// live longer, is refused even though it has not expired.
func TestOldAndLongLivedTokensAreRefused(t *testing.T) {
	s := server(t)
	key, kid := s.SigningKey(t)
	subject := s.Account(t, "priya.practitioner").Subject
	sign := func(iat, exp time.Time) string {
		tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.MapClaims{"iss": "reablement-test", "aud": "reablement", "sub": subject, "iat": iat.Unix(), "exp": exp.Unix()})
		tok.Header["kid"] = kid
		out, err := tok.SignedString(ed25519.PrivateKey(key))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	now := time.Now()
	for name, token := range map[string]string{
		"issued 13 hours ago":     sign(now.Add(-13*time.Hour), now.Add(time.Hour)),
		"made to live for a week": sign(now, now.Add(7*24*time.Hour)),
	} {
		r := s.Do(t, token, `{ me { roles } }`, nil)
		if r.Status != 401 || len(r.Codes()) != 1 || r.Codes()[0] != "UNAUTHENTICATED" || r.HasData() {
			t.Errorf("%s: %d %v", name, r.Status, r.Codes())
		}
	}
}

// Issue 11: /readyz says not ready when the database takes no writes (a
// standby, a full disk), not only when it does not answer.
func TestReadyzNeedsADatabaseThatWrites(t *testing.T) {
	s := apitest.Start(t, pgtest.URL(), apitest.Options{})
	if r := s.Get(t, "/readyz", nil); r.Status != 200 {
		t.Fatalf("readyz on a healthy database: %d", r.Status)
	}
	var name string
	if err := s.DB.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	// Every new connection starts read-only, as some managed services make
	// a database whose disk is full.
	if _, err := s.DB.Exec(`ALTER DATABASE "` + name + `" SET default_transaction_read_only = on`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, _ := s.DB.Begin()
		_, _ = conn.Exec(`SET TRANSACTION READ WRITE`)
		_, _ = conn.Exec(`ALTER DATABASE "` + name + `" RESET default_transaction_read_only`)
		_ = conn.Commit()
	})
	s.DB.SetMaxIdleConns(0) // so the next check opens a new connection
	if r := s.Get(t, "/readyz", nil); r.Status != http.StatusServiceUnavailable {
		t.Errorf("readyz on a read-only database: %d, want 503", r.Status)
	}
}

// Issue 11: the request's deadline reaches the database. A query stuck
// behind a lock is cancelled at REQUEST_TIMEOUT, not at the statement
// timeout, and answers a retryable CONFLICT (nothing was changed), not
// INTERNAL.
func TestTheRequestDeadlineReachesTheDatabase(t *testing.T) {
	server(t)
	s := apitest.Start(t, pgtest.URL(), apitest.Options{RequestTimeout: 700 * time.Millisecond})
	token := s.Token(t, "priya.practitioner")
	tx, err := s.DB.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`LOCK TABLE persons IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := s.Do(t, token, `{ people(first: 1) { totalCount } }`, nil)
	took := time.Since(start)
	if len(r.Errors) == 0 || r.Errors[0].Code() != "CONFLICT" || r.Errors[0].Extensions["retryable"] != true {
		t.Fatalf("a query behind a lock: %d %v %+v", r.Status, r.Codes(), r.Errors)
	}
	if took > 3*time.Second {
		t.Errorf("the query ran %v; want it stopped at the 700 ms deadline", took)
	}
	t.Logf("stopped after %v: %s", took.Round(time.Millisecond), r.Errors[0].Message)
}

// Issue 11: a lock wait that times out in PostgreSQL (SQLSTATE 55P03) is a
// retryable CONFLICT, not INTERNAL ("tell support").
func TestALockTimeoutIsARetryableConflict(t *testing.T) {
	server(t)
	s := apitest.Start(t, pgtest.URL(), apitest.Options{})
	token := s.Token(t, "priya.practitioner")
	var name string
	if err := s.DB.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.Exec(`ALTER DATABASE "` + name + `" SET lock_timeout = '300ms'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.DB.Exec(`ALTER DATABASE "` + name + `" RESET lock_timeout`) })
	s.DB.SetMaxIdleConns(0) // new connections, with the lock timeout
	tx, err := s.DB.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`LOCK TABLE persons IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	r := s.Do(t, token, `{ people(first: 1) { totalCount } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Code() != "CONFLICT" || r.Errors[0].Extensions["retryable"] != true {
		t.Fatalf("a lock timeout: %d %v %+v", r.Status, r.Codes(), r.Errors)
	}
	t.Logf("%s", r.Errors[0].Message)
}

// The server's connections never JIT-compile a statement, whatever the
// database's own settings say (issue 14: compiling one of the statistics'
// aggregates took longer than running it), and keep the statement timeout
// beside it.
func TestThePoolNeverCompilesStatementsAndKeepsItsTimeout(t *testing.T) {
	s := apitest.Start(t, pgtest.URL(), apitest.Options{})
	var name string
	if err := s.DB.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	// As a database tuned for analytics would be: compile everything.
	if _, err := s.DB.Exec(`ALTER DATABASE "` + name + `" SET jit_above_cost = 0`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.DB.Exec(`ALTER DATABASE "` + name + `" RESET jit_above_cost`) })
	s.DB.SetMaxIdleConns(0) // new connections, with the database's setting
	for setting, want := range map[string]string{"jit": "off", "statement_timeout": "10s", "jit_above_cost": "0"} {
		var got string
		if err := s.DB.QueryRow(`SELECT current_setting($1)`, setting).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s on the server's connections is %q, want %q", setting, got, want)
		}
	}
}
