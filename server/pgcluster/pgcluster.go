// Package pgcluster runs a private PostgreSQL 15 cluster for development and
// tests, so neither `make run` nor `make test` needs a database installed and
// configured by hand.
//
// Layout on disk, for a data directory DIR (for `make run`, .data/postgres):
//
//	DIR/            the data directory (PGDATA), mode 0700; owned by the
//	                `postgres` user when we run as root, since PostgreSQL
//	                refuses to run as root
//	DIR.password    the superuser's password, mode 0600, owned by the caller;
//	                made once by initdb and needed to build URLs on every
//	                later start of the same directory
//	DIR.log         the server log of the latest start (truncated each time);
//	                its tail is included in errors
//
// The server listens on 127.0.0.1 only, has no Unix socket, and requires the
// password (scram-sha-256) even there: other users of a shared machine get
// nothing for free. The superuser is called `postgres`.
//
// As root, initdb and pg_ctl run through `runuser -u postgres --`, and the
// directories above DIR are made traversable by others (o+x, nothing more)
// where they are not, because the postgres user must reach DIR; that matters
// for directories such as t.TempDir(), which are created with mode 0700.
//
// Every server is started with `pg_ctl start` and stopped with
// `pg_ctl -m fast stop`. pg_ctl detaches the server from the terminal, so
// whoever calls Start must call Stop, on interrupt too. A server that
// survived a previous run of the same directory (its owner was killed) is
// stopped by the next Start, and a postmaster.pid left by a dead server is
// removed.
package pgcluster

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver, to check the new server answers
)

// DefaultBinDir is where Debian's PostgreSQL 15 puts its server programs; it
// is used when `pg_config --bindir` is missing or names a directory without
// initdb (pg_config may belong to a client-only package).
const DefaultBinDir = "/usr/lib/postgresql/15/bin"

// Superuser is the name of the cluster's superuser, the user in every URL.
const Superuser = "postgres"

// Options tune Start. The zero value suits `make run`: a durable cluster on
// a free port.
type Options struct {
	// Port to listen on at 127.0.0.1; 0 picks a free one at each start
	// (URLs come from the Cluster, so nothing needs a fixed port).
	Port int
	// Fast turns off fsync and synchronous_commit (and initdb's sync): a
	// crash may then lose or corrupt data, which only throwaway clusters
	// (tests) can afford.
	Fast bool
	// BinDir holds initdb and pg_ctl; empty means `pg_config --bindir`, or
	// DefaultBinDir when that has no initdb.
	BinDir string
}

// Cluster is a running server started by Start. Call Stop when done.
type Cluster struct {
	dir      string
	port     int
	password string
	run      runner

	lock *os.File // held while this process owns the cluster

	stopOnce sync.Once
	stopErr  error
}

// startTimeout bounds pg_ctl's waits (-t): long enough for a slow CI machine
// replaying WAL after a crash, short enough to fail rather than hang.
const startTimeout = 60

// Start starts a private cluster in dir, creating it with initdb when dir
// holds no cluster yet, and returns once the server accepts connections. On
// error nothing is left running.
func Start(ctx context.Context, dir string, opts Options) (*Cluster, error) {
	return startCluster(ctx, dir, opts, func(c *Cluster) error { return c.initdb(ctx, opts.Fast) }, nil)
}

