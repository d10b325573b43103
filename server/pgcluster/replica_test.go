package pgcluster_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"reablement/server/pgcluster"
)

// A replica follows its primary (issue 15 item 6): it answers reads only,
// has what the primary committed once caught up, and after both restart
// (the private primary on a new port, the replica having missed writes
// while stopped) it follows again and catches up, its slot having kept
// the WAL. A replica whose slot is gone is made afresh.
func TestReplicaFollowsItsPrimaryAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	primaryDir, replicaDir := filepath.Join(tmp, "pg"), filepath.Join(tmp, "replica")
	primary := start(t, primaryDir)
	startReplica := func() *pgcluster.Cluster {
		t.Helper()
		r, err := pgcluster.StartReplica(ctx, replicaDir, primary.URL("postgres"), pgcluster.Options{Fast: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = r.Stop() })
		return r
	}
	count := func(url string) int {
		t.Helper()
		cctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := pgcluster.CatchUp(cctx, primary.URL("postgres"), url); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := open(t, url).QueryRow(`SELECT count(*) FROM notes`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	pdb := open(t, primary.URL("postgres"))
	if _, err := pdb.Exec(`CREATE TABLE notes (n int); INSERT INTO notes VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	replica := startReplica()
	if n := count(replica.URL("postgres")); n != 1 {
		t.Fatalf("the replica has %d rows, want 1", n)
	}
	rdb := open(t, replica.URL("postgres"))
	var standby bool
	if err := rdb.QueryRow(`SELECT pg_is_in_recovery()`).Scan(&standby); err != nil || !standby {
		t.Fatalf("the replica is not a standby (%v)", err)
	}
	if _, err := rdb.Exec(`INSERT INTO notes VALUES (2)`); err == nil {
		t.Fatal("the replica took a write")
	}

	// Both stop; the primary takes writes the replica misses, and comes
	// back on another port.
	if err := replica.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := pdb.Exec(`INSERT INTO notes SELECT generate_series(1, 1000)`); err != nil {
		t.Fatal(err)
	}
	pdb.Close()
	if err := primary.Stop(); err != nil {
		t.Fatal(err)
	}
	primary = start(t, primaryDir)
	replica = startReplica()
	if n := count(replica.URL("postgres")); n != 1001 {
		t.Fatalf("the restarted replica has %d rows, want 1001", n)
	}

	// Its slot dropped, a replica cannot know what it missed: the next
	// start makes it afresh from the primary.
	if err := replica.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := pgcluster.DropSlot(ctx, primary.URL("postgres"), pgcluster.SlotName(replicaDir)); err != nil {
		t.Fatal(err)
	}
	if _, err := open(t, primary.URL("postgres")).Exec(`INSERT INTO notes VALUES (3)`); err != nil {
		t.Fatal(err)
	}
	replica = startReplica()
	if n := count(replica.URL("postgres")); n != 1002 {
		t.Fatalf("the remade replica has %d rows, want 1002", n)
	}
}
