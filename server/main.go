// Command reablement is the reablement API server: one program that
// migrates the database and serves GraphQL, GraphiQL and the web app.
//
//	reablement serve     migrate, then serve (the default)
//	reablement migrate   apply migrations and exit
//	reablement seed      load demo data into an empty database and exit
//	                     (--people N --seed S; default 400 and 1)
//
// Configuration is by environment variable; see config.go and the README.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
	_ "time/tzdata" // Europe/London must resolve even on a machine without zoneinfo

	"github.com/lib/pq"

	"reablement/ent"
	"reablement/ent/demo"
	"reablement/ent/migrations"
	"reablement/server/app"
	"reablement/server/pgcluster"
)

func main() {
	cmd := "serve"
	if len(os.Args) > 1 {
		cmd = os.Args[1]
	}
	cfg, err := app.LoadConfig()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if cmd == "serve" {
		if err := cfg.CheckServe(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		app.TuneGC()
	}
	if cmd == "seed" {
		// reablement seed --people 20000 --seed 1: the load-test authority.
		fs := flag.NewFlagSet("seed", flag.ExitOnError)
		fs.IntVar(&cfg.DemoPeople, "people", cfg.DemoPeople, "how many people the generated authority supports")
		fs.Int64Var(&cfg.DemoSeed, "seed", cfg.DemoSeed, "the generator's seed: the same seed gives the same data")
		_ = fs.Parse(os.Args[2:])
	}
	setupLogging(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cmd, cfg); err != nil {
		slog.Error("stopped", "err", err)
		os.Exit(1)
	}
}

func setupLogging(cfg app.Config) {
	var h slog.Handler = slog.NewTextHandler(os.Stderr, nil)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(os.Stderr, nil)
	}
	slog.SetDefault(slog.New(app.LogHandler(h)))
}

func run(ctx context.Context, cmd string, cfg app.Config) error {
	dbURL, cleanup, err := database(ctx, cfg)
	if err != nil {
		return err
	}
	defer cleanup()
	if cmd == "serve" && cfg.ReplicaURL != "" {
		replicaURL, stopReplica, err := replicaDatabase(ctx, cfg, dbURL)
		if err != nil {
			return err
		}
		// Deferred after the primary's cleanup, so the replica stops first.
		defer stopReplica()
		cfg.ReplicaURL = replicaURL
	} else {
		cfg.ReplicaURL = "" // migrate and seed write: the primary only
	}

	if err := migrate(ctx, dbURL); err != nil {
		return err
	}
	if cmd == "migrate" {
		return nil
	}
	b, err := app.Open(dbURL, cfg, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	client := b.Client

	switch cmd {
	case "seed":
		return seed(ctx, client, cfg, true)
	case "serve":
	default:
		return fmt.Errorf("unknown command %q: use serve, migrate or seed", cmd)
	}
	if cfg.DemoData {
		if err := seed(ctx, client, cfg, false); err != nil {
			return err
		}
	}
	a, err := app.New(ctx, cfg, b)
	if err != nil {
		return err
	}
	srv := a.HTTPServer(cfg.Addr)
	ln, err := app.Listen(cfg.Addr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		slog.Info("shutting down: finishing requests in flight")
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	a.SetReady()
	a.Announce(ctx, ln.Addr().String())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// database returns the URL to use: DATABASE_URL, or a private PostgreSQL
// cluster under DATA_DIR started for this run and stopped when it ends.
func database(ctx context.Context, cfg app.Config) (string, func(), error) {
	if cfg.DatabaseURL != "" {
		return cfg.DatabaseURL, func() {}, nil
	}
	dir, err := filepath.Abs(filepath.Join(cfg.DataDir, "postgres"))
	if err != nil {
		return "", nil, err
	}
	slog.Info("DATABASE_URL is unset: starting a private PostgreSQL", "dir", dir)
	cluster, err := pgcluster.Start(ctx, dir, pgcluster.Options{})
	if err != nil {
		return "", nil, fmt.Errorf("starting private PostgreSQL: %w", err)
	}
	stopCluster := func() {
		if err := cluster.Stop(); err != nil {
			slog.Error("stopping private PostgreSQL", "err", err)
		}
	}
	if err := pgcluster.CreateDatabase(ctx, cluster.URL("postgres"), "reablement", ""); err != nil && !isDuplicateDatabase(err) {
		stopCluster()
		return "", nil, err
	}
	return cluster.URL("reablement"), stopCluster, nil
}

// PrivateReplica is the DATABASE_REPLICA_URL that asks for a private
// replica of the private cluster (DATABASE_URL unset), under DATA_DIR.
const PrivateReplica = "private"

// replicaDatabase returns the replica's URL: DATABASE_REPLICA_URL, or with
// "private" a streaming replica of the private cluster under DATA_DIR,
// made the first time by a base backup and started for this run. It
// warns when the replica does not answer or is not a standby, and serves
// all the same: analysts are told when their replica does not answer.
func replicaDatabase(ctx context.Context, cfg app.Config, primaryURL string) (string, func(), error) {
	u, stop := cfg.ReplicaURL, func() {}
	if u == PrivateReplica {
		if cfg.DatabaseURL != "" {
			return "", nil, fmt.Errorf("DATABASE_REPLICA_URL=%s makes a replica of the private PostgreSQL: with DATABASE_URL set, give the replica's URL instead", PrivateReplica)
		}
		dir, err := filepath.Abs(filepath.Join(cfg.DataDir, "replica"))
		if err != nil {
			return "", nil, err
		}
		slog.Info("DATABASE_REPLICA_URL=private: starting a streaming replica of the private PostgreSQL", "dir", dir)
		rep, err := pgcluster.StartReplica(ctx, dir, withDatabase(primaryURL, "postgres"), pgcluster.Options{})
		if err != nil {
			return "", nil, fmt.Errorf("starting the private replica: %w", err)
		}
		stop = func() {
			if err := rep.Stop(); err != nil {
				slog.Error("stopping the private replica", "err", err)
			}
		}
		u = rep.URL("reablement")
	}
	db, err := sql.Open("postgres", u)
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("DATABASE_REPLICA_URL: %w", err)
	}
	defer db.Close()
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var standby bool
	switch err := db.QueryRowContext(cctx, `SELECT pg_is_in_recovery()`).Scan(&standby); {
	case err != nil:
		slog.Warn("the replica does not answer yet: analysts' queries fail until it does", "err", err)
	case !standby:
		slog.Warn("DATABASE_REPLICA_URL names a database that is not a standby: analysts read it, and their answers report no lag")
	default:
		slog.Info("analysts' queries read from the replica")
	}
	return u, stop, nil
}

// withDatabase points a postgres:// URL at another database.
func withDatabase(dbURL, name string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return dbURL
	}
	u.Path = "/" + name
	return u.String()
}

func isDuplicateDatabase(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "42P04"
}

// migrate applies the migrations on a connection with no statement timeout.
func migrate(ctx context.Context, dbURL string) error {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	return migrations.Apply(ctx, db)
}

// seed loads demo data into a database that has no authority yet.
func seed(ctx context.Context, client *ent.Client, cfg app.Config, loud bool) error {
	loaded, err := demo.Load(ctx, client, demo.Options{People: cfg.DemoPeople, Seed: cfg.DemoSeed})
	if err != nil {
		return fmt.Errorf("loading demo data: %w", err)
	}
	if loaded {
		slog.Info("loaded demo data", "people", cfg.DemoPeople, "seed", cfg.DemoSeed)
	} else if loud {
		slog.Info("the database already holds data: demo data not loaded")
	}
	return nil
}
