// Package apitest runs the real server stack (sign-in, GraphQL, consent,
// audit) over a real PostgreSQL database with demo data, and talks to it over
// HTTP exactly as a client does. Tests of the rules through the API live
// beside it.
package apitest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"database/sql"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"reablement/ent"
	"reablement/ent/account"
	"reablement/ent/demo"
	"reablement/ent/privacy"
	"reablement/ent/schema/pulid"
	"reablement/graph"
	"reablement/server/app"
	"reablement/server/sqlcount"
)

// Server is a running API.
type Server struct {
	URL    string
	Client *ent.Client // system-level access for arranging and checking data
	DB     *sql.DB
	app    *app.App
	http   *httptest.Server
	count  *sqlcount.Driver
	// dataDir holds the development signer's key.
	dataDir string
	// killBeforeAudit closes every database connection just as the audit
	// events are about to be written.
	killBeforeAudit atomic.Bool
	// observe, when set, sees every statement the API sends (Observe).
	observe atomic.Pointer[func(q string, args any)]
}

// Observe calls fn with every statement the API sends (its text and
// arguments) until the returned stop is called. Tests share a server, so fn
// may see other tests' statements too: pick yours by their text.
func (s *Server) Observe(fn func(q string, args any)) (stop func()) {
	s.observe.Store(&fn)
	return func() { s.observe.Store(nil) }
}

// Options shape the server under test.
type Options struct {
	// People is the size of the demo authority (0: no demo data).
	People int
	// Unenforced turns field-level consent and audit off, for the benchmark
	// that prices them; only a build with -tags consentoff can.
	Unenforced bool
	// EnforceOperations lets the app's roles run only the app's operations.
	EnforceOperations bool
	// RateSignIn, RateBadTokens and RateQueryCost lower the limits at the
	// door (a minute, per address or account) for the tests of them; zero
	// keeps the server's defaults.
	RateSignIn, RateBadTokens, RateQueryCost int
	// RateAnalystQueryCost sets an analyst's budget, which is none by default.
	RateAnalystQueryCost int
	// ReadTimeout is the server's HTTP_READ_TIMEOUT; zero keeps 30 s.
	ReadTimeout time.Duration
	// RequestTimeout is the server's REQUEST_TIMEOUT; zero keeps 30 s.
	RequestTimeout time.Duration
	// ReplicaURL is the server's DATABASE_REPLICA_URL: a streaming replica
	// of dbURL's database (pgtest.Replicated) for analysts' reads.
	ReplicaURL string
}

