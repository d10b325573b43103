package app

import (
	"context"
	"embed"
	"html/template"
	"net"
	"net/http"
	"strings"
	"time"
)

// The Content-Security-Policy of the web app: everything from this origin,
// no inline script, no plugins, never framed. Vite's build emits only
// external scripts and style sheets (dist/index.html has one module script
// by src and no style element), and React sets styles through the CSSOM,
// which style-src does not block.
const appCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
	"connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// graphiqlCSP lets GraphiQL load its pinned, integrity-checked files from
// jsDelivr and start from /graphiql/bootstrap.js; still no inline script.
// GraphiQL's editor sets style elements at run time, so inline styles (not
// scripts) are allowed on this page alone.
const graphiqlCSP = "default-src 'none'; script-src 'self' https://cdn.jsdelivr.net; " +
	"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data:; font-src 'self' data: https://cdn.jsdelivr.net; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// apiCSP is for answers that are data, never a page.
const apiCSP = "default-src 'none'; frame-ancestors 'none'"

// headers sets the security headers every answer carries, and no-store on
// the API's: its answers carry names and care details that no browser
// cache or proxy should keep.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		switch {
		case r.URL.Path == "/graphql" || r.URL.Path == "/healthz" || r.URL.Path == "/readyz":
			h.Set("Content-Security-Policy", apiCSP)
			h.Set("Cache-Control", "no-store")
		default:
			h.Set("Content-Security-Policy", appCSP)
		}
		next.ServeHTTP(w, r)
	})
}

//go:embed graphiql
var graphiqlFiles embed.FS

var graphiqlPage = template.Must(template.ParseFS(graphiqlFiles, "graphiql/index.html"))

// graphiql serves GraphiQL's page; its start-up script and style are files
// under /graphiql/ (see graphiqlAssets).
func (a *App) graphiql(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Security-Policy", graphiqlCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = graphiqlPage.Execute(w, map[string]bool{"TokenFromAddress": a.signer != nil})
}

// graphiqlAssets serves /graphiql/bootstrap.js and /graphiql/graphiql.css.
func graphiqlAssets() http.Handler {
	files := http.FileServer(http.FS(graphiqlFiles))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".js") && !strings.HasSuffix(r.URL.Path, ".css") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// clientAddress is the address a request came from, the key of the
// per-address limits. Behind a reverse proxy every request comes from the
// proxy: put the limits there too, or set the proxy to pass on a single
// client per connection.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// HTTPServer is the http.Server the app must be served by: its timeouts
// cut off a client that sends its headers or body too slowly (one byte
// every ten seconds would otherwise hold a connection for as long as it
// likes), and drop idle keep-alive connections.
func (a *App) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           a.Handler(),
		ReadHeaderTimeout: min(10*time.Second, a.cfg.ReadTimeout),
		ReadTimeout:       a.cfg.ReadTimeout,
		WriteTimeout:      a.cfg.ReadTimeout + a.cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       a.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// canWrite checks that the database takes writes: not a standby in
// recovery, not made read-only (default_transaction_read_only, which some
// managed services set when the disk is full), and able to create and fill
// a table (on a full disk it cannot extend the file). The probe is one
// implicit transaction that drops its table again, so it leaves nothing;
// it is not a BeginTx, because lib/pq begins those READ WRITE explicitly,
// overriding the database's own read-only setting.
func (a *App) canWrite(ctx context.Context) error {
	var recovering bool
	if err := a.db.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&recovering); err != nil {
		return err
	}
	if recovering {
		return errReadOnly
	}
	_, err := a.db.ExecContext(ctx, `CREATE TEMP TABLE readyz_probe (at timestamptz);
INSERT INTO readyz_probe SELECT now() FROM generate_series(1, 64);
DROP TABLE readyz_probe`)
	return err
}

type readOnlyError struct{}

func (readOnlyError) Error() string {
	return "the database is a standby in recovery: it takes no writes"
}

var errReadOnly error = readOnlyError{}
