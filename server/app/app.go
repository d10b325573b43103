package app

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"reablement/ent"
	"reablement/ent/disclosure"
	"reablement/ent/fault"
	"reablement/ent/viewer"
	"reablement/graph"
	"reablement/graph/limits"
	"reablement/server/auth"
)

// Package app is the HTTP side of the server: configuration, sign-in, the
// GraphQL endpoint, GraphiQL, health checks and the web app. server/main.go
// runs it; tests drive it through httptest exactly as clients do.
//
// App is the running server's shared state.
type App struct {
	cfg      Config
	db       *sql.DB
	client   *ent.Client
	verifier *auth.Verifier
	signer   *auth.DevSigner
	graphql  http.Handler
	ready    atomic.Bool
	// badTokens limits refused tokens per client address.
	badTokens *limits.Rate
	// viewers keeps accounts' grants while their grants_version holds.
	viewers *viewer.Cache
}

// New wires the HTTP side (sign-in, the GraphQL handler with consent and
// audit, GraphiQL, health checks, the web app) over a Backend made by Open.
// The server, the API tests and the load benchmark all start this way;
// opts exist for test builds only (graph.Unenforced).
func New(ctx context.Context, cfg Config, b *Backend, opts ...graph.Option) (*App, error) {
	a := &App{cfg: cfg, db: b.DB, client: b.Client, viewers: viewer.NewCache()}
	client, drv := b.Client, b.Driver
	var extra []auth.Key
	if cfg.DevSigner {
		signer, err := auth.NewDevSigner(cfg.Issuer, cfg.Audience, filepath.Join(cfg.DataDir, "dev-signer.key"))
		if err != nil {
			return nil, fmt.Errorf("development signer: %w", err)
		}
		a.signer = signer
		extra = append(extra, signer.Key())
		slog.Warn("DEVELOPMENT SIGNER IS ON: anyone who can reach this server can sign in as any demo account. Never use DEV_SIGNER=1 with real data.")
	}
	verifier, err := auth.NewVerifier(ctx, auth.Config{
		Issuer: cfg.Issuer, Audience: cfg.Audience, JWKSFile: cfg.JWKSFile, JWKSURL: cfg.JWKSURL,
		Algorithms: cfg.Algorithms, Leeway: cfg.Leeway, MaxAge: cfg.MaxTokenAge,
	}, extra...)
	if err != nil {
		return nil, fmt.Errorf("sign-in: %w", err)
	}
	a.verifier = verifier
	key := cfg.PseudonymKey
	if key == nil {
		if key, err = devPseudonymKey(cfg.DataDir); err != nil {
			return nil, err
		}
	}
	r := &graph.Resolver{Client: client, Driver: drv, PseudonymKey: key, Replica: b.Replica,
		Disclosure: disclosure.Control{Threshold: cfg.StatsThreshold, RoundTo: cfg.StatsRoundTo}}
	if a.signer != nil {
		r.Signer = a.signer
	}
	ops, err := graph.LoadOperations(cfg.PersistedDocuments, cfg.EnforceOperations)
	if err != nil {
		return nil, err
	}
	lim := graph.DefaultLimits
	lim.Rates = limits.Rates{
		SignIn:    limits.NewRate(cfg.RateSignIn),
		BadTokens: limits.NewRate(cfg.RateBadTokens),
		Cost:      limits.NewRate(cfg.RateQueryCost),
		// Analysts' own budget, none by default: their whole job is reading
		// the authority in pages, what they read is pseudonymised, and fair
		// admission (admit) keeps one account from crowding out the rest.
		AnalystCost: limits.NewRate(cfg.RateAnalystQueryCost),
	}
	a.badTokens = lim.Rates.BadTokens
	a.graphql = graph.NewHandler(r, lim, ops, opts...)
	return a, nil
}

// devPseudonymKey makes (once) and reads a local key, so demo pseudonyms
// stay stable across restarts without configuration.
func devPseudonymKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, "pseudonym.key")
	if b, err := os.ReadFile(path); err == nil {
		return hex.DecodeString(strings.TrimSpace(string(b)))
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return key, os.WriteFile(path, []byte(hex.EncodeToString(key)), 0o600)
}

// Handler is the whole HTTP side: the API, GraphiQL, health checks and
// the web app, each answer with the security headers.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", a.readyz)
	api := limits.BodyLimit(a.cfg.MaxBodyBytes, readBody(a.authenticate(admit(newGate(inFlight()), a.graphql))))
	mux.Handle("/graphql", a.graphiqlOr(api))
	mux.Handle("GET /graphiql/", graphiqlAssets())
	mux.Handle("/", a.spa())
	return a.requestContext(headers(compressed(mux)))
}

