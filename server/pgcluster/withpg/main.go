// Command withpg runs a command with a throwaway PostgreSQL:
//
//	go run ./server/pgcluster/withpg -- go test -count=1 ./...
//
// It starts a private cluster (pgcluster, Fast: no fsync) in a temporary
// directory, runs the command with DATABASE_URL set to the superuser's URL
// for database `postgres`, then stops the cluster and removes the directory.
// This gives `make test` one cluster for the whole run, on which pgtest
// gives each test package its own database.
//
//	go run ./server/pgcluster/withpg -replica -- go test -count=1 -run Replica ./server/apitest
//
// With -replica it also starts a streaming replica of that cluster (a
// second private cluster, made by pg_basebackup) and sets
// DATABASE_REPLICA_URL to its URL for database `postgres`; the replica is
// stopped before the primary.
//
// SIGINT, SIGTERM and SIGHUP are passed on to the command; the cluster is
// stopped once the command has exited, however it exited, because pg_ctl
// detaches the server and nothing else would stop it. withpg exits with the
// command's exit code (128+N when a signal N ended it).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"reablement/server/pgcluster"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	withReplica := false
	if len(args) > 0 && args[0] == "-replica" {
		withReplica, args = true, args[1:]
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: withpg [-replica] -- COMMAND [ARGS...]")
		return 2
	}

	// Listen before starting the cluster: a Ctrl-C during start-up must
	// still end in a stopped cluster, not a dead withpg and an orphan server.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)

	tmp, err := os.MkdirTemp("", "withpg-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	cluster, err := pgcluster.Start(context.Background(), filepath.Join(tmp, "data"), pgcluster.Options{Fast: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
	defer func() {
		if err := cluster.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "withpg:", err)
		}
	}()
	env := append(withoutVar(withoutVar(os.Environ(), "DATABASE_URL"), "DATABASE_REPLICA_URL"), "DATABASE_URL="+cluster.URL("postgres"))
	if withReplica {
		rep, err := pgcluster.StartReplica(context.Background(), filepath.Join(tmp, "replica"), cluster.URL("postgres"), pgcluster.Options{Fast: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, "withpg:", err)
			return 1
		}
		// Deferred after the primary's Stop, so it runs first.
		defer func() {
			if err := rep.Stop(); err != nil {
				fmt.Fprintln(os.Stderr, "withpg:", err)
			}
		}()
		env = append(env, "DATABASE_REPLICA_URL="+rep.URL("postgres"))
	}
	select {
	case sig := <-sigs:
		fmt.Fprintf(os.Stderr, "withpg: %v before the command started\n", sig)
		return 128 + int(sig.(syscall.Signal))
	default:
	}

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 127
	}
	// The command shares our process group (it may read the terminal), so
	// a Ctrl-C reaches it directly as well; forwarding covers signals sent
	// to withpg alone, such as a CI runner's SIGTERM.
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-sigs:
				_ = cmd.Process.Signal(sig)
			case <-done:
				return
			}
		}
	}()

	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
		return exit.ExitCode()
	default:
		fmt.Fprintln(os.Stderr, "withpg:", err)
		return 1
	}
}

func withoutVar(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}
