// Package pgtest gives each test package its own PostgreSQL database, with
// the schema already in place, made by copying a migrated template database.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) {
//		os.Exit(pgtest.Main(m, migrations.Key(), migrations.Apply))
//	}
//
// and in tests, pgtest.URL() for the package's database, or pgtest.NewDB(t)
// for a database of the test's own.
//
// The server is the one DATABASE_URL names (`make test` starts one per run
// with withpg and sets it to the admin URL); when DATABASE_URL is unset, Main
// starts a private cluster for the package and stops it afterwards, so a bare
// `go test ./some/package` works too.
//
// The template is called tmpl_<templateKey>: migrating once per set of
// migrations, not once per package, is what keeps many test packages fast.
// It is built under an advisory lock, so test packages running in parallel
// build it once and never see it half-made; a finished template is marked
// IS_TEMPLATE and closed to connections, which is also how an unfinished one
// left by a crash is recognised and rebuilt. Templates for older migration
// sets are left in place on a long-lived server: another branch may still
// want them.
package pgtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"

	"reablement/server/pgcluster"
)

// setupTimeout bounds building the template and creating a database; a
// migration that takes longer is stuck, not slow.
const setupTimeout = 5 * time.Minute

// The state Main sets up for the package's tests; read-only once Main has
// called m.Run.
var (
	adminURL string
	template string
	dbURL    string
)

// Main prepares the package's database, runs the tests and cleans up, and
// returns the exit code for os.Exit. templateKey must change whenever the
// migrations do (a hash of them), since it names the template that migrate
// builds; migrate gets a connection pool to the empty template database.
//
// Without DATABASE_URL, Main also stops its private cluster on SIGINT or
// SIGTERM, since pg_ctl detaches the server and it would otherwise outlive
// an interrupted `go test`; tests of such a package must not send those
// signals to their own process.
func Main(m *testing.M, templateKey string, migrate func(ctx context.Context, db *sql.DB) error) int {
	cleanup, err := setup(templateKey, migrate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		return 1
	}
	code := m.Run()
	if err := cleanup(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// URL returns the connection URL of the package's database, which Main
// created from the template. It panics when Main has not run, because a test
// then has no database to talk to.
func URL() string {
	if dbURL == "" {
		panic("pgtest: URL called without pgtest.Main in TestMain")
	}
	return dbURL
}

// AdminURL returns the cluster's URL as its superuser (DATABASE_URL, or the
// private cluster Main started), for a test that makes and drops databases
// of its own. It panics when Main has not run.
func AdminURL() string {
	if adminURL == "" {
		panic("pgtest: AdminURL called without pgtest.Main in TestMain")
	}
	return adminURL
}

// NewDB creates a fresh database from the template for one test, which
// needs it to itself (to count rows, or to change data other tests read),
// and returns its URL. It is dropped when the test ends.
func NewDB(t testing.TB) string {
	t.Helper()
	if adminURL == "" {
		t.Fatal("pgtest: NewDB called without pgtest.Main in TestMain")
	}
	name, u, err := newDatabase()
	if err != nil {
		t.Fatal("pgtest:", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		if err := pgcluster.DropDatabase(ctx, adminURL, name); err != nil {
			t.Error("pgtest:", err)
		}
	})
	return u
}

// setup finds or starts a server, ensures the template, creates the
// package's database, and returns what undoes all that.
func setup(templateKey string, migrate func(context.Context, *sql.DB) error) (func() error, error) {
	if templateKey == "" {
		return nil, errors.New("an empty template key would let a template outlive the migrations it was made from")
	}
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()

	// undo is appended to as setup proceeds and may be run by the signal
	// handler meanwhile, hence the lock.
	var (
		mu   sync.Mutex
		undo []func() error
	)
	push := func(f func() error) {
		mu.Lock()
		defer mu.Unlock()
		undo = append(undo, f)
	}
	cleanup := sync.OnceValue(func() error {
		mu.Lock()
		defer mu.Unlock()
		var errs []error
		for i := len(undo) - 1; i >= 0; i-- {
			errs = append(errs, undo[i]())
		}
		return errors.Join(errs...)
	})
	fail := func(err error) (func() error, error) {
		return nil, errors.Join(err, cleanup())
	}

	adminURL = os.Getenv("DATABASE_URL")
	if adminURL == "" {
		tmp, err := os.MkdirTemp("", "pgtest-*")
		if err != nil {
			return fail(err)
		}
		push(func() error { return os.RemoveAll(tmp) })
		cluster, err := pgcluster.Start(ctx, filepath.Join(tmp, "data"), pgcluster.Options{Fast: true})
		if err != nil {
			return fail(err)
		}
		push(cluster.Stop)
		adminURL = cluster.URL("postgres")
		stopOnSignal(cleanup)
	}

	template = templateName(templateKey)
	if err := ensureTemplate(ctx, migrate); err != nil {
		return fail(err)
	}
	name, u, err := newDatabase()
	if err != nil {
		return fail(err)
	}
	push(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		return pgcluster.DropDatabase(ctx, adminURL, name)
	})
	dbURL = u
	return cleanup, nil
}

// stopOnSignal runs cleanup (stopping the private cluster) and exits when
// the test binary is interrupted.
func stopOnSignal(cleanup func() error) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		fmt.Fprintf(os.Stderr, "pgtest: %v: stopping the private PostgreSQL\n", sig)
		if err := cleanup(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
		os.Exit(1)
	}()
}

var safeKey = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)