// inFlight is how many API requests run at once: three per core. The work
// of a request is mostly CPU (consent, marshalling) with short waits on
// PostgreSQL, so more at once only adds live heap, garbage-collector work
// and cache misses while the rest of the queue waits anyway (issue 14).
func inFlight() int {
	if v, err := strconv.Atoi(os.Getenv("API_IN_FLIGHT")); err == nil && v > 0 {
		return v
	}
	return 3 * runtime.GOMAXPROCS(0)
}

// errReader gives err once the body read so far is used up.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// SignerKeyID is the development signer's key id, or "" when it is off.
func (a *App) SignerKeyID() string {
	if a.signer == nil {
		return ""
	}
	return a.signer.Key().ID
}

// SetReady marks the server ready once start-up work is done.
func (a *App) SetReady() { a.ready.Store(true) }

// readyz answers 200 once migrations ran and the database answers and
// takes writes (a full disk or a standby is not ready).
func (a *App) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if !a.ready.Load() {
		http.Error(w, "starting", http.StatusServiceUnavailable)
		return
	}
	if err := a.db.PingContext(ctx); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	if err := a.canWrite(ctx); err != nil {
		slog.WarnContext(ctx, "not ready: the database takes no writes", "err", err)
		http.Error(w, "database takes no writes", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

// graphiqlOr serves GraphiQL to a browser asking for HTML, the API otherwise.
// With the development signer on, ?token= pre-fills the Authorization header.
func (a *App) graphiqlOr(api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.Contains(r.Header.Get("Accept"), "text/html") {
			a.graphiql(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

// spa serves the built web app, falling back to index.html for its routes.
func (a *App) spa() http.Handler {
	dir := a.cfg.StaticDir
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		index := filepath.Join(dir, "index.html")
		if _, err := os.Stat(index); err != nil {
			http.Error(w, "The web app is not built. Run `make run`, or use GraphiQL at /graphql.", http.StatusNotFound)
			return
		}
		path := filepath.Join(dir, filepath.Clean("/"+r.URL.Path))
		if st, err := os.Stat(path); err != nil || st.IsDir() {
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeFile(w, r, index)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}

// authenticate resolves the bearer token to a viewer. A request with no
// token goes on without one (only sign-in and introspection answer it); a
// token that fails any check is refused outright with UNAUTHENTICATED.
func (a *App) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, present, err := auth.BearerToken(r)
		if err == nil && !present {
			next.ServeHTTP(w, r)
			return
		}
		addr := clientAddress(r)
		// An address that has sent too many bad tokens is not heard until
		// its bucket refills: guessing tokens is slow, and costs us little.
		if limited, wait := a.badTokens.Exhausted(addr); limited {
			tooManyBadTokens(w, r, wait)
			return
		}
		var claims auth.Claims
		if err == nil {
			claims, err = a.verifier.Verify(r.Context(), token)
		}
		if err != nil {
			slog.InfoContext(r.Context(), "sign-in refused", "reason", err)
			a.badTokens.Allow(addr)
			unauthenticated(w, r, "Your sign-in was not accepted: "+reasonOf(err)+". Sign in again.")
			return
		}
		v, err := a.viewers.Load(r.Context(), a.client, claims.Subject, time.Now())
		if err != nil {
			a.viewerRefused(w, r, addr, err)
			return
		}
		ctx := auth.WithClaims(r.Context(), claims)
		if !v.Unconfirmed() {
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
			return
		}
		// Built from the cache: the answer leaves only once the database
		// confirms the account (viewer.Cache). When it says the account
		// changed, nothing was written; answer afresh, once, from the row.
		header := w.Header().Clone()
		next.ServeHTTP(&heldWriter{ResponseWriter: w, v: v}, r.WithContext(viewer.NewContext(ctx, v)))
		if !v.Stale() {
			return
		}
		if v, err = a.viewers.LoadFresh(r.Context(), a.client, claims.Subject, time.Now()); err != nil {
			a.viewerRefused(w, r, addr, err)
			return
		}
		clear(w.Header())
		maps.Copy(w.Header(), header)
		if r.GetBody != nil {
			r.Body, _ = r.GetBody() // readBody's: the body read, again; it cannot fail
		}
		next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
	})
}

// viewerRefused answers a request whose token is valid but whose viewer
// could not be loaded: no active account (401, counted against the
// address like a bad token), or the database down or busy (503, which
// clients retry).
func (a *App) viewerRefused(w http.ResponseWriter, r *http.Request, addr string, err error) {
	if f, ok := fault.As(err); ok && f.Code == fault.Unauthenticated {
		a.badTokens.Allow(addr)
		unauthenticated(w, r, f.Message)
		return
	}
	graph.WriteErrors(r.Context(), w, http.StatusServiceUnavailable, fmt.Errorf("loading viewer: %w", err))
}

// heldWriter writes an answer only if its viewer is not stale by the time
// it is written: the consent layer marks a stale viewer before the answer
// is written, and then nothing of that answer may leave.
type heldWriter struct {
	http.ResponseWriter
	v *viewer.Viewer
}

// WriteHeader writes the status unless the viewer is stale.
func (h *heldWriter) WriteHeader(code int) {
	if !h.v.Stale() {
		h.ResponseWriter.WriteHeader(code)
	}
}

// Write writes b unless the viewer is stale.
func (h *heldWriter) Write(b []byte) (int, error) {
	if h.v.Stale() {
		return len(b), nil
	}
	return h.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the writer underneath.
func (h *heldWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }

func reasonOf(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, auth.ErrUnauthenticated.Error()+": ")
	return msg
}

func unauthenticated(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="reablement"`)
	graph.WriteErrors(r.Context(), w, http.StatusUnauthorized, fault.New(fault.Unauthenticated, "%s", msg))
}

func tooManyBadTokens(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	graph.WriteErrors(r.Context(), w, http.StatusTooManyRequests, fault.Limited(wait, fmt.Sprintf(
		"Too many sign-ins that were not accepted came from this address. Wait %s, then sign in again.", graph.Seconds(wait))))
}

type requestIDKey struct{}

// requestContext gives each request an id (from X-Request-Id when sane, so
// a proxy's id carries through), a time limit, and one log line.
func (a *App) requestContext(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if len(id) == 0 || len(id) > 64 || strings.ContainsAny(id, " \t\r\n\"") {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		ctx, cancel := context.WithTimeout(r.Context(), a.cfg.RequestTimeout)
		defer cancel()
		ctx = context.WithValue(ctx, requestIDKey{}, id)
		ctx = limits.WithClient(ctx, clientAddress(r))
		ctx = viewer.WithRequestID(ctx, id)
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(sw, r.WithContext(ctx))
		if r.URL.Path != "/healthz" && r.URL.Path != "/readyz" {
			slog.InfoContext(ctx, "request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds())
		}
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// withRequestID adds the request id to every log line written with a context.
// LogHandler wraps h so every line logged with a request's context carries its id.
func LogHandler(h slog.Handler) slog.Handler { return withRequestID{h} }

type withRequestID struct{ slog.Handler }

func (h withRequestID) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h withRequestID) WithAttrs(attrs []slog.Attr) slog.Handler {
	return withRequestID{h.Handler.WithAttrs(attrs)}
}

func (h withRequestID) WithGroup(name string) slog.Handler {
	return withRequestID{h.Handler.WithGroup(name)}
}

// WithStatementTimeout sets PostgreSQL's statement_timeout on every
// connection of the pool, so a runaway query is stopped by the database.
func WithStatementTimeout(dbURL string, d time.Duration) (string, error) {
	return withSetting(dbURL, fmt.Sprintf("statement_timeout=%d", d.Milliseconds()))
}

// WithoutJIT turns PostgreSQL's JIT compilation off on every connection.
// The server's statements are short: PostgreSQL compiles a statement whose
// estimated cost passes jit_above_cost, and for the statistics' aggregates,
// or a join over a growing table, compiling took longer than running (a
// second against 40 ms at make load's scale), a stall no answer should
// wait for.
func WithoutJIT(dbURL string) (string, error) {
	return withSetting(dbURL, "jit=off")
}

// withSetting adds a setting to the options a database URL gives every
// connection, after those it already has, so the operator's own options
// in DATABASE_URL are kept (a later one wins over an earlier).
func withSetting(dbURL, setting string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL is not a URL: %w", err)
	}
	q := u.Query()
	q.Set("options", strings.TrimSpace(q.Get("options")+" -c "+setting))
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Listen listens on addr, saying plainly when the port is taken.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		var opErr *net.OpError
		if errors.As(err, &opErr) {
			return nil, fmt.Errorf("cannot listen on %s (is another server running? set ADDR): %w", addr, err)
		}
		return nil, err
	}
	return ln, nil
}
