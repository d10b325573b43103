package limits

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a token bucket per key (an address or an account): PerMinute
// events a minute on average, at most PerMinute at once. Keys unused for
// ten minutes are forgotten, so a flood of addresses cannot grow it
// without bound for long. A nil *Rate allows everything.
type Rate struct {
	perMinute int
	mu        sync.Mutex
	buckets   map[string]*bucket
	swept     time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// forgetAfter is how long an idle key's bucket is kept: long enough that a
// full bucket has refilled, so forgetting it changes nothing.
const forgetAfter = 10 * time.Minute

// NewRate returns a limit of perMinute events a minute per key; zero or
// less means no limit (nil).
func NewRate(perMinute int) *Rate {
	if perMinute <= 0 {
		return nil
	}
	return &Rate{perMinute: perMinute, buckets: map[string]*bucket{}}
}

// Allow takes one event for key; see AllowN.
func (r *Rate) Allow(key string) (bool, time.Duration) { return r.AllowN(key, 1) }

// AllowN takes n events for key if the bucket holds them, and otherwise
// takes nothing and says how long until it will. A request larger than
// the whole bucket is let through once the bucket is full, so no single
// request is refused for ever.
func (r *Rate) AllowN(key string, n int) (bool, time.Duration) {
	if r == nil || n <= 0 {
		return true, 0
	}
	now := time.Now()
	b := r.bucket(key, now)
	n = min(n, r.perMinute)
	res := b.lim.ReserveN(now, n)
	if !res.OK() {
		return false, time.Minute
	}
	if wait := res.DelayFrom(now); wait > 0 {
		res.CancelAt(now)
		return false, wait
	}
	return true, 0
}

// Exhausted reports, without taking anything, whether key has no event
// left now, and how long until it has one.
func (r *Rate) Exhausted(key string) (bool, time.Duration) {
	if r == nil {
		return false, 0
	}
	now := time.Now()
	b := r.bucket(key, now)
	if tokens := b.lim.TokensAt(now); tokens < 1 {
		return true, time.Duration((1 - tokens) / float64(b.lim.Limit()) * float64(time.Second))
	}
	return false, 0
}

func (r *Rate) bucket(key string, now time.Time) *bucket {
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.swept) > forgetAfter {
		for k, b := range r.buckets {
			if now.Sub(b.seen) > forgetAfter {
				delete(r.buckets, k)
			}
		}
		r.swept = now
	}
	b, ok := r.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Limit(float64(r.perMinute)/60), r.perMinute)}
		r.buckets[key] = b
	}
	b.seen = now
	return b
}

// Rates are the limits at the door (issue 11). Each may be nil (no limit).
type Rates struct {
	// SignIn limits sign-in attempts per client address.
	SignIn *Rate
	// BadTokens limits refused bearer tokens per client address.
	BadTokens *Rate
	// Cost limits the query cost (as Cost computes it) per account.
	Cost *Rate
	// AnalystCost is Cost for analysts' accounts, whose work is reading the
	// whole authority in pages and who see only pseudonymised coded values;
	// nil (the default) is no budget: fair admission keeps them from
	// crowding out anyone else, and the replica keeps their reads off the
	// primary (issues 14 and 15).
	AnalystCost *Rate
}

type clientKey struct{}

// WithClient records the client's address for the limits keyed by it.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// ClientFrom is the client's address recorded by WithClient, or "".
func ClientFrom(ctx context.Context) string {
	s, _ := ctx.Value(clientKey{}).(string)
	return s
}