// templateName turns the key into a database name: as it is when it is a
// short, plain identifier (readable in \l), hashed otherwise.
func templateName(key string) string {
	if !safeKey.MatchString(key) {
		sum := sha256.Sum256([]byte(key))
		key = hex.EncodeToString(sum[:8])
	}
	return "tmpl_" + key
}

// ensureTemplate builds the template unless a finished one exists, holding
// an advisory lock (keyed on the template's name) so that only one test
// package builds it and the others wait for it to be finished.
func ensureTemplate(ctx context.Context, migrate func(context.Context, *sql.DB) error) error {
	admin, err := sql.Open("postgres", adminURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	// Session-level advisory locks belong to one connection; take and
	// release it on the same one.
	conn, err := admin.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting to DATABASE_URL's server: %w", err)
	}
	defer conn.Close()
	sum := sha256.Sum256([]byte("pgtest:" + template))
	lockKey := int64(binary.BigEndian.Uint64(sum[:8]))
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lockKey); err != nil {
		return fmt.Errorf("locking template %s: %w", template, err)
	}
	defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", lockKey)

	var allowConn bool
	err = conn.QueryRowContext(ctx, "SELECT datallowconn FROM pg_database WHERE datname = $1", template).Scan(&allowConn)
	switch {
	case err == nil && !allowConn:
		return nil // finished by an earlier run or another package
	case err == nil:
		// Left half-built by a run that died while migrating.
		if err := pgcluster.DropDatabase(ctx, adminURL, template); err != nil {
			return err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("looking for template %s: %w", template, err)
	}

	// template0 rather than template1: whatever someone added to template1
	// on a shared server must not leak into the tests' schema.
	if err := pgcluster.CreateDatabase(ctx, adminURL, template, "template0"); err != nil {
		return err
	}
	tu, err := withDatabase(adminURL, template)
	if err != nil {
		return err
	}
	db, err := sql.Open("postgres", tu)
	if err != nil {
		return err
	}
	err = migrate(ctx, db)
	// Copying needs the template to have no sessions: close them all now.
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("migrating template %s: %w", template, err)
	}
	_, err = conn.ExecContext(ctx, "ALTER DATABASE "+pq.QuoteIdentifier(template)+" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
	if err != nil {
		return fmt.Errorf("marking template %s finished: %w", template, err)
	}
	return nil
}

// newDatabase creates a database with a random name from the template.
func newDatabase() (name, dbURL string, err error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	name = "t_" + hex.EncodeToString(b)
	if dbURL, err = withDatabase(adminURL, name); err != nil {
		return "", "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	if err := pgcluster.CreateDatabase(ctx, adminURL, name, template); err != nil {
		return "", "", err
	}
	return name, dbURL, nil
}

// withDatabase returns the admin URL pointed at database name, keeping its
// user, password, host and parameters.
func withDatabase(admin, name string) (string, error) {
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", errors.New("DATABASE_URL must be a postgres:// URL")
	}
	u.Path, u.RawPath = "/"+name, ""
	return u.String(), nil
}

// EmptyDB creates an empty database (no migrations) for one test, such as
// one that replays the migrations itself, and returns its URL. It is
// dropped when the test ends.
func EmptyDB(t testing.TB) string {
	t.Helper()
	if adminURL == "" {
		t.Fatal("pgtest: EmptyDB called without pgtest.Main in TestMain")
	}
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	name := fmt.Sprintf("e_%d_%d", os.Getpid(), time.Now().UnixNano())
	if err := pgcluster.CreateDatabase(ctx, adminURL, name, "template0"); err != nil {
		t.Fatal("pgtest:", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		if err := pgcluster.DropDatabase(ctx, adminURL, name); err != nil {
			t.Error("pgtest:", err)
		}
	})
	u, err := withDatabase(adminURL, name)
	if err != nil {
		t.Fatal("pgtest:", err)
	}
	return u
}

// Replicated creates a fresh database from the template for one test that
// needs a streaming replica, and returns its URL on the primary and on the
// replica, once the replica has it. The replica is the one
// DATABASE_REPLICA_URL names (`make test` starts one with withpg -replica);
// without it, the test gets a private replica of DATABASE_URL's server (a
// base backup of it), stopped when the test ends. The database is dropped
// when the test ends.
func Replicated(t testing.TB) (primaryURL, replicaURL string) {
	t.Helper()
	primaryURL = NewDB(t)
	replicaAdmin := os.Getenv("DATABASE_REPLICA_URL")
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	if replicaAdmin == "" {
		dir := filepath.Join(t.TempDir(), "replica")
		rep, err := pgcluster.StartReplica(ctx, dir, adminURL, pgcluster.Options{Fast: true})
		if err != nil {
			t.Fatal("pgtest:", err)
		}
		t.Cleanup(func() {
			if err := rep.Stop(); err != nil {
				t.Error("pgtest:", err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
			defer cancel()
			if err := pgcluster.DropSlot(ctx, adminURL, pgcluster.SlotName(dir)); err != nil {
				t.Error("pgtest:", err)
			}
		})
		replicaAdmin = rep.URL("postgres")
	}
	u, _ := url.Parse(primaryURL)
	replicaURL, err := withDatabase(replicaAdmin, u.Path[1:])
	if err != nil {
		t.Fatal("pgtest: DATABASE_REPLICA_URL:", err)
	}
	if err := pgcluster.CatchUp(ctx, adminURL, replicaAdmin); err != nil {
		t.Fatal("pgtest:", err)
	}
	return primaryURL, replicaURL
}