// startCluster is Start and StartReplica: create makes the cluster when dir
// holds none; prepare, when set, runs before every start of it.
func startCluster(ctx context.Context, dir string, opts Options, create, prepare func(*Cluster) error) (*Cluster, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	r, err := newRunner(opts.BinDir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("pgcluster: creating parent of data directory: %w", err)
	}
	if r.asUser != nil {
		if err := makeTraversable(filepath.Dir(dir)); err != nil {
			return nil, err
		}
	}
	// Two processes on one data directory would stop each other's server
	// (the second takes the first's for one left running by a crash): a lock
	// held for the cluster's life tells the two cases apart.
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, run: r, lock: lock}
	started := false
	defer func() {
		if !started {
			c.unlock()
		}
	}()

	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, fs.ErrNotExist) {
		if err := create(c); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	} else {
		pw, err := os.ReadFile(c.passwordFile())
		if err != nil {
			return nil, fmt.Errorf("pgcluster: %s holds a cluster but its password file is unreadable (remove the directory to start afresh): %w", dir, err)
		}
		c.password = strings.TrimSpace(string(pw))
	}

	if err := c.clearPrevious(); err != nil {
		return nil, err
	}
	if prepare != nil {
		if err := prepare(c); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// A port picked here may be taken by someone else before the server
	// binds it (parallel test packages each starting a cluster); when we
	// picked it, pick another and retry.
	for attempt := 1; ; attempt++ {
		port := opts.Port
		if port == 0 {
			if port, err = freePort(); err != nil {
				return nil, err
			}
		} else if err := checkFree(port); err != nil {
			return nil, err
		}
		c.port = port
		err = c.start(opts.Fast)
		if err == nil {
			break
		}
		if opts.Port != 0 || attempt == 3 || !strings.Contains(c.logTail(), "Address already in use") {
			return nil, err
		}
	}

	// pg_ctl -w only knows the server accepts connections; logging in with
	// the saved password proves the URL works, before anyone relies on it.
	if err := c.ping(ctx); err != nil {
		_ = c.Stop()
		return nil, fmt.Errorf("pgcluster: server in %s started but refuses %s's password from %s: %w", dir, Superuser, c.passwordFile(), err)
	}
	started = true
	return c, nil
}

// lockDir takes the lock beside dir, or says which process holds it. The
// kernel drops a flock when its process dies, so a crash leaves no lock.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(dir+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(dir + ".lock")
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("pgcluster: the database in %s is in use by another process (pid %s); stop it first, or give this one another data directory",
				dir, strings.TrimSpace(string(holder)))
		}
		return nil, fmt.Errorf("pgcluster: locking %s: %w", dir, err)
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return f, nil
}

// unlock releases the data directory for another process.
func (c *Cluster) unlock() {
	if c.lock != nil {
		_ = c.lock.Close()
		c.lock = nil
	}
}

// URL returns a connection URL for database dbname as the superuser.
func (c *Cluster) URL(dbname string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(Superuser, c.password),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + dbname,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Stop stops the server (fast shutdown: open sessions are ended, not waited
// for). Calling it again, or on a server already gone, does nothing.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() {
		out, err := c.run.pgctl("-D", c.dir, "-m", "fast", "-w", "-t", strconv.Itoa(startTimeout), "stop")
		if err != nil && c.running() {
			c.stopErr = c.failure("stopping server", out, err)
			return // still ours: keep the lock
		}
		c.unlock()
	})
	return c.stopErr
}

func (c *Cluster) passwordFile() string { return c.dir + ".password" }
func (c *Cluster) logFile() string      { return c.dir + ".log" }

// initdb creates the cluster, with a new random password saved before initdb
// runs so that a cluster never exists without its password file.
func (c *Cluster) initdb(ctx context.Context, fast bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	c.password = hex.EncodeToString(b)
	if err := writeFileAtomic(c.passwordFile(), []byte(c.password+"\n"), 0o600); err != nil {
		return fmt.Errorf("pgcluster: saving password: %w", err)
	}

	if err := os.Mkdir(c.dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("pgcluster: creating data directory: %w", err)
	}
	if err := os.Chmod(c.dir, 0o700); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	if err := c.run.chown(c.dir); err != nil {
		return err
	}

	// initdb reads the password from a file (never the command line, which
	// other users can see); the file lives only for initdb's run, and must
	// be readable by the user initdb runs as.
	pwfile, err := os.CreateTemp("", "pgcluster-pw-*")
	if err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	defer os.Remove(pwfile.Name())
	_, err = pwfile.WriteString(c.password + "\n")
	if cerr := pwfile.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.run.chown(pwfile.Name())
	}
	if err != nil {
		return fmt.Errorf("pgcluster: writing initdb's password file: %w", err)
	}

	args := []string{
		"-D", c.dir,
		"--username=" + Superuser,
		"--auth=scram-sha-256",
		"--pwfile=" + pwfile.Name(),
		"--encoding=UTF8",
		"--locale=C",
		"--no-instructions",
	}
	if fast {
		args = append(args, "--no-sync")
	}
	if out, err := c.run.cmd("initdb", args...); err != nil {
		return fmt.Errorf("pgcluster: initdb in %s failed: %w\n%s", c.dir, err, tail(out, 20))
	}
	return nil
}

