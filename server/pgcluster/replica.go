package pgcluster

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/lib/pq"
)

// StartReplica starts a streaming replica of the cluster primaryURL names
// (as its superuser, `postgres`) in dir: a hot standby
// that replays the primary's WAL as it is written (physical replication),
// answering reads only. When dir holds no cluster yet it is made by
// pg_basebackup from the primary, with a replication slot named after dir
// on the primary, so the primary keeps the WAL the replica has not yet
// received even while the replica is stopped. On every start the replica is
// pointed at the primary's current port (a private primary picks a new one
// each time). Options as for Start; Port is the replica's own.
//
// The replica is a copy of the primary's whole cluster: the same databases,
// and the same superuser and password, which DIR.password keeps as for any
// cluster. Stop it before the primary, or it logs that it lost its source.
func StartReplica(ctx context.Context, dir, primaryURL string, opts Options) (*Cluster, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	primary, err := remote(primaryURL)
	if err != nil {
		return nil, err
	}
	slot := SlotName(abs)
	// A replica whose slot is gone (dropped, or lost because it fell
	// further behind than max_slot_wal_keep_size) can never catch up: it is
	// made afresh.
	if _, err := os.Stat(filepath.Join(abs, "PG_VERSION")); err == nil {
		usable, err := primary.slotUsable(ctx, slot)
		if err != nil {
			return nil, err
		}
		if !usable {
			if err := os.RemoveAll(abs); err != nil {
				return nil, fmt.Errorf("pgcluster: removing a replica that can no longer catch up: %w", err)
			}
		}
	}
	create := func(c *Cluster) error { return c.baseBackup(ctx, primary, slot, opts.Fast) }
	prepare := func(c *Cluster) error { return c.followPrimary(primary, slot) }
	return startCluster(ctx, abs, opts, create, prepare)
}

var slotUnsafe = regexp.MustCompile(`[^a-z0-9_]+`)

// SlotName is the replication slot a replica in dir uses on its primary:
// named after the directory, so a second replica of the same primary has
// its own.
func SlotName(dir string) string {
	name := slotUnsafe.ReplaceAllString(strings.ToLower(filepath.Base(filepath.Dir(dir))+"_"+filepath.Base(dir)), "_")
	name = "replica_" + strings.Trim(name, "_")
	if len(name) > 63 {
		name = name[:63]
	}
	return name
}

// baseBackup makes the replica's data directory from the primary. A slot
// of the same name left by an earlier replica in this directory (since
// removed) is dropped first: it holds WAL for a copy nobody will replay.
func (c *Cluster) baseBackup(ctx context.Context, primary upstream, slot string, fast bool) error {
	if err := primary.dropSlot(ctx, slot); err != nil {
		return err
	}
	c.password = primary.password
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
	// The password reaches pg_basebackup in a password file (never the
	// command line, which other users can see), readable by the user it
	// runs as, for the length of its run.
	passfile, err := os.CreateTemp("", "pgcluster-pgpass-*")
	if err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	defer os.Remove(passfile.Name())
	_, err = fmt.Fprintf(passfile, "*:*:*:%s:%s\n", primary.user, primary.password)
	if cerr := passfile.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.run.chown(passfile.Name())
	}
	if err != nil {
		return fmt.Errorf("pgcluster: writing pg_basebackup's password file: %w", err)
	}
	args := []string{
		"-D", c.dir,
		"-h", primary.host, "-p", primary.port, "-U", primary.user, "-w",
		"-X", "stream", "--checkpoint=fast",
		"-C", "-S", slot,
	}
	if fast {
		args = append(args, "--no-sync")
	}
	if out, err := c.run.cmdEnv([]string{"PGPASSFILE=" + passfile.Name()}, "pg_basebackup", args...); err != nil {
		_ = primary.dropSlot(context.Background(), slot)
		return fmt.Errorf("pgcluster: pg_basebackup into %s failed: %w\n%s", c.dir, err, tail(out, 20))
	}
	return nil
}

// replicaConf is the part of the replica's postgresql.auto.conf that
// followPrimary owns, rewritten on every start.
const replicaConfMark = "# pgcluster: the primary this replica follows\n"