// Start runs a server for one test, closed with it.
func Start(t testing.TB, dbURL string, opts Options) *Server {
	t.Helper()
	s, err := New(dbURL, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// New runs the server over the database at dbURL (already migrated),
// loading demo data when asked. Close stops it.
func New(dbURL string, opts Options) (*Server, error) {
	ctx := context.Background()
	dataDir, err := os.MkdirTemp("", "apitest-")
	if err != nil {
		return nil, err
	}
	cfg := app.Config{
		DevSigner: true, DataDir: dataDir, Issuer: "reablement-test", Audience: "reablement",
		RequestTimeout: 30 * time.Second, StatementTimout: 10 * time.Second, MaxBodyBytes: 1 << 20,
		PseudonymKey: testPseudonymKey, StaticDir: filepath.Join(dataDir, "none"),
		Leeway: 30 * time.Second, PersistedDocuments: persistedDocuments(),
		MaxTokenAge: 12 * time.Hour, ReadTimeout: 30 * time.Second, IdleTimeout: time.Minute,
		RateSignIn: app.DefaultRateSignIn, RateBadTokens: app.DefaultRateBadTokens, RateQueryCost: app.DefaultRateQueryCost,
	}
	for dst, v := range map[*int]int{&cfg.RateSignIn: opts.RateSignIn, &cfg.RateBadTokens: opts.RateBadTokens, &cfg.RateQueryCost: opts.RateQueryCost, &cfg.RateAnalystQueryCost: opts.RateAnalystQueryCost} {
		if v != 0 {
			*dst = v
		}
	}
	if opts.ReadTimeout != 0 {
		cfg.ReadTimeout = opts.ReadTimeout
	}
	if opts.RequestTimeout != 0 {
		cfg.RequestTimeout = opts.RequestTimeout
	}
	cfg.EnforceOperations = opts.EnforceOperations
	cfg.ReplicaURL = opts.ReplicaURL
	hooks, err := handlerOptions(opts)
	if err != nil {
		return nil, err
	}
	// The server's own database side, pool and statement timeout included,
	// with every statement counted (and, on request, the audit write broken).
	srv := &Server{}
	var cnt *sqlcount.Driver
	b, err := app.Open(dbURL, cfg, func(d dialect.Driver) dialect.Driver {
		cnt = &sqlcount.Driver{Driver: d, Observe: func(q string, args any) {
			if showSQL {
				fmt.Fprintf(os.Stderr, "SQL %s %v\n", q, args)
			}
			if fn := srv.observe.Load(); fn != nil {
				(*fn)(q, args)
			}
			// Closing every connection just as the audit events are written.
			if srv.killBeforeAudit.Load() && strings.HasPrefix(q, `INSERT INTO "audit_events"`) {
				srv.DB.Close()
			}
		}}
		return cnt
	})
	if err != nil {
		return nil, err
	}
	srv.DB = b.DB
	client := b.Client
	if opts.People > 0 {
		if _, err := demo.Load(ctx, client, demo.Options{People: opts.People, Seed: 1}); err != nil {
			return nil, fmt.Errorf("loading demo data: %w", err)
		}
	}
	a, err := app.New(ctx, cfg, b, hooks...)
	if err != nil {
		return nil, err
	}
	a.SetReady()
	// The server's own http.Server, timeouts and all, as main serves it.
	hs := httptest.NewUnstartedServer(nil)
	hs.Config = a.HTTPServer("")
	hs.Start()
	srv.URL, srv.Client, srv.app, srv.http, srv.count, srv.dataDir = hs.URL, client, a, hs, cnt, dataDir
	return srv, nil
}

// showSQL (APITEST_SQL=1) prints every statement the API sends, to see
// where a request's statements go.
var showSQL = os.Getenv("APITEST_SQL") == "1"

// Close stops the server and removes its files.
func (s *Server) Close() {
	s.http.Close()
	s.Client.Close()
	os.RemoveAll(s.dataDir)
}

// System returns a context that reads and writes without a viewer's limits,
// for arranging and checking test data.
func System(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// Token signs in as a demo account, through the API as the web app does.
func (s *Server) Token(t testing.TB, username string) string {
	t.Helper()
	var out struct {
		SignInAsDemo struct{ Token string } `json:"signInAsDemo"`
	}
	s.MustDo(t, "", `mutation($u: String!) { signInAsDemo(username: $u) { token } }`, map[string]any{"u": username}, &out)
	return out.SignInAsDemo.Token
}

// Account returns a demo account by username.
func (s *Server) Account(t testing.TB, username string) *ent.Account {
	t.Helper()
	a, err := s.Client.Account.Query().Where(account.Username(username)).Only(System(context.Background()))
	if err != nil {
		t.Fatalf("account %s: %v", username, err)
	}
	return a
}

// Error is one GraphQL error as a client sees it.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e Error) Code() string { c, _ := e.Extensions["code"].(string); return c }

// Response is a GraphQL response as a client sees it.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
	// Extensions are the answer's extensions (extensions.replica, say).
	Extensions map[string]any `json:"extensions"`
	// Statements is how many SQL statements the request sent.
	Statements int64
}

// HasData reports whether any data came back (null data is none).
func (r Response) HasData() bool { return len(r.Data) > 0 && string(r.Data) != "null" }

// Codes lists the error codes in order.
func (r Response) Codes() []string {
	out := make([]string, len(r.Errors))
	for i, e := range r.Errors {
		out[i] = e.Code()
	}
	return out
}

// Do posts a GraphQL request with a bearer token ("" for none).
func (s *Server) Do(t testing.TB, token, query string, vars map[string]any) Response {
	t.Helper()
	return s.DoRaw(t, map[string]string{"Authorization": bearer(token)}, query, vars)
}

func bearer(token string) string {
	if token == "" {
		return ""
	}
	return "Bearer " + token
}

// DoPersisted posts a persisted operation by its sha256 hash alone, as the
// web app does.
func (s *Server) DoPersisted(t testing.TB, token, hash string, vars map[string]any) Response {
	t.Helper()
	return s.post(t, map[string]string{"Authorization": bearer(token)}, map[string]any{"variables": vars,
		"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
}

// DoRaw posts a GraphQL request with the given headers.
func (s *Server) DoRaw(t testing.TB, headers map[string]string, query string, vars map[string]any) Response {
	t.Helper()
	return s.post(t, headers, map[string]any{"query": query, "variables": vars})
}

func (s *Server) post(t testing.TB, headers map[string]string, payload map[string]any) Response {
	t.Helper()
	body, _ := json.Marshal(payload)
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	before := s.count.Count()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := Response{Status: res.StatusCode}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON (%d): %s", res.StatusCode, raw)
	}
	out.Statements = s.count.Count() - before
	checkMessages(t, out.Errors)
	return out
}

// ruleInWords is a rule's code inside a sentence (R1 … R37).
var ruleInWords = regexp.MustCompile(`\bR[0-9]{1,2}\b`)

// checkMessages fails the test when any error the API answered names a
// rule's code in its words (issue 12, item 7): the code belongs in
// extensions.rule, and the message says what to do next. Every test that
// meets a refusal checks this without asking.
func checkMessages(t testing.TB, errs []Error) {
	t.Helper()
	for _, e := range errs {
		texts := []string{e.Message}
		if problems, ok := e.Extensions["problems"].([]any); ok {
			for _, p := range problems {
				if m, ok := p.(map[string]any); ok {
					if text, ok := m["message"].(string); ok {
						texts = append(texts, text)
					}
				}
			}
		}
		for _, text := range texts {
			if code := ruleInWords.FindString(text); code != "" {
				t.Errorf("an error's message names %s in its words: %q (the code goes in extensions.rule)", code, text)
			}
		}
	}
}

// MustDo posts a request, fails the test on any error, and decodes data into out.
func (s *Server) MustDo(t testing.TB, token, query string, vars map[string]any, out any) {
	t.Helper()
	r := s.Do(t, token, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("decoding %s: %v", r.Data, err)
		}
	}
}

// KillDatabaseBeforeAudit makes the server lose its database connections
// at the moment it writes its next audit events. The server is unusable
// afterwards: use one of its own.
func (s *Server) KillDatabaseBeforeAudit() { s.killBeforeAudit.Store(true) }

// persistedDocuments finds the web app's allow-list from this package's folder.
func persistedDocuments() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "frontend", "src", "gql", "persisted-documents.json")
}