// clearPrevious deals with postmaster.pid left by an earlier run of this
// directory: a server still running (its owner died without stopping it) is
// stopped, so that this run starts it with its own options; a file left by a
// dead server is removed.
func (c *Cluster) clearPrevious() error {
	pid, ok := c.postmasterPID()
	if !ok {
		return nil
	}
	if !c.isOurPostmaster(pid) {
		if err := os.Remove(filepath.Join(c.dir, "postmaster.pid")); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("pgcluster: removing stale postmaster.pid: %w", err)
		}
		return nil
	}
	out, err := c.run.pgctl("-D", c.dir, "-m", "fast", "-w", "-t", strconv.Itoa(startTimeout), "stop")
	if err != nil && c.running() {
		return c.failure(fmt.Sprintf("stopping the server (pid %d) left running by a previous run", pid), out, err)
	}
	return nil
}

// postmasterPID reads the server's pid from postmaster.pid, if there is one.
func (c *Cluster) postmasterPID() (int, bool) {
	b, err := os.ReadFile(filepath.Join(c.dir, "postmaster.pid"))
	if err != nil {
		return 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	return pid, err == nil && pid > 0
}

// isOurPostmaster reports whether pid is alive and serves this directory.
// Being alive is not enough: after a reboot the pid may belong to anything.
// The postmaster's working directory is its data directory, so on Linux
// /proc tells; elsewhere, liveness is all we can check.
func (c *Cluster) isOurPostmaster(pid int) bool {
	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	if err == nil {
		want, err := filepath.EvalSymlinks(c.dir)
		if err != nil {
			want = c.dir
		}
		return cwd == want
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	err = syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// running reports whether a server is running in this directory.
func (c *Cluster) running() bool {
	pid, ok := c.postmasterPID()
	return ok && c.isOurPostmaster(pid)
}

// start runs pg_ctl start with this run's settings. They are given on the
// command line, not written to postgresql.conf, so a reused directory always
// runs with the options of the current Start.
func (c *Cluster) start(fast bool) error {
	// The log is created by us so that it can live outside the data
	// directory, in a directory the postgres user cannot write.
	f, err := os.OpenFile(c.logFile(), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("pgcluster: creating server log: %w", err)
	}
	f.Close()
	if err := c.run.chown(c.logFile()); err != nil {
		return err
	}
	// pg_ctl hands -o to /bin/sh, hence the shell quoting of ''.
	// max_slot_wal_keep_size: a replica's slot (StartReplica) keeps WAL
	// for it while it is stopped, but not without bound on a laptop.
	o := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_slot_wal_keep_size=2048", c.port)
	if fast {
		o += " -c fsync=off -c synchronous_commit=off"
	}
	out, err := c.run.pgctl("-D", c.dir, "-w", "-t", strconv.Itoa(startTimeout), "-l", c.logFile(), "-o", o, "start")
	if err != nil {
		return c.failure(fmt.Sprintf("starting server on 127.0.0.1:%d", c.port), out, err)
	}
	return nil
}

func (c *Cluster) ping(ctx context.Context) error {
	db, err := sql.Open("postgres", c.URL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// failure describes a failed pg_ctl run with what pg_ctl said and the end of
// the server log, which is where the reason usually is.
func (c *Cluster) failure(what string, out []byte, err error) error {
	return fmt.Errorf("pgcluster: %s (data directory %s) failed: %w\npg_ctl: %s\nserver log %s ends:\n%s",
		what, c.dir, err, strings.TrimSpace(string(tail(out, 10))), c.logFile(), c.logTail())
}

func (c *Cluster) logTail() string {
	f, err := os.Open(c.logFile())
	if err != nil {
		return "(" + err.Error() + ")"
	}
	defer f.Close()
	const max = 8 << 10
	if fi, err := f.Stat(); err == nil && fi.Size() > max {
		_, _ = f.Seek(-max, io.SeekEnd)
	}
	b, _ := io.ReadAll(f)
	return string(tail(b, 25))
}

// tail returns the last n lines of b.
func tail(b []byte, n int) []byte {
	b = bytes.TrimRight(b, "\n")
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			n--
			if n == 0 {
				return b[i+1:]
			}
		}
	}
	return b
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgcluster: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func checkFree(port int) error {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("pgcluster: port %d is not free: %w", port, err)
	}
	return l.Close()
}

// makeTraversable gives others search (x) permission on dir and its
// ancestors where they lack it, so the postgres user can reach the data
// directory. Read permission is not added: nobody else can list them.
func makeTraversable(dir string) error {
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return fmt.Errorf("pgcluster: %w", err)
		}
		if fi.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(d, fi.Mode().Perm()|0o001); err != nil {
				return fmt.Errorf("pgcluster: letting the postgres user reach the data directory: %w", err)
			}
		}
		if p := filepath.Dir(d); p == d {
			return nil
		}
	}
}