// followPrimary makes the data directory a standby of primary as it runs
// now: standby.signal, and primary_conninfo with the primary's current
// port and the slot. It is written into postgresql.auto.conf (mode 0600,
// inside the 0700 data directory), not given on the command line, because
// it carries the password.
func (c *Cluster) followPrimary(primary upstream, slot string) error {
	conf := filepath.Join(c.dir, "postgresql.auto.conf")
	b, err := os.ReadFile(conf)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("pgcluster: %w", err)
	}
	var kept []string
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.HasPrefix(line, "primary_conninfo") || strings.HasPrefix(line, "primary_slot_name") || line == replicaConfMark || line == "" {
			continue
		}
		kept = append(kept, line)
	}
	conninfo := fmt.Sprintf("host=%s port=%s user=%s password=%s application_name=%s",
		primary.host, primary.port, primary.user, primary.password, slot)
	kept = append(kept, replicaConfMark,
		"primary_conninfo = "+pq.QuoteLiteral(conninfo)+"\n",
		"primary_slot_name = "+pq.QuoteLiteral(slot)+"\n")
	if err := writeFileAtomic(conf, []byte(strings.Join(kept, "")), 0o600); err != nil {
		return fmt.Errorf("pgcluster: pointing the replica at its primary: %w", err)
	}
	if err := c.run.chown(conf); err != nil {
		return err
	}
	signal := filepath.Join(c.dir, "standby.signal")
	if err := os.WriteFile(signal, nil, 0o600); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	return c.run.chown(signal)
}

// DropSlot drops the replication slot a replica that is gone used on the
// primary primaryURL names (SlotName of its directory), so the primary
// stops keeping WAL for it.
func DropSlot(ctx context.Context, primaryURL, slot string) error {
	p, err := remote(primaryURL)
	if err != nil {
		return err
	}
	return p.dropSlot(ctx, slot)
}

// upstream is the primary a replica is made from and follows.
type upstream struct {
	url, host, port, user, password string
}

// remote reads what a replica needs to know of its primary from its URL.
func remote(primaryURL string) (upstream, error) {
	u, err := url.Parse(primaryURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.User == nil {
		return upstream{}, errors.New("pgcluster: the primary's URL must be a postgres:// URL with a user and password")
	}
	p := upstream{url: primaryURL, host: u.Hostname(), port: u.Port(), user: u.User.Username()}
	p.password, _ = u.User.Password()
	if p.user != Superuser {
		// The replica is a copy of the cluster: its URL (Cluster.URL) names
		// the superuser, with the password it has on the primary.
		return upstream{}, fmt.Errorf("pgcluster: a replica is made as the primary's superuser %q, not %q", Superuser, p.user)
	}
	if p.port == "" {
		p.port = "5432"
	}
	if strings.ContainsAny(p.password+p.user+p.host, " '\\\n") {
		return upstream{}, errors.New("pgcluster: the primary's host, user and password must not contain spaces, quotes or backslashes")
	}
	return p, nil
}

// slotUsable reports whether the primary still keeps all the WAL the slot's
// replica needs.
func (p upstream) slotUsable(ctx context.Context, slot string) (bool, error) {
	db, err := sql.Open("postgres", p.url)
	if err != nil {
		return false, err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var ok bool
	err = db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1 AND restart_lsn IS NOT NULL AND wal_status <> 'lost')`, slot).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("pgcluster: looking for the replica's slot %s on the primary: %w", slot, err)
	}
	return ok, nil
}

// dropSlot drops a replication slot on the primary if it exists and no
// replica is using it.
func (p upstream) dropSlot(ctx context.Context, slot string) error {
	db, err := sql.Open("postgres", p.url)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`, slot)
	if err != nil {
		return fmt.Errorf("pgcluster: dropping the old replication slot %s: %w", slot, err)
	}
	return nil
}

// CatchUp waits until the replica at replicaURL has replayed everything the
// primary at primaryURL had written when CatchUp was called: then what was
// committed on the primary before can be read on the replica.
func CatchUp(ctx context.Context, primaryURL, replicaURL string) error {
	p, err := sql.Open("postgres", primaryURL)
	if err != nil {
		return err
	}
	defer p.Close()
	var lsn string
	if err := p.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&lsn); err != nil {
		return fmt.Errorf("pgcluster: reading the primary's position: %w", err)
	}
	r, err := sql.Open("postgres", replicaURL)
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		var done bool
		err := r.QueryRowContext(ctx, `SELECT COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)`, lsn).Scan(&done)
		if err != nil {
			return fmt.Errorf("pgcluster: reading the replica's position: %w", err)
		}
		if done {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("pgcluster: the replica did not catch up with the primary (at %s): %w", lsn, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
