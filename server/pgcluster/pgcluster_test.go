package pgcluster_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lib/pq"

	"reablement/server/pgcluster"
)

func start(t *testing.T, dir string) *pgcluster.Cluster {
	t.Helper()
	c, err := pgcluster.Start(context.Background(), dir, pgcluster.Options{Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

func open(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStartStopReuse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pg")
	c := start(t, dir)
	db := open(t, c.URL("postgres"))

	var one int
	if err := db.QueryRow("SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
	var listen, sockets string
	if err := db.QueryRow("SHOW listen_addresses").Scan(&listen); err != nil {
		t.Fatal(err)
	}
	if listen != "127.0.0.1" {
		t.Errorf("listen_addresses = %q, want 127.0.0.1 only", listen)
	}
	if err := db.QueryRow("SHOW unix_socket_directories").Scan(&sockets); err != nil {
		t.Fatal(err)
	}
	if sockets != "" {
		t.Errorf("unix_socket_directories = %q, want none", sockets)
	}
	var fsync string
	if err := db.QueryRow("SHOW fsync").Scan(&fsync); err != nil || fsync != "off" {
		t.Errorf("fsync = %q (%v), want off with Fast", fsync, err)
	}
	if _, err := db.Exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	fi, err := os.Stat(dir + ".password")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("password file mode %v, want 0600", fi.Mode().Perm())
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("data directory: %v, %v; want mode 0700", fi.Mode().Perm(), err)
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := open(t, c.URL("postgres")).Ping(); err == nil {
		t.Fatal("server still answers after Stop")
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}

	// Durable options this time: fsync must be back on.
	c2, err := pgcluster.Start(context.Background(), dir, pgcluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c2.Stop() })
	db = open(t, c2.URL("postgres"))
	var v string
	if err := db.QueryRow("SELECT v FROM kept").Scan(&v); err != nil || v != "still here" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
	if err := db.QueryRow("SHOW fsync").Scan(&fsync); err != nil || fsync != "on" {
		t.Errorf("fsync = %q (%v), want on without Fast", fsync, err)
	}
}

// A postmaster.pid whose pid is alive but is not a postgres server for this
// directory (here: the test itself) is what a reboot leaves behind.
func TestStalePostmasterPID(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pg")
	c := start(t, dir)
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	pidFile := filepath.Join(dir, "postmaster.pid")
	stale := fmt.Sprintf("%d\n%s\n1\n5432\n\n127.0.0.1\n  1  2\nready\n", os.Getpid(), dir)
	if err := os.WriteFile(pidFile, []byte(stale), 0o600); err != nil {
		t.Fatal(err)
	}
	c = start(t, dir)
	if err := open(t, c.URL("postgres")).Ping(); err != nil {
		t.Fatal(err)
	}
}

// A server left running by a run that died without stopping it is stopped
// and started afresh.
func TestLeftRunning(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pg")
	old := start(t, dir)
	old.Abandon() // the previous run crashed and left its server running
	c := start(t, dir)
	if err := open(t, old.URL("postgres")).Ping(); err == nil && old.URL("") != c.URL("") {
		t.Error("the previous run's server still answers")
	}
	if err := open(t, c.URL("postgres")).Ping(); err != nil {
		t.Fatal(err)
	}
}

// A second process on a data directory in use is refused, and the first
// one's server keeps running.
func TestInUseIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pg")
	first := start(t, dir)
	_, err := pgcluster.Start(context.Background(), dir, pgcluster.Options{Fast: true})
	if err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("a second start on a directory in use: %v", err)
	}
	if err := open(t, first.URL("postgres")).Ping(); err != nil {
		t.Fatalf("the first server no longer answers: %v", err)
	}
	if err := first.Stop(); err != nil {
		t.Fatal(err)
	}
	start(t, dir) // free again once stopped
}

func TestPortInUse(t *testing.T) {
	c := start(t, filepath.Join(t.TempDir(), "a"))
	u, err := url.Parse(c.URL(""))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := strconv.Atoi(u.Port())
	_, err = pgcluster.Start(context.Background(), filepath.Join(t.TempDir(), "b"), pgcluster.Options{Port: p, Fast: true})
	if err == nil || !strings.Contains(err.Error(), "not free") {
		t.Fatalf("Start on a taken port: %v", err)
	}
}

func TestCreateDropDatabase(t *testing.T) {
	c := start(t, filepath.Join(t.TempDir(), "pg"))
	admin := c.URL("postgres")
	ctx := context.Background()
	name := `odd "name"; DROP`
	if err := pgcluster.CreateDatabase(ctx, admin, name, ""); err != nil {
		t.Fatal(err)
	}
	err := pgcluster.CreateDatabase(ctx, admin, name, "")
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) || pqErr.Code != "42P04" {
		t.Errorf("creating it twice: %v, want a 42P04 *pq.Error", err)
	}
	db := open(t, c.URL(name))
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	// Dropping ends the session still open above.
	if err := pgcluster.DropDatabase(ctx, admin, name); err != nil {
		t.Fatal(err)
	}
	if err := pgcluster.DropDatabase(ctx, admin, name); err != nil {
		t.Errorf("dropping a missing database: %v", err)
	}
}

// When the server will not start, the error says why, from the server log.
func TestStartFailureShowsLog(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pg")
	c := start(t, dir)
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "no_such_setting = 1")
	f.Close()
	_, err = pgcluster.Start(context.Background(), dir, pgcluster.Options{Fast: true})
	if err == nil || !strings.Contains(err.Error(), `"no_such_setting"`) {
		t.Fatalf("Start with a broken postgresql.conf: %v", err)
	}
	t.Log(err)
}
