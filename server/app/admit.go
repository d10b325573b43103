package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"

	"reablement/ent/viewer"
	"reablement/graph"
)

// readBody reads a request's body (at most MAX_BODY_BYTES) before anything
// waits or signs in, so a client trickling its body cannot hold a turn.
func readBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(r.Body)
			_ = r.Body.Close()
			if err != nil {
				// Too large or cut off: the handler says so, as before.
				r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{err}))
				next.ServeHTTP(w, r)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			// For answering afresh when a cached viewer proves stale (app.go).
			r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		}
		next.ServeHTTP(w, r)
	})
}

// admit lets a request run when the gate gives it a turn; one that waits
// past its deadline gets a retryable 503. It runs after sign-in, so turns
// are shared out by account: one account sending many requests at once (an
// analyst's script, a hostile client with a stolen token) is served at the
// server's full speed while it is alone, and waits behind everyone else as
// soon as anyone else is waiting (issue 14: no per-minute budget needed to
// keep a worker's day moving beside a heavy reader).
func admit(g *gate, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var key string
		if v := viewer.FromContext(r.Context()); v != nil && v.AccountID != "" {
			key = "account " + v.AccountID
		} else {
			key = "address " + clientAddress(r) // not signed in: shared by address
		}
		if err := g.acquire(r.Context(), key); err != nil {
			graph.WriteErrors(r.Context(), w, http.StatusServiceUnavailable, fmt.Errorf("waiting for a turn: %w", err))
			return
		}
		defer g.release(key)
		next.ServeHTTP(w, r)
	})
}

// gate is a counting semaphore of n turns whose queue is fair by key: a
// freed turn goes to the waiting request whose key has the fewest requests
// running (the key whose turn ended counting it), the earliest among
// equals. With one key it is first come, first served.
type gate struct {
	mu      sync.Mutex
	free    int
	running map[string]int
	waiting []*waiter // in arrival order
}

type waiter struct {
	key   string
	ready chan struct{} // closed when the turn is given
}

func newGate(n int) *gate { return &gate{free: n, running: map[string]int{}} }

// acquire waits for a turn for key, or until ctx is done.
func (g *gate) acquire(ctx context.Context, key string) error {
	g.mu.Lock()
	if g.free > 0 && len(g.waiting) == 0 {
		g.free--
		g.running[key]++
		g.mu.Unlock()
		return nil
	}
	w := &waiter{key: key, ready: make(chan struct{})}
	g.waiting = append(g.waiting, w)
	g.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		g.mu.Lock()
		if i := slices.Index(g.waiting, w); i >= 0 {
			g.waiting = slices.Delete(g.waiting, i, i+1)
			g.mu.Unlock()
			return ctx.Err()
		}
		g.mu.Unlock()
		// The turn was given as the deadline passed: hand it on.
		g.release(key)
		return ctx.Err()
	}
}

// release ends a turn of key's and gives it to the fairest waiter.
func (g *gate) release(key string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running[key]--; g.running[key] <= 0 {
		delete(g.running, key)
	}
	if len(g.waiting) == 0 {
		g.free++
		return
	}
	// The account whose turn just ended counts it as still running, so
	// that a turn passes to another account that is waiting with as few.
	load := func(w *waiter) int {
		if w.key == key {
			return g.running[w.key] + 1
		}
		return g.running[w.key]
	}
	next := 0
	for i, w := range g.waiting {
		if load(w) < load(g.waiting[next]) {
			next = i
		}
	}
	w := g.waiting[next]
	g.waiting = slices.Delete(g.waiting, next, next+1)
	g.running[w.key]++
	close(w.ready)
}