// PersistedHash returns the hash of the web app's operation whose document
// starts with prefix ("query Caseload("), so tests of persisted operations
// follow the app's documents as they change instead of going stale.
func PersistedHash(t testing.TB, prefix string) string {
	t.Helper()
	b, err := os.ReadFile(persistedDocuments())
	if err != nil {
		t.Fatal(err)
	}
	var docs map[string]string
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	for hash, doc := range docs {
		if strings.HasPrefix(doc, prefix) {
			return hash
		}
	}
	t.Fatalf("no persisted document starts with %q", prefix)
	return ""
}

// AnalystID returns the id an analyst knows a record by.
func (s *Server) AnalystID(id pulid.ID) string {
	return string(graph.AnalystIDs(testPseudonymKey).Seal(id))
}

// StaffID returns the record id behind an analyst's id.
func (s *Server) StaffID(analystID string) pulid.ID {
	id, _ := graph.AnalystIDs(testPseudonymKey).Open(analystID)
	return id
}

// testPseudonymKey keys the test server's pseudonyms and analysts' ids.
var testPseudonymKey = bytes.Repeat([]byte{7}, 32)

// SigningKey returns the development signer's private key and key id, so
// tests can make tokens that are wrong in exactly one way.
func (s *Server) SigningKey(t testing.TB) (ed25519.PrivateKey, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dataDir, "dev-signer.key"))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(b)
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return key.(ed25519.PrivateKey), s.app.SignerKeyID()
}

// RawResponse is an answer to a request made byte by byte.
type RawResponse struct {
	Response
	Header http.Header
	// Size is the answer's length in bytes.
	Size int
}

// PostRaw sends body to /graphql exactly as given, with the content type
// and headers given, for tests of what hostile or broken clients send.
func (s *Server) PostRaw(t testing.TB, contentType string, body []byte, headers map[string]string) RawResponse {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return s.send(t, req)
}

// Get sends a GET to path with the headers given.
func (s *Server) Get(t testing.TB, path string, headers map[string]string) RawResponse {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL+path, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return s.send(t, req)
}

func (s *Server) send(t testing.TB, req *http.Request) RawResponse {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := RawResponse{Header: res.Header, Size: len(raw)}
	out.Status = res.StatusCode
	if strings.Contains(res.Header.Get("Content-Type"), "json") {
		if err := json.Unmarshal(raw, &out.Response); err != nil {
			t.Fatalf("response is not JSON (%d): %.300s", res.StatusCode, raw)
		}
	}
	out.Status = res.StatusCode
	return out
}