func writeFileAtomic(name string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// runner runs PostgreSQL's programs, through runuser as the postgres user
// when we are root.
type runner struct {
	bin     string
	runuser string
	asUser  *user.User
	uid     int
	gid     int
}

func newRunner(binDir string) (runner, error) {
	r := runner{bin: binDir}
	if r.bin == "" {
		r.bin = DefaultBinDir
		if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
			if d := strings.TrimSpace(string(out)); fileExists(filepath.Join(d, "initdb")) {
				r.bin = d
			}
		}
	}
	for _, p := range []string{"initdb", "pg_ctl"} {
		if !fileExists(filepath.Join(r.bin, p)) {
			return r, fmt.Errorf("pgcluster: %s not found in %s (install postgresql-15)", p, r.bin)
		}
	}
	if os.Geteuid() != 0 {
		return r, nil
	}
	u, err := user.Lookup(Superuser)
	if err != nil {
		return r, fmt.Errorf("pgcluster: running as root needs a %q user to run PostgreSQL as: %w", Superuser, err)
	}
	r.asUser = u
	r.uid, _ = strconv.Atoi(u.Uid)
	r.gid, _ = strconv.Atoi(u.Gid)
	if r.runuser, err = exec.LookPath("runuser"); err != nil {
		for _, p := range []string{"/usr/sbin/runuser", "/sbin/runuser"} {
			if fileExists(p) {
				r.runuser = p
			}
		}
		if r.runuser == "" {
			return r, errors.New("pgcluster: running as root needs runuser (util-linux)")
		}
	}
	return r, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func (r runner) chown(path string) error {
	if r.asUser == nil {
		return nil
	}
	if err := os.Chown(path, r.uid, r.gid); err != nil {
		return fmt.Errorf("pgcluster: handing %s to the postgres user: %w", path, err)
	}
	return nil
}

func (r runner) pgctl(args ...string) ([]byte, error) { return r.cmd("pg_ctl", args...) }

// cmd runs one of PostgreSQL's programs and returns its combined output.
// It runs in its own process group, so a Ctrl-C meant for the caller cannot
// cut a start or stop short, and in /, which the postgres user can always
// enter. PG* variables are dropped so that nothing from the caller's
// environment changes which server or directory is meant.
func (r runner) cmd(prog string, args ...string) ([]byte, error) {
	return r.cmdEnv(nil, prog, args...)
}

// cmdEnv is cmd with extra environment variables (PGPASSFILE for
// pg_basebackup, which must not see a password on its command line).
func (r runner) cmdEnv(env []string, prog string, args ...string) ([]byte, error) {
	path := filepath.Join(r.bin, prog)
	var c *exec.Cmd
	if r.asUser != nil {
		c = exec.Command(r.runuser, append([]string{"-u", r.asUser.Username, "--", path}, args...)...)
	} else {
		c = exec.Command(path, args...)
	}
	c.Dir = "/"
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			c.Env = append(c.Env, kv)
		}
	}
	c.Env = append(append(c.Env, "LC_ALL=C"), env...)
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	err := c.Run()
	return out.Bytes(), err
}
