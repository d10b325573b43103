package app

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Issue 14: one account's many requests never keep another account
// waiting. With one turn held by an analyst and three more of hers
// queued, a worker who arrives last is given the next turn.
func TestTheGateGivesAFreedTurnToTheAccountWithFewestRunning(t *testing.T) {
	g := newGate(1)
	ctx := context.Background()
	if err := g.acquire(ctx, "analyst"); err != nil {
		t.Fatal(err)
	}
	order := make(chan string, 4)
	queued := 0
	queue := func(key string) {
		go func() {
			if err := g.acquire(ctx, key); err != nil {
				t.Error(err)
				return
			}
			order <- key
		}()
		// wait until it is queued, so arrival order is known
		queued++
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			g.mu.Lock()
			n := len(g.waiting)
			g.mu.Unlock()
			if n == queued {
				break
			}
		}
	}
	for range 3 {
		queue("analyst")
	}
	queue("worker")
	g.release("analyst")
	if got := <-order; got != "worker" {
		t.Fatalf("the freed turn went to %s, not to the worker who arrived after three of the analyst's", got)
	}
	g.release("worker")
	for i := range 3 { // then the analyst's, one at a time
		if got := <-order; got != "analyst" {
			t.Fatalf("turn %d went to %s", i, got)
		}
		g.release("analyst")
	}
	if g.free != 1 || len(g.running) != 0 || len(g.waiting) != 0 {
		t.Fatalf("after every turn ended: free %d, running %v, waiting %d", g.free, g.running, len(g.waiting))
	}
}

// A request that gives up waiting leaves the queue, and the turn it was
// waiting for goes to the next.
func TestAWaiterWhoseDeadlinePassesLeavesTheQueue(t *testing.T) {
	g := newGate(1)
	if err := g.acquire(context.Background(), "a"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := g.acquire(ctx, "b"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("waiting past the deadline: %v", err)
	}
	g.release("a")
	if g.free != 1 || len(g.waiting) != 0 {
		t.Fatalf("free %d, waiting %d", g.free, len(g.waiting))
	}
	if err := g.acquire(context.Background(), "c"); err != nil {
		t.Fatal(err)
	}
}
